import { strict } from '../calls';
import { DriveEntry, MIME } from '../drive-store';
import type { Workspace } from '../workspace';
import { ensureHeaders, linkNewSheet, unlinkSheet } from './destination';
import { FormContext, itemIdOf, wrapItem, wrapTypedItem } from './items';
import { FormItemModel, FormModel, ItemTypeName, newFormModel, newItemModel } from './model';
import { findResponse, wrapFormResponse } from './responses';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type FormApp = GoogleAppsScript.Forms.FormApp;
type FormResponse = GoogleAppsScript.Forms.FormResponse;

/**
 * Publishing members (apps-script-notes §4.3): real since the 2026 publishing change, missing from
 * @types/google-apps-script 2.0.13, so declared here. Code in src/ feature-detects them.
 */
export interface FormPublishing {
  setPublished(enabled: boolean): Form;
  isPublished(): boolean;
}

export const ItemType = {
  CHECKBOX: 'CHECKBOX',
  CHECKBOX_GRID: 'CHECKBOX_GRID',
  DATE: 'DATE',
  DATETIME: 'DATETIME',
  DURATION: 'DURATION',
  GRID: 'GRID',
  IMAGE: 'IMAGE',
  LIST: 'LIST',
  MULTIPLE_CHOICE: 'MULTIPLE_CHOICE',
  PAGE_BREAK: 'PAGE_BREAK',
  PARAGRAPH_TEXT: 'PARAGRAPH_TEXT',
  SCALE: 'SCALE',
  SECTION_HEADER: 'SECTION_HEADER',
  TEXT: 'TEXT',
  TIME: 'TIME',
  VIDEO: 'VIDEO',
  FILE_UPLOAD: 'FILE_UPLOAD',
} as const;
export const DestinationType = { SPREADSHEET: 'SPREADSHEET' } as const;
export const Alignment = { LEFT: 'LEFT', CENTER: 'CENTER', RIGHT: 'RIGHT' } as const;
export const PageNavigationType = { CONTINUE: 'CONTINUE', GO_TO_PAGE: 'GO_TO_PAGE', RESTART: 'RESTART', SUBMIT: 'SUBMIT' } as const;
export const FeedbackType = { CORRECT: 'CORRECT', INCORRECT: 'INCORRECT', GENERAL: 'GENERAL' } as const;

export const FORM_ERRORS = {
  /** Drive's text for an id that is not there or not shared with the script (drive.file scope). */
  notFound: 'No item with the given ID could be found, or you do not have permission to access it.',
  /** Seen in real scripts calling getDestinationId() on an unlinked form. */
  noDestination: 'This form does not currently have a response destination.',
  /** Chosen texts. */
  badDestinationType: 'Invalid argument: type',
  itemIndex: (index: unknown, count: number) => `Invalid argument: index ${String(index)} is out of range (the form has ${count} items).`,
  noSuchItem: 'Invalid argument: item (it is not in this form).',
};

/** The form model behind a Drive entry, or an error as Apps Script gives it for a wrong id. */
export function formEntry(ws: Workspace, id: string): DriveEntry {
  const entry = ws.drive.get(String(id));
  if (!entry || entry.mimeType !== MIME.form) throw new Error(FORM_ERRORS.notFound);
  return entry;
}

/** A stable integer id, unique in the form, reproducible from the workspace's id source. */
function newItemId(ws: Workspace, model: FormModel): number {
  for (;;) {
    const text = ws.ids.next('i');
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    // Google item ids are positive 32-bit integers, mostly 9-10 digits.
    const id = 100000000 + (h % 2000000000);
    if (id <= 2147483647 && !model.items.some((it) => it.id === id)) return id;
  }
}

type FormApi = Pick<
  Form,
  | 'getId'
  | 'getTitle'
  | 'setTitle'
  | 'getDescription'
  | 'setDescription'
  | 'getEditUrl'
  | 'getPublishedUrl'
  | 'shortenFormUrl'
  | 'setCollectEmail'
  | 'collectsEmail'
  | 'setConfirmationMessage'
  | 'getConfirmationMessage'
  | 'setCustomClosedFormMessage'
  | 'getCustomClosedFormMessage'
  | 'setAllowResponseEdits'
  | 'canEditResponse'
  | 'setLimitOneResponsePerUser'
  | 'hasLimitOneResponsePerUser'
  | 'setProgressBar'
  | 'hasProgressBar'
  | 'setShowLinkToRespondAgain'
  | 'hasRespondAgainLink'
  | 'setAcceptingResponses'
  | 'isAcceptingResponses'
  | 'getItems'
  | 'getItemById'
  | 'deleteItem'
  | 'moveItem'
  | 'addTextItem'
  | 'addParagraphTextItem'
  | 'addMultipleChoiceItem'
  | 'addCheckboxItem'
  | 'addListItem'
  | 'addScaleItem'
  | 'addGridItem'
  | 'addCheckboxGridItem'
  | 'addDateItem'
  | 'addSectionHeaderItem'
  | 'addPageBreakItem'
  | 'setDestination'
  | 'getDestinationId'
  | 'getDestinationType'
  | 'removeDestination'
  | 'getResponses'
  | 'getResponse'
  | 'createResponse'
  | 'deleteAllResponses'
  | 'deleteResponse'
>;

export class FakeForm implements FormApi, FormPublishing {
  private readonly ctx: FormContext;

  constructor(
    private readonly ws: Workspace,
    entry: DriveEntry,
  ) {
    // Read through the entry each time, so a Drive operation replacing the content is seen.
    this.ctx = {
      ws,
      get model() {
        return entry.content as FormModel;
      },
    };
  }

  private get model(): FormModel {
    return this.ctx.model;
  }
  private self(): Form {
    return this as unknown as Form;
  }

  __model(): FormModel {
    return this.model;
  }

  getId(): string {
    return this.model.id;
  }
  getTitle(): string {
    return this.model.title;
  }
  /** The form's title; the Drive file keeps its name, as in Google (they are separate). */
  setTitle(title: string): Form {
    this.model.title = String(title);
    return this.self();
  }
  getDescription(): string {
    return this.model.description;
  }
  setDescription(description: string): Form {
    this.model.description = String(description);
    return this.self();
  }
  getEditUrl(): string {
    return this.model.editUrl;
  }
  getPublishedUrl(): string {
    return this.model.publishedUrl;
  }
  shortenFormUrl(url: string): string {
    let h = 2166136261;
    for (const ch of String(url)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
    let code = '';
    for (let i = 0; i < 17; i++) {
      h = Math.imul(h ^ i, 2654435761) >>> 0;
      code += alphabet[h % alphabet.length];
    }
    return `https://forms.gle/${code}`;
  }

  setCollectEmail(collect: boolean): Form {
    this.model.collectEmail = Boolean(collect);
    // A linked sheet gets the email column at the right once the form collects it.
    ensureHeaders(this.ws, this.model);
    return this.self();
  }
  collectsEmail(): boolean {
    return this.model.collectEmail;
  }
  setConfirmationMessage(message: string): Form {
    this.model.confirmationMessage = String(message);
    return this.self();
  }
  getConfirmationMessage(): string {
    return this.model.confirmationMessage;
  }
  setCustomClosedFormMessage(message: string): Form {
    this.model.customClosedFormMessage = String(message);
    return this.self();
  }
  getCustomClosedFormMessage(): string {
    return this.model.customClosedFormMessage;
  }
  setAllowResponseEdits(enabled: boolean): Form {
    this.model.allowResponseEdits = Boolean(enabled);
    return this.self();
  }
  canEditResponse(): boolean {
    return this.model.allowResponseEdits;
  }
  setLimitOneResponsePerUser(enabled: boolean): Form {
    this.model.limitOneResponsePerUser = Boolean(enabled);
    return this.self();
  }
  hasLimitOneResponsePerUser(): boolean {
    return this.model.limitOneResponsePerUser;
  }
  setProgressBar(enabled: boolean): Form {
    this.model.progressBar = Boolean(enabled);
    return this.self();
  }
  hasProgressBar(): boolean {
    return this.model.progressBar;
  }
  setShowLinkToRespondAgain(enabled: boolean): Form {
    this.model.showLinkToRespondAgain = Boolean(enabled);
    return this.self();
  }
  hasRespondAgainLink(): boolean {
    return this.model.showLinkToRespondAgain;
  }

  /** The form's own open/closed switch; an unpublished form stays closed whatever it says. */
  setAcceptingResponses(enabled: boolean): Form {
    this.model.acceptingResponses = Boolean(enabled);
    return this.self();
  }
  isAcceptingResponses(): boolean {
    return this.model.published && this.model.acceptingResponses;
  }
  /** Publishing opens the form for responses (as the editor's «Опубликовать» does); unpublishing closes it. */
  setPublished(enabled: boolean): Form {
    this.model.published = Boolean(enabled);
    this.model.acceptingResponses = Boolean(enabled);
    return this.self();
  }
  isPublished(): boolean {
    return this.model.published;
  }

  // --- items ---

  getItems(itemType?: GoogleAppsScript.Forms.ItemType): Item[] {
    const wanted = itemType === undefined ? null : String(itemType);
    return this.model.items.filter((it) => wanted === null || it.type === wanted).map((it) => wrapItem(this.ctx, it));
  }
  getItemById(id: number): Item {
    const item = this.model.items.find((it) => it.id === Number(id));
    // Apps Script answers null for an id that is not in the form.
    return (item ? wrapItem(this.ctx, item) : null) as Item;
  }

  private indexOf(target: unknown): number {
    if (typeof target === 'number') {
      if (!Number.isInteger(target) || target < 0 || target >= this.model.items.length) {
        throw new Error(FORM_ERRORS.itemIndex(target, this.model.items.length));
      }
      return target;
    }
    const id = itemIdOf(target);
    const index = this.model.items.findIndex((it) => it.id === id);
    if (index < 0) throw new Error(FORM_ERRORS.noSuchItem);
    return index;
  }

  /** Removes the question; its column and answers stay in the linked sheet (§4.1). */
  deleteItem(target: number | Item): void {
    this.model.items.splice(this.indexOf(target), 1);
  }
  /** Reorders the form only; the linked sheet's columns do not move (§4.1). */
  moveItem(from: number | Item, to: number): Item {
    const index = this.indexOf(from);
    if (!Number.isInteger(to) || to < 0 || to >= this.model.items.length) throw new Error(FORM_ERRORS.itemIndex(to, this.model.items.length));
    const [item] = this.model.items.splice(index, 1);
    this.model.items.splice(to, 0, item);
    return wrapItem(this.ctx, item);
  }

  private add<T>(type: ItemTypeName): T {
    const item: FormItemModel = newItemModel(newItemId(this.ws, this.model), type);
    this.model.items.push(item);
    return wrapTypedItem<T>(this.ctx, item);
  }
  addTextItem(): GoogleAppsScript.Forms.TextItem {
    return this.add('TEXT');
  }
  addParagraphTextItem(): GoogleAppsScript.Forms.ParagraphTextItem {
    return this.add('PARAGRAPH_TEXT');
  }
  addMultipleChoiceItem(): GoogleAppsScript.Forms.MultipleChoiceItem {
    return this.add('MULTIPLE_CHOICE');
  }
  addCheckboxItem(): GoogleAppsScript.Forms.CheckboxItem {
    return this.add('CHECKBOX');
  }
  addListItem(): GoogleAppsScript.Forms.ListItem {
    return this.add('LIST');
  }
  addScaleItem(): GoogleAppsScript.Forms.ScaleItem {
    return this.add('SCALE');
  }
  addGridItem(): GoogleAppsScript.Forms.GridItem {
    return this.add('GRID');
  }
  addCheckboxGridItem(): GoogleAppsScript.Forms.CheckboxGridItem {
    return this.add('CHECKBOX_GRID');
  }
  addDateItem(): GoogleAppsScript.Forms.DateItem {
    return this.add('DATE');
  }
  addSectionHeaderItem(): GoogleAppsScript.Forms.SectionHeaderItem {
    return this.add('SECTION_HEADER');
  }
  addPageBreakItem(): GoogleAppsScript.Forms.PageBreakItem {
    return this.add('PAGE_BREAK');
  }

  // --- destination ---

  /**
   * Links the form to a spreadsheet: only the bound one is reachable (spreadsheets.currentonly,
   * drive.file). Each call makes a new «Ответы на форму (N)» tab, as Google does.
   */
  setDestination(type: GoogleAppsScript.Forms.DestinationType, id: string): Form {
    if (String(type) !== DestinationType.SPREADSHEET) throw new Error(FORM_ERRORS.badDestinationType);
    if (String(id) !== this.ws.spreadsheet.id) throw new Error(FORM_ERRORS.notFound);
    linkNewSheet(this.ws, this.model);
    return this.self();
  }
  getDestinationId(): string {
    if (this.model.destinationId === null && this.model.destinationSheet === null) throw new Error(FORM_ERRORS.noDestination);
    return this.model.destinationId ?? this.ws.spreadsheet.id;
  }
  getDestinationType(): GoogleAppsScript.Forms.DestinationType {
    this.getDestinationId();
    return DestinationType.SPREADSHEET as unknown as GoogleAppsScript.Forms.DestinationType;
  }
  /** Unlinks; the tab keeps its rows, its getFormUrl() becomes null. */
  removeDestination(): Form {
    unlinkSheet(this.ws, this.model);
    return this.self();
  }

  // --- responses ---

  /** All responses, or those strictly after `timestamp` ("after a given date and time"). */
  getResponses(timestamp?: GoogleAppsScript.Base.Date): FormResponse[] {
    const since = timestamp === undefined ? null : timestamp.getTime();
    return this.model.responses.filter((r) => since === null || Date.parse(r.timestamp) > since).map((r) => wrapFormResponse(this.ctx, r));
  }
  getResponse(responseId: string): FormResponse {
    return wrapFormResponse(this.ctx, findResponse(this.model, String(responseId)));
  }
  createResponse(): FormResponse {
    return wrapFormResponse(this.ctx, null);
  }
  /** Empties the form's response store; the linked sheet keeps its rows, as in Google. */
  deleteAllResponses(): Form {
    this.model.responses = [];
    return this.self();
  }
  deleteResponse(responseId: string): Form {
    findResponse(this.model, String(responseId));
    this.model.responses = this.model.responses.filter((r) => r.id !== String(responseId));
    return this.self();
  }
}

export function wrapForm(ws: Workspace, entry: DriveEntry): Form {
  return strict('Form', new FakeForm(ws, entry), ws.calls) as unknown as Form;
}

type FormAppApi = Pick<FormApp, 'create' | 'openById' | 'openByUrl' | 'getActiveForm' | 'ItemType' | 'DestinationType' | 'Alignment' | 'PageNavigationType' | 'FeedbackType'>;

/** FormApp over the workspace's Drive: forms are DriveEntries whose content is a FormModel. */
export class FakeFormApp implements FormAppApi {
  readonly ItemType = ItemType as unknown as typeof GoogleAppsScript.Forms.ItemType;
  readonly DestinationType = DestinationType as unknown as typeof GoogleAppsScript.Forms.DestinationType;
  readonly Alignment = Alignment as unknown as typeof GoogleAppsScript.Forms.Alignment;
  readonly PageNavigationType = PageNavigationType as unknown as typeof GoogleAppsScript.Forms.PageNavigationType;
  readonly FeedbackType = FeedbackType as unknown as typeof GoogleAppsScript.Forms.FeedbackType;

  constructor(private readonly ws: Workspace) {}

  /**
   * A new form in the root of Drive, unpublished and closed (forms created by API after 2026-06-30).
   * `title` names only the Drive file: the form's own title, shown to respondents, stays '' until
   * setTitle (gas-fakes live test, issuetracker 442747794).
   */
  create(title: string): Form {
    const id = this.ws.ids.next('1');
    const name = String(title);
    const entry = this.ws.drive.add({
      id,
      name,
      mimeType: MIME.form,
      parents: [],
      created: this.ws.now(),
      trashed: false,
      content: newFormModel(id, ''),
    });
    return wrapForm(this.ws, entry);
  }
  openById(id: string): Form {
    return wrapForm(this.ws, formEntry(this.ws, id));
  }
  /** Accepts the edit, viewform and published (/d/e/…) addresses. */
  openByUrl(url: string): Form {
    const m = /\/forms\/d\/(?:e\/)?([A-Za-z0-9_-]+)/.exec(String(url));
    if (!m) throw new Error(FORM_ERRORS.notFound);
    return wrapForm(this.ws, formEntry(this.ws, m[1]));
  }
  /** The add-on is bound to a spreadsheet, so there is no active form. */
  getActiveForm(): Form {
    return null as unknown as Form;
  }
}

export function createFormApp(ws: Workspace): FormApp {
  return strict('FormApp', new FakeFormApp(ws), ws.calls) as unknown as FormApp;
}

/** For the emulator's own bookkeeping: the model behind a Form handed to a script. */
export function formModelOf(form: Form): FormModel {
  return (form as unknown as { __model(): FormModel }).__model();
}

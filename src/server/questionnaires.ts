import { QuestionnaireContext, questionnaires } from '../core/questionnaires/definitions';
import { QuestionDef, QuestionnaireDef } from '../core/questionnaires/types';
import { normalizeHeader } from '../core/workbook/headers';
import { RU } from '../core/strings';
import { CuratorError, runAction } from './curator';
import { escapeHtml } from './html';
import { loadForms, loadSettings } from './settings';
import { filesNamed, moveToProgrammeFolder } from './drive';
import { uniqueChoices } from '../core/questionnaires/choices';

const FORM_MIME = 'application/vnd.google-apps.form';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PROPERTY = 'questionnaires';

/** What document properties keep of each questionnaire (ids are what matter; links for the curator). */
export interface StoredForm {
  id: string;
  url?: string;
  editUrl?: string;
  sheet?: string;
  /** Form item id of each question, by question key: import reads answers by item, not by header. */
  items?: Record<string, number>;
  /**
   * False from FormApp.create until every setting, item, the link and publishing are done: a re-run
   * then re-applies everything instead of trusting what it finds. Absent (older records) = done.
   */
  complete?: boolean;
  /** False until the form is in the programme folder; absent (older records) = leave it where it is. */
  inFolder?: boolean;
  /** Whether Google confirmed the form is published (isPublished), as last checked. */
  published?: boolean;
  /** Whether anyone with the link may answer (no sign-in to the school's domain); null = unknown. */
  openToAll?: boolean | null;
}

export function storedForms(): Record<string, StoredForm> {
  const raw = PropertiesService.getDocumentProperties().getProperty(PROPERTY);
  try {
    const parsed = raw ? (JSON.parse(raw) as unknown) : {};
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, StoredForm>) : {};
  } catch (_error) {
    return {};
  }
}

function saveStored(stored: Record<string, StoredForm>): void {
  PropertiesService.getDocumentProperties().setProperty(PROPERTY, JSON.stringify(stored));
}

/**
 * A member of an Apps Script host object, or null. `typeof` is the reliable test there (`in` is
 * not), and reading a member may itself throw (the local workspace refuses unknown members).
 */
function method(target: object, name: string): ((...args: unknown[]) => unknown) | null {
  try {
    const value = (target as Record<string, unknown>)[name];
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown) : null;
  } catch (_error) {
    return null;
  }
}

/** The choice values to write: trimmed, without blanks and repeats (Forms refuses both). */
export function choiceValues(q: QuestionDef): string[] {
  return uniqueChoices(q.choices ?? []);
}

function hasChoices(q: QuestionDef): boolean {
  return q.type === 'MULTIPLE_CHOICE' || q.type === 'CHECKBOX' || q.type === 'LIST';
}

/** Questions that would need choices and have none: nothing is created until the curator adds them. */
function emptyChoiceProblems(defs: QuestionnaireDef[]): string[] {
  const out: string[] = [];
  for (const def of defs) for (const q of def.questions) if (hasChoices(q) && !choiceValues(q).length) out.push(RU.questionnaires.emptyChoices(def.title, q.title));
  return out;
}

type Typed =
  | { type: 'TEXT'; item: GoogleAppsScript.Forms.TextItem }
  | { type: 'PARAGRAPH_TEXT'; item: GoogleAppsScript.Forms.ParagraphTextItem }
  | { type: 'MULTIPLE_CHOICE'; item: GoogleAppsScript.Forms.MultipleChoiceItem }
  | { type: 'CHECKBOX'; item: GoogleAppsScript.Forms.CheckboxItem }
  | { type: 'LIST'; item: GoogleAppsScript.Forms.ListItem }
  | { type: 'CHECKBOX_GRID'; item: GoogleAppsScript.Forms.CheckboxGridItem }
  | { type: 'SCALE'; item: GoogleAppsScript.Forms.ScaleItem }
  | { type: 'DATE'; item: GoogleAppsScript.Forms.DateItem };

function addTyped(form: Form, q: QuestionDef): Typed {
  switch (q.type) {
    case 'TEXT':
      return { type: q.type, item: form.addTextItem() };
    case 'PARAGRAPH_TEXT':
      return { type: q.type, item: form.addParagraphTextItem() };
    case 'MULTIPLE_CHOICE':
      return { type: q.type, item: form.addMultipleChoiceItem() };
    case 'CHECKBOX':
      return { type: q.type, item: form.addCheckboxItem() };
    case 'LIST':
      return { type: q.type, item: form.addListItem() };
    case 'CHECKBOX_GRID':
      return { type: q.type, item: form.addCheckboxGridItem() };
    case 'SCALE':
      return { type: q.type, item: form.addScaleItem() };
    case 'DATE':
      return { type: q.type, item: form.addDateItem() };
  }
}

/** The typed view of an existing item; the caller has checked `item.getType()` first. */
function asTyped(item: Item, type: QuestionDef['type']): Typed {
  switch (type) {
    case 'TEXT':
      return { type, item: item.asTextItem() };
    case 'PARAGRAPH_TEXT':
      return { type, item: item.asParagraphTextItem() };
    case 'MULTIPLE_CHOICE':
      return { type, item: item.asMultipleChoiceItem() };
    case 'CHECKBOX':
      return { type, item: item.asCheckboxItem() };
    case 'LIST':
      return { type, item: item.asListItem() };
    case 'CHECKBOX_GRID':
      return { type, item: item.asCheckboxGridItem() };
    case 'SCALE':
      return { type, item: item.asScaleItem() };
    case 'DATE':
      return { type, item: item.asDateItem() };
  }
}

/** Everything a question's item carries, written whole: the same on a new item and a half-made one. */
function fill(typed: Typed, q: QuestionDef): void {
  const help = q.help ?? '';
  switch (typed.type) {
    case 'TEXT':
      typed.item.setTitle(q.title).setHelpText(help).setRequired(q.required);
      return;
    case 'PARAGRAPH_TEXT':
      typed.item.setTitle(q.title).setHelpText(help).setRequired(q.required);
      return;
    case 'MULTIPLE_CHOICE':
      typed.item.setTitle(q.title).setHelpText(help).setChoiceValues(choiceValues(q)).showOtherOption(!!q.otherOption).setRequired(q.required);
      return;
    case 'CHECKBOX':
      typed.item.setTitle(q.title).setHelpText(help).setChoiceValues(choiceValues(q)).showOtherOption(!!q.otherOption).setRequired(q.required);
      return;
    case 'LIST':
      typed.item.setTitle(q.title).setHelpText(help).setChoiceValues(choiceValues(q)).setRequired(q.required);
      return;
    case 'CHECKBOX_GRID':
      typed.item
        .setTitle(q.title)
        .setHelpText(help)
        .setRows([...(q.rows ?? [])])
        .setColumns([...(q.columns ?? [])])
        .setRequired(q.required);
      return;
    case 'SCALE':
      typed.item.setTitle(q.title).setHelpText(help).setBounds(1, 10).setRequired(q.required);
      return;
    case 'DATE':
      typed.item.setTitle(q.title).setHelpText(help).setRequired(q.required);
      return;
  }
}

/**
 * Choice lists come from the workbook (forms of mentoring): keep the form's lists current. The
 * item's type is checked by the caller, since a curator may have changed a question's type.
 */
function refreshChoices(item: Item, q: QuestionDef): boolean {
  if (!hasChoices(q)) return false;
  const wanted = choiceValues(q);
  const typed = asTyped(item, q.type);
  if (typed.type !== 'MULTIPLE_CHOICE' && typed.type !== 'CHECKBOX' && typed.type !== 'LIST') return false;
  const current = typed.item.getChoices().map((c) => c.getValue());
  if (current.join('\n') === wanted.join('\n')) return false;
  typed.item.setChoiceValues(wanted);
  return true;
}

export interface PublishState {
  /** Google confirmed isPublished(); false also when this runtime cannot publish at all. */
  published: boolean;
  /** Anyone with the link may answer; false = only the school's domain; null = could not tell. */
  openToAll: boolean | null;
}

/**
 * Forms made through the API after 30 June 2026 start unpublished and take no answers until
 * published (Forms API «API changes to Google Forms»); setPublished(true) also opens them for
 * responses («Publish and manage responders»). Legacy runtimes may lack the methods entirely.
 */
function publish(form: Form): PublishState {
  const setPublished = method(form, 'setPublished');
  const isPublished = method(form, 'isPublished');
  let published = false;
  if (setPublished && isPublished) {
    if (isPublished.call(form) !== true) setPublished.call(form, true);
    published = isPublished.call(form) === true;
  }
  if (published && !form.isAcceptingResponses()) form.setAcceptingResponses(true);
  return { published, openToAll: openToEveryone(form) };
}

/**
 * Parents and partners have no school account: a Workspace domain may make its forms ask for a
 * sign-in to the domain. requiresLogin/setRequireLogin exist only there (a consumer account may
 * throw), so every failure here means «unknown», never a failed operation.
 */
function openToEveryone(form: Form): boolean | null {
  const requiresLogin = method(form, 'requiresLogin');
  const setRequireLogin = method(form, 'setRequireLogin');
  if (!requiresLogin) return null;
  try {
    if (requiresLogin.call(form) !== true) return true;
    if (!setRequireLogin) return false;
    setRequireLogin.call(form, false);
    return requiresLogin.call(form) !== true;
  } catch (_error) {
    return null;
  }
}

/** getDestinationId throws when the form has no destination; that only means «not linked». */
function destinationOf(form: Form): string | null {
  try {
    return form.getDestinationId();
  } catch (_error) {
    return null;
  }
}

function openForm(id: string | undefined): Form | null {
  if (!id) return null;
  try {
    return FormApp.openById(id);
  } catch (_error) {
    // Deleted or no longer shared: it will be created again.
    return null;
  }
}

/**
 * A form left by a run that failed between FormApp.create and recording its id: made by this
 * add-on (Drive lists only those), named as the questionnaire, still empty and unlinked.
 */
function orphanForm(def: QuestionnaireDef, taken: ReadonlySet<string>): Form | null {
  for (const id of filesNamed(def.title, FORM_MIME)) {
    if (taken.has(id)) continue;
    const form = openForm(id);
    if (form && form.getItems().length === 0 && destinationOf(form) === null) return form;
  }
  return null;
}

export interface FormReport {
  key: string;
  title: string;
  url: string;
  editUrl: string;
  sheet: string;
  action: 'создана' | 'восстановлена' | 'в порядке';
  published: boolean;
  openToAll: boolean | null;
}

/** The response sheet Google linked to the form, found by the form's id in the sheet's form URL. */
export function responseSheetOf(ss: Spreadsheet, formId: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  return ss.getSheets().find((s) => (s.getFormUrl() ?? '').includes(formId)) ?? null;
}

interface Existing {
  item: Item;
  id: number;
  title: string;
  type: string;
}

/**
 * Makes the form match its definition, recording progress in document properties as it goes: the
 * id right after FormApp.create, the rest when the form is done. A failure at any call leaves a
 * record the next run resumes from, never a second form.
 */
function ensureForm(ss: Spreadsheet, def: QuestionnaireDef, stored: Record<string, StoredForm>, problems: string[]): { form: Form; action: FormReport['action']; state: PublishState } {
  const previous = stored[def.key];
  let form = openForm(previous?.id);
  let action: FormReport['action'] = 'в порядке';
  let record: StoredForm;
  if (form) {
    record = { ...previous!, id: form.getId() };
  } else {
    const taken = new Set(Object.values(stored).map((s) => s.id));
    form = orphanForm(def, taken) ?? FormApp.create(def.title);
    // Recorded before anything else, so a failure from here on is resumed, not repeated.
    record = { id: form.getId(), items: {}, complete: false, inFolder: false };
    stored[def.key] = record;
    saveStored(stored);
    action = 'создана';
  }
  const fresh = record.complete === false;

  // create(title) names only the Drive file; respondents see the form's own title, empty until set.
  if (form.getTitle() !== def.title) {
    form.setTitle(def.title);
    if (action === 'в порядке') action = 'восстановлена';
  }
  if (fresh) {
    form.setDescription(def.description).setConfirmationMessage(def.confirmation).setCollectEmail(false).setLimitOneResponsePerUser(false);
  }

  const items = syncItems(form, def, record, { fresh, empty: action === 'создана' }, problems);
  if (items.changed && action === 'в порядке') action = 'восстановлена';
  record.items = items.ids;

  if (destinationOf(form) !== ss.getId()) {
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    if (action === 'в порядке') action = 'восстановлена';
  }
  const state = publish(form);
  if (record.inFolder === false) record.inFolder = moveToProgrammeFolder(record.id);
  record.published = state.published;
  record.openToAll = state.openToAll;
  record.complete = true;
  stored[def.key] = record;
  return { form, action, state };
}

/** Each question's item: recorded, found by title, a half-made leftover of its type, or new. */
function syncItems(form: Form, def: QuestionnaireDef, record: StoredForm, { fresh, empty }: { fresh: boolean; empty: boolean }, problems: string[]): { ids: Record<string, number>; changed: boolean } {
  const known = record.items ?? {};
  // A form made (or found empty) in this run has no items to read.
  const existing: Existing[] = empty ? [] : form.getItems().map((item) => ({ item, id: item.getId(), title: normalizeHeader(item.getTitle()), type: String(item.getType()) }));
  const byId = new Map(existing.map((e) => [e.id, e]));
  const claimed = new Set<number>();
  const free = (e: Existing | undefined) => (e && !claimed.has(e.id) ? e : undefined);
  const ids: Record<string, number> = {};
  let changed = false;
  for (const q of def.questions) {
    const titles = new Set([q.title, ...(q.aliases ?? [])].map(normalizeHeader));
    let entry = free(known[q.key] !== undefined ? byId.get(known[q.key]) : undefined);
    // Items recorded by a finished run are whole; anything else found is re-filled to be sure.
    let whole = !!entry && !fresh;
    if (!entry) {
      entry = existing.find((e) => !claimed.has(e.id) && titles.has(e.title));
      // Older records kept no item ids: their items were made whole in one go.
      whole = !!entry && !fresh && record.items === undefined;
    }
    entry ??= existing.find((e) => !claimed.has(e.id) && e.title === '' && e.type === q.type);
    if (!entry) {
      const typed = addTyped(form, q);
      fill(typed, q);
      ids[q.key] = typed.item.getId();
      changed = true;
      continue;
    }
    claimed.add(entry.id);
    if (entry.type !== q.type) {
      // The curator changed the question's type: report it, never force the item through as….
      problems.push(RU.questionnaires.typeChanged(def.title, q.title, RU.questionnaires.itemTypes[q.type] ?? q.type));
      continue;
    }
    ids[q.key] = entry.id;
    if (!whole) {
      fill(asTyped(entry.item, q.type), q);
      changed = true;
    } else if (refreshChoices(entry.item, q)) changed = true;
  }
  return { ids, changed };
}

export function questionnaireContext(ss: Spreadsheet): QuestionnaireContext {
  const { settings } = loadSettings(ss);
  const forms = loadForms(ss)
    .filter((f) => f.active)
    .map((f) => f.name);
  return { forms, pseudonymous: settings.pseudonymousMode === true };
}

function createQuestionnairesNow(): { message: string; forms: FormReport[]; problems: string[] } {
  const ss = SpreadsheetApp.getActive();
  const ctx = questionnaireContext(ss);
  const defs = Object.values(questionnaires(ctx));
  const empty = emptyChoiceProblems(defs);
  if (empty.length) throw new CuratorError(empty.join('\n'));
  const stored = storedForms();
  const reports: FormReport[] = [];
  const problems: string[] = [];
  for (const def of defs) {
    const before = JSON.stringify(stored[def.key] ?? null);
    const { form, action, state } = ensureForm(ss, def, stored, problems);
    const sheet = responseSheetOf(ss, form.getId());
    const report: FormReport = {
      key: def.key,
      title: def.title,
      url: form.getPublishedUrl(),
      editUrl: form.getEditUrl(),
      sheet: sheet?.getName() ?? '',
      action,
      published: state.published,
      openToAll: state.openToAll,
    };
    stored[def.key] = { ...stored[def.key], url: report.url, editUrl: report.editUrl, sheet: report.sheet };
    // Each finished form is recorded at once: a later failure does not send this one back.
    if (JSON.stringify(stored[def.key]) !== before) saveStored(stored);
    reports.push(report);
  }
  const unpublished = reports.filter((r) => !r.published).map((r) => r.title);
  const closed = reports.filter((r) => r.published && r.openToAll === false).map((r) => r.title);
  const unknown = reports.filter((r) => r.published && r.openToAll === null).map((r) => r.title);
  if (unpublished.length) problems.push(RU.questionnaires.notPublished(unpublished));
  if (closed.length) problems.push(RU.questionnaires.domainOnly(closed));
  if (unknown.length) problems.push(RU.questionnaires.accessUnknown(unknown));
  showLinks(reports, problems);
  const created = reports.filter((r) => r.action === 'создана').length;
  const repaired = reports.filter((r) => r.action === 'восстановлена').length;
  const message = [RU.questionnaires.summary(created, repaired, reports.length), ...problems].join(' ');
  return { message, forms: reports, problems };
}

function accessLine(r: FormReport): string {
  if (!r.published) return RU.questionnaires.linkNotPublished;
  if (r.openToAll === true) return RU.questionnaires.linkOpen;
  if (r.openToAll === false) return RU.questionnaires.linkDomainOnly;
  return RU.questionnaires.linkAccessUnknown;
}

function showLinks(reports: FormReport[], problems: string[]): void {
  const rows = reports
    .map(
      (r) =>
        `<li><b>${escapeHtml(r.title)}</b> (${escapeHtml(r.action)})<br>` +
        `${escapeHtml(RU.questionnaires.linkForParticipants)}: <a href="${escapeHtml(r.url)}" target="_blank">${escapeHtml(r.url)}</a><br>` +
        `${escapeHtml(RU.questionnaires.linkEdit)}: <a href="${escapeHtml(r.editUrl)}" target="_blank">${escapeHtml(RU.questionnaires.linkOpenForm)}</a>` +
        (r.sheet ? `; ${escapeHtml(RU.questionnaires.linkSheet(r.sheet))}` : '') +
        `<br>${r.published && r.openToAll === true ? '' : '⚠ '}${escapeHtml(accessLine(r))}` +
        '</li>',
    )
    .join('');
  const notes = problems.map((p) => `<p style="color:#a50e0e">${escapeHtml(p)}</p>`).join('');
  const html = `<div style="font:14px Arial,sans-serif"><p>${escapeHtml(RU.questionnaires.linksIntro)}</p>${notes}<ul>${rows}</ul></div>`;
  try {
    SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput(html).setWidth(600).setHeight(460), RU.questionnaires.dialogTitle);
  } catch (_error) {
    // No Ui (run from a trigger or the local runner without one): the result carries the links.
  }
}

/** Menu «Создать анкеты»: the questionnaires as Google Forms linked to this spreadsheet. */
export function createQuestionnaires() {
  return runAction(RU.action.questionnaires, createQuestionnairesNow);
}

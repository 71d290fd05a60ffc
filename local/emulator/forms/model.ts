/**
 * A Google Form as the emulator keeps it: plain JSON (no classes, no Dates, no undefined values) that
 * mirrors the .form.json file of the local workspace (DESIGN.md, "Local workspace folder"). The
 * fields of that format come first; everything after `items` is additive. It sits in a DriveEntry
 * (mimeType MIME.form, content = the model).
 */

/** FormApp.ItemType names the emulator implements. */
export const ITEM_TYPES = ['TEXT', 'PARAGRAPH_TEXT', 'MULTIPLE_CHOICE', 'CHECKBOX', 'LIST', 'SCALE', 'GRID', 'CHECKBOX_GRID', 'DATE', 'SECTION_HEADER', 'PAGE_BREAK'] as const;
export type ItemTypeName = (typeof ITEM_TYPES)[number];

/** Layout items: no answer, no column in the response sheet. */
export const LAYOUT_TYPES: readonly ItemTypeName[] = ['SECTION_HEADER', 'PAGE_BREAK'];

export function isQuestion(type: ItemTypeName): boolean {
  return !LAYOUT_TYPES.includes(type);
}

/** FormApp.PageNavigationType names. */
export const NAVIGATION_TYPES = ['CONTINUE', 'GO_TO_PAGE', 'RESTART', 'SUBMIT'] as const;
export type NavigationType = (typeof NAVIGATION_TYPES)[number];

/** Where the form goes after a page: GO_TO_PAGE names the page break that starts the target page. */
export interface NavigationModel {
  type: NavigationType;
  pageId?: number;
}

export interface FormItemModel {
  /** Stable integer, unique in the form (Item.getId()). */
  id: number;
  title: string;
  type: ItemTypeName;
  helpText: string;
  /** Always false for layout items. */
  required: boolean;
  /** MULTIPLE_CHOICE, CHECKBOX, LIST. */
  choices?: string[];
  /** MULTIPLE_CHOICE and CHECKBOX: the «Другое» field (showOtherOption). */
  otherOption?: boolean;
  /** GRID and CHECKBOX_GRID. */
  rows?: string[];
  columns?: string[];
  /** SCALE. */
  lowerBound?: number;
  upperBound?: number;
  leftLabel?: string;
  rightLabel?: string;
  /** DATE. */
  includesYear?: boolean;
  /**
   * PAGE_BREAK: where the form goes after the page before this break, when the respondent
   * reaches the break in order (PageBreakItem.setGoToPage); absent = CONTINUE.
   */
  goToPage?: NavigationModel;
  /**
   * MULTIPLE_CHOICE and LIST: per choice, where the form goes after this item's page when that
   * choice is picked («перейти к разделу на основе ответа»); null = no navigation. Absent = none.
   */
  choiceNavigation?: Array<NavigationModel | null>;
}

/**
 * One answer as ItemResponse.getResponse() returns it: string for text, choice, list, scale
 * ("4") and date ("YYYY-MM-DD"); string[] for checkbox (selected values) and grid (one per row,
 * '' for an unanswered row); string[][] for checkbox grid (one list per row, [] unanswered).
 */
export type AnswerValue = string | string[] | string[][];

export interface FormResponseModel {
  id: string;
  /** ISO 8601. */
  timestamp: string;
  /** Present when the form collected it. */
  email?: string;
  /** Keyed by item id (as a JSON key). Unanswered items are absent. */
  answers: Record<string, AnswerValue>;
}

export interface FormModel {
  id: string;
  title: string;
  description: string;
  /** The participants' address (the published URL). */
  url: string;
  published: boolean;
  collectEmail: boolean;
  /** Name of the linked response sheet in the destination spreadsheet, or null. */
  destinationSheet: string | null;
  items: FormItemModel[];
  // --- additive fields ---
  /** The form's own switch; the form takes answers only when published AND this is true. */
  acceptingResponses: boolean;
  editUrl: string;
  publishedUrl: string;
  /** Spreadsheet id of the destination, or null. */
  destinationId: string | null;
  /** SheetModel.id of the linked sheet (survives the curator renaming the tab), or null. */
  destinationSheetId: number | null;
  confirmationMessage: string;
  customClosedFormMessage: string;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  progressBar: boolean;
  showLinkToRespondAgain: boolean;
  responses: FormResponseModel[];
}

export function formEditUrl(id: string): string {
  return `https://docs.google.com/forms/d/${id}/edit`;
}

export function formPublishedUrl(id: string): string {
  return `https://docs.google.com/forms/d/e/${id}/viewform`;
}

/** What Sheet.getFormUrl() reports for a linked response sheet. */
export function formSheetUrl(id: string): string {
  return `https://docs.google.com/forms/d/${id}/viewform`;
}

/** A new form as FormApp.create leaves it: no items, unpublished (forms created by API after 2026-06-30 start so); FormApp.create passes '' as the title. */
export function newFormModel(id: string, title: string): FormModel {
  return {
    id,
    title,
    description: '',
    url: formPublishedUrl(id),
    published: false,
    collectEmail: false,
    destinationSheet: null,
    items: [],
    acceptingResponses: false,
    editUrl: formEditUrl(id),
    publishedUrl: formPublishedUrl(id),
    destinationId: null,
    destinationSheetId: null,
    confirmationMessage: '',
    customClosedFormMessage: '',
    allowResponseEdits: false,
    limitOneResponsePerUser: false,
    progressBar: false,
    showLinkToRespondAgain: true,
    responses: [],
  };
}

/** A new item of a type, with the fields that type carries. */
export function newItemModel(id: number, type: ItemTypeName): FormItemModel {
  const item: FormItemModel = { id, title: '', type, helpText: '', required: false };
  if (type === 'MULTIPLE_CHOICE' || type === 'CHECKBOX' || type === 'LIST') item.choices = [];
  if (type === 'MULTIPLE_CHOICE' || type === 'CHECKBOX') item.otherOption = false;
  if (type === 'GRID' || type === 'CHECKBOX_GRID') {
    item.rows = [];
    item.columns = [];
  }
  if (type === 'SCALE') {
    // Google's defaults for a new linear scale: 1 to 5, no labels.
    item.lowerBound = 1;
    item.upperBound = 5;
    item.leftLabel = '';
    item.rightLabel = '';
  }
  if (type === 'DATE') item.includesYear = true;
  return item;
}

/**
 * The response-sheet headers of one item, in column order: the title, or "Title [Row]" per row for
 * grids; none for layout items (apps-script-notes §4.1).
 */
export function columnKeys(item: FormItemModel): string[] {
  if (!isQuestion(item.type)) return [];
  if (item.type === 'GRID' || item.type === 'CHECKBOX_GRID') return (item.rows ?? []).map((row) => `${item.title} [${row}]`);
  return [item.title];
}

/** The form's answer cells for one response, aligned with `columnKeys` of each item. */
export function answerCells(item: FormItemModel, answer: AnswerValue | undefined): string[] {
  const keys = columnKeys(item);
  if (answer === undefined) return keys.map(() => '');
  if (item.type === 'GRID') return keys.map((_k, i) => String((answer as string[])[i] ?? ''));
  if (item.type === 'CHECKBOX_GRID') return keys.map((_k, i) => ((answer as string[][])[i] ?? []).join(', '));
  // Checkbox answers share one cell joined with ", " (apps-script-notes §4.1).
  if (item.type === 'CHECKBOX') return [(answer as string[]).join(', ')];
  return [String(answer)];
}

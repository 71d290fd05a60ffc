import { formatDatePattern, fromWallClock } from '../time';
import { Cell, SheetModel, SpreadsheetModel } from '../sheets/model';
import { displayValue } from '../sheets/typing';
import type { Workspace } from '../workspace';
import { FormItemModel, FormModel, FormResponseModel, answerCells, columnKeys, formSheetUrl } from './model';

/**
 * The linked response sheet, laid out as Google does (apps-script-notes §4.1): a new tab
 * «Ответы на форму (N)» at the left, row 1 frozen, column A «Отметка времени», then «Адрес
 * электронной почты» when the form collects it, then one column per question in form order (grids:
 * one per row, "Title [Row]"). Column A is found by position, every other column by its header, so
 * columns the curator added or moved are respected; a header that is missing gets a new column at
 * the right. Renaming a question renames its header; deleting one keeps its column.
 */

export interface SheetFormSubmitEventData {
  range: { sheetName: string; row: number; column: number; numRows: number; numColumns: number };
  /** Displayed strings of the new row, in column order. */
  values: string[];
  /** Header → [displayed string]; columns sharing a header share the key. */
  namedValues: Record<string, string[]>;
}

interface Labels {
  timestamp: string;
  email: string;
  sheet: (n: number) => string;
  /** How the timestamp shows (getDisplayValues, e.values). */
  timestampPattern: string;
}

const RU: Labels = {
  timestamp: 'Отметка времени',
  email: 'Адрес электронной почты',
  sheet: (n) => `Ответы на форму (${n})`,
  timestampPattern: 'dd.MM.yyyy H:mm:ss',
};
const EN: Labels = {
  timestamp: 'Timestamp',
  email: 'Email Address',
  sheet: (n) => `Form Responses ${n}`,
  timestampPattern: 'M/d/yyyy H:mm:ss',
};

export function responseLabels(book: SpreadsheetModel): Labels {
  return book.locale.startsWith('ru') ? RU : EN;
}

/** The linked sheet, if the form writes to the workspace's spreadsheet and the tab still exists. */
export function destinationSheetOf(ws: Workspace, model: FormModel): SheetModel | null {
  if (model.destinationId === null && model.destinationSheet === null) return null;
  // A hand-written .form.json may name only the sheet: it is then in the bound spreadsheet.
  if ((model.destinationId ?? ws.spreadsheet.id) !== ws.spreadsheet.id) return null;
  const book = ws.spreadsheet;
  let sheet = model.destinationSheetId === null ? undefined : book.sheets.find((s) => s.id === model.destinationSheetId);
  if (!sheet && model.destinationSheet !== null) sheet = book.findSheet(model.destinationSheet);
  if (!sheet) return null;
  // Google follows the tab by id, so a renamed tab stays linked; keep the saved name current.
  model.destinationSheet = sheet.name;
  model.destinationSheetId = sheet.id;
  return sheet;
}

/** An item's headers; an untitled question has no column until it gets a title. */
function keysOf(item: FormItemModel): string[] {
  return item.title === '' ? [] : columnKeys(item);
}

/** Headers after column A, in form order (email first when collected). */
function formKeys(model: FormModel, labels: Labels): string[] {
  const keys: string[] = model.collectEmail ? [labels.email] : [];
  for (const item of model.items) keys.push(...keysOf(item));
  return keys;
}

function headerText(sheet: SheetModel, column: number): string {
  const v = sheet.cell(1, column)?.v;
  return v === undefined || v === null ? '' : v instanceof Date ? v.toISOString() : String(v);
}

/**
 * Column of each key by header lookup; the n-th key of a repeated title takes the n-th column with
 * that header. 0 = no such column.
 */
function locate(sheet: SheetModel, keys: readonly string[]): number[] {
  const last = sheet.lastColumn();
  const claimed = new Set<number>([1]);
  return keys.map((key) => {
    for (let c = 2; c <= last; c++) {
      if (!claimed.has(c) && headerText(sheet, c) === key) {
        claimed.add(c);
        return c;
      }
    }
    return 0;
  });
}

function writeText(sheet: SheetModel, row: number, column: number, text: string): void {
  if (row > sheet.maxRows) sheet.maxRows = row;
  if (column > sheet.maxColumns) sheet.maxColumns = column;
  const old = sheet.cell(row, column);
  const next: Cell = { ...(old ?? {}), v: text };
  delete next.f;
  sheet.setCell(row, column, next);
}

/** Columns for `keys`, appending a headed column at the right for each one that is missing. */
function ensureColumns(sheet: SheetModel, keys: readonly string[]): number[] {
  const columns = locate(sheet, keys);
  let next = Math.max(sheet.lastColumn(), 1) + 1;
  return columns.map((c, i) => {
    if (c > 0) return c;
    writeText(sheet, 1, next, keys[i]);
    return next++;
  });
}

/** Appends headers for questions (or the email column) the sheet does not have yet. */
export function ensureHeaders(ws: Workspace, model: FormModel): void {
  const sheet = destinationSheetOf(ws, model);
  if (sheet) ensureColumns(sheet, formKeys(model, responseLabels(ws.spreadsheet)));
}

/**
 * Runs a change to one item and renames that item's headers in the linked sheet, as Google does when
 * a question (or a grid row) is renamed. Columns found under the old headers get the new ones.
 */
export function withHeaderRename(ws: Workspace, model: FormModel, item: FormItemModel, change: () => void): void {
  const sheet = destinationSheetOf(ws, model);
  if (!sheet) {
    change();
    return;
  }
  const labels = responseLabels(ws.spreadsheet);
  const before = formKeys(model, labels);
  const beforeColumns = locate(sheet, before);
  // This item's slice of the form's keys, by position among the keys of the items before it.
  const earlier = model.items.slice(0, model.items.indexOf(item));
  const offset = (model.collectEmail ? 1 : 0) + earlier.reduce((n, it) => n + keysOf(it).length, 0);
  const oldKeys = keysOf(item);
  const oldColumns = beforeColumns.slice(offset, offset + oldKeys.length);
  change();
  const newKeys = keysOf(item);
  oldColumns.forEach((column, i) => {
    if (column > 0 && newKeys[i]) writeText(sheet, 1, column, newKeys[i]);
  });
  ensureColumns(sheet, formKeys(model, labels));
}

/**
 * setDestination(SPREADSHEET, id): a new tab at the left with the lowest free number, its header,
 * the responses the form already has, and the tab's form URL. A previously linked tab keeps its
 * data and loses the link.
 */
export function linkNewSheet(ws: Workspace, model: FormModel): SheetModel {
  const book = ws.spreadsheet;
  const labels = responseLabels(book);
  const previous = destinationSheetOf(ws, model);
  if (previous) previous.formUrl = null;
  let n = 1;
  while (book.findSheetIgnoringCase(labels.sheet(n))) n++;
  const sheet = book.addSheet(labels.sheet(n), 0);
  // The curator's active tab stays the same tab.
  if (book.sheets.length > 1) book.activeSheet += 1;
  sheet.frozenRows = 1;
  sheet.formUrl = formSheetUrl(model.id);
  model.destinationId = book.id;
  model.destinationSheet = sheet.name;
  model.destinationSheetId = sheet.id;
  writeText(sheet, 1, 1, labels.timestamp);
  formKeys(model, labels).forEach((key, i) => writeText(sheet, 1, i + 2, key));
  for (const response of model.responses) appendResponseRow(ws, model, response);
  return sheet;
}

export function unlinkSheet(ws: Workspace, model: FormModel): void {
  const sheet = destinationSheetOf(ws, model);
  if (sheet) sheet.formUrl = null;
  model.destinationId = null;
  model.destinationSheet = null;
  model.destinationSheetId = null;
}

/**
 * What an answer becomes in its cell. Google writes answers as values, not as typed input: a text
 * starting with "=", "+" or "@" stays text, never a formula. Numbers: a scale answer and an answer
 * that is a plain number in the spreadsheet's locale ("12", "-3", "1,5" in ru) become numbers, as in
 * Google's response sheets (so "0012" becomes 12: the known leading-zero loss); a date question
 * becomes a Date at midnight in the spreadsheet's zone. Everything else is kept as the exact text.
 */
function answerValue(text: string, item: FormItemModel, book: SpreadsheetModel): string | number | Date {
  if (text === '') return '';
  if (item.type === 'DATE') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (m) return fromWallClock({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0, second: 0, millisecond: 0 }, book.timeZone);
    return text;
  }
  const ru = book.locale.startsWith('ru');
  const plainNumber = ru ? /^-?\d+(,\d+)?$/ : /^-?\d+(\.\d+)?$/;
  if (plainNumber.test(text)) {
    const n = Number(ru ? text.replace(',', '.') : text);
    if (Number.isFinite(n)) return n;
  }
  return text;
}

/** Appends one response as Google writes it and returns the onFormSubmit event data, or undefined without a linked sheet. */
export function appendResponseRow(ws: Workspace, model: FormModel, response: FormResponseModel): SheetFormSubmitEventData | undefined {
  const sheet = destinationSheetOf(ws, model);
  if (!sheet) return undefined;
  const book = ws.spreadsheet;
  const labels = responseLabels(book);
  // Row 1 is the header even if the curator emptied it.
  const row = Math.max(2, sheet.lastRow() + 1);
  if (row > sheet.maxRows) sheet.maxRows = row;
  const timestamp = new Date(response.timestamp);
  sheet.setCell(row, 1, { ...(sheet.cell(row, 1) ?? {}), v: timestamp });

  const keys: string[] = [];
  const cells: Array<{ item: FormItemModel | null; text: string }> = [];
  if (model.collectEmail) {
    keys.push(labels.email);
    cells.push({ item: null, text: response.email ?? '' });
  }
  for (const item of model.items) {
    const texts = answerCells(item, response.answers[String(item.id)]);
    keysOf(item).forEach((key, i) => {
      keys.push(key);
      cells.push({ item, text: texts[i] });
    });
  }
  const columns = ensureColumns(sheet, keys);
  columns.forEach((column, i) => {
    const { item, text } = cells[i];
    const value = item ? answerValue(text, item, book) : text;
    if (column > sheet.maxColumns) sheet.maxColumns = column;
    if (value === '') sheet.setCell(row, column, undefined);
    else sheet.setCell(row, column, { v: value });
  });

  const width = Math.max(1, ...columns);
  const values: string[] = [];
  const namedValues: Record<string, string[]> = {};
  for (let c = 1; c <= width; c++) {
    const cell = sheet.cell(row, c);
    const shown = c === 1 ? formatDatePattern(timestamp, book.timeZone, labels.timestampPattern) : displayValue(cell, book.locale, book.timeZone);
    values.push(shown);
    const header = headerText(sheet, c);
    if (header === '') continue;
    (namedValues[header] ??= []).push(shown);
  }
  return { range: { sheetName: sheet.name, row, column: 1, numRows: 1, numColumns: width }, values, namedValues };
}

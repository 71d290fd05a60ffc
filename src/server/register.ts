import { CalendarDate } from '../core/documents/dates';
import { dayOfIn } from './import';
import { isDateCell, readCalendarDate } from '../core/documents/cell-date';
import { normalizeHeader } from '../core/workbook/headers';
import { sheetDef } from '../core/workbook/sheets';
import { ensureSheet } from './setup';
import { LoadedTable, loadTable, readSheet, saveTable } from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A kind of generated document; the two orders have fixed names, any other kind is its own label. */
export type DocumentKind = 'order-pairs' | 'order-training' | string;

/** What «Вид» of the register says for a kind: the curator reads it, the add-on finds rows by it. */
const KIND_LABELS: Readonly<Record<string, string>> = {
  'order-pairs': 'Приказ об утверждении наставнических пар (групп)',
  'order-training': 'Приказ об организации «Школы наставников»',
  'development-plan': 'Индивидуальный план развития',
};

export function kindLabel(kind: DocumentKind): string {
  return KIND_LABELS[kind] ?? kind;
}

export interface RegisteredDocument {
  id: string;
  url: string;
  title: string;
  /** The day the director signed it, as the curator recorded it; null until she does. */
  signed: CalendarDate | null;
  /** The registration number the curator recorded; '' until she does. */
  number: string;
  /** The register's row as the curator sees it (the header is row 1). */
  row: number;
}

/** The calendar day a cell's Date stands for in the spreadsheet's time zone. */
export function dayIn(ss: Spreadsheet): (d: Date) => CalendarDate {
  // One conversion per moment and zone (import.ts): a year of dated rows is not a call per row.
  return dayOfIn(ss.getSpreadsheetTimeZone());
}

/** The register, created (as setup would) in a workbook set up before it existed. */
function openRegister(ss: Spreadsheet): LoadedTable {
  const def = sheetDef('documents');
  return readSheet(ensureSheet(ss, def), def);
}

const idOf = (t: LoadedTable['table'], i: number) => String(t.get(i, 'id')).trim();

export interface DocumentEntry {
  id: string;
  kind: DocumentKind;
  title: string;
  url: string;
  created: Date;
}

/** Adds or updates (by Doc id) the register row of a generated document; never touches the curator's date and number. */
export function recordDocument(ss: Spreadsheet, doc: DocumentEntry): void {
  recordDocuments(ss, [doc]);
}

/** The same for many documents at once: the register is read once and written once. */
export function recordDocuments(ss: Spreadsheet, docs: readonly DocumentEntry[]): void {
  if (!docs.length) return;
  const loaded = openRegister(ss);
  const t = loaded.table;
  for (const doc of docs) {
    let row = t.find('id', doc.id).find((i) => idOf(t, i) === doc.id);
    if (row === undefined) {
      row = t.append();
      t.set(row, 'id', doc.id);
    }
    t.set(row, 'kind', kindLabel(doc.kind));
    t.set(row, 'title', doc.title);
    t.set(row, 'url', doc.url);
    // The first record of a Doc says when it was made; re-rendering it later does not make it newer.
    if (!isDateCell(t.get(row, 'created'))) t.set(row, 'created', doc.created);
  }
  saveTable(loaded);
}

function createdAt(value: unknown): number {
  return isDateCell(value) ? value.getTime() : -Infinity;
}

/** The register's rows of a kind, newest last (by «Создан», then by place in the sheet). */
function rowsOfKind(loaded: LoadedTable, kind: DocumentKind): number[] {
  const t = loaded.table;
  const wanted = new Set([normalizeHeader(kindLabel(kind)), normalizeHeader(kind)]);
  return t.rows
    .map((_r, i) => i)
    .filter((i) => idOf(t, i) && wanted.has(normalizeHeader(t.get(i, 'kind'))))
    .sort((a, b) => createdAt(t.get(a, 'created')) - createdAt(t.get(b, 'created')) || a - b);
}

/** The latest register row of a kind, with the signed date and number if the curator recorded them. */
export function latestDocument(ss: Spreadsheet, kind: DocumentKind): RegisteredDocument | null {
  const loaded = loadTable(ss, 'documents', false);
  if (!loaded) return null;
  const rows = rowsOfKind(loaded, kind);
  if (!rows.length) return null;
  const i = rows[rows.length - 1];
  const t = loaded.table;
  const signed = readCalendarDate(t.get(i, 'signedOn'), dayIn(ss));
  return {
    id: idOf(t, i),
    url: String(t.get(i, 'url')).trim(),
    title: String(t.get(i, 'title')).trim(),
    signed: signed === 'invalid' ? null : signed,
    number: String(t.get(i, 'number')).trim(),
    row: i + 2,
  };
}

/** Writes what the notification step did into the register row of a Doc («Участники уведомлены»). */
export function recordNotified(ss: Spreadsheet, docId: string, text: string): void {
  const loaded = openRegister(ss);
  const t = loaded.table;
  const row = t.find('id', docId).find((i) => idOf(t, i) === docId);
  if (row === undefined) return;
  t.set(row, 'notified', text);
  saveTable(loaded);
}

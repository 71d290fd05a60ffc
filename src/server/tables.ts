import { BaseTable, Cell } from '../core/intake/table';
import { cleanText, needsTextFormat } from '../core/text/inert';
import { SheetDef } from '../core/workbook/types';
import { locateColumns } from '../core/workbook/headers';
import { sheetDef } from '../core/workbook/sheets';
import { CuratorError } from './errors';
import { RU } from '../core/strings';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface LoadedTable {
  sheet: Sheet;
  table: BaseTable;
  /** The IDs of the data rows as read: a row is found again by its ID if someone moved it meanwhile. */
  originalIds: string[];
}

/** Reads a whole sheet of the workbook in one call, whatever its size. */
export function loadTable(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string, required = true): LoadedTable | null {
  const def = sheetDef(key);
  const sheet = ss.getSheetByName(def.name);
  if (!sheet) {
    if (required) throw new CuratorError(RU.errors.missingSheet(def.name));
    return null;
  }
  return readSheet(sheet, def);
}

export function readSheet(sheet: Sheet, def: SheetDef): LoadedTable {
  const values = sheet.getDataRange().getValues() as Cell[][];
  const [header = [], ...rows] = values;
  const table = new BaseTable(def, header, rows);
  const idColumn = table.column('id');
  return { sheet, table, originalIds: rows.map((r) => (idColumn >= 0 ? String(r[idColumn] ?? '').trim() : '')) };
}

/** A value on its way to a cell: people's text cleaned; formulas only where `formula` says so. */
interface Outgoing {
  value: Cell;
  formula: boolean;
}

function outgoing(value: Cell | undefined | null): Outgoing {
  if (typeof value === 'string') return { value: cleanText(value), formula: false };
  return { value: value ?? '', formula: false };
}

/**
 * The one write path for cells: every string is cleaned, and every string that typing could turn
 * into a formula, number or date gets the plain-text format first (in runs of rows, one call per
 * run), whatever the column's definition says. Formulas are written only where they were the
 * curator's own and are written back unchanged.
 */
function writeBlock(sheet: Sheet, row: number, column: number, grid: Outgoing[][], textColumns: ReadonlySet<number> = new Set()): void {
  if (!grid.length || !grid[0].length) return;
  const width = grid[0].length;
  for (let c = 0; c < width; c++) {
    let start = -1;
    let risky = false;
    const flush = (end: number) => {
      if (start >= 0 && risky) sheet.getRange(row + start, column + c, end - start, 1).setNumberFormat('@');
      start = -1;
      risky = false;
    };
    grid.forEach((line, r) => {
      const cell = line[c];
      // Numbers, dates and booleans keep their own format; a run of text cells is formatted as one range.
      if (cell.formula || typeof cell.value !== 'string') return flush(r);
      if (start < 0) start = r;
      if (textColumns.has(column + c) || needsTextFormat(cell.value)) risky = true;
    });
    flush(grid.length);
  }
  sheet.getRange(row, column, grid.length, width).setValues(grid.map((line) => line.map((cell) => cell.value)));
}

function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * Writes back only the cells the operation changed. The sheet is read again just before writing,
 * so whatever someone typed meanwhile in other cells stays; rows are found again by their ID if
 * they moved, and new rows go under whatever is last now.
 */
export function saveTable(loaded: LoadedTable, options: { last?: readonly string[] } = {}): void {
  writeChanges(loaded, options.last ?? []);
  // Saved: a later save in the same operation writes only what changes after this one.
  const { table } = loaded;
  table.markSaved();
  const idColumn = table.column('id');
  loaded.originalIds = table.rows.map((r) => (idColumn >= 0 ? String(r[idColumn] ?? '').trim() : ''));
}

function writeChanges({ sheet, table, originalIds }: LoadedTable, last: readonly string[]): void {
  if (!table.touched.size) return;
  const range = sheet.getDataRange();
  const values = range.getValues() as Cell[][];
  const formulas = range.getFormulas();
  const header = values[0] ?? [];
  const current = locateColumns(header, table.def.columns);
  // Our column index → the sheet's column index now (the curator may have moved columns).
  const columnNow = new Map<number, number>();
  for (const col of table.def.columns) {
    const ours = table.column(col.key);
    const now = (current.get(col.key) ?? 0) - 1;
    if (ours >= 0 && table.touched.has(ours)) {
      if (now < 0) throw new CuratorError(RU.errors.columnGone(sheet.getName(), col.header));
      columnNow.set(ours, now);
    }
  }
  const idNow = (current.get('id') ?? 0) - 1;
  const rowById = new Map<string, number>();
  if (idNow >= 0) values.forEach((line, i) => i > 0 && String(line[idNow] ?? '').trim() && rowById.set(String(line[idNow]).trim(), i));
  let next = Math.max(values.length, 1);
  // 0-based sheet row (header = 0) of each of our rows.
  const target = table.rows.map((_r, r) => {
    if (r >= table.originalLength) return next++;
    const id = originalIds[r];
    if (id && rowById.has(id)) return rowById.get(id)!;
    // Without an ID (or with it gone) the row is where it was, if it still holds the same ID cell.
    return !id || idNow < 0 ? r + 1 : -1;
  });
  const changes: Array<{ row: number; column: number; value: Cell }> = [];
  table.rows.forEach((line, r) => {
    if (target[r] < 0) return;
    for (const [ours, now] of columnNow) {
      if (table.changed(r, ours)) changes.push({ row: target[r], column: now, value: line[ours] ?? '' });
    }
  });
  if (!changes.length) return;
  const firstNew = Math.max(values.length, 1);
  const added = changes.filter((c) => c.row >= firstNew);
  const existing = changes.filter((c) => c.row < firstNew);
  ensureSize(sheet, extent(changes.map((c) => c.row))[1] + 1, extent(changes.map((c) => c.column))[1] + 1);
  // New rows in one call: a failure never leaves half a person (an ID without a name) behind.
  if (added.length) {
    const bottom = extent(added.map((c) => c.row))[1];
    const [left, right] = extent(added.map((c) => c.column));
    const grid = Array.from({ length: bottom - firstNew + 1 }, () => Array.from({ length: right - left + 1 }, (): Outgoing => ({ value: '', formula: false })));
    for (const c of added) grid[c.row - firstNew][c.column - left] = outgoing(c.value);
    writeBlock(sheet, firstNew + 1, left + 1, grid);
  }
  if (!existing.length) return;
  const [top, bottom] = extent(existing.map((c) => c.row));
  const [left, right] = extent(existing.map((c) => c.column));
  const grid: Outgoing[][] = [];
  for (let i = top; i <= bottom; i++) {
    grid.push(
      Array.from({ length: right - left + 1 }, (_v, k) => {
        const formula = formulas[i]?.[left + k];
        return formula ? { value: formula, formula: true } : { value: values[i]?.[left + k] ?? '', formula: false };
      }),
    );
  }
  for (const c of existing) grid[c.row - top][c.column - left] = outgoing(c.value);
  // Only the columns that hold a change are written; untouched columns between them are skipped.
  // Columns named in `last` go after the rest, each alone (a withdrawn person's name: while it is
  // still there, a re-run after a failure knows whose mentions to remove).
  const lastNow = new Set(last.map((key) => columnNow.get(table.column(key))).filter((c): c is number => c !== undefined));
  const columns = [...new Set(existing.map((c) => c.column))];
  const blocks = [...runs(columns.filter((c) => !lastNow.has(c))), ...columns.filter((c) => lastNow.has(c)).map((c): [number, number] => [c, c])];
  for (const [from, to] of blocks) {
    writeBlock(
      sheet,
      top + 1,
      from + 1,
      grid.map((line) => line.slice(from - left, to - left + 1)),
    );
  }
}

/** The smallest and largest of many numbers (spreading 100,000 of them into Math.max overflows the stack). */
function extent(values: Iterable<number>): [min: number, max: number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/** Contiguous runs of sorted column indices, each written with one call. */
function runs(columns: number[]): Array<[number, number]> {
  const sorted = [...columns].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}

/** Appends rows under the last row of a sheet in one write, through the same inert path; `textColumns` (1-based) are always plain text. */
export function appendRows(sheet: Sheet, rows: Cell[][], textColumns: number[] = []): void {
  if (!rows.length) return;
  const width = extent(rows.map((r) => r.length))[1];
  const start = sheet.getLastRow() + 1;
  ensureSize(sheet, start + rows.length - 1, width);
  writeBlock(
    sheet,
    start,
    1,
    rows.map((r) => Array.from({ length: width }, (_v, c) => outgoing(r[c]))),
    new Set(textColumns),
  );
}

/** Overwrites a rectangle with the operation's own values through the same inert path. */
export function writeCells(sheet: Sheet, row: number, column: number, rows: Cell[][]): void {
  if (!rows.length) return;
  const width = extent(rows.map((r) => r.length))[1];
  ensureSize(sheet, row + rows.length - 1, column + width - 1);
  writeBlock(
    sheet,
    row,
    column,
    rows.map((r) => Array.from({ length: width }, (_v, c) => outgoing(r[c]))),
  );
}

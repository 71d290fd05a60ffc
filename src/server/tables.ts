import { BaseTable, Cell } from '../core/intake/table';
import { SheetDef } from '../core/workbook/types';
import { sheetDef } from '../core/workbook/sheets';
import { CuratorError } from './curator';
import { RU } from '../core/strings';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface LoadedTable {
  sheet: Sheet;
  table: BaseTable;
  /** Formulas of the data rows ('' for plain cells), so writing a column back keeps them. */
  formulas: string[][];
}

/** Reads a whole sheet of the workbook in two calls (values and formulas), whatever its size. */
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
  const range = sheet.getDataRange();
  const values = range.getValues() as Cell[][];
  const formulas = range.getFormulas();
  const [header = [], ...rows] = values;
  return { sheet, table: new BaseTable(def, header, rows), formulas: formulas.slice(1) };
}

/**
 * Writes back only the columns the operation changed, one call per run of adjacent columns;
 * new rows get plain-text format first in text columns, so answers stay as typed.
 */
export function saveTable({ sheet, table, formulas }: LoadedTable): void {
  const rows = table.rows.length;
  if (!table.touched.size || rows === 0) return;
  const needed = rows + 1;
  const maxRows = sheet.getMaxRows();
  if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
  const width = Math.max(...table.touched) + 1;
  const maxColumns = sheet.getMaxColumns();
  if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  const added = rows - table.originalLength;
  if (added > 0) {
    for (const col of table.def.columns) {
      const c = table.column(col.key);
      if (col.text && c >= 0) sheet.getRange(table.originalLength + 2, c + 1, added, 1).setNumberFormat('@');
    }
  }
  for (const [from, to] of table.touchedBlocks()) {
    const block = table.rows.map((line, r) =>
      Array.from({ length: to - from + 1 }, (_v, k) => {
        const c = from + k;
        const formula = formulas[r]?.[c];
        // A formula the operation did not replace is written back as a formula.
        return formula && !table.changed(r, c) ? formula : line[c] ?? '';
      }),
    );
    sheet.getRange(2, from + 1, rows, to - from + 1).setValues(block);
  }
}

/** Appends rows under the last row of a sheet in one call. */
export function appendRows(sheet: Sheet, rows: Cell[][], textColumns: number[] = []): void {
  if (!rows.length) return;
  const width = Math.max(...rows.map((r) => r.length));
  const start = sheet.getLastRow() + 1;
  const needed = start + rows.length - 1;
  const maxRows = sheet.getMaxRows();
  if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
  for (const c of textColumns) sheet.getRange(start, c, rows.length, 1).setNumberFormat('@');
  sheet.getRange(start, 1, rows.length, width).setValues(rows.map((r) => [...r, ...new Array<Cell>(width - r.length).fill('')]));
}

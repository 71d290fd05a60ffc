import { createSpreadsheetApp } from '../emulator/sheets/app';
import type { Workspace } from '../emulator/workspace';

/**
 * What the curator types by hand, outside the add-on: rows pasted under the headers she sees.
 * Goes through the Sheets fakes, so typing rules apply, but is not counted as add-on work.
 */
export function typeRows(ws: Workspace, sheetName: string, rows: ReadonlyArray<Record<string, unknown>>): void {
  if (rows.length) ws.calls.untracked(() => typeRowsNow(ws, sheetName, rows));
}

function typeRowsNow(ws: Workspace, sheetName: string, rows: ReadonlyArray<Record<string, unknown>>): void {
  const sheet = createSpreadsheetApp(ws).getActive().getSheetByName(sheetName);
  if (!sheet) throw new Error(`Нет листа «${sheetName}»`);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const start = sheet.getLastRow() + 1;
  const need = start + rows.length - 1;
  if (need > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
  const values = rows.map((row) =>
    header.map((h) => {
      const v = row[h];
      return v === undefined ? '' : v;
    }),
  );
  for (const key of Object.keys(rows[0])) if (!header.includes(key)) throw new Error(`Нет столбца «${key}» на листе «${sheetName}»`);
  sheet.getRange(start, 1, rows.length, header.length).setValues(values);
}

/** Sets a setting's value by its Russian label, as the curator does on «Настройки». */
export function setSetting(ws: Workspace, label: string, value: unknown): void {
  ws.calls.untracked(() => {
    const sheet = createSpreadsheetApp(ws).getActive().getSheetByName('Настройки');
    if (!sheet) throw new Error('Нет листа «Настройки»');
    const labels = sheet
      .getRange(1, 1, sheet.getLastRow(), 1)
      .getValues()
      .map((r) => r[0]);
    const row = labels.indexOf(label) + 1;
    if (row < 1) throw new Error(`Нет параметра «${label}»`);
    sheet.getRange(row, 2).setValue(value);
  });
}

/**
 * Edits cells of the rows she chooses, by header, as the curator does by hand (a consent date, a
 * signed order's number): `edit` returns the changes of a row or null to leave it.
 */
export function editRows(ws: Workspace, sheetName: string, edit: (row: Record<string, unknown>, index: number) => Record<string, unknown> | null): number {
  return ws.calls.untracked(() => {
    const sheet = createSpreadsheetApp(ws).getActive().getSheetByName(sheetName);
    if (!sheet) throw new Error(`Нет листа «${sheetName}»`);
    const [header, ...rows] = sheet.getDataRange().getValues();
    let edited = 0;
    rows.forEach((values, i) => {
      const row = Object.fromEntries(header.map((h, c) => [String(h), values[c]]));
      const changes = edit(row, i);
      if (!changes) return;
      for (const [key, value] of Object.entries(changes)) {
        const col = header.indexOf(key);
        if (col < 0) throw new Error(`Нет столбца «${key}» на листе «${sheetName}»`);
        sheet.getRange(i + 2, col + 1).setValue(value);
      }
      edited += 1;
    });
    return edited;
  });
}

import { SHEET } from '../core/workbook/sheets';
import { appendRows } from './tables';

function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail();
  } catch (_error) {
    // Consumer accounts may hide the address; the log entry still matters more.
    return '';
  }
}

/** Rows in «Журнал»: when, who, what, in one write. Skipped before the workbook is set up. */
export function appendLogRows(entries: ReadonlyArray<[action: string, details: string]>): void {
  if (!entries.length) return;
  const sheet = SpreadsheetApp.getActive().getSheetByName(SHEET.log);
  if (!sheet) return;
  const user = currentUser();
  const now = new Date();
  appendRows(
    sheet,
    entries.map(([action, details]) => [now, user, action, details]),
    [4],
  );
}

export function appendLog(action: string, details: string): void {
  appendLogRows([[action, details]]);
}

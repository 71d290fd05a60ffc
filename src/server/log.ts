import { SHEET } from '../core/workbook/sheets';

/** One row in «Журнал»: when, who, what. Silently skipped before the workbook is set up. */
export function appendLog(action: string, details: string): void {
  const sheet = SpreadsheetApp.getActive().getSheetByName(SHEET.log);
  if (!sheet) return;
  let user = '';
  try {
    user = Session.getActiveUser().getEmail();
  } catch (_error) {
    // Consumer accounts may hide the address; the log entry still matters more.
  }
  sheet.appendRow([new Date(), user, action, details]);
}

import { strict } from '../calls';
import type { Workspace } from '../workspace';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeUi } from './ui';
import { DataValidationCriteria, FakeDataValidationBuilder } from './validation';
import { BooleanCriteria, newConditionalBuilder } from './conditional';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

export const UI_CONTEXT_ERROR = 'Cannot call SpreadsheetApp.getUi() from this context.';

type AppApi = Pick<App, 'getActive' | 'getActiveSpreadsheet' | 'getUi' | 'flush' | 'newDataValidation' | 'newConditionalFormatRule' | 'ProtectionType' | 'DataValidationCriteria' | 'BooleanCriteria'>;

/** SpreadsheetApp bound to the workspace's spreadsheet (a container-bound add-on sees only it). */
export class FakeSpreadsheetApp implements AppApi {
  readonly ProtectionType = ProtectionType as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria as unknown as typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria as unknown as typeof GoogleAppsScript.Spreadsheet.BooleanCriteria;
  private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;

  constructor(private readonly ws: Workspace) {
    // The fake hands itself to its sheets before the proxy exists, so it is read lazily.
    // eslint-disable-next-line prefer-const -- assigned once, after the closure that reads it
    let fake: GoogleAppsScript.Spreadsheet.Spreadsheet;
    const raw = new FakeSpreadsheet(ws, () => fake);
    fake = strict('Spreadsheet', raw, ws.calls) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    this.spreadsheet = fake;
  }

  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.spreadsheet;
  }
  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.spreadsheet;
  }
  getUi(): GoogleAppsScript.Base.Ui {
    if (!this.ws.uiAvailable) throw new Error(UI_CONTEXT_ERROR);
    return strict('Ui', new FakeUi(this.ws, this.ws.calls), this.ws.calls) as unknown as GoogleAppsScript.Base.Ui;
  }
  flush(): void {}
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    const spreadsheet = this.spreadsheet;
    return newConditionalBuilder({
      log: this.ws.calls,
      rangeOf: (r) => {
        const sheet = spreadsheet.getSheets().find((s) => s.getSheetId() === r.sheetId);
        if (!sheet) throw new Error('Range not found');
        return sheet.getRange(r.row, r.column, r.numRows, r.numColumns);
      },
    });
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return strict('DataValidationBuilder', new FakeDataValidationBuilder(this.ws.calls), this.ws.calls) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }
}

export function createSpreadsheetApp(ws: Workspace): App {
  return strict('SpreadsheetApp', new FakeSpreadsheetApp(ws), ws.calls) as unknown as App;
}

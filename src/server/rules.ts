import { ColumnRule } from '../core/workbook/types';
import { locateColumns } from '../core/workbook/headers';
import { WORKBOOK } from '../core/workbook/sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A Sheets data-validation rule for a column rule of the workbook layout. */
export function buildRule(ss: Spreadsheet, rule: ColumnRule, headerOf: (sheet: string) => unknown[]): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const builder = SpreadsheetApp.newDataValidation();
  switch (rule.kind) {
    case 'list':
      return builder
        .requireValueInList([...rule.values], true)
        .setAllowInvalid(false)
        .build();
    case 'listFromSheet': {
      const source = ss.getSheetByName(rule.sheet);
      const def = WORKBOOK.find((s) => s.name === rule.sheet);
      const col = def?.columns.find((c) => c.header === rule.header);
      if (!source || !def || !col) return null;
      const column = locateColumns(headerOf(rule.sheet), [col]).get(col.key) ?? 0;
      if (column < 1) return null;
      return builder
        .requireValueInRange(source.getRange(2, column, source.getMaxRows() - 1, 1), true)
        .setAllowInvalid(false)
        .build();
    }
    case 'date':
      return builder.requireDate().setAllowInvalid(false).setHelpText('Введите дату, например 01.10.2026').build();
    case 'checkbox':
      return builder.requireCheckbox().build();
    case 'number':
      return builder.requireNumberBetween(rule.min, rule.max).setAllowInvalid(false).setHelpText(`Введите число от ${rule.min} до ${rule.max}`).build();
  }
}

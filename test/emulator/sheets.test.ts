import { createSpreadsheetApp } from '../../local/emulator/sheets/app';
import { Workspace } from '../../local/emulator/workspace';

function setup(options: { locale?: string; timeZone?: string } = {}) {
  const ws = new Workspace(options);
  const app = createSpreadsheetApp(ws);
  const ss = app.getActive();
  return { ws, app, ss, sheet: ss.getSheets()[0] };
}

describe('ranges copy Apps Script, error texts included', () => {
  test.each([
    [[0, 1], 'The starting row of the range is too small.'],
    [[1, 0], 'The starting column of the range is too small.'],
    [[1, 1, 0, 1], 'The number of rows in the range must be at least 1.'],
    [[1, 1, 1, 0], 'The number of columns in the range must be at least 1.'],
    [[1001, 1], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [[1, 27], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [[999, 1, 5, 1], 'The coordinates of the range are outside the dimensions of the sheet.'],
  ])('getRange(%j) throws %s', (args, message) => {
    const { sheet } = setup();
    expect(() => (sheet.getRange as (...a: number[]) => unknown)(...(args as number[]))).toThrow(message);
  });

  test('the classic getLastRow()-1 on a header-only sheet', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 2).setValues([['ФИО', 'Класс']]);
    expect(() => sheet.getRange(2, 1, sheet.getLastRow() - 1, 2)).toThrow('The number of rows in the range must be at least 1.');
  });

  test('setValues with the wrong shape writes nothing and says why', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([['a', 'b']])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([['a', 'b', 'c']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  test('empty cells read as empty strings; getValues is always 2-D', () => {
    const { sheet } = setup();
    sheet.getRange('B2').setValue(5);
    expect(sheet.getRange(1, 1, 2, 3).getValues()).toEqual([
      ['', '', ''],
      ['', 5, ''],
    ]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B2');
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(2);
  });

  test('getDataRange of an empty sheet is A1', () => {
    const { sheet } = setup();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });
});

describe('formatted empty cells', () => {
  test('a column formatted as text: each cell keeps the format when one of them is written, noted, styled or cleared', () => {
    const { ws, sheet } = setup();
    sheet.getRange('B1:B1000').setNumberFormat('@');
    sheet.getRange('B5').setValue('=1+1');
    sheet.getRange('B6').setNote('заметка');
    sheet.getRange('B7').setFontWeight('bold');
    sheet.getRange('B8').setNumberFormat('0.00');
    expect(
      sheet
        .getRange('B4:B9')
        .getValues()
        .map((r) => r[0]),
    ).toEqual(['', '=1+1', '', '', '', '']);
    expect(
      sheet
        .getRange('B4:B9')
        .getNumberFormats()
        .map((r) => r[0]),
    ).toEqual(['@', '@', '@', '@', '0.00', '@']);
    expect(
      sheet
        .getRange('B6:B7')
        .getNotes()
        .map((r) => r[0]),
    ).toEqual(['заметка', '']);
    const model = ws.spreadsheet.findSheet(sheet.getName())!;
    expect([model.cell(7, 2)?.style?.bold, model.cell(8, 2)?.style?.bold]).toEqual([true, undefined]);
    sheet.clearContents();
    expect(sheet.getRange('B5').getValue()).toBe('');
    expect(
      sheet
        .getRange('B5:B6')
        .getNumberFormats()
        .map((r) => r[0]),
    ).toEqual(['@', '@']);
  });
});

describe('writes behave like typing', () => {
  test('a string starting with = becomes a formula', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=HYPERLINK("http://evil","x")');
    expect(sheet.getRange('A1').getFormula()).toBe('=HYPERLINK("http://evil","x")');
  });

  test('plain-text format keeps what was typed', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:A4');
    range.setNumberFormat('@');
    range.setValues([['=1+1'], ['0012'], ['+7 999 123-45-67'], ['01.02.2026']]);
    expect(range.getFormulas().flat()).toEqual(['', '', '', '']);
    expect(range.getValues().flat()).toEqual(['=1+1', '0012', '+7 999 123-45-67', '01.02.2026']);
  });

  test('a leading apostrophe stores text without it', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue("'=1+1");
    expect(sheet.getRange('A1').getValue()).toBe('=1+1');
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  test('a day the month lacks stays text, as in Sheets; 29.02 of a leap year is a date', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['31.02.2026'], ['29.02.2026'], ['29.02.2028']]);
    const [[a], [b], [c]] = sheet.getRange('A1:A3').getValues();
    expect([a, b]).toEqual(['31.02.2026', '29.02.2026']);
    expect(c).toBeInstanceOf(Date);
  });

  test('numbers and dates are parsed by the locale', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['1,5'], ['05.06.2025'], ['0012']]);
    const [[a], [b], [c]] = sheet.getRange('A1:A3').getValues();
    expect(a).toBe(1.5);
    expect(b).toBeInstanceOf(Date);
    expect((b as Date).toISOString()).toBe('2025-06-04T21:00:00.000Z');
    expect(c).toBe(12);
    expect(sheet.getRange('A1:A2').getDisplayValues()).toEqual([['1,5'], ['05.06.2025']]);
  });

  test('an en_US spreadsheet reads 1,5 as text and 6/5/2025 as a date', () => {
    const { sheet } = setup({ locale: 'en_US', timeZone: 'America/New_York' });
    sheet.getRange('A1:A2').setValues([['1,5'], ['6/5/2025']]);
    const [[a], [b]] = sheet.getRange('A1:A2').getValues();
    expect(a).toBe('1,5');
    expect((b as Date).toISOString()).toBe('2025-06-05T04:00:00.000Z');
  });

  test('null and undefined clear a cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['x', 'y']]);
    sheet.getRange('A1:B1').setValues([[null, undefined]]);
    expect(sheet.getLastRow()).toBe(0);
  });
});

describe('sheets', () => {
  test('a duplicate name is refused regardless of case', () => {
    const { ss } = setup();
    ss.insertSheet('Журнал');
    expect(() => ss.insertSheet('журнал')).toThrow('A sheet with the name "журнал" already exists. Please enter another name.');
  });

  test('a new spreadsheet has one sheet of 1000 × 26', () => {
    const { ss, sheet } = setup();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Лист1']);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
  });

  test('appendRow writes after the last row and grows the grid', () => {
    const { sheet } = setup();
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['more']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('more');
  });

  test('validations and protections are recorded', () => {
    const { app, sheet, ss } = setup();
    const rule = app.newDataValidation().requireValueInList(['да', 'нет']).setAllowInvalid(false).build();
    sheet.getRange('B2:B10').setDataValidation(rule);
    expect(sheet.getRange('B5').getDataValidation()?.getCriteriaValues()).toEqual([['да', 'нет'], true]);
    expect(sheet.getRange('C5').getDataValidation()).toBeNull();
    sheet.getRange('A:A').protect().setDescription('ID').setWarningOnly(true);
    const [p] = sheet.getProtections(app.ProtectionType.RANGE);
    expect([p.getDescription(), p.isWarningOnly(), p.getRange().getA1Notation()]).toEqual(['ID', true, 'A1:A1000']);
    expect(ss.getSheets()[0].getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
  });
});

describe('the cost model', () => {
  test('every service call is counted by Service.method', () => {
    const { ws, sheet } = setup();
    ws.calls.reset();
    sheet.getRange(1, 1, 2, 2).setValues([
      [1, 2],
      [3, 4],
    ]);
    expect(ws.calls.snapshot()).toEqual({ 'Range.setValues': 1, 'Sheet.getRange': 1 });
  });

  test('a chosen call fails on demand, after n successes', () => {
    const { ws, sheet } = setup();
    ws.calls.failOn('Range.setValues', { after: 1, message: 'Service Spreadsheets failed while accessing document' });
    sheet.getRange('A1').setValues([[1]]);
    expect(() => sheet.getRange('A2').setValues([[2]])).toThrow('Service Spreadsheets failed while accessing document');
    sheet.getRange('A3').setValues([[3]]);
    expect(sheet.getRange('A1:A3').getValues().flat()).toEqual([1, '', 3]);
  });

  test("a fake's own state is not API", () => {
    const { app } = setup();
    expect(() => (app as unknown as { ws: unknown }).ws).toThrow('SpreadsheetApp.ws is not available in the local Apps Script workspace');
    expect(app.ProtectionType.RANGE).toBe('RANGE');
  });

  test('members that are not emulated throw instead of being silently wrong', () => {
    const { ss } = setup();
    expect(() => (ss as unknown as { getBandings(): unknown }).getBandings()).toThrow('Spreadsheet.getBandings is not available in the local Apps Script workspace');
    expect(() => {
      (ss as unknown as { getId: unknown }).getId = () => 'x';
    }).toThrow('Cannot assign to Spreadsheet.getId');
  });

  test('the Ui is not available from a trigger', () => {
    const { ws, app } = setup();
    ws.uiAvailable = false;
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

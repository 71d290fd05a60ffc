import { CallLog, strict } from '../calls';
import { GridRange, toA1 } from './a1';
import { Cell, CellStyle, SheetModel, SpreadsheetModel, ValidationRuleModel } from './model';
import { checkCellSize, displayValue, typeIn } from './typing';
import { FakeDataValidation } from './validation';
import { EditAccess, FakeProtection, checkEditable } from './protection';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Value = string | number | boolean | Date;

export const RANGE_ERRORS = {
  rowTooSmall: 'The starting row of the range is too small.',
  columnTooSmall: 'The starting column of the range is too small.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  dataRows: (has: number, range: number) => `The number of rows in the data does not match the number of rows in the range. The data has ${has} but the range has ${range}.`,
  dataColumns: (has: number, range: number) => `The number of columns in the data does not match the number of columns in the range. The data has ${has} but the range has ${range}.`,
};

/** Checks a requested range against the sheet exactly as Apps Script does, in its order. */
export function checkRange(sheet: SheetModel, r: GridRange): void {
  if (!Number.isInteger(r.row) || r.row < 1) throw new Error(RANGE_ERRORS.rowTooSmall);
  if (!Number.isInteger(r.column) || r.column < 1) throw new Error(RANGE_ERRORS.columnTooSmall);
  if (!Number.isInteger(r.numRows) || r.numRows < 1) throw new Error(RANGE_ERRORS.rowsAtLeastOne);
  if (!Number.isInteger(r.numColumns) || r.numColumns < 1) throw new Error(RANGE_ERRORS.columnsAtLeastOne);
  if (r.row + r.numRows - 1 > sheet.maxRows || r.column + r.numColumns - 1 > sheet.maxColumns) {
    throw new Error(RANGE_ERRORS.outside);
  }
}

export interface SheetContext {
  book: SpreadsheetModel;
  log: CallLog;
  /** The strict Sheet object for getSheet(). */
  sheetFake: () => GoogleAppsScript.Spreadsheet.Sheet;
  newProtectionId: () => string;
  /** The user the script runs as, the owner and the file's editors (for protections). */
  access: () => EditAccess;
  /** False for the emulator's own writes (untracked): protections bind scripts, not the emulator. */
  enforced: () => boolean;
}

type RangeApi = Pick<
  Range,
  | 'getValues'
  | 'setValues'
  | 'getValue'
  | 'setValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'getFormula'
  | 'setFormula'
  | 'setFormulas'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getNote'
  | 'getNotes'
  | 'setNote'
  | 'setNotes'
  | 'getRow'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getA1Notation'
  | 'getSheet'
  | 'clearContent'
  | 'clear'
  | 'clearDataValidations'
  | 'clearNote'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'protect'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'getFontWeight'
  | 'setFontStyle'
  | 'setBackground'
  | 'getBackground'
  | 'setFontColor'
  | 'setWrap'
  | 'setHorizontalAlignment'
  | 'setVerticalAlignment'
  | 'isBlank'
  | 'offset'
  | 'activate'
>;

export class FakeRange implements RangeApi {
  constructor(
    private readonly sheet: SheetModel,
    private readonly r: GridRange,
    private readonly ctx: SheetContext,
  ) {}

  /** Grid coordinates for the emulator's own use. */
  __grid(): GridRange & { sheetId: number } {
    return { ...this.r, sheetId: this.sheet.id };
  }

  private each<T>(fn: (cell: Cell | undefined, row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.r.numRows; i++) {
      const line: T[] = [];
      const src = this.sheet.rows[this.r.row - 1 + i];
      for (let j = 0; j < this.r.numColumns; j++) line.push(fn(src?.[this.r.column - 1 + j], this.r.row + i, this.r.column + j));
      out.push(line);
    }
    return out;
  }

  private checkShape(data: unknown[][]): void {
    if (!Array.isArray(data) || !data.every(Array.isArray)) {
      throw new Error("The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.");
    }
    if (data.length !== this.r.numRows) throw new Error(RANGE_ERRORS.dataRows(data.length, this.r.numRows));
    for (const row of data) {
      if (row.length !== this.r.numColumns) throw new Error(RANGE_ERRORS.dataColumns(row.length, this.r.numColumns));
    }
  }

  /** A script write to this range: refused on a protected area the user may not edit, nothing written. */
  private guard(): void {
    checkEditable(this.sheet, this.r, this.ctx.enforced() ? this.ctx.access() : null);
  }

  private stamp(i: number, j: number, input: unknown): void {
    const row = this.r.row + i;
    const column = this.r.column + j;
    const old = this.sheet.cell(row, column);
    const typed = typeIn(input, old?.fmt, this.ctx.book.locale, this.ctx.book.timeZone);
    const next: Cell = { ...(old ?? {}), v: typed.v };
    if (typed.f) next.f = typed.f;
    else delete next.f;
    this.sheet.setCell(row, column, next);
  }

  getValues(): Value[][] {
    return this.each((c) => (c ? (c.v instanceof Date ? new Date(c.v.getTime()) : c.v) : ''));
  }

  getValue(): Value {
    return this.getValues()[0][0];
  }

  setValues(values: unknown[][]): Range {
    this.checkShape(values);
    this.guard();
    for (const row of values) row.forEach(checkCellSize);
    values.forEach((row, i) => row.forEach((v, j) => this.stamp(i, j, v)));
    return this.self();
  }

  setValue(value: unknown): Range {
    this.guard();
    checkCellSize(value);
    for (let i = 0; i < this.r.numRows; i++) for (let j = 0; j < this.r.numColumns; j++) this.stamp(i, j, value);
    return this.self();
  }

  getDisplayValues(): string[][] {
    return this.each((c) => displayValue(c, this.ctx.book.locale, this.ctx.book.timeZone));
  }

  getDisplayValue(): string {
    return this.getDisplayValues()[0][0];
  }

  getFormulas(): string[][] {
    return this.each((c) => c?.f ?? '');
  }

  getFormula(): string {
    return this.getFormulas()[0][0];
  }

  setFormula(formula: string): Range {
    return this.setValue(formula.startsWith('=') ? formula : `=${formula}`);
  }

  setFormulas(formulas: string[][]): Range {
    return this.setValues(formulas);
  }

  getNumberFormats(): string[][] {
    return this.each((c) => c?.fmt ?? (c?.v instanceof Date ? 'dd.MM.yyyy' : '0.###############'));
  }

  getNumberFormat(): string {
    return this.getNumberFormats()[0][0];
  }

  setNumberFormat(format: string): Range {
    this.guard();
    this.each((_c, row, column) => this.sheet.setFormat(row, column, format));
    return this.self();
  }

  setNumberFormats(formats: string[][]): Range {
    this.checkShape(formats);
    this.guard();
    this.each((_c, row, column) => this.sheet.setFormat(row, column, formats[row - this.r.row][column - this.r.column]));
    return this.self();
  }

  getNotes(): string[][] {
    return this.each((c) => c?.note ?? '');
  }

  getNote(): string {
    return this.getNotes()[0][0];
  }

  setNote(note: string | null): Range {
    this.guard();
    this.each((_c, row, column) => {
      const cell = this.sheet.edit(row, column);
      if (note) cell.note = String(note);
      else delete cell.note;
    });
    return this.self();
  }

  setNotes(notes: Array<Array<string | null>>): Range {
    this.checkShape(notes);
    this.guard();
    this.each((_c, row, column) => {
      const note = notes[row - this.r.row][column - this.r.column];
      const cell = this.sheet.edit(row, column);
      if (note) cell.note = String(note);
      else delete cell.note;
    });
    return this.self();
  }

  clearNote(): Range {
    return this.setNote(null);
  }

  getRow(): number {
    return this.r.row;
  }
  getColumn(): number {
    return this.r.column;
  }
  getLastRow(): number {
    return this.r.row + this.r.numRows - 1;
  }
  getLastColumn(): number {
    return this.r.column + this.r.numColumns - 1;
  }
  getNumRows(): number {
    return this.r.numRows;
  }
  getNumColumns(): number {
    return this.r.numColumns;
  }
  getA1Notation(): string {
    return toA1(this.r);
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.ctx.sheetFake();
  }

  isBlank(): boolean {
    return this.each((c) => !c || (c.v === '' && !c.f)).every((row) => row.every(Boolean));
  }

  clearContent(): Range {
    this.guard();
    this.each((c, row, column) => {
      if (!c) return;
      const next: Cell = { ...c, v: '' };
      delete next.f;
      this.sheet.setCell(row, column, next);
    });
    return this.self();
  }

  clear(): Range {
    this.guard();
    this.each((_c, row, column) => this.sheet.setCell(row, column, undefined));
    return this.self();
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): Range {
    this.guard();
    const model = rule ? (rule as unknown as { __model(): ValidationRuleModel }).__model() : null;
    this.sheet.validations.push({ range: { ...this.r }, rule: model });
    return this.self();
  }

  setDataValidations(rules: Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>>): Range {
    this.checkShape(rules);
    this.guard();
    rules.forEach((line, i) =>
      line.forEach((rule, j) => {
        const model = rule ? (rule as unknown as { __model(): ValidationRuleModel }).__model() : null;
        this.sheet.validations.push({ range: { row: this.r.row + i, column: this.r.column + j, numRows: 1, numColumns: 1 }, rule: model });
      }),
    );
    return this.self();
  }

  clearDataValidations(): Range {
    return this.setDataValidation(null);
  }

  getDataValidations(): Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> {
    return this.each((_c, row, column) => {
      const model = this.sheet.validationAt(row, column);
      return model ? (strict('DataValidation', new FakeDataValidation(model), this.ctx.log) as unknown as GoogleAppsScript.Spreadsheet.DataValidation) : null;
    });
  }

  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    return this.getDataValidations()[0][0];
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const model = {
      id: this.ctx.newProtectionId(),
      type: 'RANGE' as const,
      range: { ...this.r },
      description: '',
      warningOnly: false,
      editors: [],
      unprotected: [],
      mirrorsFile: true,
    };
    this.sheet.protections.push(model);
    return strict('Protection', new FakeProtection(this.sheet, model, this.ctx), this.ctx.log) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  private styleAll(patch: Partial<CellStyle>): Range {
    this.guard();
    this.each((_c, row, column) => {
      const cell = this.sheet.edit(row, column);
      cell.style = { ...(cell.style ?? {}), ...patch };
    });
    return this.self();
  }

  setFontWeight(weight: string | null): Range {
    return this.styleAll({ bold: weight === 'bold' });
  }
  setFontWeights(weights: Array<Array<string | null>>): Range {
    this.checkShape(weights);
    this.guard();
    this.each((_c, row, column) => {
      const cell = this.sheet.edit(row, column);
      cell.style = { ...(cell.style ?? {}), bold: weights[row - this.r.row][column - this.r.column] === 'bold' };
    });
    return this.self();
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.sheet.cell(this.r.row, this.r.column)?.style?.bold ? 'bold' : 'normal';
  }
  setFontStyle(style: string | null): Range {
    return this.styleAll({ italic: style === 'italic' });
  }
  setBackground(color: string | null): Range {
    return this.styleAll({ background: color ?? undefined });
  }
  getBackground(): string {
    return this.sheet.cell(this.r.row, this.r.column)?.style?.background ?? '#ffffff';
  }
  setFontColor(color: string | null): Range {
    return this.styleAll({ fontColor: color ?? undefined });
  }
  setWrap(wrap: boolean): Range {
    return this.styleAll({ wrap });
  }
  setHorizontalAlignment(alignment: string | null): Range {
    return this.styleAll({ horizontalAlignment: alignment ?? undefined });
  }
  setVerticalAlignment(alignment: string | null): Range {
    return this.styleAll({ verticalAlignment: alignment ?? undefined });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const r = {
      row: this.r.row + rowOffset,
      column: this.r.column + columnOffset,
      numRows: numRows ?? this.r.numRows,
      numColumns: numColumns ?? this.r.numColumns,
    };
    checkRange(this.sheet, r);
    return makeRange(this.sheet, r, this.ctx);
  }

  activate(): Range {
    return this.self();
  }

  private self(): Range {
    return this as unknown as Range;
  }
}

export function makeRange(sheet: SheetModel, r: GridRange, ctx: SheetContext, check = true): Range {
  if (check) checkRange(sheet, r);
  return strict('Range', new FakeRange(sheet, { ...r }, ctx), ctx.log) as unknown as Range;
}

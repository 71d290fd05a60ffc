import { GridRange } from './a1';
import type { ConditionalFormatModel } from './conditional';

export type CellValue = string | number | boolean | Date;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  background?: string;
  fontColor?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

export interface Cell {
  /** Typed value; '' when empty. Formula cells hold their last computed value ('' here). */
  v: CellValue;
  f?: string;
  /** Number format; '@' = plain text. */
  fmt?: string;
  note?: string;
  style?: CellStyle;
}

export interface ValidationRuleModel {
  /** SpreadsheetApp.DataValidationCriteria name. */
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface ProtectionModel {
  id: string;
  type: 'SHEET' | 'RANGE';
  range?: GridRange;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotected: GridRange[];
  /**
   * True from protect() until the script first changes the editors (addEditor, removeEditors,
   * setDomainEdit): until then the permissions mirror the spreadsheet's, so nothing is locked
   * (Range.protect / Sheet.protect reference). Absent = an explicit editor list.
   */
  mirrorsFile?: boolean;
  domainEdit?: boolean;
}

/** A chart's data range: a grid on a sheet of the same spreadsheet. */
export interface ChartRangeModel extends GridRange {
  sheetId: number;
}

/** An embedded chart as Sheets stores it: type, ranges, options and the cell it floats over. */
export interface ChartModel {
  id: number;
  /** Charts.ChartType name: 'BAR', 'COLUMN', … */
  type: string;
  ranges: ChartRangeModel[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

const formatted = new Map<string, Cell>();

/** The one shared, frozen empty cell with this number format. */
function emptyWithFormat(format: string): Cell {
  let cell = formatted.get(format);
  if (!cell) formatted.set(format, (cell = Object.freeze({ v: '', fmt: format })));
  return cell;
}

export class SheetModel {
  rows: Array<Array<Cell | undefined> | undefined> = [];
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  readonly columnWidths = new Map<number, number>();
  validations: Array<{ range: GridRange; rule: ValidationRuleModel | null }> = [];
  protections: ProtectionModel[] = [];
  /** Set when a form writes its responses here. */
  formUrl: string | null = null;
  /** Embedded charts, in the order they were inserted (Sheet.getCharts). */
  charts: ChartModel[] = [];
  /** Conditional format rules, in Sheets' order (Sheet.getConditionalFormatRules). */
  conditionalFormats: ConditionalFormatModel[] = [];

  constructor(
    public id: number,
    public name: string,
  ) {}

  cell(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  setCell(row: number, column: number, cell: Cell | undefined): void {
    let r = this.rows[row - 1];
    if (!r) {
      if (!cell) return;
      r = this.rows[row - 1] = [];
    }
    r[column - 1] = cell;
  }

  /** Edits a cell in place, creating it if needed (a shared empty formatted cell is copied first). */
  edit(row: number, column: number): Cell {
    let c = this.cell(row, column);
    if (!c || Object.isFrozen(c)) {
      c = c ? { ...c } : { v: '' };
      this.setCell(row, column, c);
    }
    return c;
  }

  /**
   * Sets an empty cell's number format. A whole column formatted as text is thousands of empty
   * cells that differ only in their format: they share one frozen cell per format (copied on the
   * first edit), which keeps a workspace small enough to copy for every run of a fault sweep.
   */
  setFormat(row: number, column: number, format: string): void {
    const c = this.cell(row, column);
    if (!c || (Object.isFrozen(c) && c.v === '')) this.setCell(row, column, emptyWithFormat(format));
    else this.edit(row, column).fmt = format;
  }

  private static hasContent(c: Cell | undefined): boolean {
    return !!c && (c.v !== '' || !!c.f);
  }

  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const row = this.rows[r - 1];
      if (row && row.some(SheetModel.hasContent)) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        if (SheetModel.hasContent(row[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  insertRows(after: number, count: number): void {
    this.rows.splice(after, 0, ...new Array<undefined>(count));
    this.maxRows += count;
    for (const v of this.validations) if (v.range.row > after) v.range.row += count;
    // Conditional format ranges move down, or grow when the rows go inside them, as in Sheets.
    for (const r of this.conditionalFormats.flatMap((c) => c.ranges)) {
      if (r.row > after) r.row += count;
      else if (after < r.row + r.numRows - 1) r.numRows += count;
    }
  }

  deleteRows(start: number, count: number): void {
    this.rows.splice(start - 1, count);
    this.maxRows -= count;
    // Conditional format ranges lose the deleted rows (a range left with none goes, and a rule left with no range).
    const end = start + count;
    for (const c of this.conditionalFormats) {
      for (const r of c.ranges) {
        const overlap = Math.max(0, Math.min(end, r.row + r.numRows) - Math.max(start, r.row));
        r.row = r.row < start ? r.row : Math.max(start, r.row - count);
        r.numRows -= overlap;
      }
      c.ranges = c.ranges.filter((r) => r.numRows > 0);
    }
    this.conditionalFormats = this.conditionalFormats.filter((c) => c.ranges.length);
  }

  insertColumns(after: number, count: number): void {
    for (const row of this.rows) if (row && row.length > after) row.splice(after, 0, ...new Array<undefined>(count));
    this.maxColumns += count;
    for (const v of this.validations) if (v.range.column > after) v.range.column += count;
  }

  deleteColumns(start: number, count: number): void {
    for (const row of this.rows) if (row) row.splice(start - 1, count);
    this.maxColumns -= count;
    this.validations = this.validations.filter((v) => v.range.column < start || v.range.column >= start + count);
    for (const v of this.validations) if (v.range.column >= start + count) v.range.column -= count;
  }

  /** The rule in force at a cell: the last one written over it. */
  validationAt(row: number, column: number): ValidationRuleModel | null {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      const { range, rule } = this.validations[i];
      if (row >= range.row && row < range.row + range.numRows && column >= range.column && column < range.column + range.numColumns) {
        return rule;
      }
    }
    return null;
  }
}

export interface SpreadsheetInit {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
}

export class SpreadsheetModel {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetModel[] = [];
  activeSheet = 0;
  nextSheetId = 0;
  nextProtectionId = 1;
  nextChartId = 1;

  constructor(init: SpreadsheetInit) {
    this.id = init.id;
    this.name = init.name;
    this.timeZone = init.timeZone;
    this.locale = init.locale;
    // A new spreadsheet has one sheet, named by the locale.
    this.addSheet(init.locale.startsWith('ru') ? 'Лист1' : 'Sheet1');
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  addSheet(name: string, index = this.sheets.length): SheetModel {
    const sheet = new SheetModel(this.nextSheetId, name);
    this.nextSheetId = this.nextSheetId === 0 ? 1000001 : this.nextSheetId + 1;
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  findSheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Sheet names must be unique regardless of case, so inserts check this way. */
  findSheetIgnoringCase(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }
}

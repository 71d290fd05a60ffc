import { strict } from '../calls';
import { GridRange, parseA1 } from './a1';
import { ProtectionModel, SheetModel } from './model';
import { EditAccess, FakeProtection, checkEditable, checkInsertable } from './protection';
import { RANGE_ERRORS, SheetContext, checkRange, makeRange } from './range';
import { checkCellSize, typeIn } from './typing';
import { CHART_ERRORS, ChartEnv, blankChart, chartModelOf, newBuilder, wrapChart } from './charts';
import { ConditionalEnv, storedRules, wrapRule } from './conditional';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

type SheetApi = Pick<
  Sheet,
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getRange'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertRowAfter'
  | 'insertRowsBefore'
  | 'insertColumnsAfter'
  | 'insertColumnAfter'
  | 'deleteRows'
  | 'deleteRow'
  | 'deleteColumns'
  | 'deleteColumn'
  | 'appendRow'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenColumns'
  | 'protect'
  | 'getProtections'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'getColumnWidth'
  | 'autoResizeColumns'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'setTabColor'
  | 'getTabColor'
  | 'getFormUrl'
  | 'clear'
  | 'clearContents'
  | 'activate'
  | 'getParent'
  | 'newChart'
  | 'insertChart'
  | 'updateChart'
  | 'removeChart'
  | 'getCharts'
  | 'getConditionalFormatRules'
  | 'setConditionalFormatRules'
>;

export interface SheetEnv extends SheetContext {
  spreadsheetFake: () => GoogleAppsScript.Spreadsheet.Spreadsheet;
  onRename: (sheet: SheetModel, name: string) => void;
}

export class FakeSheet implements SheetApi {
  constructor(
    private readonly sheet: SheetModel,
    private readonly env: SheetEnv,
  ) {}

  __model(): SheetModel {
    return this.sheet;
  }

  private self(): Sheet {
    return this as unknown as Sheet;
  }

  getName(): string {
    return this.sheet.name;
  }
  setName(name: string): Sheet {
    this.env.onRename(this.sheet, name);
    return this.self();
  }
  getSheetId(): number {
    return this.sheet.id;
  }
  getIndex(): number {
    return this.env.book.sheets.indexOf(this.sheet) + 1;
  }

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof a === 'string') {
      const parsed = parseA1(a, this.sheet.maxRows, this.sheet.maxColumns);
      if (!parsed || (parsed.sheetName && parsed.sheetName !== this.sheet.name)) throw new Error('Range not found');
      return makeRange(this.sheet, parsed.range, this.env);
    }
    const r: GridRange = { row: a, column: column ?? NaN, numRows: numRows ?? 1, numColumns: numColumns ?? 1 };
    if (column === undefined) throw new Error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return makeRange(this.sheet, r, this.env);
  }

  getDataRange(): Range {
    return makeRange(
      this.sheet,
      {
        row: 1,
        column: 1,
        numRows: Math.max(1, this.sheet.lastRow()),
        numColumns: Math.max(1, this.sheet.lastColumn()),
      },
      this.env,
    );
  }

  getLastRow(): number {
    return this.sheet.lastRow();
  }
  getLastColumn(): number {
    return this.sheet.lastColumn();
  }
  getMaxRows(): number {
    return this.sheet.maxRows;
  }
  getMaxColumns(): number {
    return this.sheet.maxColumns;
  }

  /** The user to check protections for; null for the emulator's own writes. */
  private editor(): EditAccess | null {
    return this.env.enforced() ? this.env.access() : null;
  }

  private whole(): GridRange {
    return { row: 1, column: 1, numRows: this.sheet.maxRows, numColumns: this.sheet.maxColumns };
  }

  private checkPosition(position: number, max: number, howMany: number): void {
    if (!Number.isInteger(position) || position < 1 || position > max) throw new Error(RANGE_ERRORS.outside);
    if (!Number.isInteger(howMany) || howMany < 1) throw new Error('Those rows are out of bounds.');
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this.checkPosition(afterPosition, this.sheet.maxRows, howMany);
    checkInsertable(this.sheet, afterPosition, false, this.editor());
    this.sheet.insertRows(afterPosition, howMany);
    return this.self();
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    this.checkPosition(beforePosition, this.sheet.maxRows, howMany);
    checkInsertable(this.sheet, beforePosition - 1, false, this.editor());
    this.sheet.insertRows(beforePosition - 1, howMany);
    return this.self();
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this.checkPosition(afterPosition, this.sheet.maxColumns, howMany);
    checkInsertable(this.sheet, afterPosition, true, this.editor());
    this.sheet.insertColumns(afterPosition, howMany);
    return this.self();
  }
  insertColumnAfter(afterPosition: number): Sheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.checkPosition(rowPosition, this.sheet.maxRows, howMany);
    if (rowPosition + howMany - 1 > this.sheet.maxRows) throw new Error('Those rows are out of bounds.');
    if (howMany >= this.sheet.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    checkEditable(this.sheet, { row: rowPosition, column: 1, numRows: howMany, numColumns: this.sheet.maxColumns }, this.editor());
    this.sheet.deleteRows(rowPosition, howMany);
  }
  deleteRow(rowPosition: number): Sheet {
    this.deleteRows(rowPosition, 1);
    return this.self();
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.checkPosition(columnPosition, this.sheet.maxColumns, howMany);
    if (columnPosition + howMany - 1 > this.sheet.maxColumns) throw new Error('Those columns are out of bounds.');
    if (howMany >= this.sheet.maxColumns) throw new Error("You can't delete all the columns on the sheet.");
    checkEditable(this.sheet, { row: 1, column: columnPosition, numRows: this.sheet.maxRows, numColumns: howMany }, this.editor());
    this.sheet.deleteColumns(columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): Sheet {
    this.deleteColumns(columnPosition, 1);
    return this.self();
  }

  appendRow(rowContents: unknown[]): Sheet {
    const row = this.sheet.lastRow() + 1;
    checkEditable(this.sheet, { row, column: 1, numRows: 1, numColumns: Math.max(1, rowContents.length) }, this.editor());
    rowContents.forEach(checkCellSize);
    if (row > this.sheet.maxRows) this.sheet.maxRows = row;
    if (rowContents.length > this.sheet.maxColumns) this.sheet.maxColumns = rowContents.length;
    rowContents.forEach((value, j) => {
      const typed = typeIn(value, this.sheet.cell(row, j + 1)?.fmt, this.env.book.locale, this.env.book.timeZone);
      const cell = this.sheet.edit(row, j + 1);
      cell.v = typed.v;
      if (typed.f) cell.f = typed.f;
      else delete cell.f;
    });
    return this.self();
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows > this.sheet.maxRows) throw new Error(RANGE_ERRORS.outside);
    this.sheet.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.sheet.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns > this.sheet.maxColumns) throw new Error(RANGE_ERRORS.outside);
    this.sheet.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this.sheet.frozenColumns;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const existing = this.sheet.protections.find((p) => p.type === 'SHEET');
    const model: ProtectionModel = existing ?? {
      id: this.env.newProtectionId(),
      type: 'SHEET',
      description: '',
      warningOnly: false,
      editors: [],
      unprotected: [],
      mirrorsFile: true,
    };
    if (!existing) this.sheet.protections.push(model);
    return strict('Protection', new FakeProtection(this.sheet, model, this.env), this.env.log) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.sheet.protections
      .filter((p) => p.type === String(type))
      .map((p) => strict('Protection', new FakeProtection(this.sheet, p, this.env), this.env.log) as unknown as GoogleAppsScript.Spreadsheet.Protection);
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    this.sheet.columnWidths.set(columnPosition, width);
    return this.self();
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.sheet.columnWidths.set(c, width);
    return this.self();
  }
  getColumnWidth(columnPosition: number): number {
    return this.sheet.columnWidths.get(columnPosition) ?? 100;
  }
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    checkRange(this.sheet, { row: 1, column: startColumn, numRows: 1, numColumns });
    return this.self();
  }

  hideSheet(): Sheet {
    if (this.env.book.sheets.filter((s) => !s.hidden).length <= 1) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this.sheet.hidden = true;
    return this.self();
  }
  showSheet(): Sheet {
    this.sheet.hidden = false;
    return this.self();
  }
  isSheetHidden(): boolean {
    return this.sheet.hidden;
  }
  setTabColor(color: string | null): Sheet {
    this.sheet.tabColor = color;
    return this.self();
  }
  getTabColor(): string | null {
    return this.sheet.tabColor;
  }
  getFormUrl(): string | null {
    return this.sheet.formUrl;
  }
  clear(): Sheet {
    checkEditable(this.sheet, this.whole(), this.editor());
    this.sheet.rows = [];
    return this.self();
  }
  clearContents(): Sheet {
    checkEditable(this.sheet, this.whole(), this.editor());
    for (const row of this.sheet.rows) {
      if (!row) continue;
      row.forEach((c) => {
        // A shared empty cell has nothing to clear; any other is its own.
        if (!c || Object.isFrozen(c)) return;
        c.v = '';
        delete c.f;
      });
    }
    return this.self();
  }
  activate(): Sheet {
    this.env.book.activeSheet = this.env.book.sheets.indexOf(this.sheet);
    return this.self();
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.env.spreadsheetFake();
  }

  // ---- Embedded charts (see charts.ts) ----

  private chartEnv(): ChartEnv {
    const book = this.env.book;
    return {
      book,
      log: this.env.log,
      rangeOf: (r) => {
        const sheet = this.env
          .spreadsheetFake()
          .getSheets()
          .find((s) => s.getSheetId() === r.sheetId);
        if (!sheet) throw new Error(CHART_ERRORS.range);
        return sheet.getRange(r.row, r.column, r.numRows, r.numColumns);
      },
    };
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return newBuilder(blankChart(), this.chartEnv());
  }

  /** Adds the chart as a new one with its own ID, whatever chart it was built from. */
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const model = chartModelOf(chart);
    if (!model.type) throw new Error(CHART_ERRORS.type(model.type));
    const stored = { ...model, id: this.env.book.nextChartId++, ranges: model.ranges.map((r) => ({ ...r })), options: { ...model.options }, position: { ...model.position } };
    this.sheet.charts.push(stored);
  }

  /** Replaces the stored chart with the same ID (a chart from modify().build()). */
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const model = chartModelOf(chart);
    const at = this.sheet.charts.findIndex((c) => c.id === model.id);
    if (!model.id || at < 0) throw new Error(CHART_ERRORS.notFound);
    if (!model.type) throw new Error(CHART_ERRORS.type(model.type));
    this.sheet.charts[at] = { ...model, ranges: model.ranges.map((r) => ({ ...r })), options: { ...model.options }, position: { ...model.position } };
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const model = chartModelOf(chart);
    const at = this.sheet.charts.findIndex((c) => c.id === model.id);
    if (!model.id || at < 0) throw new Error(CHART_ERRORS.notFound);
    this.sheet.charts.splice(at, 1);
  }

  /** Snapshots: a chart object does not follow later updates. */
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    const env = this.chartEnv();
    return this.sheet.charts.map((c) => wrapChart({ ...c, ranges: c.ranges.map((r) => ({ ...r })), options: { ...c.options }, position: { ...c.position } }, env));
  }

  // ---- Conditional format rules (see conditional.ts) ----

  /** Snapshots, as in Sheets: changing a returned rule changes nothing until it is set again. */
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    const env = conditionalEnv(this.env);
    return this.sheet.conditionalFormats.map((m) => wrapRule(structuredClone(m), env));
  }

  /** Replaces all the sheet's rules. */
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.sheet.conditionalFormats = storedRules(rules, this.sheet.id);
  }
}

function conditionalEnv(env: SheetEnv): ConditionalEnv {
  return {
    log: env.log,
    rangeOf: (r) => {
      const sheet = env
        .spreadsheetFake()
        .getSheets()
        .find((s) => s.getSheetId() === r.sheetId);
      if (!sheet) throw new Error('Range not found');
      return sheet.getRange(r.row, r.column, r.numRows, r.numColumns);
    },
  };
}

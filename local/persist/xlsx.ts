import ExcelJS from 'exceljs';
import { toA1 } from '../emulator/sheets/a1';
import { Cell, CellStyle, SheetModel, SpreadsheetModel } from '../emulator/sheets/model';
import { fromWallClock, wallClock } from '../emulator/time';

/**
 * The bound spreadsheet as a real .xlsx (values, formulas, formats, notes, frozen rows, widths,
 * list validations, hidden sheets), readable in LibreOffice and Excel. What .xlsx cannot hold
 * faithfully for Google (sheet ids, grid size, protections, validation rules) travels in
 * state.json; see `sheetMeta`.
 */

/** Dates go to Excel as the spreadsheet's wall clock, since a serial number has no zone. */
function dateToExcel(date: Date, timeZone: string): Date {
  const c = wallClock(date, timeZone);
  return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second, c.millisecond));
}

function dateFromExcel(date: Date, timeZone: string): Date {
  return fromWallClock(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
      millisecond: date.getUTCMilliseconds(),
    },
    timeZone,
  );
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase().padStart(6, '0')}`;
const hexOf = (color: string | undefined) => (color ? `#${color.slice(-6).toLowerCase()}` : undefined);

function writeStyle(target: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold || style.italic || style.fontColor) {
    target.font = { bold: style.bold, italic: style.italic, color: style.fontColor ? { argb: argb(style.fontColor) } : undefined };
  }
  if (style.background) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.background) } };
  if (style.wrap !== undefined || style.horizontalAlignment || style.verticalAlignment) {
    target.alignment = {
      wrapText: style.wrap,
      horizontal: style.horizontalAlignment as ExcelJS.Alignment['horizontal'] | undefined,
      vertical: style.verticalAlignment === 'middle' ? 'middle' : (style.verticalAlignment as ExcelJS.Alignment['vertical'] | undefined),
    };
  }
}

function readStyle(source: ExcelJS.Cell): CellStyle | undefined {
  const style: CellStyle = {};
  if (source.font?.bold) style.bold = true;
  if (source.font?.italic) style.italic = true;
  const fontColor = hexOf(source.font?.color?.argb);
  if (fontColor) style.fontColor = fontColor;
  const fill = source.fill as ExcelJS.FillPattern | undefined;
  const background = fill?.type === 'pattern' ? hexOf(fill.fgColor?.argb) : undefined;
  if (background) style.background = background;
  if (source.alignment?.wrapText !== undefined) style.wrap = source.alignment.wrapText;
  if (source.alignment?.horizontal) style.horizontalAlignment = source.alignment.horizontal;
  if (source.alignment?.vertical) style.verticalAlignment = source.alignment.vertical;
  return Object.keys(style).length ? style : undefined;
}

/**
 * Excel refuses some names Google accepts (: \ / ? * [ ], over 31 characters); such a sheet is
 * saved under a safe name, and state.json keeps the real one.
 */
export function xlsxSheetName(name: string, taken: Set<string>): string {
  let safe = name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31);
  for (let n = 2; taken.has(safe.toLowerCase()); n++) safe = `${safe.slice(0, 27)} (${n})`;
  taken.add(safe.toLowerCase());
  return safe;
}

/** Sheets counts column width in pixels; Excel in characters of the default font (~7 px). */
const PX_PER_CHAR = 7;

export async function spreadsheetToXlsx(book: SpreadsheetModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'mentoring-sheets';
  const taken = new Set<string>();
  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(xlsxSheetName(sheet.name, taken), {
      state: sheet.hidden ? 'hidden' : 'visible',
      properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : undefined,
      views: sheet.frozenRows || sheet.frozenColumns ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }] : undefined,
    });
    for (const [column, px] of sheet.columnWidths) ws.getColumn(column).width = Math.round((px / PX_PER_CHAR) * 100) / 100;
    sheet.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        if (cell.f) target.value = { formula: cell.f.slice(1), result: cell.v instanceof Date ? dateToExcel(cell.v, book.timeZone) : cell.v === '' ? undefined : cell.v } as ExcelJS.CellFormulaValue;
        else if (cell.v instanceof Date) target.value = dateToExcel(cell.v, book.timeZone);
        else if (cell.v !== '') target.value = cell.v;
        if (cell.fmt) target.numFmt = cell.fmt;
        else if (cell.v instanceof Date) target.numFmt = 'dd.mm.yyyy hh:mm:ss';
        if (cell.note) target.note = cell.note;
        if (cell.style) writeStyle(target, cell.style);
      });
    });
    // Dropdowns for LibreOffice/Excel users; the exact rules live in state.json.
    for (const { range, rule } of sheet.validations) {
      if (!rule || rule.criteria !== 'VALUE_IN_LIST') continue;
      const list = (rule.args[0] as string[]).join(',');
      if (list.length > 250 || list.includes('"')) continue;
      // exceljs has the API but its typings omit it.
      (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(toA1(range), {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list}"`],
        showErrorMessage: !rule.allowInvalid,
      });
    }
  }
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

function readValue(value: ExcelJS.CellValue, timeZone: string): Pick<Cell, 'v' | 'f'> {
  if (value === null || value === undefined) return { v: '' };
  if (value instanceof Date) return { v: dateFromExcel(value, timeZone) };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { v: value };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const formula = 'formula' in value ? value.formula : (value as ExcelJS.CellSharedFormulaValue).sharedFormula;
      const result = (value as ExcelJS.CellFormulaValue).result;
      const v = result instanceof Date ? dateFromExcel(result, timeZone) : typeof result === 'object' || result === undefined ? '' : result;
      return { v, f: `=${formula}` };
    }
    if ('richText' in value) return { v: value.richText.map((t) => t.text).join('') };
    if ('text' in value) return { v: String((value as ExcelJS.CellHyperlinkValue).text) };
    if ('error' in value) return { v: String((value as ExcelJS.CellErrorValue).error) };
  }
  return { v: String(value) };
}

function noteText(note: ExcelJS.Cell['note']): string | undefined {
  if (!note) return undefined;
  if (typeof note === 'string') return note;
  return note.texts?.map((t) => t.text).join('');
}

/** Fills `book` (already holding sheet metadata from state.json, or none) from an .xlsx. */
export async function xlsxToSpreadsheet(buffer: Buffer, book: SpreadsheetModel): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  // Sheets known from state.json, by the name they were saved under.
  const taken = new Set<string>();
  const known = new Map(book.sheets.map((s) => [xlsxSheetName(s.name, taken), s]));
  const sheets: SheetModel[] = [];
  for (const ws of wb.worksheets) {
    const sheet = known.get(ws.name) ?? new SheetModel(book.nextSheetId++, ws.name);
    sheet.rows = [];
    if (!known.has(ws.name)) {
      sheet.hidden = ws.state !== 'visible';
      const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
      if (view?.state === 'frozen') {
        sheet.frozenRows = view.ySplit ?? 0;
        sheet.frozenColumns = view.xSplit ?? 0;
      }
      ws.columns?.forEach((col, i) => {
        if (col.width) sheet.columnWidths.set(i + 1, Math.round(col.width * PX_PER_CHAR));
      });
    }
    // Empty cells count too when formatted: plain-text format on empty rows is what keeps later
    // answers as typed.
    for (let r = 1; r <= ws.rowCount; r++) {
      ws.getRow(r).eachCell({ includeEmpty: true }, (source, c) => {
        const typed = readValue(source.value, book.timeZone);
        const cell: Cell = { v: typed.v };
        if (typed.f) cell.f = typed.f;
        const isDefaultDateFormat = cell.v instanceof Date && source.numFmt === 'dd.mm.yyyy hh:mm:ss';
        if (source.numFmt && source.numFmt !== 'General' && !isDefaultDateFormat) cell.fmt = source.numFmt;
        const note = noteText(source.note);
        if (note) cell.note = note;
        const style = readStyle(source);
        if (style) cell.style = style;
        if (cell.v === '' && !cell.f && !cell.fmt && !cell.note && !cell.style) return;
        sheet.setCell(r, c, cell);
      });
    }
    sheet.maxRows = Math.max(sheet.maxRows, sheet.lastRow());
    sheet.maxColumns = Math.max(sheet.maxColumns, sheet.lastColumn());
    sheets.push(sheet);
  }
  book.sheets = sheets;
}

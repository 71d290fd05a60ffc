import { strict } from '../calls';
import type { Workspace } from '../workspace';
import { parseA1 } from './a1';
import { MIME } from '../drive-store';
import { Cell, SheetModel, SpreadsheetModel } from './model';
import { makeRange } from './range';
import { FakeSheet, SheetEnv } from './sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const SHEET_ERRORS = {
  duplicate: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  lastSheet: 'Sorry, it is not possible to delete all non-hidden sheets in a spreadsheet. Please keep at least one visible.',
  nameTooLong: 'The sheet name is too long; it must be 100 characters or fewer.',
};

type SpreadsheetApi = Pick<
  Spreadsheet,
  | 'getId'
  | 'getName'
  | 'rename'
  | 'getUrl'
  | 'getSheets'
  | 'getSheetByName'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'setSpreadsheetLocale'
  | 'toast'
  | 'getFormUrl'
  | 'getRange'
  | 'getNumSheets'
  | 'copy'
>;

/** A deep copy of a spreadsheet under a new id and name: values, formulas, formats, notes, rules, protections. */
export function copySpreadsheetModel(book: SpreadsheetModel, id: string, name: string): SpreadsheetModel {
  const copy = new SpreadsheetModel({ id, name, timeZone: book.timeZone, locale: book.locale });
  const cell = (c: Cell | undefined): Cell | undefined => c && { ...c, v: c.v instanceof Date ? new Date(c.v.getTime()) : c.v, ...(c.style ? { style: { ...c.style } } : {}) };
  copy.sheets = book.sheets.map((s) => {
    const sheet = Object.assign(Object.create(SheetModel.prototype) as SheetModel, s);
    sheet.rows = s.rows.map((r) => r && r.map(cell));
    Object.assign(sheet, { columnWidths: new Map(s.columnWidths) });
    sheet.validations = structuredClone(s.validations);
    sheet.protections = structuredClone(s.protections);
    sheet.charts = structuredClone(s.charts);
    sheet.conditionalFormats = structuredClone(s.conditionalFormats);
    sheet.conditionalFormats = structuredClone(s.conditionalFormats ?? []);
    // A copy is not linked to the forms that write into the original.
    sheet.formUrl = null;
    return sheet;
  });
  copy.nextSheetId = book.nextSheetId;
  copy.nextProtectionId = book.nextProtectionId;
  copy.nextChartId = book.nextChartId;
  return copy;
}

/** What Spreadsheet.copy returns here: the new file's identity (the add-on reads only that). */
class CopiedSpreadsheet implements Pick<Spreadsheet, 'getId' | 'getName' | 'getUrl'> {
  constructor(private readonly model: SpreadsheetModel) {}
  getId(): string {
    return this.model.id;
  }
  getName(): string {
    return this.model.name;
  }
  getUrl(): string {
    return this.model.url;
  }
}

export class FakeSpreadsheet implements SpreadsheetApi {
  private readonly env: (sheet: SheetModel) => SheetEnv;

  constructor(
    private readonly ws: Workspace,
    private readonly selfFake: () => Spreadsheet,
  ) {
    this.env = (sheet) => {
      const env: SheetEnv = {
        book: this.ws.spreadsheet,
        log: this.ws.calls,
        sheetFake: () => this.wrap(sheet),
        spreadsheetFake: this.selfFake,
        newProtectionId: () => `protection-${this.ws.spreadsheet.nextProtectionId++}`,
        access: () => ({ user: this.ws.currentUser, owner: this.ws.owner, fileEditors: this.ws.fileEditors }),
        enforced: () => this.ws.calls.tracking,
        onRename: (s, name) => this.rename_(s, name),
      };
      return env;
    };
  }

  private get book() {
    return this.ws.spreadsheet;
  }

  wrap(sheet: SheetModel): Sheet {
    return strict('Sheet', new FakeSheet(sheet, this.env(sheet)), this.ws.calls) as unknown as Sheet;
  }

  private rename_(sheet: SheetModel, name: string): void {
    const clash = this.book.findSheetIgnoringCase(name);
    if (clash && clash !== sheet) throw new Error(SHEET_ERRORS.duplicate(name));
    if (name.length > 100) throw new Error(SHEET_ERRORS.nameTooLong);
    sheet.name = name;
  }

  getId(): string {
    return this.book.id;
  }
  getName(): string {
    return this.book.name;
  }
  rename(name: string): void {
    this.book.name = name;
  }
  getUrl(): string {
    return this.book.url;
  }
  getSheets(): Sheet[] {
    return this.book.sheets.map((s) => this.wrap(s));
  }
  getNumSheets(): number {
    return this.book.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    const sheet = this.book.findSheet(name);
    return sheet ? this.wrap(sheet) : null;
  }

  insertSheet(nameOrIndex?: unknown, index?: unknown): Sheet {
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : typeof index === 'number' ? index : undefined;
    if (name === undefined) {
      const base = this.book.locale.startsWith('ru') ? 'Лист' : 'Sheet';
      let n = this.book.sheets.length + 1;
      while (this.book.findSheetIgnoringCase(`${base}${n}`)) n++;
      name = `${base}${n}`;
    }
    if (this.book.findSheetIgnoringCase(name)) throw new Error(SHEET_ERRORS.duplicate(name));
    if (name.length > 100) throw new Error(SHEET_ERRORS.nameTooLong);
    const sheet = this.book.addSheet(name, at === undefined ? this.book.sheets.length : Math.min(at, this.book.sheets.length));
    this.book.activeSheet = this.book.sheets.indexOf(sheet);
    return this.wrap(sheet);
  }

  deleteSheet(sheet: Sheet): void {
    const model = (sheet as unknown as { __model(): SheetModel }).__model();
    if (this.book.sheets.filter((s) => !s.hidden && s !== model).length === 0) throw new Error(SHEET_ERRORS.lastSheet);
    this.book.sheets = this.book.sheets.filter((s) => s !== model);
    this.book.activeSheet = 0;
  }

  getActiveSheet(): Sheet {
    return this.wrap(this.book.sheets[this.book.activeSheet] ?? this.book.sheets[0]);
  }
  setActiveSheet(sheet: Sheet): Sheet {
    const model = (sheet as unknown as { __model(): SheetModel }).__model();
    this.book.activeSheet = this.book.sheets.indexOf(model);
    return sheet;
  }

  getSpreadsheetTimeZone(): string {
    return this.book.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.book.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this.book.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.book.locale = locale;
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ws.ui.push({ kind: 'toast', text: String(msg), title: title === undefined ? undefined : String(title), width: timeoutSeconds ?? undefined });
  }

  /** Spreadsheet.copy: the whole spreadsheet as a new file in the root of My Drive. */
  copy(name: string): Spreadsheet {
    if (typeof name !== 'string') throw new Error(`The parameters (${typeof name}) don't match the method signature for SpreadsheetApp.Spreadsheet.copy.`);
    const model = copySpreadsheetModel(this.book, this.ws.ids.next('1'), name);
    this.ws.drive.add({ id: model.id, name, mimeType: MIME.spreadsheet, parents: [], created: this.ws.now(), trashed: false, content: model });
    return strict('Spreadsheet', new CopiedSpreadsheet(model), this.ws.calls) as unknown as Spreadsheet;
  }

  getFormUrl(): string | null {
    return this.book.sheets.find((s) => s.formUrl)?.formUrl ?? null;
  }

  getRange(a1Notation: string): GoogleAppsScript.Spreadsheet.Range {
    const active = this.book.sheets[this.book.activeSheet] ?? this.book.sheets[0];
    const parsed = parseA1(a1Notation, active.maxRows, active.maxColumns);
    if (!parsed) throw new Error('Range not found');
    const sheet = parsed.sheetName ? this.book.findSheet(parsed.sheetName) : active;
    if (!sheet) throw new Error('Range not found');
    const again = parseA1(a1Notation, sheet.maxRows, sheet.maxColumns);
    return makeRange(sheet, again!.range, this.env(sheet));
  }
}

import { ProtectionModel, SheetModel } from './model';
import type { SheetContext } from './range';
import { makeRange } from './range';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

type ProtectionApi = Pick<
  Protection,
  | 'setDescription' | 'getDescription' | 'setWarningOnly' | 'isWarningOnly' | 'addEditor' | 'addEditors'
  | 'removeEditors' | 'getEditors' | 'canEdit' | 'remove' | 'getRange' | 'getProtectionType' | 'setDomainEdit'
  | 'canDomainEdit' | 'setUnprotectedRanges' | 'getUnprotectedRanges'
>;

/** A protected sheet or range; recorded for assertions and saved with the workbook. */
export class FakeProtection implements ProtectionApi {
  constructor(private readonly sheet: SheetModel, private readonly model: ProtectionModel, private readonly ctx: SheetContext) {}

  private self(): Protection {
    return this as unknown as Protection;
  }

  setDescription(description: string): Protection {
    this.model.description = description;
    return this.self();
  }
  getDescription(): string {
    return this.model.description;
  }
  setWarningOnly(warningOnly: boolean): Protection {
    this.model.warningOnly = warningOnly;
    return this.self();
  }
  isWarningOnly(): boolean {
    return this.model.warningOnly;
  }
  addEditor(email: string | GoogleAppsScript.Base.User): Protection {
    const address = typeof email === 'string' ? email : email.getEmail();
    if (!this.model.editors.includes(address)) this.model.editors.push(address);
    return this.self();
  }
  addEditors(emails: string[]): Protection {
    for (const e of emails) this.addEditor(e);
    return this.self();
  }
  removeEditors(emails: Array<string | GoogleAppsScript.Base.User>): Protection {
    const drop = new Set(emails.map((e) => (typeof e === 'string' ? e : e.getEmail())));
    this.model.editors = this.model.editors.filter((e) => !drop.has(e));
    return this.self();
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    return this.model.editors.map((email) => ({ getEmail: () => email }) as unknown as GoogleAppsScript.Base.User);
  }
  /** The owner (the curator who runs the add-on) can always edit. */
  canEdit(): boolean {
    return true;
  }
  remove(): void {
    this.sheet.protections = this.sheet.protections.filter((p) => p.id !== this.model.id);
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const r = this.model.range ?? { row: 1, column: 1, numRows: this.sheet.maxRows, numColumns: this.sheet.maxColumns };
    return makeRange(this.sheet, r, this.ctx, false);
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.model.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  setDomainEdit(): Protection {
    return this.self();
  }
  canDomainEdit(): boolean {
    return false;
  }
  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): Protection {
    this.model.unprotected = ranges.map((r) => {
      const g = (r as unknown as { __grid(): { row: number; column: number; numRows: number; numColumns: number } }).__grid();
      return { row: g.row, column: g.column, numRows: g.numRows, numColumns: g.numColumns };
    });
    return this.self();
  }
  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.model.unprotected.map((r) => makeRange(this.sheet, r, this.ctx, false));
  }
}

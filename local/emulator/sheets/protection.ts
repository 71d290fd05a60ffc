import { GridRange } from './a1';
import { ProtectionModel, SheetModel } from './model';
import type { SheetContext } from './range';
import { makeRange } from './range';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

export const PROTECTED_ERROR = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Who edits: the user the script runs as, the file's owner and its other editors. */
export interface EditAccess {
  user: string;
  owner: string;
  /** Editors of the spreadsheet file besides the owner. */
  fileEditors: string[];
}

/** The editors a protection lists (never the owner, as in Google: gas-fakes oddities). */
function listedEditors(p: ProtectionModel, access: EditAccess): string[] {
  const list = p.mirrorsFile ? [...access.fileEditors, access.user] : p.editors;
  return [...new Set(list)].filter((e) => e !== access.owner);
}

/** Protection.canEdit: the owner always; anyone while it mirrors the file or only warns. */
export function mayEdit(p: ProtectionModel, access: EditAccess): boolean {
  if (access.user === access.owner || p.warningOnly || p.mirrorsFile || p.domainEdit) return true;
  return p.editors.includes(access.user);
}

function overlaps(a: GridRange, b: GridRange): boolean {
  return a.row <= b.row + b.numRows - 1 && b.row <= a.row + a.numRows - 1 && a.column <= b.column + b.numColumns - 1 && b.column <= a.column + a.numColumns - 1;
}

function inside(row: number, column: number, r: GridRange): boolean {
  return row >= r.row && row < r.row + r.numRows && column >= r.column && column < r.column + r.numColumns;
}

/** A sheet protection locks every cell of `rect` not inside one of its unprotected ranges. */
function sheetLocks(p: ProtectionModel, rect: GridRange): boolean {
  if (p.unprotected.length === 0) return true;
  for (let row = rect.row; row < rect.row + rect.numRows; row++) {
    for (let column = rect.column; column < rect.column + rect.numColumns; column++) {
      if (!p.unprotected.some((u) => inside(row, column, u))) return true;
    }
  }
  return false;
}

/**
 * Refuses a script's write to `rect` when a protection the user may not edit covers any of it,
 * with Google's text; nothing is written. `access` null = the emulator's own write (unchecked).
 */
export function checkEditable(sheet: SheetModel, rect: GridRange, access: EditAccess | null): void {
  if (!access || access.user === access.owner) return;
  for (const p of sheet.protections) {
    if (mayEdit(p, access)) continue;
    const locked = p.type === 'SHEET' ? sheetLocks(p, rect) : !!p.range && overlaps(p.range, rect);
    if (locked) throw new Error(PROTECTED_ERROR);
  }
}

/**
 * Inserting rows after `after` (or columns, with `columns`) is refused inside a protected block
 * or anywhere on a protected sheet; inserting right next to a protected range is allowed.
 */
export function checkInsertable(sheet: SheetModel, after: number, columns: boolean, access: EditAccess | null): void {
  if (!access || access.user === access.owner) return;
  for (const p of sheet.protections) {
    if (mayEdit(p, access)) continue;
    if (p.type === 'SHEET') throw new Error(PROTECTED_ERROR);
    if (!p.range) continue;
    const start = columns ? p.range.column : p.range.row;
    const end = start + (columns ? p.range.numColumns : p.range.numRows) - 1;
    if (start <= after && after + 1 <= end) throw new Error(PROTECTED_ERROR);
  }
}

type ProtectionApi = Pick<
  Protection,
  | 'setDescription'
  | 'getDescription'
  | 'setWarningOnly'
  | 'isWarningOnly'
  | 'addEditor'
  | 'addEditors'
  | 'removeEditors'
  | 'getEditors'
  | 'canEdit'
  | 'remove'
  | 'getRange'
  | 'getProtectionType'
  | 'setDomainEdit'
  | 'canDomainEdit'
  | 'setUnprotectedRanges'
  | 'getUnprotectedRanges'
>;

/** A protected sheet or range; saved with the workbook and enforced for scripts run by non-editors. */
export class FakeProtection implements ProtectionApi {
  constructor(
    private readonly sheet: SheetModel,
    private readonly model: ProtectionModel,
    private readonly ctx: SheetContext,
  ) {}

  private self(): Protection {
    return this as unknown as Protection;
  }

  private access(): EditAccess {
    return this.ctx.access();
  }

  /** The first change to the editors turns the mirrored list into an explicit one. */
  private own(): void {
    if (!this.model.mirrorsFile) return;
    this.model.editors = listedEditors(this.model, this.access());
    delete this.model.mirrorsFile;
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
    this.own();
    const address = typeof email === 'string' ? email : email.getEmail();
    // The owner always edits and is never listed (gas-fakes oddities: getEditors omits the owner).
    if (address !== this.access().owner && !this.model.editors.includes(address)) this.model.editors.push(address);
    return this.self();
  }
  addEditors(emails: string[]): Protection {
    for (const e of emails) this.addEditor(e);
    return this.self();
  }
  /** "Neither the owner of the spreadsheet nor the current user can be removed" (removeEditor reference). */
  removeEditors(emails: Array<string | GoogleAppsScript.Base.User>): Protection {
    this.own();
    const { user, owner } = this.access();
    const drop = new Set(emails.map((e) => (typeof e === 'string' ? e : e.getEmail())));
    drop.delete(user);
    drop.delete(owner);
    this.model.editors = this.model.editors.filter((e) => !drop.has(e));
    return this.self();
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    return listedEditors(this.model, this.access()).map((email) => ({ getEmail: () => email }) as unknown as GoogleAppsScript.Base.User);
  }
  /** The owner can always edit; others when listed, or while the protection only warns or mirrors the file. */
  canEdit(): boolean {
    return mayEdit(this.model, this.access());
  }
  remove(): void {
    if (!this.canEdit()) throw new Error(PROTECTED_ERROR);
    this.sheet.protections = this.sheet.protections.filter((p) => p.id !== this.model.id);
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const r = this.model.range ?? { row: 1, column: 1, numRows: this.sheet.maxRows, numColumns: this.sheet.maxColumns };
    return makeRange(this.sheet, r, this.ctx, false);
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.model.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  setDomainEdit(editable: boolean): Protection {
    this.own();
    if (editable) this.model.domainEdit = true;
    else delete this.model.domainEdit;
    return this.self();
  }
  canDomainEdit(): boolean {
    return !!this.model.domainEdit;
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

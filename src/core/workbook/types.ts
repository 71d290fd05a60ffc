/** How the programme workbook is laid out: sheets, their Russian headers and rules. */
export type ColumnRule =
  | { kind: 'list'; values: readonly string[] }
  /** Dropdown from another sheet's column, so the curator extends the list in one place. */
  | { kind: 'listFromSheet'; sheet: string; header: string }
  | { kind: 'date' }
  | { kind: 'checkbox' }
  | { kind: 'number'; min: number; max: number };

export interface ColumnDef {
  /** Identifier used by code; never shown. */
  key: string;
  header: string;
  /** Other headers this column was known by, so a repair finds it instead of adding a twin. */
  aliases?: readonly string[];
  width?: number;
  rule?: ColumnRule;
  /** Filled by the add-on; protected (with a warning) against accidental edits. */
  system?: boolean;
  /** Stored as plain text, so answers and codes are never read as numbers, dates or formulas. */
  text?: boolean;
  note?: string;
}

export type SeedValue = string | number | boolean;

export interface SheetDef {
  key: string;
  name: string;
  columns: readonly ColumnDef[];
  /** Reference rows the add-on provides; matched by `seedKey`, added when missing, never overwritten. */
  seed?: { key: string; rows: ReadonlyArray<Readonly<Record<string, SeedValue>>> };
  /** Sensitive data (152-ФЗ): the whole sheet is protected so only the owner can edit it. */
  restricted?: boolean;
  /** The add-on's own bookkeeping: hidden from the curator (and protected like system columns). */
  hidden?: boolean;
  tabColor?: string;
}

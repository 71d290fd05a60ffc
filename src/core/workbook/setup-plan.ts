import { locateColumns, normalizeHeader } from './headers';
import { ColumnDef, ColumnRule, SeedValue, SheetDef } from './types';

/** What the adapter read of one existing sheet (a few calls, whatever its size). */
export interface SheetSnapshot {
  name: string;
  header: unknown[];
  lastRow: number;
  maxRows: number;
  /** Values of the seed key column below the header, when the def has seeds and the column exists. */
  seedKeys: unknown[];
  protectionDescriptions: string[];
  sheetProtected: boolean;
  frozenRows: number;
  /** Per column (0-based), the values of a dropdown list on the first data row, or null. */
  lists?: ReadonlyArray<readonly string[] | null>;
}

export interface PlannedColumn {
  def: ColumnDef;
  column: number;
  added: boolean;
}

export interface SheetPlan {
  def: SheetDef;
  create: boolean;
  columns: PlannedColumn[];
  /** First column of the block of new headers, and the headers, in order. */
  newHeaders: { column: number; headers: string[]; notes: string[] } | null;
  /** Rows to append after `appendAt - 1`, laid out over columns 1..width. */
  seedRows: { appendAt: number; width: number; rows: SeedValue[][] } | null;
  validations: Array<{ column: number; rule: ColumnRule }>;
  textColumns: number[];
  protectColumns: Array<{ column: number; description: string }>;
  protectSheet: string | null;
  freezeHeader: boolean;
}

/** Whether applying the plan would write anything at all. */
export function hasWork(plan: SheetPlan): boolean {
  return plan.create || !!plan.newHeaders || !!plan.seedRows || plan.validations.length > 0 || plan.protectColumns.length > 0 || !!plan.protectSheet || plan.freezeHeader;
}

/** An existing column whose dropdown holds only some of our values (an older version of the same list). */
function narrower(c: PlannedColumn, snapshot: SheetSnapshot | null): boolean {
  const rule = c.def.rule;
  const current = snapshot?.lists?.[c.column - 1];
  if (c.added || rule?.kind !== 'list' || !current?.length) return false;
  return current.length < rule.values.length && current.every((v) => rule.values.includes(v));
}

export function protectionDescription(def: SheetDef, col: ColumnDef): string {
  return `Служебный столбец «${col.header}» листа «${def.name}»: заполняется надстройкой`;
}

export function sheetProtectionDescription(def: SheetDef): string {
  return `Лист «${def.name}»: конфиденциальные сведения; править может только куратор, читать — все, у кого есть доступ к таблице`;
}

/**
 * Plans creating or repairing one sheet. Existing headers, rows and values are never moved or
 * changed: missing columns go to the right of the last used one (with their rules and formats),
 * missing seed rows below the last row, and missing protections on the add-on's own columns.
 */
export function planSheet(def: SheetDef, snapshot: SheetSnapshot | null): SheetPlan {
  const header = snapshot?.header ?? [];
  const found = locateColumns(header, def.columns);
  let next = header.reduce<number>((last, h, i) => (normalizeHeader(h) ? i + 1 : last), 0) + 1;
  const columns: PlannedColumn[] = def.columns.map((c) => {
    const at = found.get(c.key) ?? 0;
    if (at > 0) return { def: c, column: at, added: false };
    return { def: c, column: next++, added: true };
  });
  const added = columns.filter((c) => c.added);
  const newHeaders = added.length ? { column: added[0].column, headers: added.map((c) => c.def.header), notes: added.map((c) => c.def.note ?? '') } : null;

  let seedRows: SheetPlan['seedRows'] = null;
  if (def.seed) {
    const keyColumn = columns.find((c) => c.def.key === def.seed!.key)!;
    const present = new Set((keyColumn.added ? [] : (snapshot?.seedKeys ?? [])).map((v) => normalizeHeader(v)));
    const missing = def.seed.rows.filter((r) => !present.has(normalizeHeader(r[def.seed!.key])));
    if (missing.length) {
      const width = Math.max(...columns.map((c) => c.column));
      const rows = missing.map((r) => {
        const line: SeedValue[] = new Array<SeedValue>(width).fill('');
        for (const c of columns) if (r[c.def.key] !== undefined) line[c.column - 1] = r[c.def.key];
        return line;
      });
      seedRows = { appendAt: Math.max(snapshot?.lastRow ?? 0, 1) + 1, width, rows };
    }
  }

  const existing = new Set(snapshot?.protectionDescriptions ?? []);
  return {
    def,
    create: snapshot === null,
    columns,
    newHeaders,
    seedRows,
    // Rules and formats go with a new column; the curator may have tuned those of existing ones. A
    // list of ours that has since gained values (a new meeting format) is widened, never a list of hers.
    validations: columns.filter((c) => c.def.rule && (c.added || narrower(c, snapshot))).map((c) => ({ column: c.column, rule: c.def.rule! })),
    textColumns: columns.filter((c) => c.added && c.def.text).map((c) => c.column),
    protectColumns: def.restricted
      ? []
      : columns.filter((c) => c.def.system && !existing.has(protectionDescription(def, c.def))).map((c) => ({ column: c.column, description: protectionDescription(def, c.def) })),
    protectSheet: def.restricted && !snapshot?.sheetProtected ? sheetProtectionDescription(def) : null,
    freezeHeader: (snapshot?.frozenRows ?? 0) < 1,
  };
}

/** The curator's summary of what a setup run changed, in Russian. */
export function describePlans(plans: readonly SheetPlan[]): string[] {
  const lines: string[] = [];
  const created = plans.filter((p) => p.create).map((p) => `«${p.def.name}»`);
  if (created.length) lines.push(`Созданы листы: ${created.join(', ')}.`);
  for (const p of plans) {
    if (p.create) continue;
    if (p.newHeaders) lines.push(`На лист «${p.def.name}» добавлены столбцы: ${p.newHeaders.headers.map((h) => `«${h}»`).join(', ')}.`);
    if (p.seedRows) lines.push(`На лист «${p.def.name}» добавлено строк: ${p.seedRows.rows.length}.`);
  }
  if (!lines.length) lines.push('Рабочая книга уже в порядке: ничего не изменено.');
  return lines;
}

import { locateColumns } from '../workbook/headers';
import { SheetDef } from '../workbook/types';
import { isDate } from '../questionnaires/read';
import { cleanName } from '../text/names';

export type Cell = string | number | boolean | Date;

/** Compares cell values the way a person reads them. */
export function sameValue(a: unknown, b: unknown): boolean {
  return comparable(a) === comparable(b);
}

export function comparable(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return v.toISOString();
  return String(v).trim();
}

/**
 * A sheet of the workbook held in memory: read once, changed here, and written back only in the
 * columns the add-on changed, so the curator's own columns (and their formulas) are never touched.
 */
export class BaseTable {
  readonly rows: Cell[][];
  private readonly positions: Map<string, number>;
  readonly touched = new Set<number>();
  private readonly changedCells = new Set<string>();
  /** Rows the sheet held when read or last saved; the rest are new. */
  originalLength: number;
  /** Lookups by normalised value, built on first use and kept current by set(). */
  private readonly indexes = new Map<number, Map<string, number[]>>();
  private readonly maxIds = new Map<string, number>();

  constructor(
    readonly def: SheetDef,
    readonly header: Cell[],
    rows: Cell[][],
  ) {
    this.rows = rows.map((r) => [...r]);
    this.originalLength = rows.length;
    this.positions = locateColumns(header, def.columns);
  }

  /** 0-based column of a key, or -1 when the sheet lacks it (run «Настроить рабочую книгу»). */
  column(key: string): number {
    return (this.positions.get(key) ?? 0) - 1;
  }

  has(key: string): boolean {
    return this.column(key) >= 0;
  }

  get(row: number, key: string): Cell {
    const c = this.column(key);
    return c < 0 ? '' : (this.rows[row]?.[c] ?? '');
  }

  set(row: number, key: string, value: Cell): void {
    const c = this.column(key);
    if (c < 0) return;
    const line = this.rows[row];
    while (line.length <= c) line.push('');
    if (sameValue(line[c], value) && typeof line[c] === typeof value) return;
    const index = this.indexes.get(c);
    if (index) {
      const before = index.get(normalizeName(line[c]));
      if (before) before.splice(before.indexOf(row), 1);
      const norm = normalizeName(value);
      const rows = index.get(norm);
      if (rows) rows.push(row);
      else index.set(norm, [row]);
    }
    if (key === 'id') this.noteId(String(value));
    line[c] = value;
    this.touched.add(c);
    this.changedCells.add(`${row}:${c}`);
  }

  /** After a save: the sheet now holds every row and value, so nothing is pending any more. */
  markSaved(): void {
    this.touched.clear();
    this.changedCells.clear();
    this.originalLength = this.rows.length;
  }

  /** Whether this operation wrote the cell (0-based row of the data, 0-based column). */
  changed(row: number, column: number): boolean {
    return this.changedCells.has(`${row}:${column}`);
  }

  append(): number {
    this.rows.push(new Array<Cell>(this.header.length).fill(''));
    const row = this.rows.length - 1;
    for (const index of this.indexes.values()) {
      const empty = index.get('');
      if (empty) empty.push(row);
      else index.set('', [row]);
    }
    return row;
  }

  /** Rows whose value in `key` normalises to `text`, in row order (an index, not a scan). */
  find(key: string, text: string): number[] {
    const c = this.column(key);
    if (c < 0) return [];
    let index = this.indexes.get(c);
    if (!index) {
      index = new Map();
      this.rows.forEach((r, i) => {
        const k = normalizeName(r[c]);
        const rows = index!.get(k);
        if (rows) rows.push(i);
        else index!.set(k, [i]);
      });
      this.indexes.set(c, index);
    }
    return [...(index.get(normalizeName(text)) ?? [])].sort((a, b) => a - b);
  }

  private noteId(id: string): void {
    const m = /^(.+)-(\d+)$/.exec(id);
    if (m) this.maxIds.set(m[1], Math.max(this.maxIds.get(m[1]) ?? 0, Number(m[2])));
  }

  /** The next free ID with the sheet's prefix: НЯ-0001, НЯ-0002, … */
  nextId(prefix: string): string {
    if (!this.maxIds.has(`#${prefix}`)) {
      const c = this.column('id');
      for (const r of this.rows) this.noteId(String(r[c] ?? ''));
      this.maxIds.set(`#${prefix}`, 1);
    }
    return `${prefix}-${String((this.maxIds.get(prefix) ?? 0) + 1).padStart(4, '0')}`;
  }
}

/**
 * Names compare without case, extra spaces, ё/е, quotes, invisible characters or Latin look-alike
 * letters: «Иванова  Алёна» = «иванова алена» = «Ивaнова Алена» (a Latin «a»).
 */
export function normalizeName(value: unknown): string {
  return cleanName(value)
    .name.toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"'.]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

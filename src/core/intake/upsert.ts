import { BaseTable, Cell, comparable, normalizeName, sameValue } from './table';
import { isDate } from '../questionnaires/read';

export interface Conflict {
  key: string;
  current: string;
  incoming: string;
}

export interface UpsertResult {
  id: string;
  row: number;
  created: boolean;
  /** The earlier answer is newer than this one: nothing was changed. */
  stale: boolean;
  /** Field → value as written now (what the ledger remembers for the next import). */
  written: Record<string, string>;
  /** Fields changed on an existing row: [key, before, after]. */
  changes: Array<[string, string, string]>;
  /** Fields the curator had edited by hand: her value is kept. */
  conflicts: Conflict[];
  /** IDs of same-name people this answer was not merged with (their class or contact differ). */
  namesakes: string[];
}

/** What the ledger keeps of a value: long texts as a fingerprint, so no ledger cell grows without bound. */
export function ledgerValue(value: string): string {
  if (value.length <= 120) return value;
  let h = 2166136261;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 16777619) >>> 0;
  return `#${value.length}:${h.toString(36)}`;
}

export interface UpsertInput {
  idPrefix: string;
  name: string;
  /** Extra identity fields beside the name (e.g. category), as base values. */
  identity: Record<string, Cell>;
  /**
   * Fields that tell namesakes apart (class, contact): a row with the same name but a different
   * non-empty value here is another person, never merged silently.
   */
  distinct?: Record<string, Cell>;
  /** Fields the questionnaire owns: updated by a newer answer unless the curator changed them. */
  fields: Record<string, Cell>;
  /** Fields set only when the row is created (e.g. «Статус»); the curator owns them after. */
  onCreate: Record<string, Cell>;
  /** What earlier imports wrote into this person's row, from the ledger. */
  previous: (id: string) => Record<string, string> | undefined;
  at: Date | null;
}

/** Finds the person by name and identity fields; the first (oldest) row wins for namesakes. */
export function findPerson(table: BaseTable, name: string, identity: Record<string, Cell>): number {
  return matchPerson(table, name, identity).row;
}

const differs = (a: unknown, b: unknown) => normalizeName(a) !== '' && normalizeName(b) !== '' && normalizeName(a) !== normalizeName(b);

/** The person's row, and same-name rows left apart because a distinguishing field differs. */
export function matchPerson(table: BaseTable, name: string, identity: Record<string, Cell>, distinct: Record<string, Cell> = {}): { row: number; namesakes: number[] } {
  const rows = table.find('name', name).filter((r) => Object.entries(identity).every(([k, v]) => normalizeName(table.get(r, k)) === normalizeName(v)));
  const same = rows.filter((r) => !Object.entries(distinct).some(([k, v]) => table.has(k) && differs(table.get(r, k), v)));
  return { row: same.length ? same[0] : -1, namesakes: rows.filter((r) => !same.includes(r)) };
}

/**
 * One questionnaire answer into one base row. A new person gets a row and a stable ID; a person
 * who answers again gets the newer answer, except in fields the curator edited by hand since the
 * last import (her edits win and are reported) and except when the stored answer is newer.
 */
export function upsertPerson(table: BaseTable, input: UpsertInput): UpsertResult {
  const match = matchPerson(table, input.name, input.identity, input.distinct);
  let row = match.row;
  const created = row < 0;
  if (created) {
    row = table.append();
    table.set(row, 'id', table.nextId(input.idPrefix));
    table.set(row, 'name', input.name);
    for (const [k, v] of Object.entries(input.identity)) table.set(row, k, v);
    for (const [k, v] of Object.entries(input.onCreate)) table.set(row, k, v);
  } else if (!String(table.get(row, 'id'))) {
    table.set(row, 'id', table.nextId(input.idPrefix));
  }
  const id = String(table.get(row, 'id'));
  const updated = table.get(row, 'updated');
  const stale = !created && isDate(updated) && input.at !== null && updated.getTime() > input.at.getTime();
  const namesakes = match.namesakes.map((r) => String(table.get(r, 'id')));
  const result: UpsertResult = { id, row, created, stale, written: {}, changes: [], conflicts: [], namesakes };
  if (stale) return result;

  const previous = input.previous(id) ?? {};
  for (const [key, incoming] of Object.entries(input.fields)) {
    const current = table.get(row, key);
    if (sameValue(current, incoming)) {
      result.written[key] = ledgerValue(comparable(incoming));
      continue;
    }
    const curatorEdited = !created && comparable(current) !== '' && (previous[key] === undefined || previous[key] !== ledgerValue(comparable(current)));
    if (curatorEdited) {
      result.conflicts.push({ key, current: comparable(current), incoming: comparable(incoming) });
      continue;
    }
    table.set(row, key, incoming);
    result.written[key] = ledgerValue(comparable(incoming));
    if (!created) result.changes.push([key, comparable(current), comparable(incoming)]);
  }
  if (input.at) table.set(row, 'updated', input.at);
  return result;
}

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
}

export interface UpsertInput {
  idPrefix: string;
  name: string;
  /** Extra identity fields beside the name (e.g. category), as base values. */
  identity: Record<string, Cell>;
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
  const rows = table.find('name', name).filter((r) => Object.entries(identity).every(([k, v]) => normalizeName(table.get(r, k)) === normalizeName(v)));
  return rows.length ? rows[0] : -1;
}

/**
 * One questionnaire answer into one base row. A new person gets a row and a stable ID; a person
 * who answers again gets the newer answer, except in fields the curator edited by hand since the
 * last import (her edits win and are reported) and except when the stored answer is newer.
 */
export function upsertPerson(table: BaseTable, input: UpsertInput): UpsertResult {
  let row = findPerson(table, input.name, input.identity);
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
  const result: UpsertResult = { id, row, created, stale, written: {}, changes: [], conflicts: [] };
  if (stale) return result;

  const previous = input.previous(id) ?? {};
  for (const [key, incoming] of Object.entries(input.fields)) {
    const current = table.get(row, key);
    if (sameValue(current, incoming)) {
      result.written[key] = comparable(incoming);
      continue;
    }
    const curatorEdited = !created && comparable(current) !== '' && (previous[key] === undefined || previous[key] !== comparable(current));
    if (curatorEdited) {
      result.conflicts.push({ key, current: comparable(current), incoming: comparable(incoming) });
      continue;
    }
    table.set(row, key, incoming);
    result.written[key] = comparable(incoming);
    if (!created) result.changes.push([key, comparable(current), comparable(incoming)]);
  }
  if (input.at) table.set(row, 'updated', input.at);
  return result;
}

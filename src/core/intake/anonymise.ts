import { BaseTable, normalizeName } from './table';
import { cleanName } from '../text/names';

export const anonymisedName = (id: string) => `Обезличено (${id})`;

export function isAnonymised(name: unknown, id: string): boolean {
  return String(name) === anonymisedName(id);
}

/** Everything in a person's row that could identify them or tell about them. */
const PERSONAL_FIELDS = [
  'contact',
  'request',
  'topics',
  'interests',
  'thirdParty',
  'thirdPartyTopics',
  'direction',
  'newEmployee',
  'together',
  'achievements',
  'schedule',
  'results',
  'caseLink',
  'curatorNote',
  'grade',
  'age',
  'position',
  'organisation',
  'agreement',
  'readiness',
  'matchNote',
  'impressions',
];

export interface AnonymiseTables {
  people: BaseTable;
  pairs: BaseTable | null;
  consents: BaseTable | null;
  groupMembers: BaseTable | null;
  ledger: BaseTable | null;
}

/**
 * On withdrawal of consent (152-ФЗ ст. 21): the person's data is removed from their own row and
 * from the rows that belong to them in the other tables; their ID stays so counts and pairs keep
 * their shape. Mentions of the person in other people's cells are handled by `scrubMentions`.
 */
export function anonymise(tables: AnonymiseTables, row: number): { id: string; name: string } {
  const { people } = tables;
  const id = String(people.get(row, 'id'));
  const name = String(people.get(row, 'name'));
  people.set(row, 'name', anonymisedName(id));
  for (const key of PERSONAL_FIELDS) if (people.has(key)) people.set(row, key, '');
  const who = normalizeName(name);
  if (tables.pairs) {
    tables.pairs.rows.forEach((_r, i) => {
      if (String(tables.pairs!.get(i, 'menteeId')) === id) tables.pairs!.set(i, 'mentee', anonymisedName(id));
      if (String(tables.pairs!.get(i, 'mentorId')) === id) tables.pairs!.set(i, 'mentor', anonymisedName(id));
    });
  }
  if (tables.consents) {
    tables.consents.rows.forEach((_r, i) => {
      const c = tables.consents!;
      if (String(c.get(i, 'personId')) === id || (who && !isAnonymised(name, id) && normalizeName(c.get(i, 'personName')) === who)) {
        c.set(i, 'personId', id);
        c.set(i, 'personName', anonymisedName(id));
        c.set(i, 'signerName', 'обезличено');
        if (c.has('note')) c.set(i, 'note', '');
      }
    });
  }
  if (tables.groupMembers) {
    const g = tables.groupMembers;
    g.rows.forEach((_r, i) => {
      if (String(g.get(i, 'personId')) !== id) return;
      for (const col of g.def.columns) if (col.key.startsWith('group_')) g.set(i, col.key, false);
    });
  }
  if (tables.ledger) {
    tables.ledger.rows.forEach((_r, i) => {
      if (String(tables.ledger!.get(i, 'personId')) === id) tables.ledger!.set(i, 'written', '');
    });
  }
  return { id, name };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const letters = (word: string) => escape(word).replace(/[её]/gi, '[её]');

/**
 * A pattern for how other people's text names someone: the full name, or surname and first name
 * (as typed in a preference survey or a note), in any case, with ё or е and any spacing.
 */
export function mentionPattern(names: readonly string[]): RegExp | null {
  const parts: string[] = [];
  for (const raw of names) {
    const words = cleanName(raw).name.split(' ').filter(Boolean);
    if (!words.length) continue;
    const head = words.slice(0, 2).map(letters).join('\\s+');
    const tail = words
      .slice(2)
      .map((w) => `(?:\\s+${letters(w)})?`)
      .join('');
    parts.push(head + tail);
    // «Ника Петрова», as people say it.
    if (words.length > 1) parts.push(`${letters(words[1])}\\s+${letters(words[0])}`);
  }
  if (!parts.length) return null;
  // A capture instead of a lookbehind: the text before a mention must not be a letter.
  return new RegExp(`(^|[^\\p{L}])(?:${parts.join('|')})(?![\\p{L}])`, 'giu');
}

/** «Иванова Анна (НЯ-0005)» in a list cell of someone else: the ID is enough to find it without the name. */
export function idMentionPattern(ids: readonly string[]): RegExp | null {
  if (!ids.length) return null;
  return new RegExp(`(?:[\\p{Lu}][\\p{L}'-]*\\.?\\s+){0,2}[\\p{Lu}][\\p{L}'.-]*\\s*\\((${ids.map(escape).join('|')})\\)`, 'gu');
}

/** Replaces mentions in every text cell of a table; returns how many cells changed. */
export function scrubMentions(table: BaseTable, byName: RegExp | null, byId: RegExp | null, skipKeys: readonly string[] = []): number {
  let changed = 0;
  const keys = table.def.columns.map((c) => c.key).filter((k) => table.has(k) && !skipKeys.includes(k));
  table.rows.forEach((_r, i) => {
    for (const key of keys) {
      const value = table.get(i, key);
      if (typeof value !== 'string' || !value) continue;
      const next = scrubText(value, byName, byId);
      if (next !== value) {
        table.set(i, key, next);
        changed += 1;
      }
    }
  });
  return changed;
}

export function scrubText(value: string, byName: RegExp | null, byId: RegExp | null): string {
  let next = value;
  if (byId) next = next.replace(byId, (whole, id: string) => (whole === anonymisedName(id) ? whole : anonymisedName(id)));
  if (byName) next = next.replace(byName, (_whole, before: string) => `${before}обезличено`);
  return next;
}

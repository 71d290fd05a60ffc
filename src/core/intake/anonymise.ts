import { BaseTable, normalizeName } from './table';

export const anonymisedName = (id: string) => `Обезличено (${id})`;

export function isAnonymised(name: unknown, id: string): boolean {
  return String(name) === anonymisedName(id);
}

/** Everything in a person's row that could identify them or tell about them. */
const PERSONAL_FIELDS = ['contact', 'request', 'topics', 'interests', 'thirdParty', 'achievements', 'schedule', 'results', 'caseLink', 'curatorNote', 'grade', 'age', 'position', 'organisation', 'agreement', 'readiness'];

export interface AnonymiseTables {
  people: BaseTable;
  pairs: BaseTable | null;
  consents: BaseTable | null;
  groupMembers: BaseTable | null;
  ledger: BaseTable | null;
}

/**
 * On withdrawal of consent (152-ФЗ ст. 21): the person's data is removed from every sheet of the
 * workbook the add-on knows; their ID stays so counts and pairs keep their shape.
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
      if (String(c.get(i, 'personId')) === id || (who && normalizeName(c.get(i, 'personName')) === who)) {
        c.set(i, 'personId', id);
        c.set(i, 'personName', anonymisedName(id));
        c.set(i, 'signerName', 'обезличено');
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

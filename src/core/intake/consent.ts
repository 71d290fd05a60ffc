import { isDate } from '../questionnaires/read';
import { BaseTable, normalizeName } from './table';

/** What the bases show in «Согласие»; only the first two allow matching, exports and named reports. */
export const CONSENT = {
  valid: 'есть',
  validNoPublication: 'есть, без публикации',
  missing: 'нет',
  refused: 'отказ',
  withdrawn: 'отозвано',
  needsParent: 'нужна подпись родителя',
} as const;

export type ConsentStatus = (typeof CONSENT)[keyof typeof CONSENT];

export interface ConsentRecord {
  personId: string;
  personName: string;
  signer: string;
  signedOn: Date | null;
  processing: boolean | null;
  publication: boolean;
  withdrawnOn: Date | null;
}

const yes = (v: unknown) => String(v).trim().toLowerCase() === 'да';

export function readConsents(table: BaseTable): ConsentRecord[] {
  return table.rows.map((_r, i) => {
    const processing = String(table.get(i, 'processing')).trim().toLowerCase();
    const signedOn = table.get(i, 'signedOn');
    const withdrawnOn = table.get(i, 'withdrawnOn');
    return {
      personId: String(table.get(i, 'personId')).trim(),
      personName: String(table.get(i, 'personName')),
      signer: String(table.get(i, 'signer')).trim().toLowerCase(),
      signedOn: isDate(signedOn) ? signedOn : null,
      processing: processing === 'да' ? true : processing === 'нет' ? false : null,
      publication: yes(table.get(i, 'publication')),
      withdrawnOn: isDate(withdrawnOn) ? withdrawnOn : String(withdrawnOn).trim() ? new Date(0) : null,
    };
  });
}

export interface Person {
  id: string;
  name: string;
  /** A child: consent must be signed by a parent or legal representative (152-ФЗ ст. 9 ч. 6). */
  minor: boolean;
}

export interface ConsentIndex {
  byId: Map<string, ConsentRecord[]>;
  byName: Map<string, ConsentRecord[]>;
}

/** Records by person ID, and by name for those the curator entered without an ID. */
export function indexConsents(consents: readonly ConsentRecord[]): ConsentIndex {
  const byId = new Map<string, ConsentRecord[]>();
  const byName = new Map<string, ConsentRecord[]>();
  for (const c of consents) {
    const [map, key] = c.personId ? [byId, c.personId] : [byName, normalizeName(c.personName)];
    if (!key) continue;
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  }
  return { byId, byName };
}

/** The consent in force for a person: their latest record, matched by ID or else by name. */
export function consentOf(person: Person, consents: readonly ConsentRecord[] | ConsentIndex): { status: ConsentStatus; record: ConsentRecord | null } {
  const index = Array.isArray(consents) ? indexConsents(consents) : (consents as ConsentIndex);
  const name = normalizeName(person.name);
  const mine = [...(index.byId.get(person.id) ?? []), ...(name ? (index.byName.get(name) ?? []) : [])];
  if (!mine.length) return { status: CONSENT.missing, record: null };
  const latest = [...mine].sort((a, b) => (a.signedOn?.getTime() ?? 0) - (b.signedOn?.getTime() ?? 0)).pop()!;
  if (latest.withdrawnOn) return { status: CONSENT.withdrawn, record: latest };
  if (latest.processing === false) return { status: CONSENT.refused, record: latest };
  if (latest.processing !== true || !latest.signedOn) return { status: CONSENT.missing, record: latest };
  if (person.minor && !['родитель', 'законный представитель'].includes(latest.signer)) return { status: CONSENT.needsParent, record: latest };
  return { status: latest.publication ? CONSENT.valid : CONSENT.validNoPublication, record: latest };
}

export function consentAllows(status: unknown): boolean {
  return status === CONSENT.valid || status === CONSENT.validNoPublication;
}

/** A pupil is a minor unless their age says otherwise; adults sign for themselves. */
export function isMinor(category: unknown, age: unknown): boolean {
  if (String(category).trim() !== 'обучающийся') return false;
  const n = Number(age);
  return !(Number.isFinite(n) && n >= 18);
}

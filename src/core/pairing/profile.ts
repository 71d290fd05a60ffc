/**
 * What scoring and the rules need of a person, computed once per person: words interned as numbers
 * (after the synonyms table), time slots and days as sets, the meeting format parsed, the family
 * keys that reveal relatives. Every allowed pair is judged over these, never over raw text.
 */
import { normalizeName } from '../intake/table';
import { Vocabulary } from './synonyms';
import { MenteeRecord, MentorRecord } from './records';

/** Words as small numbers: the same meaning (after synonyms) is the same number. */
export class Lexicon {
  private readonly ids = new Map<string, number>();
  private readonly keys = new Map<string, number>();
  readonly words: string[] = [];
  constructor(readonly vocabulary: Vocabulary) {}

  /** A number for an exact key (an association, a contact, a family), -1 for none: compared as numbers. */
  key(text: string | null): number {
    if (!text) return -1;
    let id = this.keys.get(text);
    if (id === undefined) this.keys.set(text, (id = this.keys.size));
    return id;
  }

  id(term: string): number {
    const key = this.vocabulary.canonical(term);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(key, id);
      this.words.push(key);
    }
    return id;
  }

  /** Distinct ids of a list in its order, each with the words as the person wrote them. */
  named(terms: readonly string[]): { ids: number[]; names: string[] } {
    const ids: number[] = [];
    const names: string[] = [];
    for (const t of terms) {
      if (!normalizeName(t)) continue;
      const id = this.id(t);
      if (ids.includes(id)) continue;
      ids.push(id);
      names.push(t.trim());
    }
    return { ids, names };
  }

  list(terms: readonly string[]): number[] {
    return this.named(terms).ids;
  }
}

export type FormatBase = 'очно' | 'дистанционно' | 'смешанный' | '';
export interface Format {
  base: FormatBase;
  /** «только …»: the participant cannot meet otherwise (a hard condition). */
  strict: boolean;
}

const ONLY_REMOTE = /только\s+(?:дистанц|онлайн|удал[её]нн?о)/i;
const ONLY_IN_PERSON = /только\s+(?:очно|лично|вживую|в\s+центре)/i;

/** «только дистанционно» from the choice, or from the person's own words in the request. */
export function parseFormat(choice: string, words = ''): Format {
  const text = normalizeName(choice);
  const strict = text.startsWith('только ');
  const rest = strict ? text.slice('только '.length) : text;
  const base: FormatBase = rest === 'очно' || rest === 'дистанционно' || rest === 'смешанный' ? rest : '';
  if (!strict && words) {
    if (ONLY_REMOTE.test(words)) return { base: 'дистанционно', strict: true };
    if (ONLY_IN_PERSON.test(words)) return { base: 'очно', strict: true };
  }
  return { base, strict };
}

/** The format as the curator reads it. */
export const formatText = (f: Format) => (f.base ? `${f.strict ? 'только ' : ''}${f.base}` : 'не указан');

/** How well two formats go together, 0..1 (0 = the stated preferences contradict each other). */
export function formatFit(a: Format, b: Format): number {
  if (!a.base || !b.base) return 0.5;
  if (a.base === b.base) return 1;
  return a.base === 'смешанный' || b.base === 'смешанный' ? 0.7 : 0;
}

/** A «только …» the other cannot meet: a hard rule, whatever the weights. */
export const formatConflict = (a: Format, b: Format): boolean => formatFit(a, b) === 0 && (a.strict || b.strict);

/** The surname and patronymic with the sex endings cut: «Иванова Анна Сергеевна» and «Иванов Пётр Сергеевич» share it. */
export function familyKey(name: string): string | null {
  const words = normalizeName(name).split(' ');
  if (words.length < 3) return null;
  const surname = words[0].replace(/(а|ая)$/, (m) => (m === 'ая' ? 'ий' : ''));
  const patronymic = words[2].replace(/(ович|евич|ич|овна|евна|ична|инична)$/, '');
  return surname && patronymic ? `${surname}|${patronymic}` : null;
}

/** An association as typed by different people: «Изостудия «Северное сияние»» and «изостудия Северное Сияние» are one. */
export function associationKey(text: string): string {
  return normalizeName(text.replace(/[«»"'“”„.,;:!?()]/g, ' '));
}

/** A phone (its last 10 digits) or an e-mail, so «8 (921) 000-00-00» and «+7 921 0000000» are one contact. */
export function contactKey(contact: string): string | null {
  const text = contact.trim().toLowerCase();
  if (!text) return null;
  if (text.includes('@')) return text;
  const digits = text.replace(/\D/g, '');
  return digits.length >= 6 ? digits.slice(-10) : null;
}

const dayOf = (slot: string) => normalizeName(slot).split(' ')[0] ?? '';

/** A set of word ids as bits: membership is a shift and a mask, the test the matcher runs millions of times. */
export class IdSet {
  private readonly bits: Uint32Array;
  readonly size: number;
  constructor(ids: readonly number[]) {
    let top = 0;
    for (const id of ids) top = Math.max(top, id);
    this.bits = new Uint32Array((top >> 5) + 1);
    for (const id of ids) this.bits[id >> 5] |= 1 << (id & 31);
    this.size = new Set(ids).size;
  }
  has(id: number): boolean {
    const word = id >> 5;
    return word < this.bits.length && ((this.bits[word] >>> (id & 31)) & 1) === 1;
  }
}

interface Common {
  interests: IdSet;
  slots: IdSet;
  days: IdSet;
  format: Format;
  /** Keys of Lexicon.key: equal numbers, equal texts; -1 when not given. */
  association: number;
  family: number;
  contact: number;
}

export interface MenteeProfile extends Common {
  /** Own topics first, then the third parties' (marked by `ownTopics`). */
  topics: number[];
  /** Each topic as the person wrote it. */
  topicNames: string[];
  ownTopics: number;
  interestList: number[];
  interestNames: string[];
  slotList: number[];
  slotNames: string[];
  dayList: number[];
  direction: number;
}

export interface MentorProfile extends Common {
  competencies: IdSet;
}

/** Slots and days are words of the same lexicon: «пн после 15:00», «пн». */
function common(p: MenteeRecord | MentorRecord, lex: Lexicon, format: Format): Common & { slotList: number[]; slotNames: string[]; dayList: number[] } {
  const slots = lex.named(p.schedule);
  const dayList = lex.list(slots.names.map(dayOf));
  return {
    interests: new IdSet(lex.list(p.interests)),
    slots: new IdSet(slots.ids),
    days: new IdSet(dayList),
    slotList: slots.ids,
    slotNames: slots.names,
    dayList,
    format,
    association: lex.key(associationKey(p.association)),
    family: lex.key(familyKey(p.name)),
    contact: lex.key(contactKey(p.contact)),
  };
}

export function menteeProfile(m: MenteeRecord, lex: Lexicon): MenteeProfile {
  const topics = lex.named([...m.topics, ...m.thirdPartyTopics]);
  const interests = lex.named(m.interests);
  return {
    ...common(m, lex, parseFormat(m.format, m.request)),
    topics: topics.ids,
    topicNames: topics.names,
    ownTopics: lex.list(m.topics).length,
    interestList: interests.ids,
    interestNames: interests.names,
    direction: m.direction ? lex.id(m.direction) : -1,
  };
}

export function mentorProfile(m: MentorRecord, lex: Lexicon): MentorProfile {
  return { ...common(m, lex, parseFormat(m.format)), competencies: new IdSet(lex.list(m.competencies)) };
}

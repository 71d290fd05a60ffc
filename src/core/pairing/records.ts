import { BaseTable, normalizeName } from '../intake/table';
import { consentAllows } from '../intake/consent';
import { isDate, splitList } from '../questionnaires/read';
import { COMPETENCIES } from '../questionnaires/choices';

/** Every answer choice that may itself contain ", " (competencies include the requests and interests). */
const VOCABULARY = COMPETENCIES;

/** A mentee as matching sees them: no names of target groups, only a priority level. */
export interface MenteeRecord {
  id: string;
  name: string;
  category: string;
  grade: number | null;
  age: number | null;
  association: string;
  experience: number | null;
  topics: string[];
  request: string;
  interests: string[];
  form: string;
  format: string;
  schedule: string[];
  consent: boolean;
  priority: number;
  status: string;
}

export interface MentorRecord {
  id: string;
  name: string;
  category: string;
  organisation: string;
  grade: number | null;
  experience: number | null;
  association: string;
  competencies: string[];
  interests: string[];
  forms: string[];
  capacity: number;
  format: string;
  schedule: string[];
  training: string;
  consent: boolean;
  status: string;
  /** «Должность», as the curator or the form gave it. */
  position: string;
  /** The written consent of ст. 351.8 ТК РФ (a date or a note); empty = not recorded. */
  agreement: string;
}

/** A mentor employed by the organisation: the one whose mentoring needs the ст. 351.8 ТК РФ consent. */
export const isStaffMentor = (m: Pick<MentorRecord, 'category'>) => m.category === 'педагог';

export interface PartnerRecord {
  name: string;
  hasAgreement: boolean;
}

const list = (v: unknown) => splitList(v, VOCABULARY);
const num = (v: unknown): number | null => {
  if (v === '' || v === null || v === undefined) return null;
  const m = /\d+/.exec(String(v));
  return m ? Number(m[0]) : null;
};
const str = (v: unknown) => String(v ?? '').trim();

export function readMentees(t: BaseTable): MenteeRecord[] {
  return t.rows
    .map((_r, i) => ({
      id: str(t.get(i, 'id')),
      name: str(t.get(i, 'name')),
      category: str(t.get(i, 'category')),
      grade: num(t.get(i, 'grade')),
      age: num(t.get(i, 'age')),
      association: str(t.get(i, 'association')),
      experience: num(t.get(i, 'experience')),
      topics: list(t.get(i, 'topics')),
      request: str(t.get(i, 'request')),
      interests: list(t.get(i, 'interests')),
      form: str(t.get(i, 'form')),
      format: str(t.get(i, 'format')),
      schedule: list(t.get(i, 'schedule')),
      consent: consentAllows(t.get(i, 'consent')),
      priority: Number(t.get(i, 'priority')) || 0,
      status: str(t.get(i, 'status')),
    }))
    .filter((m) => m.id && m.name);
}

export function readMentors(t: BaseTable): MentorRecord[] {
  return t.rows
    .map((_r, i) => ({
      id: str(t.get(i, 'id')),
      name: str(t.get(i, 'name')),
      category: str(t.get(i, 'category')),
      organisation: str(t.get(i, 'organisation')),
      grade: num(t.get(i, 'grade')),
      experience: num(t.get(i, 'experience')),
      association: str(t.get(i, 'association')),
      competencies: list(t.get(i, 'competencies')),
      interests: list(t.get(i, 'interests')),
      forms: list(t.get(i, 'forms')),
      capacity: Math.max(0, num(t.get(i, 'capacity')) ?? 1),
      format: str(t.get(i, 'format')),
      schedule: list(t.get(i, 'schedule')),
      training: str(t.get(i, 'training')),
      consent: consentAllows(t.get(i, 'consent')),
      status: str(t.get(i, 'status')),
      position: str(t.get(i, 'position')),
      agreement: isDate(t.get(i, 'agreement')) ? 'есть' : str(t.get(i, 'agreement')),
    }))
    .filter((m) => m.id && m.name);
}

/** A partner counts for «работодатель – ученик» only with an agreement in force. */
export function readPartners(t: BaseTable, today: Date): Map<string, PartnerRecord> {
  const out = new Map<string, PartnerRecord>();
  t.rows.forEach((_r, i) => {
    const name = str(t.get(i, 'name'));
    if (!name) return;
    const until = t.get(i, 'agreementUntil');
    const inForce = !isDate(until) || until.getTime() >= today.getTime();
    out.set(normalizeName(name), { name, hasAgreement: str(t.get(i, 'agreement')) !== '' && inForce });
  });
  return out;
}

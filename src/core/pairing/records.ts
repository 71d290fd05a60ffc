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
  /** «Согласие» as the base shows it: the notes tell a refusal from a missing signature. */
  consentStatus: string;
  priority: number;
  status: string;
  /** The child's direction for a contest or a project («музыка и вокал»), if given. */
  direction: string;
  /** Topics third parties (a psychologist, a class teacher, a parent) asked for. */
  thirdPartyTopics: string[];
  /** Curator's mark: a teacher new to the centre may be mentored whatever their years elsewhere. */
  newEmployee: boolean;
  /** Siblings the family asked to keep with one mentor (their IDs). */
  together: string[];
  contact: string;
  /** The mentee's mentor of the last academic year (ID), kept by «Начать новый учебный год»: continuing together is proposed first. */
  previousMentor?: string;
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
  consentStatus: string;
  status: string;
  age: number | null;
  /** Places kept for teachers («педагог – педагог»); null = the places are not split. */
  teacherPlaces: number | null;
  contact: string;
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
  /** When the agreement ended («30.06.2026»), '' while it is in force or has no end date. */
  expired: string;
}

const list = (v: unknown) => splitList(v, VOCABULARY);
const num = (v: unknown): number | null => {
  if (v === '' || v === null || v === undefined) return null;
  const m = /\d+/.exec(String(v));
  return m ? Number(m[0]) : null;
};
const str = (v: unknown) => String(v ?? '').trim();
const yes = (v: unknown) => v === true || ['да', 'true', 'истина'].includes(str(v).toLowerCase());

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
      consentStatus: str(t.get(i, 'consent')),
      priority: Number(t.get(i, 'priority')) || 0,
      status: str(t.get(i, 'status')),
      direction: str(t.get(i, 'direction')),
      thirdPartyTopics: list(t.get(i, 'thirdPartyTopics')),
      newEmployee: yes(t.get(i, 'newEmployee')),
      together: str(t.get(i, 'together'))
        .split(/[,;\s]+/)
        .map((x) => x.trim().toUpperCase())
        .filter(Boolean),
      contact: str(t.get(i, 'contact')),
      // Only where filled: a record of someone new has no such key.
      ...(str(t.get(i, 'previousMentor')) ? { previousMentor: str(t.get(i, 'previousMentor')).toUpperCase() } : {}),
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
      consentStatus: str(t.get(i, 'consent')),
      status: str(t.get(i, 'status')),
      age: num(t.get(i, 'age')),
      teacherPlaces: num(t.get(i, 'teacherPlaces')),
      contact: str(t.get(i, 'contact')),
      position: str(t.get(i, 'position')),
      agreement: isDate(t.get(i, 'agreement')) ? 'есть' : str(t.get(i, 'agreement')),
    }))
    .filter((m) => m.id && m.name);
}

/** A partner counts for «работодатель – ученик» only with an agreement in force. */
export function readPartners(t: BaseTable, today: Date, dateText: (d: Date) => string): Map<string, PartnerRecord> {
  const out = new Map<string, PartnerRecord>();
  t.rows.forEach((_r, i) => {
    const name = str(t.get(i, 'name'));
    if (!name) return;
    const until = t.get(i, 'agreementUntil');
    // «действует до 30.06» includes 30.06 itself.
    const expired = isDate(until) && until.getTime() + 24 * 3600 * 1000 <= today.getTime() ? dateText(until) : '';
    out.set(normalizeName(name), { name, hasAgreement: str(t.get(i, 'agreement')) !== '' && !expired, expired });
  });
  return out;
}

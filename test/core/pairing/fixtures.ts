/** Mentees, mentors and plans for the pairing tests: a realistic default, each test changes what it is about. */
import { MenteeRecord, MentorRecord, PartnerRecord } from '../../../src/core/pairing/records';
import { FormRule, QualityFloor } from '../../../src/core/pairing/rules';
import { MatchingPlan, planMatching } from '../../../src/core/pairing/plan';
import { MutualChoices, Weights } from '../../../src/core/pairing/score';
import { SYNONYM_SEED, vocabulary } from '../../../src/core/pairing/synonyms';
import { PairIds } from '../../../src/core/matching';
import { MENTORING_FORMS } from '../../../src/core/domain/forms-of-mentoring';

export const WEIGHTS: Weights = { request: 35, interests: 20, schedule: 15, format: 10, association: 10, mutual: 10 };
export const NO_CHOICES: MutualChoices = { menteeRank: () => null, mentorRank: () => null };
export const FLOOR: QualityFloor = { request: true, format: true, schedule: true };
export const FORMS: FormRule[] = MENTORING_FORMS.map((f) => ({ name: f.name, mentorRole: f.mentorRole, menteeRole: f.menteeRole, maxMentees: f.name === 'педагог – педагог' ? 2 : 5 }));

export const mentee = (over: Partial<MenteeRecord> = {}): MenteeRecord => ({
  id: 'НЯ-0001',
  name: 'Смирнова Алиса Андреевна',
  category: 'обучающийся',
  grade: 7,
  age: 13,
  association: 'Изостудия «Палитра»',
  experience: null,
  topics: ['подготовка к конкурсу, олимпиаде, выставке'],
  request: '',
  interests: ['рисование и живопись'],
  form: 'педагог – ученик',
  format: 'очно',
  schedule: ['пн после 15:00', 'ср после 15:00'],
  consent: true,
  consentStatus: 'есть',
  priority: 0,
  status: 'в базе',
  direction: '',
  thirdPartyTopics: [],
  newEmployee: false,
  together: [],
  contact: '+7 921 000-00-01',
  ...over,
});

export const mentor = (over: Partial<MentorRecord> = {}): MentorRecord => ({
  id: 'НК-0001',
  name: 'Белова Ирина Сергеевна',
  category: 'педагог',
  organisation: '',
  grade: null,
  experience: 15,
  association: 'Изостудия «Палитра»',
  competencies: ['подготовка к конкурсу, олимпиаде, выставке', 'рисование и живопись'],
  interests: ['рисование и живопись'],
  forms: ['педагог – ученик'],
  capacity: 2,
  format: 'очно',
  schedule: ['пн после 15:00', 'ср после 15:00'],
  training: 'обучен',
  consent: true,
  consentStatus: 'есть',
  status: 'в базе',
  position: 'педагог дополнительного образования',
  agreement: 'есть',
  age: null,
  teacherPlaces: null,
  contact: 'belova@example.ru',
  ...over,
});

export interface PlanOptions {
  floor?: Partial<QualityFloor>;
  mutual?: MutualChoices;
  locked?: PairIds[];
  rejected?: string[];
  partners?: Map<string, PartnerRecord>;
  mode?: 'optimal' | 'stable';
}

export function plan(mentees: MenteeRecord[], mentors: MentorRecord[], o: PlanOptions = {}): MatchingPlan {
  return planMatching({
    mentees,
    mentors,
    rules: { forms: FORMS, partners: o.partners ?? new Map(), requireTraining: false, rejected: new Set(o.rejected ?? []), floor: { ...FLOOR, ...o.floor } },
    weights: WEIGHTS,
    mutual: o.mutual ?? NO_CHOICES,
    vocabulary: vocabulary(SYNONYM_SEED),
    locked: o.locked ?? [],
    mode: o.mode ?? 'optimal',
  });
}

/** Ranks from a list of [who, whom, rank]. */
export function choices(list: Array<[string, string, number]>): MutualChoices {
  const rank = (a: string, b: string) => list.find(([x, y]) => x === a && y === b)?.[2] ?? null;
  return { menteeRank: rank, mentorRank: rank };
}

/**
 * The Р-145 indicators (notes §3) for a reporting date: numerator counted from the pairs and the
 * bases, denominator entered by the curator on «Мониторинг» for that date, the share, or the reason
 * there is none. Counts are not personal data: people without consent are counted like everyone
 * else, and nothing here returns a name, an organisation's name or any other text of a person's.
 */
import { numericDate } from '../documents/dates';
import { type NounForms, plural } from '../language';
import { compareDates, isCalendarDate } from './calendar';
import { fig, figureText, none, readRating } from './figures';
import { type SatisfactionLevel, readRole, readThreshold, satisfactionLevel } from './stats';
import type { CalendarDate, CellValue, Figure, PairRecord, PersonRecord, Rejection, Role } from './types';

export type DenominatorKey = 'mentees10to18' | 'mentors15to19' | 'youngTeachers' | 'partners';
export type IndicatorCode = DenominatorKey | 'menteeSatisfaction' | 'mentorSatisfaction';

export interface DenominatorDef {
  key: DenominatorKey;
  /** What the curator enters on «Мониторинг» for each reporting date. */
  label: string;
}

export const DENOMINATORS: readonly DenominatorDef[] = [
  { key: 'mentees10to18', label: 'Знаменатель: число обучающихся 10–18 лет' },
  { key: 'mentors15to19', label: 'Знаменатель: число обучающихся и студентов 15–19 лет' },
  { key: 'youngTeachers', label: 'Знаменатель: число молодых специалистов (стаж 0–3 года)' },
  { key: 'partners', label: 'Знаменатель: число организаций-партнёров' },
];

export const INDICATOR_TITLES: Readonly<Record<IndicatorCode, string>> = {
  mentees10to18: 'Доля детей 10–18 лет в роли наставляемых',
  mentors15to19: 'Доля детей и подростков 15–19 лет в роли наставников',
  youngTeachers: 'Доля молодых специалистов (стаж 0–3 года) в роли наставляемых в форме «педагог – педагог»',
  partners: 'Доля организаций-партнёров, предоставивших наставников',
  menteeSatisfaction: 'Уровень удовлетворённости наставляемых участием в программе',
  mentorSatisfaction: 'Уровень удовлетворённости наставников участием в программе',
};

const MONITORING = '«Мониторинг»';
export const DENOMINATOR_MISSING = `знаменатель не введён — укажите на листе ${MONITORING}`;
export const DENOMINATOR_ZERO = `знаменатель равен нулю — укажите на листе ${MONITORING} число больше нуля`;
export const DENOMINATOR_INVALID = `знаменатель должен быть целым числом больше нуля — исправьте на листе ${MONITORING}`;

/** Pairs that count: approved, working or finished (not merely proposed, not rejected). */
export const COUNTED_STATUSES = ['утверждена', 'активна', 'завершена'] as const;

export interface SatisfactionAnswer {
  /** A code of the respondent (person ID), never a name. Several answers of one person are averaged. */
  respondent: string;
  role: string;
  value: CellValue;
}

export interface IndicatorInput {
  date: CalendarDate;
  pairs: readonly PairRecord[];
  people: readonly PersonRecord[];
  /** The cells the curator filled for this date, as they are. */
  denominators: Partial<Record<DenominatorKey, CellValue>>;
  /** Satisfaction answers for indicators 5 and 6 (the May survey or the exit diagnostics). */
  satisfaction?: readonly SatisfactionAnswer[];
  /** «Порог удовлетворённости» from «Настройки». */
  threshold?: CellValue;
  /** Which method gives the value of indicators 5 and 6; both are returned. Default: share ≥ threshold. */
  satisfactionMethod?: 'share' | 'mean';
  countedStatuses?: readonly string[];
  /** The centre's own name: its staff are not a partner organisation. */
  ownOrganisation?: string;
}

export interface Indicator {
  code: IndicatorCode;
  /** 1–6 in the order of notes §3. */
  number: number;
  title: string;
  date: CalendarDate;
  /** «15.11.2026». */
  dateText: string;
  numerator: number;
  /** As entered (indicators 1–4) or the number of respondents (5–6); null when missing or unusable. */
  denominator: number | null;
  /** A share 0–1 (may exceed 1 when the denominator is too small: see notes). */
  value: Figure;
  /** «35,5 %» or the reason there is no value. */
  text: string;
  /** Empty when the value stands; otherwise what the curator should do. */
  status: string;
  /** Counts-only remarks: missing ages, people not in the bases, a numerator above the denominator. */
  notes: string[];
  /** Satisfaction indicators: both methods and which one is the value. */
  level?: SatisfactionLevel & { method: 'share' | 'mean' };
}

export interface IndicatorsResult {
  indicators: Indicator[];
  rejected: Rejection[];
}

const MENTEES_GEN: NounForms = ['наставляемого', 'наставляемых', 'наставляемых'];
const MENTORS_GEN: NounForms = ['наставника', 'наставников', 'наставников'];
const TEACHERS_GEN: NounForms = ['педагога', 'педагогов', 'педагогов'];
const PARTICIPANTS_GEN: NounForms = ['участника', 'участников', 'участников'];

const norm = (s: unknown) =>
  String(s ?? '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"'„“”]/g, '')
    .replace(/\s*[-–—]\s*/g, ' – ')
    .replace(/\s+/g, ' ')
    .trim();

const TEACHER_FORMS = new Set(['педагог – педагог', 'учитель – учитель'].map(norm));
const PARTNER_CATEGORIES = new Set(['сотрудник партнёра', 'студент'].map(norm));
const TEACHER = norm('педагог');

/** A denominator cell: a whole number above zero, or why it cannot be used. */
export function readDenominator(cell: CellValue): { ok: true; value: number } | { ok: false; status: string; zero: boolean } {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return { ok: false, status: DENOMINATOR_MISSING, zero: false };
  const n = typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell.trim().replace(/\s/g, '').replace(',', '.')) : NaN;
  if (n === 0) return { ok: false, status: DENOMINATOR_ZERO, zero: true };
  if (!Number.isFinite(n) || !Number.isInteger(n) || n < 0) return { ok: false, status: DENOMINATOR_INVALID, zero: false };
  return { ok: true, value: n };
}

const age = (p: PersonRecord | undefined) => (p && typeof p.age === 'number' && Number.isFinite(p.age) ? p.age : null);
const years = (p: PersonRecord | undefined) => (p && typeof p.experience === 'number' && Number.isFinite(p.experience) ? p.experience : null);

/** The six indicators for one reporting date. */
export function r145Indicators(input: IndicatorInput): IndicatorsResult {
  if (!isCalendarDate(input.date)) throw new RangeError(`not a calendar date: ${JSON.stringify(input.date)}`);
  const counted = new Set((input.countedStatuses ?? COUNTED_STATUSES).map(norm));
  const pairs = input.pairs.filter((p) => counted.has(norm(p.status)) && !(p.start && isCalendarDate(p.start) && compareDates(p.start, input.date) > 0));
  const people = new Map(input.people.map((p) => [String(p.id ?? '').trim(), p]));
  const own = norm(input.ownOrganisation);

  const mentees = new Map<string, PairRecord[]>();
  const mentors = new Set<string>();
  for (const pair of pairs) {
    const mentor = String(pair.mentorId ?? '').trim();
    if (mentor) mentors.add(mentor);
    for (const raw of pair.menteeIds ?? []) {
      const id = String(raw ?? '').trim();
      if (!id) continue;
      const list = mentees.get(id);
      if (list) list.push(pair);
      else mentees.set(id, [pair]);
    }
  }
  const missing = (ids: Iterable<string>) => [...ids].filter((id) => !people.has(id)).length;
  const notInBases = (n: number) => (n > 0 ? [`В базах нет ${plural(n, PARTICIPANTS_GEN)} из пар — проверьте ID на листе «Пары»`] : []);

  // 1. Children 10–18 as mentees.
  let n1 = 0;
  let noAge1 = 0;
  for (const id of mentees.keys()) {
    const p = people.get(id);
    if (!p || norm(p.category) === TEACHER) continue;
    const a = age(p);
    if (a === null) noAge1++;
    else if (a >= 10 && a <= 18) n1++;
  }
  // 2. Children and teenagers 15–19 as mentors: pupils and students; staff and partners' employees are adults by role.
  let n2 = 0;
  let noAge2 = 0;
  for (const id of mentors) {
    const p = people.get(id);
    if (!p || norm(p.category) === TEACHER || norm(p.category) === norm('сотрудник партнёра')) continue;
    const a = age(p);
    if (a === null) noAge2++;
    else if (a >= 15 && a <= 19) n2++;
  }
  // 3. Young specialists (0–3 years) as mentees in «педагог – педагог».
  let n3 = 0;
  let noYears = 0;
  for (const [id, inPairs] of mentees) {
    const p = people.get(id);
    if (!p || norm(p.category) !== TEACHER || !inPairs.some((pair) => TEACHER_FORMS.has(norm(pair.form)))) continue;
    const y = years(p);
    if (y === null) noYears++;
    else if (y >= 0 && y <= 3) n3++;
  }
  // 4. Partner organisations that gave mentors (distinct by name, compared loosely).
  const organisations = new Set<string>();
  let noOrganisation = 0;
  for (const id of mentors) {
    const p = people.get(id);
    if (!p || !PARTNER_CATEGORIES.has(norm(p.category))) continue;
    const org = norm(p.organisation);
    if (!org) noOrganisation++;
    else if (org !== own) organisations.add(org);
  }

  const dateText = numericDate(input.date);
  const base = { date: input.date, dateText };
  const counts: { code: DenominatorKey; numerator: number; notes: string[] }[] = [
    {
      code: 'mentees10to18',
      numerator: n1,
      notes: [
        ...notInBases(missing(mentees.keys())),
        ...(noAge1 ? [`Не указан возраст у ${plural(noAge1, MENTEES_GEN)} — заполните лист «Наставляемые» (без возраста участник не входит в числитель)`] : []),
      ],
    },
    {
      code: 'mentors15to19',
      numerator: n2,
      notes: [
        ...notInBases(missing(mentors)),
        ...(noAge2 ? [`Не указан возраст у ${plural(noAge2, MENTORS_GEN)} из обучающихся и студентов — заполните лист «Наставники» (без возраста участник не входит в числитель)`] : []),
      ],
    },
    {
      code: 'youngTeachers',
      numerator: n3,
      notes: noYears ? [`Не указан стаж у ${plural(noYears, TEACHERS_GEN)} в форме «педагог – педагог» — заполните лист «Наставляемые» (без стажа участник не входит в числитель)`] : [],
    },
    {
      code: 'partners',
      numerator: organisations.size,
      notes: noOrganisation ? [`Не указана организация у ${plural(noOrganisation, MENTORS_GEN)} из партнёров и вузов — заполните лист «Наставники»`] : [],
    },
  ];

  const indicators: Indicator[] = counts.map((c, i) => {
    const d = readDenominator(input.denominators?.[c.code]);
    if (!d.ok) {
      const value = none(`нет данных: ${d.status}`);
      return {
        code: c.code,
        number: i + 1,
        title: INDICATOR_TITLES[c.code],
        ...base,
        numerator: c.numerator,
        denominator: d.zero ? 0 : null,
        value,
        text: figureText(value),
        status: d.status,
        notes: c.notes,
      };
    }
    const value = fig(c.numerator / d.value);
    const notes = c.numerator > d.value ? [...c.notes, `Числитель (${c.numerator}) больше знаменателя (${d.value}) — проверьте знаменатель на листе ${MONITORING}`] : c.notes;
    return { code: c.code, number: i + 1, title: INDICATOR_TITLES[c.code], ...base, numerator: c.numerator, denominator: d.value, value, text: figureText(value, true), status: '', notes };
  });

  const rejected: Rejection[] = [];
  const byRole = satisfactionByRole(input.satisfaction ?? [], rejected);
  const threshold = readThreshold(input.threshold);
  const method = input.satisfactionMethod === 'mean' ? 'mean' : 'share';
  (['наставляемый', 'наставник'] as const).forEach((role, i) => {
    const level = satisfactionLevel(byRole[role], threshold.value);
    const value = method === 'share' ? level.share : level.meanShare;
    const status = value.ok ? '' : `нет ответов ${role === 'наставник' ? 'наставников' : 'наставляемых'} на вопрос об удовлетворённости — проведите опрос`;
    indicators.push({
      code: role === 'наставник' ? 'mentorSatisfaction' : 'menteeSatisfaction',
      number: 5 + i,
      title: INDICATOR_TITLES[role === 'наставник' ? 'mentorSatisfaction' : 'menteeSatisfaction'],
      ...base,
      numerator: level.satisfied,
      denominator: level.respondents > 0 ? level.respondents : null,
      value: value.ok ? value : none(`нет данных: ${status}`),
      text: value.ok ? figureText(value, true) : `нет данных: ${status}`,
      status,
      notes: threshold.note ? [threshold.note] : [],
      level: { ...level, method },
    });
  });
  return { indicators, rejected };
}

/** Each respondent's mean satisfaction, by role; ratings outside 1–10 are rejected, not averaged. */
function satisfactionByRole(answers: readonly SatisfactionAnswer[], rejected: Rejection[]): Record<Role, number[]> {
  const sums: Record<Role, Map<string, { sum: number; n: number }>> = { наставляемый: new Map(), наставник: new Map() };
  answers.forEach((a, index) => {
    const role = readRole(a.role);
    const respondent = String(a.respondent ?? '').trim();
    if (!role) {
      rejected.push({ source: 'Удовлетворённость', index, field: 'Роль', reason: 'роль не указана или не «наставник» / «наставляемый»; ответ не учтён' });
      return;
    }
    const r = readRating(a.value);
    if (r.ok === 'empty') return;
    if (r.ok === false) {
      rejected.push({ source: 'Удовлетворённость', index, field: 'Удовлетворённость (1–10)', reason: `${r.reason}; ответ не учтён` });
      return;
    }
    // An answer without a respondent's code still counts, as a person of its own.
    const key = respondent || `#${index}`;
    const s = sums[role].get(key);
    if (s) {
      s.sum += r.value;
      s.n++;
    } else sums[role].set(key, { sum: r.value, n: 1 });
  });
  const means = (m: Map<string, { sum: number; n: number }>) => [...m.values()].map((s) => s.sum / s.n);
  return { наставляемый: means(sums.наставляемый), наставник: means(sums.наставник) };
}

import { signed } from '../../shared/numbers';
import { normalizeName } from '../intake/table';
import { MenteeRecord, MentorRecord } from './records';

export interface Weights {
  request: number;
  interests: number;
  schedule: number;
  format: number;
  association: number;
  mutual: number;
}

export type Criterion = keyof Weights;

export const CRITERION_TITLE: Record<Criterion, string> = {
  request: 'запрос и компетенции',
  interests: 'общие интересы',
  schedule: 'удобное время',
  format: 'формат встреч',
  association: 'объединение',
  mutual: 'взаимный выбор',
};

export interface Part {
  criterion: Criterion;
  /** 0..1: how well this criterion is met. */
  fit: number;
  /** Points it adds to the score out of 100. */
  points: number;
  detail: string;
  /** A criterion that failed or is doubtful: shown first, so the curator never misses it. */
  warning?: string;
}

export interface Scored {
  score: number;
  parts: Part[];
}

/** Who named whom in the post-meeting preference survey, as ranks (1 = first choice). */
export interface MutualChoices {
  menteeRank(menteeId: string, mentorId: string): number | null;
  mentorRank(mentorId: string, menteeId: string): number | null;
}

/** Normalised sets of a person, computed once: scoring runs over every allowed pair. */
interface Profile {
  topics: string[];
  competencies: Set<string>;
  interests: string[];
  interestSet: Set<string>;
  schedule: string[];
  scheduleSet: Set<string>;
  association: string;
}

const profiles = new WeakMap<object, Profile>();

function profileOf(p: MenteeRecord | MentorRecord): Profile {
  let profile = profiles.get(p);
  if (!profile) {
    const norm = (list: readonly string[]) => list.map(normalizeName);
    const interests = norm(p.interests);
    const schedule = norm(p.schedule);
    profile = {
      topics: 'topics' in p ? norm(p.topics) : [],
      competencies: new Set('competencies' in p ? norm(p.competencies) : []),
      interests,
      interestSet: new Set(interests),
      schedule,
      scheduleSet: new Set(schedule),
      association: normalizeName(p.association),
    };
    profiles.set(p, profile);
  }
  return profile;
}

/** How well each criterion is met, 0..1, plus what matched (indices into the mentee's lists). */
function fits(mentee: MenteeRecord, mentor: MentorRecord, mutual: MutualChoices) {
  const a = profileOf(mentee);
  const b = profileOf(mentor);
  const covered: number[] = [];
  a.topics.forEach((t, i) => b.competencies.has(t) && covered.push(i));
  const shared: number[] = [];
  a.interests.forEach((t, i) => b.interestSet.has(t) && shared.push(i));
  const slots: number[] = [];
  a.schedule.forEach((t, i) => b.scheduleSet.has(t) && slots.push(i));
  const smaller = Math.min(a.interests.length, b.interests.length);
  const known = a.schedule.length > 0 && b.schedule.length > 0;
  const f1 = mentee.format;
  const f2 = mentor.format;
  const menteeRank = mutual.menteeRank(mentee.id, mentor.id);
  const mentorRank = mutual.mentorRank(mentor.id, mentee.id);
  return {
    covered,
    shared,
    slots,
    known,
    menteeRank,
    mentorRank,
    fit: {
      request: a.topics.length ? covered.length / a.topics.length : 0.5,
      interests: smaller ? shared.length / smaller : 0,
      schedule: known ? Math.min(1, slots.length / 2) : 0.5,
      format: !f1 || !f2 ? 0.5 : f1 === f2 ? 1 : f1 === 'смешанный' || f2 === 'смешанный' ? 0.7 : 0,
      association: a.association !== '' && a.association === b.association ? 1 : 0,
      mutual: (menteeRank ? 1 / menteeRank : 0) * 0.5 + (mentorRank ? 1 / mentorRank : 0) * 0.5,
    } as Record<Criterion, number>,
  };
}

const CRITERIA: Criterion[] = ['request', 'interests', 'schedule', 'format', 'association', 'mutual'];

const totalWeight = (w: Weights) => w.request + w.interests + w.schedule + w.format + w.association + w.mutual || 1;

function points(weights: Weights, total: number, criterion: Criterion, fit: number): number {
  return Math.round((1000 * weights[criterion] * fit) / total) / 10;
}

/** The score alone, 0..100: what the matcher needs for every allowed pair. */
export function scoreValue(mentee: MenteeRecord, mentor: MentorRecord, weights: Weights, mutual: MutualChoices): number {
  const { fit } = fits(mentee, mentor, mutual);
  const total = totalWeight(weights);
  let sum = 0;
  for (const c of CRITERIA) sum += points(weights, total, c, fit[c]);
  return Math.round(sum * 10) / 10;
}

const short = (items: readonly string[], max = 3) => (items.length > max ? `${items.slice(0, max).join(', ')} и ещё ${items.length - max}` : items.join(', '));

/** The soft criteria (weights from «Настройки»), each with the detail the curator will read. */
export function scorePair(mentee: MenteeRecord, mentor: MentorRecord, weights: Weights, mutual: MutualChoices): Scored {
  const f = fits(mentee, mentor, mutual);
  const pick = (list: readonly string[], at: number[]) => at.map((i) => list[i]);
  const detail: Record<Criterion, string> = {
    request: mentee.topics.length
      ? f.covered.length
        ? `закрывает ${f.covered.length} из ${mentee.topics.length}: ${short(pick(mentee.topics, f.covered))}`
        : 'темы запроса не совпадают с компетенциями'
      : 'темы запроса не указаны',
    interests: f.shared.length ? `общие: ${short(pick(mentee.interests, f.shared))}` : 'общих интересов нет',
    schedule: f.known ? (f.slots.length ? `совпадает: ${short(pick(mentee.schedule, f.slots), 2)}` : 'удобное время не совпадает') : 'время не указано',
    format: !mentee.format || !mentor.format ? 'формат не указан' : mentee.format === mentor.format ? `оба — ${mentor.format}` : `${mentee.format} / ${mentor.format}`,
    association: f.fit.association ? `одно объединение: ${mentor.association}` : 'разные объединения',
    mutual:
      f.menteeRank && f.mentorRank
        ? `выбрали друг друга (${f.menteeRank}-й и ${f.mentorRank}-й выбор)`
        : f.menteeRank
          ? `наставляемый назвал наставника (${f.menteeRank}-й выбор)`
          : f.mentorRank
            ? `наставник назвал наставляемого (${f.mentorRank}-й выбор)`
            : 'взаимного выбора нет',
  };
  const warning: Partial<Record<Criterion, string>> = {
    request: !mentee.topics.length ? 'темы запроса не указаны — уточните запрос' : f.covered.length ? undefined : 'запрос не закрыт: темы не совпадают с компетенциями наставника',
    schedule: !f.known ? 'удобное время не указано — уточните' : f.slots.length ? undefined : 'нет общего удобного времени',
    format: mentee.format && mentor.format && f.fit.format === 0 ? `форматы встреч несовместимы: наставляемый — ${mentee.format}, наставник — ${mentor.format}` : undefined,
  };
  const total = totalWeight(weights);
  const parts = CRITERIA.map((criterion) => {
    const part: Part = { criterion, fit: f.fit[criterion], points: points(weights, total, criterion, f.fit[criterion]), detail: detail[criterion] };
    if (warning[criterion]) part.warning = warning[criterion];
    return part;
  });
  const score = Math.round(parts.reduce((s2, p) => s2 + p.points, 0) * 10) / 10;
  return { score, parts };
}

/** «Почему эта пара»: first every criterion that failed or is doubtful («⚠ …»), then what matched and by how much, strongest first. */
export function explain(scored: Scored): string {
  const warnings = scored.parts.filter((p) => p.warning).map((p) => `⚠ ${p.warning}`);
  const merits = [...scored.parts]
    .filter((p) => p.points > 0 && !p.warning)
    .sort((x, y) => y.points - x.points)
    .map((p) => `${CRITERION_TITLE[p.criterion]} ${signed(p.points, 1)}: ${p.detail}`);
  return [...warnings, ...merits].join('; ');
}

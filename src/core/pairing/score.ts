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

const same = (a: string, b: string) => normalizeName(a) === normalizeName(b);

function overlap(a: readonly string[], b: readonly string[]): string[] {
  const set = new Set(b.map(normalizeName));
  return a.filter((x) => set.has(normalizeName(x)));
}

const short = (items: readonly string[], max = 3) => (items.length > max ? `${items.slice(0, max).join(', ')} и ещё ${items.length - max}` : items.join(', '));

/** The soft criteria (weights from «Настройки»), each with the detail the curator will read. */
export function scorePair(mentee: MenteeRecord, mentor: MentorRecord, weights: Weights, mutual: MutualChoices): Scored {
  const parts: Part[] = [];
  const total = Object.values(weights).reduce((a, b) => a + b, 0) || 1;
  const add = (criterion: Criterion, fit: number, detail: string) => {
    parts.push({ criterion, fit, points: Math.round((1000 * weights[criterion] * fit) / total) / 10, detail });
  };

  const wanted = mentee.topics.length ? mentee.topics : [];
  const covered = overlap(wanted, mentor.competencies);
  add('request', wanted.length ? covered.length / wanted.length : 0.5, wanted.length ? (covered.length ? `закрывает ${covered.length} из ${wanted.length}: ${short(covered)}` : 'темы запроса не совпадают с компетенциями') : 'темы запроса не указаны');

  const shared = overlap(mentee.interests, mentor.interests);
  const smaller = Math.min(mentee.interests.length, mentor.interests.length);
  add('interests', smaller ? shared.length / smaller : 0, shared.length ? `общие: ${short(shared)}` : 'общих интересов нет');

  const slots = overlap(mentee.schedule, mentor.schedule);
  const known = mentee.schedule.length && mentor.schedule.length;
  add('schedule', known ? Math.min(1, slots.length / 2) : 0.5, known ? (slots.length ? `совпадает: ${short(slots, 2)}` : 'удобное время не совпадает') : 'время не указано');

  const f1 = mentee.format;
  const f2 = mentor.format;
  const formatFit = !f1 || !f2 ? 0.5 : f1 === f2 ? 1 : f1 === 'смешанный' || f2 === 'смешанный' ? 0.7 : 0;
  add('format', formatFit, !f1 || !f2 ? 'формат не указан' : f1 === f2 ? `оба — ${f1}` : `${f1} / ${f2}`);

  const sameAssociation = !!mentee.association && same(mentee.association, mentor.association);
  add('association', sameAssociation ? 1 : 0, sameAssociation ? `одно объединение: ${mentor.association}` : 'разные объединения');

  const a = mutual.menteeRank(mentee.id, mentor.id);
  const b = mutual.mentorRank(mentor.id, mentee.id);
  const mutualFit = (a ? 1 / a : 0) * 0.5 + (b ? 1 / b : 0) * 0.5;
  add('mutual', mutualFit, a && b ? `выбрали друг друга (${a}-й и ${b}-й выбор)` : a ? `наставляемый назвал наставника (${a}-й выбор)` : b ? `наставник назвал наставляемого (${b}-й выбор)` : 'взаимного выбора нет');

  const score = Math.round(parts.reduce((s, p) => s + p.points, 0) * 10) / 10;
  return { score, parts };
}

/** «Почему эта пара»: what matched and by how much, strongest first. */
export function explain(scored: Scored): string {
  return [...scored.parts]
    .filter((p) => p.points > 0 || p.criterion === 'request')
    .sort((x, y) => y.points - x.points)
    .map((p) => `${CRITERION_TITLE[p.criterion]} +${p.points}: ${p.detail}`)
    .join('; ');
}

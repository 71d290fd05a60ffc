import { signed } from '../../shared/numbers';
import { INTERESTS } from '../questionnaires/choices';
import { Format, Lexicon, MenteeProfile, MentorProfile, formatFit, formatText, menteeProfile, mentorProfile } from './profile';
import { MenteeRecord, MentorRecord } from './records';
import { Vocabulary } from './synonyms';

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
  mutual: 'выбор после встречи',
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

/**
 * Requests that make sense only within the child's field: help for a vocal contest from a media
 * teacher is help in name only. «field»: the mentor's association or competencies cover the child's
 * direction; «association»: only the same association helps a child settle into it.
 */
const FIELD_TOPICS: Readonly<Record<string, 'field' | 'association'>> = {
  'подготовка к конкурсу, олимпиаде, выставке': 'field',
  'проект или исследование': 'field',
  'подготовка воспитанников к конкурсам': 'field',
  'освоиться в новом объединении или коллективе': 'association',
};

/** A pair judged criterion by criterion: what the score, the warnings and the floors all read. */
export interface Evaluation {
  /** Indices into the mentee's topics: covered in substance, and covered by the word alone. */
  covered: number[];
  formal: number[];
  /** Why the formal ones do not count. */
  formalWhy: string;
  shared: number[];
  slots: number[];
  knownSchedule: boolean;
  commonDay: boolean;
  format: { conflict: boolean; fit: number };
  sameAssociation: boolean;
  menteeRank: number | null;
  mentorRank: number | null;
  fit: Record<Criterion, number>;
}

const CRITERIA: Criterion[] = ['request', 'interests', 'schedule', 'format', 'association', 'mutual'];

/**
 * Scores pairs over profiles computed once per person (the matcher scores every allowed pair: at
 * 5,000 × 500 that is millions of pairs, so nothing here parses text or allocates per criterion).
 */
export class Scorer {
  private readonly lex: Lexicon;
  private readonly menteeProfiles = new Map<string, MenteeProfile>();
  private readonly mentorProfiles = new Map<string, MentorProfile>();
  private readonly fieldKind = new Map<number, 'field' | 'association'>();
  private readonly directions: Set<number>;
  private readonly total: number;

  constructor(
    readonly weights: Weights,
    readonly mutual: MutualChoices,
    vocabulary: Vocabulary,
  ) {
    this.lex = new Lexicon(vocabulary);
    for (const [topic, kind] of Object.entries(FIELD_TOPICS)) this.fieldKind.set(this.lex.id(topic), kind);
    this.directions = new Set(INTERESTS.map((d) => this.lex.id(d)));
    this.total = weights.request + weights.interests + weights.schedule + weights.format + weights.association + weights.mutual || 1;
  }

  menteeProfile(m: MenteeRecord): MenteeProfile {
    let p = this.menteeProfiles.get(m.id);
    if (!p) this.menteeProfiles.set(m.id, (p = menteeProfile(m, this.lex)));
    return p;
  }

  mentorProfile(m: MentorRecord): MentorProfile {
    let p = this.mentorProfiles.get(m.id);
    if (!p) this.mentorProfiles.set(m.id, (p = mentorProfile(m, this.lex)));
    return p;
  }

  /** Whether anyone among these mentors has the competency (for «запрос «…» не закрывает никто»). */
  coveredByAnyone(topic: number, mentors: Iterable<MentorProfile>): boolean {
    for (const m of mentors) if (m.competencies.has(topic)) return true;
    return false;
  }

  evaluate(mentee: MenteeRecord, mentor: MentorRecord): Evaluation {
    const a = this.menteeProfile(mentee);
    const b = this.mentorProfile(mentor);
    const sameAssociation = a.association !== '' && a.association === b.association;
    const covered: number[] = [];
    const formal: number[] = [];
    let formalWhy = '';
    for (let i = 0; i < a.topics.length; i++) {
      const t = a.topics[i];
      if (!b.competencies.has(t)) continue;
      const kind = this.fieldKind.get(t);
      const why = kind ? this.outOfField(kind, a, b, sameAssociation) : '';
      if (why) {
        formal.push(i);
        formalWhy ||= why;
      } else covered.push(i);
    }
    const shared: number[] = [];
    for (let i = 0; i < a.interestList.length; i++) if (b.interests.has(a.interestList[i])) shared.push(i);
    const slots: number[] = [];
    for (let i = 0; i < a.slotList.length; i++) if (b.slots.has(a.slotList[i])) slots.push(i);
    let commonDay = slots.length > 0;
    if (!commonDay) for (const d of a.days) if (b.days.has(d)) commonDay = true;
    const knownSchedule = a.slots.size > 0 && b.slots.size > 0;
    const format = formatFit(a.format, b.format);
    const smaller = Math.min(a.interests.size, b.interests.size);
    const menteeRank = this.mutual.menteeRank(mentee.id, mentor.id);
    const mentorRank = this.mutual.mentorRank(mentor.id, mentee.id);
    return {
      covered,
      formal,
      formalWhy,
      shared,
      slots,
      knownSchedule,
      commonDay,
      format,
      sameAssociation,
      menteeRank,
      mentorRank,
      fit: {
        request: a.topics.length ? covered.length / a.topics.length : 0.5,
        interests: smaller ? shared.length / smaller : 0,
        schedule: knownSchedule ? Math.min(1, slots.length / 2) : 0.5,
        format: format.fit,
        association: sameAssociation ? 1 : 0,
        mutual: (menteeRank ? 1 / menteeRank : 0) * 0.5 + (mentorRank ? 1 / mentorRank : 0) * 0.5,
      },
    };
  }

  /** '' when the mentor works in the child's field, otherwise why the topic counts in name only. */
  private outOfField(kind: 'field' | 'association', a: MenteeProfile, b: MentorProfile, sameAssociation: boolean): string {
    if (sameAssociation) return '';
    if (kind === 'association') return 'наставник не из объединения наставляемого';
    if (a.direction >= 0) return b.competencies.has(a.direction) ? '' : `наставник не работает в направлении «${this.lex.words[a.direction]}»`;
    for (const i of a.interests) if (this.directions.has(i) && b.competencies.has(i)) return '';
    return 'направление наставляемого не указано, и наставник не из его объединения';
  }

  private points(criterion: Criterion, fit: number): number {
    return Math.round((1000 * this.weights[criterion] * fit) / this.total) / 10;
  }

  /** The score alone, 0..100: what the matcher needs for every allowed pair. */
  value(ev: Evaluation): number {
    let sum = 0;
    for (const c of CRITERIA) sum += this.points(c, ev.fit[c]);
    return Math.round(sum * 10) / 10;
  }

  /** The soft criteria (weights from «Настройки»), each with the detail the curator will read. */
  explainPair(mentee: MenteeRecord, mentor: MentorRecord, ev = this.evaluate(mentee, mentor)): Scored {
    const a = this.menteeProfile(mentee);
    const b = this.mentorProfile(mentor);
    const names = (at: number[]) => at.map((i) => a.topicNames[i]);
    const fromThirdParty = ev.covered.some((i) => i >= a.ownTopics) ? ' (в т. ч. по запросу третьих лиц)' : '';
    const detail: Record<Criterion, string> = {
      request: a.topics.length
        ? ev.covered.length
          ? `закрывает ${ev.covered.length} из ${a.topics.length}: ${short(names(ev.covered))}${fromThirdParty}`
          : 'темы запроса не совпадают с компетенциями'
        : 'темы запроса не указаны',
      interests: ev.shared.length ? `общие: ${short(ev.shared.map((i) => a.interestNames[i]))}` : 'общих интересов нет',
      schedule: ev.knownSchedule
        ? ev.slots.length
          ? `совпадает: ${short(
              ev.slots.map((i) => a.slotList[i]),
              2,
            )}`
          : 'удобное время не совпадает'
        : 'время не указано',
      format: !a.format.base || !b.format.base ? 'формат не указан' : a.format.base === b.format.base ? `оба — ${b.format.base}` : `${formatText(a.format)} / ${formatText(b.format)}`,
      association: ev.sameAssociation ? `одно объединение: ${mentor.association}` : 'разные объединения',
      mutual:
        ev.menteeRank && ev.mentorRank
          ? `выбрали друг друга после встречи (${ev.menteeRank}-й и ${ev.mentorRank}-й выбор)`
          : ev.menteeRank
            ? `наставляемый назвал наставника (${ev.menteeRank}-й выбор)`
            : ev.mentorRank
              ? `наставник назвал наставляемого (${ev.mentorRank}-й выбор)`
              : 'выбора после встречи нет',
    };
    const warning: Partial<Record<Criterion, string>> = {
      request: requestWarning(a, ev, names),
      schedule: !ev.knownSchedule
        ? 'удобное время не указано — уточните'
        : ev.slots.length
          ? undefined
          : ev.commonDay
            ? 'нет общего удобного времени (совпадают дни, но не часы)'
            : 'нет общего удобного времени',
      format: a.format.base && b.format.base && ev.format.fit === 0 ? formatWarning(a.format, b.format) : undefined,
    };
    const parts = CRITERIA.map((criterion) => {
      const part: Part = { criterion, fit: ev.fit[criterion], points: this.points(criterion, ev.fit[criterion]), detail: detail[criterion] };
      if (warning[criterion]) part.warning = warning[criterion];
      return part;
    });
    const score = Math.round(parts.reduce((s2, p) => s2 + p.points, 0) * 10) / 10;
    return { score, parts };
  }
}

function requestWarning(a: MenteeProfile, ev: Evaluation, names: (at: number[]) => string[]): string | undefined {
  if (!a.topics.length) return 'темы запроса не указаны — уточните запрос';
  if (ev.formal.length) {
    const what = names(ev.formal)
      .map((t) => `«${t}»`)
      .join(', ');
    return `запрос закрыт формально: ${what} — ${ev.formalWhy}`;
  }
  return ev.covered.length ? undefined : 'запрос не закрыт: темы не совпадают с компетенциями наставника';
}

function formatWarning(mentee: Format, mentor: Format): string {
  return `форматы встреч несовместимы: наставляемый — ${formatText(mentee)}, наставник — ${formatText(mentor)}`;
}

const short = (items: readonly string[], max = 3) => (items.length > max ? `${items.slice(0, max).join(', ')} и ещё ${items.length - max}` : items.join(', '));

/**
 * «Почему эта пара»: first every criterion that failed or is doubtful («⚠ …», the extra warnings of
 * the rules included), then what matched and by how much, strongest first.
 */
export function explain(scored: Scored, extraWarnings: readonly string[] = []): string {
  const warnings = [...extraWarnings, ...scored.parts.filter((p) => p.warning).map((p) => p.warning as string)].map((w) => `⚠ ${w}`);
  const merits = [...scored.parts]
    .filter((p) => p.points > 0 && !p.warning)
    .sort((x, y) => y.points - x.points)
    .map((p) => `${CRITERION_TITLE[p.criterion]} ${signed(p.points, 1)}: ${p.detail}`);
  return [...warnings, ...merits].join('; ');
}

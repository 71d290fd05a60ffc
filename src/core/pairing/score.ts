import { signed } from '../../shared/numbers';
import { INTERESTS } from '../questionnaires/choices';
import { Format, Lexicon, MenteeProfile, MentorProfile, formatConflict, formatFit, formatText, menteeProfile, mentorProfile } from './profile';
import { MenteeRecord, MentorRecord } from './records';
import { Vocabulary } from './synonyms';

export interface Weights {
  request: number;
  interests: number;
  schedule: number;
  format: number;
  association: number;
  mutual: number;
  /**
   * Points added, outside the ratio of the others, when the mentor is the mentee's mentor of the
   * last academic year (continuing together); absent = 0, the reason is shown all the same.
   */
  continuity?: number;
}

export type Criterion = Exclude<keyof Weights, 'continuity'>;

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
  /** Warned, yet met in part: its merit is shown too. */
  partial?: boolean;
}

export interface Scored {
  score: number;
  parts: Part[];
  /** The pair worked together last academic year: the points it adds (0 when the setting is 0). */
  continuity?: number;
}

/** The reason a pair of last year carries, whatever its points. */
export const CONTINUITY_REASON = 'продолжить с тем же наставником';

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
  /** Topics covered in substance, and covered by the word alone (out of the child's field). */
  covered: number;
  formal: number;
  /** Why the first formal topic does not count (OutOfField). */
  formalWhy: OutOfField;
  shared: number;
  slots: number;
  knownSchedule: boolean;
  commonDay: boolean;
  /** A «только …» that the other cannot meet. */
  formatConflict: boolean;
  sameAssociation: boolean;
  menteeRank: number | null;
  mentorRank: number | null;
  /** The mentor is the mentee's mentor of the last academic year. */
  sameMentor: boolean;
  fit: Record<Criterion, number>;
}

/** What matched, as indices into the mentee's lists: worked out only for the pairs the curator reads. */
interface Detail {
  covered: number[];
  formal: number[];
  /** Why the formal ones do not count. */
  formalWhy: string;
  shared: number[];
  slots: number[];
}

/** Why a field-bound topic counts in name only (No = it counts). */
export const OutOfField = { No: 0, NotTheAssociation: 1, NotTheDirection: 2, DirectionUnknown: 3 } as const;
export type OutOfField = (typeof OutOfField)[keyof typeof OutOfField];

export const newEvaluation = (): Evaluation => ({
  covered: 0,
  formal: 0,
  formalWhy: OutOfField.No,
  shared: 0,
  slots: 0,
  knownSchedule: false,
  commonDay: false,
  formatConflict: false,
  sameAssociation: false,
  menteeRank: null,
  mentorRank: null,
  sameMentor: false,
  fit: { request: 0, interests: 0, schedule: 0, format: 0, association: 0, mutual: 0 },
});

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
  /** Each mentee's mentor of the last academic year («Прежний наставник (ID)»), as their profiles are made. */
  private readonly previous = new Map<string, string>();

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
    if (!p) {
      this.menteeProfiles.set(m.id, (p = menteeProfile(m, this.lex)));
      if (m.previousMentor) this.previous.set(m.id, m.previousMentor);
    }
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

  /**
   * The pair's evaluation; with `detail`, also which topics, interests and slots matched. Scoring
   * runs this over every allowed pair, so the plain path counts and allocates nothing per criterion.
   */
  evaluate(mentee: MenteeRecord, mentor: MentorRecord, detail?: Detail): Evaluation {
    return this.evaluateProfiles(this.menteeProfile(mentee), this.mentorProfile(mentor), mentee.id, mentor.id, newEvaluation(), detail);
  }

  /** The same over profiles already at hand, into `ev` (the matcher's loop reuses one). */
  evaluateProfiles(a: MenteeProfile, b: MentorProfile, menteeId: string, mentorId: string, ev: Evaluation, detail?: Detail): Evaluation {
    const sameAssociation = a.association >= 0 && a.association === b.association;
    let covered = 0;
    let formal = 0;
    let formalWhy: OutOfField = OutOfField.No;
    for (let i = 0; i < a.topics.length; i++) {
      const t = a.topics[i];
      if (!b.competencies.has(t)) continue;
      const kind = this.fieldKind.get(t);
      const why: OutOfField = kind && !sameAssociation ? this.outOfField(kind, a, b) : OutOfField.No;
      if (why === OutOfField.No) {
        covered++;
        detail?.covered.push(i);
      } else {
        formal++;
        formalWhy ||= why;
        if (detail) {
          detail.formal.push(i);
          detail.formalWhy ||= this.outOfFieldText(why, a);
        }
      }
    }
    let shared = 0;
    for (let i = 0; i < a.interestList.length; i++) {
      if (!b.interests.has(a.interestList[i])) continue;
      shared++;
      detail?.shared.push(i);
    }
    let slots = 0;
    for (let i = 0; i < a.slotList.length; i++) {
      if (!b.slots.has(a.slotList[i])) continue;
      slots++;
      detail?.slots.push(i);
    }
    let commonDay = slots > 0;
    for (let i = 0; !commonDay && i < a.dayList.length; i++) commonDay = b.days.has(a.dayList[i]);
    const knownSchedule = a.slots.size > 0 && b.slots.size > 0;
    const smaller = Math.min(a.interests.size, b.interests.size);
    const menteeRank = this.mutual.menteeRank(menteeId, mentorId);
    const mentorRank = this.mutual.mentorRank(mentorId, menteeId);
    ev.covered = covered;
    ev.formal = formal;
    ev.formalWhy = formalWhy;
    ev.shared = shared;
    ev.slots = slots;
    ev.knownSchedule = knownSchedule;
    ev.commonDay = commonDay;
    ev.formatConflict = formatConflict(a.format, b.format);
    ev.sameAssociation = sameAssociation;
    ev.menteeRank = menteeRank;
    ev.mentorRank = mentorRank;
    ev.sameMentor = this.previous.get(menteeId) === mentorId;
    const fit = ev.fit;
    fit.request = a.topics.length ? covered / a.topics.length : 0.5;
    fit.interests = smaller ? shared / smaller : 0;
    fit.schedule = knownSchedule ? Math.min(1, slots / 2) : 0.5;
    fit.format = formatFit(a.format, b.format);
    fit.association = sameAssociation ? 1 : 0;
    fit.mutual = (menteeRank ? 1 / menteeRank : 0) * 0.5 + (mentorRank ? 1 / mentorRank : 0) * 0.5;
    return ev;
  }

  private outOfField(kind: 'field' | 'association', a: MenteeProfile, b: MentorProfile): OutOfField {
    if (kind === 'association') return OutOfField.NotTheAssociation;
    if (a.direction >= 0) return b.competencies.has(a.direction) ? OutOfField.No : OutOfField.NotTheDirection;
    for (const i of a.interestList) if (this.directions.has(i) && b.competencies.has(i)) return OutOfField.No;
    return OutOfField.DirectionUnknown;
  }

  private outOfFieldText(why: OutOfField, a: MenteeProfile): string {
    if (why === OutOfField.NotTheAssociation) return 'наставник не из объединения наставляемого';
    if (why === OutOfField.NotTheDirection) return `наставник не работает в направлении «${this.lex.words[a.direction]}»`;
    return 'направление наставляемого не указано, и наставник не из его объединения';
  }

  private points(criterion: Criterion, fit: number): number {
    return Math.round((1000 * this.weights[criterion] * fit) / this.total) / 10;
  }

  /** The score alone, 0..100: what the matcher needs for every allowed pair. */
  value(ev: Evaluation): number {
    let sum = 0;
    for (const c of CRITERIA) sum += this.points(c, ev.fit[c]);
    if (ev.sameMentor) sum += this.continuity();
    return Math.min(100, Math.round(sum * 10) / 10);
  }

  /** The points of continuing with last year's mentor: a plain bonus, so the other criteria keep their ratio. */
  private continuity(): number {
    const w = Number(this.weights.continuity);
    return Number.isFinite(w) && w > 0 ? w : 0;
  }

  /** The soft criteria (weights from «Настройки»), each with the detail the curator will read. */
  explainPair(mentee: MenteeRecord, mentor: MentorRecord): Scored {
    const d: Detail = { covered: [], formal: [], formalWhy: '', shared: [], slots: [] };
    const ev = this.evaluate(mentee, mentor, d);
    const a = this.menteeProfile(mentee);
    const b = this.mentorProfile(mentor);
    const names = (at: number[]) => at.map((i) => a.topicNames[i]);
    const fromThirdParty = d.covered.some((i) => i >= a.ownTopics) ? ' (в т. ч. по запросу третьих лиц)' : '';
    const detail: Record<Criterion, string> = {
      request: a.topics.length
        ? ev.covered
          ? `закрывает ${ev.covered} из ${a.topics.length}: ${short(names(d.covered))}${fromThirdParty}`
          : 'темы запроса не совпадают с компетенциями'
        : 'темы запроса не указаны',
      interests: ev.shared ? `общие: ${short(d.shared.map((i) => a.interestNames[i]))}` : 'общих интересов нет',
      schedule: ev.knownSchedule
        ? ev.slots
          ? `совпадает: ${short(
              d.slots.map((i) => a.slotNames[i]),
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
      request: requestWarning(a, d, names),
      schedule: !ev.knownSchedule
        ? 'удобное время не указано — уточните'
        : ev.slots
          ? undefined
          : ev.commonDay
            ? 'нет общего удобного времени (совпадают дни, но не часы)'
            : 'нет общего удобного времени',
      format: a.format.base && b.format.base && ev.fit.format === 0 ? formatWarning(a.format, b.format) : undefined,
    };
    const parts = CRITERIA.map((criterion) => {
      const part: Part = { criterion, fit: ev.fit[criterion], points: this.points(criterion, ev.fit[criterion]), detail: detail[criterion] };
      if (warning[criterion]) part.warning = warning[criterion];
      if (part.warning && criterion === 'request' && ev.covered) part.partial = true;
      return part;
    });
    const continuity = ev.sameMentor ? this.continuity() : undefined;
    const score = Math.min(100, Math.round((parts.reduce((s2, p) => s2 + p.points, 0) + (continuity ?? 0)) * 10) / 10);
    return continuity === undefined ? { score, parts } : { score, parts, continuity };
  }
}

function requestWarning(a: MenteeProfile, ev: Detail, names: (at: number[]) => string[]): string | undefined {
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
    // A warned criterion that did match in part says what it matched (a request half covered, half in name only).
    .filter((p) => p.points > 0 && (!p.warning || p.partial))
    .sort((x, y) => y.points - x.points)
    .map((p) => `${CRITERION_TITLE[p.criterion]} ${signed(p.points, 1)}: ${p.detail}`);
  // Last year's pair comes first among the merits: the curator sees at once why it is proposed.
  if (scored.continuity !== undefined) merits.unshift(`${CONTINUITY_REASON}${scored.continuity ? ` ${signed(scored.continuity, 1)}` : ''}: пара прошлого учебного года`);
  return [...warnings, ...merits].join('; ');
}

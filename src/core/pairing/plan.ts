import { MatchingInstance, MatchingMode, ScoreEntry, PairIds } from '../matching/instance';
import { MatchResult } from '../matching/result';
import { MenteeRecord, MentorRecord } from './records';
import { RuleContext, capacityOf, judgePair } from './rules';
import { MutualChoices, Scored, Weights, explain, scorePair } from './score';

export interface PairInfo {
  form: string;
  scored: Scored;
}

export interface MatchingPlan {
  instance: MatchingInstance;
  /** "menteeId|mentorId" → form and score of every allowed pair. */
  allowed: Map<string, PairInfo>;
  /** Mentee id → why each mentor was ruled out (first reason per kind). */
  ruledOut: Map<string, string[]>;
  mentees: Map<string, MenteeRecord>;
  mentors: Map<string, MentorRecord>;
}

export interface PlanInput {
  mentees: readonly MenteeRecord[];
  mentors: readonly MentorRecord[];
  rules: RuleContext;
  weights: Weights;
  mutual: MutualChoices;
  minScore: number;
  /** Approved pairs [menteeId, mentorId]: they stay and use capacity first. */
  locked: readonly PairIds[];
  mode: MatchingMode;
}

const key = (menteeId: string, mentorId: string) => `${menteeId}|${mentorId}`;
const ACTIVE = (status: string) => !['завершил(а)', 'выбыл(а)'].includes(status);

/** The matching instance of this workbook: who may be paired with whom, and how well. */
export function planMatching(input: PlanInput): MatchingPlan {
  const mentees = input.mentees.filter((m) => ACTIVE(m.status));
  const mentors = input.mentors.filter((m) => ACTIVE(m.status));
  const lockedMentee = new Set(input.locked.map(([e]) => e));
  const allowed = new Map<string, PairInfo>();
  const ruledOut = new Map<string, string[]>();
  const scores: ScoreEntry[] = [];
  for (const mentee of mentees) {
    const reasons = new Set<string>();
    for (const mentor of mentors) {
      const verdict = judgePair(mentee, mentor, input.rules);
      if (!verdict.ok) {
        reasons.add(verdict.reason);
        continue;
      }
      const scored = scorePair(mentee, mentor, input.weights, input.mutual);
      if (scored.score < input.minScore && !lockedMentee.has(mentee.id)) {
        reasons.add(`балл ниже порога ${input.minScore}`);
        continue;
      }
      allowed.set(key(mentee.id, mentor.id), { form: verdict.form, scored });
      scores.push([mentee.id, mentor.id, scored.score]);
    }
    if (!mentors.length) reasons.add('в базе нет наставников');
    ruledOut.set(mentee.id, [...reasons]);
  }
  const menteeIds = new Set(mentees.map((m) => m.id));
  const mentorIds = new Set(mentors.map((m) => m.id));
  const locked = input.locked.filter(([e, m]) => menteeIds.has(e) && mentorIds.has(m));
  // A locked pair stays even if its score no longer passes: the curator approved it.
  for (const [e, m] of locked) if (!allowed.has(key(e, m))) scores.push([e, m, 0]);
  const instance: MatchingInstance = {
    mode: input.mode,
    mentees: mentees.map((m) => ({ id: m.id, priority: m.priority })),
    mentors: mentors.map((m) => ({ id: m.id, capacity: Math.max(capacityOf(m, input.rules.forms), locked.filter(([, x]) => x === m.id).length) })),
    scores,
    locked: [...locked],
  };
  // Preferences go in both modes: stable mode matches by them, optimal mode counts blocking pairs.
  {
    instance.menteePrefs = preferences(mentees, (e) => mentors.map((m) => m.id).filter((m) => allowed.has(key(e, m)) || locked.some(([a, b]) => a === e && b === m)), (e, m) => input.mutual.menteeRank(e, m), (e, m) => allowed.get(key(e, m))?.scored.score ?? 0);
    instance.mentorPrefs = preferences(mentors, (m) => mentees.map((e) => e.id).filter((e) => allowed.has(key(e, m)) || locked.some(([a, b]) => a === e && b === m)), (m, e) => input.mutual.mentorRank(m, e), (m, e) => allowed.get(key(e, m))?.scored.score ?? 0);
  }
  return { instance, allowed, ruledOut, mentees: new Map(mentees.map((m) => [m.id, m])), mentors: new Map(mentors.map((m) => [m.id, m])) };
}

/** Ranked lists for stable mode: the post-meeting choices first, then by score, then by ID. */
function preferences(
  owners: ReadonlyArray<{ id: string }>,
  acceptable: (owner: string) => string[],
  rank: (owner: string, other: string) => number | null,
  score: (owner: string, other: string) => number,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { id } of owners) {
    out[id] = acceptable(id).sort((a, b) => {
      const ra = rank(id, a) ?? Infinity;
      const rb = rank(id, b) ?? Infinity;
      if (ra !== rb) return ra - rb;
      const sa = score(id, a);
      const sb = score(id, b);
      return sb !== sa ? sb - sa : a.localeCompare(b);
    });
  }
  return out;
}

export interface Proposal {
  menteeId: string;
  mentorId: string;
  form: string;
  score: number;
  reasons: string;
  alternatives: Array<{ mentorId: string; score: number }>;
  locked: boolean;
}

export interface Unmatched {
  menteeId: string;
  why: string;
  next: string;
}

/** Turns the matcher's answer into what the curator reads: reasons, alternatives, and for the unmatched why and what next. */
export function describeResult(plan: MatchingPlan, result: MatchResult): { proposals: Proposal[]; unmatched: Unmatched[] } {
  const taken = new Map<string, number>();
  for (const p of result.pairs) taken.set(p.mentor, (taken.get(p.mentor) ?? 0) + 1);
  const proposals = result.pairs.map((p) => {
    const info = plan.allowed.get(key(p.mentee, p.mentor));
    const alternatives = [...plan.allowed]
      .filter(([k]) => k.startsWith(`${p.mentee}|`) && k !== key(p.mentee, p.mentor))
      .map(([k, v]) => ({ mentorId: k.split('|')[1], score: v.scored.score }))
      .sort((a, b) => b.score - a.score || a.mentorId.localeCompare(b.mentorId))
      .slice(0, 2);
    return {
      menteeId: p.mentee,
      mentorId: p.mentor,
      form: info?.form ?? plan.mentees.get(p.mentee)?.form ?? '',
      score: info?.scored.score ?? 0,
      reasons: info ? explain(info.scored) : 'пара утверждена куратором ранее',
      alternatives,
      locked: p.locked,
    };
  });
  const unmatched = result.unmatched.map((id) => {
    const options = [...plan.allowed.keys()].filter((k) => k.startsWith(`${id}|`));
    if (options.length) {
      return {
        menteeId: id,
        why: `все подходящие наставники (${options.length}) заняты более подходящими парами или наставляемыми с более высоким приоритетом`,
        next: 'предложить групповую форму у одного из этих наставников или дождаться следующего раунда подбора (дорожная карта, п. 5.3)',
      };
    }
    const reasons = plan.ruledOut.get(id) ?? [];
    return {
      menteeId: id,
      why: reasons.length ? reasons.slice(0, 3).join('; ') : 'нет подходящих наставников',
      next: reasons.some((r) => r.includes('согласи'))
        ? 'оформить согласие на обработку персональных данных'
        : 'найти наставника среди партнёров или педагогов и пригласить его заполнить анкету наставника (п. 5.3)',
    };
  });
  return { proposals, unmatched };
}

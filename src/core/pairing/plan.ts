import { MatchingInstance, MatchingMode, ScoreEntry, PairIds } from '../matching/instance';
import { MatchResult } from '../matching/result';
import { MenteeRecord, MentorRecord } from './records';
import { RuleContext, capacityOf, judgePair } from './rules';
import { MutualChoices, Weights, explain, scorePair, scoreValue } from './score';

export interface Candidate {
  mentorId: string;
  form: string;
  score: number;
}

export interface MatchingPlan {
  instance: MatchingInstance;
  /** Mentee id → every allowed mentor with the pair's form and score, best first. */
  allowed: Map<string, Candidate[]>;
  /** Mentee id → why mentors were ruled out (each reason once). */
  ruledOut: Map<string, string[]>;
  mentees: Map<string, MenteeRecord>;
  mentors: Map<string, MentorRecord>;
  weights: Weights;
  mutual: MutualChoices;
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

const ACTIVE = (status: string) => !['завершил(а)', 'выбыл(а)'].includes(status);

export function allowedPair(plan: MatchingPlan, menteeId: string, mentorId: string): Candidate | undefined {
  return plan.allowed.get(menteeId)?.find((c) => c.mentorId === mentorId);
}

/**
 * The matching instance of this workbook: who may be paired with whom, and how well. Mentors are
 * indexed by form, so a mentee is judged only against mentors of the forms that fit them; the
 * pairs ruled out by form alone are never built (most pairs are, and the instance stays sparse).
 */
export function planMatching(input: PlanInput): MatchingPlan {
  const mentees = input.mentees.filter((m) => ACTIVE(m.status));
  const mentors = input.mentors.filter((m) => ACTIVE(m.status));
  // An approved or curator-forced pair stays only while both still have a valid consent (152-ФЗ):
  // without it nobody is matched, whatever was decided before.
  const consentedMentees = new Set(mentees.filter((m) => m.consent).map((m) => m.id));
  const consentedMentors = new Set(mentors.filter((m) => m.consent).map((m) => m.id));
  const locked = input.locked.filter(([e, m]) => consentedMentees.has(e) && consentedMentors.has(m));
  const lockedMentee = new Set(locked.map(([e]) => e));
  const byForm = new Map<string, MentorRecord[]>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const m of mentors) for (const f of m.forms) push(byForm, f, m);
  const allowed = new Map<string, Candidate[]>();
  const ruledOut = new Map<string, string[]>();
  const scores: ScoreEntry[] = [];
  for (const mentee of mentees) {
    const reasons = new Set<string>();
    const forms = input.rules.forms.filter((f) => (mentee.form ? f.name === mentee.form : f.menteeRole === mentee.category));
    const pool = new Set(forms.flatMap((f) => byForm.get(f.name) ?? []));
    if (!mentee.consent) reasons.add('у наставляемого нет действующего согласия на обработку ПДн');
    else if (!pool.size) reasons.add(mentee.form ? `нет наставников, работающих в форме «${mentee.form}»` : 'нет наставников подходящих форм');
    const candidates: Candidate[] = [];
    if (mentee.consent) {
      for (const mentor of pool) {
        const verdict = judgePair(mentee, mentor, input.rules);
        if (!verdict.ok) {
          reasons.add(verdict.reason);
          continue;
        }
        const score = scoreValue(mentee, mentor, input.weights, input.mutual);
        if (score < input.minScore && !lockedMentee.has(mentee.id)) {
          reasons.add(`балл ниже порога ${input.minScore}`);
          continue;
        }
        candidates.push({ mentorId: mentor.id, form: verdict.form, score });
        scores.push([mentee.id, mentor.id, score]);
      }
    }
    candidates.sort((a, b) => b.score - a.score || a.mentorId.localeCompare(b.mentorId));
    allowed.set(mentee.id, candidates);
    ruledOut.set(mentee.id, [...reasons]);
  }
  const plan: MatchingPlan = {
    instance: { mode: input.mode, mentees: [], mentors: [] },
    allowed,
    ruledOut,
    mentees: new Map(mentees.map((m) => [m.id, m])),
    mentors: new Map(mentors.map((m) => [m.id, m])),
    weights: input.weights,
    mutual: input.mutual,
  };
  // A locked pair stays even if its score no longer passes: the curator approved it.
  for (const [e, m] of locked) if (!allowedPair(plan, e, m)) scores.push([e, m, 0]);
  const lockedCount = new Map<string, number>();
  for (const [, m] of locked) lockedCount.set(m, (lockedCount.get(m) ?? 0) + 1);
  const acceptable = new Map<string, Scored[]>();
  const acceptableFor = new Map<string, Scored[]>();
  for (const [e, m, score] of scores) {
    push(acceptable, e, { id: m, score });
    push(acceptableFor, m, { id: e, score });
  }
  plan.instance = {
    mode: input.mode,
    mentees: mentees.map((m) => ({ id: m.id, priority: m.priority })),
    mentors: mentors.map((m) => ({ id: m.id, capacity: Math.max(capacityOf(m, input.rules.forms), lockedCount.get(m.id) ?? 0) })),
    scores,
    locked: [...locked],
    // Preferences go in both modes: stable mode matches by them, optimal mode counts blocking pairs.
    menteePrefs: preferences(mentees, acceptable, (e, m) => input.mutual.menteeRank(e, m)),
    mentorPrefs: preferences(mentors, acceptableFor, (m, e) => input.mutual.mentorRank(m, e)),
  };
  return plan;
}

/** Ranked lists: the post-meeting choices first, then by score, then by ID. */
interface Scored {
  id: string;
  score: number;
}

function preferences(owners: ReadonlyArray<{ id: string }>, acceptable: Map<string, Scored[]>, rank: (owner: string, other: string) => number | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { id } of owners) {
    // Keys computed once per entry, then a plain numeric sort.
    const entries = (acceptable.get(id) ?? []).map((o) => ({ other: o.id, rank: rank(id, o.id) ?? Infinity, score: o.score }));
    entries.sort((a, b) => a.rank - b.rank || b.score - a.score || (a.other < b.other ? -1 : a.other > b.other ? 1 : 0));
    out[id] = entries.map((e) => e.other);
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
  const proposals = result.pairs.map((p) => {
    const info = allowedPair(plan, p.mentee, p.mentor);
    const mentee = plan.mentees.get(p.mentee);
    const mentor = plan.mentors.get(p.mentor);
    // The explanation is worked out only for the pairs proposed, not for every allowed pair.
    const scored = info && mentee && mentor ? scorePair(mentee, mentor, plan.weights, plan.mutual) : null;
    return {
      menteeId: p.mentee,
      mentorId: p.mentor,
      form: info?.form ?? mentee?.form ?? '',
      score: info?.score ?? 0,
      reasons: scored ? explain(scored) : 'пара утверждена куратором ранее',
      alternatives: (plan.allowed.get(p.mentee) ?? [])
        .filter((c) => c.mentorId !== p.mentor)
        .slice(0, 2)
        .map((c) => ({ mentorId: c.mentorId, score: c.score })),
      locked: p.locked,
    };
  });
  const unmatched = result.unmatched.map((id) => {
    const options = plan.allowed.get(id) ?? [];
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

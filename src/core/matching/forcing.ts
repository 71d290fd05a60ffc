/**
 * What the curator's choices cost against the optimum: force some pairs, reject others, re-solve
 * exactly, and compare. Also the next-best mentors of each mentee, for the sidebar.
 */
import { MatchingInputError } from './messages';
import { asPrepared, isAllowed, isMutual, MatchingInstance, PairIds, PreparedInstance, ScoreEntry } from './instance';
import { MatchObjective, MatchResult } from './result';
import { solveOptimal } from './solve';

export interface PairChange {
  /** Pairs that must be made (as if approved); a forced mentee loses any other locked pair. */
  forced?: PairIds[];
  /** Pairs that must not be made (also unlocks them if they were locked). */
  rejected?: PairIds[];
}

export interface ObjectiveDelta {
  /** changed − optimum: a negative number is what the change costs. */
  matched: number;
  matchedByPriority: Record<string, number>;
  totalScore: number;
  /** The same for the priority mentees' scores and the mutual choices matched. */
  priorityScore: number;
  mutualMatched: number;
}

export interface ForcingCost {
  optimum: MatchObjective;
  changed: MatchObjective;
  delta: ObjectiveDelta;
  /** The best assignment that respects the change. */
  result: MatchResult;
  /** Mentees whose mentor (or matched state) differs from the optimum, in input order. */
  moved: string[];
}

function indexPairs(p: PreparedInstance, list: PairIds[] | undefined, name: string): Array<[number, number]> {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new MatchingInputError('notArray', { where: name });
  return list.map((pair, k) => {
    const where = `${name}[${k}]`;
    if (!Array.isArray(pair) || pair.length !== 2) throw new MatchingInputError('badPair', { where });
    const e = p.menteeIndex.get(pair[0]);
    const j = p.mentorIndex.get(pair[1]);
    if (e === undefined) throw new MatchingInputError('unknownMentee', { where, id: String(pair[0]) });
    if (j === undefined) throw new MatchingInputError('unknownMentor', { where, id: String(pair[1]) });
    return [e, j];
  });
}

/**
 * The instance with the change applied, in optimal mode, with the same levels (`priorityScores`,
 * the mutual choices that are not rejected).
 */
export function applyChange(instance: MatchingInstance | PreparedInstance, change: PairChange): MatchingInstance {
  const p = asPrepared(instance);
  const forced = indexPairs(p, change.forced, 'forced');
  const rejected = indexPairs(p, change.rejected, 'rejected');
  const key = (e: number, j: number): number => e * p.mentorIds.length + j;
  const rejectedKeys = new Set(rejected.map(([e, j]) => key(e, j)));
  const forcedMentor = new Map<number, number>();
  forced.forEach(([e, j], k) => {
    const where = `forced[${k}]`;
    const ids = { where, mentee: p.menteeIds[e], mentor: p.mentorIds[j] };
    if (forcedMentor.has(e)) throw new MatchingInputError('lockedTwice', ids);
    if (rejectedKeys.has(key(e, j))) throw new MatchingInputError('forcedAndRejected', ids);
    if (!isAllowed(p, e, j)) throw new MatchingInputError('lockedForbidden', ids);
    forcedMentor.set(e, j);
  });
  const locked: PairIds[] = [];
  for (const [e, j] of p.lockedPairs) {
    if (!forcedMentor.has(e) && !rejectedKeys.has(key(e, j))) locked.push([p.menteeIds[e], p.mentorIds[j]]);
  }
  for (const [e, j] of forced) locked.push([p.menteeIds[e], p.mentorIds[j]]);
  const scores: ScoreEntry[] = [];
  for (let e = 0; e < p.menteeIds.length; e++) {
    for (let k = p.scoreStart[e]; k < p.scoreStart[e + 1]; k++) {
      const j = p.scoreMentor[k];
      if (!rejectedKeys.has(key(e, j))) scores.push([p.menteeIds[e], p.mentorIds[j], p.scoreValue[k]]);
    }
  }
  const changed: MatchingInstance = { ...p.instance, mode: 'optimal', scores, locked };
  if (p.instance.mutual !== undefined) {
    changed.mutual = p.mutualPairs.filter(([e, j]) => !rejectedKeys.has(key(e, j))).map(([e, j]): PairIds => [p.menteeIds[e], p.mentorIds[j]]);
  }
  return changed;
}

/** A difference of two 9-place sums, without the binary noise of the subtraction. */
const exact = (x: number): number => Number(x.toFixed(9));

function diff(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) out[k] = (a[k] ?? 0) - (b[k] ?? 0);
  return out;
}

/**
 * Re-solves with `forced` pairs locked and `rejected` pairs forbidden, and reports the difference
 * from the optimum ("this swap costs X points and Y matched mentees"). Pass the optimum when it is
 * already known to save one solve.
 */
export function costOfForcing(instance: MatchingInstance | PreparedInstance, change: PairChange, optimum?: MatchResult): ForcingCost {
  const p = asPrepared(instance);
  const base = optimum ?? solveOptimal(p);
  const result = solveOptimal(applyChange(p, change));
  const before = new Map(base.pairs.map((x) => [x.mentee, x.mentor]));
  const after = new Map(result.pairs.map((x) => [x.mentee, x.mentor]));
  const moved = p.menteeIds.filter((id) => before.get(id) !== after.get(id));
  return {
    optimum: base.objective,
    changed: result.objective,
    delta: {
      matched: result.objective.matched - base.objective.matched,
      matchedByPriority: diff(result.objective.matchedByPriority, base.objective.matchedByPriority),
      totalScore: exact(result.objective.totalScore - base.objective.totalScore),
      priorityScore: exact(result.objective.priorityScore - base.objective.priorityScore),
      mutualMatched: result.objective.mutualMatched - base.objective.mutualMatched,
    },
    result,
    moved,
  };
}

export interface Alternative {
  mentor: string;
  score: number;
  /** This score minus the score of the mentee's current pair (or minus 0 when unmatched). */
  scoreDelta: number;
  /** Places the mentor still has free in the given result. */
  freePlaces: number;
  /** The mentee and this mentor chose each other (`mutual`). */
  mutual: boolean;
}

/**
 * The k best allowed mentors of each mentee other than the assigned one, by score (equal scores in
 * mentor input order).
 */
export function alternatives(instance: MatchingInstance | PreparedInstance, result: MatchResult, k = 3): Record<string, Alternative[]> {
  const p = asPrepared(instance);
  const used = new Float64Array(p.mentorIds.length);
  const current = new Map<string, { mentor: string; score: number }>();
  for (const pair of result.pairs) {
    const j = p.mentorIndex.get(pair.mentor);
    if (j !== undefined) used[j]++;
    current.set(pair.mentee, { mentor: pair.mentor, score: pair.score ?? 0 });
  }
  const out: Record<string, Alternative[]> = {};
  p.menteeIds.forEach((id, e) => {
    const mine = current.get(id);
    const options: number[] = [];
    for (let q = p.scoreStart[e]; q < p.scoreStart[e + 1]; q++) if (p.mentorIds[p.scoreMentor[q]] !== mine?.mentor) options.push(q);
    options.sort((a, b) => p.scoreValue[b] - p.scoreValue[a] || p.scoreMentor[a] - p.scoreMentor[b]);
    out[id] = options.slice(0, k).map((q) => {
      const j = p.scoreMentor[q];
      return {
        mentor: p.mentorIds[j],
        score: p.scoreValue[q],
        scoreDelta: p.scoreValue[q] - (mine?.score ?? 0),
        freePlaces: Math.max(0, p.capacity[j] - used[j]),
        mutual: isMutual(p, e, j),
      };
    });
  });
  return out;
}

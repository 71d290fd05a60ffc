/** The matcher's answer (the output half of the stable interface) and how it is assembled. */
import { isMutual, MatchingMode, PreparedInstance, scoreOf } from './instance';

export interface MatchPair {
  mentee: string;
  mentor: string;
  /** The pair's score from `scores`, or null when the instance gives none for it. */
  score: number | null;
  /** An approved pair kept from `locked`. */
  locked: boolean;
}

export interface MatchObjective {
  /** Matched mentees per priority level (every level present among the mentees), locked included. */
  matchedByPriority: Record<string, number>;
  unmatchedByPriority: Record<string, number>;
  matched: number;
  unmatched: number;
  /** Sum of the scores of all pairs, locked included (pairs without a score count 0). */
  totalScore: number;
  /** Sum of the scores of matched mentees with priority > 0, locked included. */
  priorityScore: number;
  /** Pairs of the result that are mutual choices (`mutual`), locked included; 0 when none given. */
  mutualMatched: number;
  locked: number;
  /**
   * Optimal mode: the grid scores were compared on: 1e-6 unless the scores are enormous, or, when
   * `priorityScores` or `mutual` add a level, coarser once rows × the sum of the rows' best scores
   * nears 2^48 (e.g. 1e-5 for 5,000 mentees scored up to 100).
   */
  scoreQuantum?: number;
}

export interface MatchResult {
  mode: MatchingMode;
  /** Sorted by mentee input order. */
  pairs: MatchPair[];
  /** Unmatched mentee ids, in input order. */
  unmatched: string[];
  objective: MatchObjective;
  /** Blocking pairs of this matching against the preferences (see blocking.ts). */
  blockingPairs: number;
}

export function objectiveOf(p: PreparedInstance, mentorOf: Int32Array): MatchObjective {
  const matchedByPriority: Record<string, number> = {};
  const unmatchedByPriority: Record<string, number> = {};
  for (let e = 0; e < mentorOf.length; e++) {
    const key = String(p.priority[e]);
    matchedByPriority[key] ??= 0;
    unmatchedByPriority[key] ??= 0;
    if (mentorOf[e] === -1) unmatchedByPriority[key]++;
    else matchedByPriority[key]++;
  }
  let matched = 0;
  let totalScore = 0;
  let priorityScore = 0;
  let mutualMatched = 0;
  let locked = 0;
  for (let e = 0; e < mentorOf.length; e++) {
    const j = mentorOf[e];
    if (j === -1) continue;
    matched++;
    if (p.lockedMentor[e] === j) locked++;
    if (isMutual(p, e, j)) mutualMatched++;
    const score = scoreOf(p, e, j) ?? 0;
    totalScore += score;
    if (p.priority[e] > 0) priorityScore += score;
  }
  // A sum of decimal scores carries binary noise (1.2000000000000002); 9 places is beyond any input.
  const exact = (x: number): number => Number(x.toFixed(9));
  return {
    matchedByPriority,
    unmatchedByPriority,
    matched,
    unmatched: mentorOf.length - matched,
    totalScore: exact(totalScore),
    priorityScore: exact(priorityScore),
    mutualMatched,
    locked,
  };
}

export function buildResult(p: PreparedInstance, mentorOf: Int32Array, blockingPairs: number): MatchResult {
  const pairs: MatchPair[] = [];
  const unmatched: string[] = [];
  for (let e = 0; e < mentorOf.length; e++) {
    const j = mentorOf[e];
    if (j === -1) unmatched.push(p.menteeIds[e]);
    else pairs.push({ mentee: p.menteeIds[e], mentor: p.mentorIds[j], score: scoreOf(p, e, j), locked: p.lockedMentor[e] === j });
  }
  return { mode: p.mode, pairs, unmatched, objective: objectiveOf(p, mentorOf), blockingPairs };
}

/** The two modes of the stable interface, from instance to result. */
import { asPrepared, MatchingInstance, PreparedInstance } from './instance';
import { blockingPairCount } from './blocking';
import { optimalAssignment } from './optimal';
import { resolvePreferences } from './preferences';
import { buildResult, MatchResult } from './result';
import { deferredAcceptance } from './stable';

/**
 * Lexicographic optimum: priority levels, then [priorityScores] the priority mentees' scores, then
 * [mutual] mutual choices matched, then the total score. `blockingPairs` is counted against
 * the preference lists: explicit ones where given, otherwise derived from scores.
 */
export function solveOptimal(instance: MatchingInstance | PreparedInstance): MatchResult {
  const p = asPrepared(instance);
  const { mentorOf, scoreQuantum } = optimalAssignment(p);
  const result = buildResult(p, mentorOf, blockingPairCount(p, mentorOf));
  result.mode = 'optimal';
  result.objective.scoreQuantum = scoreQuantum;
  return result;
}

/**
 * Mentee-optimal stable matching (mentee-proposing deferred acceptance with capacities).
 * `mutual` and `priorityScores` do not change it; the objective still reports them.
 */
export function solveStable(instance: MatchingInstance | PreparedInstance): MatchResult {
  const p = asPrepared(instance);
  const prefs = resolvePreferences(p, true);
  const mentorOf = deferredAcceptance(p, prefs);
  const result = buildResult(p, mentorOf, blockingPairCount(p, mentorOf, prefs));
  result.mode = 'stable';
  return result;
}

/** Validates (when given raw JSON) and runs the instance's own mode. */
export function solve(instance: unknown): MatchResult {
  const p = asPrepared(instance as MatchingInstance);
  return p.mode === 'stable' ? solveStable(p) : solveOptimal(p);
}

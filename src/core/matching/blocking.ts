/**
 * Blocking pairs of any assignment against the preferences: the stability (envy) report.
 *
 * A pair (e, j) blocks when it is mutually acceptable and allowed, e is not locked, e is not with
 * j, e is unmatched or prefers j to its mentor (a mentor e does not list counts as worse than any
 * listed one), and j either has a free place or prefers e to one of its mentees that is not locked
 * to it (locked mentees cannot be displaced).
 */
import { MatchingInputError } from './messages';
import { asPrepared, MatchingInstance, PreparedInstance } from './instance';
import { mentorRankOf, rankIn, ResolvedPrefs, resolvePreferences } from './preferences';

/** Index form: returns [mentee, mentor] index pairs, by mentee then by the mentee's preference. */
export function blockingPairsOf(p: PreparedInstance, prefs: ResolvedPrefs, mentorOf: Int32Array): Array<[number, number]> {
  const n = p.menteeIds.length;
  const m = p.mentorIds.length;
  const assigned = new Int32Array(m);
  // The mentor's rank of its worst displaceable mentee; -1 when it has none.
  const worst = new Float64Array(m).fill(-1);
  for (let e = 0; e < n; e++) {
    const j = mentorOf[e];
    if (j === -1) continue;
    assigned[j]++;
    if (p.lockedMentor[e] !== j) worst[j] = Math.max(worst[j], mentorRankOf(prefs, e, j));
  }
  const out: Array<[number, number]> = [];
  const { start, item } = prefs.mutual;
  for (let e = 0; e < n; e++) {
    if (p.lockedMentor[e] !== -1) continue;
    const current = mentorOf[e];
    const currentPos = current === -1 ? Infinity : rankIn(prefs.menteeLists, e, current);
    for (let k = start[e]; k < start[e + 1]; k++) {
      const j = item[k];
      if (j === current) break;
      if (prefs.mutualMenteePos[k] >= currentPos) break;
      if (assigned[j] < p.capacity[j] || prefs.mutualMentorRank[k] < worst[j]) out.push([e, j]);
    }
  }
  return out;
}

function mentorsOf(p: PreparedInstance, pairs: ReadonlyArray<{ mentee: string; mentor: string }>): Int32Array {
  const mentorOf = new Int32Array(p.menteeIds.length).fill(-1);
  pairs.forEach((pair, k) => {
    const where = `pairs[${k}]`;
    const e = p.menteeIndex.get(pair.mentee);
    const j = p.mentorIndex.get(pair.mentor);
    if (e === undefined) throw new MatchingInputError('unknownMentee', { where, id: String(pair.mentee) });
    if (j === undefined) throw new MatchingInputError('unknownMentor', { where, id: String(pair.mentor) });
    if (mentorOf[e] !== -1) throw new MatchingInputError('duplicateId', { where, id: pair.mentee });
    mentorOf[e] = j;
  });
  return mentorOf;
}

export interface BlockingPair {
  mentee: string;
  mentor: string;
}

/** The blocking pairs of an arbitrary assignment (for example the optimal one, or the curator's). */
export function findBlockingPairs(
  instance: MatchingInstance | PreparedInstance,
  pairs: ReadonlyArray<{ mentee: string; mentor: string }>,
): BlockingPair[] {
  const p = asPrepared(instance);
  const found = blockingPairsOf(p, resolvePreferences(p), mentorsOf(p, pairs));
  return found.map(([e, j]) => ({ mentee: p.menteeIds[e], mentor: p.mentorIds[j] }));
}

export function countBlockingPairs(
  instance: MatchingInstance | PreparedInstance,
  pairs: ReadonlyArray<{ mentee: string; mentor: string }>,
): number {
  return findBlockingPairs(instance, pairs).length;
}

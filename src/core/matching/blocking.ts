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
import { keyLess, menteeKeyOf, mentorKeyOf, ResolvedPrefs, resolvePreferences } from './preferences';

/**
 * Index form: returns [mentee, mentor] index pairs, by mentee then by the mentee's preference.
 * Without any explicit list, every preference comes from the scores and no resolution is needed.
 */
export function blockingPairsOf(p: PreparedInstance, mentorOf: Int32Array, prefs?: ResolvedPrefs): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const explicit = p.menteePrefs.some((l) => l !== null) || p.mentorPrefs.some((l) => l !== null);
  if (explicit || prefs) fromPrefs(p, prefs ?? resolvePreferences(p), mentorOf, out);
  else fromScores(p, mentorOf, out);
  return out;
}

/**
 * How many pairs blockingPairsOf would return, without building or ordering them: an assignment
 * far from the scores' order (mutual choices, priority first) can have millions.
 */
export function blockingPairCount(p: PreparedInstance, mentorOf: Int32Array, prefs?: ResolvedPrefs): number {
  const explicit = p.menteePrefs.some((l) => l !== null) || p.mentorPrefs.some((l) => l !== null);
  return explicit || prefs ? fromPrefs(p, prefs ?? resolvePreferences(p), mentorOf, null) : fromScores(p, mentorOf, null);
}

/**
 * Both sides rank by score (ties by input order): (e, j) has keys (−s, j) for e and (−s, e) for j.
 * Appends the pairs to `out` (null: only counts them); returns their number.
 */
function fromScores(p: PreparedInstance, mentorOf: Int32Array, out: Array<[number, number]> | null): number {
  const n = p.menteeIds.length;
  const m = p.mentorIds.length;
  const { scoreStart, scoreMentor, scoreValue } = p;
  const scoreOfPair = (e: number, j: number): number => {
    for (let k = scoreStart[e]; k < scoreStart[e + 1]; k++) if (scoreMentor[k] === j) return scoreValue[k];
    return -Infinity; // not acceptable: worse than anything listed
  };
  const assigned = new Int32Array(m);
  const worstScore = new Float64Array(m).fill(Infinity);
  const worstMentee = new Float64Array(m).fill(-Infinity);
  const currentScore = new Float64Array(n).fill(-Infinity);
  for (let e = 0; e < n; e++) {
    const j = mentorOf[e];
    if (j === -1) continue;
    assigned[j]++;
    const s = scoreOfPair(e, j);
    currentScore[e] = s;
    // The mentor's worst displaceable mentee: lowest score, then latest in input order.
    if (p.lockedMentor[e] !== j && (s < worstScore[j] || (s === worstScore[j] && e > worstMentee[j]))) {
      worstScore[j] = s;
      worstMentee[j] = e;
    }
  }
  let count = 0;
  for (let e = 0; e < n; e++) {
    if (p.lockedMentor[e] !== -1) continue;
    const c = mentorOf[e];
    const sc = currentScore[e];
    const found = count;
    for (let k = scoreStart[e]; k < scoreStart[e + 1]; k++) {
      const j = scoreMentor[k];
      const s = scoreValue[k];
      if (j === c || !(s > sc || (s === sc && j < c))) continue;
      if (assigned[j] < p.capacity[j] || s > worstScore[j] || (s === worstScore[j] && e < worstMentee[j])) {
        count++;
        out?.push([e, j]);
      }
    }
    if (out && count - found > 1) {
      const mine = out.splice(found);
      mine.sort((a, b) => scoreOfPair(e, b[1]) - scoreOfPair(e, a[1]) || a[1] - b[1]);
      out.push(...mine);
    }
  }
  return count;
}

/** As fromScores, by the resolved preference lists. */
function fromPrefs(p: PreparedInstance, prefs: ResolvedPrefs, mentorOf: Int32Array, out: Array<[number, number]> | null): number {
  const n = p.menteeIds.length;
  const m = p.mentorIds.length;
  const assigned = new Int32Array(m);
  // The mentor's key of its worst displaceable mentee; -Infinity when it has none.
  const worst1 = new Float64Array(m).fill(-Infinity);
  const worst2 = new Float64Array(m).fill(-Infinity);
  const key = new Float64Array(2);
  for (let e = 0; e < n; e++) {
    const j = mentorOf[e];
    if (j === -1) continue;
    assigned[j]++;
    if (p.lockedMentor[e] === j) continue;
    mentorKeyOf(p, prefs, e, j, key);
    if (keyLess(worst1[j], worst2[j], key[0], key[1])) {
      worst1[j] = key[0];
      worst2[j] = key[1];
    }
  }
  let count = 0;
  const { start, item } = prefs.mutual;
  const { menteeKey1, menteeKey2, mentorKey1, mentorKey2 } = prefs;
  for (let e = 0; e < n; e++) {
    if (p.lockedMentor[e] !== -1) continue;
    const current = mentorOf[e];
    if (current === -1) {
      key[0] = Infinity;
      key[1] = Infinity;
    } else {
      menteeKeyOf(p, e, current, key);
    }
    const found = count;
    for (let k = start[e]; k < start[e + 1]; k++) {
      const j = item[k];
      if (j === current || !keyLess(menteeKey1[k], menteeKey2[k], key[0], key[1])) continue;
      if (assigned[j] < p.capacity[j] || keyLess(mentorKey1[k], mentorKey2[k], worst1[j], worst2[j])) {
        count++;
        out?.push([e, j]);
      }
    }
    if (out && count - found > 1) {
      // Report a mentee's blocking mentors in the mentee's order of preference.
      const mine = out.splice(found).map(([, j]) => j);
      const rank = new Map<number, number>();
      for (let k = start[e]; k < start[e + 1]; k++) rank.set(item[k], k);
      mine.sort((a, b) => {
        const ka = rank.get(a) as number;
        const kb = rank.get(b) as number;
        return menteeKey1[ka] - menteeKey1[kb] || menteeKey2[ka] - menteeKey2[kb];
      });
      for (const j of mine) out.push([e, j]);
    }
  }
  return count;
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
export function findBlockingPairs(instance: MatchingInstance | PreparedInstance, pairs: ReadonlyArray<{ mentee: string; mentor: string }>): BlockingPair[] {
  const p = asPrepared(instance);
  const found = blockingPairsOf(p, mentorsOf(p, pairs));
  return found.map(([e, j]) => ({ mentee: p.menteeIds[e], mentor: p.mentorIds[j] }));
}

export function countBlockingPairs(instance: MatchingInstance | PreparedInstance, pairs: ReadonlyArray<{ mentee: string; mentor: string }>): number {
  const p = asPrepared(instance);
  return blockingPairCount(p, mentorsOf(p, pairs));
}

/**
 * Preferences as the stable matcher and the blocking-pair count use them.
 *
 * A person's list is their explicit one (menteePrefs / mentorPrefs) when given; otherwise it is
 * derived from `scores`: every allowed partner, higher score first, equal scores in the order the
 * partners appear in the instance (mentors / mentees arrays). A pair is acceptable when each side
 * lists the other and the pair is allowed (see PreparedInstance.pairsRestricted).
 *
 * Derived lists are never materialised: a preference is a key (primary, secondary), lower =
 * preferred — (position, 0) for an explicit list, (−score, partner index) for a derived one — so
 * evaluating an assignment needs no sorting. Keys are compared only within one person's list.
 */
import { PreparedInstance } from './instance';

/** Compressed lists: owner o owns items start[o] .. start[o+1]-1. */
export interface Lists {
  readonly start: Int32Array;
  readonly item: Int32Array;
}

export interface ResolvedPrefs {
  /** Per mentee: the mutually acceptable allowed mentors (in the mentee's order when resolved `ordered`). */
  readonly mutual: Lists;
  /** Aligned with mutual.item: the mentee's key of that mentor ... */
  readonly menteeKey1: Float64Array;
  readonly menteeKey2: Float64Array;
  /** ... and that mentor's key of the mentee. */
  readonly mentorKey1: Float64Array;
  readonly mentorKey2: Float64Array;
  /** Per mentee: mentors with an explicit list naming them (item), at position listedPos. */
  readonly listedBy: Lists;
  readonly listedPos: Int32Array;
}

/** The key (a, b) < (c, d), lexicographically. */
export const keyLess = (a: number, b: number, c: number, d: number): boolean => a < c || (a === c && b < d);

/**
 * @param ordered sort each mentee's entries by the mentee's preference (deferred acceptance needs
 * it; counting blocking pairs does not)
 */
export function resolvePreferences(p: PreparedInstance, ordered = false): ResolvedPrefs {
  const n = p.menteeIds.length;
  const m = p.mentorIds.length;
  const { scoreStart, scoreMentor, scoreValue, menteePrefs, mentorPrefs } = p;

  // Transpose the explicit mentor lists: for each mentee, who lists them and where.
  const listedStart = new Int32Array(n + 1);
  for (const list of mentorPrefs) if (list) for (const e of list) listedStart[e + 1]++;
  for (let e = 0; e < n; e++) listedStart[e + 1] += listedStart[e];
  const fill = listedStart.slice(0, n);
  const listedItem = new Int32Array(listedStart[n]);
  const listedPos = new Int32Array(listedStart[n]);
  mentorPrefs.forEach((list, j) => {
    if (!list) return;
    list.forEach((e, pos) => {
      const at = fill[e]++;
      listedItem[at] = j;
      listedPos[at] = pos;
    });
  });

  // Upper bound on entries: every explicit mentee list plus every score row of the others.
  let bound = 0;
  for (let e = 0; e < n; e++) bound += menteePrefs[e]?.length ?? scoreStart[e + 1] - scoreStart[e];
  const item = new Int32Array(bound);
  const eK1 = new Float64Array(bound);
  const eK2 = new Float64Array(bound);
  const rK1 = new Float64Array(bound);
  const rK2 = new Float64Array(bound);
  const start = new Int32Array(n + 1);

  // Scratch marks over mentors, valid for the current mentee only (owner stamps, no clearing).
  const scoreOwner = new Int32Array(m).fill(-1);
  const scoreAt = new Int32Array(m);
  const listedOwner = new Int32Array(m).fill(-1);
  const listedAt = new Int32Array(m);
  let at = 0;
  const push = (e: number, j: number, k1: number, k2: number): void => {
    // The mentor's side: its explicit list, or else the score (absent = not acceptable).
    let r1: number;
    let r2 = 0;
    if (mentorPrefs[j]) {
      if (listedOwner[j] !== e) return;
      r1 = listedAt[j];
    } else {
      if (scoreOwner[j] !== e) return;
      r1 = -scoreValue[scoreAt[j]];
      r2 = e;
    }
    if (p.pairsRestricted && scoreOwner[j] !== e) return;
    item[at] = j;
    eK1[at] = k1;
    eK2[at] = k2;
    rK1[at] = r1;
    rK2[at++] = r2;
  };
  for (let e = 0; e < n; e++) {
    for (let k = scoreStart[e]; k < scoreStart[e + 1]; k++) {
      scoreOwner[scoreMentor[k]] = e;
      scoreAt[scoreMentor[k]] = k;
    }
    for (let k = listedStart[e]; k < listedStart[e + 1]; k++) {
      listedOwner[listedItem[k]] = e;
      listedAt[listedItem[k]] = listedPos[k];
    }
    const explicit = menteePrefs[e];
    if (explicit) {
      for (let pos = 0; pos < explicit.length; pos++) push(e, explicit[pos], pos, 0);
    } else {
      const from = at;
      for (let k = scoreStart[e]; k < scoreStart[e + 1]; k++) push(e, scoreMentor[k], -scoreValue[k], scoreMentor[k]);
      if (ordered && at - from > 1) sortRange(from, at, item, eK1, eK2, rK1, rK2);
    }
    start[e + 1] = at;
  }
  return {
    mutual: { start, item: item.subarray(0, at) },
    menteeKey1: eK1.subarray(0, at),
    menteeKey2: eK2.subarray(0, at),
    mentorKey1: rK1.subarray(0, at),
    mentorKey2: rK2.subarray(0, at),
    listedBy: { start: listedStart, item: listedItem },
    listedPos,
  };
}

/** Sorts entries from..to-1 of the aligned arrays by (k1, k2). */
function sortRange(from: number, to: number, item: Int32Array, k1: Float64Array, k2: Float64Array, r1: Float64Array, r2: Float64Array): void {
  const idx = Array.from({ length: to - from }, (_, i) => from + i);
  idx.sort((a, b) => k1[a] - k1[b] || k2[a] - k2[b]);
  const copy = (arr: Float64Array | Int32Array) => {
    const vals = idx.map((i) => arr[i]);
    for (let i = 0; i < vals.length; i++) arr[from + i] = vals[i];
  };
  copy(item);
  copy(k1);
  copy(k2);
  copy(r1);
  copy(r2);
}

/**
 * Mentee e's key of mentor j written to out[0], out[1]; (Infinity, Infinity) when j is not on e's
 * list (not acceptable to e).
 */
export function menteeKeyOf(p: PreparedInstance, e: number, j: number, out: Float64Array): void {
  out[0] = Infinity;
  out[1] = Infinity;
  const explicit = p.menteePrefs[e];
  if (explicit) {
    const pos = explicit.indexOf(j);
    if (pos !== -1) {
      out[0] = pos;
      out[1] = 0;
    }
    return;
  }
  for (let k = p.scoreStart[e]; k < p.scoreStart[e + 1]; k++) {
    if (p.scoreMentor[k] === j) {
      out[0] = -p.scoreValue[k];
      out[1] = j;
    }
  }
}

/** Mentor j's key of mentee e, as menteeKeyOf. */
export function mentorKeyOf(p: PreparedInstance, prefs: ResolvedPrefs, e: number, j: number, out: Float64Array): void {
  out[0] = Infinity;
  out[1] = Infinity;
  if (p.mentorPrefs[j]) {
    const { start, item } = prefs.listedBy;
    for (let k = start[e]; k < start[e + 1]; k++) {
      if (item[k] === j) {
        out[0] = prefs.listedPos[k];
        out[1] = 0;
      }
    }
    return;
  }
  for (let k = p.scoreStart[e]; k < p.scoreStart[e + 1]; k++) {
    if (p.scoreMentor[k] === j) {
      out[0] = -p.scoreValue[k];
      out[1] = e;
    }
  }
}

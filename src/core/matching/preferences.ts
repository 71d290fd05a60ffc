/**
 * Preference lists as the stable matcher and the blocking-pair count use them.
 *
 * A person's list is their explicit one (menteePrefs / mentorPrefs) when given; otherwise it is
 * derived from `scores`: every allowed partner, higher score first, equal scores in the order the
 * partners appear in the instance (mentors / mentees arrays). A pair is acceptable when each side
 * lists the other and the pair is allowed (see PreparedInstance.pairsRestricted).
 */
import { PreparedInstance } from './instance';

/** Compressed lists: owner o owns items start[o] .. start[o+1]-1. */
export interface Lists {
  readonly start: Int32Array;
  readonly item: Int32Array;
}

export interface ResolvedPrefs {
  /** Each mentee's full list (before the acceptability filter), best first. */
  readonly menteeLists: Lists;
  /** Each mentor's full list, best first. */
  readonly mentorLists: Lists;
  /** Per mentee: the mutually acceptable allowed mentors, in the mentee's order ... */
  readonly mutual: Lists;
  /** ... and, aligned with `mutual.item`, the mentee's rank in that mentor's list (0 = best). */
  readonly mutualMentorRank: Int32Array;
  /** ... and the mentor's position in the mentee's own full list. */
  readonly mutualMenteePos: Int32Array;
  /** Per mentee: every mentor that lists them (item), with their rank there (rankByMentee). */
  readonly listedBy: Lists;
  readonly listedByRank: Int32Array;
}

function compress(lists: ArrayLike<ArrayLike<number>>): Lists {
  const start = new Int32Array(lists.length + 1);
  for (let o = 0; o < lists.length; o++) start[o + 1] = start[o] + lists[o].length;
  const item = new Int32Array(start[lists.length]);
  for (let o = 0; o < lists.length; o++) item.set(lists[o], start[o]);
  return { start, item };
}

export function resolvePreferences(p: PreparedInstance): ResolvedPrefs {
  const n = p.menteeIds.length;
  const m = p.mentorIds.length;
  const { scoreStart, scoreMentor, scoreValue } = p;

  const menteeFull: ArrayLike<number>[] = [];
  for (let e = 0; e < n; e++) {
    const explicit = p.menteePrefs[e];
    if (explicit) {
      menteeFull.push(explicit);
      continue;
    }
    const ks: number[] = [];
    for (let k = scoreStart[e]; k < scoreStart[e + 1]; k++) ks.push(k);
    ks.sort((a, b) => scoreValue[b] - scoreValue[a] || scoreMentor[a] - scoreMentor[b]);
    menteeFull.push(ks.map((k) => scoreMentor[k]));
  }

  // Derived mentor lists: mentees gathered in input order, then a stable sort by score.
  const mentorFull: ArrayLike<number>[] = new Array(m);
  const needDerived = p.mentorPrefs.some((l) => l === null);
  let byMentor: Array<Array<[number, number]>> = [];
  if (needDerived) {
    byMentor = Array.from({ length: m }, () => []);
    for (let e = 0; e < n; e++) {
      for (let k = scoreStart[e]; k < scoreStart[e + 1]; k++) byMentor[scoreMentor[k]].push([e, scoreValue[k]]);
    }
  }
  for (let j = 0; j < m; j++) {
    const explicit = p.mentorPrefs[j];
    mentorFull[j] = explicit ?? byMentor[j].sort((a, b) => b[1] - a[1]).map((x) => x[0]);
  }
  const menteeLists = compress(menteeFull);
  const mentorLists = compress(mentorFull);

  // Transpose mentor lists: for each mentee, who lists them and at which rank.
  const listedStart = new Int32Array(n + 1);
  for (let k = 0; k < mentorLists.item.length; k++) listedStart[mentorLists.item[k] + 1]++;
  for (let e = 0; e < n; e++) listedStart[e + 1] += listedStart[e];
  const fill = listedStart.slice(0, n);
  const listedItem = new Int32Array(mentorLists.item.length);
  const listedByRank = new Int32Array(mentorLists.item.length);
  for (let j = 0; j < m; j++) {
    for (let k = mentorLists.start[j]; k < mentorLists.start[j + 1]; k++) {
      const at = fill[mentorLists.item[k]]++;
      listedItem[at] = j;
      listedByRank[at] = k - mentorLists.start[j];
    }
  }

  // Mutual acceptability, one mentee at a time with scratch marks over mentors.
  const rankMark = new Int32Array(m).fill(-1);
  const allowedMark = new Int32Array(m).fill(-1);
  const mutualStart = new Int32Array(n + 1);
  const mutualItem: number[] = [];
  const mutualRank: number[] = [];
  const mutualPos: number[] = [];
  for (let e = 0; e < n; e++) {
    for (let k = listedStart[e]; k < listedStart[e + 1]; k++) rankMark[listedItem[k]] = listedByRank[k];
    for (let k = scoreStart[e]; k < scoreStart[e + 1]; k++) allowedMark[scoreMentor[k]] = e;
    for (let k = menteeLists.start[e]; k < menteeLists.start[e + 1]; k++) {
      const j = menteeLists.item[k];
      if (rankMark[j] === -1) continue;
      if (p.pairsRestricted && allowedMark[j] !== e) continue;
      mutualItem.push(j);
      mutualRank.push(rankMark[j]);
      mutualPos.push(k - menteeLists.start[e]);
    }
    mutualStart[e + 1] = mutualItem.length;
    for (let k = listedStart[e]; k < listedStart[e + 1]; k++) rankMark[listedItem[k]] = -1;
  }
  return {
    menteeLists,
    mentorLists,
    mutual: { start: mutualStart, item: Int32Array.from(mutualItem) },
    mutualMentorRank: Int32Array.from(mutualRank),
    mutualMenteePos: Int32Array.from(mutualPos),
    listedBy: { start: listedStart, item: listedItem },
    listedByRank,
  };
}

/** Position of `target` in owner's list, or Infinity when it is not there (unacceptable). */
export function rankIn(lists: Lists, owner: number, target: number): number {
  for (let k = lists.start[owner]; k < lists.start[owner + 1]; k++) if (lists.item[k] === target) return k - lists.start[owner];
  return Infinity;
}

/** Mentor j's rank of mentee e, or Infinity when j does not list e. */
export function mentorRankOf(prefs: ResolvedPrefs, e: number, j: number): number {
  const { start, item } = prefs.listedBy;
  for (let k = start[e]; k < start[e + 1]; k++) if (item[k] === j) return prefs.listedByRank[k];
  return Infinity;
}

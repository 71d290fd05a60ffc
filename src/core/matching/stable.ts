/**
 * Mentee-proposing deferred acceptance with mentor capacities (hospitals/residents, Gale–Shapley
 * 1962; Gusfield–Irving 1989): the mentee-optimal stable matching, in time linear in the total
 * length of the preference lists (times log capacity).
 *
 * Locked pairs are placed first and take their mentor's capacity; locked mentees do not propose.
 * Preference lists are strict, so the result is unique whatever the proposal order: there is no
 * tie to break inside the algorithm. Ties can only come from lists derived from equal scores, and
 * those are broken by input order (see preferences.ts).
 */
import { PreparedInstance } from './instance';
import { ResolvedPrefs } from './preferences';

/** @returns the mentor of each mentee, -1 when unmatched */
export function deferredAcceptance(p: PreparedInstance, prefs: ResolvedPrefs): Int32Array {
  const n = p.menteeIds.length;
  const m = p.mentorIds.length;
  const mentorOf = new Int32Array(n).fill(-1);
  const { start, item } = prefs.mutual;
  const rankAt = prefs.mutualMentorRank;

  // Each mentor holds its current mentees in a max-heap by its rank of them (worst on top).
  const cap = new Int32Array(m);
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) {
    cap[j] = Math.min(p.capacity[j] - p.lockedCount[j], n);
    slotStart[j + 1] = slotStart[j] + cap[j];
  }
  const heapRank = new Int32Array(slotStart[m]);
  const heapMentee = new Int32Array(slotStart[m]);
  const load = new Int32Array(m);
  const next = new Int32Array(n);
  for (let e = 0; e < n; e++) next[e] = start[e];

  const free: number[] = [];
  for (let e = n - 1; e >= 0; e--) {
    if (p.lockedMentor[e] !== -1) mentorOf[e] = p.lockedMentor[e];
    else free.push(e);
  }
  while (free.length > 0) {
    let e = free.pop() as number;
    while (e !== -1 && next[e] < start[e + 1]) {
      const k = next[e]++;
      const j = item[k];
      const rank = rankAt[k];
      const base = slotStart[j];
      if (load[j] < cap[j]) {
        // Sift up the new entry.
        let i = load[j]++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (heapRank[base + parent] >= rank) break;
          heapRank[base + i] = heapRank[base + parent];
          heapMentee[base + i] = heapMentee[base + parent];
          i = parent;
        }
        heapRank[base + i] = rank;
        heapMentee[base + i] = e;
        mentorOf[e] = j;
        e = -1;
      } else if (cap[j] > 0 && rank < heapRank[base]) {
        // Replace the worst held mentee, who proposes next.
        const displaced = heapMentee[base];
        mentorOf[displaced] = -1;
        const size = load[j];
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= size) break;
          if (c + 1 < size && heapRank[base + c + 1] > heapRank[base + c]) c++;
          if (heapRank[base + c] <= rank) break;
          heapRank[base + i] = heapRank[base + c];
          heapMentee[base + i] = heapMentee[base + c];
          i = c;
        }
        heapRank[base + i] = rank;
        heapMentee[base + i] = e;
        mentorOf[e] = j;
        e = displaced;
      }
    }
  }
  return mentorOf;
}

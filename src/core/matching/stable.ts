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
import { keyLess, ResolvedPrefs } from './preferences';

/** @returns the mentor of each mentee, -1 when unmatched */
export function deferredAcceptance(p: PreparedInstance, prefs: ResolvedPrefs): Int32Array {
  const n = p.menteeIds.length;
  const m = p.mentorIds.length;
  const mentorOf = new Int32Array(n).fill(-1);
  const { start, item } = prefs.mutual;
  const { mentorKey1: key1, mentorKey2: key2 } = prefs;

  // Each mentor holds its current mentees in a max-heap by its key of them (worst on top).
  const cap = new Int32Array(m);
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) {
    cap[j] = Math.min(p.capacity[j] - p.lockedCount[j], n);
    slotStart[j + 1] = slotStart[j] + cap[j];
  }
  const heapK1 = new Float64Array(slotStart[m]);
  const heapK2 = new Float64Array(slotStart[m]);
  const heapMentee = new Int32Array(slotStart[m]);
  const load = new Int32Array(m);
  const next = start.slice(0, n);

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
      const a = key1[k];
      const b = key2[k];
      const base = slotStart[j];
      if (load[j] < cap[j]) {
        // Sift the new entry up.
        let i = load[j]++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (!keyLess(heapK1[base + parent], heapK2[base + parent], a, b)) break;
          heapK1[base + i] = heapK1[base + parent];
          heapK2[base + i] = heapK2[base + parent];
          heapMentee[base + i] = heapMentee[base + parent];
          i = parent;
        }
        heapK1[base + i] = a;
        heapK2[base + i] = b;
        heapMentee[base + i] = e;
        mentorOf[e] = j;
        e = -1;
      } else if (cap[j] > 0 && keyLess(a, b, heapK1[base], heapK2[base])) {
        // Replace the worst held mentee, who proposes next; sift the new entry down.
        const displaced = heapMentee[base];
        mentorOf[displaced] = -1;
        const size = load[j];
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= size) break;
          if (c + 1 < size && keyLess(heapK1[base + c], heapK2[base + c], heapK1[base + c + 1], heapK2[base + c + 1])) c++;
          if (!keyLess(a, b, heapK1[base + c], heapK2[base + c])) break;
          heapK1[base + i] = heapK1[base + c];
          heapK2[base + i] = heapK2[base + c];
          heapMentee[base + i] = heapMentee[base + c];
          i = c;
        }
        heapK1[base + i] = a;
        heapK2[base + i] = b;
        heapMentee[base + i] = e;
        mentorOf[e] = j;
        e = displaced;
      }
    }
  }
  return mentorOf;
}

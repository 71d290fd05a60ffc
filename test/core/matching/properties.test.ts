/** Property tests (fast-check, fixed seeds): the matcher against brute force and naive checks. */
import fc from 'fast-check';
import { countBlockingPairs, MatchingInstance, solveOptimal, solveStable } from '../../../src/core/matching';
import { allAssignments, bruteForceOptimalKey, expectValid, keyOfResult, listsOf, naiveBlocking, randomInstance, tinyInstance } from './helpers';

const SEED = 20261124;
const mapOf = (pairs: Array<{ mentee: string; mentor: string }>) => new Map(pairs.map((p) => [p.mentee, p.mentor]));

describe('optimal mode', () => {
  test('equals brute force on tiny instances (priority counts, then quantised score)', () => {
    fc.assert(
      fc.property(tinyInstance(), (inst) => {
        const r = solveOptimal(inst);
        expectValid(inst, r);
        expect(keyOfResult(inst, r)).toEqual(bruteForceOptimalKey(inst));
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  test('reports blocking pairs exactly as the textbook definition counts them (prefs derived from scores)', () => {
    fc.assert(
      fc.property(tinyInstance(), (inst) => {
        const r = solveOptimal(inst);
        expect(r.blockingPairs).toBe(naiveBlocking(inst, mapOf(r.pairs)).length);
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
  });

  test('no assignment matches more top-priority mentees (checked against a plain maximum matching)', () => {
    // Kuhn's algorithm on the top level alone, written independently of the solver.
    const maxTop = (inst: MatchingInstance): number => {
      const top = Math.max(...inst.mentees.map((e) => e.priority ?? 0));
      const lockedTo = new Map((inst.locked ?? []).map(([e, m]) => [e, m]));
      const cap = new Map(inst.mentors.map((m) => [m.id, m.capacity ?? 1]));
      for (const m of lockedTo.values()) cap.set(m, (cap.get(m) as number) - 1);
      const slots = inst.mentors.flatMap((m) => Array.from({ length: cap.get(m.id) as number }, () => m.id));
      const adj = new Map<string, number[]>();
      for (const [e, m] of inst.scores ?? []) {
        if (!adj.has(e)) adj.set(e, []);
        slots.forEach((s, k) => s === m && adj.get(e)?.push(k));
      }
      const owner = new Array<string | null>(slots.length).fill(null);
      const tryAugment = (e: string, seen: Set<number>): boolean => {
        for (const k of adj.get(e) ?? []) {
          if (seen.has(k)) continue;
          seen.add(k);
          if (owner[k] === null || tryAugment(owner[k] as string, seen)) {
            owner[k] = e;
            return true;
          }
        }
        return false;
      };
      let count = inst.mentees.filter((e) => (e.priority ?? 0) === top && lockedTo.has(e.id)).length;
      for (const e of inst.mentees) if ((e.priority ?? 0) === top && !lockedTo.has(e.id) && tryAugment(e.id, new Set())) count++;
      return count;
    };
    for (let seed = 1; seed <= 30; seed++) {
      const inst = randomInstance(seed, { mentees: 120, mentors: 25, maxCapacity: 4, density: 0.08, levels: 3, grid: 1000, lockedShare: 0.1 });
      const r = solveOptimal(inst);
      expectValid(inst, r);
      const top = String(Math.max(...inst.mentees.map((e) => e.priority ?? 0)));
      expect(r.objective.matchedByPriority[top]).toBe(maxTop(inst));
    }
  });
});

describe('stable mode', () => {
  test('zero blocking pairs, and mentee-optimal among all stable matchings (brute force)', () => {
    fc.assert(
      fc.property(tinyInstance({ prefs: true, maxMentees: 5, maxMentors: 3 }), (inst) => {
        const r = solveStable(inst);
        expectValid(inst, r);
        const mine = mapOf(r.pairs);
        expect(naiveBlocking(inst, mine)).toEqual([]);
        expect(r.blockingPairs).toBe(0);

        const lists = listsOf(inst);
        const allowed = new Set((inst.scores ?? []).map(([e, m]) => `${e}\u0000${m}`));
        const acceptable = (e: string, m: string) => (lists.mentee.get(e) as string[]).includes(m) && (lists.mentor.get(m) as string[]).includes(e) && (!inst.scores || allowed.has(`${e}\u0000${m}`));
        const stable = allAssignments(inst, acceptable).filter((a) => naiveBlocking(inst, a).length === 0);
        expect(stable.length).toBeGreaterThan(0);
        const rank = (e: string, m: string | undefined) => (m === undefined ? Infinity : (lists.mentee.get(e) as string[]).indexOf(m));
        for (const other of stable) {
          for (const e of inst.mentees) {
            if ((inst.locked ?? []).some(([x]) => x === e.id)) continue;
            expect(rank(e.id, mine.get(e.id))).toBeLessThanOrEqual(rank(e.id, other.get(e.id)));
          }
          // Rural hospitals theorem: every stable matching matches the same mentees.
          expect([...other.keys()].sort()).toEqual([...mine.keys()].sort());
        }
      }),
      { seed: SEED + 2, numRuns: 400 },
    );
  });

  test('countBlockingPairs agrees with the naive definition on arbitrary assignments', () => {
    fc.assert(
      fc.property(tinyInstance({ prefs: true }), fc.integer({ min: 0, max: 1000 }), (inst, pick) => {
        const all = allAssignments(inst, () => true);
        const a = all[pick % all.length];
        const pairs = [...a].map(([mentee, mentor]) => ({ mentee, mentor }));
        expect(countBlockingPairs(inst, pairs)).toBe(naiveBlocking(inst, a).length);
      }),
      { seed: SEED + 3, numRuns: 300 },
    );
  });

  test('10,000 mentees: stable, valid, and deterministic', () => {
    const n = 10000;
    const m = 2000;
    const inst = randomInstance(7, { mentees: n, mentors: m, maxCapacity: 10, density: 15 / m, levels: 2, grid: 1000 });
    inst.mode = 'stable';
    const r = solveStable(inst);
    expect(r.blockingPairs).toBe(0);
    expectValid(inst, r);
    expect(JSON.stringify(solveStable(inst))).toBe(JSON.stringify(r));
  });
});

/** "What forcing costs" and the next-best alternatives, as the curator's sidebar shows them. */
import fc from 'fast-check';
import { alternatives, costOfForcing, MatchingInputError, MatchingInstance, solveOptimal } from '../../../src/core/matching';
import { expectValid, keyOfResult, randomInstance } from './helpers';

const SMALL: MatchingInstance = {
  mode: 'optimal',
  mentees: [{ id: 'e1' }, { id: 'e2' }],
  mentors: [
    { id: 'm1', capacity: 1 },
    { id: 'm2', capacity: 1 },
  ],
  scores: [
    ['e1', 'm1', 0.9],
    ['e1', 'm2', 0.5],
    ['e2', 'm1', 0.8],
  ],
};

describe('costOfForcing', () => {
  test('forcing e1–m1 costs one matched mentee and 0.4 points', () => {
    // Optimum: e1–m2 (0.5) + e2–m1 (0.8) = 1.3. Forcing e1–m1 leaves e2 without an allowed mentor.
    const c = costOfForcing(SMALL, { forced: [['e1', 'm1']] });
    expect(c.optimum.totalScore).toBeCloseTo(1.3, 12);
    expect(c.delta.matched).toBe(-1);
    expect(c.delta.matchedByPriority).toEqual({ '0': -1 });
    expect(c.delta.totalScore).toBeCloseTo(-0.4, 12);
    expect(c.moved).toEqual(['e1', 'e2']);
    expect(c.result.pairs.find((p) => p.mentee === 'e1')).toMatchObject({ mentor: 'm1', locked: true });
  });

  test('rejecting a pair re-solves without it; rejecting a locked pair unlocks it', () => {
    const c = costOfForcing(SMALL, { rejected: [['e2', 'm1']] });
    expect(c.result.pairs.map((p) => [p.mentee, p.mentor])).toEqual([['e1', 'm1']]);
    expect(c.delta.matched).toBe(-1);
    const locked = { ...SMALL, locked: [['e2', 'm1']] as Array<[string, string]> };
    const u = costOfForcing(locked, { rejected: [['e2', 'm1']] });
    expect(u.result.pairs.some((p) => p.mentee === 'e2')).toBe(false);
  });

  test("forcing the optimum's own pairs costs nothing", () => {
    const base = solveOptimal(SMALL);
    const c = costOfForcing(SMALL, { forced: base.pairs.map((p) => [p.mentee, p.mentor] as [string, string]) }, base);
    expect(c.delta).toEqual({ matched: 0, matchedByPriority: { '0': 0 }, totalScore: 0, priorityScore: 0, mutualMatched: 0 });
    expect(c.moved).toEqual([]);
  });

  test('a forced pair is never better than the optimum (random instances)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (seed, pick) => {
        const inst = randomInstance(seed, { mentees: 40, mentors: 8, maxCapacity: 4, density: 0.3, levels: 2, grid: 100 });
        const free = (inst.scores ?? []).filter(([, m]) => (inst.mentors.find((x) => x.id === m)?.capacity ?? 0) > 0);
        if (free.length === 0) return;
        const [e, m] = free[pick % free.length];
        const c = costOfForcing({ ...inst, locked: [] }, { forced: [[e, m]] });
        expectValid({ ...inst, locked: [[e, m]] }, c.result);
        const a = keyOfResult(inst, c.result);
        const b = keyOfResult(inst, solveOptimal({ ...inst, locked: [] }));
        // Lexicographically a <= b.
        const i = a.findIndex((x, k) => x !== b[k]);
        expect(i === -1 || a[i] < b[i]).toBe(true);
      }),
      { seed: 77, numRuns: 60 },
    );
  });

  test('contradictory or impossible changes are input errors', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as MatchingInputError).code;
      }
      return null;
    };
    expect(err(() => costOfForcing(SMALL, { forced: [['e1', 'm1']], rejected: [['e1', 'm1']] }))).toBe('forcedAndRejected');
    expect(err(() => costOfForcing(SMALL, { forced: [['e2', 'm2']] }))).toBe('lockedForbidden');
    expect(
      err(() =>
        costOfForcing(SMALL, {
          forced: [
            ['e1', 'm1'],
            ['e2', 'm1'],
          ],
        }),
      ),
    ).toBe('lockedOverCapacity');
    expect(err(() => costOfForcing(SMALL, { forced: [['e9', 'm1']] }))).toBe('unknownMentee');
  });
});

describe('alternatives', () => {
  test('the next-best allowed mentors by score, the assigned one excluded', () => {
    const inst: MatchingInstance = {
      mode: 'optimal',
      mentees: [{ id: 'e1' }, { id: 'e2' }],
      mentors: [
        { id: 'm1', capacity: 1 },
        { id: 'm2', capacity: 2 },
        { id: 'm3', capacity: 1 },
      ],
      scores: [
        ['e1', 'm1', 0.9],
        ['e1', 'm2', 0.5],
        ['e1', 'm3', 0.5],
        ['e2', 'm1', 0.1],
      ],
    };
    // Matching both comes first, so e1 gives m1 up to e2 and takes m2 (tied with m3, earlier in input).
    const r = solveOptimal(inst);
    expect(r.pairs.map((p) => p.mentor)).toEqual(['m2', 'm1']);
    const alt = alternatives(inst, r, 2);
    expect(alt.e1.map((a) => a.mentor)).toEqual(['m1', 'm3']);
    expect(alt.e1[0].scoreDelta).toBeCloseTo(0.9 - 0.5, 12);
    expect(alt.e1[0].freePlaces).toBe(0);
    expect(alt.e1[1].freePlaces).toBe(1);
    expect(alt.e2).toEqual([]);
  });
});

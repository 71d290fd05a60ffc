/**
 * The levels after the priority counts: the priority mentees' own scores (`priorityScores`) and
 * the mutual choices after the group meeting (`mutual`), against hand-checked instances and brute
 * force; instances that use neither must come out exactly as before.
 */
import fc from 'fast-check';
import {
  alternatives,
  applyChange,
  costOfForcing,
  MatchingInputError,
  MatchingInstance,
  matchingMessage,
  MatchResult,
  PairIds,
  prepareInstance,
  ScoreEntry,
  solve,
  solveOptimal,
  solveStable,
} from '../../../src/core/matching';
import { expectValid, q, randomInstance } from './helpers';

const pairsOf = (r: MatchResult): Record<string, string> => Object.fromEntries(r.pairs.map((p) => [p.mentee, p.mentor]));

describe('mutual choices', () => {
  const twoForOne = (mutual?: PairIds[]): MatchingInstance => ({
    mode: 'optimal',
    mentees: [{ id: 'e1' }, { id: 'e2' }],
    mentors: [{ id: 'm1', capacity: 1 }],
    scores: [
      ['e1', 'm1', 70],
      ['e2', 'm1', 80],
    ],
    ...(mutual ? { mutual } : {}),
  });

  test('a mutual pair with 70 wins over a pair with 80 for the same mentor', () => {
    expect(pairsOf(solveOptimal(twoForOne()))).toEqual({ e2: 'm1' });
    const r = solveOptimal(twoForOne([['e1', 'm1']]));
    expect(pairsOf(r)).toEqual({ e1: 'm1' });
    expect(r.objective).toMatchObject({ mutualMatched: 1, totalScore: 70, priorityScore: 0 });
  });

  test('two mutual pairs win over one mutual pair with a far larger total', () => {
    // e1 and e2 both chose m1 (capacity 1) and m2; e3 chose m2 only and scores 100 with m1.
    const inst: MatchingInstance = {
      mode: 'optimal',
      mentees: [{ id: 'e1' }, { id: 'e2' }, { id: 'e3' }],
      mentors: [{ id: 'm1' }, { id: 'm2' }],
      scores: [
        ['e1', 'm1', 10],
        ['e2', 'm2', 10],
        ['e3', 'm1', 100],
        ['e3', 'm2', 1],
      ],
      mutual: [
        ['e1', 'm1'],
        ['e2', 'm2'],
        ['e3', 'm2'],
      ],
    };
    const r = solveOptimal(inst);
    expect(pairsOf(r)).toEqual({ e1: 'm1', e2: 'm2' });
    expect(r.objective.mutualMatched).toBe(2);
  });

  test("a mutual pair never takes a priority child's place", () => {
    const inst: MatchingInstance = {
      mode: 'optimal',
      mentees: [{ id: 'child', priority: 1 }, { id: 'e2' }],
      mentors: [{ id: 'm1', capacity: 1 }],
      scores: [
        ['child', 'm1', 20],
        ['e2', 'm1', 95],
      ],
      mutual: [['e2', 'm1']],
    };
    const r = solveOptimal(inst);
    expect(pairsOf(r)).toEqual({ child: 'm1' });
    expect(r.objective).toMatchObject({ mutualMatched: 0, matchedByPriority: { '1': 1, '0': 0 } });
  });

  test('a mutual pair never costs another mentee their place (the counts come first)', () => {
    // e1–m1 is mutual, but e2 can only go to m1 while e1 also fits m2.
    const inst: MatchingInstance = {
      mode: 'optimal',
      mentees: [{ id: 'e1' }, { id: 'e2' }],
      mentors: [{ id: 'm1' }, { id: 'm2' }],
      scores: [
        ['e1', 'm1', 90],
        ['e1', 'm2', 10],
        ['e2', 'm1', 10],
      ],
      mutual: [['e1', 'm1']],
    };
    expect(pairsOf(solveOptimal(inst))).toEqual({ e1: 'm2', e2: 'm1' });
  });

  test('a mutual choice of a pair the hard rules forbid is ignored, not an error', () => {
    const inst = { ...twoForOne([['e1', 'm1']]), mentors: [{ id: 'm1' }, { id: 'm2' }], mutual: [['e2', 'm2'] as PairIds] };
    const r = solveOptimal(inst);
    expect(pairsOf(r)).toEqual({ e2: 'm1' });
    expect(r.objective.mutualMatched).toBe(0);
  });

  test('locked mutual pairs are counted; stable mode keeps its matching and reports them', () => {
    const inst: MatchingInstance = { ...twoForOne([['e1', 'm1']]), locked: [['e1', 'm1']] };
    expect(solveOptimal(inst).objective.mutualMatched).toBe(1);
    const stable: MatchingInstance = { ...twoForOne(), mode: 'stable' };
    const plain = solveStable(stable);
    const withLevels = solveStable({ ...stable, mutual: [['e1', 'm1']], priorityScores: true });
    expect(withLevels.pairs).toEqual(plain.pairs);
    expect(pairsOf(withLevels)).toEqual({ e2: 'm1' });
    expect(withLevels.objective.mutualMatched).toBe(0);
  });
});

describe('priorityScores', () => {
  // child: 90 with m1, 80 with m2; e2 (no priority): 100 with m1, 60 with m2.
  const inst = (priorityScores?: boolean): MatchingInstance => ({
    mode: 'optimal',
    mentees: [{ id: 'child', priority: 2 }, { id: 'e2' }],
    mentors: [{ id: 'm1' }, { id: 'm2' }],
    scores: [
      ['child', 'm1', 90],
      ['child', 'm2', 80],
      ['e2', 'm1', 100],
      ['e2', 'm2', 60],
    ],
    ...(priorityScores === undefined ? {} : { priorityScores }),
  });

  test('the priority child gets the mentor that fits them best, though the swap has the larger total', () => {
    const r = solveOptimal(inst(true));
    expect(pairsOf(r)).toEqual({ child: 'm1', e2: 'm2' });
    expect(r.objective).toMatchObject({ priorityScore: 90, totalScore: 150 });
  });

  test('without the flag the total wins (as before)', () => {
    for (const r of [solveOptimal(inst()), solveOptimal(inst(false))]) {
      expect(pairsOf(r)).toEqual({ child: 'm2', e2: 'm1' });
      expect(r.objective).toMatchObject({ priorityScore: 80, totalScore: 180 });
    }
  });

  test("the priority children's scores come before mutual choices", () => {
    const r = solveOptimal({ ...inst(true), mutual: [['e2', 'm1']] });
    expect(pairsOf(r)).toEqual({ child: 'm1', e2: 'm2' });
    expect(r.objective.mutualMatched).toBe(0);
    // Without the flag the mutual choice comes before the total, which here agrees with it.
    expect(pairsOf(solveOptimal({ ...inst(false), mutual: [['e2', 'm1']] }))).toEqual({ child: 'm2', e2: 'm1' });
  });
});

// ---------------------------------------------------------------- brute force

interface Tiny {
  inst: MatchingInstance;
}

/** Lexicographic key: matched per level (highest first), [priority score], mutual matched, total. */
function bruteForceKey(inst: MatchingInstance): number[] {
  const levels = Array.from(new Set(inst.mentees.map((e) => e.priority ?? 0))).sort((a, b) => b - a);
  const levelOf = new Map(levels.map((l, i) => [l, i]));
  const score = new Map((inst.scores ?? []).map(([e, m, s]) => [`${e}\u0000${m}`, s]));
  const mutual = new Set((inst.mutual ?? []).map(([e, m]) => `${e}\u0000${m}`));
  const cap = new Map(inst.mentors.map((m) => [m.id, m.capacity ?? 1]));
  const lockedTo = new Map((inst.locked ?? []).map(([e, m]) => [e, m]));
  const key = new Array<number>(levels.length + 3).fill(0);
  const add = (e: { id: string; priority?: number }, m: string, sign: number): void => {
    const k = `${e.id}\u0000${m}`;
    const s = q(score.get(k) ?? 0);
    key[levelOf.get(e.priority ?? 0) as number] += sign;
    if (inst.priorityScores && (e.priority ?? 0) > 0) key[levels.length] += sign * s;
    if (mutual.has(k)) key[levels.length + 1] += sign;
    key[levels.length + 2] += sign * s;
  };
  for (const e of inst.mentees) {
    const m = lockedTo.get(e.id);
    if (m === undefined) continue;
    add(e, m, 1);
    cap.set(m, (cap.get(m) as number) - 1);
  }
  const free = inst.mentees.filter((e) => !lockedTo.has(e.id));
  let best: number[] | null = null;
  const go = (i: number): void => {
    if (i === free.length) {
      const at = best === null ? -1 : key.findIndex((x, k) => x !== (best as number[])[k]);
      if (best === null || (at !== -1 && key[at] > best[at])) best = [...key];
      return;
    }
    go(i + 1);
    for (const m of inst.mentors) {
      if ((cap.get(m.id) as number) <= 0 || !score.has(`${free[i].id}\u0000${m.id}`)) continue;
      cap.set(m.id, (cap.get(m.id) as number) - 1);
      add(free[i], m.id, 1);
      go(i + 1);
      add(free[i], m.id, -1);
      cap.set(m.id, (cap.get(m.id) as number) + 1);
    }
  };
  go(0);
  return best as unknown as number[];
}

const keyOfResult = (inst: MatchingInstance, r: MatchResult): number[] =>
  bruteForceKey({
    ...inst,
    locked: r.pairs.map((p) => [p.mentee, p.mentor]),
    mentors: inst.mentors.map((m) => ({ ...m, capacity: r.pairs.filter((p) => p.mentor === m.id).length })),
  });

/** Up to 7 mentees × 4 mentors, capacities 1–2, priorities 0–2, random mutual subsets and flags. */
const tiny: fc.Arbitrary<Tiny> = fc
  .record({
    n: fc.integer({ min: 1, max: 7 }),
    m: fc.integer({ min: 1, max: 4 }),
    caps: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 4, maxLength: 4 }),
    prios: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 7, maxLength: 7 }),
    // -1 = forbidden; otherwise a score, few distinct values so that ties are common
    cells: fc.array(fc.integer({ min: -2, max: 6 }), { minLength: 28, maxLength: 28 }),
    scale: fc.constantFrom(1, 10, 0.1, 7.3),
    mutualCells: fc.array(fc.boolean(), { minLength: 28, maxLength: 28 }),
    locks: fc.array(fc.integer({ min: -6, max: 3 }), { minLength: 7, maxLength: 7 }),
    priorityScores: fc.boolean(),
    withMutual: fc.boolean(),
  })
  .map((x) => {
    const mentees = Array.from({ length: x.n }, (_, i) => ({ id: `e${i}`, priority: x.prios[i] }));
    const mentors = Array.from({ length: x.m }, (_, j) => ({ id: `m${j}`, capacity: x.caps[j] }));
    const scores: ScoreEntry[] = [];
    const mutual: PairIds[] = [];
    for (let i = 0; i < x.n; i++) {
      for (let j = 0; j < x.m; j++) {
        const c = x.cells[i * 4 + j];
        if (c >= 0) scores.push([`e${i}`, `m${j}`, c * x.scale]);
        // Mutual choices of forbidden pairs too: they must be ignored.
        if (x.mutualCells[i * 4 + j] && (c >= 0 || i % 2 === 0)) mutual.push([`e${i}`, `m${j}`]);
      }
    }
    const left = mentors.map((m) => m.capacity);
    const locked: PairIds[] = [];
    for (let i = 0; i < x.n; i++) {
      const j = x.locks[i];
      if (j < 0 || j >= x.m || left[j] === 0 || x.cells[i * 4 + j] < 0) continue;
      left[j]--;
      locked.push([`e${i}`, `m${j}`]);
    }
    const inst: MatchingInstance = { mode: 'optimal', mentees, mentors, scores, locked, priorityScores: x.priorityScores };
    if (x.withMutual) inst.mutual = mutual;
    return { inst };
  });

describe('against brute force', () => {
  test('the result is the lexicographic optimum: counts, priority score, mutual pairs, total', () => {
    fc.assert(
      fc.property(tiny, ({ inst }) => {
        const r = solveOptimal(inst);
        expectValid(inst, r);
        expect(keyOfResult(inst, r)).toEqual(bruteForceKey(inst));
      }),
      { seed: 9090, numRuns: 500 },
    );
  });

  test('the objective reports what the pairs add up to', () => {
    fc.assert(
      fc.property(tiny, ({ inst }) => {
        const r = solveOptimal(inst);
        const score = new Map((inst.scores ?? []).map(([e, m, s]) => [`${e}\u0000${m}`, s]));
        const mutual = new Set((inst.mutual ?? []).map(([e, m]) => `${e}\u0000${m}`));
        const prio = new Map(inst.mentees.map((e) => [e.id, e.priority ?? 0]));
        const sum = (ps: typeof r.pairs): number => ps.reduce((t, p) => t + (score.get(`${p.mentee}\u0000${p.mentor}`) ?? 0), 0);
        expect(r.objective.priorityScore).toBeCloseTo(sum(r.pairs.filter((p) => (prio.get(p.mentee) ?? 0) > 0)), 9);
        expect(r.objective.mutualMatched).toBe(r.pairs.filter((p) => mutual.has(`${p.mentee}\u0000${p.mentor}`)).length);
      }),
      { seed: 9091, numRuns: 200 },
    );
  });

  test('forcing a pair re-solves with the same levels (never better than the optimum)', () => {
    fc.assert(
      fc.property(tiny, fc.nat(), ({ inst }, pick) => {
        const free = (inst.scores ?? []).filter(([e]) => !(inst.locked ?? []).some(([x]) => x === e));
        if (free.length === 0) return;
        const [e, m] = free[pick % free.length];
        const unlocked = { ...inst, locked: [] };
        const c = costOfForcing(unlocked, { forced: [[e, m]] });
        const forced = applyChange(unlocked, { forced: [[e, m]] });
        expect(keyOfResult(forced, c.result)).toEqual(bruteForceKey(forced));
        const a = keyOfResult(inst, c.result);
        const b = bruteForceKey(unlocked);
        const i = a.findIndex((x, k) => x !== b[k]);
        expect(i === -1 || a[i] < b[i]).toBe(true);
      }),
      { seed: 9092, numRuns: 200 },
    );
  });
});

describe('forcing carries the levels through', () => {
  const inst: MatchingInstance = {
    mode: 'optimal',
    mentees: [{ id: 'child', priority: 1 }, { id: 'e2' }, { id: 'e3' }],
    mentors: [{ id: 'm1' }, { id: 'm2', capacity: 2 }],
    scores: [
      ['child', 'm1', 90],
      ['child', 'm2', 80],
      ['e2', 'm1', 100],
      ['e2', 'm2', 60],
      ['e3', 'm2', 50],
      ['e3', 'm1', 55],
    ],
    mutual: [
      ['e3', 'm2'],
      ['e3', 'm1'],
    ],
    priorityScores: true,
  };

  test('applyChange keeps the flag and the mutual choices that are not rejected', () => {
    const changed = applyChange(inst, { rejected: [['e3', 'm1']], forced: [['e2', 'm1']] });
    expect(changed.priorityScores).toBe(true);
    expect(changed.mutual).toEqual([['e3', 'm2']]);
    expect(applyChange({ ...inst, mutual: undefined }, {}).mutual).toBeUndefined();
  });

  test('costOfForcing reports what a change costs on each level', () => {
    const base = solveOptimal(inst);
    expect(pairsOf(base)).toEqual({ child: 'm1', e2: 'm2', e3: 'm2' });
    const c = costOfForcing(inst, { forced: [['e2', 'm1']] }, base);
    // The child moves to m2 (80) and e3 keeps its mutual m2.
    expect(pairsOf(c.result)).toEqual({ child: 'm2', e2: 'm1', e3: 'm2' });
    expect(c.delta).toEqual({ matched: 0, matchedByPriority: { '0': 0, '1': 0 }, totalScore: 30, priorityScore: -10, mutualMatched: 0 });
    const r = costOfForcing(inst, { rejected: [['e3', 'm2']] }, base);
    expect(r.delta.mutualMatched).toBe(0);
    expect(pairsOf(r.result)).toEqual({ child: 'm2', e2: 'm2', e3: 'm1' });
  });

  test('alternatives mark mutual choices', () => {
    const alt = alternatives(inst, solveOptimal(inst));
    expect(alt.e3).toEqual([{ mentor: 'm1', score: 55, scoreDelta: 5, freePlaces: 0, mutual: true }]);
    expect(alt.child[0]).toMatchObject({ mentor: 'm2', mutual: false });
  });
});

describe('instances that do not use the levels', () => {
  test('"mutual": [] and "priorityScores": false give exactly the same result (300 × 60)', () => {
    const inst = randomInstance(4242, { mentees: 300, mentors: 60, maxCapacity: 5, density: 0.3, levels: 3, grid: 100, lockedShare: 0.05 });
    const plain = JSON.stringify(solve(inst));
    expect(JSON.stringify(solve({ ...inst, mutual: [] }))).toBe(plain);
    expect(JSON.stringify(solve({ ...inst, priorityScores: false }))).toBe(plain);
    expect(JSON.stringify(solve({ ...inst, mutual: [], priorityScores: false }))).toBe(plain);
    // With priorityScores but nobody of priority > 0 free, or mutual choices only of forbidden pairs.
    const flat = { ...inst, mentees: inst.mentees.map((e) => ({ id: e.id })) };
    const scored = new Set((inst.scores ?? []).map(([e, m]) => `${e}\u0000${m}`));
    const forbidden = inst.mentees.flatMap((e) => inst.mentors.map((m): PairIds => [e.id, m.id])).filter(([e, m]) => !scored.has(`${e}\u0000${m}`));
    expect(JSON.stringify(solve({ ...flat, priorityScores: true }))).toBe(JSON.stringify(solve(flat)));
    expect(JSON.stringify(solve({ ...inst, mutual: forbidden.slice(0, 50) }))).toBe(plain);
  });

  test('a larger instance with both levels stays exact and valid; the grid it used is reported', () => {
    // 1,200 mentees with scores up to 1,000: one stage fits the 1e-6 grid, a later score stage needs 1e-5.
    const inst = randomInstance(77, { mentees: 1200, mentors: 150, maxCapacity: 10, density: 0.05, levels: 3, grid: 1000 });
    inst.scores = (inst.scores ?? []).map(([e, m, s]) => [e, m, s * 1000]);
    expect(solveOptimal(inst).objective.scoreQuantum).toBe(1e-6);
    const mutual: PairIds[] = (inst.scores ?? []).filter((_, k) => k % 7 === 0).map(([e, m]) => [e, m]);
    const both = { ...inst, mutual, priorityScores: true };
    const r = solveOptimal(both);
    expectValid(both, r);
    expect(r.objective.scoreQuantum).toBeCloseTo(1e-5, 20);
    const plain = solveOptimal(inst);
    expect(r.objective.matchedByPriority).toEqual(plain.objective.matchedByPriority);
    expect(r.objective.priorityScore).toBeGreaterThanOrEqual(plain.objective.priorityScore);
    expect(r.objective.mutualMatched).toBeGreaterThan(plain.objective.mutualMatched);
    expect(r.objective.totalScore).toBeLessThanOrEqual(plain.objective.totalScore);
  });
});

describe('validation of the new fields', () => {
  const base = (): Record<string, unknown> => ({
    mode: 'optimal',
    mentees: [{ id: 'e1' }],
    mentors: [{ id: 'm1' }],
    scores: [['e1', 'm1', 1]],
  });
  const failure = (extra: Record<string, unknown>): MatchingInputError => {
    try {
      prepareInstance({ ...base(), ...extra });
    } catch (e) {
      expect(e).toBeInstanceOf(MatchingInputError);
      return e as MatchingInputError;
    }
    throw new Error('no error');
  };
  const ru = (e: MatchingInputError): string => matchingMessage(e.code, e.params, 'ru');

  test.each<[string, Record<string, unknown>, string, string]>([
    ['mutual not an array', { mutual: { e1: 'm1' } }, 'badMutual', 'mutual (взаимные выборы) должен быть списком пар ["ID наставляемого", "ID наставника"], а указано {"e1":"m1"}'],
    ['a mutual entry of three', { mutual: [['e1', 'm1', 1]] }, 'badMutualPair', 'mutual[0]: взаимный выбор должен быть парой ["ID наставляемого", "ID наставника"]'],
    ['a mutual entry that is a string', { mutual: ['e1'] }, 'badMutualPair', 'mutual[0]: взаимный выбор должен быть парой ["ID наставляемого", "ID наставника"]'],
    ['an unknown mentee', { mutual: [['zz', 'm1']] }, 'unknownMutualMentee', 'mutual[0]: во взаимном выборе указан неизвестный наставляемый «zz»'],
    ['an unknown mentor', { mutual: [['e1', 7]] }, 'unknownMutualMentor', 'mutual[0]: во взаимном выборе указан неизвестный наставник «7»'],
    [
      'a pair listed twice',
      {
        mutual: [
          ['e1', 'm1'],
          ['e1', 'm1'],
        ],
      },
      'duplicateMutual',
      'mutual[1]: взаимный выбор e1–m1 указан больше одного раза',
    ],
    ['priorityScores not a boolean', { priorityScores: 'yes' }, 'badPriorityScores', 'priorityScores (сначала баллы приоритетных наставляемых) должен быть true или false, а указано "yes"'],
    ['priorityScores as a number', { priorityScores: 1 }, 'badPriorityScores', 'priorityScores (сначала баллы приоритетных наставляемых) должен быть true или false, а указано 1'],
  ])('%s', (_name, extra, code, message) => {
    const e = failure(extra);
    expect(e.code).toBe(code);
    expect(ru(e)).toBe(message);
  });

  test('stable mode validates them too; well-formed fields pass in both modes', () => {
    expect(() => prepareInstance({ ...base(), mode: 'stable', mutual: [['e1', 'x']] })).toThrow(MatchingInputError);
    for (const mode of ['optimal', 'stable']) {
      expect(() => prepareInstance({ ...base(), mode, mutual: [], priorityScores: true })).not.toThrow();
    }
  });
});

/** Published instances whose answers are known (and re-derived by hand in the comments). */
import { countBlockingPairs, findBlockingPairs, MatchingInstance, MatchResult, solve, solveOptimal, solveStable } from '../../../src/core/matching';
import { expectValid } from './helpers';

const pairsOf = (r: MatchResult): Record<string, string> => Object.fromEntries(r.pairs.map((p) => [p.mentee, p.mentor]));

/** Gale & Shapley (1962), example 1: a ranking matrix (man's rank of woman, woman's rank of man). */
const GS_MATRIX: Array<Array<[number, number]>> = [
  /*        A       B       C   */
  /* α */ [
    [1, 3],
    [2, 2],
    [3, 1],
  ],
  /* β */ [
    [3, 1],
    [1, 3],
    [2, 2],
  ],
  /* γ */ [
    [2, 2],
    [3, 1],
    [1, 3],
  ],
];
const MEN = ['alpha', 'beta', 'gamma'];
const WOMEN = ['A', 'B', 'C'];

function gsInstance(menPropose: boolean): MatchingInstance {
  const manList = (i: number) => WOMEN.slice().sort((a, b) => GS_MATRIX[i][WOMEN.indexOf(a)][0] - GS_MATRIX[i][WOMEN.indexOf(b)][0]);
  const womanList = (j: number) => MEN.slice().sort((a, b) => GS_MATRIX[MEN.indexOf(a)][j][1] - GS_MATRIX[MEN.indexOf(b)][j][1]);
  const men = Object.fromEntries(MEN.map((m, i) => [m, manList(i)]));
  const women = Object.fromEntries(WOMEN.map((w, j) => [w, womanList(j)]));
  return menPropose
    ? { mode: 'stable', mentees: MEN.map((id) => ({ id })), mentors: WOMEN.map((id) => ({ id, capacity: 1 })), menteePrefs: men, mentorPrefs: women }
    : { mode: 'stable', mentees: WOMEN.map((id) => ({ id })), mentors: MEN.map((id) => ({ id, capacity: 1 })), menteePrefs: women, mentorPrefs: men };
}

describe('stable mode on published instances', () => {
  test('Gale–Shapley 1962 example 1: the proposing side gets its first choices', () => {
    // Men proposing: every man's first choice is a different woman, so α–A, β–B, γ–C.
    const men = solveStable(gsInstance(true));
    expect(pairsOf(men)).toEqual({ alpha: 'A', beta: 'B', gamma: 'C' });
    expect(men.blockingPairs).toBe(0);
    // Women proposing: A ranks β first, B ranks γ first, C ranks α first.
    const women = solveStable(gsInstance(false));
    expect(pairsOf(women)).toEqual({ A: 'beta', B: 'gamma', C: 'alpha' });
    expect(women.blockingPairs).toBe(0);
    // "There are six possible sets of marriages; of these three are stable."
    const perms = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    const stable = perms.filter(
      (perm) =>
        countBlockingPairs(
          gsInstance(true),
          MEN.map((m, i) => ({ mentee: m, mentor: WOMEN[perm[i]] })),
        ) === 0,
    );
    expect(stable).toEqual([
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ]);
  });

  test('UC Berkeley CS70 note 4 (Alex, Bob, Charles / Anita, Bridget, Christine): proposer-optimal both ways', () => {
    const menPrefs = { Alex: ['Anita', 'Bridget', 'Christine'], Bob: ['Bridget', 'Anita', 'Christine'], Charles: ['Anita', 'Bridget', 'Christine'] };
    const womenPrefs = { Anita: ['Bob', 'Alex', 'Charles'], Bridget: ['Alex', 'Bob', 'Charles'], Christine: ['Alex', 'Bob', 'Charles'] };
    const men = Object.keys(menPrefs).map((id) => ({ id }));
    const women = Object.keys(womenPrefs).map((id) => ({ id, capacity: 1 }));
    const byMen = solveStable({ mode: 'stable', mentees: men, mentors: women, menteePrefs: menPrefs, mentorPrefs: womenPrefs });
    // Charles is rejected by Anita (for Alex) and by Bridget (for Bob).
    expect(pairsOf(byMen)).toEqual({ Alex: 'Anita', Bob: 'Bridget', Charles: 'Christine' });
    const byWomen = solveStable({
      mode: 'stable',
      mentees: women.map(({ id }) => ({ id })),
      mentors: men.map(({ id }) => ({ id, capacity: 1 })),
      menteePrefs: womenPrefs,
      mentorPrefs: menPrefs,
    });
    // Alex keeps Bridget over Christine; Bob keeps Anita over Christine; Christine ends with Charles.
    expect(pairsOf(byWomen)).toEqual({ Anita: 'Bob', Bridget: 'Alex', Christine: 'Charles' });
  });

  // daffidwilde/matching, docs/discussion/hospital_resident/example.rst: five residents, three
  // hospitals with two places each; the stable matching is both resident- and hospital-optimal.
  const HR: MatchingInstance = {
    mode: 'stable',
    mentees: ['A', 'S', 'D', 'J', 'L'].map((id) => ({ id })),
    mentors: ['M', 'C', 'G'].map((id) => ({ id, capacity: 2 })),
    menteePrefs: { A: ['C'], S: ['C', 'M'], D: ['C', 'M', 'G'], J: ['C', 'G', 'M'], L: ['M', 'C', 'G'] },
    mentorPrefs: { M: ['D', 'L', 'S', 'J'], C: ['D', 'A', 'S', 'L', 'J'], G: ['D', 'J', 'L'] },
  };

  test('hospital/residents example from the matching library docs', () => {
    const r = solveStable(HR);
    expect(pairsOf(r)).toEqual({ A: 'C', S: 'M', D: 'C', J: 'G', L: 'M' });
    expect(r.blockingPairs).toBe(0);
    expect(r.unmatched).toEqual([]);
    expectValid(HR, r);
  });

  test('its "unstable" matching has exactly the one blocking pair the docs name: (Luc, Mercy)', () => {
    const unstable = [
      { mentee: 'A', mentor: 'C' },
      { mentee: 'D', mentor: 'C' },
      { mentee: 'S', mentor: 'M' },
      { mentee: 'L', mentor: 'G' },
      { mentee: 'J', mentor: 'G' },
    ];
    expect(findBlockingPairs(HR, unstable)).toEqual([{ mentee: 'L', mentor: 'M' }]);
  });

  test('locked pairs take capacity first and never move', () => {
    // Lock J at C: C keeps J and has one place left, which D (C's favourite) takes; A loses C.
    const r = solveStable({ ...HR, locked: [['J', 'C']] });
    expect(pairsOf(r)).toEqual({ D: 'C', J: 'C', S: 'M', L: 'M' });
    expect(r.unmatched).toEqual(['A']);
    expect(r.pairs.find((p) => p.mentee === 'J')?.locked).toBe(true);
    expect(r.blockingPairs).toBe(0);
  });
});

/** A cost matrix as an optimal-mode instance: score = max cost − cost, every pair allowed. */
function fromCosts(costs: number[][], capacity = 1): MatchingInstance {
  const top = Math.max(...costs.flat());
  return {
    mode: 'optimal',
    mentees: costs.map((_, i) => ({ id: `r${i}` })),
    mentors: costs[0].map((_, j) => ({ id: `c${j}`, capacity })),
    scores: costs.flatMap((row, i) => row.map((c, j): [string, string, number] => [`r${i}`, `c${j}`, top - c])),
  };
}
const costOf = (costs: number[][], r: MatchResult): number => r.pairs.reduce((sum, p) => sum + costs[+p.mentee.slice(1)][+p.mentor.slice(1)], 0);

describe('optimal mode on assignment matrices with known optimal cost', () => {
  test.each([
    [
      'SciPy linear_sum_assignment docs',
      [
        [4, 1, 3],
        [2, 0, 5],
        [3, 2, 2],
      ],
      5,
    ],
    [
      'munkres-js README',
      [
        [400, 150, 400],
        [400, 450, 600],
        [300, 225, 300],
      ],
      850,
    ],
    [
      'Hungarian algorithm 4×4 worked example',
      [
        [82, 83, 69, 92],
        [77, 37, 49, 92],
        [11, 69, 5, 86],
        [8, 9, 98, 23],
      ],
      140,
    ],
    [
      'all equal (any assignment is optimal)',
      [
        [7, 7],
        [7, 7],
      ],
      14,
    ],
  ])('%s', (_name, costs, optimum) => {
    const inst = fromCosts(costs as number[][]);
    const r = solveOptimal(inst);
    expect(r.pairs).toHaveLength((costs as number[][]).length);
    expect(costOf(costs as number[][], r)).toBe(optimum);
    expectValid(inst, r);
  });

  test('a capacitated instance checked by hand', () => {
    // m1 (2 places) is everyone's favourite; the best total gives it e1 and e3 (largest gains over m2).
    const inst: MatchingInstance = {
      mode: 'optimal',
      mentees: [{ id: 'e1' }, { id: 'e2' }, { id: 'e3' }],
      mentors: [
        { id: 'm1', capacity: 2 },
        { id: 'm2', capacity: 1 },
      ],
      scores: [
        ['e1', 'm1', 0.9],
        ['e1', 'm2', 0.1],
        ['e2', 'm1', 0.8],
        ['e2', 'm2', 0.7],
        ['e3', 'm1', 0.6],
        ['e3', 'm2', 0.0],
      ],
    };
    const r = solveOptimal(inst);
    expect(pairsOf(r)).toEqual({ e1: 'm1', e2: 'm2', e3: 'm1' });
    expect(r.objective.totalScore).toBeCloseTo(2.2, 12);
  });

  test('priority dominates any score: a vulnerable mentee beats a huge score', () => {
    const inst: MatchingInstance = {
      mode: 'optimal',
      mentees: [
        { id: 'low', priority: 0 },
        { id: 'high', priority: 1 },
      ],
      mentors: [{ id: 'm', capacity: 1 }],
      scores: [
        ['low', 'm', 1e15],
        ['high', 'm', 0],
      ],
    };
    const r = solveOptimal(inst);
    expect(pairsOf(r)).toEqual({ high: 'm' });
    expect(r.objective.matchedByPriority).toEqual({ '0': 0, '1': 1 });
    // The score grid coarsened to keep integers exact, and said so.
    expect(r.objective.scoreQuantum).toBeGreaterThan(1e-6);
  });

  test('sixty priority levels (a weighted sum would need weights far beyond 2^53)', () => {
    // A chain: mentee k may take mentor k or k+1; the top level must be matched first.
    const L = 60;
    const mentees = Array.from({ length: L }, (_, k) => ({ id: `e${k}`, priority: k }));
    const mentors = Array.from({ length: L - 1 }, (_, k) => ({ id: `m${k}`, capacity: 1 }));
    const scores: Array<[string, string, number]> = [];
    for (let k = 0; k < L; k++) {
      if (k > 0) scores.push([`e${k}`, `m${k - 1}`, 1]);
      if (k < L - 1) scores.push([`e${k}`, `m${k}`, 0.5]);
    }
    const r = solveOptimal({ mode: 'optimal', mentees, mentors, scores });
    // 59 places for 60 mentees: the lowest level (priority 0) is the one left out.
    expect(r.unmatched).toEqual(['e0']);
    expect(r.objective.totalScore).toBe(59);
  });

  test('mode dispatch and determinism: the same input gives the same output, byte for byte', () => {
    const inst = fromCosts([
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ]);
    expect(JSON.stringify(solve(inst))).toBe(JSON.stringify(solve(JSON.parse(JSON.stringify(inst)))));
    expect(solve({ ...inst, mode: 'stable' }).mode).toBe('stable');
  });
});

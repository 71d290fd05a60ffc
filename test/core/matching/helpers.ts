/**
 * Independent references for the matcher's tests: brute force on tiny instances, a naive
 * blocking-pair check, random instances, and SciPy's linear_sum_assignment on the slot-expanded
 * matrix (run through python3; tests skip when SciPy is missing).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import type { MatchingInstance, MatchResult, PairIds, ScoreEntry } from '../../../src/core/matching';
import { prng } from '../../../local/demo/random';

export { prng };

export const QUANTUM = 1e-6;
export const q = (s: number): number => Math.round(s / QUANTUM);

/** Validity every result must have: capacities, allowed pairs, locked pairs present. */
export function expectValid(inst: MatchingInstance, result: MatchResult): void {
  const allowed = new Map<string, number>();
  for (const [e, m, s] of inst.scores ?? []) allowed.set(`${e}\u0000${m}`, s);
  const load = new Map<string, number>();
  const seen = new Set<string>();
  for (const p of result.pairs) {
    expect(seen.has(p.mentee)).toBe(false);
    seen.add(p.mentee);
    load.set(p.mentor, (load.get(p.mentor) ?? 0) + 1);
    if (inst.mode === 'optimal' || inst.scores) expect(allowed.has(`${p.mentee}\u0000${p.mentor}`)).toBe(true);
  }
  for (const m of inst.mentors) expect(load.get(m.id) ?? 0).toBeLessThanOrEqual(m.capacity ?? 1);
  const pairs = new Set(result.pairs.map((p) => `${p.mentee}\u0000${p.mentor}`));
  for (const [e, m] of inst.locked ?? []) expect(pairs.has(`${e}\u0000${m}`)).toBe(true);
  // Deterministic order: pairs by mentee input order, unmatched too, and together everyone once.
  const order = new Map(inst.mentees.map((e, i) => [e.id, i]));
  const idx = result.pairs.map((p) => order.get(p.mentee) as number);
  expect([...idx].sort((a, b) => a - b)).toEqual(idx);
  expect(result.pairs.length + result.unmatched.length).toBe(inst.mentees.length);
}

/** Lexicographic key of an assignment: matched per priority level (highest first), then quantised score. */
export function keyOf(inst: MatchingInstance, mentorOf: ReadonlyMap<string, string>): number[] {
  const levels = Array.from(new Set(inst.mentees.map((e) => e.priority ?? 0))).sort((a, b) => b - a);
  const score = new Map((inst.scores ?? []).map(([e, m, s]) => [`${e}\u0000${m}`, s]));
  const key = levels.map((l) => inst.mentees.filter((e) => (e.priority ?? 0) === l && mentorOf.has(e.id)).length);
  let total = 0;
  for (const [e, m] of mentorOf) total += q(score.get(`${e}\u0000${m}`) ?? 0);
  return [...key, total];
}

export const keyOfResult = (inst: MatchingInstance, r: MatchResult): number[] => keyOf(inst, new Map(r.pairs.map((p) => [p.mentee, p.mentor])));

const lexLess = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
};

/** Every valid assignment (each free mentee: nobody or an allowed mentor with room). */
export function allAssignments(inst: MatchingInstance, allowedPair: (e: string, m: string) => boolean): Array<Map<string, string>> {
  const cap = new Map(inst.mentors.map((m) => [m.id, m.capacity ?? 1]));
  const fixed = new Map<string, string>();
  for (const [e, m] of inst.locked ?? []) {
    fixed.set(e, m);
    cap.set(m, (cap.get(m) as number) - 1);
  }
  const free = inst.mentees.filter((e) => !fixed.has(e.id)).map((e) => e.id);
  const out: Array<Map<string, string>> = [];
  const current = new Map(fixed);
  const go = (i: number): void => {
    if (i === free.length) {
      out.push(new Map(current));
      return;
    }
    go(i + 1);
    for (const m of inst.mentors) {
      if ((cap.get(m.id) as number) <= 0 || !allowedPair(free[i], m.id)) continue;
      cap.set(m.id, (cap.get(m.id) as number) - 1);
      current.set(free[i], m.id);
      go(i + 1);
      current.delete(free[i]);
      cap.set(m.id, (cap.get(m.id) as number) + 1);
    }
  };
  go(0);
  return out;
}

export function bruteForceOptimalKey(inst: MatchingInstance): number[] {
  const allowed = new Set((inst.scores ?? []).map(([e, m]) => `${e}\u0000${m}`));
  let best: number[] | null = null;
  for (const a of allAssignments(inst, (e, m) => allowed.has(`${e}\u0000${m}`))) {
    const k = keyOf(inst, a);
    if (!best || lexLess(best, k)) best = k;
  }
  return best as number[];
}

/** Preference lists by the documented rule, written independently of the solver. */
export function listsOf(inst: MatchingInstance): { mentee: Map<string, string[]>; mentor: Map<string, string[]> } {
  const scores = inst.scores ?? [];
  const mentee = new Map<string, string[]>();
  const mentor = new Map<string, string[]>();
  const mentorOrder = new Map(inst.mentors.map((m, i) => [m.id, i]));
  const menteeOrder = new Map(inst.mentees.map((e, i) => [e.id, i]));
  for (const e of inst.mentees) {
    const explicit = inst.menteePrefs?.[e.id];
    const derived = scores
      .filter((s) => s[0] === e.id)
      .sort((a, b) => b[2] - a[2] || (mentorOrder.get(a[1]) as number) - (mentorOrder.get(b[1]) as number))
      .map((s) => s[1]);
    mentee.set(e.id, explicit ?? derived);
  }
  for (const m of inst.mentors) {
    const explicit = inst.mentorPrefs?.[m.id];
    const derived = scores
      .filter((s) => s[1] === m.id)
      .sort((a, b) => b[2] - a[2] || (menteeOrder.get(a[0]) as number) - (menteeOrder.get(b[0]) as number))
      .map((s) => s[0]);
    mentor.set(m.id, explicit ?? derived);
  }
  return { mentee, mentor };
}

/** Blocking pairs by the textbook definition, O(n·m) and obviously right. */
export function naiveBlocking(inst: MatchingInstance, mentorOf: ReadonlyMap<string, string>): PairIds[] {
  const { mentee: ml, mentor: rl } = listsOf(inst);
  const allowed = new Set((inst.scores ?? []).map(([e, m]) => `${e}\u0000${m}`));
  const restricted = inst.mode === 'optimal' || inst.scores !== undefined;
  const lockedTo = new Map((inst.locked ?? []).map(([e, m]) => [e, m]));
  const rank = (list: string[], x: string | undefined): number => {
    const i = x === undefined ? -1 : list.indexOf(x);
    return i === -1 ? Infinity : i;
  };
  const out: PairIds[] = [];
  for (const e of inst.mentees) {
    if (lockedTo.has(e.id)) continue;
    for (const m of inst.mentors) {
      const mine = mentorOf.get(e.id);
      if (mine === m.id) continue;
      const eList = ml.get(e.id) as string[];
      const mList = rl.get(m.id) as string[];
      if (!eList.includes(m.id) || !mList.includes(e.id)) continue;
      if (restricted && !allowed.has(`${e.id}\u0000${m.id}`)) continue;
      if (rank(eList, m.id) >= rank(eList, mine)) continue;
      const held = inst.mentees.filter((x) => mentorOf.get(x.id) === m.id);
      const free = held.length < (m.capacity ?? 1);
      const displaceable = held.filter((x) => lockedTo.get(x.id) !== m.id);
      if (free || displaceable.some((x) => rank(mList, x.id) > rank(mList, e.id))) out.push([e.id, m.id]);
    }
  }
  return out;
}

export interface RandomShape {
  mentees: number;
  mentors: number;
  maxCapacity: number;
  density: number;
  levels: number;
  /** Scores are k / grid for integer k in [0, grid]. */
  grid: number;
  lockedShare?: number;
}

export function randomInstance(seed: number, s: RandomShape): MatchingInstance {
  const r = prng(seed);
  const mentees = Array.from({ length: s.mentees }, (_, i) => ({ id: `e${i}`, priority: Math.floor(r() * s.levels) }));
  const mentors = Array.from({ length: s.mentors }, (_, j) => ({ id: `m${j}`, capacity: Math.floor(r() * (s.maxCapacity + 1)) }));
  const scores: ScoreEntry[] = [];
  for (const e of mentees) for (const m of mentors) if (r() < s.density) scores.push([e.id, m.id, Math.floor(r() * (s.grid + 1)) / s.grid]);
  const locked: PairIds[] = [];
  const left = new Map(mentors.map((m) => [m.id, m.capacity]));
  const done = new Set<string>();
  for (const [e, m] of scores) {
    if (done.has(e) || r() >= (s.lockedShare ?? 0) || (left.get(m) as number) === 0) continue;
    left.set(m, (left.get(m) as number) - 1);
    done.add(e);
    locked.push([e, m]);
  }
  return { mode: 'optimal', mentees, mentors, scores, locked };
}

/** fast-check arbitrary of tiny instances (valid by construction) for brute force. */
export function tinyInstance(opts: { maxMentees?: number; maxMentors?: number; prefs?: boolean } = {}): fc.Arbitrary<MatchingInstance> {
  const N = opts.maxMentees ?? 6;
  const M = opts.maxMentors ?? 3;
  return fc
    .record({
      n: fc.integer({ min: 0, max: N }),
      m: fc.integer({ min: 0, max: M }),
      caps: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: M, maxLength: M }),
      prios: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: N, maxLength: N }),
      // -1 = forbidden, else a score in tenths (many ties on purpose)
      cells: fc.array(fc.integer({ min: -2, max: 5 }), { minLength: N * M, maxLength: N * M }),
      locks: fc.array(fc.integer({ min: -3, max: M - 1 }), { minLength: N, maxLength: N }),
      withScores: fc.boolean(),
      menteeOrder: fc.array(fc.array(fc.integer({ min: 0, max: M - 1 }), { maxLength: M }), { minLength: N, maxLength: N }),
      mentorOrder: fc.array(fc.array(fc.integer({ min: 0, max: N - 1 }), { maxLength: N }), { minLength: M, maxLength: M }),
      explicitShare: fc.integer({ min: 0, max: 2 }),
    })
    .map((x) => {
      const mentees = Array.from({ length: x.n }, (_, i) => ({ id: `e${i}`, priority: x.prios[i] }));
      const mentors = Array.from({ length: x.m }, (_, j) => ({ id: `m${j}`, capacity: x.caps[j] }));
      const scores: ScoreEntry[] = [];
      for (let i = 0; i < x.n; i++) for (let j = 0; j < x.m; j++) if (x.cells[i * M + j] >= 0) scores.push([`e${i}`, `m${j}`, x.cells[i * M + j] / 10]);
      const inst: MatchingInstance = { mode: 'optimal', mentees, mentors, scores };
      const allowed = new Set(scores.map(([e, m]) => `${e}\u0000${m}`));
      if (opts.prefs) {
        inst.mode = 'stable';
        if (!x.withScores) delete inst.scores;
        const uniq = (a: number[]): number[] => Array.from(new Set(a));
        inst.menteePrefs = {};
        inst.mentorPrefs = {};
        for (let i = 0; i < x.n; i++) {
          if (x.withScores && (i + x.explicitShare) % 3 === 0) continue; // some lists derived from scores
          inst.menteePrefs[`e${i}`] = uniq(x.menteeOrder[i].filter((j) => j < x.m)).map((j) => `m${j}`);
        }
        for (let j = 0; j < x.m; j++) {
          if (x.withScores && (j + x.explicitShare) % 2 === 0) continue;
          inst.mentorPrefs[`m${j}`] = uniq(x.mentorOrder[j].filter((i) => i < x.n)).map((i) => `e${i}`);
        }
      }
      const left = mentors.map((m) => m.capacity);
      const locked: PairIds[] = [];
      for (let i = 0; i < x.n; i++) {
        const j = x.locks[i];
        if (j < 0 || j >= x.m || left[j] === 0) continue;
        if (inst.scores && !allowed.has(`e${i}\u0000m${j}`)) continue;
        left[j]--;
        locked.push([`e${i}`, `m${j}`]);
      }
      inst.locked = locked;
      return inst;
    });
}

// ---------------------------------------------------------------- SciPy

let scipyChecked: boolean | undefined;
export function hasScipy(): boolean {
  if (scipyChecked === undefined) {
    const r = spawnSync('python3', ['-c', 'import scipy, numpy'], { encoding: 'utf8' });
    scipyChecked = r.status === 0;
  }
  return scipyChecked;
}

const SCIPY_CHECK = `
import json, sys
import numpy as np
from scipy.optimize import linear_sum_assignment

def solve(inst):
    locked = {e: m for e, m in inst.get('locked', [])}
    cap = {m['id']: m.get('capacity', 1) for m in inst['mentors']}
    for e, m in locked.items():
        cap[m] -= 1
    free = [e for e in inst['mentees'] if e['id'] not in locked]
    n = len(free)
    slots = [m['id'] for m in inst['mentors'] for _ in range(max(0, min(cap[m['id']], n)))]
    levels = sorted({e.get('priority', 0) for e in free})
    # Priority by cost offsets: one more match at a level outweighs everything below it.
    weight, w = {}, float(n + 1)
    for l in levels:
        weight[l] = w
        w *= (n + 1) * 2
    score = {(e, m): s for e, m, s in inst.get('scores', [])}
    row = {e['id']: i for i, e in enumerate(free)}
    cols = len(slots) + n  # mentor slots, then one "unmatched" column per mentee
    c = np.full((n, cols), np.inf)
    for i, e in enumerate(free):
        c[i, len(slots) + i] = 0.0
        for k, m in enumerate(slots):
            s = score.get((e['id'], m))
            if s is not None:
                c[i, k] = -(weight[e.get('priority', 0)] + s)
    r, k = linear_sum_assignment(c)
    pairs = {e: m for e, m in locked.items()}
    for i, kk in zip(r, k):
        if kk < len(slots):
            pairs[free[i]['id']] = slots[kk]
    return pairs

out = [solve(inst) for inst in json.load(sys.stdin)]
json.dump(out, sys.stdout)
`;

/** SciPy's optimal assignment of each instance (mentee -> mentor), via the slot-expanded matrix. */
export function scipyAssignments(instances: MatchingInstance[]): Array<Record<string, string>> {
  const file = path.join(os.tmpdir(), `scipy-check-${process.pid}.py`);
  fs.writeFileSync(file, SCIPY_CHECK);
  try {
    const r = spawnSync('python3', [file], { input: JSON.stringify(instances), encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as Array<Record<string, string>>;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

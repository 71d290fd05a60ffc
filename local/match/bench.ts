/**
 * The matcher against its peers on the same seeded instances (npm run bench puts the rows into
 * out/bench.json under "matching"; bench-main.ts runs it alone and prints a table).
 *
 * Peers solve the slot-expanded square matrix (mentor j repeated capacity times): cost 1 − score
 * for an allowed pair, BIG = mentees + 2 for a forbidden one, so minimising the cost maximises the
 * number matched, then the score — the same objective as ours with a single priority level. A
 * peer's assignment to a forbidden slot counts as unmatched.
 *
 * In-process rows time only the solve call on prepared input already in memory: the prebuilt
 * matrix for the peers, the validated and indexed instance for ours (building either is not in
 * that row; ours has its own "ours: validate+index" row, from parsed JSON); on the
 * first instance every in-process solver gets the same untimed warm-up runs. Whole-
 * process rows time spawn + read + parse + solve + print, ours (`node .build/match.cjs file`) and
 * SciPy (a python3 script reading the same file) alike.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import munkres from 'munkres';
import { MatchingInstance, MatchResult, PairIds, prepareInstance, ScoreEntry, solveOptimal, solveStable } from '../../src/core/matching';
import { prng } from '../demo/random';

/**
 * One solver on one instance (a flat row of out/bench.json "matching").
 * - instance: name; mentees, mentors, capacity (each mentor's), density (allowed pairs / all pairs)
 * - solver: "ours", "ours: validate+index", "ours (priorities+locked)", "ours stable", "munkres",
 *   "munkres-js", "linear-sum-assignment", "scipy"
 * - scope: "in-process" (solve call only) or "whole-process" (spawn to exit)
 * - ms: best of `runs`; null when skipped (then `skipped` says why)
 * - matched, objective: mentees matched and total score of the solver's assignment
 * - agreesWithOurs: same matched count and total score (±1e-6) as ours on the same instance
 * - ratioToOurs: ms / ours' ms in the same scope (> 1 = slower than ours)
 */
export interface MatchingBenchRow {
  instance: string;
  mentees: number;
  mentors: number;
  capacity: number;
  density: number;
  solver: string;
  scope: 'in-process' | 'whole-process';
  ms: number | null;
  runs: number;
  matched: number | null;
  objective: number | null;
  agreesWithOurs: boolean | null;
  ratioToOurs: number | null;
  skipped?: string;
}

export interface MatchingBenchOptions {
  /** Path of the built CLI; whole-process rows for ours are skipped when it is missing. */
  matchCli?: string;
  /** Progress lines (to stderr by default). */
  log?: (line: string) => void;
  /** Only the smallest instance, one run each (a smoke test). */
  quick?: boolean;
}

/** Peers whose predicted time exceeds this are skipped (prediction: last measured size, scaled by n³). */
const SKIP_ABOVE_MS = 60_000;

interface Spec {
  name: string;
  mentees: number;
  mentors: number;
  capacity: number;
  /** null = every pair allowed; otherwise each mentee allows [min, max] random mentors. */
  perMentee: [number, number] | null;
  seed: number;
  /** In-process / whole-process runs of ours, and of peers. */
  runs: number;
  peerRuns: number;
  /** Untimed in-process runs first; the JIT then stays warm for the larger instances. */
  warmup: number;
}

const SPECS: Spec[] = [
  { name: 'dense-300x60x5', mentees: 300, mentors: 60, capacity: 5, perMentee: null, seed: 301, runs: 5, peerRuns: 5, warmup: 3 },
  { name: 'dense-2000x400x5', mentees: 2000, mentors: 400, capacity: 5, perMentee: null, seed: 2001, runs: 5, peerRuns: 2, warmup: 0 },
  { name: 'sparse-5000x1000x5', mentees: 5000, mentors: 1000, capacity: 5, perMentee: [20, 40], seed: 5001, runs: 5, peerRuns: 1, warmup: 0 },
];

/** Scores on the 1e-6 grid, so every solver sees the same numbers exactly. */
function generate(spec: Spec, levels = 1): MatchingInstance {
  const r = prng(spec.seed);
  const mentees = Array.from({ length: spec.mentees }, (_, i) => ({ id: `e${i}`, priority: Math.floor(r() * levels) }));
  const mentors = Array.from({ length: spec.mentors }, (_, j) => ({ id: `m${j}`, capacity: spec.capacity }));
  const scores: ScoreEntry[] = [];
  for (let i = 0; i < spec.mentees; i++) {
    if (spec.perMentee === null) {
      for (let j = 0; j < spec.mentors; j++) scores.push([`e${i}`, `m${j}`, Math.round(r() * 1e6) / 1e6]);
      continue;
    }
    const [lo, hi] = spec.perMentee;
    const want = lo + Math.floor(r() * (hi - lo + 1));
    const chosen = new Set<number>();
    while (chosen.size < want) chosen.add(Math.floor(r() * spec.mentors));
    for (const j of chosen) scores.push([`e${i}`, `m${j}`, Math.round(r() * 1e6) / 1e6]);
  }
  return { mode: 'optimal', mentees, mentors, scores };
}

/** Matched count and total score of an assignment given as [mentee index, mentor index] pairs. */
function evaluate(inst: MatchingInstance, pairs: Array<[number, number]>): { matched: number; objective: number } {
  const m = inst.mentors.length;
  const score = new Map<number, number>();
  for (const [e, j, s] of inst.scores ?? []) score.set(+e.slice(1) * m + +j.slice(1), s);
  let matched = 0;
  let objective = 0;
  for (const [e, j] of pairs) {
    const s = score.get(e * m + j);
    if (s === undefined) continue;
    matched++;
    objective += s;
  }
  return { matched, objective };
}

const ofResult = (inst: MatchingInstance, r: MatchResult) =>
  evaluate(
    inst,
    r.pairs.map((p): [number, number] => [+p.mentee.slice(1), +p.mentor.slice(1)]),
  );

/** The slot-expanded square cost matrix and the mentor of each column. */
function slotMatrix(inst: MatchingInstance): { matrix: number[][]; slotMentor: Int32Array } {
  const n = inst.mentees.length;
  const slots: number[] = [];
  inst.mentors.forEach((mentor, j) => {
    for (let c = 0; c < Math.min(mentor.capacity ?? 1, n); c++) slots.push(j);
  });
  const first = new Int32Array(inst.mentors.length).fill(-1);
  slots.forEach((j, k) => (first[j] === -1 ? (first[j] = k) : 0));
  const big = n + 2;
  const matrix: number[][] = Array.from({ length: n }, () => new Array<number>(slots.length).fill(big));
  for (const [e, j, s] of inst.scores ?? []) {
    const row = matrix[+e.slice(1)];
    const jj = +j.slice(1);
    for (let k = first[jj]; k < slots.length && slots[k] === jj; k++) row[k] = 1 - s;
  }
  return { matrix, slotMentor: Int32Array.from(slots) };
}

/**
 * Best of `runs` timed calls, after `warmup` untimed ones (JIT warm-up, the same for every solver).
 * One full collection before the batch clears the previous solver's garbage; none between runs,
 * where a forced collection would also discard optimised code that a real run keeps.
 */
function best<T>(runs: number, f: () => T, warmup = 0): { ms: number; value: T } {
  let ms = Infinity;
  let value: T | undefined;
  (globalThis as { gc?: () => void }).gc?.();
  for (let k = 0; k < warmup; k++) f();
  for (let k = 0; k < runs; k++) {
    const t0 = process.hrtime.bigint();
    value = f();
    ms = Math.min(ms, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms, value: value as T };
}

const SCIPY_SCRIPT = `
import json, sys, time
import numpy as np
from scipy.optimize import linear_sum_assignment
inst = json.load(open(sys.argv[1]))
n = len(inst['mentees'])
row = {e['id']: i for i, e in enumerate(inst['mentees'])}
col = {m['id']: j for j, m in enumerate(inst['mentors'])}
caps = np.array([min(m.get('capacity', 1), n) for m in inst['mentors']], dtype=np.int64)
first = np.concatenate(([0], np.cumsum(caps)[:-1]))
S = int(caps.sum())
ri = np.fromiter((row[e] for e, _, _ in inst['scores']), dtype=np.int64)
ji = np.fromiter((col[m] for _, m, _ in inst['scores']), dtype=np.int64)
sc = np.fromiter((s for _, _, s in inst['scores']), dtype=np.float64)
# Slot expansion: every allowed pair fills all of its mentor's slots.
reps = caps[ji]
rows = np.repeat(ri, reps)
within = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
cols = np.repeat(first[ji], reps) + within
cost = np.full((n, S), float(n + 2))
cost[rows, cols] = np.repeat(1.0 - sc, reps)
slot_mentor = np.repeat(np.arange(len(caps)), caps)
t0 = time.perf_counter()
r, c = linear_sum_assignment(cost)
solve_ms = (time.perf_counter() - t0) * 1000
json.dump({'solveMs': solve_ms, 'pairs': [[int(a), int(slot_mentor[b])] for a, b in zip(r, c)]}, sys.stdout)
`;

function hasScipy(): boolean {
  return spawnSync('python3', ['-c', 'import scipy, numpy'], { encoding: 'utf8' }).status === 0;
}

export async function runMatchingBench(options: MatchingBenchOptions = {}): Promise<MatchingBenchRow[]> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const cli = options.matchCli ?? path.resolve('.build/match.cjs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'match-bench-'));
  const scipyScript = path.join(dir, 'scipy_lsa.py');
  fs.writeFileSync(scipyScript, SCIPY_SCRIPT);
  const scipy = hasScipy();
  const { linearSumAssignment } = await import('linear-sum-assignment');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- munkres-js ships no types and no ESM
  const munkresJs = require('munkres-js') as (cost: number[][]) => number[][];
  const rows: MatchingBenchRow[] = [];
  const lastMs = new Map<string, { n: number; ms: number }>();

  try {
    for (const spec of options.quick ? SPECS.slice(0, 1) : SPECS) {
      const inst = generate(spec);
      const allowed = inst.scores?.length ?? 0;
      const base = {
        instance: spec.name,
        mentees: spec.mentees,
        mentors: spec.mentors,
        capacity: spec.capacity,
        density: Math.round((allowed / (spec.mentees * spec.mentors)) * 1e4) / 1e4,
      };
      const runs = options.quick ? 1 : spec.runs;
      const peerRuns = options.quick ? 1 : spec.peerRuns;
      log(`matching bench: ${spec.name} (${allowed} allowed pairs)`);

      // Ours, in process (validation + solve + blocking-pair report).
      const warmup = options.quick ? 0 : spec.warmup;
      // Like the peers' prebuilt matrix, ours starts from its prepared (validated, indexed) input;
      // preparing it from the parsed JSON is timed in a row of its own.
      const prep = best(runs, () => prepareInstance(inst), warmup);
      const prepared = prep.value;
      const ours = best(runs, () => solveOptimal(prepared), warmup);
      const mine = ofResult(inst, ours.value);
      const row = (solver: string, scope: MatchingBenchRow['scope'], ms: number | null, n: number, got?: { matched: number; objective: number }, skipped?: string): void => {
        const ref = rows.find((x) => x.instance === spec.name && x.solver === 'ours' && x.scope === scope);
        rows.push({
          ...base,
          solver,
          scope,
          ms: ms === null ? null : Math.round(ms * 100) / 100,
          runs: ms === null ? 0 : n,
          matched: got?.matched ?? null,
          objective: got ? Math.round(got.objective * 1e6) / 1e6 : null,
          agreesWithOurs: got ? got.matched === mine.matched && Math.abs(got.objective - mine.objective) <= 1e-6 : null,
          ratioToOurs: ms !== null && ref?.ms ? Math.round((ms / ref.ms) * 100) / 100 : ms !== null && solver === 'ours' ? 1 : null,
          ...(skipped ? { skipped } : {}),
        });
      };
      row('ours', 'in-process', ours.ms, runs, mine);
      row('ours: validate+index', 'in-process', prep.ms, runs);
      rows[rows.length - 1].ratioToOurs = null;

      // Whole process: ours and SciPy read the same file.
      const file = path.join(dir, `${spec.name}.json`);
      fs.writeFileSync(file, JSON.stringify(inst));
      if (fs.existsSync(cli)) {
        let got: { matched: number; objective: number } | undefined;
        const t = best(runs, () => spawnSync(process.execPath, [cli, file], { encoding: 'utf8', maxBuffer: 1 << 30 }));
        if (t.value.status === 0) got = ofResult(inst, JSON.parse(t.value.stdout) as MatchResult);
        row('ours', 'whole-process', t.value.status === 0 ? t.ms : null, runs, got, t.value.status === 0 ? undefined : `exit ${t.value.status}: ${t.value.stderr}`);
      } else {
        row('ours', 'whole-process', null, 0, undefined, `${cli} not built (run node build.mjs)`);
      }
      if (scipy) {
        let solveMs = Infinity;
        let got: { matched: number; objective: number } | undefined;
        const t = best(peerRuns, () => {
          const r = spawnSync('python3', [scipyScript, file], { encoding: 'utf8', maxBuffer: 1 << 30 });
          if (r.status !== 0) throw new Error(`scipy failed: ${r.stderr}`);
          const out = JSON.parse(r.stdout) as { solveMs: number; pairs: Array<[number, number]> };
          solveMs = Math.min(solveMs, out.solveMs);
          got = evaluate(inst, out.pairs);
          return out;
        });
        row('scipy', 'whole-process', t.ms, peerRuns, got);
        row('scipy', 'in-process', solveMs, peerRuns, got);
      } else {
        row('scipy', 'whole-process', null, 0, undefined, 'python3 with scipy and numpy not available');
      }

      // npm peers on the prebuilt slot-expanded matrix.
      const { matrix, slotMentor } = slotMatrix(inst);
      const toPairs = (assignment: Array<[number, number]>) => assignment.map(([e, k]): [number, number] => [e, slotMentor[k]]);
      const peers: Array<[string, () => Array<[number, number]>]> = [
        ['munkres', () => munkres(matrix) as Array<[number, number]>],
        [
          'linear-sum-assignment',
          () => {
            const r = linearSumAssignment(matrix, { maximaze: false });
            const out: Array<[number, number]> = [];
            r.rowAssignments.forEach((k, e) => k >= 0 && out.push([e, k]));
            return out;
          },
        ],
        ['munkres-js', () => munkresJs(matrix) as Array<[number, number]>],
      ];
      for (const [name, solve] of peers) {
        const prev = lastMs.get(name);
        const predicted = prev ? prev.ms * (spec.mentees / prev.n) ** 3 : 0;
        if (predicted > SKIP_ABOVE_MS) {
          row(
            name,
            'in-process',
            null,
            0,
            undefined,
            `predicted ${Math.round(predicted / 1000)} s (> ${SKIP_ABOVE_MS / 1000} s) from ${Math.round(prev?.ms ?? 0)} ms at ${prev?.n} mentees, scaling as n^3`,
          );
          continue;
        }
        log(`matching bench: ${spec.name} ${name}`);
        const t = best(peerRuns, solve, warmup);
        lastMs.set(name, { n: spec.mentees, ms: t.ms });
        row(name, 'in-process', t.ms, peerRuns, evaluate(inst, toPairs(t.value)));
      }

      if (spec.name.startsWith('sparse')) {
        // Ours with what peers cannot express: three priority levels and 5 % locked pairs.
        const rich = generate(spec, 3);
        const taken = new Map<string, number>();
        const locked: PairIds[] = [];
        const lockedMentee = new Set<string>();
        for (const [e, m] of rich.scores ?? []) {
          if (lockedMentee.has(e) || (taken.get(m) ?? 0) >= spec.capacity || locked.length >= spec.mentees / 20) continue;
          if (+e.slice(1) % 20 !== 0) continue;
          taken.set(m, (taken.get(m) ?? 0) + 1);
          lockedMentee.add(e);
          locked.push([e, m]);
        }
        rich.locked = locked;
        const richPrepared = prepareInstance(rich);
        const t = best(runs, () => solveOptimal(richPrepared));
        row('ours (priorities+locked)', 'in-process', t.ms, runs, ofResult(rich, t.value));
        rows[rows.length - 1].agreesWithOurs = null;
      }
      fs.rmSync(file, { force: true });
    }

    if (!options.quick) rows.push(...stableRows(dir, cli, log));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** Stable mode at 10,000 mentees (no npm peer exists for many-to-one stable matching). */
function stableRows(dir: string, cli: string, log: (line: string) => void): MatchingBenchRow[] {
  const n = 10000;
  const m = 2000;
  const cap = 5;
  const r = prng(10001);
  const mentees = Array.from({ length: n }, (_, i) => ({ id: `e${i}`, priority: 0 }));
  const mentors = Array.from({ length: m }, (_, j) => ({ id: `m${j}`, capacity: cap }));
  const scores: ScoreEntry[] = [];
  const menteePrefs: Record<string, string[]> = {};
  for (let i = 0; i < n; i++) {
    const want = 20 + Math.floor(r() * 21);
    const chosen = new Set<number>();
    while (chosen.size < want) chosen.add(Math.floor(r() * m));
    const mine: Array<[string, number]> = [];
    for (const j of chosen) {
      const s = Math.round(r() * 1e6) / 1e6;
      scores.push([`e${i}`, `m${j}`, s]);
      mine.push([`m${j}`, s + r() * 0.3]); // the mentee's own ranking: the score plus taste
    }
    menteePrefs[`e${i}`] = mine.sort((a, b) => b[1] - a[1]).map((x) => x[0]);
  }
  // Mentors' lists are derived from the scores.
  const inst: MatchingInstance = { mode: 'stable', mentees, mentors, scores, menteePrefs };
  log(`matching bench: stable-10000x2000x5 (${scores.length} acceptable pairs)`);
  const base = { instance: 'stable-10000x2000x5', mentees: n, mentors: m, capacity: cap, density: Math.round((scores.length / (n * m)) * 1e4) / 1e4 };
  const t = best(5, () => solveStable(inst));
  const got = { matched: t.value.objective.matched, objective: t.value.objective.totalScore };
  const out: MatchingBenchRow[] = [{ ...base, solver: 'ours stable', scope: 'in-process', ms: Math.round(t.ms * 100) / 100, runs: 5, ...rounded(got), agreesWithOurs: null, ratioToOurs: 1 }];
  if (fs.existsSync(cli)) {
    const file = path.join(dir, 'stable.json');
    fs.writeFileSync(file, JSON.stringify(inst));
    const w = best(3, () => spawnSync(process.execPath, [cli, file], { encoding: 'utf8', maxBuffer: 1 << 30 }));
    const ok = w.value.status === 0;
    const res = ok ? (JSON.parse(w.value.stdout) as MatchResult) : null;
    out.push({
      ...base,
      solver: 'ours stable',
      scope: 'whole-process',
      ms: ok ? Math.round(w.ms * 100) / 100 : null,
      runs: ok ? 3 : 0,
      ...rounded(res ? { matched: res.objective.matched, objective: res.objective.totalScore } : undefined),
      agreesWithOurs: res ? res.objective.matched === got.matched && res.blockingPairs === 0 : null,
      ratioToOurs: ok ? 1 : null,
      ...(ok ? {} : { skipped: `exit ${w.value.status}` }),
    });
  }
  return out;
}

function rounded(got: { matched: number; objective: number } | undefined): { matched: number | null; objective: number | null } {
  return got ? { matched: got.matched, objective: Math.round(got.objective * 1e6) / 1e6 } : { matched: null, objective: null };
}

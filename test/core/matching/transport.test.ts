/**
 * The numeric core alone: the capacitated shortest-augmenting-path solver, its dual certificate,
 * and the candidate-edge shortcut (which must never change the optimum).
 */
import { solveWithCandidates } from '../../../src/core/matching/candidates';
import { SparseGraph } from '../../../src/core/matching/graph';
import { checkOptimal, solveTransport, TransportSolution } from '../../../src/core/matching/transport';
import { prng } from './helpers';

/** Rows × columns with capacities, plus a last "overflow" column every row may use at a high cost. */
function randomGraph(seed: number, rows: number, cols: number, density: number, overflowCap: number, correlated: boolean) {
  const r = prng(seed);
  const start = new Int32Array(rows + 1);
  const col: number[] = [];
  const cost: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (r() >= density) continue;
      col.push(j);
      // Correlated: everybody prefers the low-numbered columns (crowds the candidate lists).
      cost.push(correlated ? j * 10 + Math.floor(r() * 10) : Math.floor(r() * 1000));
    }
    col.push(cols);
    cost.push(5000);
    start[i + 1] = col.length;
  }
  const cap = new Int32Array(cols + 1);
  for (let j = 0; j < cols; j++) cap[j] = 1 + Math.floor(r() * 3);
  cap[cols] = overflowCap;
  const g = new SparseGraph(rows, cols + 1, start, Int32Array.from(col), cap);
  return { g, cost: Float64Array.from(cost) };
}

const total = (g: SparseGraph, cost: Float64Array, s: TransportSolution) => {
  let sum = 0;
  for (let r = 0; r < g.rows; r++) sum += cost[s.loads.mateEdge[r]];
  return sum;
};

/** Brute force over all complete assignments, for tiny graphs. */
function bruteMin(g: SparseGraph, cost: Float64Array): number {
  const load = new Int32Array(g.cols);
  let bestSum = Infinity;
  const go = (r: number, sum: number): void => {
    if (sum >= bestSum) return;
    if (r === g.rows) {
      bestSum = sum;
      return;
    }
    for (let k = g.start[r]; k < g.start[r + 1]; k++) {
      const j = g.col[k];
      if (load[j] >= g.cap[j]) continue;
      load[j]++;
      go(r + 1, sum + cost[k]);
      load[j]--;
    }
  };
  go(0, 0);
  return bestSum;
}

describe('capacitated transport solver', () => {
  test('matches brute force on tiny graphs, and its certificate checks', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rows = 1 + (seed % 6);
      const { g, cost } = randomGraph(seed, rows, 1 + (seed % 4), 0.6, rows, false);
      const s = solveTransport(g, cost);
      expect(checkOptimal(g, cost, s)).toBeNull();
      expect(total(g, cost, s)).toBe(bruteMin(g, cost));
    }
  });

  test('a tampered potential fails the certificate', () => {
    const { g, cost } = randomGraph(5, 20, 6, 0.5, 20, false);
    const s = solveTransport(g, cost);
    expect(checkOptimal(g, cost, s)).toBeNull();
    s.u[0] += 1;
    expect(checkOptimal(g, cost, s)).not.toBeNull();
  });

  test('the candidate shortcut gives the same optimum, through each of its paths', () => {
    const paths = new Set<string>();
    for (let seed = 1; seed <= 60; seed++) {
      const rows = 40 + (seed % 40);
      const cols = 10 + (seed % 15);
      const correlated = seed % 3 === 0;
      // A tight overflow column (like a priority level's "unmatched" column) can make the thinned
      // graph infeasible; a roomy one never does.
      const overflow = seed % 2 === 0 ? rows : Math.max(0, rows - 2 * cols);
      const { g, cost } = randomGraph(seed, rows, cols, 0.9, overflow, correlated);
      let direct: TransportSolution;
      try {
        direct = solveTransport(g, cost);
      } catch {
        continue; // infeasible instance: nothing to compare
      }
      const via = solveWithCandidates(g, cost, cols, 2, 0);
      paths.add(via.path);
      if (via.path === 'candidates' && via.rounds > 1) paths.add('candidates after adding priced-out edges');
      expect(checkOptimal(g, cost, via)).toBeNull();
      expect(total(g, cost, via)).toBe(total(g, cost, direct));
    }
    expect([...paths].sort()).toEqual(['candidates', 'candidates after adding priced-out edges', 'fallback']);
  });

  test('cutting ties at the candidate limit (later levels) still gives the optimum', () => {
    let thinnedSolves = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rows = 40 + (seed % 40);
      const cols = 10 + (seed % 15);
      const { g, cost } = randomGraph(seed, rows, cols, 0.9, rows, seed % 2 === 0);
      // Few distinct costs: most rows have far more tied cheapest edges than the limit keeps.
      const tied = cost.map((c, k) => (g.col[k] === cols ? c : c % 3));
      const direct = solveTransport(g, tied);
      const via = solveWithCandidates(g, tied, cols, 2, 0, false);
      if (via.path !== 'full') thinnedSolves++;
      expect(checkOptimal(g, tied, via)).toBeNull();
      expect(total(g, tied, via)).toBe(total(g, tied, direct));
    }
    expect(thinnedSolves).toBeGreaterThan(30);
  });
});

/**
 * Dense rows make every shortest-path step expensive, though an optimum uses few of their edges.
 * So: solve first on each row's cheapest edges (its "candidates", plus every edge to a column only
 * a few rows can use), then price every edge of the full graph with the potentials found. If no
 * reduced cost is negative, the potentials are a dual certificate for the full graph and the
 * answer is exactly optimal there too (LP duality). Otherwise the violating edges join the
 * candidates and the solve repeats; if that does not settle quickly, or the candidates cannot
 * place every row, the full graph is solved directly. The answer never depends on the shortcut.
 */
import { ColumnLoads, SparseGraph } from './graph';
import { InfeasibleError, solveTransport, TransportSolution } from './transport';

/** Rows with more edges than twice this are thinned to about this many ... */
export const CANDIDATES_PER_ROW = 12;
/** ... in graphs with at least this many edges (below it, thinning does not pay for itself). */
const THIN_FROM_EDGES = 50_000;
const ROUNDS = 3;

/** How the answer was reached: the full graph directly, candidates (after `rounds` solves), or a fallback. */
export type CandidatePath = 'full' | 'candidates' | 'fallback';

/** @param alwaysFrom columns from this index on (the "unmatched" ones) keep all their edges */
export function solveWithCandidates(
  g: SparseGraph,
  cost: Float64Array,
  alwaysFrom: number,
  perRow = CANDIDATES_PER_ROW,
  thinFrom = THIN_FROM_EDGES,
): TransportSolution & { path: CandidatePath; rounds: number } {
  const { rows, start, col } = g;
  const E = start[rows];
  const full = (path: CandidatePath, rounds: number) => ({ ...solveTransport(g, cost), path, rounds });
  if (E < thinFrom) return full('full', 0);
  const keep = new Uint8Array(E);
  let thinned = false;
  const scratch = new Float64Array(64);
  let buf = scratch;
  for (let r = 0; r < rows; r++) {
    const from = start[r];
    const deg = start[r + 1] - from;
    if (deg <= 2 * perRow) {
      keep.fill(1, from, from + deg);
      continue;
    }
    thinned = true;
    if (buf.length < deg) buf = new Float64Array(deg);
    const row = buf.subarray(0, deg);
    row.set(cost.subarray(from, from + deg));
    const cut = kthSmallest(row, perRow - 1);
    for (let k = from; k < from + deg; k++) if (cost[k] <= cut) keep[k] = 1;
  }
  if (!thinned) return full('full', 0);
  // Columns reachable by few rows keep all their edges: cheap, and it keeps rare options open.
  const degree = new Int32Array(g.cols);
  for (let k = 0; k < E; k++) degree[col[k]]++;
  for (let k = 0; k < E; k++) if (col[k] >= alwaysFrom || degree[col[k]] <= 2 * perRow) keep[k] = 1;

  let solves = 0;
  for (let round = 0; round < ROUNDS; round++) {
    solves++;
    const { sub, cost: subCost, orig } = subgraph(g, cost, keep);
    let sol: TransportSolution;
    try {
      sol = solveTransport(sub, subCost);
    } catch (error) {
      if (error instanceof InfeasibleError) break;
      throw error;
    }
    // Price every edge; add those with negative reduced cost.
    let violations = 0;
    for (let r = 0; r < rows; r++) {
      const ur = sol.u[r];
      for (let k = start[r]; k < start[r + 1]; k++) {
        if (!keep[k] && cost[k] - ur - sol.v[col[k]] < 0) {
          keep[k] = 1;
          violations++;
        }
      }
    }
    if (violations === 0) {
      const loads = new ColumnLoads(g);
      for (let r = 0; r < rows; r++) loads.move(r, orig[sol.loads.mateEdge[r]]);
      return { loads, u: sol.u, v: sol.v, path: 'candidates', rounds: round + 1 };
    }
  }
  return full('fallback', solves);
}

function subgraph(g: SparseGraph, cost: Float64Array, keep: Uint8Array): { sub: SparseGraph; cost: Float64Array; orig: Int32Array } {
  let count = 0;
  for (let k = 0; k < keep.length; k++) count += keep[k];
  const start = new Int32Array(g.rows + 1);
  const col = new Int32Array(count);
  const subCost = new Float64Array(count);
  const orig = new Int32Array(count);
  let at = 0;
  for (let r = 0; r < g.rows; r++) {
    for (let k = g.start[r]; k < g.start[r + 1]; k++) {
      if (!keep[k]) continue;
      col[at] = g.col[k];
      subCost[at] = cost[k];
      orig[at++] = k;
    }
    start[r + 1] = at;
  }
  return { sub: { rows: g.rows, cols: g.cols, start, col, cap: g.cap }, cost: subCost, orig };
}

/** The k-th smallest value (0-based) of a, reordering a (Hoare's quickselect). */
function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

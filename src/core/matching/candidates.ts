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

/**
 * @param alwaysFrom columns from this index on (the "unmatched" ones) keep all their edges
 * @param keepTies whether a row keeps every edge tied with its cheapest ones (the one-stage solve,
 *   whose answer among ties must stay as it was); later levels have rows whose edges all tie, and
 *   cut them at `perRow` in edge order instead (pricing still proves the answer on every edge)
 */
export function solveWithCandidates(
  g: SparseGraph,
  cost: Float64Array,
  alwaysFrom: number,
  perRow = CANDIDATES_PER_ROW,
  thinFrom = THIN_FROM_EDGES,
  keepTies = true,
): TransportSolution & { path: CandidatePath; rounds: number } {
  const { rows, start } = g;
  const E = start[rows];
  const full = (path: CandidatePath, rounds: number) => ({ ...solveTransport(g, cost), path, rounds });
  if (E < thinFrom) return full('full', 0);
  const keep = new Uint8Array(E);
  const thinned = markCheapest(start, cost, keep, perRow, keepTies);
  if (!thinned) return full('full', 0);
  keepRareColumns(g, keep, alwaysFrom, 2 * perRow);

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
    if (priceOut(g, cost, keep, sol.u, sol.v) === 0) {
      const loads = new ColumnLoads(g);
      for (let r = 0; r < rows; r++) loads.move(r, orig[sol.loads.mateEdge[r]]);
      return { loads, u: sol.u, v: sol.v, path: 'candidates', rounds: round + 1 };
    }
  }
  return full('fallback', solves);
}

/** Columns reachable by few rows keep all their edges: cheap, and it keeps rare options open. */
function keepRareColumns(g: SparseGraph, keep: Uint8Array, alwaysFrom: number, few: number): void {
  const { col } = g;
  const degree = new Int32Array(g.cols);
  for (let k = 0; k < col.length; k++) degree[col[k]]++;
  for (let k = 0; k < col.length; k++) if (col[k] >= alwaysFrom || degree[col[k]] <= few) keep[k] = 1;
}

/** Prices every left-out edge; those with a negative reduced cost join the candidates. */
function priceOut(g: SparseGraph, cost: Float64Array, keep: Uint8Array, u: Float64Array, v: Float64Array): number {
  const { rows, start, col } = g;
  let violations = 0;
  for (let r = 0; r < rows; r++) {
    const ur = u[r];
    for (let k = start[r]; k < start[r + 1]; k++) {
      if (!keep[k] && cost[k] - ur - v[col[k]] < 0) {
        keep[k] = 1;
        violations++;
      }
    }
  }
  return violations;
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
  return { sub: new SparseGraph(g.rows, g.cols, start, col, g.cap), cost: subCost, orig };
}

/**
 * Marks each row's `perRow` cheapest edges (ties at the cut included, or with `keepTies` false
 * only as many of them as fill `perRow`, first in edge order), or all edges of rows with at most
 * twice that many. One pass per row with a small max-heap of the cheapest costs so far.
 * @returns whether any row was thinned
 */
function markCheapest(start: Int32Array, cost: Float64Array, keep: Uint8Array, perRow: number, keepTies: boolean): boolean {
  const heap = new Float64Array(perRow);
  let thinned = false;
  for (let r = 0; r + 1 < start.length; r++) {
    const from = start[r];
    const to = start[r + 1];
    if (to - from <= 2 * perRow) {
      keep.fill(1, from, to);
      continue;
    }
    thinned = true;
    let size = 0;
    for (let k = from; k < to; k++) {
      const c = cost[k];
      if (size < perRow) {
        // Sift up.
        let i = size++;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (heap[p] >= c) break;
          heap[i] = heap[p];
          i = p;
        }
        heap[i] = c;
      } else if (c < heap[0]) {
        // Replace the largest kept cost; sift down.
        let i = 0;
        for (;;) {
          let ch = 2 * i + 1;
          if (ch >= size) break;
          if (ch + 1 < size && heap[ch + 1] > heap[ch]) ch++;
          if (heap[ch] <= c) break;
          heap[i] = heap[ch];
          i = ch;
        }
        heap[i] = c;
      }
    }
    const cut = heap[0];
    if (keepTies) {
      for (let k = from; k < to; k++) if (cost[k] <= cut) keep[k] = 1;
    } else {
      // Below the cut there are fewer than perRow edges; the rest of the room goes to ties.
      let tiesLeft = perRow;
      for (let k = from; k < to; k++) if (cost[k] < cut) tiesLeft--;
      for (let k = from; k < to; k++) {
        if (cost[k] < cut || (cost[k] === cut && tiesLeft-- > 0)) keep[k] = 1;
      }
    }
  }
  return thinned;
}

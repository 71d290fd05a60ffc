/**
 * Minimum-cost assignment of every row to one column, columns with capacities, over a sparse
 * graph: successive shortest augmenting paths (Dijkstra with row/column potentials, the
 * Jonker–Volgenant / Hungarian scheme) directly over capacitated columns, without slot expansion.
 *
 * Costs must be non-negative integers (held in doubles). Every quantity the solver computes is a
 * sum or difference of them, so as long as they stay below 2^53 the arithmetic is exact; the
 * caller keeps the total well below that, and `checkOptimal` re-verifies the dual certificate at
 * the end, so a wrong answer cannot be returned silently.
 */
import { ColumnLoads, SparseGraph } from './graph';

export interface TransportSolution {
  readonly loads: ColumnLoads;
  /** Row potentials (free sign) and column potentials (<= 0; < 0 only on full columns). */
  readonly u: Float64Array;
  readonly v: Float64Array;
}

/** Thrown when some row cannot be placed at all: the caller guaranteed a full assignment exists. */
export class InfeasibleError extends Error {}

export function solveTransport(g: SparseGraph, cost: Float64Array): TransportSolution {
  const solver = new ShortestPaths(g, cost);
  for (let r = 0; r < g.rows; r++) solver.place(r);
  return { loads: solver.loads, u: solver.u, v: solver.v };
}

/**
 * One Dijkstra per row, in a method of its own: V8 then optimises it as a whole after a few rows,
 * with type feedback from complete runs, instead of on-stack-replacing one giant loop.
 */
class ShortestPaths {
  readonly loads: ColumnLoads;
  readonly u: Float64Array;
  readonly v: Float64Array;
  private readonly dist: Float64Array;
  private readonly predRow: Int32Array;
  private readonly predEdge: Int32Array;
  private readonly done: Uint8Array;
  private readonly touched: Int32Array;
  private readonly popped: Int32Array;
  private readonly scanned: Int32Array;
  /** Binary heap of columns keyed by distance; stale entries are skipped when popped. */
  private readonly heapKey: Float64Array;
  private readonly heapCol: Int32Array;

  constructor(
    private readonly g: SparseGraph,
    private readonly cost: Float64Array,
  ) {
    const { rows, cols, start } = g;
    this.loads = new ColumnLoads(g);
    this.u = new Float64Array(rows);
    this.v = new Float64Array(cols);
    this.dist = new Float64Array(cols).fill(Infinity);
    this.predRow = new Int32Array(cols);
    this.predEdge = new Int32Array(cols);
    this.done = new Uint8Array(cols);
    this.touched = new Int32Array(cols);
    this.popped = new Int32Array(cols);
    this.scanned = new Int32Array(rows);
    this.heapKey = new Float64Array(start[rows] + cols + 1);
    this.heapCol = new Int32Array(start[rows] + cols + 1);
  }

  /** Places row r0 along a shortest augmenting path, keeping every reduced cost >= 0. */
  place(r0: number): void {
    const { start, col, cap } = this.g;
    const { cost, u, v, dist, predRow, predEdge, done, touched, popped, scanned, heapKey, heapCol, loads } = this;
    const { mateCol, load, slotStart, slotRow } = loads;
    let nTouched = 0;
    let nPopped = 0;
    let nScanned = 0;
    let heapLen = 0;
    let bestD = Infinity;
    let bestCol = -1;
    // `scanned` doubles as the queue of rows whose edges are still to relax; a row sits at the
    // distance of its column (r0 at 0).
    scanned[nScanned++] = r0;
    let next = 0;
    let dj = 0;
    for (;;) {
      while (next < nScanned) {
        const r = scanned[next++];
        const base = (r === r0 ? 0 : dj) - u[r];
        for (let k = start[r], end = start[r + 1]; k < end; k++) {
          const j = col[k];
          const nd = base + cost[k] - v[j];
          if (nd >= dist[j]) continue;
          if (dist[j] === Infinity) touched[nTouched++] = j;
          dist[j] = nd;
          predRow[j] = r;
          predEdge[j] = k;
          if (load[j] < cap[j]) {
            // A column with room ends the search: it is never expanded, only compared.
            if (nd < bestD) {
              bestD = nd;
              bestCol = j;
            }
          } else if (nd < bestD) {
            let i = heapLen++;
            while (i > 0) {
              const p = (i - 1) >> 1;
              if (heapKey[p] <= nd) break;
              heapKey[i] = heapKey[p];
              heapCol[i] = heapCol[p];
              i = p;
            }
            heapKey[i] = nd;
            heapCol[i] = j;
          }
        }
      }
      if (heapLen === 0 || heapKey[0] >= bestD) break;
      dj = heapKey[0];
      const j = heapCol[0];
      // Pop: move the last entry down from the root.
      const lastKey = heapKey[--heapLen];
      const lastCol = heapCol[heapLen];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= heapLen) break;
        if (c + 1 < heapLen && heapKey[c + 1] < heapKey[c]) c++;
        if (heapKey[c] >= lastKey) break;
        heapKey[i] = heapKey[c];
        heapCol[i] = heapCol[c];
        i = c;
      }
      heapKey[i] = lastKey;
      heapCol[i] = lastCol;
      if (done[j] || dj > dist[j]) continue;
      done[j] = 1;
      popped[nPopped++] = j;
      // The rows in a full column are reached at no extra cost (their edges are tight).
      for (let s = slotStart[j], end = s + load[j]; s < end; s++) scanned[nScanned++] = slotRow[s];
    }
    if (bestCol === -1) throw new InfeasibleError(`row ${r0} cannot be placed`);

    // Potentials: keep every reduced cost >= 0 and make the path tight.
    const D = bestD;
    u[r0] += D;
    for (let s = 1; s < nScanned; s++) {
      const r = scanned[s];
      u[r] += D - dist[mateCol[r]];
    }
    for (let s = 0; s < nPopped; s++) {
      const j = popped[s];
      v[j] -= D - dist[j];
    }
    // Augment: each row on the path moves into the column that reached it.
    let j = bestCol;
    for (;;) {
      const r = predRow[j];
      const prev = mateCol[r];
      loads.move(r, predEdge[j]);
      if (r === r0) break;
      j = prev;
    }
    for (let s = 0; s < nTouched; s++) dist[touched[s]] = Infinity;
    for (let s = 0; s < nPopped; s++) done[popped[s]] = 0;
  }
}

/**
 * Verifies the LP optimality certificate of a complete assignment: every reduced cost
 * c - u - v >= 0, zero on used edges, v <= 0, and v < 0 only on full columns. Costs must be
 * integers below 2^48 (the caller builds them so); with potentials checked integral below 2^50 the
 * check is exact, so passing it proves the assignment is a minimum-cost one.
 * Returns a description of the first violation, or null.
 */
export function checkOptimal(g: SparseGraph, cost: Float64Array, sol: TransportSolution): string | null {
  const { loads, u, v } = sol;
  const { start, col, rows, cols, cap } = g;
  const { mateEdge, load } = loads;
  // Potentials integral and below 2^50 in magnitude (costs are integers below 2^48 by
  // construction): then each c − u − v is computed exactly.
  if (!integral(u) || !integral(v)) return 'potentials not exact integers';
  for (let r = 0; r < rows; r++) {
    const mine = mateEdge[r];
    if (mine === -1) return `row ${r} unassigned`;
    const ur = u[r];
    for (let k = start[r]; k < start[r + 1]; k++) {
      const rc = cost[k] - ur - v[col[k]];
      if (rc < 0) return `negative reduced cost at edge ${k}`;
      if (k === mine && rc !== 0) return `assigned edge ${k} not tight`;
    }
  }
  for (let j = 0; j < cols; j++) {
    if (v[j] > 0 || (v[j] < 0 && load[j] < cap[j])) return `column ${j} potential ${v[j]} with load ${load[j]}/${cap[j]}`;
  }
  return null;
}

function integral(a: Float64Array): boolean {
  const limit = 2 ** 50;
  for (let i = 0; i < a.length; i++) if (!(Math.abs(a[i]) < limit) || Math.floor(a[i]) !== a[i]) return false;
  return true;
}

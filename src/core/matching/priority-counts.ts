/**
 * How many mentees of each priority level an optimal matching places.
 *
 * The sets of mentees that can all be placed at once form a (transversal) matroid, so the greedy
 * rule "place the highest level first, then the next, never unplacing anyone" reaches, for every
 * level L, the largest possible number of placed mentees at levels >= L. That is exactly the
 * lexicographic maximum of the per-level counts, found with plain augmenting paths: no weights,
 * no arithmetic, nothing to round.
 */
import { ColumnLoads, SparseGraph } from './graph';

/**
 * @param rowLevel level of each row, 0 = the highest priority
 * @returns placed rows per level
 */
export function maxPlacedPerLevel(g: SparseGraph, rowLevel: Int32Array, levels: number): Int32Array {
  const loads = new ColumnLoads(g);
  const placed = new Int32Array(levels);
  const byLevel: number[][] = Array.from({ length: levels }, () => []);
  for (let r = 0; r < g.rows; r++) byLevel[rowLevel[r]].push(r);

  const colSeen = new Int32Array(g.cols);
  const rowSeen = new Int32Array(g.rows);
  const parent = new Int32Array(g.cols);
  const parentEdge = new Int32Array(g.cols);
  const queue = new Int32Array(g.rows);
  // A failed search leaves its marks: with the matching unchanged, nothing it reached can lead to
  // a free column later either. Only a successful augmentation starts a new epoch.
  let epoch = 1;

  const augment = (r0: number): boolean => {
    let head = 0;
    let tail = 0;
    queue[tail++] = r0;
    rowSeen[r0] = epoch;
    while (head < tail) {
      const r = queue[head++];
      for (let k = g.start[r]; k < g.start[r + 1]; k++) {
        const j = g.col[k];
        if (colSeen[j] === epoch) continue;
        colSeen[j] = epoch;
        parent[j] = r;
        parentEdge[j] = k;
        if (loads.load[j] < g.cap[j]) {
          // Walk back: each row on the path moves into the column that reached it.
          let col = j;
          for (;;) {
            const row = parent[col];
            const prev = loads.mateCol[row];
            loads.move(row, parentEdge[col]);
            if (prev === -1) break;
            col = prev;
          }
          epoch++;
          return true;
        }
        for (let s = loads.slotStart[j], end = s + loads.load[j]; s < end; s++) {
          const other = loads.slotRow[s];
          if (rowSeen[other] !== epoch) {
            rowSeen[other] = epoch;
            queue[tail++] = other;
          }
        }
      }
    }
    return false;
  };

  for (let level = 0; level < levels; level++) {
    for (const r of byLevel[level]) {
      if (g.start[r] !== g.start[r + 1] && augment(r)) placed[level]++;
    }
  }
  return placed;
}

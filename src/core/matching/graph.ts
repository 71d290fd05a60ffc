/**
 * The sparse bipartite graph the optimal solver works on: rows (mentees still to place) and
 * columns (mentors, then one "stays unmatched" column per priority level), allowed edges only,
 * grouped by row. Columns hold up to `cap[j]` rows; a row sits in at most one column.
 */
export class SparseGraph {
  constructor(
    readonly rows: number,
    readonly cols: number,
    /** Row r owns edges start[r] .. start[r+1]-1. */
    readonly start: Int32Array,
    readonly col: Int32Array,
    readonly cap: Int32Array,
  ) {}
}
// Hot objects are class instances, not literals: a class keeps its object layout (map) alive, so
// optimised code that checks for it is not thrown away by the next full garbage collection.

/**
 * Which rows sit in which column, with O(1) moves. Each column owns a fixed block of slots
 * (its capacity) in one flat array, so nothing is allocated while solving.
 */
export class ColumnLoads {
  readonly mateCol: Int32Array;
  readonly mateEdge: Int32Array;
  readonly load: Int32Array;
  readonly slotStart: Int32Array;
  readonly slotRow: Int32Array;
  private readonly rowSlot: Int32Array;

  constructor(readonly g: SparseGraph) {
    this.mateCol = new Int32Array(g.rows).fill(-1);
    this.mateEdge = new Int32Array(g.rows).fill(-1);
    this.rowSlot = new Int32Array(g.rows).fill(-1);
    this.load = new Int32Array(g.cols);
    this.slotStart = new Int32Array(g.cols + 1);
    for (let j = 0; j < g.cols; j++) this.slotStart[j + 1] = this.slotStart[j] + g.cap[j];
    this.slotRow = new Int32Array(this.slotStart[g.cols]);
  }

  /** Puts row r into the column of edge k, leaving its current column. */
  move(r: number, k: number): void {
    const from = this.mateCol[r];
    if (from !== -1) {
      const at = this.rowSlot[r];
      const last = this.slotStart[from] + --this.load[from];
      const other = this.slotRow[last];
      this.slotRow[at] = other;
      this.rowSlot[other] = at;
    }
    const to = this.g.col[k];
    const at = this.slotStart[to] + this.load[to]++;
    this.slotRow[at] = r;
    this.rowSlot[r] = at;
    this.mateCol[r] = to;
    this.mateEdge[r] = k;
  }
}

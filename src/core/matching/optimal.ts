/**
 * The optimal matcher: maximises, lexicographically, the number of matched mentees of the highest
 * priority level, then of each lower level, then [with `priorityScores`] the sum of the scores of
 * mentees with priority > 0, then [with `mutual`] the number of mutual choices matched, then the
 * total score; locked pairs always stay.
 *
 * Exactness, in stages that never mix two levels in one number:
 * 1. priority-counts.ts finds the best reachable count for every level with unweighted augmenting
 *    paths (the matroid greedy) — pure combinatorics.
 * 2. transport.ts then maximises the next level subject to exactly those counts: each level gets
 *    an "unmatched" column whose capacity is (mentees of the level − their best count), and every
 *    mentee must sit somewhere. Scores are rounded to a grid (1e-6) and solved as integers.
 * 3. Each further level is solved on the previous stage's optimal face, which LP duality describes
 *    exactly: the edges whose reduced cost is 0, with every column whose potential is < 0 full. The
 *    next stage keeps only those edges and charges W (more than its own level can vary) to every
 *    row not in a must-be-full column, so filling those columns comes first; so each stage works
 *    with numbers of the size of one level, not a product of weights.
 * The grid coarsens by powers of ten only if the integers could come near 2^48 (rows × the largest
 * cost; scores in the tens of thousands for 5,000 mentees with one level, or in the thousands when a
 * score level follows another level). Integer sums below 2^53 are exact in doubles, and every
 * stage's dual certificate (checkOptimal) is re-checked in exact arithmetic on that stage's whole
 * graph: an answer is either proven optimal or an error.
 * "Exact" therefore means: the lexicographic optimum for the scores rounded to the reported
 * `scoreQuantum`; pairs whose scores differ by less than that count as ties. Among several optima
 * the one returned is a fixed function of the input (its order included): same input, same bytes.
 * Instances that use neither `mutual` nor `priorityScores` take exactly the one-stage path.
 */
import { MatchingInputError } from './messages';
import { isAllowed, PreparedInstance } from './instance';
import { SparseGraph } from './graph';
import { maxPlacedPerLevel } from './priority-counts';
import { solveWithCandidates } from './candidates';
import { checkOptimal, TransportSolution } from './transport';

export const SCORE_QUANTUM = 1e-6;
/** rows × the largest integer cost stays below this: a 2^5 margin for potentials and distances. */
const COST_LIMIT = 2 ** 48;

export interface OptimalAssignment {
  /** Mentor of each mentee (locked included), -1 when unmatched. */
  mentorOf: Int32Array;
  scoreQuantum: number;
}

export function optimalAssignment(p: PreparedInstance): OptimalAssignment {
  const n = p.menteeIds.length;
  const m = p.mentorIds.length;
  const mentorOf = new Int32Array(n).fill(-1);
  let rows = 0;
  for (let e = 0; e < n; e++) if (p.lockedMentor[e] === -1) rows++;
  const rowMentee = new Int32Array(rows);
  for (let e = 0, r = 0; e < n; e++) {
    if (p.lockedMentor[e] !== -1) mentorOf[e] = p.lockedMentor[e];
    else rowMentee[r++] = e;
  }
  const capLeft = new Int32Array(m);
  for (let j = 0; j < m; j++) capLeft[j] = Math.min(p.capacity[j] - p.lockedCount[j], rows);

  // Priority levels of the free mentees, highest first.
  const levelValues = Array.from(new Set(Array.from(rowMentee, (e) => p.priority[e]))).sort((a, b) => b - a);
  const levelOf = new Map(levelValues.map((v, i) => [v, i]));
  const levels = levelValues.length;
  const rowLevel = new Int32Array(rows);
  const perLevel = new Int32Array(levels);
  for (let r = 0; r < rows; r++) {
    rowLevel[r] = levelOf.get(p.priority[rowMentee[r]]) as number;
    perLevel[rowLevel[r]]++;
  }

  // Further levels, each only when some free mentee could change it.
  const tiers = tiersOf(p, rowMentee, capLeft);
  const scale = gridScale(p.scoreValue, rows, tiers.length > 0 ? rowTops(p, rowMentee) : null);
  const { start, col, cost } = buildRows(p, rowMentee, rowLevel, capLeft, scale);
  // The greedy sees the "unmatched" columns with no room, i.e. mentors only.
  const cap = new Int32Array(m + levels);
  cap.set(capLeft);
  const best = maxPlacedPerLevel(new SparseGraph(rows, m + levels, start, col, cap), rowLevel, levels);

  // Each level may leave unmatched only the mentees its best count leaves out.
  for (let l = 0; l < levels; l++) cap[m + l] = perLevel[l] - best[l];
  const graph = new SparseGraph(rows, m + levels, start, col, cap);
  const mateCol = tiers.length === 0 ? solveChecked(graph, cost, m, true).loads.mateCol : solveLevels(graph, cost, m, rowMentee, tiers);

  for (let r = 0; r < rows; r++) {
    const j = mateCol[r];
    if (j < m) mentorOf[rowMentee[r]] = j;
  }
  return { mentorOf, scoreQuantum: 1 / scale };
}

/**
 * One transport solve whose certificate is checked on the full graph, whatever shortcut it took.
 * @param keepTies see solveWithCandidates: true for the one-stage solve, false for later levels
 */
function solveChecked(graph: SparseGraph, cost: Float64Array, m: number, keepTies: boolean): TransportSolution {
  const solution = solveWithCandidates(graph, cost, m, undefined, undefined, keepTies);
  const problem = checkOptimal(graph, cost, solution);
  if (problem) throw new MatchingInputError('internal', { detail: `optimality certificate failed: ${problem}` });
  return solution;
}

/**
 * A level after the counts: the value (an integer) of placing a row along an edge to a mentor,
 * given the mentee and the edge's score on the grid. Leaving a row unmatched is worth 0.
 */
type Tier = (mentee: number, mentor: number, gridScore: number) => number;

/** The levels between the counts and the total score that this instance uses, in their order. */
function tiersOf(p: PreparedInstance, rowMentee: Int32Array, capLeft: Int32Array): Tier[] {
  const tiers: Tier[] = [];
  const reachable = (test: (e: number, k: number) => boolean): boolean => {
    for (const e of rowMentee) {
      for (let k = p.scoreStart[e]; k < p.scoreStart[e + 1]; k++) if (capLeft[p.scoreMentor[k]] > 0 && test(e, k)) return true;
    }
    return false;
  };
  if (p.priorityScores && reachable((e, k) => p.priority[e] > 0 && p.scoreValue[k] > 0)) {
    tiers.push((e, _j, s) => (p.priority[e] > 0 ? s : 0));
  }
  // A mutual choice counts when the mentee is free and the pair allowed with a place left.
  const open = p.mutualPairs.some(([e, j]) => p.lockedMentor[e] === -1 && capLeft[j] > 0 && isAllowed(p, e, j));
  if (open) tiers.push(mutualTier(p));
  if (tiers.length > 0) tiers.push((_e, _j, s) => s);
  return tiers;
}

/**
 * 1 for a mutual choice. Rows are visited in order, so each mentee's few choices are marked once
 * in an array by mentor instead of a hash lookup per edge.
 */
function mutualTier(p: PreparedInstance): Tier {
  const n = p.menteeIds.length;
  const start = new Int32Array(n + 1);
  for (const [e] of p.mutualPairs) start[e + 1]++;
  for (let e = 0; e < n; e++) start[e + 1] += start[e];
  const fill = start.slice(0, n);
  const mentor = new Int32Array(p.mutualPairs.length);
  for (const [e, j] of p.mutualPairs) mentor[fill[e]++] = j;
  const markedFor = new Int32Array(p.mentorIds.length).fill(-1);
  let current = -1;
  return (e, j) => {
    if (e !== current) {
      current = e;
      for (let k = start[e]; k < start[e + 1]; k++) markedFor[mentor[k]] = e;
    }
    return markedFor[j] === e ? 1 : 0;
  };
}

/**
 * Solves the levels one after another, each on the optimal face of the one before (see the file
 * comment). `scoreCost` is the one-stage cost (row's best score − score), from which the grid
 * scores are read back. Returns the column of every row.
 */
function solveLevels(base: SparseGraph, scoreCost: Float64Array, m: number, rowMentee: Int32Array, tiers: Tier[]): Int32Array {
  const { rows } = base;
  // Grid score of each base edge: the row's "unmatched" edge (its last) costs the row's best score.
  const gridScore = new Float64Array(scoreCost.length);
  for (let r = 0; r < rows; r++) {
    const top = scoreCost[base.start[r + 1] - 1];
    for (let k = base.start[r]; k < base.start[r + 1] - 1; k++) gridScore[k] = top - scoreCost[k];
  }
  let g = base;
  let baseEdge: Int32Array | null = null;
  let mustFull: Uint8Array | null = null;
  for (let t = 0; ; t++) {
    const value = new Float64Array(g.col.length);
    for (let r = 0; r < rows; r++) {
      for (let k = g.start[r]; k < g.start[r + 1]; k++) {
        const j = g.col[k];
        if (j < m) value[k] = tiers[t](rowMentee[r], j, gridScore[baseEdge ? baseEdge[k] : k]);
      }
    }
    const cost = stageCosts(g, value, mustFull);
    const solution = solveChecked(g, cost, m, false);
    if (t === tiers.length - 1) return solution.loads.mateCol;
    const face = optimalFace(g, cost, solution, baseEdge);
    g = face.graph;
    baseEdge = face.baseEdge;
    mustFull = face.mustFull;
  }
}

/**
 * Costs of one stage: (row's best value − value), plus W on the edges of a row into a column that
 * need not be full when the row could sit in one that must be. W exceeds the most this stage's
 * total can vary, so the stage first keeps every must-be-full column full (i.e. stays on the
 * previous optimum) and only then maximises its own value.
 */
function stageCosts(g: SparseGraph, value: Float64Array, mustFull: Uint8Array | null): Float64Array {
  const { rows, start, col } = g;
  const top = new Float64Array(rows);
  let W = 1;
  for (let r = 0; r < rows; r++) {
    let hi = -Infinity;
    let lo = Infinity;
    for (let k = start[r]; k < start[r + 1]; k++) {
      hi = Math.max(hi, value[k]);
      lo = Math.min(lo, value[k]);
    }
    top[r] = hi;
    W += hi - lo;
  }
  const cost = new Float64Array(col.length);
  let maxCost = 0;
  for (let r = 0; r < rows; r++) {
    let penalise = false;
    if (mustFull) for (let k = start[r]; k < start[r + 1] && !penalise; k++) penalise = mustFull[col[k]] === 1;
    for (let k = start[r]; k < start[r + 1]; k++) {
      const c = top[r] - value[k] + (penalise && mustFull?.[col[k]] === 0 ? W : 0);
      cost[k] = c;
      if (c > maxCost) maxCost = c;
    }
  }
  // gridScale keeps this unreachable for any number of mentees a sheet can hold.
  if (rows * maxCost > COST_LIMIT) throw new MatchingInputError('internal', { detail: `costs too large for exact arithmetic (${rows} × ${maxCost})` });
  return cost;
}

/**
 * The optimal face of a solved stage, by complementary slackness with its dual: every optimal
 * assignment uses only edges of reduced cost 0 and fills every column whose potential is < 0
 * (and every assignment that does so is optimal).
 */
function optimalFace(g: SparseGraph, cost: Float64Array, sol: TransportSolution, baseEdge: Int32Array | null): { graph: SparseGraph; baseEdge: Int32Array; mustFull: Uint8Array } {
  const { rows, cols, start, col } = g;
  const { u, v } = sol;
  const nextStart = new Int32Array(rows + 1);
  let count = 0;
  for (let r = 0; r < rows; r++) for (let k = start[r]; k < start[r + 1]; k++) if (cost[k] - u[r] - v[col[k]] === 0) count++;
  const nextCol = new Int32Array(count);
  const nextBase = new Int32Array(count);
  let at = 0;
  for (let r = 0; r < rows; r++) {
    for (let k = start[r]; k < start[r + 1]; k++) {
      if (cost[k] - u[r] - v[col[k]] !== 0) continue;
      nextCol[at] = col[k];
      nextBase[at++] = baseEdge ? baseEdge[k] : k;
    }
    nextStart[r + 1] = at;
  }
  const mustFull = new Uint8Array(cols);
  for (let j = 0; j < cols; j++) if (v[j] < 0) mustFull[j] = 1;
  return { graph: new SparseGraph(rows, cols, nextStart, nextCol, g.cap), baseEdge: nextBase, mustFull };
}

/**
 * Integer scores on a grid of 1e-6, coarsened by powers of ten only if rows × the largest cost
 * could come near 2^48: every sum then stays exact. With one stage the largest cost is the top
 * score (scores in the tens of thousands and up); when the score is a later level, its stage also
 * charges W <= 1 + the sum of the rows' best scores (see stageCosts), so the grid coarsens sooner.
 * @param rowTop each free row's best raw score, when a later stage will charge W; else null
 */
function gridScale(scores: Float64Array, rows: number, rowTop: Float64Array | null): number {
  let top = 0;
  for (let k = 0; k < scores.length; k++) if (scores[k] > top) top = scores[k];
  const largestCost = (scale: number): number => {
    let cost = Math.round(top * scale);
    if (rowTop) {
      cost += 1;
      for (let r = 0; r < rowTop.length; r++) cost += Math.round(rowTop[r] * scale);
    }
    return cost;
  };
  let scale = 1 / SCORE_QUANTUM;
  while (rows * largestCost(scale) > COST_LIMIT) scale /= 10;
  return scale;
}

/** The best raw score of each free row, over all its allowed pairs. */
function rowTops(p: PreparedInstance, rowMentee: Int32Array): Float64Array {
  const out = new Float64Array(rowMentee.length);
  for (let r = 0; r < rowMentee.length; r++) {
    const e = rowMentee[r];
    for (let k = p.scoreStart[e]; k < p.scoreStart[e + 1]; k++) if (p.scoreValue[k] > out[r]) out[r] = p.scoreValue[k];
  }
  return out;
}

/**
 * The graph the solvers see, one row per free mentee: its allowed edges to mentors with room at
 * cost (row's best score − this score) >= 0, then one edge to its level's "unmatched" column at
 * cost (row's best score). Every row is placed exactly once, so minimising the cost maximises the
 * total score. Costs are integers on the grid, below 2^48 by gridScale.
 */
function buildRows(p: PreparedInstance, rowMentee: Int32Array, rowLevel: Int32Array, capLeft: Int32Array, scale: number): { start: Int32Array; col: Int32Array; cost: Float64Array } {
  const { scoreStart, scoreMentor, scoreValue } = p;
  const rows = rowMentee.length;
  const m = capLeft.length;
  let bound = rows;
  for (let r = 0; r < rows; r++) bound += scoreStart[rowMentee[r] + 1] - scoreStart[rowMentee[r]];
  const start = new Int32Array(rows + 1);
  const col = new Int32Array(bound);
  const cost = new Float64Array(bound);
  let at = 0;
  for (let r = 0; r < rows; r++) {
    const e = rowMentee[r];
    let top = 0;
    for (let k = scoreStart[e]; k < scoreStart[e + 1]; k++) {
      if (capLeft[scoreMentor[k]] > 0) top = Math.max(top, Math.round(scoreValue[k] * scale));
    }
    for (let k = scoreStart[e]; k < scoreStart[e + 1]; k++) {
      const j = scoreMentor[k];
      if (capLeft[j] === 0) continue;
      col[at] = j;
      cost[at++] = top - Math.round(scoreValue[k] * scale);
    }
    col[at] = m + rowLevel[r];
    cost[at++] = top;
    start[r + 1] = at;
  }
  return { start, col: col.subarray(0, at), cost: cost.subarray(0, at) };
}

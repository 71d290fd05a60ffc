/**
 * The optimal matcher: maximises, lexicographically, the number of matched mentees of the highest
 * priority level, then of each lower level, then the total score; locked pairs always stay.
 *
 * Exactness, in two stages that never mix priorities and scores in one number:
 * 1. priority-counts.ts finds the best reachable count for every level with unweighted augmenting
 *    paths (the matroid greedy) — pure combinatorics.
 * 2. transport.ts then maximises the total score subject to exactly those counts: each level gets
 *    an "unmatched" column whose capacity is (mentees of the level − their best count), and every
 *    mentee must sit somewhere. Scores are rounded to a grid (1e-6) and solved as integers; the
 *    grid coarsens by powers of ten only if the integers could approach 2^53 (rows × top score
 *    above 2^48 / 1e6, i.e. scores in the tens of thousands for 5,000 mentees). Integer sums
 *    below 2^53 are exact in doubles, and the final dual certificate (checkOptimal) is re-checked
 *    in exact arithmetic on the full graph: an answer is either proven optimal or an error.
 * "Exact" therefore means: the lexicographic optimum for the scores rounded to the reported
 * `scoreQuantum`; pairs whose scores differ by less than that count as ties. Among several optima
 * the one returned is a fixed function of the input (its order included): same input, same bytes.
 */
import { MatchingInputError } from './messages';
import { PreparedInstance } from './instance';
import { SparseGraph } from './graph';
import { maxPlacedPerLevel } from './priority-counts';
import { solveWithCandidates } from './candidates';
import { checkOptimal } from './transport';

export const SCORE_QUANTUM = 1e-6;
/** rows × the top integer score stays below this: a 2^5 margin for potentials and distances. */
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

  const scale = gridScale(p.scoreValue, rows);
  const { start, col, cost } = buildRows(p, rowMentee, rowLevel, capLeft, scale);
  // The greedy sees the "unmatched" columns with no room, i.e. mentors only.
  const cap = new Int32Array(m + levels);
  cap.set(capLeft);
  const best = maxPlacedPerLevel(new SparseGraph(rows, m + levels, start, col, cap), rowLevel, levels);

  // Each level may leave unmatched only the mentees its best count leaves out.
  for (let l = 0; l < levels; l++) cap[m + l] = perLevel[l] - best[l];
  const graph = new SparseGraph(rows, m + levels, start, col, cap);
  const solution = solveWithCandidates(graph, cost, m);
  // The certificate is checked on the full graph, whatever shortcut the solve took.
  const problem = checkOptimal(graph, cost, solution);
  if (problem) throw new MatchingInputError('internal', { detail: `optimality certificate failed: ${problem}` });

  for (let r = 0; r < rows; r++) {
    const j = solution.loads.mateCol[r];
    if (j < m) mentorOf[rowMentee[r]] = j;
  }
  return { mentorOf, scoreQuantum: 1 / scale };
}

/**
 * Integer scores on a grid of 1e-6, coarsened by powers of ten only if rows × the top score could
 * come near 2^48 (scores in the tens of thousands and up): every sum then stays exact.
 */
function gridScale(scores: Float64Array, rows: number): number {
  let top = 0;
  for (let k = 0; k < scores.length; k++) if (scores[k] > top) top = scores[k];
  let scale = 1 / SCORE_QUANTUM;
  while (rows * Math.round(top * scale) > COST_LIMIT) scale /= 10;
  return scale;
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

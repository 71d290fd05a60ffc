/**
 * The whole matching of a centre, from the bases to the notes: scoring every pair of one form,
 * solving, explaining (npm run bench puts the rows under "pairing"). The target: 5,000
 * mentees × 500 mentors in under 10 s on one core; `ofBudget` is the time as a share of it.
 */
import { solve } from '../../src/core/matching';
import { describePairs, planMatching, toBaseResult } from '../../src/core/pairing/plan';
import { unmatchedNotes } from '../../src/core/pairing/notes';
import { SYNONYM_SEED, vocabulary } from '../../src/core/pairing/synonyms';
import { MENTORING_FORMS } from '../../src/core/domain/forms-of-mentoring';
import { centre } from './centre';

export interface PairingBenchRow {
  mentees: number;
  mentors: number;
  /** Pairs judged (all of one form) and pairs allowed after the rules and the floor. */
  pairsJudged: number;
  pairsAllowed: number;
  planMs: number;
  solveMs: number;
  explainMs: number;
  totalMs: number;
  /** Nanoseconds of scoring per judged pair. */
  nsPerPair: number;
  /** totalMs / 10,000 ms (the target at 5,000 × 500). */
  ofBudget: number;
  matched: number;
}

const SIZES: Array<[number, number]> = [
  [1000, 100],
  [5000, 500],
  [10000, 1000],
];

const ms = (from: bigint) => Math.round(Number(process.hrtime.bigint() - from) / 1e5) / 10;

export function runPairingBench(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`), sizes = SIZES): PairingBenchRow[] {
  const forms = MENTORING_FORMS.map((f) => ({ name: f.name, mentorRole: f.mentorRole, menteeRole: f.menteeRole, maxMentees: f.maxMentees }));
  const weights = { request: 35, interests: 20, schedule: 15, format: 10, association: 10, mutual: 10 };
  const rows: PairingBenchRow[] = [];
  for (const [n, k] of sizes) {
    const c = centre(n, k);
    let t = process.hrtime.bigint();
    const plan = planMatching({
      mentees: c.mentees,
      mentors: c.mentors,
      rules: { forms, partners: new Map(), requireTraining: false, rejected: new Set(), floor: { request: true, format: true, schedule: true } },
      weights,
      mutual: { menteeRank: () => null, mentorRank: () => null },
      vocabulary: vocabulary(SYNONYM_SEED),
      locked: [],
      mode: 'optimal',
    });
    const planMs = ms(t);
    t = process.hrtime.bigint();
    const result = toBaseResult(plan, solve(plan.instance));
    const solveMs = ms(t);
    t = process.hrtime.bigint();
    describePairs(plan, result);
    unmatchedNotes(plan, result);
    const explainMs = ms(t);
    const totalMs = Math.round((planMs + solveMs + explainMs) * 10) / 10;
    const row: PairingBenchRow = {
      mentees: n,
      mentors: k,
      pairsJudged: n * k,
      pairsAllowed: plan.instance.scores?.length ?? 0,
      planMs,
      solveMs,
      explainMs,
      totalMs,
      nsPerPair: Math.round((planMs * 1e6) / (n * k)),
      ofBudget: Math.round((totalMs / 10000) * 100) / 100,
      matched: result.objective.matched,
    };
    log(`  подбор ${n} × ${k}: оценка ${planMs} мс (${row.nsPerPair} нс на пару), решение ${solveMs} мс, пояснения ${explainMs} мс; всего ${totalMs} мс`);
    rows.push(row);
  }
  return rows;
}

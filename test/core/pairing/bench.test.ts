import { runPairingBench } from '../../../local/match/pairing-bench';

test('the pairing bench runs the whole matching of a synthetic centre and reports each phase', () => {
  const [row] = runPairingBench(() => undefined, [[300, 30]]);
  expect(row.pairsJudged).toBe(9000);
  expect(row.pairsAllowed).toBeGreaterThan(0);
  expect(row.pairsAllowed).toBeLessThan(row.pairsJudged);
  expect(row.matched).toBeGreaterThan(0);
  expect(row.totalMs).toBeCloseTo(row.planMs + row.solveMs + row.explainMs, 0);
});

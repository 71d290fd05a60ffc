import { faultPlan } from '../helpers/faults';

const calls = { 'SpreadsheetApp.getActive': 100, 'Drive.Files.copy': 3, 'Docs.Documents.batchUpdate': 1, 'Range.setValues': 40, 'Sheet.getRange': 7 };

describe('faultPlan: which calls a fault sweep fails', () => {
  test('every call when the budget allows it', () => {
    expect(faultPlan(calls, 151)).toHaveLength(151);
    expect(faultPlan(calls, 1000)).toHaveLength(151);
  });

  test.each([5, 10, 25, 60])('a budget of %i is kept (one over per method at most), every method failed at least once, its first call included', (max) => {
    const plan = faultPlan(calls, max);
    expect(plan.length).toBeLessThanOrEqual(max + Object.keys(calls).length);
    for (const method of Object.keys(calls)) expect(plan).toContainEqual([method, 1]);
    expect(new Set(plan.map(([m, k]) => `${m}#${k}`)).size).toBe(plan.length);
    for (const [m, k] of plan) expect(k >= 1 && k <= calls[m as keyof typeof calls]).toBe(true);
  });

  test('a method with many calls gets its last and middle calls failed as well', () => {
    const plan = faultPlan(calls, 25);
    expect(plan).toContainEqual(['SpreadsheetApp.getActive', 100]);
    expect(plan).toContainEqual(['SpreadsheetApp.getActive', 50]);
  });
});

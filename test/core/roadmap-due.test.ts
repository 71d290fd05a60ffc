import { effectiveDue, isDueSoon, isOverdue } from '../../src/core/roadmap/due';

const d = (year: number, month: number, day: number) => ({ year, month, day });

describe('when a roadmap activity is due', () => {
  test("the curator's own date wins over the computed one", () => {
    expect(effectiveDue({ due: d(2026, 10, 15), override: d(2026, 10, 20), status: 'не начато' })).toEqual(d(2026, 10, 20));
    expect(effectiveDue({ due: d(2026, 10, 15), override: null, status: 'не начато' })).toEqual(d(2026, 10, 15));
  });

  test('overdue the day after, not on the day; done or moved is never overdue', () => {
    const row = { due: d(2026, 10, 15), override: null, status: 'в работе' };
    expect(isOverdue(row, d(2026, 10, 15))).toBe(false);
    expect(isOverdue(row, d(2026, 10, 16))).toBe(true);
    expect(isOverdue({ ...row, status: 'выполнено' }, d(2026, 12, 1))).toBe(false);
    expect(isOverdue({ ...row, status: 'перенесено' }, d(2026, 12, 1))).toBe(false);
    expect(isOverdue({ due: null, override: null, status: 'не начато' }, d(2027, 8, 31))).toBe(false);
  });

  test('due soon: from the day itself to N days before, across a month end', () => {
    const row = { due: d(2026, 11, 1), override: null, status: 'не начато' };
    expect(isDueSoon(row, d(2026, 10, 25), 7)).toBe(true);
    expect(isDueSoon(row, d(2026, 10, 24), 7)).toBe(false);
    expect(isDueSoon(row, d(2026, 11, 1), 7)).toBe(true);
    expect(isDueSoon(row, d(2026, 11, 2), 7)).toBe(false);
  });
});

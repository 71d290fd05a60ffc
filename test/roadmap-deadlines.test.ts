import fc from 'fast-check';
import { ROADMAP } from '../src/core/domain/roadmap';
import { academicYearOf, compareDates } from '../src/core/monitoring/calendar';
import { dueDates, nextDue, parseDeadline } from '../src/core/roadmap/deadlines';

const d = (year: number, month: number, day: number) => ({ year, month, day });

describe('roadmap deadlines', () => {
  test.each(ROADMAP.map((r) => [r.number, r.deadline]))('%s «%s» is a rule with a date in 2026/2027', (_n, deadline) => {
    const rule = parseDeadline(deadline);
    expect(rule.kind).not.toBe('unknown');
    const dates = dueDates(rule, 2026);
    expect(dates.length).toBeGreaterThan(0);
    for (const x of dates) expect(academicYearOf(x)).toBe(2026);
  });

  test('the texts of the roadmap give the dates the curator reads', () => {
    expect(dueDates(parseDeadline('до 15.10 ежегодно'), 2026)).toEqual([d(2026, 10, 15)]);
    expect(dueDates(parseDeadline('30.08'), 2026)).toEqual([d(2027, 8, 30)]);
    expect(dueDates(parseDeadline('до 15.11 и до 15.06 ежегодно'), 2026)).toEqual([d(2026, 11, 15), d(2027, 6, 15)]);
    expect(dueDates(parseDeadline('до 15 ноября и до 15 июня'), 2026)).toEqual([d(2026, 11, 15), d(2027, 6, 15)]);
    expect(dueDates(parseDeadline('май, ежегодно'), 2026)).toEqual([d(2027, 5, 31)]);
    expect(dueDates(parseDeadline('в течение всего периода'), 2026)).toEqual([d(2027, 8, 31)]);
    expect(dueDates(parseDeadline('не реже раза в месяц'), 2026)).toHaveLength(9);
    expect(dueDates(parseDeadline('не реже раза в месяц'), 2027)[5]).toEqual(d(2028, 2, 29));
    expect(dueDates(parseDeadline('по завершении работы в парах'), 2026, { pairsEnd: d(2027, 4, 30) })).toEqual([d(2027, 4, 30)]);
    expect(dueDates(parseDeadline('по завершении работы в парах'), 2026)).toEqual([d(2027, 5, 31)]);
    // A pairs' end set for last year keeps its day and month this year.
    expect(dueDates(parseDeadline('до нахождения наставника'), 2027, { pairsEnd: d(2027, 4, 30) })).toEqual([d(2028, 4, 30)]);
    expect(parseDeadline('1–2 раза в неделю, не менее 2 месяцев').kind).toBe('weekly');
    const asNeeded = parseDeadline('до 15.11, далее по мере необходимости');
    expect(asNeeded).toMatchObject({ kind: 'dates', thenAsNeeded: true });
  });

  test('the next date: the first not past, the last one once all are past (overdue stays visible)', () => {
    const twice = parseDeadline('до 15.11 и до 15.06 ежегодно');
    expect(nextDue(twice, 2026, d(2026, 11, 15))).toEqual(d(2026, 11, 15));
    expect(nextDue(twice, 2026, d(2026, 11, 16))).toEqual(d(2027, 6, 15));
    expect(nextDue(twice, 2026, d(2027, 7, 1))).toEqual(d(2027, 6, 15));
    const asNeeded = parseDeadline('до 15.11, далее по мере необходимости');
    expect(nextDue(asNeeded, 2026, d(2027, 3, 1))).toEqual(d(2026, 11, 15));
    const monthly = parseDeadline('не реже раза в месяц');
    expect(nextDue(monthly, 2026, d(2026, 11, 30))).toEqual(d(2026, 11, 30));
    expect(nextDue(monthly, 2026, d(2026, 12, 1))).toEqual(d(2026, 12, 31));
  });

  test('unknown text is a rule with a Russian note, never an error', () => {
    for (const text of ['', 'когда-нибудь', '31.02', '15.10 и ещё что-то', '<b>до 1.1</b>']) {
      const rule = parseDeadline(text);
      expect(rule.kind).toBe('unknown');
      expect(rule.kind === 'unknown' && rule.note).toMatch(/«Свой срок»/);
      expect(dueDates(rule, 2026)).toEqual([]);
      expect(nextDue(rule, 2026, d(2026, 10, 1))).toBeNull();
    }
  });

  test('property: every date lies in its academic year; rolling a year moves yearly dates by one year', () => {
    const texts = ROADMAP.map((r) => r.deadline);
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (text, year, month, day) => {
        const rule = parseDeadline(text);
        const pairsEnd = d(year + 1, month, day);
        const now = dueDates(rule, year, { pairsEnd });
        const next = dueDates(rule, year + 1, { pairsEnd });
        for (const x of now) expect(academicYearOf(x)).toBe(year);
        expect(next).toHaveLength(now.length === 0 ? 0 : next.length);
        if (rule.kind !== 'monthly') {
          // 29 February is the only date that does not simply move (no such pairs' end is drawn here).
          expect(next).toEqual(now.map((x) => ({ ...x, year: x.year + 1 })));
        }
        const today = d(month >= 9 ? year : year + 1, month, day);
        const shown = nextDue(rule, year, today, { pairsEnd });
        if (shown) expect(now.some((x) => compareDates(x, shown) === 0)).toBe(true);
      }),
    );
  });
});

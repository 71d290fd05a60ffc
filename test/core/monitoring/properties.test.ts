import fc from 'fast-check';
import {
  type CellValue,
  type DiagnosticRow,
  type FeedbackRow,
  REPORTING_DAYS,
  checkCadence,
  compareDates,
  diagnosticsStats,
  feedbackStats,
  lastReportingDate,
  nextReportingDate,
  r145Indicators,
  readRating,
} from '../../../src/core/monitoring';
import { expectAllFinite, leaves } from './helpers';

const NAMES = ['Иванова Мария Петровна', 'Сидоров Пётр', 'Кузнецова А. В.'];

/** Whatever a cell can hold: ratings in and out of the scale, fractions, NaN, Infinity, text, a name, nothing. */
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: 1, max: 10 }),
  fc.integer({ min: -20, max: 30 }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, '', '  ', 'отлично', '7,5', ' 9 ', null, undefined, true, ...NAMES),
  fc.string(),
);
const role = fc.constantFrom('наставник', 'наставляемый', 'Наставник', '', 'родитель', ...NAMES);
const form = fc.constantFrom('ученик – ученик', 'педагог – педагог', '', 'работодатель – ученик');
const id = (prefix: string) => fc.integer({ min: 1, max: 6 }).map((n) => `${prefix}-${n}`);
const date = fc.record({ year: fc.integer({ min: 2024, max: 2028 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });
const threshold = fc.oneof(fc.constantFrom<CellValue>(undefined, '', 'восемь', 0, 11, NaN, Infinity), fc.double({ min: 1, max: 10, noNaN: true }));

const feedbackRow: fc.Arbitrary<FeedbackRow> = fc.record({
  pairId: fc.oneof(id('ПА'), fc.constant('')),
  role,
  form,
  date: fc.option(date, { nil: null }),
  personId: fc.option(id('НЯ'), { nil: undefined }),
  satisfaction: cell,
  quality: cell,
  impact: cell,
});
const diagnosticRow: fc.Arbitrary<DiagnosticRow> = fc.record({
  personId: id('НЯ'),
  pairId: id('ПА'),
  role,
  form,
  phase: fc.constantFrom('входная', 'итоговая', 'Итоговая', '', 'промежуточная'),
  itemCode: fc.constantFrom('satisfaction', 'comfort', 'engagement', 'liked', 'ownQuestion', ''),
  value: cell,
});

function expectNoNames(output: unknown): void {
  const { strings } = leaves(output);
  for (const s of strings) for (const name of NAMES) expect(s).not.toContain(name.split(' ')[0]);
}

test('feedback: every output finite, every figure in range, no name, no answer lost', () => {
  fc.assert(
    fc.property(fc.array(feedbackRow, { maxLength: 40 }), threshold, (rows, t) => {
      const out = feedbackStats(rows, { threshold: t });
      expectAllFinite(out);
      expectNoNames(out);
      for (const g of out.groups) {
        for (const i of g.items) {
          if (i.mean.ok) expect(i.mean.value >= 1 && i.mean.value <= 10).toBe(true);
          if (i.median.ok) expect(i.median.value >= 1 && i.median.value <= 10).toBe(true);
          expect(i.n).toBeLessThanOrEqual(i.answers);
        }
        const s = g.satisfaction;
        if (s.share.ok) expect(s.share.value >= 0 && s.share.value <= 1).toBe(true);
        if (s.meanShare.ok) expect(s.meanShare.value >= 0.1 && s.meanShare.value <= 1).toBe(true);
        expect(s.satisfied).toBeLessThanOrEqual(s.respondents);
      }
      // Each rating of a usable row is counted or rejected (or was empty): none disappears.
      const all = out.groups.filter((g) => g.scope === 'all');
      const counted = all.reduce((sum, g) => sum + g.items.reduce((s, i) => s + i.answers, 0), 0);
      const usable = rows.filter((r) => r.pairId && ['наставник', 'наставляемый'].includes(String(r.role).trim().toLowerCase()));
      const ratings = usable.flatMap((r) => [r.satisfaction, r.quality, r.impact]).filter((v) => readRating(v).ok !== 'empty');
      const rejectedRatings = out.rejected.filter((r) => r.field.includes('(1–10)')).length;
      expect(counted + rejectedRatings).toBe(ratings.length);
    }),
    { numRuns: 200 },
  );
});

test('diagnostics: every output finite, Δ only from people with both phases, no name', () => {
  fc.assert(
    fc.property(fc.array(diagnosticRow, { maxLength: 60 }), threshold, (rows, t) => {
      const out = diagnosticsStats(rows, { threshold: t });
      expectAllFinite(out);
      expectNoNames(out);
      for (const delta of out.deltas) {
        if (delta.delta.ok) {
          expect(delta.n).toBeGreaterThan(0);
          expect(Math.abs(delta.delta.value)).toBeLessThanOrEqual(9);
        } else expect(delta.delta.reason).toMatch(/^нет данных/);
      }
    }),
    { numRuns: 200 },
  );
});

test('indicators: any denominators and people give a number or a «нет данных» reason, never NaN, and no name', () => {
  const person = fc.record({
    id: fc.oneof(id('НЯ'), id('НК')),
    category: fc.constantFrom('обучающийся', 'педагог', 'студент', 'сотрудник партнёра', ''),
    age: fc.oneof(fc.integer({ min: 5, max: 70 }), fc.constantFrom(null, NaN, Infinity)),
    experience: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(null, NaN, 2.5)),
    organisation: fc.constantFrom('', 'АО «Апатит»', ...NAMES),
    consent: fc.boolean(),
  });
  const pair = fc.record({
    id: id('ПА'),
    form,
    mentorId: fc.oneof(id('НК'), fc.constant('')),
    menteeIds: fc.array(fc.oneof(id('НЯ'), fc.constant('')), { maxLength: 3 }),
    status: fc.constantFrom('предложена', 'утверждена', 'активна', 'завершена', 'отклонена', ''),
    start: fc.option(date, { nil: null }),
  });
  const denominator = fc.oneof(cell, fc.constantFrom<CellValue>(0, '0', -1, 1, 3));
  fc.assert(
    fc.property(
      fc.array(person, { maxLength: 15 }),
      fc.array(pair, { maxLength: 10 }),
      fc.record({ mentees10to18: denominator, mentors15to19: denominator, youngTeachers: denominator, partners: denominator }),
      fc.array(fc.record({ respondent: fc.oneof(id('НЯ'), fc.constant('')), role, value: cell }), { maxLength: 20 }),
      date,
      threshold,
      (people, pairs, denominators, satisfaction, day, t) => {
        const out = r145Indicators({ date: day, people, pairs, denominators, satisfaction, threshold: t });
        expectAllFinite(out);
        expectNoNames(out);
        expect(out.indicators).toHaveLength(6);
        for (const i of out.indicators) {
          expect(Number.isInteger(i.numerator) && i.numerator >= 0).toBe(true);
          if (i.value.ok) {
            expect(i.denominator).toBeGreaterThan(0);
            expect(i.status).toBe('');
          } else {
            expect(i.value.reason).toMatch(/^нет данных: /);
            expect(i.status).not.toBe('');
          }
        }
      },
    ),
    { numRuns: 200 },
  );
});

test('cadence: finite counts, never behind by more than expected, summary without names or NaN', () => {
  const meeting = fc.record({
    date: fc.option(date, { nil: null }),
    type: fc.constantFrom('знакомство', 'пробная', 'планирование', 'регулярная', 'итоговая', '', ...NAMES),
  });
  fc.assert(
    fc.property(id('ПА'), fc.option(date, { nil: null }), fc.array(meeting, { maxLength: 30 }), date, (pairId, start, meetings, today) => {
      const r = checkCadence({ pairId, start, meetings }, today);
      expectAllFinite(r);
      expectNoNames(r);
      expect(r.meetings + r.ignored.undated + r.ignored.future + r.ignored.beforeStart).toBe(start && compareDates(start, today) <= 0 ? meetings.length : r.meetings);
      expect(r.behindBy).toBeGreaterThanOrEqual(0);
      if (r.expectedAtLeast !== null) expect(r.behindBy).toBeLessThanOrEqual(r.expectedAtLeast);
      expect(r.summary.startsWith(`${pairId}: `)).toBe(true);
    }),
    { numRuns: 200 },
  );
});

test('reporting dates: the next is on or after the day, the last on or before, none between', () => {
  const isReporting = (d: { month: number; day: number }) => REPORTING_DAYS.some((r) => r.month === d.month && r.day === d.day);
  fc.assert(
    fc.property(date, (day) => {
      const next = nextReportingDate(day);
      const last = lastReportingDate(day);
      expect(isReporting(next) && isReporting(last)).toBe(true);
      expect(compareDates(next, day)).toBeGreaterThanOrEqual(0);
      expect(compareDates(last, day)).toBeLessThanOrEqual(0);
      // Nothing strictly between the last and the next but the day itself when it is one.
      if (compareDates(last, next) !== 0) {
        for (const y of [last.year, next.year])
          for (const r of REPORTING_DAYS) {
            const c = { year: y, month: r.month, day: r.day };
            expect(compareDates(c, last) <= 0 || compareDates(c, next) >= 0).toBe(true);
          }
      }
    }),
    { numRuns: 500 },
  );
});

/**
 * Calendar arithmetic on {year, month, day} dates, as the programme's calendar (Europe/Moscow) has
 * them: no JS Date crosses this boundary, so no host or script zone can shift a day. Day numbers
 * come from Date.UTC, which involves no zone at all.
 */
import type { CalendarDate } from './types';

export interface MonthDay {
  month: number;
  day: number;
}

/** The roadmap's reporting dates (local, notes §3): 15 November and 15 June. */
export const REPORTING_DAYS: readonly MonthDay[] = [
  { month: 11, day: 15 },
  { month: 6, day: 15 },
];

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isCalendarDate(d: unknown): d is CalendarDate {
  if (typeof d !== 'object' || d === null) return false;
  const { year, month, day } = d as Record<string, unknown>;
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    (year as number) >= 1000 &&
    (year as number) <= 9999 &&
    (month as number) >= 1 &&
    (month as number) <= 12 &&
    (day as number) >= 1 &&
    (day as number) <= daysInMonth(year as number, month as number)
  );
}

/** Days since 1970-01-01 of a valid calendar date. */
export function dayNumber(d: CalendarDate): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** The same day `months` later; the 31st becomes the month's last day when the month is shorter. */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** The academic year a day belongs to, by its first calendar year: 1 September starts a new one. */
export function academicYearOf(d: CalendarDate): number {
  return d.month >= 9 ? d.year : d.year - 1;
}

function check(d: CalendarDate): void {
  if (!isCalendarDate(d)) throw new RangeError(`not a calendar date: ${JSON.stringify(d)}`);
}

function candidates(year: number, days: readonly MonthDay[]): CalendarDate[] {
  const out: CalendarDate[] = [];
  for (const y of [year - 1, year, year + 1]) for (const md of days) out.push({ year: y, month: md.month, day: Math.min(md.day, daysInMonth(y, md.month)) });
  return out.sort(compareDates);
}

/** The first reporting date on or after `day` (the day itself when it is one). */
export function nextReportingDate(day: CalendarDate, days: readonly MonthDay[] = REPORTING_DAYS): CalendarDate {
  check(day);
  if (days.length === 0) throw new RangeError('no reporting days');
  const found = candidates(day.year, days).find((c) => compareDates(c, day) >= 0);
  // Within a year there is always one, since each reporting day recurs every year.
  return found as CalendarDate;
}

/** The last reporting date on or before `day` (the day itself when it is one). */
export function lastReportingDate(day: CalendarDate, days: readonly MonthDay[] = REPORTING_DAYS): CalendarDate {
  check(day);
  if (days.length === 0) throw new RangeError('no reporting days');
  const found = candidates(day.year, days)
    .reverse()
    .find((c) => compareDates(c, day) <= 0);
  return found as CalendarDate;
}

/** The reporting dates of an academic year (e.g. 2026 → 15.11.2026 and 15.06.2027), in order. */
export function reportingDatesOf(academicYear: number, days: readonly MonthDay[] = REPORTING_DAYS): CalendarDate[] {
  return days
    .map((md) => {
      const year = md.month >= 9 ? academicYear : academicYear + 1;
      return { year, month: md.month, day: Math.min(md.day, daysInMonth(year, md.month)) };
    })
    .sort(compareDates);
}

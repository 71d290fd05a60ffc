import { CalendarDate } from './dates';

/** Whether a cell holds a real date (a Date from the Apps Script runtime fails instanceof here). */
export function isDateCell(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime());
}

/** «12.11.2026», «12.11.26» or «2026-11-12» typed as text; anything else is not a date. */
export function parseDateText(value: string): CalendarDate | null {
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(value);
  let year: number, month: number, day: number;
  if (m) [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3].length === 2 ? `20${m[3]}` : m[3])];
  else {
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return null;
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day ? { year, month, day } : null;
}

/**
 * The calendar day a cell holds: a Date (through `dateOf`, the spreadsheet's time zone), or a date
 * typed as text; null when empty, 'invalid' when it holds something that is not a date.
 */
export function readCalendarDate(value: unknown, dateOf: (d: Date) => CalendarDate): CalendarDate | null | 'invalid' {
  if (isDateCell(value)) return dateOf(value);
  const text = String(value ?? '').trim();
  if (!text) return null;
  return parseDateText(text) ?? 'invalid';
}

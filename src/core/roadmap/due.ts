/**
 * When a roadmap activity is due, as everyone reads it from «Дорожная карта»: the curator's own
 * date («Свой срок») wins over the date computed from the rule («Срок (дата)»); an activity done
 * or moved is neither overdue nor due soon. One definition for the tracker, the dashboard and the
 * reminders, so they never disagree about what is late.
 */
import { CalendarDate } from '../documents/dates';
import { compareDates, daysBetween } from '../monitoring/calendar';

export const DONE_STATUSES: readonly string[] = ['выполнено', 'перенесено'];

export interface DueInput {
  /** «Срок (дата)»: computed by the tracker, null when the rule gives no date (в течение периода). */
  due: CalendarDate | null;
  /** «Свой срок»: the curator's date, null when empty. */
  override: CalendarDate | null;
  status: string;
}

export const effectiveDue = (row: DueInput): CalendarDate | null => row.override ?? row.due;

const open = (row: DueInput) => !DONE_STATUSES.includes(row.status.trim());

/** Past its date and not done. */
export function isOverdue(row: DueInput, today: CalendarDate): boolean {
  const due = effectiveDue(row);
  return !!due && open(row) && compareDates(due, today) < 0;
}

/** Due today or within `days` days and not done. */
export function isDueSoon(row: DueInput, today: CalendarDate, days: number): boolean {
  const due = effectiveDue(row);
  if (!due || !open(row)) return false;
  const left = daysBetween(today, due);
  return left >= 0 && left <= days;
}

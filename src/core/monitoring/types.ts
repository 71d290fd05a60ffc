/**
 * Plain records the monitoring computations read and the figures they give back. Inputs are what
 * the sheets hold, loosely typed where a cell can hold anything (a rating may be text, empty or 12):
 * the computations reject such values with a reason instead of averaging them.
 */
import type { CalendarDate } from '../documents/dates';

export type { CalendarDate };

export const ROLES = ['наставляемый', 'наставник'] as const;
export type Role = (typeof ROLES)[number];

export const PHASES = ['входная', 'итоговая'] as const;
export type Phase = (typeof PHASES)[number];

/** A cell as the sheet gives it: a number, a text, a boolean, empty. */
export type CellValue = string | number | boolean | null | undefined;

/**
 * A computed number or the reason there is none. A `value` is always finite: «нет данных» is said
 * in words, never as NaN, Infinity or an empty cell.
 */
export type Figure = { ok: true; value: number } | { ok: false; reason: string };

/** One monthly feedback answer (6.2), a row of «Обратная связь». */
export interface FeedbackRow {
  pairId: string;
  role: string;
  form: string;
  date: CalendarDate | null;
  /** Who answered (a code, never a name); absent — the pair and role stand for the respondent. */
  personId?: string;
  satisfaction: CellValue;
  quality: CellValue;
  impact: CellValue;
}

/** One rated item of an entry or exit diagnostic, a row of «Диагностика». */
export interface DiagnosticRow {
  personId: string;
  pairId: string;
  role: string;
  form: string;
  phase: string;
  itemCode: string;
  value: CellValue;
}

export interface PairRecord {
  id: string;
  form: string;
  mentorId: string;
  menteeIds: readonly string[];
  status: string;
  /** The order date; a pair that starts after the reporting date is not counted on it. */
  start?: CalendarDate | null;
}

export interface PersonRecord {
  id: string;
  /** «обучающийся», «педагог», «студент», «сотрудник партнёра». */
  category: string;
  age: number | null;
  /** Years of teaching (teachers only). */
  experience: number | null;
  organisation: string;
  /**
   * Counts are not personal data: a person without consent is counted like anyone else, and no
   * computation here returns a name or any text of a person's.
   */
  consent: boolean;
}

/** A value left out of a computation, and why: for «Ошибки импорта» or «Мониторинг». */
export interface Rejection {
  /** Which input: «Обратная связь», «Диагностика», «Удовлетворённость». */
  source: string;
  /** Position of the record in the input array (0-based); the caller maps it to a sheet row. */
  index: number;
  /** The field in words, e.g. «Удовлетворённость (1–10)». */
  field: string;
  /**
   * Why the value was not used. A number outside the scale is quoted; a text is not, since a cell
   * meant for a rating may hold anything, a name included.
   */
  reason: string;
}

/**
 * Ratings read from cells, and the arithmetic every monitoring figure goes through: a value comes
 * out finite or not at all, with the reason in Russian.
 */
import { signed } from '../../shared/numbers';
import { decimal } from '../language';
import { SCALE_MAX, SCALE_MIN } from './items';
import type { CellValue, Figure } from './types';

export type Rating = { ok: true; value: number } | { ok: false; reason: string } | { ok: 'empty' };

/**
 * A 1–10 rating from a cell: a whole number, as a number or its text («8», « 8 »). An empty cell is
 * «no answer», not an error; anything else is rejected with a reason. Text is not quoted in the
 * reason: a rating cell can hold anything, a name included.
 */
export function readRating(cell: CellValue): Rating {
  if (cell === null || cell === undefined) return { ok: 'empty' };
  if (typeof cell === 'boolean') return { ok: false, reason: 'вместо оценки — флажок; нужна оценка от 1 до 10' };
  let n: number;
  if (typeof cell === 'number') n = cell;
  else {
    const text = cell.trim();
    if (text === '') return { ok: 'empty' };
    if (!/^[+-]?\d+([.,]\d+)?$/.test(text)) return { ok: false, reason: 'вместо оценки — текст; нужна оценка от 1 до 10' };
    n = Number(text.replace(',', '.'));
  }
  if (!Number.isFinite(n)) return { ok: false, reason: 'оценка не число; нужна оценка от 1 до 10' };
  if (!Number.isInteger(n)) return { ok: false, reason: `оценка ${decimal(n)} не целая; нужна оценка от 1 до 10` };
  if (n < SCALE_MIN || n > SCALE_MAX) return { ok: false, reason: `оценка ${decimal(n)} вне шкалы 1–10` };
  return { ok: true, value: n };
}

export const fig = (value: number): Figure => (Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'нет данных: значение не вычисляется' });
export const none = (reason: string): Figure => ({ ok: false, reason });

export const NO_ANSWERS = 'нет данных: нет ни одного ответа';

export function mean(values: readonly number[]): Figure {
  if (values.length === 0) return none(NO_ANSWERS);
  let sum = 0;
  for (const v of values) sum += v;
  return fig(sum / values.length);
}

export function median(values: readonly number[]): Figure {
  if (values.length === 0) return none(NO_ANSWERS);
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return fig(sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

/** numerator ÷ denominator, or why not; the denominator is checked by the caller's words. */
export function share(numerator: number, denominator: number, whenZero: string): Figure {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return none(whenZero);
  return fig(numerator / denominator);
}

/** A figure for a cell: «4,5», «62,5 %» for a share, or its reason. */
export function figureText(f: Figure, asPercent = false, digits = 1): string {
  if (!f.ok) return f.reason;
  return asPercent ? `${decimal(f.value * 100, digits)} %` : decimal(f.value, digits);
}

/** A change with its sign for a cell: «+1,5», «−0,7», «0», or its reason. */
export function deltaText(f: Figure, digits = 1): string {
  return f.ok ? signed(f.value, digits) : f.reason;
}

import { formatDatePattern, fromWallClock } from './../time';
import { Cell, CellValue } from './model';

/** Google's refusal of a longer cell (seen in real Apps Script and Sheets API error logs). */
export const CELL_LIMIT = 50000;
export const CELL_TOO_LONG = 'Your input contains more than the maximum of 50000 characters in a single cell.';

/** Throws Google's error when a written value would not fit in one cell. */
export function checkCellSize(input: unknown): void {
  if (typeof input === 'string' && input.length > CELL_LIMIT) throw new Error(CELL_TOO_LONG);
}

/**
 * What a cell becomes when a script writes a value: Sheets treats setValue/setValues like typing
 * (USER_ENTERED), so "=1+1" becomes a formula and "1,5" a number in a Russian spreadsheet,
 * unless the cell's number format is plain text ('@') or the text starts with an apostrophe.
 * A leading "+" or "-" also starts a formula when the rest is not a number: Sheets stores
 * "+7 999 123-45-67" as the formula "=+7 999 123-45-67" and shows #ERROR! (a formula parse error).
 * A leading "@" stays text (no evidence that Sheets reads it as a formula; see the fidelity notes).
 */
export function typeIn(input: unknown, format: string | undefined, locale: string, timeZone: string): Pick<Cell, 'v' | 'f'> {
  if (input === null || input === undefined) return { v: '' };
  if (input instanceof Date) return { v: new Date(input.getTime()) };
  if (typeof input === 'number') return { v: Number.isFinite(input) ? input : '' };
  if (typeof input === 'boolean') return { v: input };
  const text = String(input);
  if (format === '@') return { v: text };
  if (text.startsWith("'")) return { v: text.slice(1) };
  if (text.length > 1 && text.startsWith('=')) return { v: '', f: text };
  const parsed = parseTyped(text, locale, timeZone);
  if (parsed !== null) return { v: parsed };
  if (text.length > 1 && (text.startsWith('+') || text.startsWith('-'))) return { v: '', f: `=${text}` };
  return { v: text };
}

export function parseTyped(text: string, locale: string, timeZone: string): CellValue | null {
  const t = text.trim();
  if (t === '') return null;
  const ru = locale.startsWith('ru');
  const upper = t.toUpperCase();
  if (upper === 'TRUE' || upper === 'ИСТИНА') return true;
  if (upper === 'FALSE' || upper === 'ЛОЖЬ') return false;
  const decimal = ru ? ',' : '.';
  const num = new RegExp(`^[+-]?(\\d+|\\d{1,3}(${ru ? '\\s|\\u00a0' : ','}\\d{3})+)(\\${decimal}\\d+)?(%)?$`);
  if (num.test(t)) {
    const clean = t
      .replace(/[\s\u00a0]/g, '')
      .replace(ru ? /,/ : /,/g, ru ? '.' : '')
      .replace('%', '');
    const n = Number(clean);
    if (Number.isFinite(n)) return t.endsWith('%') ? n / 100 : n;
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  const local = ru ? /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t) : /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  let fields: number[] | null = null;
  if (iso) fields = [Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0)];
  else if (local && ru) fields = [Number(local[3]), Number(local[2]), Number(local[1]), Number(local[4] ?? 0), Number(local[5] ?? 0), Number(local[6] ?? 0)];
  else if (local) fields = [Number(local[3]), Number(local[1]), Number(local[2]), Number(local[4] ?? 0), Number(local[5] ?? 0), Number(local[6] ?? 0)];
  if (fields) {
    const [year, month, day, hour, minute, second] = fields;
    // A day the month lacks («31.02.2026») stays text in Sheets; it never rolls into March.
    const monthDays = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
    if (month >= 1 && month <= 12 && day >= 1 && day <= monthDays && hour < 24 && minute < 60 && second < 60) {
      return fromWallClock({ year, month, day, hour, minute, second, millisecond: 0 }, timeZone);
    }
  }
  return null;
}

/** getDisplayValues: what the cell shows, by locale and format. */
export function displayValue(cell: Cell | undefined, locale: string, timeZone: string): string {
  if (!cell) return '';
  const v = cell.v;
  const ru = locale.startsWith('ru');
  if (v instanceof Date) {
    const hasTime = formatDatePattern(v, timeZone, 'HH:mm:ss') !== '00:00:00';
    const datePattern = ru ? 'dd.MM.yyyy' : 'M/d/yyyy';
    if (cell.fmt && /[hHms]/.test(cell.fmt) && !/[dMy]/.test(cell.fmt)) return formatDatePattern(v, timeZone, 'H:mm:ss');
    return formatDatePattern(v, timeZone, hasTime ? `${datePattern} H:mm:ss` : datePattern);
  }
  if (typeof v === 'boolean') return ru ? (v ? 'ИСТИНА' : 'ЛОЖЬ') : v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    const text = String(Number.isInteger(v) ? v : Number(v.toPrecision(15)));
    return ru ? text.replace('.', ',') : text;
  }
  return v;
}

/**
 * The export for the municipal platform «Наставник» (roadmap 7.4): one row per participant with a
 * valid consent to processing, and per pair or group they are in. The platform's field list is not
 * published, so the columns and their order come from «Настройки»; the defaults follow the bases.
 * Nobody without consent appears, not even by ID in someone else's row.
 */
import { CONSENT, consentAllows } from '../intake/consent';
import { cleanText } from '../text/inert';
import { EXPORT_TEXT } from './strings';

export const PLATFORM_SHEET = 'Выгрузка «Наставник»';
export const PLATFORM_FILE = 'Выгрузка для платформы «Наставник».csv';
export const PLATFORM_MIME = 'text/csv';

/** Pairs that exist for the platform: approved, working or finished (not proposals, not rejected). */
export const EXPORTED_PAIR_STATUSES: readonly string[] = ['утверждена', 'активна', 'завершена'];

export type PlatformRole = 'наставник' | 'наставляемый';

export interface PlatformPerson {
  id: string;
  name: string;
  role: PlatformRole;
  category: string;
  organisation: string;
  position: string;
  grade: string;
  association: string;
  /** «Статус» on the base. */
  status: string;
  /** «Школа наставников», mentors only. */
  training: string;
  /** The consent in force, from «Согласия» (CONSENT values). */
  consent: string;
}

/** A day as the sheet holds it: a Date, text, or empty. */
export type DayCell = Date | string | number | boolean | null;

export interface PlatformPair {
  /** The row's ID (ПА-…). */
  id: string;
  /** The pair's or group's ID: «Группа» when the row belongs to one. */
  unit: string;
  form: string;
  mentorId: string;
  menteeId: string;
  status: string;
  start: DayCell;
  end: DayCell;
}

export interface PlatformRow {
  person: PlatformPerson;
  pair: PlatformPair | null;
  /** The other side of the pair, only if they have consent too. */
  mentor: PlatformPerson | null;
  mentee: PlatformPerson | null;
}

export interface ExportContext {
  /** The centre's short name: a mentee's organisation, and a mentor's when none is entered. */
  organisation: string;
  /** A date cell as the file shows it (dd.MM.yyyy in the spreadsheet's time zone). */
  formatDate: (date: Date) => string;
}

interface ColumnSpec {
  name: string;
  value: (row: PlatformRow, ctx: ExportContext) => string | DayCell;
}

const inPair = (row: PlatformRow, get: (pair: PlatformPair) => string | DayCell) => (row.pair ? get(row.pair) : '');

/** Every column the export knows, in the default order. */
export const PLATFORM_COLUMNS: readonly ColumnSpec[] = [
  { name: 'Роль', value: (r) => r.person.role },
  { name: 'ID', value: (r) => r.person.id },
  { name: 'ФИО', value: (r) => r.person.name },
  { name: 'Категория', value: (r) => r.person.category },
  { name: 'Организация', value: (r, ctx) => (r.person.role === 'наставник' && r.person.organisation) || ctx.organisation },
  { name: 'Должность', value: (r) => r.person.position },
  { name: 'Класс / год обучения', value: (r) => r.person.grade },
  { name: 'Объединение', value: (r) => r.person.association },
  { name: 'Пара', value: (r) => inPair(r, (p) => p.unit) },
  { name: 'Форма наставничества', value: (r) => inPair(r, (p) => p.form) },
  { name: 'ID наставника', value: (r) => r.mentor?.id ?? '' },
  { name: 'Наставник', value: (r) => r.mentor?.name ?? '' },
  { name: 'ID наставляемого', value: (r) => r.mentee?.id ?? '' },
  { name: 'Наставляемый', value: (r) => r.mentee?.name ?? '' },
  { name: 'Статус пары', value: (r) => inPair(r, (p) => p.status) },
  { name: 'Дата начала', value: (r) => inPair(r, (p) => p.start) },
  { name: 'Дата окончания', value: (r) => inPair(r, (p) => p.end) },
  { name: 'Статус участника', value: (r) => r.person.status },
  { name: 'Школа наставников', value: (r) => (r.person.role === 'наставник' ? r.person.training : '') },
  { name: 'Публикация разрешена', value: (r) => (r.person.consent === CONSENT.valid ? 'да' : 'нет') },
];

export const DEFAULT_PLATFORM_COLUMNS = PLATFORM_COLUMNS.map((c) => c.name).join('; ');

/** Names compared as a person types them: case, «ё» and spaces do not matter. */
const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase().replace(/ё/g, 'е');

/**
 * The columns the setting names, in its order («;» or a new line between names); empty means the
 * defaults. An unknown or repeated name is refused with a message that lists the known names.
 */
export function parseColumns(setting: string): { columns: ColumnSpec[] } | { error: string } {
  const names = setting
    .split(/[;\n]/)
    .map((n) => n.trim())
    .filter(Boolean);
  if (!names.length) return { columns: [...PLATFORM_COLUMNS] };
  const byKey = new Map(PLATFORM_COLUMNS.map((c) => [key(c.name), c]));
  const unknown = names.filter((n) => !byKey.has(key(n)));
  const known = PLATFORM_COLUMNS.map((c) => c.name);
  if (unknown.length) return { error: EXPORT_TEXT.unknownColumns(unknown, known) };
  const seen = new Set<string>();
  const repeated = names.filter((n) => (seen.has(key(n)) ? true : (seen.add(key(n)), false)));
  if (repeated.length) return { error: EXPORT_TEXT.repeatedColumns(repeated) };
  return { columns: names.map((n) => byKey.get(key(n))!) };
}

/** The people the export may name: a name on the base and a valid consent to processing. */
export function exportable(person: PlatformPerson): boolean {
  return !!person.id && !!person.name.trim() && consentAllows(person.consent);
}

/**
 * The rows: mentors, then mentees, each in the base's order; a person once per pair or group they
 * are (or were) in, in the order of «Пары и группы», or once without a pair. The other side of a
 * pair is shown only if they too may be named.
 */
export function platformRows(people: readonly PlatformPerson[], pairs: readonly PlatformPair[]): PlatformRow[] {
  const allowed = new Map<string, PlatformPerson>();
  for (const p of people) if (exportable(p)) allowed.set(`${p.role}:${p.id}`, p);
  // Each person's pairs, indexed once: thousands of people times thousands of pairs is too slow to scan.
  const pairsOf = new Map<string, PlatformPair[]>();
  for (const pair of pairs) {
    if (!EXPORTED_PAIR_STATUSES.includes(pair.status.trim())) continue;
    for (const k of [`наставник:${pair.mentorId.trim()}`, `наставляемый:${pair.menteeId.trim()}`]) {
      const list = pairsOf.get(k);
      if (list) list.push(pair);
      else pairsOf.set(k, [pair]);
    }
  }
  const rows: PlatformRow[] = [];
  for (const role of ['наставник', 'наставляемый'] as const) {
    for (const person of people) {
      if (person.role !== role || !allowed.has(`${role}:${person.id}`)) continue;
      const own = pairsOf.get(`${role}:${person.id}`) ?? [];
      if (!own.length) rows.push({ person, pair: null, mentor: null, mentee: null });
      for (const pair of own) {
        rows.push({
          person,
          pair,
          mentor: allowed.get(`наставник:${pair.mentorId.trim()}`) ?? null,
          mentee: allowed.get(`наставляемый:${pair.menteeId.trim()}`) ?? null,
        });
      }
    }
  }
  return rows;
}

function text(value: string | DayCell, ctx: ExportContext): string {
  if (value === null || value === undefined) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const date = value as Date;
    return Number.isNaN(date.getTime()) ? '' : ctx.formatDate(date);
  }
  // Cleaned as every cell the add-on writes is: the file holds exactly what the sheet shows.
  return cleanText(String(value)).trim();
}

/** The header and the rows as text, cleaned of control and invisible characters: the same cells go to the sheet and to the CSV file. */
export function platformTable(columns: readonly ColumnSpec[], rows: readonly PlatformRow[], ctx: ExportContext): string[][] {
  return [columns.map((c) => c.name), ...rows.map((row) => columns.map((c) => text(c.value(row, ctx), ctx)))];
}

import { normalizeHeader } from '../workbook/headers';
import { cleanText } from '../text/inert';
import { FieldKind, QuestionDef, QuestionnaireDef } from './types';

/** A value as a response sheet cell holds it (Date for the timestamp, strings or numbers for answers). */
export type CellValue = string | number | boolean | Date;
export type Answer = string | number | string[];

export interface IntakeProblem {
  /** Row of the response sheet (1-based); 0 for the sheet as a whole. */
  row: number;
  field: string;
  value: string;
  reason: string;
  /** The response cannot be imported at all (the other problems only leave a field empty). */
  fatal: boolean;
}

export interface ParsedResponse {
  row: number;
  timestamp: Date | null;
  email: string;
  answers: Record<string, Answer>;
  /** Stable fingerprint of the answers, independent of column order. */
  fingerprint: string;
}

export const TIMESTAMP_HEADERS = ['Отметка времени', 'Timestamp'];
export const EMAIL_HEADERS = ['Адрес электронной почты', 'Email Address', 'Электронная почта'];

export function isDate(value: unknown): value is Date {
  // Dates may come from another realm (the Apps Script runtime's own), so instanceof is not enough.
  return Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime());
}

export interface SheetLayout {
  timestamp: number;
  email: number;
  /** 1-based column per question key; for grids one column per row title. */
  columns: Map<string, number | Map<string, number>>;
  /** Questions whose column is missing from the sheet (deleted or never there). */
  missing: QuestionDef[];
  /** Column → older columns with the same title (a question restored in the Form). */
  earlier?: ReadonlyMap<number, readonly number[]>;
}

/** A question's cell in a row: its column, or an older column of the same title if that is empty. */
function cellAt(layout: SheetLayout, cells: readonly CellValue[], column: number): CellValue | undefined {
  const value = cells[column - 1];
  if (value !== '' && value !== null && value !== undefined) return value;
  for (const c of [...(layout.earlier?.get(column) ?? [])].reverse()) {
    const older = cells[c - 1];
    if (older !== '' && older !== null && older !== undefined) return older;
  }
  return value;
}

/**
 * Finds each question's column by title, the way Google names them («Вопрос [строка]» for grids).
 * A question deleted and restored in the Form gets a new column with the same title at the right;
 * new answers land there, so the right-most of equal titles is the one read (the older ones are
 * `earlier`, read only where the newer cell is empty).
 */
export function locateQuestions(header: readonly unknown[], def: QuestionnaireDef, mapped: ReadonlyMap<string, string> = new Map()): SheetLayout {
  const byText = new Map<string, number>();
  const earlier = new Map<number, number[]>();
  header.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (!key) return;
    const before = byText.get(key);
    if (before) earlier.set(i + 1, [...(earlier.get(before) ?? []), before]);
    byText.set(key, i + 1);
  });
  const find = (titles: readonly string[]) => titles.map((t) => byText.get(normalizeHeader(t)) ?? 0).find((c) => c > 0) ?? 0;
  const columns = new Map<string, number | Map<string, number>>();
  const missing: QuestionDef[] = [];
  for (const q of def.questions) {
    const titles = [q.title, ...(q.aliases ?? []), ...(mapped.has(q.key) ? [mapped.get(q.key)!] : [])];
    if (q.type === 'CHECKBOX_GRID') {
      const rows = new Map<string, number>();
      for (const r of q.rows ?? []) {
        const c = find(titles.map((t) => `${t} [${r}]`));
        if (c) rows.set(r, c);
      }
      if (rows.size) columns.set(q.key, rows);
      else missing.push(q);
    } else {
      const c = find(titles);
      if (c) columns.set(q.key, c);
      else missing.push(q);
      // A question that took over an earlier one's place (asked in another section now) still
      // finds a response of the earlier form in that one's column when its own is empty.
      const before = [...new Set((q.aliases ?? []).map((t) => byText.get(normalizeHeader(t)) ?? 0))].filter((a) => a > 0 && a !== c);
      if (c && before.length) earlier.set(c, [...before, ...(earlier.get(c) ?? [])]);
    }
  }
  return { timestamp: find(TIMESTAMP_HEADERS) || 1, email: find(EMAIL_HEADERS), columns, missing, earlier };
}

/** An answer as the bases will keep it: the same cleaning as every write of people's text. */
function clean(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = isDate(value) ? value.toISOString() : String(value);
  return cleanText(text).trim();
}

/**
 * Splits a checkbox answer Google joined with ", ". Known choices may themselves contain ", ",
 * so they are matched first, longest first; what is left are «Другое» answers.
 */
export function splitChoices(text: string, choices: readonly string[]): { known: string[]; other: string[] } {
  const known: string[] = [];
  const other: string[] = [];
  const sorted = [...choices].sort((a, b) => b.length - a.length);
  let rest = text.trim();
  while (rest) {
    const hit = sorted.find((c) => rest === c || rest.startsWith(`${c}, `));
    if (hit) {
      known.push(hit);
      rest = rest.slice(hit.length).replace(/^, /, '');
      continue;
    }
    const cut = rest.indexOf(', ');
    const piece = cut < 0 ? rest : rest.slice(0, cut);
    // An «Другое» answer may contain ", " too: it runs until the next known choice.
    let end = cut < 0 ? rest.length : cut;
    while (end < rest.length && !sorted.some((c) => rest.slice(end + 2) === c || rest.slice(end + 2).startsWith(`${c}, `))) {
      const next = rest.indexOf(', ', end + 2);
      end = next < 0 ? rest.length : next;
    }
    const value = rest.slice(0, end).trim() || piece.trim();
    if (value) other.push(value);
    rest = rest.slice(end).replace(/^, /, '');
  }
  return { known, other };
}

/**
 * A list the bases keep joined with ", " (topics, competencies, interests): known items may contain
 * ", " themselves, so they are recognised first; anything else is cut at the next ", ".
 */
export function splitList(value: unknown, vocabulary: readonly string[] = []): string[] {
  const sorted = [...vocabulary].sort((a, b) => b.length - a.length);
  const out: string[] = [];
  let rest = String(value ?? '').trim();
  while (rest) {
    const hit = sorted.find((c) => rest === c || rest.startsWith(`${c}, `) || rest.startsWith(`${c},`));
    const cut = hit ? hit.length : rest.indexOf(',') < 0 ? rest.length : rest.indexOf(',');
    const item = rest.slice(0, cut).trim();
    if (item) out.push(item);
    rest = rest.slice(cut).replace(/^,\s*/, '').trim();
  }
  return out;
}

const GRADE = /^(\d{1,2})\s*[-–]?\s*([А-Яа-яЁё])?\s*(?:кл\.?|класс)?$/i;

/** A school class 1–11 (a letter allowed): «7», «7А», «7 «Б»», «7 кл.»; «12А» is refused. */
export function parseGrade(text: string): number | null {
  const m = GRADE.exec(text.replace(/[«»"']/g, '').trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 11 ? n : null;
}

function parseWholeNumber(text: string): number | null {
  const m = /^(\d{1,3})(?:\s*(?:лет|года|год|г\.?))?$/i.exec(text.trim());
  return m ? Number(m[1]) : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

type FieldResult = { value: Answer | null; problem?: string };

/** The question's choices and the answers earlier versions of the form offered. */
function knownChoices(q: QuestionDef): string[] {
  return [...(q.choices ?? []), ...Object.keys(q.answerAliases ?? {})];
}

/** A picked choice as the bases keep it: an earlier wording read as today's, a worded choice as its term. */
function storedChoice(q: QuestionDef, picked: string): string {
  const current = q.choices?.includes(picked) ? picked : (q.answerAliases?.[picked] ?? picked);
  return q.stores?.[current] ?? current;
}

/** The field a question's answer fills. */
export const answerKeyOf = (q: QuestionDef): string => q.answerKey ?? q.key;

/**
 * The branch sections this respondent skipped, by the stored answer to the routing question; none
 * when the form has no branches or the answer is not one a branch is for.
 */
function skippedSections(def: QuestionnaireDef, routeAnswer: Answer | undefined): Set<string> {
  const branches = (def.sections ?? []).filter((s) => s.forAnswers);
  if (typeof routeAnswer !== 'string' || !branches.some((s) => s.forAnswers!.includes(routeAnswer))) return new Set();
  return new Set(branches.filter((s) => !s.forAnswers!.includes(routeAnswer)).map((s) => s.key));
}

function readField(q: QuestionDef, raw: string, kind: FieldKind): FieldResult {
  switch (kind.kind) {
    case 'text':
      if (raw.length > kind.maxLength) {
        return { value: raw.slice(0, kind.maxLength), problem: `ответ длиной ${raw.length} символов длиннее допустимых ${kind.maxLength}; сохранены первые ${kind.maxLength}` };
      }
      return { value: raw };
    case 'number': {
      const n = parseWholeNumber(raw);
      if (n === null) return { value: null, problem: `«${raw}» — не целое число` };
      if (n < kind.min || n > kind.max) return { value: null, problem: `${n} — вне допустимого диапазона ${kind.min}–${kind.max}` };
      return { value: n };
    }
    case 'grade': {
      const n = parseGrade(raw);
      return n === null ? { value: null, problem: `класс «${raw}» не распознан: ожидается номер класса от 1 до 11, например «7А»` } : { value: n };
    }
    case 'choice': {
      const hit = knownChoices(q).find((c) => normalizeHeader(c) === normalizeHeader(raw));
      if (hit) return { value: storedChoice(q, hit) };
      return q.otherOption ? { value: raw } : { value: null, problem: `ответа «${raw}» нет среди вариантов вопроса` };
    }
    case 'choices': {
      const { known, other } = splitChoices(raw, knownChoices(q));
      const values = known.map((c) => storedChoice(q, c));
      if (other.length && !q.otherOption) return { value: values, problem: `вариантов ${other.map((o) => `«${o}»`).join(', ')} нет среди вариантов вопроса` };
      return { value: [...values, ...other] };
    }
    case 'phoneOrEmail': {
      const digits = raw.replace(/\D/g, '');
      if (EMAIL.test(raw) || (digits.length >= 6 && digits.length <= 15 && /^[\d\s()+\-.]+$/.test(raw))) return { value: raw };
      return { value: raw, problem: `«${raw}» не похоже на телефон или e-mail` };
    }
    case 'grid':
      return { value: null };
    case 'date': {
      const day = readDay(raw);
      return day ? { value: day } : { value: null, problem: `«${raw}» — не дата: ожидается день в виде ДД.ММ.ГГГГ` };
    }
  }
}

/**
 * A day answer: a Date cell arrives as its ISO moment (kept so: the server reads it in the
 * spreadsheet's zone), a typed day as «YYYY-MM-DD». Anything else is not a day.
 */
function readDay(raw: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/.test(raw)) return Number.isNaN(new Date(raw).getTime()) ? null : raw;
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const [y, m, d] = ru ? [Number(ru[3]), Number(ru[2]), Number(ru[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [0, 0, 0];
  if (!y) return null;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DAY_SHORT: Record<string, string> = { Понедельник: 'пн', Вторник: 'вт', Среда: 'ср', Четверг: 'чт', Пятница: 'пт', Суббота: 'сб', Воскресенье: 'вс' };

/** Schedule slots as the bases store them: «пн после 15:00». */
export function slotName(day: string, part: string): string {
  return `${DAY_SHORT[day] ?? day.toLowerCase()} ${part}`;
}

function fnv(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(36);
}

/**
 * The response's time: a Date as Google writes it, or text a person pasted («05.10.2026 9:30:00»,
 * ISO), read in the script's zone (the project's manifest zone, Europe/Moscow).
 */
export function parseTimestamp(value: unknown): Date | null {
  if (isDate(value)) return value;
  const text = String(value ?? '').trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (ru) return new Date(Number(ru[3]), Number(ru[2]) - 1, Number(ru[1]), Number(ru[4] ?? 0), Number(ru[5] ?? 0), Number(ru[6] ?? 0));
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/** Reads one response row against its questionnaire; problems never stop the other fields. */
export function parseResponse(def: QuestionnaireDef, layout: SheetLayout, cells: readonly CellValue[], row: number): { response: ParsedResponse | null; problems: IntakeProblem[] } {
  const problems: IntakeProblem[] = [];
  const answers: Record<string, Answer> = {};
  const fingerprintParts: string[] = [];
  const timestamp = parseTimestamp(cells[layout.timestamp - 1]);
  // The routing answer first: a respondent's answers are read only from the sections they were led to.
  const route = def.questions.find((q) => q.key === def.route);
  const routeAt = route ? layout.columns.get(route.key) : undefined;
  const routeRaw = typeof routeAt === 'number' ? clean(cellAt(layout, cells, routeAt)) : '';
  const skipped = skippedSections(def, route && routeRaw ? (readField(route, routeRaw, route.field).value ?? undefined) : undefined);
  // A section reached without a known routing answer (a hand-made or damaged row) asks for nothing.
  const branchUnknown = !!route && skipped.size === 0;
  const branchKeys = new Set((def.sections ?? []).filter((s) => s.forAnswers).map((s) => s.key));
  // One answer read by two questions (a single-page form's column under both sections' titles) counts once.
  const counted = new Set<string>();
  for (const q of def.questions) {
    const at = layout.columns.get(q.key);
    if (at === undefined) continue;
    if (typeof at !== 'number') {
      const slots: string[] = [];
      for (const [day, column] of at) {
        const picked = splitChoices(clean(cellAt(layout, cells, column)), q.columns ?? []).known;
        fingerprintParts.push(`${q.key}[${day}]=${picked.join('|')}`);
        for (const part of picked) slots.push(slotName(day, part));
      }
      if (slots.length) answers[q.key] = slots;
      continue;
    }
    const raw = clean(cellAt(layout, cells, at));
    const key = answerKeyOf(q);
    if (!counted.has(`${key}=${raw}`) && (raw || !q.addedLater)) fingerprintParts.push(`${key}=${raw}`);
    counted.add(`${key}=${raw}`);
    if (q.section && skipped.has(q.section)) continue;
    const optional = !!q.section && branchKeys.has(q.section) && branchUnknown;
    if (!raw) {
      if (q.required && !optional && answers[key] === undefined)
        problems.push({ row, field: q.title, value: '', reason: 'не заполнен обязательный вопрос', fatal: q.key === 'name' || q.key === 'category' || !!q.strict });
      continue;
    }
    if (answers[key] !== undefined) continue;
    const { value, problem } = readField(q, raw, q.field);
    if (problem) problems.push({ row, field: q.title, value: raw.length > 500 ? `${raw.slice(0, 500)}…` : raw, reason: problem, fatal: !!q.strict });
    if (value !== null && !(Array.isArray(value) && value.length === 0)) answers[key] = value;
  }
  const fatal = problems.some((p) => p.fatal);
  const email = layout.email ? clean(cells[layout.email - 1]) : '';
  const fingerprint = `${timestamp ? timestamp.getTime() : 'без-времени'}:${fnv(fingerprintParts.sort().join('\n'))}`;
  return { response: fatal ? null : { row, timestamp, email, answers, fingerprint }, problems };
}

/**
 * Is a pair keeping the programme's pace (6.1)? The programme asks for 1–2 meetings a week for at
 * least two months, the kinds in order: знакомство → пробная → планирование → регулярные → итоговая.
 * The check counts whole weeks from the order date, so a pair is never «behind» for a week that is
 * not over yet.
 */
import { numericDate } from '../documents/dates';
import { type NounForms, plural } from '../language';
import { addMonths, compareDates, dayNumber, isCalendarDate } from './calendar';
import type { CalendarDate } from './types';

/** The kinds in the order the programme runs them (the same list as «Тип встречи» on «Встречи»). */
export const MEETING_KINDS = ['знакомство', 'пробная', 'планирование', 'регулярная', 'итоговая'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
const FINAL: MeetingKind = 'итоговая';

export interface MeetingRecord {
  date: CalendarDate | null;
  /** «Тип встречи» as the sheet holds it. */
  type: string;
}

export interface CadenceInput {
  pairId: string;
  /** The order date the pair started on. */
  start: CalendarDate | null;
  meetings: readonly MeetingRecord[];
}

export interface CadenceOptions {
  /** Meetings a week at the least; default 1 (the programme asks 1–2). */
  perWeek?: number;
  /** Whole weeks without a meeting that are still fine; default 1 (two empty weeks are a lag). */
  maxGapWeeks?: number;
  /** The shortest programme, in months; default 2. */
  minMonths?: number;
}

export type CadenceState = 'noStart' | 'notStarted' | 'working' | 'finished';

export interface CadenceResult {
  pairId: string;
  state: CadenceState;
  /** Meetings held from the start to today (dated, not in the future, not before the start). */
  meetings: number;
  /** Whole weeks from the start to today, or to the итоговая meeting once it was held. */
  weeks: number | null;
  expectedAtLeast: number | null;
  /** Meetings short of the expected number (0 when on pace). */
  behindBy: number;
  /** Whole weeks since the last meeting (since the start when there was none); null once finished. */
  weeksSinceLast: number | null;
  /** Short of meetings, or too long without one. */
  behind: boolean;
  /** Earlier kinds never held although a later one was. */
  missingKinds: MeetingKind[];
  /** «знакомство» после «регулярная»: a kind held after a later kind. */
  outOfOrder: string[];
  /** The итоговая meeting came before the programme's minimum length. */
  finishedTooEarly: boolean;
  /** Meetings left out of the count (the import reports them as errors). */
  ignored: { undated: number; future: number; beforeStart: number };
  /** Anything above that the curator should look at. */
  needsAttention: boolean;
  /** One Russian line for «Мониторинг» and the summary; the pair's ID only, never a name. */
  summary: string;
}

const MEETINGS: NounForms = ['встреча', 'встречи', 'встреч'];
/** After «за» and before «назад»: «за 1 неделю», «3 недели назад», «5 недель назад». */
const WEEKS_ACC: NounForms = ['неделю', 'недели', 'недель'];
const MONTHS_ACC: NounForms = ['месяц', 'месяца', 'месяцев'];

/** «регулярные», «Регулярная встреча», «итоговая » → the kind; anything else → undefined. */
export function meetingKind(type: string): MeetingKind | undefined {
  const t = String(type ?? '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .trim();
  if (t.startsWith('знакомств')) return 'знакомство';
  if (t.startsWith('пробн')) return 'пробная';
  if (t.startsWith('планировани')) return 'планирование';
  if (t.startsWith('регулярн')) return 'регулярная';
  if (t.startsWith('итогов')) return 'итоговая';
  return undefined;
}

const rank = (k: MeetingKind) => MEETING_KINDS.indexOf(k);
const whole = (n: number | undefined, fallback: number) => (typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : fallback);
const quoted = (kinds: readonly string[]) => kinds.map((k) => `«${k}»`).join(', ');

/** The pace of one pair as of `today`. */
export function checkCadence(pair: CadenceInput, today: CalendarDate, options: CadenceOptions = {}): CadenceResult {
  if (!isCalendarDate(today)) throw new RangeError(`not a calendar date: ${JSON.stringify(today)}`);
  const perWeek = whole(options.perWeek, 1);
  const maxGap = whole(options.maxGapWeeks, 1);
  const minMonths = whole(options.minMonths, 2);
  const id = String(pair.pairId ?? '').trim();
  const start = pair.start && isCalendarDate(pair.start) ? pair.start : null;
  const ignored = { undated: 0, future: 0, beforeStart: 0 };
  const empty = { missingKinds: [], outOfOrder: [], finishedTooEarly: false, ignored, needsAttention: false };

  if (!start) {
    return {
      pairId: id,
      state: 'noStart',
      meetings: 0,
      weeks: null,
      expectedAtLeast: null,
      behindBy: 0,
      weeksSinceLast: null,
      behind: false,
      ...empty,
      needsAttention: true,
      summary: `${id}: не указана дата начала (дата приказа) — темп встреч не проверить`,
    };
  }
  if (compareDates(start, today) > 0) {
    return {
      pairId: id,
      state: 'notStarted',
      meetings: 0,
      weeks: 0,
      expectedAtLeast: 0,
      behindBy: 0,
      weeksSinceLast: null,
      behind: false,
      ...empty,
      summary: `${id}: работа начнётся ${numericDate(start)}`,
    };
  }

  // Held meetings in date order; ties keep the order they were logged in.
  const held: { date: CalendarDate; kind: MeetingKind | undefined; at: number }[] = [];
  (pair.meetings ?? []).forEach((m, at) => {
    if (!m || !isCalendarDate(m.date)) ignored.undated++;
    else if (compareDates(m.date, today) > 0) ignored.future++;
    else if (compareDates(m.date, start) < 0) ignored.beforeStart++;
    else held.push({ date: m.date, kind: meetingKind(m.type), at });
  });
  held.sort((a, b) => compareDates(a.date, b.date) || a.at - b.at);

  const finals = held.filter((m) => m.kind === FINAL);
  const finishedOn = finals.length ? finals[finals.length - 1].date : null;
  const end = finishedOn ?? today;
  const weeks = Math.floor((dayNumber(end) - dayNumber(start)) / 7);
  const expectedAtLeast = Math.floor(weeks * perWeek);
  const behindBy = Math.max(0, expectedAtLeast - held.length);
  const last = held.length ? held[held.length - 1].date : null;
  const weeksSinceLast = finishedOn ? null : Math.floor((dayNumber(today) - dayNumber(last ?? start)) / 7);
  const behind = behindBy > 0 || (weeksSinceLast !== null && weeksSinceLast > maxGap);

  let highest = -1;
  const outOfOrder: string[] = [];
  for (const m of held) {
    if (!m.kind) continue;
    const r = rank(m.kind);
    if (r < highest) {
      const text = `«${m.kind}» после «${MEETING_KINDS[highest]}»`;
      if (!outOfOrder.includes(text)) outOfOrder.push(text);
    }
    highest = Math.max(highest, r);
  }
  const kindsHeld = new Set(held.map((m) => m.kind));
  const missingKinds = MEETING_KINDS.filter((k) => rank(k) < highest && !kindsHeld.has(k));
  const finishedTooEarly = finishedOn !== null && compareDates(finishedOn, addMonths(start, minMonths)) < 0;

  const parts: string[] = [];
  if (weeks === 0) parts.push(`${held.length ? plural(held.length, MEETINGS) : 'встреч ещё не было'}, пара ${finishedOn ? 'работала' : 'работает'} меньше недели`);
  else {
    const count = held.length ? plural(held.length, MEETINGS) : 'ни одной встречи';
    parts.push(`${count} за ${plural(weeks, WEEKS_ACC)} (ожидается не менее ${expectedAtLeast})`);
  }
  const tail: string[] = [];
  if (finishedOn) tail.push(`итоговая — ${numericDate(finishedOn)}`);
  else if (last && weeks > 0) tail.push(weeksSinceLast === 0 ? 'последняя — менее недели назад' : `последняя — ${plural(weeksSinceLast ?? 0, WEEKS_ACC)} назад`);
  if (missingKinds.length === 1) tail.push(`не было встречи «${missingKinds[0]}»`);
  else if (missingKinds.length > 1) tail.push(`не было встреч ${quoted(missingKinds)}`);
  if (outOfOrder.length) tail.push(`встречи не по порядку: ${outOfOrder.join(', ')}`);
  if (finishedTooEarly) tail.push(`итоговая встреча раньше, чем через ${plural(minMonths, MONTHS_ACC)} работы`);
  const summary = `${id}: ${parts.join('')}${tail.length ? `, ${tail[0]}` : ''}${tail.length > 1 ? `; ${tail.slice(1).join('; ')}` : ''}`;

  return {
    pairId: id,
    state: finishedOn ? 'finished' : 'working',
    meetings: held.length,
    weeks,
    expectedAtLeast,
    behindBy,
    weeksSinceLast,
    behind,
    missingKinds,
    outOfOrder,
    finishedTooEarly,
    ignored,
    needsAttention: behind || missingKinds.length > 0 || outOfOrder.length > 0 || finishedTooEarly,
    summary,
  };
}

/** Every pair's pace, the ones needing attention first (most meetings short, then longest gap). */
export function checkCadences(pairs: readonly CadenceInput[], today: CalendarDate, options: CadenceOptions = {}): CadenceResult[] {
  return pairs
    .map((p) => checkCadence(p, today, options))
    .sort(
      (a, b) =>
        Number(b.needsAttention) - Number(a.needsAttention) ||
        b.behindBy - a.behindBy ||
        (b.weeksSinceLast ?? -1) - (a.weeksSinceLast ?? -1) ||
        (a.pairId < b.pairId ? -1 : a.pairId > b.pairId ? 1 : 0),
    );
}

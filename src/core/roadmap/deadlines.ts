/**
 * The roadmap's «Срок» texts read as rules, and the dates they give in an academic year
 * (September to August). Pure calendar dates only, so Moscow's 15.10 stays 15.10 whatever zone
 * the script runs in; the same rules give next year's dates when the year rolls on.
 *
 * Activities without a date of their own («в течение всего периода», «ежегодно» alone, «по мере
 * необходимости») are shown due on 31.08, the last day of the academic year: every row then has a
 * date in its year (the dashboard sorts by it), and such a row turns late only when the year is
 * over without its status being set. Meetings (6.1) and the search for a mentor (5.3) run until
 * the pairs' work ends, so they are due on the pairs' end date.
 */
import type { CalendarDate } from '../documents/dates';
import { compareDates, daysInMonth } from '../monitoring/calendar';

export interface MonthDay {
  month: number;
  day: number;
}

export type DeadlineRule =
  /** «30.08», «до 15.10 ежегодно», «до 15.11 и до 15.06 ежегодно», «до 15.11, далее по мере необходимости». */
  | { kind: 'dates'; text: string; dates: MonthDay[]; thenAsNeeded: boolean }
  /** «май, ежегодно»: the month's last day. */
  | { kind: 'month'; text: string; month: number }
  /** «не реже раза в месяц»: the end of each month from September to the pairs' end. */
  | { kind: 'monthly'; text: string }
  /** «1–2 раза в неделю, не менее 2 месяцев»: no single date; the meetings run until the pairs' end. */
  | { kind: 'weekly'; text: string }
  /** «в течение всего периода», «ежегодно», «по мере необходимости»: the year's end, 31.08. */
  | { kind: 'yearRound'; text: string }
  /** «до нахождения наставника»: until the pairs' end. */
  | { kind: 'untilMentorFound'; text: string }
  /** «по завершении работы в парах»: the pairs' end date. */
  | { kind: 'pairsEnd'; text: string }
  | { kind: 'unknown'; text: string; note: string };

export interface DeadlineContext {
  /** «Срок работы пар и групп: по (дата)» from «Настройки»; 31.05 of the year when absent. */
  pairsEnd?: CalendarDate | null;
}

const MONTHS_NOMINATIVE = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const MONTHS_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** Words that may stand between the dates of a deadline. */
const JOINING = new Set(['до', 'и', 'ежегодно', 'не', 'позднее', 'г']);

const YEAR_END: MonthDay = { month: 8, day: 31 };
const DEFAULT_PAIRS_END: MonthDay = { month: 5, day: 31 };

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u00a0\u202f\s]+/g, ' ')
    .replace(/[–—]/g, '-')
    .trim();
}

/** A day of a month that exists in some year (29.02 included). */
const validMonthDay = (md: MonthDay) => md.month >= 1 && md.month <= 12 && md.day >= 1 && md.day <= daysInMonth(2000, md.month);

/** Reads «Срок» as a rule; anything else is 'unknown' with a Russian note, never an error. */
export function parseDeadline(raw: string): DeadlineRule {
  const text = String(raw ?? '').trim();
  const t = normalize(text);
  if (!t) return { kind: 'unknown', text, note: 'Срок не указан: поставьте дату в столбце «Свой срок» или запишите срок, например «до 15.10 ежегодно».' };
  if (/раз[а]? в неделю/.test(t)) return { kind: 'weekly', text };
  if (/(не реже )?(одного )?раза? в месяц|ежемесячно/.test(t)) return { kind: 'monthly', text };
  if (/до нахождения наставника/.test(t)) return { kind: 'untilMentorFound', text };
  if (/по завершении работы в парах|по завершении работы пар/.test(t)) return { kind: 'pairsEnd', text };

  // Dates as «15.10» or «15 октября», each maybe after «до»; the rest may only be joining words.
  const dates: MonthDay[] = [];
  let rest = t.replace(/(\d{1,2})\.(\d{1,2})(?:\.(?:\d{2}|\d{4}))?/g, (_m, d: string, m: string) => {
    dates.push({ month: Number(m), day: Number(d) });
    return ' ';
  });
  rest = rest.replace(new RegExp(`(\\d{1,2}) (${MONTHS_GENITIVE.join('|')})`, 'g'), (_m, d: string, m: string) => {
    dates.push({ month: MONTHS_GENITIVE.indexOf(m) + 1, day: Number(d) });
    return ' ';
  });
  const asNeeded = /по мере необходимости/.test(rest);
  const leftover = rest
    .replace(/далее по мере необходимости|по мере необходимости/g, ' ')
    .split(/[\s,.;]+/)
    .filter((w) => w && !JOINING.has(w));
  if (dates.length && !leftover.length) {
    if (!dates.every(validMonthDay)) return { kind: 'unknown', text, note: `В сроке «${text}» нет такой даты: исправьте «Срок» или поставьте дату в столбце «Свой срок».` };
    return { kind: 'dates', text, dates: dedupe(dates), thenAsNeeded: asNeeded };
  }
  if (!dates.length) {
    const month = MONTHS_NOMINATIVE.findIndex((m) => new RegExp(`^${m}(,|\\s|$)`).test(t));
    if (month >= 0) return { kind: 'month', text, month: month + 1 };
    if (/в течение (всего )?(периода|срока|года|учебного года)/.test(t) || /^ежегодно$/.test(t) || /^по мере необходимости$/.test(t) || /^постоянно$/.test(t)) {
      return { kind: 'yearRound', text };
    }
  }
  return {
    kind: 'unknown',
    text,
    note: `Срок «${text}» не распознан: поставьте дату в столбце «Свой срок» или запишите срок как «до 15.10 ежегодно», «май, ежегодно», «в течение всего периода».`,
  };
}

function dedupe(dates: MonthDay[]): MonthDay[] {
  const seen = new Set<string>();
  return dates.filter((d) => {
    const key = `${d.month}.${d.day}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The day and month in academic year `year` (its first calendar year): September–December of `year`, the rest of `year + 1`. */
export function inAcademicYear(md: MonthDay, year: number): CalendarDate {
  const y = md.month >= 9 ? year : year + 1;
  return { year: y, month: md.month, day: Math.min(md.day, daysInMonth(y, md.month)) };
}

/** The pairs' end in this year: the setting's date when it lies in the year, else its day and month, else 31.05. */
export function pairsEndIn(year: number, context: DeadlineContext = {}): CalendarDate {
  const set = context.pairsEnd;
  if (!set) return inAcademicYear(DEFAULT_PAIRS_END, year);
  return inAcademicYear({ month: set.month, day: set.day }, year);
}

/** Every date the rule gives in academic year `year`, in order (empty only for 'unknown'). */
export function dueDates(rule: DeadlineRule, year: number, context: DeadlineContext = {}): CalendarDate[] {
  const sorted = (ds: CalendarDate[]) => ds.sort(compareDates);
  switch (rule.kind) {
    case 'dates':
      return sorted(rule.dates.map((md) => inAcademicYear(md, year)));
    case 'month':
      return [inAcademicYear({ month: rule.month, day: 31 }, year)];
    case 'monthly': {
      const end = pairsEndIn(year, context);
      const out: CalendarDate[] = [];
      for (let i = 0; i < 12; i++) {
        const month = ((8 + i) % 12) + 1;
        const d = inAcademicYear({ month, day: 31 }, year);
        if (compareDates({ ...d, day: 1 }, end) > 0) break;
        out.push(d);
      }
      return out;
    }
    case 'weekly':
    case 'untilMentorFound':
    case 'pairsEnd':
      return [pairsEndIn(year, context)];
    case 'yearRound':
      return [inAcademicYear(YEAR_END, year)];
    case 'unknown':
      return [];
  }
}

/**
 * The date shown for the rule on `today`: the first of the year's dates not yet past, or the last
 * one when all are past (so an overdue activity stays visible); null for an unknown rule.
 */
export function nextDue(rule: DeadlineRule, year: number, today: CalendarDate, context: DeadlineContext = {}): CalendarDate | null {
  const dates = dueDates(rule, year, context);
  return dates.find((d) => compareDates(d, today) >= 0) ?? dates[dates.length - 1] ?? null;
}

/** How the date of a rule is found, in Russian, for the note of «Срок (дата)» and the summary. */
export function ruleExplanation(rule: DeadlineRule): string {
  switch (rule.kind) {
    case 'dates':
      return rule.thenAsNeeded ? 'первый срок в учебном году, далее — по мере необходимости' : rule.dates.length > 1 ? 'ближайший из сроков учебного года' : 'срок в текущем учебном году';
    case 'month':
      return 'последний день месяца';
    case 'monthly':
      return 'конец каждого месяца до окончания работы пар';
    case 'weekly':
      return 'встречи 1–2 раза в неделю: одного срока нет, ритм проверяет «Мониторинг» (6.1); дата — окончание работы пар';
    case 'untilMentorFound':
      return 'пока у наставляемого нет наставника; дата — окончание работы пар';
    case 'pairsEnd':
      return 'окончание работы пар («Срок работы пар и групп» в «Настройках», иначе 31.05)';
    case 'yearRound':
      return 'в течение учебного года; дата — его последний день, 31.08';
    case 'unknown':
      return rule.note;
  }
}

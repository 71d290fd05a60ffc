import type { ScriptRunner } from '../emulator/runner';
import type { Workspace } from '../emulator/workspace';
import { submitThroughLink } from '../emulator/forms/prefilled';
import type { ParticipantAnswer } from '../emulator/forms/submit';
import { createSpreadsheetApp } from '../emulator/sheets/app';
import { editRows } from './hands';
import { Random } from './random';

/**
 * The programme year after the pairs order (roadmap 6.1–7.3): mentors report meetings through their
 * personal links, participants answer the monitoring forms through theirs, the curator follows the
 * pace on «Мониторинг». Everything goes through the forms and the menu, as people would do it.
 */
export interface PairWorkContext {
  ws: Workspace;
  runner: ScriptRunner;
  step: (when: Date, title: string, act: () => unknown) => unknown;
  /** A wall-clock moment in Moscow. */
  at: (year: number, month: number, day: number, hour?: number) => Date;
}

/** A sheet as the curator sees it: rows by header. */
export function sheetRows(ws: Workspace, name: string): Array<Record<string, unknown>> {
  return ws.calls.untracked(() => {
    const sheet = createSpreadsheetApp(ws).getActive().getSheetByName(name);
    if (!sheet) return [];
    const [header, ...rows] = sheet.getDataRange().getValues();
    return rows.map((values) => Object.fromEntries(header.map((h, c) => [String(h), values[c]])));
  });
}

/** A pair or a group as the order approved it: one mentor, one or more mentees. */
export interface Unit {
  id: string;
  mentorId: string;
  menteeIds: string[];
  form: string;
}

export function approvedUnits(ws: Workspace): Unit[] {
  const units = new Map<string, Unit>();
  for (const r of sheetRows(ws, 'Пары и группы')) {
    if (!['утверждена', 'активна'].includes(String(r['Статус']))) continue;
    const id = String(r['Группа'] || r.ID);
    const unit = units.get(id) ?? { id, mentorId: String(r['ID наставника']), menteeIds: [], form: String(r['Форма']) };
    unit.menteeIds.push(String(r['ID наставляемого']));
    units.set(id, unit);
  }
  return [...units.values()];
}

/** How a unit works through the year: most keep the pace, a few fall behind, one stops. */
export type Pace = 'steady' | 'lagging' | 'stops';

export function paceOf(index: number): Pace {
  if (index === 5) return 'stops';
  return index % 7 === 3 ? 'lagging' : 'steady';
}

const DAY = 86400000;
const KIND_ORDER = ['знакомство', 'пробная', 'планирование'];
const DONE = [
  'Обсудили цели на месяц, составили список задач',
  'Разобрали ошибки в работе, наметили следующий шаг',
  'Готовили работу к конкурсу: эскиз и план',
  'Отработали выступление, записали замечания',
  'Посмотрели видеоурок, обсудили приёмы',
];

export interface PlannedMeeting {
  unit: Unit;
  /** The meeting's day (a UTC midnight, the day the mentor picks in the form). */
  day: Date;
  kind: string;
}

/**
 * The year's meetings, week by week from the first Monday after the order to the last week of
 * May (the итоговая); the winter holidays have none. A lagging unit meets every third week only;
 * the unit that stops meets until the end of January.
 */
export function plannedMeetings(units: readonly Unit[], from: Date, until: Date): PlannedMeeting[] {
  const out: PlannedMeeting[] = [];
  units.forEach((unit, index) => {
    const pace = paceOf(index);
    let held = 0;
    for (let week = 0; ; week++) {
      const day = new Date(from.getTime() + (week * 7 + (index % 5)) * DAY);
      if (day > until) break;
      const holidays = day.getUTCMonth() === 0 && day.getUTCDate() <= 8;
      if (holidays) continue;
      if (pace === 'lagging' && week % 3 !== 0) continue;
      if (pace === 'stops' && day >= new Date(Date.UTC(2027, 1, 1))) break;
      const last = day.getTime() + 7 * DAY > until.getTime();
      const kind = last && pace !== 'lagging' ? 'итоговая' : (KIND_ORDER[held] ?? 'регулярная');
      out.push({ unit, day, kind });
      held += 1;
      // The programme asks 1–2 meetings a week: a unit on pace adds a second one every other week.
      if (pace === 'steady' && kind === 'регулярная' && week % 2 === 1) out.push({ unit, day: new Date(day.getTime() + 2 * DAY), kind });
    }
  });
  return out.sort((a, b) => a.day.getTime() - b.day.getTime());
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Answers through personal links, a batch at a time: the form-submit trigger fires once for the
 * batch's last answer, as concurrent triggers end up doing (the first run under the lock imports
 * everything new, the others find nothing).
 */
export function submitBatch(c: PairWorkContext, answers: ReadonlyArray<{ link: string; typed: Record<string, ParticipantAnswer>; at: Date }>): number {
  let last: ReturnType<typeof submitThroughLink> | undefined;
  for (const a of answers) {
    c.ws.now = () => a.at;
    last = submitThroughLink(c.ws, a.link, a.typed, { timestamp: a.at });
  }
  if (last?.sheetEvent) c.runner.fireFormSubmit(last.sheetEvent);
  return answers.length;
}

/** Mentors report each month's meetings in the evening of the meeting's day. */
export function reportMeetings(c: PairWorkContext, meetings: readonly PlannedMeeting[], rng: Random): number {
  const links = new Map(sheetRows(c.ws, 'Наставники').map((r) => [String(r.ID), String(r['Ссылка для отчётов о встречах'] ?? '')]));
  const answers = meetings.flatMap((m) => {
    const link = links.get(m.unit.mentorId);
    if (!link) return [];
    const typed: Record<string, ParticipantAnswer> = {
      'Пара или группа': m.unit.id,
      'Вид встречи': m.kind,
      'Дата встречи': iso(m.day),
      'Длительность, минут': String(rng.pick([40, 45, 45, 60, 90])),
      Формат: rng.chance(0.85) ? 'очно' : 'дистанционно',
      'Что сделали на встрече': m.kind === 'регулярная' ? rng.pick(DONE) : `Встреча «${m.kind}»: ${rng.pick(DONE).toLowerCase()}`,
    };
    return [{ link, typed, at: new Date(m.day.getTime() + 15 * 3600000 + rng.int(0, 180) * 60000) }];
  });
  return submitBatch(c, answers);
}

/** The months of the year after the order, each with its meetings. */
export function byMonth(meetings: readonly PlannedMeeting[]): Array<{ year: number; month: number; meetings: PlannedMeeting[] }> {
  const months = new Map<string, { year: number; month: number; meetings: PlannedMeeting[] }>();
  for (const m of meetings) {
    const key = `${m.day.getUTCFullYear()}-${m.day.getUTCMonth() + 1}`;
    const month = months.get(key) ?? { year: m.day.getUTCFullYear(), month: m.day.getUTCMonth() + 1, meetings: [] };
    month.meetings.push(m);
    months.set(key, month);
  }
  return [...months.values()];
}

/**
 * The denominators the curator takes from the centre's statistics for one reporting date
 * («15.06.2027»): only that date's empty rows, as she would fill them.
 */
export function enterDenominators(ws: Workspace, date: string, values: Readonly<Record<string, number>>): number {
  return editRows(ws, 'Мониторинг', (r) => {
    const label = String(r['Показатель']);
    const key = Object.keys(values).find((k) => label.startsWith(k) && label.endsWith(`на ${date}`));
    return key && r['Значение'] === '' ? { Значение: values[key] } : null;
  });
}

/** Refreshes «Мониторинг», enters the date's denominators on the rows it made, and refreshes again. */
function indicatorsOn(c: PairWorkContext, date: string, statistics: Readonly<Record<string, number>>) {
  c.runner.call('refreshMonitoring');
  const partners = sheetRows(c.ws, 'Партнёры').filter((r) => String(r.ID).trim()).length;
  const entered = enterDenominators(c.ws, date, { ...statistics, 'Знаменатель: число организаций-партнёров': Math.max(partners, 1) });
  const result = c.runner.call('refreshMonitoring') as { message: string };
  return { ...result, message: `Знаменателей на ${date} внесено: ${entered}. ${result.message}` };
}

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

interface Event {
  when: Date;
  title: string;
  act: () => unknown;
}

export function playPairWork(c: PairWorkContext): void {
  const { ws, runner, step, at } = c;
  const rng = new Random(2027);
  step(at(2026, 12, 3), 'Этап 6: наставники получают личные ссылки для отчётов о встречах', () => runner.call('meetingLinks'));
  step(at(2026, 12, 4), 'Индивидуальные планы развития (ИПР) для каждой пары и группы', () => runner.call('createDevelopmentPlans'));

  const units = approvedUnits(ws);
  const meetings = plannedMeetings(units, new Date(Date.UTC(2026, 11, 7)), new Date(Date.UTC(2027, 4, 21)));
  const events: Event[] = [];
  for (const month of byMonth(meetings)) {
    const end = new Date(Date.UTC(month.year, month.month, 0));
    events.push({
      when: at(month.year, month.month, end.getUTCDate(), 20),
      title: `Наставники сообщают о встречах: ${MONTHS[month.month - 1]} ${month.year}`,
      act: () => {
        const sent = reportMeetings(c, month.meetings, rng);
        const rows = sheetRows(ws, 'Встречи').length;
        return { message: `Отчётов о встречах отправлено: ${sent}; на листе «Встречи» строк: ${rows}` };
      },
    });
  }
  events.push({
    when: at(2027, 1, 31, 21),
    title: 'Куратор обновляет мониторинг: кто отстаёт от графика встреч; знаменатели на 15 ноября',
    act: () =>
      indicatorsOn(c, '15.11.2026', {
        'Знаменатель: число обучающихся 10–18 лет': 405,
        'Знаменатель: число обучающихся и студентов 15–19 лет': 131,
        'Знаменатель: число молодых специалистов': 7,
      }),
  });
  events.push({
    when: at(2027, 6, 15),
    title: 'Этап 7: показатели эффективности на 15 июня — куратор вносит знаменатели',
    act: () =>
      indicatorsOn(c, '15.06.2027', {
        'Знаменатель: число обучающихся 10–18 лет': 412,
        'Знаменатель: число обучающихся и студентов 15–19 лет': 138,
        'Знаменатель: число молодых специалистов': 7,
      }),
  });
  events.sort((a, b) => a.when.getTime() - b.when.getTime());
  for (const e of events) step(e.when, e.title, e.act);
}

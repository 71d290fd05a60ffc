import type { ScriptRunner } from '../emulator/runner';
import type { Workspace } from '../emulator/workspace';
import { submitThroughLink } from '../emulator/forms/prefilled';
import { submitAsParticipant, type ParticipantAnswer, type SubmitResult } from '../emulator/forms/submit';
import { SWOT_QUESTIONNAIRE } from '../../src/core/monitoring/items';
import { createSpreadsheetApp } from '../emulator/sheets/app';
import { editRows } from './hands';
import { answersThroughLink, answersToForm, type Respondent } from './answers';
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
  at: (year: number, month: number, day: number, hour?: number, minute?: number) => Date;
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
  return submitAll(c, answers, (a) => submitThroughLink(c.ws, a.link, a.typed, { timestamp: a.at }));
}

/** The same for a form opened by its title, without a personal link. */
export function submitForms(c: PairWorkContext, title: string, answers: ReadonlyArray<{ typed: Record<string, ParticipantAnswer>; at: Date }>): number {
  return submitAll(c, answers, (a) => submitAsParticipant(c.ws, title, a.typed, { timestamp: a.at }));
}

function submitAll<T extends { at: Date }>(c: PairWorkContext, answers: readonly T[], send: (a: T) => SubmitResult): number {
  let last: SubmitResult | undefined;
  for (const a of answers) {
    c.ws.now = () => a.at;
    last = send(a);
  }
  if (last?.sheetEvent) c.runner.fireFormSubmit(last.sheetEvent);
  return answers.length;
}

/** Mentors report each month's meetings in the evening of the meeting's day. */
export function reportMeetings(c: PairWorkContext, meetings: readonly PlannedMeeting[], rng: Random): number {
  const links = new Map(sheetRows(c.ws, 'Наставники').map((r) => [String(r.ID), String(r['Ссылка для отчётов о встречах'] ?? '')]));
  // In the order they happen: a report is sent the evening of its meeting, never before it.
  const inOrder = [...meetings].sort((a, b) => a.day.getTime() - b.day.getTime());
  const answers = inOrder.flatMap((m) => {
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

/** A row of «Ссылки на анкеты»: whose link, to which form. */
interface SurveyLink {
  personId: string;
  role: string;
  pair: string;
  form: string;
  url: string;
}

function surveyLinks(ws: Workspace, form: string): SurveyLink[] {
  return sheetRows(ws, 'Ссылки на анкеты')
    .map((r) => ({ personId: String(r['ID участника']), role: String(r['Роль']), pair: String(r['Пара']), form: String(r['Анкета']), url: String(r['Ссылка']) }))
    .filter((l) => l.form === form && l.url);
}

const clamp = (n: number) => Math.min(10, Math.max(1, Math.round(n)));
const WISHES = ['Больше встреч на практике', 'Хотелось бы чаще видеться очно', 'Больше времени на подготовку к конкурсу', undefined, undefined];

/**
 * The people of the programme as respondents: a pair that keeps its pace is more satisfied and
 * grows more from entry to exit than a pair that lags; everyone answers a little differently.
 */
function respondentFor(rng: Random, pace: Pace, phase: 'entry' | 'exit' | 'month'): Respondent {
  const base = pace === 'steady' ? 7.8 : 6.2;
  const growth = phase === 'exit' ? (pace === 'steady' ? 1.6 : 0.3) : phase === 'entry' ? -0.8 : 0;
  return {
    rate: () => clamp(base + growth + (rng.next() - 0.5) * 3),
    agrees: () => rng.chance(pace === 'steady' ? 0.9 : 0.6),
    writes: (item) => (item.required ? 'Помощь с подготовкой работы к конкурсу' : item.type === 'PARAGRAPH_TEXT' ? rng.pick(WISHES) : undefined),
  };
}

export function playPairWork(c: PairWorkContext): void {
  const { ws, runner, step, at } = c;
  const rng = new Random(2027);
  step(at(2026, 12, 3), 'Этап 6: наставники получают по e-mail личные ссылки для отчётов о встречах', () => runner.call('sendMeetingLinks'));
  step(at(2026, 12, 4), 'Индивидуальные планы развития (ИПР) для каждой пары и группы', () => runner.call('createDevelopmentPlans'));
  step(at(2026, 12, 5), 'Личные ссылки на обратную связь, входную и итоговую диагностику и майский опрос', () => runner.call('surveyLinks'));

  const units = approvedUnits(ws);
  const paceOfUnit = new Map(units.map((u, i) => [u.id, paceOf(i)]));
  const pace = (pair: string): Pace => paceOfUnit.get(pair) ?? 'steady';
  const stopping = units.find((_u, i) => paceOf(i) === 'stops');
  const months = new Map<string, PlannedMeeting[]>();
  const plan = (list: readonly PlannedMeeting[]) => {
    for (const m of byMonth(list)) months.set(`${m.year}-${m.month}`, [...(months.get(`${m.year}-${m.month}`) ?? []), ...m.meetings]);
  };
  plan(plannedMeetings(units, new Date(Date.UTC(2026, 11, 7)), new Date(Date.UTC(2027, 4, 21))));

  /** Everyone with a link of the form answers it, the pair's pace colouring the answers. */
  const answerAll = (form: string, phase: 'entry' | 'exit' | 'month', when: Date, share: number, skip: (l: SurveyLink) => boolean = () => false) => {
    const answers = surveyLinks(ws, form)
      .filter((l) => !skip(l) && rng.chance(share))
      .map((l, k) => ({ link: l.url, typed: answersThroughLink(ws, l.url, respondentFor(rng, pace(l.pair), phase), rng), at: new Date(when.getTime() + k * 7 * 60000) }));
    return submitBatch(c, answers);
  };
  const answered = (form: string, sent: number) => ({ message: `Ответов «${form}»: ${sent}. ${importNote(ws)}` });

  const events: Event[] = [];
  const monthSteps: Array<[number, number]> = [
    [2026, 12],
    [2027, 1],
    [2027, 2],
    [2027, 3],
    [2027, 4],
    [2027, 5],
  ];
  for (const [year, month] of monthSteps) {
    const end = new Date(Date.UTC(year, month, 0));
    events.push({
      when: at(year, month, end.getUTCDate(), 20),
      title: `Наставники сообщают о встречах: ${MONTHS[month - 1]} ${year}`,
      act: () => {
        const sent = reportMeetings(c, months.get(`${year}-${month}`) ?? [], rng);
        return { message: `Отчётов о встречах отправлено: ${sent}; на листе «Встречи» строк: ${sheetRows(ws, 'Встречи').length}. ${importNote(ws)}` };
      },
    });
    events.push({
      when: at(year, month, 25, 19),
      title: `Ежемесячная обратная связь наставников и наставляемых: ${MONTHS[month - 1]} ${year}`,
      act: () => answered('Ежемесячная обратная связь', answerAll('Ежемесячная обратная связь', 'month', at(year, month, 25, 19), 0.85)),
    });
  }
  events.push({
    when: at(2026, 12, 12, 20),
    title: 'Этапы 2.3 и 3.4: входная диагностика наставляемых и наставников',
    act: () => answered('Входная диагностика', answerAll('Входная диагностика', 'entry', at(2026, 12, 12, 20), 0.95)),
  });
  events.push({ when: at(2026, 12, 31, 21), title: 'Статусы пар: первая встреча делает пару активной', act: () => runner.call('refreshPairStatuses') });
  events.push({
    when: at(2027, 1, 20, 18),
    title: 'Ошибки участников: отчёт о встрече с датой из будущего и обратная связь с чужим кодом — в «Ошибки импорта», ответы не потеряны',
    act: () => {
      const [unit] = units;
      const mentorLink = String(sheetRows(ws, 'Наставники').find((r) => String(r.ID) === unit.mentorId)?.['Ссылка для отчётов о встречах'] ?? '');
      const feedback = surveyLinks(ws, 'Ежемесячная обратная связь')[0];
      const typo = answersThroughLink(ws, feedback.url, respondentFor(rng, 'steady', 'month'), rng);
      typo['Код участника'] = 'НЯ-9999';
      const sent = submitBatch(c, [
        {
          link: mentorLink,
          typed: { 'Пара или группа': unit.id, 'Вид встречи': 'регулярная', 'Дата встречи': '2028-01-19', 'Длительность, минут': '45', Формат: 'очно', 'Что сделали на встрече': 'Разобрали задание' },
          at: at(2027, 1, 20, 18),
        },
        { link: feedback.url, typed: typo, at: at(2027, 1, 20, 18, 5) },
      ]);
      return { message: `Ответов с ошибками: ${sent}. ${importNote(ws)}` };
    },
  });
  if (stopping) {
    events.push({
      when: at(2027, 2, 5),
      title: `Наставник ${stopping.id} выбыл: куратор указывает причину, пара завершена досрочно`,
      act: () => {
        let written = false;
        editRows(ws, 'Пары и группы', (r) => {
          if (written || String(r['Группа'] || r.ID) !== stopping.id) return null;
          written = true;
          return { 'Причина завершения': 'Наставник выбыл (переезд)' };
        });
        const ended = runner.call('refreshPairStatuses') as { message: string };
        // The ended group's links go; its mentees get new ones with their next pair.
        const links = runner.call('surveyLinks') as { message: string };
        return { message: `${ended.message} ${links.message}` };
      },
    });
    events.push({
      when: at(2027, 2, 8),
      title: 'Замена наставника: подбор для оставшихся без пары',
      act: () => {
        const before = new Set(units.map((u) => u.id));
        const matched = runner.call('computeMatches', [{ mode: 'optimal' }]) as { message: string };
        const proposed = sheetRows(ws, 'Пары и группы').filter((r) => r['Статус'] === 'предложена');
        if (!proposed.length) return matched;
        const approved = runner.call('approvePairs') as { ok?: boolean; message: string };
        editRows(ws, 'Документы', (r) => (String(r['Вид']).includes('пар') && !r['Номер'] ? { 'Дата подписания': at(2027, 2, 9), Номер: '131-о/д' } : null));
        const letters = runner.call('notifyParticipants') as { message: string };
        const sent = runner.call('sendMeetingLinks') as { message: string };
        runner.call('surveyLinks');
        const fresh = approvedUnits(ws).filter((u) => !before.has(u.id));
        fresh.forEach((u) => paceOfUnit.set(u.id, 'steady'));
        units.push(...fresh);
        plan(plannedMeetings(fresh, new Date(Date.UTC(2027, 1, 15)), new Date(Date.UTC(2027, 4, 21))));
        return { message: `${matched.message} ${approved.message} ${letters.message} ${sent.message}` };
      },
    });
  }
  events.push({ when: at(2027, 1, 31, 21), title: 'Куратор обновляет мониторинг: кто отстаёт от графика встреч; знаменатели на 15 ноября', act: () => indicatorsOn(c, '15.11.2026', NOVEMBER) });
  events.push({
    when: at(2027, 2, 1, 10),
    title: 'Этап 7.3: отчёт о показателях эффективности на 15 ноября',
    act: () => runner.call('generateReport', ['effectiveness', { period: '2026-11-15' }]),
  });
  events.push({ when: at(2027, 5, 31, 12), title: 'Этап 7.1: SWOT-анализ программы по анкетам куратора', act: () => runner.call('generateReport', ['swot']) });
  events.push({
    when: at(2027, 6, 1, 12),
    title: 'Этап 7.2: отчёт об удовлетворённости участников и влиянии программы',
    act: () => runner.call('generateReport', ['satisfaction']),
  });
  events.push({
    when: at(2027, 6, 15, 12),
    title: 'Этап 7.3: отчёт о показателях эффективности на 15 июня',
    act: () => runner.call('generateReport', ['effectiveness', { period: '2027-06-15' }]),
  });
  events.push({ when: at(2027, 6, 15, 15), title: 'Этап 7.4: выгрузка для муниципальной платформы «Наставник»', act: () => runner.call('exportForPlatform') });
  // The six stage справки for МКУ «УСР» (1.6, 2.4, 3.6, 4.3, 5.4, 6.3) for the academic year.
  for (const n of [1, 2, 3, 4, 5, 6])
    events.push({
      when: at(2027, 6, 16, 10, n),
      title: `Справка по итогам мониторинга этапа ${n} для МКУ «УСР» с сопроводительным письмом`,
      act: () => runner.call('generateReport', [`stage-${n}`, { coverLetter: true }]),
    });
  events.push({
    when: at(2027, 5, 20, 18),
    title: 'Этап 7.2: майский опрос удовлетворённости участников',
    act: () => answered('Майский опрос удовлетворённости', answerAll('Майский опрос удовлетворённости', 'exit', at(2027, 5, 20, 18), 0.9)),
  });
  events.push({ when: at(2027, 5, 21, 17), title: 'Этап 7.1: куратор заполняет SWOT-анкету по каждой форме наставничества', act: () => swot(c, units, rng) });
  events.push({
    when: at(2027, 5, 24),
    title: 'Куратор вносит дату окончания программы: 28.05.2027',
    act: () => ({ message: `Дата окончания внесена в строк: ${editRows(ws, 'Пары и группы', (r) => (r['Статус'] === 'активна' ? { 'Дата окончания': at(2027, 5, 28, 0) } : null))}` }),
  });
  events.push({
    when: at(2027, 5, 27, 19),
    title: 'Итоговая диагностика наставляемых и наставников',
    act: () =>
      answered(
        'Итоговая диагностика',
        answerAll('Итоговая диагностика', 'exit', at(2027, 5, 27, 19), 0.95, (l) => l.pair === stopping?.id),
      ),
  });
  events.push({ when: at(2027, 5, 31, 21, 30), title: 'Статусы пар: завершены пары с итоговой встречей и итоговой диагностикой', act: () => runner.call('refreshPairStatuses') });
  events.push({ when: at(2027, 6, 15), title: 'Этап 7.3: показатели эффективности на 15 июня — куратор вносит знаменатели', act: () => indicatorsOn(c, '15.06.2027', JUNE) });
  events.push({
    when: at(2027, 6, 2, 12),
    title: 'Этап 7.5: справка о лучших наставниках и предложения к награждению',
    act: () => runner.call('generateReport', ['best-mentors']),
  });
  events.push({ when: at(2027, 6, 9, 16), title: 'Этап 7.6: куратор отмечает пары, чья работа войдёт в банк кейсов', act: () => markCases(ws, units, paceOfUnit) });
  events.push({ when: at(2027, 6, 10, 12), title: 'Этап 7.6: банк кейсов из ИПР, встреч и диагностики отмеченных пар', act: () => runner.call('generateReport', ['cases']) });
  events.sort((a, b) => a.when.getTime() - b.when.getTime());
  for (const e of events) step(e.when, e.title, e.act);
}

/**
 * The curator ticks «Кейс» for three finished pairs or groups that kept their pace (one of them a
 * group when there is one) and names the first; the others take the default title.
 */
function markCases(ws: Workspace, units: ReadonlyArray<{ id: string }>, pace: ReadonlyMap<string, Pace>) {
  const rows = sheetRows(ws, 'Пары и группы');
  const finished = (id: string) => rows.some((r) => String(r['Группа'] || r.ID) === id && r['Статус'] === 'завершена');
  const steady = units.filter((u) => pace.get(u.id) === 'steady' && finished(u.id));
  const group = steady.find((u) => u.id.startsWith('Г-'));
  const chosen = [...new Set([...steady.filter((u) => !u.id.startsWith('Г-')).slice(0, group ? 2 : 3), ...(group ? [group] : [])].map((u) => u.id))];
  const marked = editRows(ws, 'Пары и группы', (r) => {
    const id = String(r['Группа'] || r.ID);
    if (!chosen.includes(id)) return null;
    return id === chosen[0] ? { Кейс: true, 'Название кейса': 'Вместе к первой победе в конкурсе' } : { Кейс: true };
  });
  return { message: `Отмечены кейсами: ${chosen.join(', ')} (строк: ${marked})` };
}

const NOVEMBER = {
  'Знаменатель: число обучающихся 10–18 лет': 405,
  'Знаменатель: число обучающихся и студентов 15–19 лет': 131,
  'Знаменатель: число молодых специалистов': 7,
};
const JUNE = {
  'Знаменатель: число обучающихся 10–18 лет': 412,
  'Знаменатель: число обучающихся и студентов 15–19 лет': 138,
  'Знаменатель: число молодых специалистов': 7,
};

/** How many remarks «Ошибки импорта» holds now: the demo's log shows nothing is silently lost. */
function importNote(ws: Workspace): string {
  return `Замечаний импорта: ${sheetRows(ws, 'Ошибки импорта').length}.`;
}

/** What the curator writes about a form of mentoring, by the start of the question. */
const SWOT_WORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Что в этой форме', ['Пары встречались регулярно, дети готовили работы к конкурсам', 'Наставники помогли освоиться новичкам объединений']],
  ['Что не получилось', ['Не все пары провели итоговую встречу в срок', 'Встречи срывались в период каникул']],
  ['Были ли пары', ['Одна группа завершила работу досрочно: наставник переехал']],
  ['Какие новые возможности', ['Новые партнёры готовы принять учеников на экскурсии', 'Муниципальный конкурс наставников']],
  ['Что может помешать', ['Нагрузка наставников-педагогов', 'Нехватка помещений для встреч']],
];

/** The curator answers the SWOT questionnaire once per form of mentoring in use. */
function swot(c: PairWorkContext, units: readonly Unit[], rng: Random) {
  const forms = [...new Set(units.map((u) => u.form))];
  const team: Respondent = {
    rate: () => rng.int(6, 9),
    agrees: () => rng.chance(0.7),
    writes: (item) => {
      if (item.type !== 'PARAGRAPH_TEXT') return undefined;
      const said = SWOT_WORDS.find(([start]) => item.title.startsWith(start));
      return said ? rng.pick(said[1]) : item.required ? 'Отдельных замечаний нет' : undefined;
    },
  };
  const title = SWOT_QUESTIONNAIRE.title;
  const answers = forms.map((form, k) => ({
    typed: answersToForm(c.ws, title, { 'Форма наставничества': form }, team, rng),
    at: new Date(c.at(2027, 5, 21, 17).getTime() + k * 600000),
  }));
  return { message: `SWOT-анкет по формам наставничества: ${submitForms(c, title, answers)}. ${importNote(c.ws)}` };
}

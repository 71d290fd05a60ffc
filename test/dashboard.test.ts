/**
 * «Панель куратора» on the emulator: the figures equal the sheets after approvals, nothing is
 * written, no participant's name leaves the server, the calls stay flat with 300 more pairs, and
 * the next steps run only what the allow-list holds.
 */
import { SHEET } from '../src/core/workbook/sheets';
import { DASHBOARD_STEPS, dashboardView, type DashboardFigures, type DashboardView } from '../src/core/dashboard/view';
import { look } from './helpers/addon';
import { approvedAfterMeeting } from './helpers/people';
import { Outcome, setCells, table, typeRows } from './helpers/programme';
import { addApprovedPairs } from './helpers/reports';
import { workspaceState } from './helpers/faults';
import { snapshotSetup } from './helpers/clone';
import { editRows } from '../local/demo/hands';
import type { Workspace } from '../local/emulator/workspace';

type Answer = ({ ok: true } & DashboardView) | { ok: false; message: string };

const TODAY = '2026-11-30T09:00:00Z';

/** After the pairs order of 05.10.2026: two meetings of one unit, a roadmap with dates, an overdue row and a report row. */
const ready = snapshotSetup(() => {
  const p = approvedAfterMeeting('05.10.2026');
  p.ws.now = () => new Date(TODAY);
  const units = [
    ...new Set(
      table(p.ws, SHEET.pairs)
        .filter((r) => r['Статус'] === 'утверждена')
        .map((r) => String(r['Группа'] || r.ID)),
    ),
  ];
  typeRows(p.ws, SHEET.meetings, [
    { 'Пара / группа': units[0], Дата: new Date('2026-11-23T09:00:00Z'), 'Тип встречи': 'знакомство' },
    { 'Пара / группа': units[0], Дата: new Date('2026-11-26T09:00:00Z'), 'Тип встречи': 'пробная' },
  ]);
  // A roadmap of known dates (the approvals' own refresh dated every row: cleared here): 2.2 overdue, 3.1 done, 7.3 a report, 6.2 without a date.
  editRows(p.ws, SHEET.roadmap, () => ({ 'Срок (дата)': '', Статус: 'не начато' }));
  setCells(p.ws, SHEET.roadmap, '№', '2.2', { 'Срок (дата)': new Date('2026-10-15T09:00:00Z') });
  setCells(p.ws, SHEET.roadmap, '№', '3.1', { 'Срок (дата)': new Date('2026-10-15T09:00:00Z'), Статус: 'выполнено' });
  setCells(p.ws, SHEET.roadmap, '№', '7.3', { 'Срок (дата)': new Date('2026-06-15T09:00:00Z'), 'Свой срок': new Date('2026-12-01T09:00:00Z') });
  setCells(p.ws, SHEET.roadmap, '№', '5.1', { 'Срок (дата)': new Date('2026-12-20T09:00:00Z') });
  setCells(p.ws, SHEET.roadmap, '№', '1.1', { 'Свой срок': '31/12/2026' });
  return p;
});

const data = (p: ReturnType<typeof ready>) => {
  const answer = p.runner.call('dashboardData') as Answer;
  if (!answer.ok) throw new Error(answer.message);
  return answer;
};

const lines = (view: DashboardView, key: string) => view.sections.find((s) => s.key === key)!.items.map((i) => i.text);

function units(ws: Workspace) {
  const rows = table(ws, SHEET.pairs).filter((r) => ['утверждена', 'активна', 'завершена'].includes(String(r['Статус'])));
  const byUnit = new Map<string, { group: boolean; form: string; mentees: Set<string> }>();
  for (const r of rows) {
    const id = String(r['Группа'] || r.ID);
    const u = byUnit.get(id) ?? { group: !!r['Группа'], form: String(r['Форма']), mentees: new Set<string>() };
    u.mentees.add(String(r['ID наставляемого']));
    byUnit.set(id, u);
  }
  return [...byUnit.values()];
}

describe('dashboardData on the emulator', () => {
  test('after approvals the figures equal the sheets, in Russian that agrees, with a next step per problem', () => {
    const p = ready();
    const view = data(p);
    const f = view.figures;
    const mentees = table(p.ws, SHEET.mentees);
    const mentors = table(p.ws, SHEET.mentors);
    const u = units(p.ws);
    expect(f.today).toEqual({ year: 2026, month: 11, day: 30 });
    expect(f.mentees).toBe(mentees.length);
    expect(f.mentors).toBe(mentors.length);
    expect(f.pairs).toBe(u.filter((x) => !x.group).length);
    expect(f.groups).toBe(u.filter((x) => x.group).length);
    expect(f.pairs + f.groups).toBeGreaterThan(0);
    expect(f.menteesInUnits).toBe(new Set(u.flatMap((x) => [...x.mentees])).size);
    expect(f.forms.map((x) => x.form).sort()).toEqual([...new Set(u.map((x) => x.form))].sort());
    expect(f.forms.reduce((s, x) => s + x.pairs + x.groups, 0)).toBe(u.length);
    expect(f.unmatched).toBe(mentees.filter((m) => ['без пары', 'в базе'].includes(String(m['Статус']))).length);
    const consented = (r: Record<string, unknown>) => ['есть', 'есть, без публикации'].includes(String(r['Согласие']));
    expect(f.noConsent).toEqual({ mentees: mentees.filter((m) => !consented(m)).length, mentors: mentors.filter((m) => !consented(m)).length });
    expect(f.noConsent.mentees).toBe(1); // «Без Согласия Иван»
    expect(f.noAgreement).toBe(0);

    // Meetings: the same count as «Мониторинг» 6.1 after «Обновить мониторинг» (one definition of the pace).
    p.runner.call('refreshMonitoring');
    const lag = table(p.ws, SHEET.monitoring).find((r) => r['Показатель'] === 'Встречи: пар с отставанием')!;
    expect(f.behind.length).toBe(Number(lag['Значение']));
    expect(f.behind.length).toBeGreaterThan(0);

    // Deadlines: 2.2 is overdue (15.10), 3.1 is done, 7.3 is due on its own date 01.12 (tomorrow), 5.1 on 20.12.
    expect(f.overdue.map((d) => d.number)).toEqual(['2.2']);
    expect(f.upcoming.map((d) => d.number)).toEqual(['7.3', '5.1']);
    expect(f.badDates).toEqual(['1.1']);
    const overdue = view.sections.find((s) => s.key === 'overdue')!;
    expect(overdue.items[0].text).toMatch(/^2\.2 .+ — срок 15\.10\.2026, просрочено на 46 дней\.$/);
    expect(overdue.items[0].step).toEqual({ action: 'openRoadmap', arg: '2.2', label: 'Открыть дорожную карту' });
    expect(overdue.items[1].text).toContain('Дата не читается в 1 пункте: 1.1');
    const upcoming = view.sections.find((s) => s.key === 'upcoming')!;
    expect(upcoming.items[0].text).toMatch(/^7\.3 .+ — до 01\.12\.2026 \(завтра\)\.$/);
    expect(upcoming.items[0].step?.label).toBe('Сформировать отчёт…');
    expect(upcoming.items[1].text).toMatch(/до 20\.12\.2026 \(через 20 дней\)\.$/);
    expect(upcoming.items[1].tone).toBe('ok');

    expect(lines(view, 'consents')[0]).toBe('Нет согласия на обработку персональных данных (152-ФЗ) у 1 наставляемого.');
    expect(lines(view, 'meetings')[0]).toMatch(new RegExp(`^(Отстаёт|Отстают) от графика встреч ${f.behind.length} пар[аы]?: ${f.behind.join(', ')}\\.$`));
    expect(view.asOf).toBe('На 30.11.2026, 2026/2027 учебный год');
    // Every step is one the server's allow-list knows, with its label.
    for (const s of view.sections) for (const i of s.items) if (i.step) expect(i.step.label).toBe(DASHBOARD_STEPS[i.step.action]);
  });

  test('reads only: nothing written, no name of a participant in the answer', () => {
    const p = ready();
    const before = workspaceState(p.ws);
    p.ws.calls.reset();
    const view = data(p);
    expect(workspaceState(p.ws)).toEqual(before);
    const writes = Object.keys(p.ws.calls.snapshot()).filter((k) => /\.(set|insert|delete|append|clear|add|remove|create|copy|move|sort|activate)/.test(k));
    expect(writes).toEqual([]);
    const json = JSON.stringify(view);
    const names = [...table(p.ws, SHEET.mentees), ...table(p.ws, SHEET.mentors)].map((r) => String(r['ФИО']));
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      expect(json).not.toContain(name);
      expect(json).not.toContain(name.split(' ').slice(0, 2).join(' '));
    }
  });

  test('service calls stay flat with 300 more pairs', () => {
    const small = ready();
    small.ws.calls.reset();
    data(small);
    const calls = small.ws.calls.snapshot();
    const big = ready();
    addApprovedPairs(big.ws);
    big.ws.calls.reset();
    const view = data(big);
    expect(view.figures.pairs).toBeGreaterThan(300);
    expect(big.ws.calls.snapshot()).toEqual(calls);
    console.log(`dashboardData: ${small.ws.calls.total()} service calls, the same with ${view.figures.pairs} pairs`);
  });

  test('an empty workbook: zero figures said in words, no steps to nowhere', () => {
    const p = ready();
    look(p.ws, (ss) => {
      for (const name of [SHEET.pairs, SHEET.meetings]) {
        const sheet = ss.getSheetByName(name)!;
        if (sheet.getLastRow() > 1) sheet.deleteRows(2, sheet.getLastRow() - 1);
      }
    });
    const view = data(p);
    expect(view.figures.pairs + view.figures.groups).toBe(0);
    expect(lines(view, 'people')[1]).toBe('Утверждённых пар и групп в этом учебном году пока нет.');
    expect(lines(view, 'meetings')).toEqual(['Пар, отстающих от графика встреч, нет.']);
  });
});

describe('dashboardStep: only the allow-list runs', () => {
  test('anything but an allowed step is refused in Russian and changes nothing', () => {
    const p = ready();
    const before = workspaceState(p.ws);
    const calls = p.ws.calls.total();
    for (const [action, row] of [
      ['setupWorkbook', undefined],
      ['purgeEverything', undefined],
      ['toString', undefined],
      ['__proto__', undefined],
      ['constructor', undefined],
      [{ action: 'computeMatches' }, undefined],
      [null, undefined],
      ['openRoadmap', '=1+1'],
      ['openRoadmap', { row: '2.2' }],
      ['computeMatches', '2.2'],
      ['openRoadmap', 'x'.repeat(10000)],
    ] as Array<[unknown, unknown]>) {
      const answer = p.runner.call('dashboardStep', [action, row]) as Outcome;
      expect(answer.ok).toBe(false);
      expect(answer.message).toMatch(/^Панель куратора: /);
    }
    expect(p.ws.calls.total()).toBe(calls);
    expect(workspaceState(p.ws)).toEqual(before);
  });

  test('each step works: sheets open at the row, matching and monitoring run, the report dialog opens', () => {
    const p = ready();
    const roadmap = p.runner.call('dashboardStep', ['openRoadmap', '2.2']) as Outcome;
    expect(roadmap).toEqual({ ok: true, message: 'Открыт лист «Дорожная карта», пункт 2.2.' });
    expect(look(p.ws, (ss) => ss.getActiveSheet().getName())).toBe(SHEET.roadmap);
    expect((p.runner.call('dashboardStep', ['openConsents']) as Outcome).message).toBe('Открыт лист «Согласия».');
    expect(look(p.ws, (ss) => ss.getActiveSheet().getName())).toBe(SHEET.consents);
    expect((p.runner.call('dashboardStep', ['openMentors', '']) as Outcome).ok).toBe(true);
    expect(look(p.ws, (ss) => ss.getActiveSheet().getName())).toBe(SHEET.mentors);
    const before = p.ws.ui.length;
    expect((p.runner.call('dashboardStep', ['showReportDialog']) as Outcome).ok).toBe(true);
    expect(p.ws.ui.slice(before).find((e) => e.kind === 'dialog')?.html).toContain('Сформировать');
    const monitoring = p.runner.call('dashboardStep', ['refreshMonitoring']) as Outcome;
    expect(monitoring.ok).toBe(true);
    expect(monitoring.message).toMatch(/Отстают от графика встреч|Пар, отстающих/);
    const matching = p.runner.call('dashboardStep', ['computeMatches']) as Outcome;
    expect(matching.ok).toBe(true);
    // From the sidebar no alert blocks the script: the answer carries the outcome.
    expect(p.ws.ui.slice(before).filter((e) => e.kind === 'alert')).toEqual([]);
  });

  test('a staff mentor without the ст. 351.8 consent: counted, and the step opens «Наставники»', () => {
    const p = ready();
    const mentor = table(p.ws, SHEET.mentors).find((m) => m['Категория'] === 'педагог')!;
    setCells(p.ws, SHEET.mentors, 'ID', String(mentor.ID), { 'Согласие на наставничество (ст. 351.8 ТК РФ)': '' });
    const view = data(p);
    expect(view.figures.noAgreement).toBe(1);
    const line = view.sections.find((s) => s.key === 'consents')!.items[1];
    expect(line.text).toBe('Нет согласия на наставничество (ст. 351.8 ТК РФ) у 1 педагога-наставника.');
    expect(line.step?.action).toBe('openMentors');
    expect((p.runner.call('dashboardStep', ['openMentors']) as Outcome).ok).toBe(true);
    expect(look(p.ws, (ss) => ss.getActiveSheet().getName())).toBe(SHEET.mentors);
  });
});

describe('dashboardView: Russian numerals agree', () => {
  const base: DashboardFigures = {
    today: { year: 2026, month: 11, day: 30 },
    academicYear: 2026,
    mentees: 1,
    mentors: 21,
    pairs: 5,
    groups: 0,
    menteesInUnits: 5,
    forms: [{ form: 'педагог – ученик', pairs: 1, groups: 2, mentees: 22 }],
    unmatched: 1,
    noConsent: { mentees: 0, mentors: 2 },
    noAgreement: 5,
    behind: ['ПА-0001'],
    overdue: [],
    upcoming: [],
    badDates: [],
    remindDays: 7,
  };
  test.each([
    [{}, 'people', 'В базе 1 наставляемый и 21 наставник.'],
    [{}, 'people', 'В этом учебном году работают 5 пар, в них 5 наставляемых.'],
    [{ pairs: 21, menteesInUnits: 21 }, 'people', 'В этом учебном году работает 21 пара, в них 21 наставляемый.'],
    [{ pairs: 2, groups: 1 }, 'people', 'В этом учебном году работают 2 пары и 1 группа, в них 5 наставляемых.'],
    [{}, 'people', 'педагог – ученик: 1 пара и 2 группы, 22 наставляемых.'],
    [{}, 'unmatched', '1 наставляемый без пары.'],
    [{ unmatched: 5 }, 'unmatched', '5 наставляемых без пары.'],
    [{}, 'consents', 'Нет согласия на обработку персональных данных (152-ФЗ) у 2 наставников.'],
    [{ noConsent: { mentees: 21, mentors: 1 } }, 'consents', 'Нет согласия на обработку персональных данных (152-ФЗ) у 21 наставляемого и 1 наставника.'],
    [{}, 'consents', 'Нет согласия на наставничество (ст. 351.8 ТК РФ) у 5 педагогов-наставников.'],
    [{}, 'meetings', 'Отстаёт от графика встреч 1 пара: ПА-0001.'],
    [{ behind: ['ПА-1', 'ПА-2', 'ГР-3'] }, 'meetings', 'Отстают от графика встреч 3 пары: ПА-1, ПА-2, ГР-3.'],
    [{ behind: Array.from({ length: 12 }, (_v, k) => `ПА-${k + 1}`) }, 'meetings', 'Отстают от графика встреч 12 пар: ПА-1, ПА-2, ПА-3, ПА-4, ПА-5, ПА-6, ПА-7, ПА-8, ПА-9, ПА-10 и ещё 2.'],
    [{ overdue: [{ number: '2.2', activity: 'База', due: { year: 2026, month: 11, day: 29 }, report: false }] }, 'overdue', '2.2 База — срок 29.11.2026, просрочено на 1 день.'],
    [{ upcoming: [{ number: '7.3', activity: 'Отчёт', due: { year: 2026, month: 12, day: 2 }, report: true }] }, 'upcoming', '7.3 Отчёт — до 02.12.2026 (через 2 дня).'],
  ] as Array<[Partial<DashboardFigures>, string, string]>)('%j → %s', (patch, key, line) => {
    expect(lines(dashboardView({ ...base, ...patch }), key)).toContain(line);
  });
});

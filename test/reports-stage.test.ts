import { addApprovedPairs, docs, docsCalls, text, versionedState } from './helpers/reports';
import { SHEET } from '../src/core/workbook/sheets';
import { Outcome, table } from './helpers/programme';
import { approvedAfterMeeting } from './helpers/people';
import { cachedSetup, faultSweep } from './helpers/faults';
import { editRows, typeRows } from '../local/demo/hands';
import type { Workspace } from '../local/emulator/workspace';

// This kind only reads the sheets before the shared generateReport path, whose sweep runs in every CI run
// (effectiveness; the covering letter and the case bank add their own writes and run too): FULL_SWEEP=1 runs this one.
const sweepTest = process.env.FULL_SWEEP ? test : test.skip;

const MAX_FAULTS = process.env.FULL_SWEEP ? 100000 : 12;
const TITLE = (n: number) => `Справка по итогам мониторинга реализации целевой модели наставничества, этап ${n} за 2026/2027 учебный год`;

const day = (iso: string) => new Date(`${iso}T09:00:00Z`);
const COUNTED = ['утверждена', 'активна', 'завершена'];

function at(ws: Workspace, iso: string) {
  const now = new Date(iso);
  ws.now = () => now;
}

/** Pairs approved by the order of 05.10.2026 № 123-о/д, two meetings and feedback in November, monitoring refreshed. */
function prepared() {
  const p = approvedAfterMeeting('05.10.2026');
  at(p.ws, '2026-11-30T09:00:00Z');
  const units = [
    ...new Set(
      table(p.ws, SHEET.pairs)
        .filter((r) => COUNTED.includes(String(r['Статус'])))
        .map((r) => String(r['Группа'] || r.ID)),
    ),
  ];
  typeRows(p.ws, SHEET.meetings, [
    { ID: 'ВС-9001', 'Пара / группа': units[0], Дата: day('2026-10-12'), 'Тип встречи': 'знакомство', 'Длительность, мин': 45 },
    { ID: 'ВС-9002', 'Пара / группа': units[0], Дата: day('2026-11-09'), 'Тип встречи': 'рабочая', 'Длительность, мин': 45 },
  ]);
  typeRows(p.ws, SHEET.feedback, [
    { ID: 'ОС-0001', Дата: day('2026-11-10'), 'Пара / группа': units[0], Роль: 'наставник', 'Удовлетворённость (1–10)': 9, 'Качество (1–10)': 8, 'Польза (1–10)': 9 },
    { ID: 'ОС-0002', Дата: day('2026-11-10'), 'Пара / группа': units[0], Роль: 'наставляемый', 'Удовлетворённость (1–10)': 7, 'Качество (1–10)': 7, 'Польза (1–10)': 6 },
  ]);
  expect((p.runner.call('refreshMonitoring') as Outcome).ok).toBe(true);
  return { ...p, units };
}

const setup = cachedSetup(() => prepared());
const cell = (t: string, label: string) => new RegExp(`${label.replace(/[()«»/]/g, '.')}\\n([^\\n]+)\\n`).exec(t)?.[1];

describe('generateReport: the stage справки', () => {
  test('stage 5 and 6: the Docs exist, their counts equal the sheets, the order quoted from «Документы», nobody named', () => {
    const { ws, runner } = setup();
    const first = runner.call('generateReport', ['stage-5']) as Outcome;
    expect(first.ok).toBe(true);
    expect((runner.call('generateReport', ['stage-6']) as Outcome).ok).toBe(true);
    const five = text(docs(ws, TITLE(5))[0]);
    const six = text(docs(ws, TITLE(6))[0]);
    expect(five).toContain('СПРАВКА');
    expect(five).toContain('(пункт 5.4 дорожной карты)');

    const pairs = table(ws, SHEET.pairs).filter((r) => COUNTED.includes(String(r['Статус'])));
    const groups = new Set(pairs.filter((r) => r['Группа']).map((r) => String(r['Группа']))).size;
    const single = pairs.filter((r) => !r['Группа']).length;
    const mentees = new Set(pairs.map((r) => String(r['ID наставляемого']))).size;
    expect(cell(five, 'Итого: пар / групп / наставляемых в них')).toBe(`${single} / ${groups} / ${mentees}`);
    const unmatched = table(ws, SHEET.mentees).filter((r) => r['Статус'] === 'без пары').length;
    expect(cell(five, 'Наставляемых без пары')).toBe(String(unmatched));

    // The order as the curator recorded it: «Дата подписания» and «Номер» of «Документы».
    const order = table(ws, 'Документы').find((r) => String(r['Вид']).includes('наставнических пар'))!;
    expect(order['Номер']).toBe('');
    // Not signed yet: said so, nothing invented, and the curator is told what to record.
    expect(five).toContain('Приказ(ы) об утверждении наставнических пар (групп)\nне подписан\nне подписан: дата и номер не внесены');
    expect(first.message).toContain('впишите «Дата подписания» и «Номер» на листе «Документы»');
    // The director signs; the curator records date and number: the next version quotes them.
    editRows(ws, 'Документы', (r) => (String(r['Вид']).includes('наставнических пар') ? { 'Дата подписания': new Date('2026-10-06T09:00:00Z'), Номер: '124-о/д' } : null));
    expect((runner.call('generateReport', ['stage-5']) as Outcome).ok).toBe(true);
    const signed = text(docs(ws, `${TITLE(5)}, версия 2`)[0]);
    expect(signed).toContain('Приказ(ы) об утверждении наставнических пар (групп)\nда\nот 06.10.2026 № 124-о/д');
    expect(five).toContain('Приказ о внедрении целевой модели наставничества\nнет сведений');

    expect(cell(six, 'Наставнических пар и групп')).toBe(String(single + groups));
    expect(cell(six, 'Проведено встреч (журнал встреч)')).toBe('2');
    expect(cell(six, 'Пар и групп, проводивших встречи')).toBe('1');
    const lag = table(ws, SHEET.monitoring).find((r) => r['Показатель'] === 'Встречи: пар с отставанием')!;
    expect(cell(six, 'Пар и групп, отстающих от графика встреч')).toBe(String(lag['Значение']));
    expect(cell(six, 'Ответов ежемесячной обратной связи')).toBe('2');

    for (const t of [five, six, signed]) {
      expect(t).not.toMatch(/NaN|undefined|Infinity|\{\{|\}\}/);
      for (const sheet of [SHEET.mentees, SHEET.mentors]) for (const r of table(ws, sheet)) if (String(r['ФИО']).length > 3) expect(t).not.toContain(String(r['ФИО']));
    }
    const road = table(ws, SHEET.roadmap);
    expect(road.find((r) => r['№'] === '5.4')!['Документ']).toBe(table(ws, 'Документы').find((r) => r['Документ'] === `${TITLE(5)}, версия 2`)!['Ссылка']);
    expect(road.find((r) => r['№'] === '6.3')!['Документ']).toBe(table(ws, 'Документы').find((r) => r['Документ'] === TITLE(6))!['Ссылка']);
  });

  test('stage 2 counts the base of mentees, target groups as counts; again for the same year is «версия 2»', () => {
    const { ws, runner } = setup();
    expect((runner.call('generateReport', ['stage-2']) as Outcome).ok).toBe(true);
    const t = text(docs(ws, TITLE(2))[0]);
    const base = table(ws, SHEET.mentees).filter((r) => r.ID);
    expect(cell(t, 'Наставляемых в базе, всего')).toBe(String(base.length));
    expect(t).toContain('Целевая группа: дети с ограниченными возможностями здоровья');
    const again = runner.call('generateReport', ['stage-2']) as Outcome;
    expect(again.message).toContain('версия 2');
    expect(
      docs(ws, TITLE(2))
        .map((d) => d.name)
        .sort(),
    ).toEqual([`${TITLE(2)} (заменён версией 2)`, `${TITLE(2)}, версия 2`]);
  });

  test('Docs calls do not grow with the pairs: the same calls with 300 more pairs', () => {
    const small = setup();
    small.ws.calls.reset();
    expect((small.runner.call('generateReport', ['stage-5']) as Outcome).ok).toBe(true);
    const calls = small.ws.calls.snapshot();
    expect(calls['Body.insertTable']).toBe(2);
    const big = setup();
    addApprovedPairs(big.ws);
    big.ws.calls.reset();
    expect((big.runner.call('generateReport', ['stage-5']) as Outcome).ok).toBe(true);
    expect(docsCalls(big.ws.calls.snapshot())).toEqual(docsCalls(calls));
    expect(cell(text(docs(big.ws, TITLE(5))[0]), 'Итого: пар / групп / наставляемых в них')).toMatch(/^\d{3} \//);
  });

  // Every report goes through one generateReport path, swept for the effectiveness report in every run;
  // this kind's own sweep runs with FULL_SWEEP=1 (CI time).
  sweepTest('a fault at any service call, then a re-run, ends as a clean run with one Doc per version', () => {
    const base = TITLE(6);
    const snapshot = (ws: Workspace) => {
      const { consistent, rest } = versionedState(ws, base, '6.3', { sameContent: false });
      return { consistent, rest };
    };

    const sweep = faultSweep({ setup, operation: { name: 'generateReport', args: ['stage-6'] }, snapshot, maxFaults: MAX_FAULTS });
    console.log(`generateReport(stage-6): ${sweep.cleanCalls} service calls in a clean run, ${sweep.faults} faults injected, ${sweep.diffs.length} problems`);
    expect(sweep.calls['Drive.Files.copy']).toBe(1);
    expect(sweep.diffs).toEqual([]);
  });
});

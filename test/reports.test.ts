import { firstLine, printable, printedPages } from './helpers/print';
import { addApprovedPairs, deleteTemplateTable, docs, docsCalls, text, versionedState } from './helpers/reports';
import { SHEET } from '../src/core/workbook/sheets';
import { DENOMINATORS, INDICATOR_TITLES, SWOT_QUESTIONNAIRE } from '../src/core/monitoring';
import { Outcome, table } from './helpers/programme';
import { approvedAfterMeeting } from './helpers/people';
import { cachedSetup, faultSweep } from './helpers/faults';
import { typeRows, editRows } from '../local/demo/hands';
import type { Workspace } from '../local/emulator/workspace';

// This kind only reads the sheets before the shared generateReport path, whose sweep runs in every CI run
// (effectiveness; the covering letter and the case bank add their own writes and run too): FULL_SWEEP=1 runs this one.
const sweepTest = process.env.FULL_SWEEP ? test : test.skip;

const MAX_FAULTS = process.env.FULL_SWEEP ? 100000 : 30;
const DATE = '15.11.2026';
const EFFECTIVENESS = `Отчёт о реализации целевой модели наставничества на ${DATE}`;
const SWOT = 'SWOT-анализ программы наставничества за 2026/2027 учебный год';

const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

function at(ws: Workspace, iso: string) {
  const now = new Date(iso);
  ws.now = () => now;
}

type Row = { stage: string; indicator: string; value: unknown; comment: string };
const monitoring = (ws: Workspace): Row[] =>
  table(ws, SHEET.monitoring).map((r) => ({ stage: String(r['Этап']), indicator: String(r['Показатель']), value: r['Значение'], comment: String(r['Комментарий']) }));

function unitIds(ws: Workspace): string[] {
  const out = new Set<string>();
  for (const r of table(ws, SHEET.pairs)) if (['утверждена', 'активна'].includes(String(r['Статус']))) out.add(String(r['Группа'] || r.ID));
  return [...out];
}

/** Pairs approved on 05.10.2026, feedback in November, «Обновить мониторинг» on 30.11.2026 with one denominator typed; SWOT answers for one form. */
function prepared(options: { denominator?: boolean } = {}) {
  const p = approvedAfterMeeting('05.10.2026');
  at(p.ws, '2026-11-30T09:00:00Z');
  const [a, b] = unitIds(p.ws);
  typeRows(p.ws, SHEET.feedback, [
    { ID: 'ОС-0001', Дата: day('2026-11-10'), 'Пара / группа': a, Роль: 'наставник', 'Удовлетворённость (1–10)': 9, 'Качество (1–10)': 8, 'Польза (1–10)': 9 },
    { ID: 'ОС-0002', Дата: day('2026-11-10'), 'Пара / группа': a, Роль: 'наставляемый', 'Удовлетворённость (1–10)': 8, 'Качество (1–10)': 7, 'Польза (1–10)': 6 },
    { ID: 'ОС-0003', Дата: day('2026-11-11'), 'Пара / группа': b, Роль: 'наставляемый', 'Удовлетворённость (1–10)': 6, 'Качество (1–10)': 8, 'Польза (1–10)': 8 },
  ]);
  expect((p.runner.call('refreshMonitoring') as Outcome).ok).toBe(true);
  if (options.denominator !== false) {
    editRows(p.ws, SHEET.monitoring, (r) => (r['Показатель'] === `${DENOMINATORS[0].label} на ${DATE}` ? { Значение: 40 } : null));
    expect((p.runner.call('refreshMonitoring') as Outcome).ok).toBe(true);
  }
  const form = String(table(p.ws, SHEET.pairs).find((r) => r['Статус'] === 'утверждена')!['Форма']);
  const swot = (item: string, value: unknown, comment = '') => ({
    Опрос: SWOT_QUESTIONNAIRE.title,
    Дата: day('2026-11-20'),
    'Форма наставничества': form,
    'Код вопроса': item,
    Значение: value,
    Комментарий: comment,
  });
  typeRows(p.ws, SHEET.surveys, [
    swot('strengthsWhat', '', 'Пары быстро нашли общий язык'),
    swot('pairsFormed', 'да'),
    swot('pairsFormed', 'нет'),
    swot('conditions', 8),
    swot('conditions', 9),
    swot('weaknessesWhat', '', 'Мало времени на встречи'),
    swot('threatsWhat', '', 'Нагрузка педагогов растёт'),
  ]);
  return { ...p, form };
}

const setup = cachedSetup(() => prepared());

const versioned = (ws: Workspace, base = EFFECTIVENESS, roadmap = '7.3') => versionedState(ws, base, roadmap);

describe('generateReport', () => {
  test('the effectiveness report: the six indicators equal «Мониторинг» on the date, with numerator and denominator; pairs by form; linked on the roadmap and in «Документы»', () => {
    const { ws, runner } = setup();
    const result = runner.call('generateReport', ['effectiveness']) as Outcome;
    expect(result.ok).toBe(true);
    const made = docs(ws, EFFECTIVENESS);
    expect(made).toHaveLength(1);
    const t = text(made[0]);
    expect(t).toContain('ОТЧЁТ');
    expect(t).toContain(`на ${DATE}`);
    const rows = monitoring(ws).filter((r) => r.stage === '7.3');
    const codes = ['mentees10to18', 'mentors15to19', 'youngTeachers', 'partners', 'menteeSatisfaction', 'mentorSatisfaction'] as const;
    codes.forEach((code, i) => {
      const row = rows.find((r) => r.indicator === `${i + 1}. ${INDICATOR_TITLES[code]} на ${DATE}`)!;
      expect(row).toBeDefined();
      const value = String(row.value).split(' — ')[0];
      // The row of the Doc's table: № | Показатель | План, % | Факт, % | % от плана | numerator | denominator.
      expect(t).toContain(`${i + 1}\n${INDICATOR_TITLES[code]}\nне установлено\n${/^\d/.test(value) ? value.replace(/ %$/, '') : 'нет данных'}\n—\n`);
    });
    const first = rows.find((r) => r.indicator.startsWith('1. '))!;
    expect(first.comment).toMatch(/знаменатель: 40/);
    const numerator = /Числитель: (\d+)/.exec(first.comment)![1];
    expect(t).toContain(`${String(first.value).replace(/ %$/, '')}\n—\n${numerator}\n40\n`);
    // Missing denominators are said in words, and the summary names the rows to fill.
    expect(t).toMatch(/Примечания к таблице: .*2 — знаменатель не введён/);
    expect(result.message).toContain('Плановые значения показателей не указаны');
    expect(result.message).toContain(`«${DENOMINATORS[1].label} на ${DATE}»`);
    expect(result.message).not.toContain(`«${DENOMINATORS[0].label} на ${DATE}»`);
    // Pairs and groups by form: the totals equal «Пары и группы».
    const units = unitIds(ws);
    const m = /Итого\n(\d+)\n(\d+)\n/.exec(t)!;
    expect(Number(m[1]) + Number(m[2])).toBe(units.length);
    expect(t).not.toMatch(/NaN|undefined|Infinity|\{\{|\}\}/);
    // Nobody named: no participant's name in the report.
    for (const r of table(ws, SHEET.pairs)) for (const n of [r['Наставник'], r['Наставляемый']]) if (String(n).length > 3) expect(t).not.toContain(String(n));

    const register = table(ws, 'Документы').filter((r) => String(r['Документ']).startsWith(EFFECTIVENESS));
    expect(register).toHaveLength(1);
    const road = table(ws, SHEET.roadmap).find((r) => r['№'] === '7.3')!;
    expect(road['Документ']).toBe(register[0]['Ссылка']);
    // The November report is half of 7.3 (the June one completes it): the tracker says «в работе».
    expect(road['Статус']).toBe('в работе');
    expect(ws.properties.document.has('reportInProgress')).toBe(false);
  });

  test('generating again for the same date makes «версия 2» and renames the first «(заменён версией 2)»; both stay in «Документы»', () => {
    const { ws, runner } = setup();
    expect((runner.call('generateReport', ['effectiveness', { period: '2026-11-15' }]) as Outcome).ok).toBe(true);
    const second = runner.call('generateReport', ['effectiveness']) as Outcome;
    expect(second.ok).toBe(true);
    expect(second.message).toContain('версия 2');
    expect(second.message).toContain(`«${EFFECTIVENESS} (заменён версией 2)»`);
    const names = docs(ws, EFFECTIVENESS)
      .map((d) => d.name)
      .sort();
    expect(names).toEqual([`${EFFECTIVENESS} (заменён версией 2)`, `${EFFECTIVENESS}, версия 2`]);
    const register = table(ws, 'Документы')
      .filter((r) => String(r['Документ']).startsWith(EFFECTIVENESS))
      .map((r) => r['Документ'])
      .sort();
    expect(register).toEqual(names);
    const third = runner.call('generateReport', ['effectiveness']) as Outcome;
    expect(third.message).toContain(`«${EFFECTIVENESS}, версия 2 (заменён версией 3)»`);
    expect(docs(ws, EFFECTIVENESS)).toHaveLength(3);
    const road = table(ws, SHEET.roadmap).find((r) => r['№'] === '7.3')!;
    const latest = table(ws, 'Документы').find((r) => r['Документ'] === `${EFFECTIVENESS}, версия 3`)!;
    expect(road['Документ']).toBe(latest['Ссылка']);
  });

  test('the SWOT analysis: one grid per form used, measured shares with n, open answers without names; a form without answers says so', () => {
    const { ws, runner, form } = prepared();
    const result = runner.call('generateReport', ['swot']) as Outcome;
    expect(result.ok).toBe(true);
    const made = docs(ws, SWOT);
    expect(made).toHaveLength(1);
    const t = text(made[0]);
    expect(t).toContain(`Форма «${form}»`);
    expect(t).toContain('Сильные стороны');
    expect(t).toContain('Угрозы');
    expect(t).toContain('• Пары быстро нашли общий язык');
    expect(t).toContain('Пары сформированы для всех: «да» — 50 % (n = 2)');
    expect(t).toContain('Условия центра: в среднем 8,5 из 10 (n = 2)');
    expect(t).toContain('• Нагрузка педагогов растёт');
    const forms = new Set(
      table(ws, SHEET.pairs)
        .filter((r) => r['Статус'] === 'утверждена')
        .map((r) => String(r['Форма'])),
    );
    for (const f of forms) expect(t).toContain(`Форма «${f}»`);
    if (forms.size > 1) {
      expect(t).toContain('SWOT-анкета по этой форме не заполнена');
      expect(result.message).toContain('SWOT-анкета не заполнена');
    }
    expect(t).toContain('Примечания куратора');
    expect(t).not.toMatch(/NaN|undefined|Infinity|\{\{|\}\}/);
    for (const r of table(ws, SHEET.pairs)) for (const n of [r['Наставник'], r['Наставляемый']]) if (String(n).length > 3) expect(t).not.toContain(String(n));
    expect(table(ws, SHEET.roadmap).find((r) => r['№'] === '7.1')!['Документ']).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
  });

  test('a template the curator broke still gives the report, with a note of what was missing', () => {
    const { ws, runner } = setup();
    expect((runner.call('createTemplates') as Outcome).ok).toBe(true);
    // She deletes the indicators table.
    deleteTemplateTable(ws, 'Шаблон — Отчёт о реализации целевой модели наставничества (показатели эффективности)', 'показатели');
    const result = runner.call('generateReport', ['effectiveness']) as Outcome;
    expect(result.ok).toBe(true);
    expect(result.message).toContain('Таблица добавлена в конец документа');
    const t = text(docs(ws, EFFECTIVENESS)[0]);
    expect(t).toContain(INDICATOR_TITLES.mentees10to18);
  });

  test('an unknown kind or period is refused in words; without «Мониторинг» rows the curator is told to refresh it', () => {
    const { ws, runner } = setup();
    const bad = runner.call('generateReport', ['nonsense']) as Outcome;
    expect(bad.ok).toBe(false);
    expect(bad.message).toContain('Такого вида отчёта нет');
    const period = runner.call('generateReport', ['effectiveness', { period: '2030-06-15' }]) as Outcome;
    expect(period.ok).toBe(false);
    expect(period.message).toContain('на 15.11.2026');
    const older = runner.call('generateReport', ['effectiveness', { period: '2026-06-15' }]) as Outcome;
    expect(older.ok).toBe(false);
    expect(older.message).toContain('Обновить мониторинг');
    expect(docs(ws, 'Отчёт')).toHaveLength(0);
  });

  test('a run cut short, then another report: the half-made Doc goes to the bin, the new report is made, nothing doubled', () => {
    const { ws, runner } = setup();
    ws.calls.failOn('Docs.Documents.batchUpdate', { message: 'Service Documents failed while accessing document' });
    const failed = runner.call('generateReport', ['effectiveness']) as Outcome;
    ws.calls.clearFaults();
    expect(failed.ok).toBe(false);
    expect(ws.properties.document.has('reportInProgress')).toBe(true);
    const other = runner.call('generateReport', ['swot']) as Outcome;
    expect(other.ok).toBe(true);
    expect(other.message).toContain(`Прерванное сбоем формирование «${EFFECTIVENESS}» отменено`);
    expect(docs(ws, EFFECTIVENESS)).toHaveLength(0);
    expect(docs(ws, SWOT)).toHaveLength(1);
    expect(table(ws, 'Документы').filter((r) => String(r['Документ']).startsWith(EFFECTIVENESS))).toHaveLength(0);
    // Generated now, it is the first version: the cancelled run took no number.
    expect((runner.call('generateReport', ['effectiveness']) as Outcome).ok).toBe(true);
    expect(docs(ws, EFFECTIVENESS).map((d) => d.name)).toEqual([EFFECTIVENESS]);
  });

  test('Docs calls do not grow with the pairs: one table insert per table, the same calls with 300 more pairs', () => {
    const small = setup();
    small.ws.calls.reset();
    expect((small.runner.call('generateReport', ['effectiveness']) as Outcome).ok).toBe(true);
    const calls = small.ws.calls.snapshot();
    expect(calls['Docs.Documents.batchUpdate']).toBe(1);
    // Two tables (indicators, pairs by form): each inserted whole, whatever the number of rows.
    expect(calls['Body.insertTable']).toBe(2);

    const big = setup();
    addApprovedPairs(big.ws);
    big.ws.calls.reset();
    const result = big.runner.call('generateReport', ['effectiveness']) as Outcome;
    expect(result.ok).toBe(true);
    expect(docsCalls(big.ws.calls.snapshot())).toEqual(docsCalls(calls));
    expect(text(docs(big.ws, EFFECTIVENESS)[0])).toMatch(/Итого\n\d{3}\n/);
  });

  test('a fault at any service call, then a re-run, ends as a clean run with one Doc per version', () => {
    const sweep = faultSweep({ setup, operation: { name: 'generateReport', args: ['effectiveness'] }, snapshot: versioned, maxFaults: MAX_FAULTS });
    console.log(`generateReport: ${sweep.cleanCalls} service calls in a clean run, ${sweep.faults} faults injected, ${sweep.diffs.length} problems`);
    expect(sweep.calls['Drive.Files.copy']).toBe(1);
    expect(sweep.diffs).toEqual([]);
  });

  // Every report goes through one generateReport path, swept for the effectiveness report in every run;
  // this kind's own sweep runs with FULL_SWEEP=1 (CI time).
  sweepTest('the SWOT analysis after a fault at any service call, then a re-run: one Doc per version', () => {
    const sweep = faultSweep({ setup, operation: { name: 'generateReport', args: ['swot'] }, snapshot: (ws) => versioned(ws, SWOT, '7.1'), maxFaults: 15 });
    console.log(`generateReport(swot): ${sweep.cleanCalls} service calls in a clean run, ${sweep.faults} faults injected, ${sweep.diffs.length} problems`);
    expect(sweep.diffs).toEqual([]);
  });

  (printable ? test : test.skip)(
    'the .docx of each report opens in LibreOffice and prints its figures, numbered from page 2',
    async () => {
      const { ws, runner } = setup();
      expect((runner.call('generateReport', ['effectiveness']) as Outcome).ok).toBe(true);
      expect((runner.call('generateReport', ['swot']) as Outcome).ok).toBe(true);
      const value = String(monitoring(ws).find((r) => r.indicator.startsWith('1. '))!.value);
      for (const [prefix, expected] of [
        [EFFECTIVENESS, value.replace(/ %$/, '')],
        [SWOT, 'Сильные стороны'],
      ]) {
        const doc = docs(ws, prefix)[0];
        const pages = await printedPages(doc);
        const printed = pages.join('\f');
        expect(printed).toContain(expected);
        expect(printed).toContain('УТВЕРЖДАЮ');
        // Header words whole: a narrow column would print «Знаменател» and «ь» on the next line.
        if (prefix === EFFECTIVENESS) for (const word of ['Показатель', 'Числитель', 'Знаменатель', 'плана']) expect(printed).toMatch(new RegExp(`${word}(\\s|$)`));
        expect(printed).not.toMatch(/NaN|undefined|Infinity|\{\{/);
        pages.slice(1).forEach((page, i) => expect(firstLine(page)).toBe(String(i + 2)));
      }
    },
    300000,
  );
});

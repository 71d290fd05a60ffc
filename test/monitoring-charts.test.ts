import { SHEET } from '../src/core/workbook/sheets';
import { BLOCK_TEXT, CHART_TITLES } from '../src/core/monitoring';
import { look } from './helpers/addon';
import { Outcome, table, typeRows, unitIds } from './helpers/programme';
import { approvedAfterMeeting } from './helpers/people';
import { cachedSetup, faultSweep, stateWithoutLog } from './helpers/faults';
import type { Workspace } from '../local/emulator/workspace';

const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

const NAME = 'Сидорова Анна Викторовна';

/** Approved pairs; feedback from two pairs; entry and exit diagnostics of one mentee; hostile answers. */
function prepared() {
  const p = approvedAfterMeeting('05.10.2026');
  const now = new Date('2027-05-20T09:00:00Z');
  p.ws.now = () => now;
  const [a, b] = unitIds(p.ws);
  typeRows(p.ws, SHEET.feedback, [
    { ID: 'ОС-0001', Дата: day('2026-11-10'), 'Пара / группа': a, Роль: 'наставник', 'Удовлетворённость (1–10)': 9, 'Качество (1–10)': 8, 'Польза (1–10)': 9 },
    { ID: 'ОС-0002', Дата: day('2026-11-10'), 'Пара / группа': a, Роль: 'наставляемый', 'Удовлетворённость (1–10)': 7, 'Качество (1–10)': 7, 'Польза (1–10)': 6 },
    { ID: 'ОС-0003', Дата: day('2026-11-11'), 'Пара / группа': b, Роль: 'наставник', 'Удовлетворённость (1–10)': 8, 'Качество (1–10)': 9, 'Польза (1–10)': 10 },
    { ID: 'ОС-0004', Дата: day('2026-11-11'), 'Пара / группа': NAME, Роль: 'наставник', 'Удовлетворённость (1–10)': 10 },
  ]);
  typeRows(p.ws, SHEET.diagnostics, [
    { ID: 'ДГ-0001', 'ID участника': 'У-0001', 'Пара / группа': a, Роль: 'наставляемый', Этап: 'входная', 'Код вопроса': 'satisfaction', Значение: 5 },
    { ID: 'ДГ-0002', 'ID участника': 'У-0001', 'Пара / группа': a, Роль: 'наставляемый', Этап: 'итоговая', 'Код вопроса': 'satisfaction', Значение: 9 },
    { ID: 'ДГ-0003', 'ID участника': 'У-0001', 'Пара / группа': a, Роль: 'наставляемый', Этап: 'входная', 'Код вопроса': 'comfort', Значение: 6 },
    { ID: 'ДГ-0004', 'ID участника': 'У-0001', 'Пара / группа': a, Роль: 'наставляемый', Этап: 'итоговая', 'Код вопроса': 'comfort', Значение: 8 },
    { ID: 'ДГ-0005', 'ID участника': 'У-0001', 'Пара / группа': a, Роль: 'наставляемый', Этап: 'итоговая', 'Код вопроса': 'clarity', Значение: 14 },
    { ID: 'ДГ-0006', 'ID участника': 'У-0001', 'Пара / группа': a, Роль: 'наставляемый', Этап: 'итоговая', 'Код вопроса': NAME, Значение: 9 },
  ]);
  return { ...p, a, b };
}

const refresh = (p: { runner: { call: (name: string) => unknown } }) => p.runner.call('refreshMonitoring') as Outcome;
const monitoringSheet = (ws: Workspace) => ws.spreadsheet.findSheet(SHEET.monitoring)!;
/** The sheet's cells as text rows (what a curator sees), G onwards. */
function blockRows(ws: Workspace): string[][] {
  const s = monitoringSheet(ws);
  return s.rows.map((r) => (r ?? []).slice(6, 13).map((c) => (c ? String(c.v) : '')));
}
/** Our charts: title, type, anchor and the label cells they read. */
function charts(ws: Workspace) {
  const s = monitoringSheet(ws);
  return s.charts.map((c) => ({
    title: c.options.title,
    type: c.type,
    anchor: [c.position.row, c.position.column],
    labels: c.ranges.filter((r) => r.column === 7).flatMap((r) => Array.from({ length: r.numRows }, (_v, i) => String(s.cell(r.row + i, r.column)?.v ?? ''))),
    series: c.ranges.map((r) => ({ ...r, sheetId: undefined })),
  }));
}
const chartState = (ws: Workspace) => ({ ...stateWithoutLog(ws), charts: charts(ws) });

describe('monitoring tables and charts on «Мониторинг»', () => {
  test('the tables sit beside the rows, the two charts are made once, read our rows, and a re-run updates them in place', () => {
    const p = prepared();
    const result = refresh(p);
    expect(result.ok).toBe(true);
    const rows = blockRows(p.ws);
    const titleAt = (t: string) => rows.findIndex((r) => r[0] === t);
    expect(titleAt(BLOCK_TEXT.feedbackByForm('8'))).toBe(0);
    const itemTitle = titleAt(BLOCK_TEXT.diagnosticsByItem);
    expect(itemTitle).toBeGreaterThan(0);
    // Mentee У-0001: satisfaction 5 → 9, comfort 6 → 8; the 14 is left out.
    const sat = rows.find((r) => r[0] === 'наставляемые: Удовлетворённость совместной работой')!;
    expect(sat.slice(1, 5)).toEqual(['5', '9', '4', '1']);
    const main = table(p.ws, SHEET.monitoring);
    const delta = main.find((r) => r['Показатель'] === 'Диагностика, наставляемые: изменение по всем вопросам шкалы 1–10 (итоговая − входная)')!;
    expect(delta['Значение']).toBe('+3');
    const left = main.find((r) => r['Показатель'] === 'Диагностика: ответы не учтены')!;
    expect(left['Значение']).toBe(2);
    expect(String(left['Комментарий'])).toBe('строка 6, «Значение»: оценка 14 вне шкалы 1–10; ответ не учтён; строка 7, «Код вопроса»: такого кода вопроса нет в анкетах; ответ не учтён');
    const fbLeft = main.find((r) => r['Показатель'] === 'Обратная связь: оценки не учтены')!;
    expect(fbLeft['Значение']).toBe(1);
    expect(result.message).toContain('Ответов диагностики не учтено: 2');

    const first = charts(p.ws);
    expect(first.map((c) => [c.title, c.type])).toEqual([
      [BLOCK_TEXT.chartShare, 'BAR'],
      [BLOCK_TEXT.chartDiagnostics, 'COLUMN'],
    ]);
    // The diagnostics chart: heading + the charted rows, anchored beside its table.
    expect(first[1].anchor).toEqual([itemTitle + 1, 15]);
    expect(first[1].labels[0]).toBe('Роль и вопрос');
    expect(first[1].labels).toContain('наставляемые: Удовлетворённость совместной работой');
    const ids = monitoringSheet(p.ws).charts.map((c) => c.id);

    // More answers: the same charts, updated, reading one more row.
    typeRows(p.ws, SHEET.diagnostics, [
      { ID: 'ДГ-0007', 'ID участника': 'У-0001', 'Пара / группа': p.a, Роль: 'наставляемый', Этап: 'входная', 'Код вопроса': 'effectiveness', Значение: 4 },
      { ID: 'ДГ-0008', 'ID участника': 'У-0001', 'Пара / группа': p.a, Роль: 'наставляемый', Этап: 'итоговая', 'Код вопроса': 'effectiveness', Значение: 7 },
    ]);
    expect(refresh(p).ok).toBe(true);
    expect(monitoringSheet(p.ws).charts.map((c) => c.id)).toEqual(ids);
    expect(charts(p.ws)[1].labels).toContain('наставляемые: Эффективность программы');
    expect(charts(p.ws)[1].labels.length).toBe(first[1].labels.length + 1);

    // A third run with nothing new changes nothing, charts included.
    const before = chartState(p.ws);
    expect(refresh(p).ok).toBe(true);
    expect(chartState(p.ws)).toEqual(before);
  });

  test('chart labels and the tables never hold a person’s name, whether or not they consented', () => {
    const p = prepared();
    expect(refresh(p).ok).toBe(true);
    const names = [...table(p.ws, SHEET.mentees).map((r) => r['ФИО']), ...table(p.ws, SHEET.mentors).map((r) => r['ФИО']), NAME].map((n) => String(n ?? '').trim()).filter((n) => n.length > 3);
    expect(names.length).toBeGreaterThan(2);
    const labels = charts(p.ws).flatMap((c) => c.labels);
    expect(labels.length).toBeGreaterThan(3);
    const everything = JSON.stringify([labels, blockRows(p.ws), table(p.ws, SHEET.monitoring)]);
    for (const name of names) {
      expect(everything).not.toContain(name);
      for (const part of name.split(/\s+/).filter((w) => w.length > 3)) expect(labels.join(' ')).not.toContain(part);
    }
    expect(everything).not.toMatch(/NaN|Infinity|undefined/);
  });

  test('a chart with nothing to draw is removed; a second copy is removed; the curator’s own chart stays', () => {
    const p = prepared();
    expect(refresh(p).ok).toBe(true);
    // A copy left by an interrupted run, and a chart of the curator's.
    look(p.ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.monitoring)!;
      const ours = sheet.getCharts().find((c) => c.getOptions().get('title') === BLOCK_TEXT.chartShare)!;
      sheet.insertChart(ours.modify().build());
      sheet.insertChart(
        sheet
          .newChart()
          .setChartType('PIE' as unknown as GoogleAppsScript.Charts.ChartType)
          .addRange(sheet.getRange('A1:B3'))
          .setOption('title', 'Моя диаграмма')
          .build(),
      );
    });
    expect(charts(p.ws)).toHaveLength(4);
    // The diagnostics are deleted: their chart has nothing to draw.
    look(p.ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.diagnostics)!;
      sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).clearContent();
    });
    expect(refresh(p).ok).toBe(true);
    expect(charts(p.ws).map((c) => c.title)).toEqual([BLOCK_TEXT.chartShare, 'Моя диаграмма']);
    expect(blockRows(p.ws).some((r) => r[0] === BLOCK_TEXT.diagnosticsByItem)).toBe(true);
    expect(blockRows(p.ws).some((r) => r[0] === 'наставляемые: Удовлетворённость совместной работой')).toBe(false);
    expect(CHART_TITLES).toContain(BLOCK_TEXT.chartDiagnostics);
  });

  test('service calls stay flat as answers grow', () => {
    const calls = (p: ReturnType<typeof prepared>) => {
      const before = p.ws.calls.snapshot();
      expect(refresh(p).ok).toBe(true);
      const after = p.ws.calls.snapshot();
      return Object.entries(after).reduce((sum, [method, n]) => sum + n - (before[method] ?? 0), 0);
    };
    const small = calls(prepared());
    const big = prepared();
    typeRows(
      big.ws,
      SHEET.diagnostics,
      Array.from({ length: 300 }, (_v, k) => ({
        ID: `ДГ-${1000 + k}`,
        'ID участника': `У-${1000 + (k % 50)}`,
        'Пара / группа': k % 2 ? big.a : big.b,
        Роль: 'наставляемый',
        Этап: k % 3 ? 'итоговая' : 'входная',
        'Код вопроса': ['satisfaction', 'comfort', 'clarity'][k % 3],
        Значение: 1 + (k % 10),
      })),
    );
    typeRows(
      big.ws,
      SHEET.feedback,
      Array.from({ length: 200 }, (_v, k) => ({ ID: `ОС-${1000 + k}`, Дата: day('2026-11-10'), 'Пара / группа': big.b, Роль: 'наставляемый', 'Удовлетворённость (1–10)': 1 + (k % 10) })),
    );
    expect(calls(big)).toBe(small);
  });

  test('after a fault at any service call a re-run ends with the same sheet and one copy of each chart', () => {
    const result = faultSweep({ setup: cachedSetup(prepared), operation: { name: 'refreshMonitoring' }, snapshot: chartState, maxFaults: process.env.FULL_SWEEP ? 10000 : 60 });
    console.log(`refreshMonitoring with charts: ${result.cleanCalls} service calls, ${result.faults} faults injected, ${result.diffs.length} differing end states`);
    expect(result.diffs).toEqual([]);
  });
});

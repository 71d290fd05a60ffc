/**
 * «Обновить дорожную карту» under faults, across time zones, with a renamed or moved sheet, and
 * the actions that make evidence updating their rows themselves.
 */
import { SHEET } from '../src/core/workbook/sheets';
import { freshAddon, look } from './helpers/addon';
import { cachedSetup, faultSweep, stateWithoutLog } from './helpers/faults';
import { approvedAfterMeeting, withPeople } from './helpers/people';
import { Outcome, setCells, table } from './helpers/programme';
import type { Workspace } from '../local/emulator/workspace';
import type { ScriptRunner } from '../local/emulator/runner';

const row = (ws: Workspace, number: string) => table(ws, SHEET.roadmap).find((r) => r['№'] === number)!;
const call = (runner: ScriptRunner, name: string, args: unknown[] = []) => runner.call(name, args) as Outcome;
const NOT_REFRESHED = /«Дорожная карта» не обновлена/;

/** The curator's own cells on the roadmap, as she would type them. */
function curatorEdits(ws: Workspace): void {
  setCells(ws, SHEET.roadmap, '№', '1.3', { Статус: 'выполнено', 'Комментарий куратора': 'сайт и родительские собрания' });
  setCells(ws, SHEET.roadmap, '№', '1.4', { 'Свой срок': 'к пятнице' });
  setCells(ws, SHEET.roadmap, '№', '2.2', { 'Свой срок': new Date('2026-10-19T21:00:00Z') });
  setCells(ws, SHEET.roadmap, '№', '1.5', { Статус: 'перенесено', 'Свой срок': new Date('2027-01-14T21:00:00Z') });
}

/** The day a cell's Date stands for in a zone, as Sheets shows it. */
const dayIn = (d: unknown, timeZone: string) => new Intl.DateTimeFormat('ru-RU', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(d as Date);

/**
 * In CI the sweep fails the tracker's own calls (its writes, the rename, the highlights, the reads
 * of the sheets and the day): runAction's lock, toasts and «Журнал» are swept with every action.
 * FULL_SWEEP=1 fails every call.
 */
const OWN =
  /^(Sheet\.(setName|getName|getConditionalFormatRules|setConditionalFormatRules)|ConditionalFormatRule\.getRanges|Range\.(setValues|getValues|setNumberFormat)|Spreadsheet\.(getSheets|getSheetByName|getSpreadsheetTimeZone)|Properties\.getProperty|Utilities\.formatDate)$/;

describe('refreshRoadmap under faults', () => {
  test('a fault at any service call, then a re-run, ends as a clean run (renamed sheet, deleted row, own dates)', () => {
    const setup = cachedSetup(() => {
      const p = approvedAfterMeeting('05.10.2026');
      curatorEdits(p.ws);
      look(p.ws, (ss) => {
        const sheet = ss.getSheetByName(SHEET.roadmap)!;
        const at =
          sheet
            .getDataRange()
            .getValues()
            .findIndex((r) => r[0] === '3.5') + 1;
        sheet.deleteRow(at);
        sheet.setName('Дорожная карта 2026');
      });
      return p;
    });
    const full = !!process.env.FULL_SWEEP;
    const report = faultSweep({ setup, operation: { name: 'refreshRoadmap' }, snapshot: stateWithoutLog, maxFaults: full ? 100000 : 15, skip: (m) => !full && !OWN.test(m) });
    console.log(`refreshRoadmap: ${report.cleanCalls} service calls in a clean run, ${report.faults} faults injected${full ? ' (every call)' : ''}, ${report.diffs.length} problems`);
    expect(report.diffs).toEqual([]);
    expect(report.faults).toBeLessThanOrEqual(full ? report.cleanCalls : 15);
    // The sweep's clean run: the sheet has its name back, the row is back, the curator's cells stay.
    const clean = setup();
    const outcome = call(clean.runner, 'refreshRoadmap');
    expect(outcome.message).toContain('Лист «Дорожная карта 2026» — это дорожная карта');
    expect(outcome.message).toMatch(/Восстановлены удалённые строки: 3\.5/);
    expect(row(clean.ws, '1.3')).toMatchObject({ Статус: 'выполнено', 'Комментарий куратора': 'сайт и родительские собрания' });
    expect(row(clean.ws, '1.5')['Статус']).toBe('перенесено');
    expect(row(clean.ws, '2.2')['Свой срок']).toEqual(new Date('2026-10-19T21:00:00Z'));
  });
});

describe('the deadline 15.10 is 15.10 in the spreadsheet’s zone, whatever the script’s', () => {
  test.each([
    ['Europe/Moscow', '2026-10-14T21:00:00.000Z'],
    ['Asia/Vladivostok', '2026-10-14T14:00:00.000Z'],
  ])('script in UTC, spreadsheet in %s', (zone, midnight) => {
    // 01:30 on 15.10 in Moscow (08:30 in Vladivostok), still 14.10 in UTC.
    const { ws, runner } = freshAddon({ timeZone: zone, now: '2026-10-14T22:30:00Z' });
    ws.scriptTimeZone = 'UTC';
    expect(call(runner, 'setupWorkbook').ok).toBe(true);
    setCells(ws, SHEET.settings, 'Параметр', 'Положение о наставничестве утверждено приказом (от … № …)', { Значение: 'от 01.09.2021 № 45-о/д' });
    setCells(ws, SHEET.settings, 'Параметр', 'Программа наставничества утверждена приказом (от … № …)', { Значение: 'от 01.09.2021 № 46-о/д' });
    const outcome = call(runner, 'refreshRoadmap');
    expect(outcome.ok).toBe(true);
    for (const n of ['1.2', '2.1', '2.2', '2.3']) {
      const due = row(ws, n)['Срок (дата)'];
      expect([n, dayIn(due, zone), (due as Date).toISOString()]).toEqual([n, '15.10.2026', midnight]);
    }
    // «Сегодня» is the spreadsheet's 15.10: 1.1 evidenced by «Настройки» is done on 15.10, and the 15.10 rows are due today, not late.
    expect(row(ws, '1.1')['Статус']).toBe('выполнено');
    expect(dayIn(row(ws, '1.1')['Дата выполнения'], zone)).toBe('15.10.2026');
    // Late: 1.6 (20.09) and 5.2 (01.10); the four open 15.10 rows are due today, not late.
    expect(outcome.message).toMatch(/Просрочено: 2; срок в ближайшие 7\sдней: 4\./);
    // A day later in the spreadsheet's zone (still 15.10 in UTC) they are late.
    const later = new Date('2026-10-15T21:30:00Z');
    ws.now = () => later;
    expect(call(runner, 'refreshRoadmap').message).toMatch(/Просрочено: 6; срок в ближайшие 7\sдней: 0\./);
  });
});

describe('a renamed or moved «Дорожная карта»', () => {
  test('renamed: its name given back with a message, no second sheet, every status and own date kept; a second run says nothing of it', () => {
    const { ws, runner } = approvedAfterMeeting('05.10.2026');
    expect(call(runner, 'refreshRoadmap').ok).toBe(true);
    curatorEdits(ws);
    const before = table(ws, SHEET.roadmap);
    look(ws, (ss) => ss.getSheetByName(SHEET.roadmap)!.setName('ДК (старая)'));
    const outcome = call(runner, 'refreshRoadmap');
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toContain('Лист «ДК (старая)» — это дорожная карта: надстройка находит её по имени, поэтому листу возвращено имя «Дорожная карта».');
    const names = ws.spreadsheet.sheets.map((s) => s.name);
    expect(names.filter((n) => n === SHEET.roadmap)).toHaveLength(1);
    expect(names).not.toContain('ДК (старая)');
    expect(table(ws, SHEET.roadmap)).toEqual(before);
    expect(call(runner, 'refreshRoadmap').message).not.toContain('это дорожная карта');
  });

  test('deleted: made again with every activity and its evidence, and no word of a rename', () => {
    const { ws, runner } = approvedAfterMeeting('05.10.2026');
    look(ws, (ss) => ss.deleteSheet(ss.getSheetByName(SHEET.roadmap)!));
    const outcome = call(runner, 'refreshRoadmap');
    expect(outcome.ok).toBe(true);
    expect(outcome.message).not.toContain('это дорожная карта');
    expect(table(ws, SHEET.roadmap)).toHaveLength(32);
    expect(row(ws, '5.2')['Основание']).toMatch(/Приказ об утверждении пар/);
  });

  test('moved to the first tab, rows sorted backwards, columns swapped: statuses, own dates and comments stay with their activities', () => {
    const { ws, runner } = approvedAfterMeeting('05.10.2026');
    expect(call(runner, 'refreshRoadmap').ok).toBe(true);
    curatorEdits(ws);
    const before = new Map(table(ws, SHEET.roadmap).map((r) => [r['№'], r]));
    look(ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.roadmap)!;
      const values = sheet.getDataRange().getValues();
      const [head, ...rows] = values;
      // «Статус» and «Свой срок» change places; the rows go last to first.
      const a = head.indexOf('Статус');
      const b = head.indexOf('Свой срок');
      const swap = (r: unknown[]) => r.map((v, i) => (i === a ? r[b] : i === b ? r[a] : v));
      sheet.getRange(1, 1, values.length, head.length).setValues([swap(head), ...rows.reverse().map(swap)]);
    });
    const model = ws.spreadsheet.sheets;
    model.unshift(
      ...model.splice(
        model.findIndex((s) => s.name === SHEET.roadmap),
        1,
      ),
    );
    const outcome = call(runner, 'refreshRoadmap');
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toMatch(/статусов по данным рабочей книги — 0/);
    const after = table(ws, SHEET.roadmap);
    expect(after.map((r) => r['№'])[0]).toBe('7.6');
    for (const r of after) {
      const was = before.get(r['№'])!;
      for (const key of ['Статус', 'Свой срок', 'Комментарий куратора', 'Срок (дата)', 'Основание', 'Документ']) expect([r['№'], key, r[key]]).toEqual([r['№'], key, was[key]]);
    }
    expect(ws.spreadsheet.sheets[0].name).toBe(SHEET.roadmap);
  });
});

describe('actions update the roadmap rows they evidence', () => {
  test('approvePairs, «Документы» signed, monitoring, the platform export and an import: rows change without «Обновить дорожную карту»', () => {
    const { ws, runner } = approvedAfterMeeting('05.10.2026');
    // approvePairs (in the helper) left the pairs order on 5.2, unsigned.
    expect(row(ws, '5.2')).toMatchObject({ Статус: 'в работе' });
    expect(String(row(ws, '5.2')['Документ'])).toMatch(/^https:\/\/docs\.google\.com\/document\//);
    expect(String(row(ws, '2.1')['Основание'])).toMatch(/^База наставляемых: /);
    // The director signs; the curator types the date and number into «Документы»; the next action sees it.
    const order = table(ws, SHEET.documents).find((r) => String(r['Вид']).startsWith('Приказ об утверждении наставнических пар'))!;
    setCells(ws, SHEET.documents, 'ID документа', String(order['ID документа']), { 'Дата подписания': new Date('2026-10-06T21:00:00Z'), Номер: '123-о/д' });
    const monitoring = call(runner, 'refreshMonitoring');
    expect(monitoring.ok).toBe(true);
    expect(monitoring.message).not.toMatch(NOT_REFRESHED);
    expect(row(ws, '5.2')['Статус']).toBe('выполнено');
    expect(row(ws, '5.2')['Основание']).toMatch(/подписан 07\.10\.2026 № 123-о\/д/);
    expect(dayIn(row(ws, '5.2')['Дата выполнения'], 'Europe/Moscow')).toBe('07.10.2026');
    expect(String(row(ws, '6.1')['Основание'])).toMatch(/пар с отставанием: \d+/);
    // The export is evidenced by its own «Журнал» row, written after the action's work.
    expect(row(ws, '7.4')['Основание']).toBe('');
    const exported = call(runner, 'exportForPlatform');
    expect(exported.ok).toBe(true);
    expect(exported.message).not.toMatch(NOT_REFRESHED);
    expect(row(ws, '7.4')).toMatchObject({ Статус: 'выполнено', Основание: 'Выгрузка для платформы «Наставник»: 01.10.2026' });
    // An import run by the curator refreshes the rows too (here: nothing new, the rows stand).
    const before = JSON.stringify(table(ws, SHEET.roadmap));
    const imported = call(runner, 'importResponses');
    expect(imported.ok).toBe(true);
    expect(imported.message).not.toMatch(NOT_REFRESHED);
    expect(JSON.stringify(table(ws, SHEET.roadmap))).toBe(before);
  });

  test('the signed order’s date and № typed into «Документы»: «Уведомить участников» completes 5.2', () => {
    const { ws, runner } = approvedAfterMeeting('05.10.2026');
    const order = table(ws, SHEET.documents).find((r) => String(r['Вид']).startsWith('Приказ об утверждении наставнических пар'))!;
    setCells(ws, SHEET.documents, 'ID документа', String(order['ID документа']), { 'Дата подписания': new Date('2026-10-06T21:00:00Z'), Номер: '123-о/д' });
    expect(row(ws, '5.2')['Статус']).toBe('в работе');
    const notified = call(runner, 'notifyParticipants');
    expect(notified.ok).toBe(true);
    expect(notified.message).not.toMatch(NOT_REFRESHED);
    expect(row(ws, '5.2')).toMatchObject({ Статус: 'выполнено', Основание: 'Приказ об утверждении пар: подписан 07.10.2026 № 123-о/д; пар и групп утверждено: 4' });
  });

  test('createTrainingOrder puts the «Школа наставников» order on 4.1', () => {
    const { ws, runner } = withPeople();
    const outcome = call(runner, 'createTrainingOrder', [{ number: '118-о/д' }]);
    expect(outcome.ok).toBe(true);
    expect(outcome.message).not.toMatch(NOT_REFRESHED);
    expect(row(ws, '4.1')).toMatchObject({ Статус: 'в работе' });
    expect(String(row(ws, '4.1')['Основание'])).toMatch(/^Приказ о «Школе наставников»: сформирован \d\d\.\d\d\.2026, не подписан/);
  });

  test('a failed roadmap refresh leaves the action a success, with a note; «Обновить дорожную карту» repairs the rows', () => {
    const { ws, runner } = withPeople();
    // Only the tracker reads conditional format rules: its refresh fails, the order does not.
    ws.calls.failOn('Sheet.getConditionalFormatRules', { message: 'Service Spreadsheets failed while accessing document' });
    const outcome = call(runner, 'createTrainingOrder', [{ number: '118-о/д' }]);
    ws.calls.clearFaults();
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toMatch(/«Дорожная карта» не обновлена \(служба Google временно не ответила\); выберите «Обновить дорожную карту»\.$/);
    expect(ws.logs.some((l) => l.startsWith('ERROR: Обновление дорожной карты после «Школа наставников»'))).toBe(true);
    expect(call(runner, 'refreshRoadmap').ok).toBe(true);
    expect(row(ws, '4.1')['Статус']).toBe('в работе');
  });
});

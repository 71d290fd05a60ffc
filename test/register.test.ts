import { SHEET } from '../src/core/workbook/sheets';
import { TRAINING_PLAN } from '../src/core/documents/training-plan';
import { latestDocument, recordDocument } from '../src/server/register';
import { readTrainingPlan } from '../src/server/training-plan';
import { freshAddon, look } from './helpers/addon';
import { Outcome, table } from './helpers/programme';
import { faultSweep, workspaceState } from './helpers/faults';
import { cloneDeep } from './helpers/clone';
import { inScript } from './helpers/in-script';
import type { Workspace } from '../local/emulator/workspace';
import type { ScriptRunner } from '../local/emulator/runner';

function setUp() {
  const p = freshAddon();
  expect((p.runner.call('setupWorkbook') as Outcome).ok).toBe(true);
  return p;
}

const ORDER = {
  id: 'doc-pairs-1',
  kind: 'order-pairs',
  title: 'Приказ об утверждении наставнических пар (групп)',
  url: 'https://docs.google.com/document/d/doc-pairs-1/edit',
  created: new Date('2026-11-30T08:00:00Z'),
};

function header(ws: Workspace, name: string): unknown[] {
  return look(ws, (ss) => {
    const sheet = ss.getSheetByName(name)!;
    return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  });
}

/** The curator types into the register row of a Doc. */
function type(ws: Workspace, docId: string, cells: Record<string, unknown>) {
  look(ws, (ss) => {
    const sheet = ss.getSheetByName(SHEET.documents)!;
    const [head, ...rows] = sheet.getDataRange().getValues();
    const row = rows.findIndex((r) => r[0] === docId) + 2;
    for (const [h, v] of Object.entries(cells)) sheet.getRange(row, head.indexOf(h) + 1).setValue(v);
  });
}

/** The sheet as the curator would notice it: values, formats, rules, protections. */
function sheetState(ws: Workspace, name: string): Record<string, unknown> {
  const state = workspaceState(ws, ['sheets']).sheets as Array<Record<string, unknown>>;
  return state.find((s) => s.name === name)!;
}

describe('«Документы»: the register of generated documents', () => {
  test('setup makes it: the curator’s date (validated, with help) and number, the add-on’s columns protected with a warning', () => {
    const { ws } = setUp();
    expect(header(ws, SHEET.documents)).toEqual(['ID документа', 'Вид', 'Документ', 'Ссылка', 'Создан', 'Дата подписания', 'Номер', 'Участники уведомлены', 'Комментарий куратора']);
    const sheet = ws.spreadsheet.sheets.find((s) => s.name === SHEET.documents)!;
    const dateRule = sheet.validations.find((v) => v.range.column === 6 && v.rule);
    expect(JSON.stringify(dateRule)).toContain('Введите дату, например 01.10.2026');
    const protectedColumns = sheet.protections.map((p) => p.range?.column ?? 0).sort((a, b) => a - b);
    expect(protectedColumns).toEqual([1, 2, 3, 4, 5, 8]);
    expect(sheet.protections.every((p) => p.warningOnly)).toBe(true);
  });

  test('a Doc is recorded once; a re-render updates its row and keeps what the curator typed', () => {
    const { ws } = setUp();
    inScript(ws, () => recordDocument(SpreadsheetApp.getActive(), ORDER));
    let rows = table(ws, SHEET.documents);
    expect(rows).toHaveLength(1);
    expect(rows[0]['Вид']).toBe('Приказ об утверждении наставнических пар (групп)');
    expect(rows[0]['Ссылка']).toBe(ORDER.url);
    expect(inScript(ws, () => latestDocument(SpreadsheetApp.getActive(), 'order-pairs'))).toEqual({ id: ORDER.id, url: ORDER.url, title: ORDER.title, signed: null, number: '', row: 2 });

    type(ws, ORDER.id, { 'Дата подписания': new Date('2026-11-30T22:30:00Z'), Номер: '123-о/д' });
    inScript(ws, () => recordDocument(SpreadsheetApp.getActive(), { ...ORDER, title: 'Приказ (исправлен)', created: new Date('2026-12-02T08:00:00Z') }));
    rows = table(ws, SHEET.documents);
    expect(rows).toHaveLength(1);
    expect(rows[0]['Документ']).toBe('Приказ (исправлен)');
    expect(rows[0]['Номер']).toBe('123-о/д');
    expect((rows[0]['Создан'] as Date).toISOString()).toBe(ORDER.created.toISOString());
    // 22:30 UTC on the 30th is 1 December in Moscow, the spreadsheet's zone (the host's is Los Angeles).
    expect(inScript(ws, () => latestDocument(SpreadsheetApp.getActive(), 'order-pairs'))).toMatchObject({ signed: { year: 2026, month: 12, day: 1 }, number: '123-о/д' });
  });

  test('the latest of a kind is the newest by «Создан»; kinds do not mix; a date typed as text counts, a word does not', () => {
    const { ws } = setUp();
    const second = { ...ORDER, id: 'doc-pairs-2', url: 'https://docs.google.com/document/d/doc-pairs-2/edit', created: new Date('2026-12-20T08:00:00Z') };
    inScript(ws, () => {
      const ss = SpreadsheetApp.getActive();
      recordDocument(ss, second);
      recordDocument(ss, ORDER);
      recordDocument(ss, {
        id: 'doc-training',
        kind: 'order-training',
        title: 'Приказ о Школе',
        url: 'https://docs.google.com/document/d/doc-training/edit',
        created: new Date('2027-01-10T08:00:00Z'),
      });
    });
    expect(table(ws, SHEET.documents).map((r) => r['Вид'])).toEqual([
      'Приказ об утверждении наставнических пар (групп)',
      'Приказ об утверждении наставнических пар (групп)',
      'Приказ об организации «Школы наставников»',
    ]);
    const latest = () => inScript(ws, () => latestDocument(SpreadsheetApp.getActive(), 'order-pairs'));
    expect(latest()).toMatchObject({ id: 'doc-pairs-2', row: 2 });
    expect(inScript(ws, () => latestDocument(SpreadsheetApp.getActive(), 'order-training'))).toMatchObject({ id: 'doc-training', row: 4 });
    expect(inScript(ws, () => latestDocument(SpreadsheetApp.getActive(), 'report'))).toBeNull();
    type(ws, 'doc-pairs-2', { 'Дата подписания': '21.12.2026', Номер: 7 });
    expect(latest()).toMatchObject({ signed: { year: 2026, month: 12, day: 21 }, number: '7' });
    type(ws, 'doc-pairs-2', { 'Дата подписания': 'вчера' });
    expect(latest()).toMatchObject({ signed: null });
  });

  test('a workbook set up before the register: reading finds nothing and creates nothing; recording creates it exactly as setup does', () => {
    const { ws } = setUp();
    const asSetUp = sheetState(ws, SHEET.documents);
    const drop = () => look(ws, (ss) => ss.deleteSheet(ss.getSheetByName(SHEET.documents)!));
    drop();
    expect(inScript(ws, () => latestDocument(SpreadsheetApp.getActive(), 'order-pairs'))).toBeNull();
    expect(ws.spreadsheet.sheets.some((s) => s.name === SHEET.documents)).toBe(false);
    inScript(ws, () => recordDocument(SpreadsheetApp.getActive(), ORDER));
    // Everything but the recorded row is as setup makes it.
    expect({ ...sheetState(ws, SHEET.documents), cells: undefined }).toEqual({ ...asSetUp, cells: undefined });
    expect(table(ws, SHEET.documents).map((r) => r['ID документа'])).toEqual([ORDER.id]);
  });

  test('creating the missing register: a fault at any service call, then a re-run, ends as a clean run', () => {
    const base = setUp().ws;
    look(base, (ss) => ss.deleteSheet(ss.getSheetByName(SHEET.documents)!));
    const setup = () => {
      const ws = cloneDeep(base);
      const runner = {
        call: () => {
          try {
            inScript(ws, () => recordDocument(SpreadsheetApp.getActive(), ORDER));
            return { ok: true, message: 'записано' };
          } catch (error) {
            return { ok: false, message: `сбой: ${String(error)}` };
          }
        },
      } as unknown as ScriptRunner;
      return { ws, runner };
    };
    const sweep = faultSweep({ setup, operation: { name: 'recordDocument' }, snapshot: (ws) => workspaceState(ws, ['sheets', 'properties']), maxFaults: 80 });
    console.log(`recordDocument into an old workbook: ${sweep.cleanCalls} service calls, ${sweep.faults} faults injected, ${sweep.diffs.length} problems`);
    expect(sweep.calls['Spreadsheet.insertSheet']).toBe(1);
    expect(sweep.diffs).toEqual([]);
  });
});

describe('«Школа наставников»: the thematic plan the curator completes', () => {
  test('setup seeds the six themes with hours, «Дата» and «Ведущий» empty; a second setup adds nothing', () => {
    const { ws, runner } = setUp();
    const rows = table(ws, SHEET.trainingPlan);
    expect(rows.map((r) => [r['№'], r['Тема'], r['Форма занятия'], r['Часы'], r['Дата'], r['Ведущий']])).toEqual(TRAINING_PLAN.map((t, i) => [String(i + 1), t.theme, t.form, t.hours, '', '']));
    expect((runner.call('setupWorkbook') as Outcome).ok).toBe(true);
    expect(table(ws, SHEET.trainingPlan)).toHaveLength(TRAINING_PLAN.length);
    const plan = inScript(ws, () => readTrainingPlan(SpreadsheetApp.getActive()));
    expect(plan.problems).toEqual([]);
    expect(plan.rows.map((r) => r.theme)).toEqual(TRAINING_PLAN.map((t) => t.theme));
    expect(plan.rows.every((r) => r.date === null && r.leader === '')).toBe(true);
  });

  test('the reader: dates in the spreadsheet’s zone, leaders, and in Russian what could not be read', () => {
    const { ws } = setUp();
    look(ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.trainingPlan)!;
      sheet.getRange(2, 5, 2, 2).setValues([
        [new Date('2026-11-11T21:30:00Z'), 'Петрова Елена Андреевна'],
        ['19.11.2026', 'Иванов И.И.'],
      ]);
      sheet.getRange(4, 5).setValue('после каникул');
      sheet.getRange(5, 4).setValue('два');
      sheet.getRange(6, 2).setValue('');
    });
    const plan = inScript(ws, () => readTrainingPlan(SpreadsheetApp.getActive()));
    expect(plan.rows).toHaveLength(5);
    expect(plan.rows[0]).toEqual({ theme: TRAINING_PLAN[0].theme, form: 'лекция', hours: 2, date: { year: 2026, month: 11, day: 12 }, leader: 'Петрова Елена Андреевна' });
    expect(plan.rows[1]).toMatchObject({ date: { year: 2026, month: 11, day: 19 }, leader: 'Иванов И.И.' });
    expect(plan.rows[2].date).toBeNull();
    expect(plan.rows[3].hours).toBeNull();
    expect(plan.problems).toEqual([
      '«Школа наставников», строка 4: «Дата» — «после каникул» не дата (нужно, например, 12.11.2026); дата темы оставлена пустой.',
      '«Школа наставников», строка 5: «Часы» — «два» не число; часы темы оставлены пустыми.',
      '«Школа наставников», строка 6: не указана тема — строка не включена в план.',
    ]);
  });

  test('without the sheet the plan is empty and says what to do', () => {
    const { ws } = setUp();
    look(ws, (ss) => ss.deleteSheet(ss.getSheetByName(SHEET.trainingPlan)!));
    const plan = inScript(ws, () => readTrainingPlan(SpreadsheetApp.getActive()));
    expect(plan.rows).toEqual([]);
    expect(plan.problems[0]).toContain('«Настроить рабочую книгу»');
  });
});

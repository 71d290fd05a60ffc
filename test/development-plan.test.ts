import { SHEET } from '../src/core/workbook/sheets';
import { look } from './helpers/addon';
import { Outcome, table } from './helpers/programme';
import { setConsent, withPeople } from './helpers/people';
import { setSetting } from '../local/demo/hands';
import { faultSweep, stateWithoutLog } from './helpers/faults';
import { snapshotSetup } from './helpers/clone';
import { documentText } from '../local/emulator/docs/model';
import type { DocumentModel } from '../local/emulator/docs/model';
import type { Workspace } from '../local/emulator/workspace';

/** Faults per sweep: every method's first, middle and last call at least; FULL_SWEEP=1 fails every call. */
const MAX_FAULTS = process.env.FULL_SWEEP ? 100000 : 60;
const DOC = 'application/vnd.google-apps.document';
const PLAN = 'Индивидуальный план развития';
const LINK = 'План развития (ИПР)';

/** The plans in Drive (not the template in «Шаблоны», not the bin). */
function plans(ws: Workspace) {
  return ws.drive.byMime(DOC).filter((d) => !d.trashed && d.name.startsWith(PLAN));
}

const text = (d: { content?: unknown }) => documentText(d.content as DocumentModel).replace(/\u00a0/g, ' ');

/** «Пары и группы» after the order: approved pairs and a group, the period's end in «Настройки». */
function approved() {
  const p = withPeople();
  setSetting(p.ws, 'Срок работы пар и групп: по (дата)', '31.05.2027');
  setSetting(p.ws, 'Куратор (ФИО полностью)', 'Петрова Елена Андреевна');
  expect((p.runner.call('computeMatches') as Outcome).ok).toBe(true);
  expect((p.runner.call('approvePairs', [{ number: '123-о/д' }]) as Outcome).ok).toBe(true);
  return p;
}

/** The pairs and groups of the approved rows: a mentor in a form (the one definition of units.ts). */
function units(ws: Workspace) {
  const out = new Map<string, Array<Record<string, unknown>>>();
  for (const r of table(ws, SHEET.pairs).filter((r) => r['Статус'] === 'утверждена')) {
    const key = `${String(r['ID наставника'])}|${String(r['Форма'])}`;
    out.set(key, [...(out.get(key) ?? []), r]);
  }
  return [...out.values()];
}

const endState = stateWithoutLog;

describe('createDevelopmentPlans', () => {
  test('one plan per pair or group with the people, the form, the period and the meeting schedule; linked on the rows and in «Документы»', () => {
    const { ws, runner } = approved();
    const expected = units(ws);
    expect(expected.some((u) => u.length > 1)).toBe(true);
    const result = runner.call('createDevelopmentPlans') as Outcome;
    expect(result.ok).toBe(true);
    expect(result.message).toContain(`Создано планов развития (ИПР): ${expected.length}`);
    expect(plans(ws)).toHaveLength(expected.length);

    const rows = table(ws, SHEET.pairs);
    for (const unit of expected) {
      const links = new Set(unit.map((r) => rows.find((x) => x['ID'] === r['ID'])![LINK]));
      // One plan for all the rows of a group.
      expect(links.size).toBe(1);
      const url = String([...links][0]);
      const doc = plans(ws).find((d) => url === `https://docs.google.com/document/d/${d.id}/edit`)!;
      expect(doc).toBeDefined();
      const t = text(doc);
      const group = unit.length > 1;
      expect(t).toContain(group ? 'Индивидуальный план развития группы наставляемых' : 'Индивидуальный план развития наставляемого');
      expect(t).toContain(`Форма наставничества: ${String(unit[0]['Форма'])}`);
      expect(t).toContain(`Наставник: ${String(unit[0]['Наставник'])}`);
      for (const r of unit) expect(t).toContain(String(r['Наставляемый']));
      expect(t).toMatch(/Срок реализации: с \d\d\.\d\d\.2026 по 31\.05\.2027/);
      for (const kind of ['Встреча-знакомство', 'Пробная рабочая встреча', 'Встреча-планирование', 'Регулярные встречи', 'Итоговая встреча']) expect(t).toContain(kind);
      // Goal and tasks are the pair's to write: blanks, no invented text, no marks left.
      expect(t).toMatch(/3\. Цель\n[^\n]*\n_{20,}/);
      expect(t).not.toMatch(/\{\{|\}\}/);
      expect(t).toContain('Е.А. Петрова');
    }
    const register = table(ws, 'Документы').filter((r) => r['Вид'] === PLAN);
    expect(register).toHaveLength(expected.length);
    expect(new Set(register.map((r) => r['Ссылка']))).toEqual(new Set(rows.map((r) => r[LINK]).filter(Boolean)));
    expect(ws.properties.document.has('developmentPlansInProgress')).toBe(false);
  });

  test('names agree: a pupil under 18 signs with a parent, the mentee in the instrumental case, the request with third parties marked', () => {
    const { ws, runner } = approved();
    expect((runner.call('createDevelopmentPlans') as Outcome).ok).toBe(true);
    const all = plans(ws).map(text);
    const alisa = all.find((t) => t.includes('Смирнова Алиса Андреевна'))!;
    expect(alisa).toContain('Родитель (законный представитель) наставляемой А.А. Смирновой');
    expect(alisa).toContain('Хочу подготовиться к областной выставке');
    const anna = all.find((t) => t.includes('Волкова Анна Павловна'))!;
    expect(anna).toContain('Наставляемая и её запрос');
    expect(anna).toContain('совместно с наставляемой Волковой Анной Павловной');
    // An adult teacher signs alone.
    expect(anna).not.toContain('Родитель (законный представитель)');
  });

  test('a second run makes nothing new and changes nothing', () => {
    const { ws, runner } = approved();
    expect((runner.call('createDevelopmentPlans') as Outcome).ok).toBe(true);
    const before = endState(ws);
    const n = plans(ws).length;
    const again = runner.call('createDevelopmentPlans') as Outcome;
    expect(again.ok).toBe(true);
    expect(again.message).toContain('Новых планов развития нет');
    expect(again.message).toContain(`Уже есть план: ${n}`);
    expect(endState(ws)).toEqual(before);
  });

  test('the Google Doc is print-ready: page numbers from page 2, header rows pinned, rows whole', () => {
    const { ws, runner } = approved();
    expect((runner.call('createDevelopmentPlans') as Outcome).ok).toBe(true);
    const model = plans(ws)[0].content as DocumentModel;
    expect(model.useFirstPageHeaderFooter).toBe(true);
    expect(JSON.stringify(model.header)).toContain('"pageNumber"');
    expect(JSON.stringify(model.firstPageHeader ?? [])).not.toContain('"pageNumber"');
    const tables = model.body.filter((b) => b.kind === 'table');
    expect(tables.length).toBe(4);
    for (const t of tables) {
      if (t.kind !== 'table') continue;
      expect(t.pinnedHeaderRows).toBe(1);
      expect(t.rows.every((r) => r.preventOverflow === true)).toBe(true);
    }
  });

  test('a pair whose mentee withdrew consent gets no plan and is named nowhere; the summary gives its ID and why', () => {
    const { ws, runner } = approved();
    const target = table(ws, SHEET.pairs).find((p) => p['Наставляемый'] === 'Волкова Анна Павловна')!;
    setConsent(ws, runner, 'Волкова Анна Павловна', 'нет');
    const result = runner.call('createDevelopmentPlans') as Outcome;
    expect(result.ok).toBe(true);
    expect(result.message).toContain(`${String(target['ID'])} — у наставляемого нет действующего согласия`);
    expect(result.message).not.toContain('Волкова');
    expect(plans(ws).length).toBe(units(ws).length - 1);
    // The order approved before the withdrawal is the only Doc that names her.
    for (const d of ws.drive.byMime(DOC)) expect(d.name).not.toContain('Волков');
    for (const d of plans(ws)) expect(text(d)).not.toContain('Волков');
    expect(table(ws, SHEET.pairs).find((p) => p['ID'] === target['ID'])![LINK]).toBe('');
    expect(JSON.stringify(table(ws, 'Документы'))).not.toContain('Волков');
    // With consent given again, her pair gets its plan and the others are not made twice.
    setConsent(ws, runner, 'Волкова Анна Павловна', 'да');
    const later = runner.call('createDevelopmentPlans') as Outcome;
    expect(later.ok).toBe(true);
    expect(later.message).toContain(`Создано планов развития (ИПР): 1 — ${String(target['ID'])}`);
    expect(plans(ws)).toHaveLength(units(ws).length);
  });

  test('a consent withdrawn after a run cut short: the half-made plan naming the person goes to the bin', () => {
    const { ws, runner } = approved();
    ws.calls.failOn('Docs.Documents.batchUpdate', { after: plans(ws).length, message: 'Service Documents failed while accessing document' });
    const failed = runner.call('createDevelopmentPlans') as Outcome;
    ws.calls.clearFaults();
    expect(failed.ok).toBe(false);
    expect(ws.properties.document.has('developmentPlansInProgress')).toBe(true);
    for (const r of table(ws, SHEET.pairs)) setConsent(ws, runner, String(r['Наставляемый']), 'нет');
    const result = runner.call('createDevelopmentPlans') as Outcome;
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Без плана');
    expect(plans(ws)).toHaveLength(0);
    expect(ws.properties.document.has('developmentPlansInProgress')).toBe(false);
    expect(table(ws, SHEET.pairs).every((p) => p[LINK] === '')).toBe(true);
  });

  test('a run cut short at its very end: the re-run reports the plans it made, not as plans that already existed', () => {
    const { ws, runner } = approved();
    ws.calls.failOn('Properties.deleteProperty', { message: 'Service unavailable: Properties' });
    const failed = runner.call('createDevelopmentPlans') as Outcome;
    ws.calls.clearFaults();
    expect(failed.ok).toBe(false);
    const n = units(ws).length;
    const done = runner.call('createDevelopmentPlans') as Outcome;
    expect(done.ok).toBe(true);
    expect(done.message).toContain('прерванное сбоем, завершено');
    expect(done.message).toContain(`Создано планов развития (ИПР): ${n}`);
    expect(done.message).not.toContain('Уже есть план');
    expect(plans(ws)).toHaveLength(n);
    expect(table(ws, 'Документы').filter((r) => r['Вид'] === PLAN)).toHaveLength(n);
  });

  test('without approved pairs the curator is told what to do first', () => {
    const { ws, runner } = withPeople();
    const result = runner.call('createDevelopmentPlans') as Outcome;
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Утвердить пары');
    expect(plans(ws)).toHaveLength(0);
  });

  test('a workbook set up before the column existed gets it, and the links land in it', () => {
    const { ws, runner } = approved();
    look(ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.pairs)!;
      const column = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf(LINK) + 1;
      sheet.deleteColumn(column);
    });
    expect(table(ws, SHEET.pairs)[0]).not.toHaveProperty(LINK);
    expect((runner.call('createDevelopmentPlans') as Outcome).ok).toBe(true);
    expect(table(ws, SHEET.pairs).every((p) => String(p[LINK]).startsWith('https://docs.google.com/document/d/'))).toBe(true);
  });

  test('a fault at any service call, then a re-run, ends exactly as a clean run, with no Doc doubled', () => {
    const sweep = faultSweep({ setup: snapshotSetup(approved), operation: { name: 'createDevelopmentPlans' }, snapshot: endState, maxFaults: MAX_FAULTS });
    const differ = sweep.diffs.filter((d) => d.problem.startsWith('end state differs')).length;
    console.log(`createDevelopmentPlans: ${sweep.cleanCalls} service calls in a clean run, ${sweep.faults} faults injected, ${differ} end states differ, ${sweep.diffs.length} problems in all`);
    expect(sweep.calls['Drive.Files.copy']).toBeGreaterThanOrEqual(2);
    expect(sweep.calls['Docs.Documents.batchUpdate']).toBe(sweep.calls['Drive.Files.copy']);
    expect(sweep.diffs).toEqual([]);
  });
});

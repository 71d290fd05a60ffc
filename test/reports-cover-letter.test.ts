import { addApprovedPairs, docs, docsCalls, text, versionedState } from './helpers/reports';
import { SHEET } from '../src/core/workbook/sheets';
import { Outcome, table } from './helpers/programme';
import { approvedAfterMeeting } from './helpers/people';
import { cachedSetup, faultSweep } from './helpers/faults';
import { setSetting } from '../local/demo/hands';
import type { Workspace } from '../local/emulator/workspace';

// Every report's sweep runs in CI on a sample (each service method failed at least once); FULL_SWEEP=1 fails every call.
const sweepTest = test;
const MAX_FAULTS = process.env.FULL_SWEEP ? 100000 : 12;

const REPORT = (n: number) => `Справка по итогам мониторинга реализации целевой модели наставничества, этап ${n} за 2026/2027 учебный год`;
const LETTER = (n: number) => `Сопроводительное письмо к справке по итогам мониторинга, этап ${n} за 2026/2027 учебный год`;
const KIND = 'Сопроводительное письмо в МКУ «УСР»';

/** Pairs approved on 05.10.2026; the settings of the letter blank as the curator fills them in. */
function prepared() {
  const p = approvedAfterMeeting('05.10.2026');
  const now = new Date('2026-11-30T09:00:00Z');
  p.ws.now = () => now;
  setSetting(p.ws, 'Руководитель (И.О. Фамилия)', 'Иванова Ирина Игоревна');
  setSetting(p.ws, 'Куратор (ФИО полностью)', 'Петрова Елена Андреевна');
  setSetting(p.ws, 'Телефон куратора', '8 (81531) 5-55-56');
  setSetting(p.ws, 'Руководитель получателя справок (ФИО)', 'Смирнова Ольга Викторовна');
  setSetting(p.ws, 'Почтовый адрес организации', 'ул. Кирова, д. 1, г. Кировск, Мурманская обл., 184250');
  setSetting(p.ws, 'Телефон организации', '8 (81531) 5-55-55');
  setSetting(p.ws, 'Электронная почта организации', 'cdt@example.ru');
  return p;
}

const setup = cachedSetup(() => prepared());
const register = (ws: Workspace, prefix: string) => table(ws, 'Документы').filter((r) => String(r['Документ']).startsWith(prefix));

/** Letters consistent with the справки: one per version, paired by number, registered, the same text. */
function lettersState(ws: Workspace, stage: number) {
  const report = docs(ws, REPORT(stage)).length;
  const made = docs(ws, LETTER(stage));
  const n = made.length;
  const expected = Array.from({ length: n }, (_v, k) => {
    const title = k === 0 ? LETTER(stage) : `${LETTER(stage)}, версия ${k + 1}`;
    return k === n - 1 ? title : `${title} (заменён версией ${k + 2})`;
  }).sort();
  const rows = register(ws, LETTER(stage));
  const byId = new Map(made.map((d) => [d.id, d.name]));
  return (
    n === report &&
    JSON.stringify(made.map((d) => d.name).sort()) === JSON.stringify(expected) &&
    rows.length === n &&
    rows.every((r) => r['Вид'] === KIND && byId.get(String(r['ID документа'])) === r['Документ']) &&
    new Set(made.map(text)).size === 1
  );
}

describe('generateReport: the covering letter of a stage справка', () => {
  test('with the tick: the справка and the letter, both registered, the message gives both links; without it only the справка', () => {
    const { ws, runner } = setup();
    const out = runner.call('generateReport', ['stage-5', { coverLetter: true }]) as Outcome;
    expect(out.ok).toBe(true);
    const [report] = docs(ws, REPORT(5));
    const [letter] = docs(ws, LETTER(5));
    expect(report.name).toBe(REPORT(5));
    expect(letter.name).toBe(LETTER(5));
    expect(out.message).toContain(`https://docs.google.com/document/d/${report.id}/edit`);
    expect(out.message).toContain(`Сопроводительное письмо: «${LETTER(5)}»: https://docs.google.com/document/d/${letter.id}/edit`);
    expect(out.message).not.toContain('Для письма заполните');
    expect(register(ws, LETTER(5)).map((r) => [r['Вид'], r['Ссылка']])).toEqual([[KIND, `https://docs.google.com/document/d/${letter.id}/edit`]]);
    expect(register(ws, REPORT(5))).toHaveLength(1);
    // The roadmap row keeps the справка: the letter goes with it, it is not the evidence.
    expect(table(ws, SHEET.roadmap).find((r) => r['№'] === '5.4')!['Документ']).toBe(`https://docs.google.com/document/d/${report.id}/edit`);

    const t = text(letter);
    expect(t).toContain('Директору МКУ «УСР»\nО.В. Смирновой');
    expect(t).toContain('Уважаемая Ольга Викторовна!');
    expect(t).toContain('О направлении справки по итогам мониторинга (этап 5)');
    expect(t).toContain('в МАОДО ЦДТ «Хибины» за 2026/2027 учебный год (этап 5 «Формирование наставнических пар/групп»)');
    expect(t).toContain('__.__.____ № ____');
    expect(t).toContain('Приложение: справка на __ л. в 1 экз.');
    expect(t).toContain('Директор\tИ.И. Иванова');
    expect(t).toContain('Исп. Петрова Елена Андреевна, тел. 8 (81531) 5-55-56');
    expect(t).not.toMatch(/NaN|undefined|null|\{\{|\}\}/);

    expect((runner.call('generateReport', ['stage-6']) as Outcome).ok).toBe(true);
    expect(docs(ws, REPORT(6))).toHaveLength(1);
    expect(docs(ws, LETTER(6))).toHaveLength(0);
    expect(register(ws, LETTER(6))).toHaveLength(0);
    // A kind without a letter ignores the option.
    expect((runner.call('generateReport', ['swot', { coverLetter: true }]) as Outcome).ok).toBe(true);
    expect(docs(ws, 'Сопроводительное письмо')).toHaveLength(1);
  });

  test('again for the same year: version 2 of both, both old ones marked replaced and kept registered', () => {
    const { ws, runner } = setup();
    expect((runner.call('generateReport', ['stage-2', { coverLetter: true }]) as Outcome).ok).toBe(true);
    const again = runner.call('generateReport', ['stage-2', { coverLetter: true }]) as Outcome;
    expect(again.ok).toBe(true);
    expect(again.message).toContain(`Прежнее письмо переименовано в «${LETTER(2)} (заменён версией 2)»`);
    expect(
      docs(ws, LETTER(2))
        .map((d) => d.name)
        .sort(),
    ).toEqual([`${LETTER(2)} (заменён версией 2)`, `${LETTER(2)}, версия 2`]);
    expect(
      docs(ws, REPORT(2))
        .map((d) => d.name)
        .sort(),
    ).toEqual([`${REPORT(2)} (заменён версией 2)`, `${REPORT(2)}, версия 2`]);
    expect(
      register(ws, LETTER(2))
        .map((r) => r['Документ'])
        .sort(),
    ).toEqual([`${LETTER(2)} (заменён версией 2)`, `${LETTER(2)}, версия 2`]);
    expect(lettersState(ws, 2)).toBe(true);
  });

  test('cut short before the letter: another report finishes the справка and its letter; a re-run may add the letter', () => {
    const { ws, runner } = setup();
    // The second copy is the letter's: it fails, the справка is done.
    ws.calls.failOn('Drive.Files.copy', { after: 1 });
    expect((runner.call('generateReport', ['stage-5', { coverLetter: true }]) as Outcome).ok).toBe(false);
    expect(docs(ws, LETTER(5))).toHaveLength(0);
    const other = runner.call('generateReport', ['stage-6']) as Outcome;
    expect(other.ok).toBe(true);
    expect(other.message).toContain(`Завершено прерванное сбоем формирование «${REPORT(5)}»`);
    expect(lettersState(ws, 5)).toBe(true);
    expect(docs(ws, LETTER(5))).toHaveLength(1);
    expect(register(ws, REPORT(5))).toHaveLength(1);

    // Cut short without the tick, re-run with it: the same справка (no version 2) and its letter.
    ws.calls.failOn('Docs.Documents.batchUpdate');
    expect((runner.call('generateReport', ['stage-3']) as Outcome).ok).toBe(false);
    expect((runner.call('generateReport', ['stage-3', { coverLetter: true }]) as Outcome).ok).toBe(true);
    expect(docs(ws, REPORT(3)).map((d) => d.name)).toEqual([REPORT(3)]);
    expect(lettersState(ws, 3)).toBe(true);
  });

  test('missing settings: pen lines in the letter, named in the summary', () => {
    const { ws, runner } = setup();
    setSetting(ws, 'Руководитель получателя справок (ФИО)', '');
    setSetting(ws, 'Почтовый адрес организации', '');
    const out = runner.call('generateReport', ['stage-1', { coverLetter: true }]) as Outcome;
    expect(out.ok).toBe(true);
    expect(out.message).toContain('Для письма заполните на листе «Настройки»: почтовый адрес организации; руководитель получателя справок (ФИО)');
    const t = text(docs(ws, LETTER(1))[0]);
    expect(t).toContain('Директору МКУ «УСР»\n________________');
    expect(t).not.toContain('Уважаем');
  });

  test("«Шаблоны документов» makes the letter's template too", () => {
    const { ws, runner } = setup();
    const out = runner.call('createTemplates') as Outcome;
    expect(out.ok).toBe(true);
    expect(out.message).toContain('Сопроводительное письмо к справке по итогам мониторинга');
    expect(docs(ws, 'Шаблон — Сопроводительное письмо к справке по итогам мониторинга')).toHaveLength(1);
  });

  test('Docs calls do not grow with the pairs: the same calls with 300 more pairs', () => {
    const small = setup();
    small.ws.calls.reset();
    expect((small.runner.call('generateReport', ['stage-5', { coverLetter: true }]) as Outcome).ok).toBe(true);
    const calls = small.ws.calls.snapshot();
    expect(calls['Drive.Files.copy']).toBe(2);
    const big = setup();
    addApprovedPairs(big.ws);
    big.ws.calls.reset();
    expect((big.runner.call('generateReport', ['stage-5', { coverLetter: true }]) as Outcome).ok).toBe(true);
    expect(docsCalls(big.ws.calls.snapshot())).toEqual(docsCalls(calls));
  });

  sweepTest('a fault at any service call, then a re-run, ends with the справка and its letter once per version', () => {
    const snapshot = (ws: Workspace) => {
      const { consistent, rest } = versionedState(ws, REPORT(5), '5.4', { sameContent: false });
      const drive = (rest.drive as Array<{ name: string }>).filter((e) => !e.name.startsWith(LETTER(5)));
      return { consistent, letters: lettersState(ws, 5), rest: { ...rest, drive } };
    };
    const sweep = faultSweep({ setup, operation: { name: 'generateReport', args: ['stage-5', { coverLetter: true }] }, snapshot, maxFaults: MAX_FAULTS });
    console.log(`generateReport(stage-5, coverLetter): ${sweep.cleanCalls} service calls in a clean run, ${sweep.faults} faults injected, ${sweep.diffs.length} problems`);
    expect(sweep.calls['Drive.Files.copy']).toBe(2);
    expect(sweep.diffs).toEqual([]);
  });
});

import { firstLine, printable, printedPages } from './helpers/print';
import { deleteTemplateTable, docs, docsCalls, text, versionedState } from './helpers/reports';
import type { DocumentModel } from '../local/emulator/docs/model';
import { SHEET } from '../src/core/workbook/sheets';
import { compareNames } from '../src/core/documents/order-lists';
import { Outcome, table } from './helpers/programme';
import { approvedAfterMeeting, setConsent } from './helpers/people';
import { cachedSetup, faultSweep } from './helpers/faults';
import { editRows, typeRows } from '../local/demo/hands';
import type { Workspace } from '../local/emulator/workspace';

// This kind only reads the sheets before the shared generateReport path, whose sweep runs in every CI run
// (effectiveness; the covering letter and the case bank add their own writes and run too): FULL_SWEEP=1 runs this one.
const sweepTest = process.env.FULL_SWEEP ? test : test.skip;
const MAX_FAULTS = process.env.FULL_SWEEP ? 100000 : 12;

const KIND = 'Приказ об утверждении списков наставников, наставляемых и форм наставничества';
const TITLE = 'Приказ об утверждении списков наставников, наставляемых и форм наставничества за 2026/2027 учебный год';
const CONSENTED = ['есть', 'есть, без публикации'];

/**
 * Pairs approved on 05.10.2026; on 12.10.2026 the curator has filled «Настройки», Соколов's consent
 * is withdrawn, and the bases also hold a mentee waiting for a mentor, one not yet matched, one who
 * left and one who finished last year.
 */
function prepared() {
  const p = approvedAfterMeeting('05.10.2026');
  const now = new Date('2026-10-12T09:00:00Z');
  p.ws.now = () => now;
  const settings: Record<string, string> = {
    'Руководитель (И.О. Фамилия)': 'В.И. Громова',
    'Должность руководителя': 'Директор',
    'Куратор (ФИО полностью)': 'Петрова Елена Андреевна',
    'Должность куратора': 'методист',
    'Положение о наставничестве утверждено приказом (от … № …)': 'от 01.09.2021 № 45-о/д',
  };
  editRows(p.ws, SHEET.settings, (r) => (String(r['Параметр']) in settings ? { Значение: settings[String(r['Параметр'])] } : null));
  setConsent(p.ws, p.runner, 'Соколов Павел Андреевич', 'нет');
  const mentee = (id: string, name: string, status: string, consent = 'есть') => ({
    ID: id,
    ФИО: name,
    Категория: 'обучающийся',
    'Класс / год обучения': '2-й год обучения',
    Объединение: 'Изостудия «Северное сияние»',
    'Желаемая форма': 'педагог – ученик',
    Согласие: consent,
    Статус: status,
  });
  typeRows(p.ws, SHEET.mentees, [
    mentee('НЯ-0901', 'Ёлкина Вера Сергеевна', 'без пары'),
    mentee('НЯ-0902', 'Егорова Мария Петровна', 'в базе', 'есть, без публикации'),
    mentee('НЯ-0903', 'Ушедшая Дарья Олеговна', 'выбыл(а)'),
    mentee('НЯ-0904', 'Прошлогодний Илья Андреевич', 'завершил(а)'),
  ]);
  return p;
}

const setup = cachedSetup(() => prepared());
const docText = (ws: Workspace, title = TITLE) => text(docs(ws, title)[0]);
/** The rows of a list between its title and «Всего»: ФИО is the line after each number. */
function listNames(t: string, title: string): string[] {
  const part = t.slice(t.indexOf(title), t.indexOf('Всего:', t.indexOf(title)));
  const lines = part.split('\n');
  return lines.flatMap((l, i) => (/^\d+$/.test(l) && i + 1 < lines.length ? [lines[i + 1]] : []));
}
const inProgramme = (r: Record<string, unknown>) => r['Статус'] !== 'выбыл(а)' && r['Статус'] !== 'завершил(а)';

describe('generateReport: the 1.2 order on the lists', () => {
  test('ПРИКАЗ with its items, three attachments on new pages, lists equal to the bases, sorted, nobody without consent', () => {
    const { ws, runner } = setup();
    const made = runner.call('generateReport', ['order-lists']) as Outcome;
    expect(made.ok).toBe(true);
    const doc = docs(ws, TITLE);
    expect(doc).toHaveLength(1);
    const t = docText(ws);
    expect(t).toContain('ПРИКАЗ\n');
    expect(t).toContain('Об утверждении списков наставников, наставляемых и форм наставничества на 2026/2027 учебный год');
    expect(t).toContain('ПРИКАЗЫВАЮ:');
    expect(t).toContain('утверждённым приказом от 01.09.2021 № 45-о/д');
    expect(t).toContain('4. Куратору программы наставничества Петровой Елене Андреевне поддерживать');
    expect(t).not.toMatch(/NaN|undefined|Infinity|null|\{\{|\}\}/);

    // Each attachment starts a page with its «Приложение № N» block.
    const model = doc[0].content as DocumentModel;
    const breaks = model.body.filter((b) => b.kind === 'paragraph' && b.style.pageBreakBefore).map((b) => text({ content: { ...model, body: [b] } }).trim());
    expect(breaks).toEqual(['Приложение № 1', 'Приложение № 2', 'Приложение № 3', 'Лист ознакомления с приказом']);

    // The lists are the bases: in the programme, with a valid consent, by surname.
    const expected = (sheet: string) =>
      table(ws, sheet)
        .filter((r) => r.ID && inProgramme(r) && CONSENTED.includes(String(r['Согласие'])))
        .map((r) => String(r['ФИО']))
        .sort(compareNames);
    const mentors = listNames(t, 'Список наставников на');
    const mentees = listNames(t, 'Список наставляемых на');
    expect(mentors).toEqual(expected(SHEET.mentors));
    expect(mentees).toEqual(expected(SHEET.mentees));
    expect(mentees).toContain('Ёлкина Вера Сергеевна');
    expect(mentees.indexOf('Егорова Мария Петровна')).toBeLessThan(mentees.indexOf('Ёлкина Вера Сергеевна'));
    expect(t).toContain(`Всего: ${mentors.length} наставника.`);
    expect(t).toContain('Ёлкина Вера Сергеевна\nИзостудия «Северное сияние», 2-й год обучения\nпедагог – ученик (пара не сформирована)');
    // Прил. 1 counts equal the lists: «Итого» then mentors and mentees.
    expect(t).toMatch(new RegExp(`\\nИтого\\n\\n${mentors.length}\\n${mentees.length}\\n`));

    // Nobody without consent, nobody who left, anywhere in the Doc.
    for (const sheet of [SHEET.mentees, SHEET.mentors])
      for (const r of table(ws, sheet)) if (r.ID && (!CONSENTED.includes(String(r['Согласие'])) || !inProgramme(r))) expect(t).not.toContain(String(r['ФИО']));
    expect(t).not.toContain('Соколов');
    expect(made.message).toContain('2 человека без согласия в списки не включены');
    expect(made.message).toContain('внесите после получения согласия');
    expect(made.message).toContain('Заполните на листе «Настройки»: реквизиты приказа об утверждении программы наставничества');
    expect(made.message).toContain('впишите «Дата подписания» и «Номер» на листе «Документы»');

    // Лист ознакомления: the curator and the staff named; no pupils, no partner.
    const sheet = t.slice(t.indexOf('С приказом ознакомлены:'));
    expect(sheet).toContain('Петрова Елена Андреевна\nметодист');
    expect(sheet).toContain('Белова Ирина Сергеевна');
    expect(sheet).toContain('Громов Олег Павлович');
    expect(sheet).toContain('Волкова Анна Павловна');
    for (const pupil of ['Орлов', 'Смирнова', 'Ёлкина', 'Егорова', 'Соколов']) expect(sheet).not.toContain(pupil);

    // Registered and linked on the roadmap row 1.2.
    const reg = table(ws, 'Документы').find((r) => r['Документ'] === TITLE)!;
    expect(reg['Вид']).toBe(KIND);
    expect(table(ws, SHEET.roadmap).find((r) => r['№'] === '1.2')!['Документ']).toBe(reg['Ссылка']);
  });

  test('once signed and recorded in «Документы», the stage 1 справка quotes its date and №; again is «версия 2»', () => {
    const { ws, runner } = setup();
    expect((runner.call('generateReport', ['order-lists']) as Outcome).ok).toBe(true);
    editRows(ws, 'Документы', (r) => (r['Вид'] === KIND ? { 'Дата подписания': new Date('2026-10-14T09:00:00Z'), Номер: '130-о/д' } : null));
    expect((runner.call('generateReport', ['stage-1']) as Outcome).ok).toBe(true);
    const stage = text(docs(ws, 'Справка по итогам мониторинга реализации целевой модели наставничества, этап 1')[0]);
    expect(stage).toContain(`${KIND}\nда\nот 14.10.2026 № 130-о/д`);

    const again = runner.call('generateReport', ['order-lists']) as Outcome;
    expect(again.message).toContain('версия 2');
    expect(
      docs(ws, TITLE)
        .map((d) => d.name)
        .sort(),
    ).toEqual([`${TITLE} (заменён версией 2)`, `${TITLE}, версия 2`]);
    expect(table(ws, 'Документы').filter((r) => r['Вид'] === KIND)).toHaveLength(2);
  });

  test('a template the curator broke still gives the order, with a note of what was missing', () => {
    const { ws, runner } = setup();
    expect((runner.call('createTemplates') as Outcome).ok).toBe(true);
    // She deletes the list of mentors.
    deleteTemplateTable(ws, 'Шаблон — Приказ об утверждении списков наставников, наставляемых и форм наставничества', 'наставники');
    const result = runner.call('generateReport', ['order-lists']) as Outcome;
    expect(result.ok).toBe(true);
    expect(result.message).toContain('Таблица добавлена в конец документа');
    expect(docText(ws)).toContain('Громов Олег Павлович');
  });

  test('Docs calls do not grow with the people: the same calls with 300 more mentees', () => {
    const small = setup();
    small.ws.calls.reset();
    expect((small.runner.call('generateReport', ['order-lists']) as Outcome).ok).toBe(true);
    const calls = small.ws.calls.snapshot();
    // Four tables (forms, mentors, mentees, familiarisation): each inserted whole.
    expect(calls['Body.insertTable']).toBe(4);
    const big = setup();
    typeRows(
      big.ws,
      SHEET.mentees,
      Array.from({ length: 300 }, (_v, k) => ({
        ID: `НЯ-${5000 + k}`,
        ФИО: `Иванов${k} Пётр Ильич`,
        Категория: 'обучающийся',
        Согласие: 'есть',
        Статус: 'в базе',
        'Желаемая форма': 'ученик – ученик',
      })),
    );
    big.ws.calls.reset();
    expect((big.runner.call('generateReport', ['order-lists']) as Outcome).ok).toBe(true);
    expect(docsCalls(big.ws.calls.snapshot())).toEqual(docsCalls(calls));
    expect(docText(big.ws)).toMatch(/Всего: 30\d наставляемых\./);
  });

  sweepTest('a fault at any service call, then a re-run, ends as a clean run with one Doc per version', () => {
    const sweep = faultSweep({ setup, operation: { name: 'generateReport', args: ['order-lists'] }, snapshot: (ws) => versionedState(ws, TITLE, '1.2'), maxFaults: MAX_FAULTS });
    console.log(`generateReport(order-lists): ${sweep.cleanCalls} service calls in a clean run, ${sweep.faults} faults injected, ${sweep.diffs.length} problems`);
    expect(sweep.calls['Drive.Files.copy']).toBe(1);
    expect(sweep.diffs).toEqual([]);
  });

  (printable ? test : test.skip)(
    'printed by LibreOffice: pages numbered from 2, the long list of mentees repeats its header on every page',
    async () => {
      const { ws, runner } = setup();
      typeRows(
        ws,
        SHEET.mentees,
        Array.from({ length: 60 }, (_v, k) => ({
          ID: `НЯ-${5000 + k}`,
          ФИО: `Иванова${k} Анна Ильинична`,
          Категория: 'обучающийся',
          Согласие: 'есть',
          Статус: 'в базе',
          'Желаемая форма': 'ученик – ученик',
        })),
      );
      expect((runner.call('generateReport', ['order-lists']) as Outcome).ok).toBe(true);
      const doc = docs(ws, TITLE)[0];
      const pages = await printedPages(doc);
      const printed = pages.join('\f');
      expect(printed).toContain('ПРИКАЗЫВАЮ:');
      expect(printed).not.toMatch(/NaN|undefined|Infinity|\{\{/);
      pages.slice(1).forEach((page, i) => expect(firstLine(page)).toBe(String(i + 2)));
      // Every page holding rows of the mentee list shows the header row again.
      const listPages = pages.filter((p) => /Иванова\d+/.test(p));
      expect(listPages.length).toBeGreaterThan(1);
      for (const page of listPages) expect(page).toMatch(/Объединение, год/);
    },
    300000,
  );
});

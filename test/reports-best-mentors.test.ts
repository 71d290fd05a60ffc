import { docs, docsCalls, text, versionedState } from './helpers/reports';
import { SHEET } from '../src/core/workbook/sheets';
import { BEST_SETTING } from '../src/core/reports/best-mentors';
import { decimal } from '../src/core/language';
import { Outcome, table } from './helpers/programme';
import { approvedAfterMeeting, setConsent } from './helpers/people';
import { printable, printedPages } from './helpers/print';
import { cachedSetup, faultSweep } from './helpers/faults';
import { editRows, setSetting, typeRows } from '../local/demo/hands';
import type { Workspace } from '../local/emulator/workspace';

// This kind only reads the sheets before the shared generateReport path, whose sweep runs in every CI run
// (effectiveness; the covering letter and the case bank add their own writes and run too): FULL_SWEEP=1 runs this one.
const sweepTest = process.env.FULL_SWEEP ? test : test.skip;

const MAX_FAULTS = process.env.FULL_SWEEP ? 100000 : 12;
const TITLE = 'Справка о лучших наставниках программы наставничества за 2026/2027 учебный год';

const day = (iso: string) => new Date(`${iso}T09:00:00Z`);
/** `n` weekly meetings from 12.10.2026, the first one «знакомство». */
const weekly = (unit: string, n: number, prefix: string) =>
  Array.from({ length: n }, (_v, k) => ({
    ID: `ВС-${prefix}${String(k).padStart(2, '0')}`,
    'Пара / группа': unit,
    Дата: new Date(Date.UTC(2026, 9, 12 + 7 * k, 9)),
    'Тип встречи': k ? 'регулярная' : 'знакомство',
    'Длительность, мин': 45,
  }));

/**
 * The year on 01.06.2027: Белова's group (two mentees) met weekly and both answered; Громов's pair
 * ПА-0002 met now and then, its mentee answered once; his teacher pair ПА-0004 finished on
 * 01.03.2027 with the итоговая meeting; Соколов, who withdrew his consent, has a pair too.
 */
function prepared(extraPairs = 0) {
  const p = approvedAfterMeeting('05.10.2026');
  const now = new Date('2027-06-01T09:00:00Z');
  p.ws.now = () => now;
  setConsent(p.ws, p.runner, 'Соколов Павел Андреевич', 'нет');
  // Two answers at least, so a mentor with one answering mentee shows «мало ответов».
  setSetting(p.ws, BEST_SETTING.minAnswers, 2);
  typeRows(p.ws, SHEET.pairs, [{ ID: 'ПА-0005', 'ID наставника': 'НК-0003', 'ID наставляемого': 'НЯ-0005', Форма: 'работодатель – ученик', Статус: 'активна', 'Дата начала': day('2026-10-05') }]);
  editRows(p.ws, SHEET.pairs, (r) => (r.ID === 'ПА-0004' ? { Статус: 'завершена', 'Дата окончания': day('2027-03-01') } : null));
  typeRows(p.ws, SHEET.meetings, [
    ...weekly('Г-0001', 30, '1'),
    ...weekly('ПА-0002', 10, '2'),
    ...weekly('ПА-0004', 20, '4'),
    { ID: 'ВС-4099', 'Пара / группа': 'ПА-0004', Дата: day('2027-03-01'), 'Тип встречи': 'итоговая', 'Длительность, мин': 45 },
    ...weekly('ПА-0005', 30, '5'),
  ]);
  const fb = (id: string, pair: string, person: string, s: number) => ({
    ID: id,
    Дата: day('2026-12-10'),
    'Пара / группа': pair,
    'ID участника': person,
    Роль: 'наставляемый',
    'Удовлетворённость (1–10)': s,
  });
  typeRows(p.ws, SHEET.feedback, [
    fb('ОС-0001', 'Г-0001', 'НЯ-0001', 9),
    fb('ОС-0002', 'Г-0001', 'НЯ-0003', 10),
    fb('ОС-0003', 'Г-0001', 'НЯ-0001', 8),
    fb('ОС-0004', 'ПА-0002', 'НЯ-0002', 10),
    fb('ОС-0005', 'ПА-0004', 'НЯ-0004', 10),
    fb('ОС-0006', 'ПА-0005', 'НЯ-0005', 10),
    { ...fb('ОС-0007', 'Г-0001', 'НК-0001', 10), Роль: 'наставник' },
  ]);
  const dg = (pair: string, person: string, phase: string, value: number) => ({
    'ID участника': person,
    'Пара / группа': pair,
    Роль: 'наставляемый',
    Этап: phase,
    Дата: day(phase === 'входная' ? '2026-10-10' : '2027-05-25'),
    'Код вопроса': 'satisfaction',
    Значение: value,
  });
  typeRows(p.ws, SHEET.diagnostics, [
    dg('Г-0001', 'НЯ-0001', 'входная', 5),
    dg('Г-0001', 'НЯ-0001', 'итоговая', 8),
    dg('Г-0001', 'НЯ-0003', 'входная', 7),
    dg('Г-0001', 'НЯ-0003', 'итоговая', 8),
    dg('ПА-0002', 'НЯ-0002', 'входная', 5),
    dg('ПА-0002', 'НЯ-0002', 'итоговая', 9),
  ]);
  if (extraPairs) {
    typeRows(
      p.ws,
      SHEET.pairs,
      Array.from({ length: extraPairs }, (_v, k) => ({
        ID: `ПА-${9000 + k}`,
        'ID наставника': 'НК-0001',
        'ID наставляемого': `НЯ-${9000 + k}`,
        Форма: 'педагог – ученик',
        Статус: 'утверждена',
        'Дата начала': day('2026-10-05'),
      })),
    );
    typeRows(
      p.ws,
      SHEET.feedback,
      Array.from({ length: extraPairs }, (_v, k) => ({
        ID: `ОС-${9000 + k}`,
        Дата: day('2026-12-01'),
        'Пара / группа': `ПА-${9000 + k}`,
        'ID участника': `НЯ-${9000 + k}`,
        Роль: 'наставляемый',
        'Удовлетворённость (1–10)': 8,
      })),
    );
  }
  return p;
}

const setup = cachedSetup(() => prepared());
const plain = (ws: Workspace, title = TITLE) => text(docs(ws, title)[0]);
const NAMES = ['Белова Ирина Сергеевна', 'Громов Олег Павлович', 'Соколов Павел Андреевич'];

describe('generateReport(best-mentors)', () => {
  test('the figures equal the sheets, the reasons in figures, nobody without consent named, linked on 7.5', () => {
    const { ws, runner } = setup();
    const out = runner.call('generateReport', ['best-mentors']) as Outcome;
    expect(out.ok).toBe(true);
    expect(out.message).toContain('Предложено к награждению: 2 наставника из 2 в рейтинге.');
    expect(out.message).toContain('1 наставник без согласия на обработку персональных данных в рейтинг не включён.');
    const t = plain(ws);
    expect(t).toContain('СПРАВКА\nо лучших наставниках программы наставничества\nи предложениях к награждению\nМАОДО ЦДТ «Хибины» за 2026/2027 учебный год');
    expect(t).toContain('с наставляемыми работали 3 наставника; в рейтинг включены 2 наставника. 1 наставник без согласия на обработку персональных данных в рейтинг не включён.');
    expect(t).not.toContain('Соколов');

    // Белова: the group's meetings as «Встречи» has them; expected = whole weeks from the order day (05.10.2026) to 01.06.2027.
    const held = table(ws, SHEET.meetings).filter((r) => r['Пара / группа'] === 'Г-0001').length;
    const weeks = Math.floor((Date.UTC(2027, 5, 1) - Date.UTC(2026, 9, 5)) / (7 * 86400000));
    expect(held).toBe(30);
    const share = Math.round((100 * 30) / weeks) / 100;
    expect(t).toContain(`Встречи по графику: провела 30 встреч при ожидаемых ${weeks}; ${decimal(share, 2)} × 3\n${decimal(Math.round(share * 300) / 100, 2)}\n`);
    // Satisfaction per person (НЯ-0001: (9 + 8) / 2, НЯ-0003: 10), the mentor's own answer not counted.
    const sat = (8.5 + 10) / 2;
    expect(t).toContain(`Удовлетворённость наставляемых: ${decimal(sat, 2)} из 10 (n = 2); 0,93 × 3\n2,79\n`);
    expect(t).toContain('Рост по диагностике: Δ +2 (n = 2); 1 × 2\n2\n');
    expect(t).toContain('Завершённые пары: пока не завершены (работают: 1) — не учитывается\n0\n');
    expect(t).toContain('Обучение в Школе наставников: обучена в «Школе наставников»; 1 × 1\n1\n');
    // Громов: ПА-0002 up to today, ПА-0004 up to its итоговая meeting; one answer is too few.
    expect(t).toMatch(/Встречи по графику: провёл 31 встречу при ожидаемых \d+;/);
    expect(t).toContain('Удовлетворённость наставляемых: 10 из 10 (n = 2)');
    expect(t).toContain('Рост по диагностике: Δ +4, мало ответов (n = 1) — не учитывается\n0\n');
    expect(t).toContain('Завершённые пары: завершены 1 из 1, ещё работают — 1; 1 × 1\n1\n');
    expect(t).toMatch(/Предлагается отметить по итогам 2026\/2027 учебного года наставников: Белову Ирину Сергеевну \([\d,]+ балла из 10\), Громова Олега Павловича \([\d,]+ балла из 10\)\./);
    expect(t).toContain('Критерий\nВес\nДоля от 0 до 1\nОткуда данные\nВстречи по графику\n3\n');
    expect(t).not.toMatch(/NaN|undefined|null|Infinity|\{\{|\}\}/);
    const register = table(ws, 'Документы').filter((r) => String(r['Документ']).startsWith(TITLE));
    expect(register).toHaveLength(1);
    expect(table(ws, SHEET.roadmap).find((r) => r['№'] === '7.5')!['Документ']).toBe(register[0]['Ссылка']);
  });

  test('the curator changes the criteria: the ranking and «Критерии» follow; a broken setting gives a Russian message and the defaults', () => {
    const { ws, runner } = setup();
    setSetting(ws, BEST_SETTING.criteria, 'удовлетворённость наставляемых — 1; обучение — 0');
    expect((runner.call('generateReport', ['best-mentors']) as Outcome).ok).toBe(true);
    const t = plain(ws);
    expect(t).toContain('наибольшая сумма — 1.');
    expect(t).toContain('Откуда данные\nУдовлетворённость наставляемых\n1\n');
    expect(t).not.toContain('Встречи по графику');
    // Громов's mentees gave 10 and 10, Белова's 8,5 and 10: he is first now.
    expect(t).toMatch(/4\. Рейтинг наставников за учебный год\n№\nНаставник\nФорма\nБаллы по критериям\nБаллы\n1\nГромов Олег Павлович/);

    setSetting(ws, BEST_SETTING.criteria, 'встречи по графику — много; рост — 2');
    const broken = runner.call('generateReport', ['best-mentors']) as Outcome;
    expect(broken.ok).toBe(true);
    expect(broken.message).toContain('Настройка «Лучшие наставники: критерии и веса» не применена: в «встречи по графику — много» нет веса');
    expect(broken.message).toContain('Использованы критерии по умолчанию');
    const v2 = plain(ws, `${TITLE}, версия 2`);
    expect(v2).toContain('Использованы критерии по умолчанию: встречи по графику — 3;');
    expect(v2).toMatch(/Рейтинг наставников за учебный год\n№\nНаставник\nФорма\nБаллы по критериям\nБаллы\n1\nБелова Ирина Сергеевна/);
    // Nothing lost: the curator's text stays in «Настройки» to be corrected.
    expect(table(ws, SHEET.settings).find((r) => r['Параметр'] === BEST_SETTING.criteria)!['Значение']).toBe('встречи по графику — много; рост — 2');
    expect(
      docs(ws, TITLE)
        .map((d) => d.name)
        .sort(),
    ).toEqual([`${TITLE} (заменён версией 2)`, `${TITLE}, версия 2`]);
  });

  test('a year with no pairs says so in words', () => {
    const { ws, runner } = setup();
    const out = runner.call('generateReport', ['best-mentors', { period: '2025' }]) as Outcome;
    expect(out.ok).toBe(true);
    expect(out.message).toContain('В 2025/2026 учебном году наставнических пар и групп нет');
    const t = plain(ws, 'Справка о лучших наставниках программы наставничества за 2025/2026');
    expect(t).toContain('В 2025/2026 учебном году наставнических пар и групп не было: рейтинг составить не из чего, предложить к награждению некого.');
    expect(t).not.toMatch(/NaN|undefined|null|Infinity|\{\{/);
    for (const name of NAMES) expect(t).not.toContain(name);
  });

  test('Docs calls do not grow with 300 more pairs', () => {
    const small = setup();
    small.ws.calls.reset();
    expect((small.runner.call('generateReport', ['best-mentors']) as Outcome).ok).toBe(true);
    const calls = small.ws.calls.snapshot();
    expect(calls['Body.insertTable']).toBe(3);
    const big = prepared(300);
    big.ws.calls.reset();
    expect((big.runner.call('generateReport', ['best-mentors']) as Outcome).ok).toBe(true);
    expect(docsCalls(big.ws.calls.snapshot())).toEqual(docsCalls(calls));
    expect(plain(big.ws)).toContain('Итого (наставляемых — 302, пар и групп — 301)');
  });

  (printable ? test : test.skip)(
    'printed by LibreOffice: the director reads whole words, the figures and the signature',
    async () => {
      const { ws, runner } = setup();
      setSetting(ws, 'Руководитель (И.О. Фамилия)', 'Н.В. Кузнецова');
      setSetting(ws, 'Куратор (ФИО полностью)', 'Петрова Анна Викторовна');
      expect((runner.call('generateReport', ['best-mentors']) as Outcome).ok).toBe(true);
      const doc = docs(ws, TITLE)[0];
      const printed = (await printedPages(doc)).join('\f');
      expect(printed).not.toMatch(/NaN|undefined|null|Infinity|\{\{/);
      for (const word of ['Удовлетворённость', 'наставляемых', 'педагог', 'Предлагаемые', 'Школе']) expect(printed).toContain(word);
      // No word broken across lines in the narrow columns: a line never ends in a hyphenless fragment of these.
      expect(printed).not.toMatch(/Удовлетворённос\s*$|наставляе\s*$/m);
      expect(printed).toContain('Н.В. Кузнецова');
      expect(printed).toMatch(/Куратор программы наставничества\s+А\.В\. Петрова/);
      expect(printed).not.toContain('Соколов');
    },
    240000,
  );

  sweepTest('a fault at any service call, then a re-run: one Doc per version', () => {
    const snapshot = (ws: Workspace) => {
      const { consistent, rest } = versionedState(ws, TITLE, '7.5');
      return { consistent, rest };
    };
    const sweep = faultSweep({ setup, operation: { name: 'generateReport', args: ['best-mentors'] }, snapshot, maxFaults: MAX_FAULTS });
    console.log(`generateReport(best-mentors): ${sweep.cleanCalls} service calls in a clean run, ${sweep.faults} faults injected, ${sweep.diffs.length} problems`);
    expect(sweep.calls['Drive.Files.copy']).toBe(1);
    expect(sweep.diffs).toEqual([]);
  });
});

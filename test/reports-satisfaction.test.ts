import { docs, text, versionedState } from './helpers/reports';
import { SHEET } from '../src/core/workbook/sheets';
import { MAY_SURVEY } from '../src/core/monitoring';
import { decimal } from '../src/core/language';
import { Outcome, table } from './helpers/programme';
import { sheetValues } from './helpers/addon';
import { approvedAfterMeeting } from './helpers/people';
import { cachedSetup, faultSweep } from './helpers/faults';
import { typeRows } from '../local/demo/hands';
import type { Workspace } from '../local/emulator/workspace';

// This kind only reads the sheets before the shared generateReport path, whose sweep runs in every CI run
// (effectiveness; the covering letter and the case bank add their own writes and run too): FULL_SWEEP=1 runs this one.
const sweepTest = process.env.FULL_SWEEP ? test : test.skip;

const MAX_FAULTS = process.env.FULL_SWEEP ? 100000 : 12;
const TITLE = 'Отчёт об удовлетворённости участников и влиянии программы наставничества за 2026/2027 учебный год';

const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

function unitsOf(ws: Workspace): Array<{ id: string; mentor: string; mentee: string }> {
  const out = new Map<string, { id: string; mentor: string; mentee: string }>();
  for (const r of table(ws, SHEET.pairs))
    if (['утверждена', 'активна'].includes(String(r['Статус']))) {
      const id = String(r['Группа'] || r.ID);
      if (!out.has(id)) out.set(id, { id, mentor: String(r['ID наставника']), mentee: String(r['ID наставляемого']) });
    }
  return [...out.values()];
}

/** Two units' feedback, diagnostics at entry and exit, May survey answers (one open answer naming a mentor). */
function prepared(extraPairs = 0) {
  const p = approvedAfterMeeting('05.10.2026');
  const now = new Date('2027-06-01T09:00:00Z');
  p.ws.now = () => now;
  const [a, b] = unitsOf(p.ws);
  const fb = (id: string, u: typeof a, role: string, person: string, s: number, q: number, i: number) => ({
    ID: id,
    Дата: day('2026-11-10'),
    'Пара / группа': u.id,
    'ID участника': person,
    Роль: role,
    'Удовлетворённость (1–10)': s,
    'Качество (1–10)': q,
    'Польза (1–10)': i,
  });
  typeRows(p.ws, SHEET.feedback, [
    fb('ОС-0001', a, 'наставник', a.mentor, 9, 8, 9),
    fb('ОС-0002', a, 'наставляемый', a.mentee, 8, 7, 6),
    fb('ОС-0003', b, 'наставляемый', b.mentee, 6, 8, 8),
    fb('ОС-0004', b, 'наставник', b.mentor, 7, 7, 7),
  ]);
  const dg = (u: typeof a, role: string, person: string, phase: string, item: string, value: unknown, date: string) => ({
    'ID участника': person,
    'Пара / группа': u.id,
    Роль: role,
    Этап: phase,
    Дата: day(date),
    'Код вопроса': item,
    Значение: value,
  });
  typeRows(p.ws, SHEET.diagnostics, [
    dg(a, 'наставляемый', a.mentee, 'входная', 'satisfaction', 6, '2026-10-10'),
    dg(a, 'наставляемый', a.mentee, 'итоговая', 'satisfaction', 9, '2027-05-25'),
    dg(b, 'наставляемый', b.mentee, 'входная', 'satisfaction', 7, '2026-10-10'),
    dg(b, 'наставляемый', b.mentee, 'итоговая', 'satisfaction', 8, '2027-05-25'),
    dg(a, 'наставляемый', a.mentee, 'итоговая', 'continue', 'да', '2027-05-25'),
    dg(b, 'наставляемый', b.mentee, 'итоговая', 'continue', 'нет', '2027-05-25'),
  ]);
  const mentorName = String(table(p.ws, SHEET.mentors).find((r) => r.ID === a.mentor)!['ФИО']);
  const sv = (u: typeof a, role: string, person: string, item: string, value: unknown, comment = '') => ({
    Опрос: MAY_SURVEY.title,
    Дата: day('2027-05-20'),
    'ID участника': person,
    'Пара / группа': u.id,
    Роль: role,
    'Код вопроса': item,
    Значение: value,
    Комментарий: comment,
  });
  typeRows(p.ws, SHEET.surveys, [
    sv(a, 'наставляемый', a.mentee, 'satisfaction', 9),
    sv(b, 'наставляемый', b.mentee, 'satisfaction', 7),
    sv(a, 'наставляемый', a.mentee, 'recommend', 'да'),
    sv(a, 'наставляемый', a.mentee, 'improve', '', 'Больше выездных встреч {{организация}}'),
    sv(b, 'наставляемый', b.mentee, 'improve', '', `Спасибо, ${mentorName}!`),
  ]);
  if (extraPairs) {
    const form = String(table(p.ws, SHEET.pairs).find((r) => r['Статус'] === 'утверждена')!['Форма']);
    typeRows(
      p.ws,
      SHEET.pairs,
      Array.from({ length: extraPairs }, (_v, k) => ({ ID: `ПА-${9000 + k}`, 'ID наставника': `НК-${9000 + k}`, 'ID наставляемого': `НЯ-${9000 + k}`, Форма: form, Статус: 'утверждена' })),
    );
    typeRows(
      p.ws,
      SHEET.feedback,
      Array.from({ length: extraPairs }, (_v, k) => ({ ID: `ОС-${9000 + k}`, Дата: day('2026-12-01'), 'Пара / группа': `ПА-${9000 + k}`, Роль: 'наставляемый', 'Удовлетворённость (1–10)': 8 })),
    );
  }
  expect((p.runner.call('refreshMonitoring') as Outcome).ok).toBe(true);
  return { ...p, a, b, mentorName };
}

const setup = cachedSetup(() => prepared());

/** The cell right of a label in the blocks of «Мониторинг». */
function blockValue(ws: Workspace, label: string, offset = 1): unknown {
  for (const cells of sheetValues(ws, SHEET.monitoring)) {
    const i = cells.indexOf(label);
    if (i >= 0) return cells[i + offset];
  }
  return undefined;
}

const versioned = (ws: Workspace) => versionedState(ws, TITLE, '7.2');

const pct = (v: unknown) => `${decimal(Number(v), 1)} %`;

describe('generateReport(satisfaction)', () => {
  test('the figures equal «Мониторинг»; Δ and yes/no with n; open answers without names; linked on 7.2', () => {
    const { ws, runner } = setup();
    const mentorName = String(table(ws, SHEET.mentors).find((r) => r.ID === unitsOf(ws)[0].mentor)!['ФИО']);
    expect(mentorName.length).toBeGreaterThan(5);
    const result = runner.call('generateReport', ['satisfaction']) as Outcome;
    expect(result.ok).toBe(true);
    const made = docs(ws, TITLE);
    expect(made).toHaveLength(1);
    const t = text(made[0]);
    // 10a's level row: the shares of «Обратная связь по формам» on «Мониторинг», all forms.
    const mentees = blockValue(ws, 'все формы, наставляемые');
    const mentors = blockValue(ws, 'все формы, наставники');
    // A row per question and role: the mentees' row names the question, the mentors' row follows it.
    expect(t).toContain(`Уровень удовлетворённости, % (ежемесячная обратная связь)\nнаставляемые\n\n${pct(mentees)}\n2\n\nнаставники\n\n${pct(mentors)}\n2\n`);
    expect(t).toContain(`Ежемесячная обратная связь: удовлетворённость\nнаставляемые\n${decimal(Number(blockValue(ws, 'все формы, наставляемые', 2)), 1)}\n${pct(mentees)}\n2\n`);
    // 10b: Δ per item as «Диагностика по вопросам» has it (+2 = ((9−6)+(8−7))/2).
    const entry = blockValue(ws, 'наставляемые: Удовлетворённость совместной работой');
    expect(Number(entry)).toBe(6.5);
    expect(t).toContain('наставляемые: удовлетворённость совместной работой\nвсе формы\n6,5\n8,5\n+2\n2\n');
    expect(t).toContain('Итоговая диагностика: хочет продолжить\nнаставляемые\n50 %\n50 %\n2\n');
    expect(t).toContain('Майский опрос: удовлетворённость участием\nнаставляемые\n8\n50 %\n2\n');
    expect(t).toContain('Майский опрос: порекомендует программу\nнаставляемые\n100 %\n0 %\n1\n');
    // Open answers: one shown (inert), the one naming the mentor left out.
    expect(t).toContain('«Больше выездных встреч { {организация} }»');
    expect(t).not.toContain('Спасибо,');
    expect(result.message).toContain('1 открытый ответ майского опроса с именами людей учтён в темах, но в отчёте не приводится');
    expect(t).not.toMatch(/NaN|undefined|Infinity|\{\{|\}\}/);
    for (const r of [...table(ws, SHEET.mentees), ...table(ws, SHEET.mentors)]) {
      const name = String(r['ФИО']);
      if (name.length > 3) expect(t).not.toContain(name);
    }
    expect(t).not.toContain(mentorName);
    const register = table(ws, 'Документы').filter((r) => String(r['Документ']).startsWith(TITLE));
    expect(register).toHaveLength(1);
    expect(table(ws, SHEET.roadmap).find((r) => r['№'] === '7.2')!['Документ']).toBe(register[0]['Ссылка']);
  });

  test('again for the same year: «версия 2», the first renamed and kept', () => {
    const { ws, runner } = setup();
    expect((runner.call('generateReport', ['satisfaction']) as Outcome).ok).toBe(true);
    const second = runner.call('generateReport', ['satisfaction', { period: '2026' }]) as Outcome;
    expect(second.ok).toBe(true);
    expect(
      docs(ws, TITLE)
        .map((d) => d.name)
        .sort(),
    ).toEqual([`${TITLE} (заменён версией 2)`, `${TITLE}, версия 2`]);
  });

  test('last year, with no data, says so in words', () => {
    const { ws, runner } = setup();
    const result = runner.call('generateReport', ['satisfaction', { period: '2025' }]) as Outcome;
    expect(result.ok).toBe(true);
    expect(result.message).toContain('В 2025/2026 учебном году нет ни обратной связи');
    const t = text(docs(ws, 'Отчёт об удовлетворённости участников и влиянии программы наставничества за 2025/2026')[0]);
    expect(t).toContain('данных для отчёта нет');
    expect(t).not.toMatch(/NaN|undefined|Infinity|\{\{/);
  });

  test('Docs calls do not grow with 200 more pairs answering', () => {
    const calls = (w: Workspace) => Object.fromEntries(Object.entries(w.calls.snapshot()).filter(([k]) => /^(Docs|Document|Body|Table|Paragraph|Text|Drive)/.test(k)));
    const small = setup();
    small.ws.calls.reset();
    expect((small.runner.call('generateReport', ['satisfaction']) as Outcome).ok).toBe(true);
    const few = calls(small.ws);
    expect(few['Body.insertTable']).toBe(5);
    const big = prepared(200);
    big.ws.calls.reset();
    expect((big.runner.call('generateReport', ['satisfaction']) as Outcome).ok).toBe(true);
    expect(calls(big.ws)).toEqual(few);
  });

  // Every report goes through one generateReport path, swept for the effectiveness report in every run;
  // this kind's own sweep runs with FULL_SWEEP=1 (CI time).
  sweepTest('a fault at any service call, then a re-run: one Doc per version', () => {
    const sweep = faultSweep({ setup, operation: { name: 'generateReport', args: ['satisfaction'] }, snapshot: versioned, maxFaults: MAX_FAULTS });
    console.log(`generateReport(satisfaction): ${sweep.cleanCalls} service calls in a clean run, ${sweep.faults} faults injected, ${sweep.diffs.length} problems`);
    expect(sweep.diffs).toEqual([]);
  });
});

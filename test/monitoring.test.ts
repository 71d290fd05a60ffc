import { SHEET } from '../src/core/workbook/sheets';
import { DENOMINATORS, DENOMINATOR_INVALID, DENOMINATOR_MISSING, INDICATOR_TITLES } from '../src/core/monitoring';
import { decimal } from '../src/core/language';
import { look } from './helpers/addon';
import { Outcome, table, typeRows, unitIds } from './helpers/programme';
import { approvedAfterMeeting } from './helpers/people';
import { cachedSetup, faultSweep, stateWithoutLog, workspaceState } from './helpers/faults';
import type { Workspace } from '../local/emulator/workspace';

const DATE = '15.11.2026';

function at(ws: Workspace, iso: string) {
  const now = new Date(iso);
  ws.now = () => now;
}

const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

/** Pairs approved by the order of 05.10.2026; the clock on 30.11.2026. */
function approvedOn30November() {
  const p = approvedAfterMeeting('05.10.2026');
  at(p.ws, '2026-11-30T09:00:00Z');
  return p;
}

/**
 * Pairs approved; pair A met weekly since the order (the kinds in order), pair B once; feedback
 * from both, one rating outside the scale; the clock on 30.11.2026.
 */
function prepared() {
  const p = approvedOn30November();
  const [a, b] = unitIds(p.ws);
  const kinds = ['знакомство', 'пробная', 'планирование', 'регулярная', 'регулярная', 'регулярная', 'регулярная', 'регулярная'];
  typeRows(p.ws, SHEET.meetings, [
    ...kinds.map((kind, k) => ({
      ID: `ВС-${String(k + 1).padStart(4, '0')}`,
      'Пара / группа': a,
      Дата: day(`2026-${k < 4 ? 10 : 11}-${String(k < 4 ? 6 + 7 * k : 3 + 7 * (k - 4)).padStart(2, '0')}`),
      'Тип встречи': kind,
    })),
    { ID: 'ВС-0009', 'Пара / группа': b, Дата: day('2026-10-12'), 'Тип встречи': 'знакомство' },
  ]);
  typeRows(p.ws, SHEET.feedback, [
    { ID: 'ОС-0001', Дата: day('2026-11-10'), 'Пара / группа': a, Роль: 'наставник', 'Удовлетворённость (1–10)': 9, 'Качество (1–10)': 8, 'Польза (1–10)': 9 },
    { ID: 'ОС-0002', Дата: day('2026-11-10'), 'Пара / группа': a, Роль: 'наставляемый', 'Удовлетворённость (1–10)': 7, 'Качество (1–10)': 7, 'Польза (1–10)': 6 },
    { ID: 'ОС-0003', Дата: day('2026-11-11'), 'Пара / группа': b, Роль: 'наставляемый', 'Удовлетворённость (1–10)': 12, 'Качество (1–10)': 8, 'Польза (1–10)': 8 },
    { ID: 'ОС-0004', Дата: day('2026-11-11'), 'Пара / группа': b, Роль: 'наставник', 'Удовлетворённость (1–10)': 8, 'Качество (1–10)': 9, 'Польза (1–10)': 10 },
  ]);
  return { ...p, a, b };
}

type Row = { stage: string; indicator: string; value: unknown; comment: string };
const monitoring = (ws: Workspace): Row[] =>
  table(ws, SHEET.monitoring).map((r) => ({ stage: String(r['Этап']), indicator: String(r['Показатель']), value: r['Значение'], comment: String(r['Комментарий']) }));
const find = (ws: Workspace, stage: string, indicator: string) => monitoring(ws).filter((r) => r.stage === stage && r.indicator === indicator);
const one = (ws: Workspace, stage: string, indicator: string) => {
  const rows = find(ws, stage, indicator);
  expect(rows).toHaveLength(1);
  return rows[0];
};

/** The curator types a value into a row of «Мониторинг» found by its Показатель. */
function typeOnMonitoring(ws: Workspace, indicator: string, value: unknown) {
  look(ws, (ss) => {
    const sheet = ss.getSheetByName(SHEET.monitoring)!;
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((r) => r[1] === indicator);
    if (row < 1) throw new Error(`no row ${indicator}`);
    sheet.getRange(row + 1, 3).setValue(value);
  });
}

const refresh = (p: { runner: { call: (name: string) => unknown } }) => p.runner.call('refreshMonitoring') as Outcome;
const basesRows = (ws: Workspace) => monitoring(ws).filter((r) => /^[23]/.test(r.stage) && r.stage !== '2.3/3.4');

describe('refreshMonitoring', () => {
  test('writes the lagging pairs, the satisfaction with n and the Р-145 rows; a typed denominator gives the share and stays; a second run changes nothing', () => {
    const p = prepared();
    const { ws, a, b } = p;
    const units = unitIds(ws);
    expect(units.length).toBeGreaterThan(2);
    const bases = basesRows(ws);
    expect(bases.length).toBeGreaterThan(0);

    const result = refresh(p);
    expect(result.ok).toBe(true);

    // 6.1: pair A met weekly and is on pace; B met once; the others never.
    expect(find(ws, '6.1', `Встречи: ${a}`)).toEqual([]);
    const lagging = one(ws, '6.1', `Встречи: ${b}`);
    expect(lagging.value).toBe(1);
    expect(lagging.comment).toBe(`${b}: 1 встреча за 8 недель (ожидается не менее 8), последняя — 7 недель назад`);
    expect(one(ws, '6.1', 'Встречи: пар с отставанием').value).toBe(units.length - 1);
    expect(result.behind).toBe(units.length - 1);
    expect(result.message).toContain(`Отстают от графика встреч: ${units.length - 1}`);

    // 6.2: mentors 9 and 8 (both satisfied at 8), mentees 7 and a 12 that does not count.
    const mentors = one(ws, '6.2', 'Обратная связь, наставники: доля оценивших удовлетворённость на 8 и выше из 10');
    expect([mentors.value, mentors.comment]).toEqual(['100 %', '2 из 2 ответивших']);
    const mentees = one(ws, '6.2', 'Обратная связь, наставляемые: доля оценивших удовлетворённость на 8 и выше из 10');
    expect([mentees.value, mentees.comment]).toEqual(['0 %', '0 из 1 ответившего']);
    const quality = one(ws, '6.2', 'Обратная связь, наставляемые: качество, средний балл');
    expect([quality.value, quality.comment]).toEqual(['7,5', 'по ответам 2 участников (n = 2)']);
    const rejected = one(ws, '6.2', 'Обратная связь: оценки не учтены');
    expect(rejected.value).toBe(1);
    expect(rejected.comment).toBe('строка 4, «Удовлетворённость (1–10)»: оценка 12 вне шкалы 1–10; ответ не учтён');
    expect(result.message).toContain('Оценок обратной связи не учтено (вне шкалы 1–10 или не число): 1');

    // 7.3: the denominator rows wait for the curator; the indicators say why there is no value.
    for (const d of DENOMINATORS) {
      const row = one(ws, '7.3', `${d.label} на ${DATE}`);
      expect(row.value).toBe('');
      expect(row.comment).toContain(`число на ${DATE}`);
    }
    const first = `1. ${INDICATOR_TITLES.mentees10to18} на ${DATE}`;
    expect(one(ws, '7.3', first).value).toBe(`нет данных: ${DENOMINATOR_MISSING}`);
    expect(result.message).toContain('Не введено знаменателей: 4');
    const numerator = Number(/Числитель: (\d+)/.exec(one(ws, '7.3', first).comment)![1]);
    expect(numerator).toBeGreaterThan(0);
    // Indicator 6: the mentors' satisfaction from the feedback dated before the reporting date.
    expect(one(ws, '7.3', `6. ${INDICATOR_TITLES.mentorSatisfaction} на ${DATE}`).value).toBe('100 %');

    // The curator types one denominator and a wrong one.
    typeOnMonitoring(ws, `${DENOMINATORS[0].label} на ${DATE}`, 40);
    typeOnMonitoring(ws, `${DENOMINATORS[3].label} на ${DATE}`, 'сорок');
    const second = refresh(p);
    expect(second.ok).toBe(true);
    expect(one(ws, '7.3', `${DENOMINATORS[0].label} на ${DATE}`).value).toBe(40);
    expect(one(ws, '7.3', `${DENOMINATORS[3].label} на ${DATE}`).value).toBe('сорок');
    const share = one(ws, '7.3', first);
    expect(share.value).toBe(`${decimal((numerator / 40) * 100, 1)} %`);
    expect(share.comment).toBe(`Числитель: ${numerator}; знаменатель: 40`);
    expect(one(ws, '7.3', `4. ${INDICATOR_TITLES.partners} на ${DATE}`).value).toBe(`нет данных: ${DENOMINATOR_INVALID}`);
    expect(second.message).toContain('Не введено знаменателей: 2');
    expect(second.message).toContain('Знаменателей, которые не являются целым числом больше нуля: 1');

    // The bases' rows are untouched; nothing is NaN; no person's name on «Мониторинг».
    expect(basesRows(ws)).toEqual(bases);
    const sheetText = JSON.stringify(monitoring(ws));
    expect(sheetText).not.toMatch(/NaN|Infinity|undefined/);
    const names = [...table(ws, SHEET.pairs).flatMap((r) => [r['Наставник'], r['Наставляемый']]), ...table(ws, SHEET.mentees).map((r) => r['ФИО']), ...table(ws, SHEET.mentors).map((r) => r['ФИО'])]
      .map((n) => String(n ?? '').trim())
      .filter((n) => n.length > 3);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(sheetText).not.toContain(name);

    // A second run changes nothing.
    const before = workspaceState(ws, ['sheets'], { ignoreSheets: [SHEET.log] });
    expect(refresh(p).ok).toBe(true);
    expect(workspaceState(ws, ['sheets'], { ignoreSheets: [SHEET.log] })).toEqual(before);
  });

  test('a pair that is no longer behind has its row emptied (not left stale); the sheet does not grow', () => {
    const p = prepared();
    const { ws, b } = p;
    expect(refresh(p).ok).toBe(true);
    const rows = monitoring(ws).length;
    // B catches up: weekly meetings from the order on.
    const dates = ['2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-27'];
    const kinds = ['пробная', 'планирование', 'регулярная', 'регулярная', 'регулярная', 'регулярная', 'регулярная'];
    typeRows(
      ws,
      SHEET.meetings,
      dates.map((d, k) => ({ ID: `ВС-${String(20 + k).padStart(4, '0')}`, 'Пара / группа': b, Дата: day(d), 'Тип встречи': kinds[k] })),
    );
    const result = refresh(p);
    expect(result.ok).toBe(true);
    expect(find(ws, '6.1', `Встречи: ${b}`)).toEqual([]);
    expect(result.attention).not.toContain(b);
    expect(monitoring(ws).length).toBe(rows);
    expect(monitoring(ws).filter((r) => !r.stage && !r.indicator)).toHaveLength(1);
  });

  test('without feedback it says «нет данных» in words, never NaN; a row with only a comment is not an answer', () => {
    const p = approvedOn30November();
    typeRows(p.ws, SHEET.feedback, [{ ID: 'ОС-0001', Комментарий: 'опрос за ноябрь ещё не проводили' }]);
    const result = refresh(p);
    expect(result.ok).toBe(true);
    const share = one(p.ws, '6.2', 'Обратная связь, наставники: доля оценивших удовлетворённость на 8 и выше из 10');
    expect(share.value).toBe('нет данных: наставники ещё не ответили на ежемесячную обратную связь');
    expect(one(p.ws, '6.2', 'Обратная связь, наставляемые: польза, средний балл').value).toBe('нет данных: наставляемые ещё не ответили на ежемесячную обратную связь');
    expect(one(p.ws, '6.2', 'Обратная связь: оценки не учтены').value).toBe(0);
    expect(String(one(p.ws, '7.3', `5. ${INDICATOR_TITLES.menteeSatisfaction} на ${DATE}`).value)).toMatch(/^нет данных: нет ответов наставляемых/);
    expect(JSON.stringify(monitoring(p.ws))).not.toMatch(/NaN|Infinity|undefined/);
    expect(result.message).not.toContain('не учтено');
  });

  test('each member of a group who answers is a respondent of their own: n counts people, not pairs', () => {
    const p = approvedOn30November();
    const [a] = unitIds(p.ws);
    const answer = (id: string, person: string, rating: number) => ({
      ID: id,
      Дата: day('2026-11-10'),
      'Пара / группа': a,
      'ID участника': person,
      Роль: 'наставляемый',
      'Удовлетворённость (1–10)': rating,
      'Качество (1–10)': rating,
      'Польза (1–10)': rating,
    });
    typeRows(p.ws, SHEET.feedback, [answer('ОС-0001', 'НЯ-0101', 9), answer('ОС-0002', 'НЯ-0102', 6), answer('ОС-0003', 'НЯ-0101', 9)]);
    expect(refresh(p).ok).toBe(true);
    const share = one(p.ws, '6.2', 'Обратная связь, наставляемые: доля оценивших удовлетворённость на 8 и выше из 10');
    expect([share.value, share.comment]).toEqual(['50 %', '1 из 2 ответивших']);
    // The Р-145 satisfaction indicator counts the same people.
    const indicator = one(p.ws, '7.3', `5. ${INDICATOR_TITLES.menteeSatisfaction} на ${DATE}`);
    expect(indicator.value).toBe('50 %');
    expect(indicator.comment).toContain('1 из 2');
  });

  test('service calls stay flat: 400 more meetings and feedback answers cost no more calls', () => {
    const calls = (p: ReturnType<typeof prepared>) => {
      const before = p.ws.calls.snapshot();
      expect(refresh(p).ok).toBe(true);
      const after = p.ws.calls.snapshot();
      return Object.entries(after).reduce((sum, [method, n]) => sum + n - (before[method] ?? 0), 0);
    };
    const small = calls(prepared());
    const big = prepared();
    const dates = ['2026-10-06', '2026-10-13', '2026-10-20', '2026-10-27', '2026-11-03', '2026-11-10'];
    typeRows(
      big.ws,
      SHEET.meetings,
      Array.from({ length: 200 }, (_v, k) => ({ ID: `ВС-${1000 + k}`, 'Пара / группа': big.b, Дата: day(dates[k % dates.length]), 'Тип встречи': 'регулярная' })),
    );
    typeRows(
      big.ws,
      SHEET.feedback,
      Array.from({ length: 200 }, (_v, k) => ({
        ID: `ОС-${1000 + k}`,
        Дата: day('2026-11-10'),
        'Пара / группа': big.a,
        Роль: k % 2 ? 'наставник' : 'наставляемый',
        'Удовлетворённость (1–10)': 1 + (k % 10),
      })),
    );
    expect(calls(big)).toBe(small);
  });

  test('after a fault at any service call a re-run ends as a clean run', () => {
    const result = faultSweep({ setup: cachedSetup(prepared), operation: { name: 'refreshMonitoring' }, snapshot: stateWithoutLog, maxFaults: process.env.FULL_SWEEP ? 10000 : 40 });
    console.log(`refreshMonitoring: ${result.cleanCalls} service calls, ${result.faults} faults injected, ${result.diffs.length} differing end states`);
    expect(result.diffs).toEqual([]);
  });
});

import { MEETING_KINDS, checkCadence, checkCadences, meetingKind } from '../../../src/core/monitoring';
import { MEETING_TYPES } from '../../../src/core/workbook/sheets';

const d = (year: number, month: number, day: number) => ({ year, month, day });
const m = (date: ReturnType<typeof d> | null, type: string) => ({ date, type });

test('the kinds are the «Тип встречи» list of «Встречи», in the programme’s order', () => {
  expect([...MEETING_KINDS]).toEqual([...MEETING_TYPES]);
  expect(meetingKind(' Регулярные ')).toBe('регулярная');
  expect(meetingKind('Итоговая встреча')).toBe('итоговая');
  expect(meetingKind('чаепитие')).toBeUndefined();
});

describe('a pair behind the programme', () => {
  // 1 October → 5 November: 35 days, 5 whole weeks.
  const r = checkCadence(
    {
      pairId: 'ПА-0003',
      start: d(2026, 10, 1),
      meetings: [
        m(d(2026, 10, 2), 'знакомство'),
        m(d(2026, 10, 8), 'пробная'),
        m(d(2026, 10, 15), 'регулярная'),
        m(d(2026, 11, 20), 'регулярная'),
        m(d(2026, 9, 20), 'знакомство'),
        m(null, 'регулярная'),
      ],
    },
    d(2026, 11, 5),
  );

  test('meetings so far, expected at least, how far behind in meetings and in weeks', () => {
    expect(r).toMatchObject({ state: 'working', meetings: 3, weeks: 5, expectedAtLeast: 5, behindBy: 2, weeksSinceLast: 3, behind: true, missingKinds: ['планирование'], needsAttention: true });
    expect(r.ignored).toEqual({ undated: 1, future: 1, beforeStart: 1 });
  });

  test('one Russian line with the pair’s ID, numerals agreeing', () => {
    expect(r.summary).toBe('ПА-0003: 3 встречи за 5 недель (ожидается не менее 5), последняя — 3 недели назад; не было встречи «планирование»');
  });
});

test('a pair on pace', () => {
  const r = checkCadence(
    { pairId: 'ПА-0001', start: d(2026, 9, 1), meetings: [m(d(2026, 9, 2), 'знакомство'), m(d(2026, 9, 8), 'пробная'), m(d(2026, 9, 15), 'планирование'), m(d(2026, 9, 20), 'регулярная')] },
    d(2026, 9, 22),
  );
  expect(r).toMatchObject({ meetings: 4, weeks: 3, expectedAtLeast: 3, behindBy: 0, weeksSinceLast: 0, behind: false, needsAttention: false });
  expect(r.summary).toBe('ПА-0001: 4 встречи за 3 недели (ожидается не менее 3), последняя — менее недели назад');
});

test('enough meetings early on, then two weeks without one: behind by the gap', () => {
  const early = Array.from({ length: 10 }, (_, i) => m(d(2026, 9, 1 + i), i === 0 ? 'знакомство' : i === 1 ? 'пробная' : i === 2 ? 'планирование' : 'регулярная'));
  const r = checkCadence({ pairId: 'ПА-0002', start: d(2026, 9, 1), meetings: early }, d(2026, 9, 29));
  expect(r).toMatchObject({ meetings: 10, weeks: 4, behindBy: 0, weeksSinceLast: 2, behind: true });
  expect(r.summary).toBe('ПА-0002: 10 встреч за 4 недели (ожидается не менее 4), последняя — 2 недели назад');
});

test('no meeting at all', () => {
  const r = checkCadence({ pairId: 'ПА-0004', start: d(2026, 10, 1), meetings: [] }, d(2026, 10, 22));
  expect(r).toMatchObject({ meetings: 0, weeks: 3, behindBy: 3, weeksSinceLast: 3, behind: true });
  expect(r.summary).toBe('ПА-0004: ни одной встречи за 3 недели (ожидается не менее 3)');
});

test('kinds out of order are named', () => {
  const r = checkCadence({ pairId: 'ПА-0005', start: d(2026, 10, 1), meetings: [m(d(2026, 10, 1), 'регулярная'), m(d(2026, 10, 2), 'знакомство'), m(d(2026, 10, 3), 'планирование')] }, d(2026, 10, 6));
  expect(r.outOfOrder).toEqual(['«знакомство» после «регулярная»', '«планирование» после «регулярная»']);
  expect(r.missingKinds).toEqual(['пробная']);
  expect(r.summary).toBe('ПА-0005: 3 встречи, пара работает меньше недели, не было встречи «пробная»; встречи не по порядку: «знакомство» после «регулярная», «планирование» после «регулярная»');
});

test('a pair that held its итоговая meeting is measured up to it; too early is flagged', () => {
  const r = checkCadence(
    {
      pairId: 'ПА-0006',
      start: d(2026, 9, 1),
      meetings: [
        m(d(2026, 9, 1), 'знакомство'),
        m(d(2026, 9, 8), 'пробная'),
        m(d(2026, 9, 15), 'планирование'),
        ...[22, 29].map((day) => m(d(2026, 9, day), 'регулярная')),
        m(d(2026, 10, 15), 'итоговая'),
      ],
    },
    d(2026, 12, 20),
  );
  // 1 September → 15 October: 44 days, 6 whole weeks; 6 meetings.
  expect(r).toMatchObject({ state: 'finished', weeks: 6, expectedAtLeast: 6, behindBy: 0, weeksSinceLast: null, behind: false, finishedTooEarly: true, needsAttention: true });
  expect(r.summary).toBe('ПА-0006: 6 встреч за 6 недель (ожидается не менее 6), итоговая — 15.10.2026; итоговая встреча раньше, чем через 2 месяца работы');
});

test('an итоговая meeting in the first week says the pair worked less than a week', () => {
  const r = checkCadence({ pairId: 'ПА-0009', start: d(2026, 9, 1), meetings: [m(d(2026, 9, 1), 'знакомство'), m(d(2026, 9, 3), 'итоговая')] }, d(2026, 10, 1));
  expect(r.summary).toBe(
    'ПА-0009: 2 встречи, пара работала меньше недели, итоговая — 03.09.2026; не было встреч «пробная», «планирование», «регулярная»; итоговая встреча раньше, чем через 2 месяца работы',
  );
});

test('no order date, or an order date still to come', () => {
  expect(checkCadence({ pairId: 'ПА-0007', start: null, meetings: [] }, d(2026, 10, 1))).toMatchObject({
    state: 'noStart',
    expectedAtLeast: null,
    summary: 'ПА-0007: не указана дата начала (дата приказа) — темп встреч не проверить',
  });
  expect(checkCadence({ pairId: 'ПА-0008', start: d(2026, 10, 10), meetings: [] }, d(2026, 10, 1))).toMatchObject({
    state: 'notStarted',
    behind: false,
    summary: 'ПА-0008: работа начнётся 10.10.2026',
  });
});

test('one week and twenty-one weeks agree with their numbers', () => {
  const one = checkCadence({ pairId: 'ПА-1', start: d(2026, 9, 1), meetings: [m(d(2026, 9, 2), 'знакомство')] }, d(2026, 9, 9));
  expect(one.summary).toBe('ПА-1: 1 встреча за 1 неделю (ожидается не менее 1), последняя — 1 неделю назад');
  const many = checkCadence({ pairId: 'ПА-2', start: d(2026, 9, 1), meetings: [m(d(2026, 9, 1), 'знакомство'), m(d(2026, 9, 1), 'пробная')] }, d(2027, 1, 26));
  expect(many.weeks).toBe(21);
  expect(many.summary).toMatch(/^ПА-2: 2 встречи за 21 неделю \(ожидается не менее 21\), последняя — 21 неделю назад$/);
});

test('the list puts the pairs that need attention first, most behind first', () => {
  const today = d(2026, 10, 29);
  const list = checkCadences(
    [
      { pairId: 'ПА-A', start: d(2026, 10, 28), meetings: [m(d(2026, 10, 28), 'знакомство')] },
      { pairId: 'ПА-B', start: d(2026, 10, 1), meetings: [m(d(2026, 10, 2), 'знакомство')] },
      { pairId: 'ПА-C', start: d(2026, 10, 1), meetings: [] },
    ],
    today,
  );
  expect(list.map((r) => r.pairId)).toEqual(['ПА-C', 'ПА-B', 'ПА-A']);
});

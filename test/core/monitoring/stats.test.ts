import { ALL_ITEMS, type DiagnosticRow, type FeedbackRow, type GroupStats, deltaText, diagnosticsStats, feedbackStats, figureText, readRating, readThreshold } from '../../../src/core/monitoring';

const PEER = 'ученик – ученик';
const TEACHERS = 'педагог – педагог';

function fb(pairId: string, role: string, personId: string, form: string, satisfaction: FeedbackRow['satisfaction'], quality: FeedbackRow['quality'], impact: FeedbackRow['impact']): FeedbackRow {
  return { pairId, role, personId, form, date: { year: 2026, month: 10, day: 30 }, satisfaction, quality, impact };
}

const group = (groups: readonly GroupStats[], scope: string, key: string, role: string, phase?: string) => {
  const g = groups.find((x) => x.scope === scope && x.key === key && x.role === role && x.phase === phase);
  if (!g) throw new Error(`no group ${scope} ${key} ${role} ${phase}`);
  return g;
};
const item = (g: GroupStats, code: string) => {
  const i = g.items.find((x) => x.code === code);
  if (!i) throw new Error(`no item ${code}`);
  return i;
};
const value = (f: { ok: boolean; value?: number }) => (f.ok ? f.value : undefined);

describe('ratings read from cells', () => {
  test('a whole number 1–10, as a number or its text, is a rating; an empty cell is no answer', () => {
    expect(readRating(8)).toEqual({ ok: true, value: 8 });
    expect(readRating(' 10 ')).toEqual({ ok: true, value: 10 });
    expect(readRating('')).toEqual({ ok: 'empty' });
    expect(readRating(null)).toEqual({ ok: 'empty' });
  });

  test('anything else is rejected with a reason that quotes a number but never a text', () => {
    expect(readRating(12)).toEqual({ ok: false, reason: 'оценка 12 вне шкалы 1–10' });
    expect(readRating(0)).toEqual({ ok: false, reason: 'оценка 0 вне шкалы 1–10' });
    expect(readRating('7,5')).toEqual({ ok: false, reason: 'оценка 7,5 не целая; нужна оценка от 1 до 10' });
    expect(readRating(NaN).ok).toBe(false);
    expect(readRating(Infinity).ok).toBe(false);
    expect(readRating(true).ok).toBe(false);
    const text = readRating('Петрова Анна');
    expect(text.ok).toBe(false);
    expect(JSON.stringify(text)).not.toContain('Петрова');
  });

  test('the threshold from «Настройки»: a number 1–10, otherwise the default 8 with a note', () => {
    expect(readThreshold(undefined)).toEqual({ value: 8 });
    expect(readThreshold('9')).toEqual({ value: 9 });
    expect(readThreshold(7.5)).toEqual({ value: 7.5 });
    expect(readThreshold('много')).toEqual({ value: 8, note: expect.stringContaining('от 1 до 10') });
    expect(readThreshold(0).value).toBe(8);
  });
});

describe('monthly feedback', () => {
  const rows: FeedbackRow[] = [
    fb('ПА-0001', 'наставляемый', 'НЯ-0001', PEER, 8, 6, 10),
    fb('ПА-0001', 'наставляемый', 'НЯ-0001', PEER, 10, 8, ''),
    fb('ПА-0001', 'наставник', 'НК-0001', PEER, 6, 7, 7),
    fb('ПА-0002', 'Наставляемый ', 'НЯ-0002', PEER, 7, '7', 12),
    fb('ПА-0003', 'наставляемый', 'НЯ-0003', TEACHERS, 'отлично', 9, 9),
    fb('ПА-0004', 'Иванов', 'НЯ-0004', PEER, 9, 9, 9),
  ];
  const stats = feedbackStats(rows, { threshold: 8 });

  test('the programme’s mentees: each person counts once, their own answers averaged first', () => {
    const g = group(stats.groups, 'all', 'все', 'наставляемый');
    expect(g.respondents).toBe(3);
    // НЯ-0001 answered 8 and 10 (→ 9), НЯ-0002 answered 7; НЯ-0003's «отлично» is not a rating.
    expect(item(g, 'satisfaction')).toMatchObject({ n: 2, answers: 3, mean: { ok: true, value: 8 }, median: { ok: true, value: 8 } });
    // Quality: НЯ-0001 (6, 8 → 7), НЯ-0002 7, НЯ-0003 9.
    const q = item(g, 'quality');
    expect(q.n).toBe(3);
    expect(value(q.mean)).toBeCloseTo(23 / 3, 10);
    expect(value(q.median)).toBe(7);
    // Impact: НЯ-0001 10 (the empty cell is no answer), НЯ-0002's 12 is rejected, НЯ-0003 9.
    expect(item(g, 'impact')).toMatchObject({ n: 2, answers: 2, mean: { ok: true, value: 9.5 } });
  });

  test('both methods of the satisfaction level, labelled', () => {
    const s = group(stats.groups, 'all', 'все', 'наставляемый').satisfaction;
    // НЯ-0001 (9) is at or above 8, НЯ-0002 (7) is not: 1 of 2.
    expect(s).toMatchObject({ threshold: 8, respondents: 2, satisfied: 1, share: { ok: true, value: 0.5 }, meanShare: { ok: true, value: 0.8 } });
    expect(s.shareLabel).toBe('Доля ответивших на 8 и выше из 10');
    expect(s.meanLabel).toBe('Средний балл ÷ 10 × 100 %');
    expect(figureText(s.share, true)).toBe('50 %');
    expect(figureText(s.meanShare, true)).toBe('80 %');
  });

  test('per form and per pair, split by role', () => {
    const peer = group(stats.groups, 'form', PEER, 'наставляемый');
    expect(item(peer, 'satisfaction').n).toBe(2);
    expect(value(item(peer, 'impact').mean)).toBe(10);
    const teachers = group(stats.groups, 'form', TEACHERS, 'наставляемый');
    expect(teachers.items.map((i) => i.code)).toEqual(['quality', 'impact']);
    expect(teachers.satisfaction.share).toEqual({ ok: false, reason: expect.stringMatching(/^нет данных/) });
    const mentor = group(stats.groups, 'pair', 'ПА-0001', 'наставник');
    expect(mentor.satisfaction).toMatchObject({ respondents: 1, satisfied: 0, share: { ok: true, value: 0 }, meanShare: { ok: true, value: 0.6 } });
    expect(stats.groups.some((g) => g.key === 'ПА-0004')).toBe(false);
  });

  test('every rejected value is reported with its row and field, and nothing of the cell’s text', () => {
    expect(stats.rejected).toEqual([
      { source: 'Обратная связь', index: 3, field: 'Польза (1–10)', reason: 'оценка 12 вне шкалы 1–10; ответ не учтён' },
      { source: 'Обратная связь', index: 4, field: 'Удовлетворённость (1–10)', reason: expect.stringContaining('текст') },
      { source: 'Обратная связь', index: 5, field: 'Роль', reason: expect.stringContaining('роль не указана') },
    ]);
    expect(JSON.stringify(stats)).not.toMatch(/Иванов|отлично/);
  });

  test('no answers at all: no groups, nothing divided by zero', () => {
    expect(feedbackStats([])).toEqual({ threshold: { value: 8 }, groups: [], rejected: [] });
  });

  test('a respondent without a person code is the pair’s role', () => {
    const s = feedbackStats([
      { pairId: 'ПА-1', role: 'наставник', form: PEER, date: null, satisfaction: 4, quality: 4, impact: 4 },
      { pairId: 'ПА-1', role: 'наставник', form: PEER, date: null, satisfaction: 10, quality: 10, impact: 10 },
    ]);
    const g = group(s.groups, 'pair', 'ПА-1', 'наставник');
    expect(g.respondents).toBe(1);
    expect(g.satisfaction).toMatchObject({ respondents: 1, satisfied: 0, meanShare: { ok: true, value: 0.7 } });
  });
});

describe('entry and exit diagnostics', () => {
  const d = (personId: string, pairId: string, phase: string, itemCode: string, v: DiagnosticRow['value'], role = 'наставляемый'): DiagnosticRow => ({
    personId,
    pairId,
    role,
    form: PEER,
    phase,
    itemCode,
    value: v,
  });
  const rows: DiagnosticRow[] = [
    d('НЯ-1', 'ПА-1', 'входная', 'satisfaction', 5),
    d('НЯ-1', 'ПА-1', 'входная', 'comfort', 6),
    d('НЯ-1', 'ПА-1', 'итоговая', 'satisfaction', 9),
    d('НЯ-1', 'ПА-1', 'итоговая', 'comfort', 8),
    d('НЯ-2', 'ПА-2', 'входная', 'satisfaction', 7),
    d('НЯ-2', 'ПА-2', 'итоговая', 'satisfaction', 6),
    d('НЯ-3', 'ПА-3', 'входная', 'satisfaction', 4),
    d('НЯ-1', 'ПА-1', 'итоговая', 'liked', 'да'),
    d('НЯ-2', 'ПА-2', 'итоговая', 'comfort', 0),
    d('НЯ-2', 'ПА-2', 'промежуточная', 'comfort', 5),
    d('НЯ-1', 'ПА-1', 'итоговая', 'ownQuestion', 7),
  ];
  const stats = diagnosticsStats(rows);

  test('means per phase, the satisfaction item giving the satisfaction level', () => {
    const entry = group(stats.groups, 'all', 'все', 'наставляемый', 'входная');
    expect(item(entry, 'satisfaction').n).toBe(3);
    expect(value(item(entry, 'satisfaction').mean)).toBeCloseTo(16 / 3, 10);
    expect(value(item(entry, 'satisfaction').median)).toBe(5);
    expect(entry.satisfaction).toMatchObject({ respondents: 3, satisfied: 0, share: { ok: true, value: 0 } });
    const exit = group(stats.groups, 'all', 'все', 'наставляемый', 'итоговая');
    expect(exit.satisfaction).toMatchObject({ respondents: 2, satisfied: 1, share: { ok: true, value: 0.5 }, meanShare: { ok: true, value: 0.75 } });
    // The bank's order first, then an item the curator added.
    expect(exit.items.map((i) => i.code)).toEqual(['comfort', 'satisfaction', 'ownQuestion']);
  });

  test('Δ = exit − entry only for people with both phases, per item and over all items', () => {
    const all = stats.deltas.filter((x) => x.scope === 'all' && x.role === 'наставляемый');
    const sat = all.find((x) => x.code === 'satisfaction');
    // НЯ-1: 5 → 9 (+4), НЯ-2: 7 → 6 (−1); НЯ-3 has no exit and is left out.
    expect(sat).toMatchObject({ n: 2, entry: { ok: true, value: 6 }, exit: { ok: true, value: 7.5 }, delta: { ok: true, value: 1.5 } });
    expect(deltaText(sat?.delta ?? { ok: false, reason: '' })).toBe('+1,5');
    expect(all.find((x) => x.code === 'comfort')).toMatchObject({ n: 1, delta: { ok: true, value: 2 } });
    const overall = all.find((x) => x.code === ALL_ITEMS);
    expect(overall?.n).toBe(2);
    expect(value(overall?.delta ?? { ok: false })).toBeCloseTo((4 - 1 + 2) / 3, 10);
    expect(all.some((x) => x.code === 'ownQuestion')).toBe(false);
  });

  test('a pair with the entry only says why there is no Δ', () => {
    const p3 = stats.deltas.filter((x) => x.scope === 'pair' && x.key === 'ПА-3');
    expect(p3).toHaveLength(1);
    expect(p3[0]).toMatchObject({ code: 'satisfaction', n: 0, delta: { ok: false, reason: 'нет данных: итоговой диагностики ещё не было' } });
    const p2 = stats.deltas.filter((x) => x.scope === 'pair' && x.key === 'ПА-2');
    expect(p2.find((x) => x.code === ALL_ITEMS)).toMatchObject({ n: 1, delta: { ok: true, value: -1 } });
    expect(deltaText(p3[0].delta)).toBe('нет данных: итоговой диагностики ещё не было');
  });

  test('yes/no answers are left out; a rating outside 1–10 and an unknown phase are rejected', () => {
    expect(stats.skipped).toBe(1);
    expect(stats.rejected).toEqual([
      { source: 'Диагностика', index: 8, field: 'Значение', reason: 'оценка 0 вне шкалы 1–10; ответ не учтён' },
      { source: 'Диагностика', index: 9, field: 'Этап', reason: expect.stringContaining('входная') },
    ]);
  });

  test('mentors are summarised apart from mentees', () => {
    const s = diagnosticsStats([d('НК-1', 'ПА-1', 'входная', 'engagement', 9, 'наставник'), d('НК-1', 'ПА-1', 'итоговая', 'engagement', 6, 'наставник')]);
    expect(s.groups.every((g) => g.role === 'наставник')).toBe(true);
    const delta = s.deltas.find((x) => x.scope === 'all' && x.code === 'engagement');
    expect(delta).toMatchObject({ label: 'Включённость наставляемого', delta: { ok: true, value: -3 } });
    // No satisfaction item answered: the level says so instead of 0 %.
    expect(s.groups[0].satisfaction.share.ok).toBe(false);
  });
});

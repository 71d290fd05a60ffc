import { BLOCK_TEXT, type Block, type DiagnosticRow, type FeedbackRow, blockGrid, diagnosticsStats, feedbackStats, monitoringBlocks, placeable } from '../../../src/core/monitoring';
import { expectAllFinite } from './helpers';

const PEER = 'ученик – ученик';
const TEACHERS = 'педагог – педагог';
const NAME = 'Иванова Мария Петровна';

function fb(
  pairId: string,
  role: string,
  personId: string,
  form: string,
  satisfaction: FeedbackRow['satisfaction'],
  quality: FeedbackRow['quality'] = 7,
  impact: FeedbackRow['impact'] = 7,
): FeedbackRow {
  return { pairId, role, personId, form, date: { year: 2026, month: 11, day: 10 }, satisfaction, quality, impact };
}
function dg(personId: string, pairId: string, role: string, form: string, phase: string, itemCode: string, value: DiagnosticRow['value']): DiagnosticRow {
  return { personId, pairId, role, form, phase, itemCode, value };
}

/** Two pairs: ПР-1 (педагог – педагог) and ПР-2 (ученик – ученик); hostile answers among them. */
function build() {
  const feedbackIn: FeedbackRow[] = [
    fb('ПР-1', 'наставник', 'Н-1', TEACHERS, 9, 8, 10),
    fb('ПР-1', 'наставник', 'Н-1', TEACHERS, 8, 6, 8), // the same mentor again: one person, mean 8,5
    fb('ПР-1', 'наставляемый', 'У-1', TEACHERS, 6, 'Иванова', 11), // quality is text, impact off the scale
    fb('ПР-2', 'наставник', 'Н-2', PEER, 7),
    fb(NAME, 'наставник', 'Н-3', PEER, 10), // a pair that does not exist: left out, never a label
  ];
  const diagnosticsIn: DiagnosticRow[] = [
    dg('У-1', 'ПР-1', 'наставляемый', TEACHERS, 'входная', 'satisfaction', 5),
    dg('У-1', 'ПР-1', 'наставляемый', TEACHERS, 'итоговая', 'satisfaction', 8),
    dg('У-1', 'ПР-1', 'наставляемый', TEACHERS, 'входная', 'effectiveness', 6),
    dg('У-1', 'ПР-1', 'наставляемый', TEACHERS, 'итоговая', 'effectiveness', 7),
    dg('У-1', 'ПР-1', 'наставляемый', TEACHERS, 'итоговая', 'comfort', 'очень'), // text: counted, left out
    dg('У-2', 'ПР-2', 'наставляемый', PEER, 'итоговая', 'satisfaction', 9), // exit only
    dg('Н-1', 'ПР-1', 'наставник', TEACHERS, 'входная', 'satisfaction', 7), // entry only
    dg('У-1', 'ПР-1', 'наставляемый', TEACHERS, 'входная', NAME, 5), // an unknown item code: never a label
  ];
  const pairs = new Set(['ПР-1', 'ПР-2']);
  const f = placeable(feedbackIn, pairs, 'Обратная связь');
  const d = placeable(diagnosticsIn, pairs, 'Диагностика');
  const fStats = feedbackStats(f.rows, { threshold: 8 });
  const dStats = diagnosticsStats(d.rows, { threshold: 8 });
  const blocks = monitoringBlocks({ feedback: f.rows, feedbackStats: fStats, diagnostics: d.rows, diagnosticsStats: dStats, forms: [PEER, TEACHERS], pairs: ['ПР-1', 'ПР-2'], thresholdText: '8' });
  return { f, d, blocks };
}

const block = (blocks: Block[], key: string) => blocks.find((b) => b.key === key)!;
const row = (b: Block, label: string) => {
  const r = b.rows.find((x) => x[0] === label);
  if (!r) throw new Error(`no row ${label} in ${b.key}: ${JSON.stringify(b.rows.map((x) => x[0]))}`);
  return r;
};

describe('monitoring tables per form, role and pair', () => {
  test('answers naming an unknown pair or item are left out with a reason that does not quote them', () => {
    const { f, d } = build();
    expect(f.rejected).toEqual([{ source: 'Обратная связь', index: 4, field: 'Пара / группа', reason: BLOCK_TEXT.unknownPair }]);
    expect(d.rejected).toEqual([{ source: 'Диагностика', index: 7, field: 'Код вопроса', reason: BLOCK_TEXT.unknownItem }]);
    expect(f.index).toEqual([0, 1, 2, 3]);
  });

  test('feedback by form and role: share at the threshold, means with n, rejected ratings counted; charted rows first', () => {
    const { blocks } = build();
    const b = block(blocks, 'feedbackByForm');
    expect(b.title).toBe('Обратная связь по формам наставничества и ролям (удовлетворены — оценка 8 и выше из 10)');
    // Mentor Н-1: (9 + 8) / 2 = 8,5 ≥ 8 → satisfied; quality (8 + 6) / 2 = 7; impact (10 + 8) / 2 = 9; two answers.
    expect(row(b, `${TEACHERS}, наставники`)).toEqual([`${TEACHERS}, наставники`, 100, 8.5, 7, 9, 1, 'удовлетворены 1 из 1; ответов: 2']);
    // Mentee У-1: 6 < 8; quality and impact were not ratings.
    expect(row(b, `${TEACHERS}, наставляемые`)).toEqual([
      `${TEACHERS}, наставляемые`,
      0,
      6,
      'нет ответов',
      'нет ответов',
      1,
      'удовлетворены 0 из 1; ответов: 1; не учтено 2 оценки (вне шкалы 1–10 или текст)',
    ]);
    // Whole programme, mentors: Н-1 8,5 and Н-2 7 → one of two satisfied, mean 7,75.
    expect(row(b, 'все формы, наставники').slice(0, 3)).toEqual(['все формы, наставники', 50, 7.75]);
    // ученик – ученик has no mentee answers: said in words, and the row is after the charted ones.
    const none = row(b, `${PEER}, наставляемые`);
    expect(none.slice(1, 5)).toEqual(['нет ответов', 'нет ответов', 'нет ответов', 'нет ответов']);
    expect(b.chart).toMatchObject({ type: 'BAR', columns: [0, 1], title: BLOCK_TEXT.chartShare });
    const charted = b.rows.slice(0, b.chart!.rows);
    expect(charted.every((r) => typeof r[1] === 'number')).toBe(true);
    expect(b.rows.slice(b.chart!.rows).every((r) => typeof r[1] === 'string')).toBe(true);
  });

  test('diagnostics by item: entry, exit and Δ over the people with both, with n; one phase only says which is missing', () => {
    const { blocks } = build();
    const b = block(blocks, 'diagnosticsByItem');
    // У-1 is the only mentee with both phases: satisfaction 5 → 8 (+3), effectiveness 6 → 7 (+1).
    expect(row(b, 'наставляемые: Удовлетворённость совместной работой').slice(0, 5)).toEqual(['наставляемые: Удовлетворённость совместной работой', 5, 8, 3, 1]);
    expect(row(b, 'наставляемые: Удовлетворённость совместной работой')[5]).toBe('входную заполнили: 1, итоговую: 2; сравниваются только прошедшие обе');
    expect(row(b, 'наставляемые: все вопросы шкалы 1–10')[5]).toBe('не учтено 1 оценка (вне шкалы 1–10 или текст)');
    expect(row(b, 'наставляемые: Эффективность программы').slice(1, 5)).toEqual([6, 7, 1, 1]);
    expect(row(b, 'наставляемые: все вопросы шкалы 1–10').slice(1, 5)).toEqual([5.5, 7.5, 2, 1]);
    expect(row(b, 'наставники: Удовлетворение от совместной работы').slice(1, 5)).toEqual(['нет итоговой анкеты', 'нет итоговой анкеты', 'нет итоговой анкеты', 0]);
    expect(b.chart).toMatchObject({ type: 'COLUMN', columns: [0, 1, 2], rows: 3 });
  });

  test('diagnostics per form and per pair: the pair row says what is compared', () => {
    const { blocks } = build();
    const form = block(blocks, 'diagnosticsByForm');
    expect(row(form, `${TEACHERS}, наставляемые`).slice(1, 5)).toEqual([5.5, 7.5, 2, 1]);
    expect(row(form, `${PEER}, наставляемые`).slice(1, 5)).toEqual(['нет входной анкеты', 'нет входной анкеты', 'нет входной анкеты', 0]);
    const pair = block(blocks, 'diagnosticsByPair');
    expect(row(pair, 'ПР-1, наставляемые')).toEqual(['ПР-1, наставляемые', 5, 8, 3, 1, 'вопрос «Удовлетворённость совместной работой»; не учтено 1 оценка (вне шкалы 1–10 или текст)']);
    expect(row(pair, 'ПР-1, наставники').slice(1, 6)).toEqual(['нет итоговой анкеты', 'нет итоговой анкеты', 'нет итоговой анкеты', 0, BLOCK_TEXT.pairAll]);
  });

  test('feedback per pair; nothing is NaN, nothing names a person; the grid is as wide as asked', () => {
    const { blocks } = build();
    const pair = block(blocks, 'feedbackByPair');
    expect(row(pair, 'ПР-2, наставники').slice(0, 3)).toEqual(['ПР-2, наставники', 0, 7]);
    expectAllFinite(blocks);
    const text = JSON.stringify(blocks);
    expect(text).not.toContain('Иванова');
    const { grid, starts } = blockGrid(blocks, 7);
    expect(grid.every((r) => r.length === 7)).toBe(true);
    expect(starts.map((s) => s.key)).toEqual(['feedbackByForm', 'diagnosticsByItem', 'diagnosticsByForm', 'feedbackByPair', 'diagnosticsByPair']);
    expect(grid[starts[1].title][0]).toBe(BLOCK_TEXT.diagnosticsByItem);
  });

  test('without any answers every table says «нет ответов» and nothing is charted', () => {
    const blocks = monitoringBlocks({
      feedback: [],
      feedbackStats: feedbackStats([]),
      diagnostics: [],
      diagnosticsStats: diagnosticsStats([]),
      forms: [PEER],
      pairs: ['ПР-1'],
      thresholdText: '8',
    });
    expect(blocks.filter((b) => b.chart)).toEqual([]);
    // The whole-programme rows are there, in words.
    expect(row(block(blocks, 'feedbackByForm'), 'все формы, наставники').slice(1, 6)).toEqual(['нет ответов', 'нет ответов', 'нет ответов', 'нет ответов', 0]);
    for (const key of ['diagnosticsByItem', 'diagnosticsByForm', 'feedbackByPair', 'diagnosticsByPair']) expect(block(blocks, key).rows[0][0]).toBe('нет ответов');
    expectAllFinite(blocks);
  });
});

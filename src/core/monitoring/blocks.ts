/**
 * The detailed monitoring tables of «Мониторинг» (issue 10, item 4): feedback and diagnostics per
 * form of mentoring, per pair and per role, each a small titled table with column headings, and the
 * two charts drawn from them. Pure: the server writes the cells and places the charts.
 *
 * A figure is a number when it is computed and the reason in words when not, never NaN or an
 * empty cell. Rows whose figure is charted come first in their table, so a chart's range is the
 * heading plus one contiguous run of rows with numbers only (text in a series would break it).
 * Labels are forms, roles, item labels and pair IDs: no person's name can reach a label, since
 * answers naming an unknown pair or an unknown item are left out before anything is computed.
 */
import { plural } from '../language';
import { MONITORING_ITEMS, type MonitoringItem, satisfactionCode } from './items';
import { ALL_ITEMS, ALL_KEY, type DeltaStat, type DiagnosticsStats, type FeedbackStats, type GroupStats, SOURCE_DIAGNOSTICS, SOURCE_FEEDBACK, type Scope, readRole } from './stats';
import { type DiagnosticRow, type FeedbackRow, type Figure, ROLES, type Rejection, type Role } from './types';

export type BlockCell = string | number;

export interface ChartSpec {
  /** The chart's title: also how a re-run finds the chart it made before. */
  title: string;
  type: 'BAR' | 'COLUMN';
  /** Columns of the table the chart reads (0-based): the first is the labels. */
  columns: number[];
  /** Data rows charted (from the first): they hold numbers in every charted column. */
  rows: number;
  /** Axis or series hints (Sheets chart options). */
  options: Record<string, unknown>;
}

export interface Block {
  key: string;
  title: string;
  header: string[];
  rows: BlockCell[][];
  chart?: ChartSpec;
}

export const BLOCK_TEXT = {
  role: (role: Role) => (role === 'наставник' ? 'наставники' : 'наставляемые'),
  allForms: 'все формы',
  feedbackByForm: (threshold: string) => `Обратная связь по формам наставничества и ролям (удовлетворены — оценка ${threshold} и выше из 10)`,
  feedbackByPair: (threshold: string) => `Обратная связь по парам и группам (удовлетворены — оценка ${threshold} и выше из 10)`,
  feedbackHeader: (label: string) => [label, 'Доля удовлетворённых, %', 'Удовлетворённость, средний балл', 'Качество, средний балл', 'Польза, средний балл', 'Ответивших (n)', 'Примечание'],
  diagnosticsByItem: 'Диагностика по вопросам, все пары: средний балл во входной и итоговой анкете',
  diagnosticsByForm: 'Диагностика по формам наставничества: среднее изменение по всем вопросам шкалы 1–10',
  diagnosticsByPair: 'Диагностика по парам и группам: изменение (итоговая − входная)',
  deltaHeader: (label: string, last: string) => [label, 'Входная, средний балл', 'Итоговая, средний балл', 'Изменение (итоговая − входная)', 'Прошли обе анкеты (n)', last],
  allItems: 'все вопросы шкалы 1–10',
  noAnswers: 'нет ответов',
  noSatisfaction: 'нет ответов на вопрос об удовлетворённости',
  noEntry: 'нет входной анкеты',
  noExit: 'нет итоговой анкеты',
  noBoth: 'нет участников, ответивших и во входной, и в итоговой анкете',
  answers: (n: number) => `ответов: ${n}`,
  satisfied: (k: number, n: number) => `удовлетворены ${k} из ${n}`,
  rejected: (n: number) => `не учтено ${plural(n, ['оценка', 'оценки', 'оценок'])} (вне шкалы 1–10 или текст)`,
  filledIn: (entry: number, exit: number) => `входную заполнили: ${entry}, итоговую: ${exit}; сравниваются только прошедшие обе`,
  pairSatisfaction: (label: string) => `вопрос «${label}»`,
  pairAll: 'среднее по всем вопросам шкалы 1–10 (вопрос об удовлетворённости есть не в обеих анкетах)',
  chartShare: 'Доля удовлетворённых по формам и ролям, %',
  chartDiagnostics: 'Входная и итоговая диагностика по вопросам, средний балл',
  unknownPair: 'такой пары или группы нет на листе «Пары и группы»; ответ не учтён',
  unknownItem: 'такого кода вопроса нет в анкетах; ответ не учтён',
  mainDelta: (group: string) => `Диагностика, ${group}: изменение по всем вопросам шкалы 1–10 (итоговая − входная)`,
  mainDeltaComment: (n: number) => `прошли и входную, и итоговую анкету: ${plural(n, ['участник', 'участника', 'участников'])} (n = ${n}); по вопросам, формам и парам — таблицы справа`,
  mainNoDiagnostics: (group: string) => `нет данных: ${group} ещё не прошли диагностику`,
  mainRejected: 'Диагностика: ответы не учтены',
  summaryRejected: (n: number) => `Ответов диагностики не учтено: ${n} — см. строку «Диагностика: ответы не учтены».`,
} as const;

/** Chart titles the server looks its charts up by. */
export const CHART_TITLES = [BLOCK_TEXT.chartShare, BLOCK_TEXT.chartDiagnostics] as const;

const round = (v: number) => Math.round(v * 100) / 100;
const num = (f: Figure, reason: string): BlockCell => (f.ok ? round(f.value) : reason);
const pct = (f: Figure, reason: string): BlockCell => (f.ok ? round(f.value * 100) : reason);

// ---- Answers that cannot be placed --------------------------------------------------------------

/**
 * Leaves out answers naming a pair that does not exist, and diagnostic answers to an item code the
 * bank does not know: their text could be anything, a name included, and would otherwise become a
 * row label. Indices in `rejected` are those of the input.
 */
export function placeable<T extends FeedbackRow | DiagnosticRow>(
  rows: readonly T[],
  pairIds: ReadonlySet<string>,
  source: typeof SOURCE_FEEDBACK | typeof SOURCE_DIAGNOSTICS,
  bank: Readonly<Record<Role, readonly MonitoringItem[]>> = MONITORING_ITEMS,
): { rows: T[]; index: number[]; rejected: Rejection[] } {
  const out: T[] = [];
  const index: number[] = [];
  const rejected: Rejection[] = [];
  rows.forEach((row, i) => {
    const pair = String(row.pairId ?? '').trim();
    if (pair && !pairIds.has(pair)) {
      rejected.push({ source, index: i, field: 'Пара / группа', reason: BLOCK_TEXT.unknownPair });
      return;
    }
    if ('itemCode' in row) {
      const role = readRole(row.role);
      const code = String(row.itemCode ?? '').trim();
      if (role && code && !bank[role].some((item) => item.code === code)) {
        rejected.push({ source, index: i, field: 'Код вопроса', reason: BLOCK_TEXT.unknownItem });
        return;
      }
    }
    out.push(row);
    index.push(i);
  });
  return { rows: out, index, rejected };
}

/** Rejected ratings per group (scope, key, role), for the tables' notes. */
function rejectedByGroup(rows: readonly (FeedbackRow | DiagnosticRow)[], rejected: readonly Rejection[], formOf: (row: FeedbackRow | DiagnosticRow) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rejected) {
    const row = rows[r.index];
    const role = row && readRole(row.role);
    if (!row || !role) continue;
    for (const [scope, key] of [
      ['all', ALL_KEY],
      ['form', formOf(row)],
      ['pair', String(row.pairId ?? '').trim()],
    ])
      out.set(`${scope}|${key}|${role}`, (out.get(`${scope}|${key}|${role}`) ?? 0) + 1);
  }
  return out;
}

// ---- Feedback -----------------------------------------------------------------------------------

function feedbackLine(label: string, g: GroupStats | undefined, rejected: number): { line: BlockCell[]; charted: boolean } {
  const item = (code: string) => g?.items.find((i) => i.code === code);
  const mean = (code: string) => {
    const s = item(code);
    return s ? num(s.mean, BLOCK_TEXT.noAnswers) : BLOCK_TEXT.noAnswers;
  };
  const level = g?.satisfaction;
  const notes = [
    level && level.respondents ? BLOCK_TEXT.satisfied(level.satisfied, level.respondents) : '',
    g ? BLOCK_TEXT.answers(Math.max(0, ...g.items.map((i) => i.answers))) : '',
    rejected ? BLOCK_TEXT.rejected(rejected) : '',
  ]
    .filter(Boolean)
    .join('; ');
  const share = level ? pct(level.share, BLOCK_TEXT.noSatisfaction) : BLOCK_TEXT.noAnswers;
  return {
    line: [label, share, mean('satisfaction'), mean('quality'), mean('impact'), g?.respondents ?? 0, notes],
    charted: typeof share === 'number',
  };
}

/** Computed rows first (in their order), then the rest: a chart reads one contiguous run. */
function chartedFirst(lines: Array<{ line: BlockCell[]; charted: boolean }>): { rows: BlockCell[][]; charted: number } {
  const yes = lines.filter((l) => l.charted).map((l) => l.line);
  const no = lines.filter((l) => !l.charted).map((l) => l.line);
  return { rows: [...yes, ...no], charted: yes.length };
}

export interface BlockInput {
  feedback: readonly FeedbackRow[];
  feedbackStats: FeedbackStats;
  diagnostics: readonly DiagnosticRow[];
  diagnosticsStats: DiagnosticsStats;
  /** Forms of mentoring in the order the programme lists them; forms seen in answers follow. */
  forms: readonly string[];
  /** Approved pairs and groups by ID, in sheet order. */
  pairs: readonly string[];
  thresholdText: string;
  bank?: Readonly<Record<Role, readonly MonitoringItem[]>>;
}

function keysOf(scope: Scope, known: readonly string[], stats: readonly { scope: Scope; key: string }[]): string[] {
  const seen = new Set(stats.filter((s) => s.scope === scope).map((s) => s.key));
  const knownSet = new Set(known);
  return [...known.filter((k) => seen.has(k)), ...[...seen].filter((k) => !knownSet.has(k)).sort()];
}

/** Rows by scope, key and role, looked up once each: a district's thousands of pairs stay linear. */
function indexBy<T extends { scope: Scope; key: string; role: Role }>(rows: readonly T[]): (scope: Scope, key: string, role: Role) => readonly T[] {
  const index = new Map<string, T[]>();
  for (const r of rows) {
    const k = `${r.scope}|${r.key}|${r.role}`;
    const own = index.get(k);
    if (own) own.push(r);
    else index.set(k, [r]);
  }
  return (scope, key, role) => index.get(`${scope}|${key}|${role}`) ?? [];
}

function feedbackBlocks(input: BlockInput): Block[] {
  const { feedbackStats: stats } = input;
  const formOf = (row: FeedbackRow | DiagnosticRow) => String(row.form ?? '').trim() || 'форма не указана';
  const rejected = rejectedByGroup(input.feedback, stats.rejected, formOf);
  const groups = indexBy(stats.groups);
  const find = (scope: Scope, key: string, role: Role) => groups(scope, key, role)[0];
  const lines = (scope: Scope, keys: readonly string[], name: (key: string) => string) =>
    keys.flatMap((key) => ROLES.map((role) => feedbackLine(`${name(key)}, ${BLOCK_TEXT.role(role)}`, find(scope, key, role), rejected.get(`${scope}|${key}|${role}`) ?? 0)));

  const byForm = chartedFirst([...lines('all', [ALL_KEY], () => BLOCK_TEXT.allForms), ...lines('form', keysOf('form', input.forms, stats.groups), (k) => k)]);
  const byPair = [...lines('pair', keysOf('pair', input.pairs, stats.groups), (k) => k)].map((l) => l.line);
  return [
    {
      key: 'feedbackByForm',
      title: BLOCK_TEXT.feedbackByForm(input.thresholdText),
      header: BLOCK_TEXT.feedbackHeader('Форма наставничества и роль'),
      rows: byForm.rows,
      ...(byForm.charted
        ? { chart: { title: BLOCK_TEXT.chartShare, type: 'BAR' as const, columns: [0, 1], rows: byForm.charted, options: { legend: 'none', 'hAxis.minValue': 0, 'hAxis.maxValue': 100 } } }
        : {}),
    },
    { key: 'feedbackByPair', title: BLOCK_TEXT.feedbackByPair(input.thresholdText), header: BLOCK_TEXT.feedbackHeader('Пара / группа и роль'), rows: byPair },
  ];
}

// ---- Diagnostics ----------------------------------------------------------------------------------

/** A Δ reason in the brief's short words. */
function shortReason(d: DeltaStat): string {
  const r = d.delta.ok ? '' : d.delta.reason;
  if (/входной/.test(r) && !/итоговой/.test(r)) return BLOCK_TEXT.noEntry;
  if (/итоговой диагностики ещё не было/.test(r)) return BLOCK_TEXT.noExit;
  return BLOCK_TEXT.noBoth;
}

function deltaLine(label: string, d: DeltaStat | undefined, last: string, fallback = BLOCK_TEXT.noAnswers): { line: BlockCell[]; charted: boolean } {
  if (!d) return { line: [label, fallback, fallback, fallback, 0, last], charted: false };
  const why = shortReason(d);
  const cells = [num(d.entry, why), num(d.exit, why), num(d.delta, why)];
  return { line: [label, ...cells, d.n, last], charted: cells.every((c) => typeof c === 'number') };
}

function diagnosticsBlocks(input: BlockInput): Block[] {
  const bank = input.bank ?? MONITORING_ITEMS;
  const stats = input.diagnosticsStats;
  const formOf = (row: FeedbackRow | DiagnosticRow) => String(row.form ?? '').trim() || 'форма не указана';
  const rejected = rejectedByGroup(input.diagnostics, stats.rejected, formOf);
  const note = (scope: Scope, key: string, role: Role, text: string) => {
    const k = rejected.get(`${scope}|${key}|${role}`) ?? 0;
    return [text, k ? BLOCK_TEXT.rejected(k) : ''].filter(Boolean).join('; ');
  };
  const filled = (role: Role, code: string) => {
    const n = (phase: string) => stats.groups.find((g) => g.scope === 'all' && g.role === role && g.phase === phase)?.items.find((i) => i.code === code)?.n ?? 0;
    return BLOCK_TEXT.filledIn(n('входная'), n('итоговая'));
  };

  // By item, the whole programme.
  const items = stats.deltas
    .filter((d) => d.scope === 'all')
    // Answers left out are counted on the role's «все вопросы» row: a rejected cell names no item.
    .map((d) => deltaLine(`${BLOCK_TEXT.role(d.role)}: ${d.code === ALL_ITEMS ? BLOCK_TEXT.allItems : d.label}`, d, d.code === ALL_ITEMS ? note('all', ALL_KEY, d.role, '') : filled(d.role, d.code)));
  const byItem = chartedFirst(items);

  // By form: the mean Δ over all scale items; a form with one phase only says which is missing.
  const groupKeys = (scope: Scope, known: readonly string[]) => keysOf(scope, known, stats.deltas);
  const deltas = indexBy(stats.deltas);
  const overall = (scope: Scope, key: string, role: Role) => {
    const own = deltas(scope, key, role);
    return own.find((d) => d.code === ALL_ITEMS) ?? own[0];
  };
  const byForm = groupKeys('form', input.forms).flatMap((form) =>
    ROLES.filter((role) => deltas('form', form, role).length > 0).map((role) => deltaLine(`${form}, ${BLOCK_TEXT.role(role)}`, overall('form', form, role), note('form', form, role, '')).line),
  );

  // By pair: the satisfaction item when both phases have it, else the mean over all scale items.
  const byPair = groupKeys('pair', input.pairs).flatMap((pair) =>
    ROLES.filter((role) => deltas('pair', pair, role).length > 0).map((role) => {
      const code = satisfactionCode(role, bank);
      const sat = deltas('pair', pair, role).find((d) => d.code === code && d.delta.ok);
      const d = sat ?? overall('pair', pair, role);
      const what = sat ? BLOCK_TEXT.pairSatisfaction(sat.label) : BLOCK_TEXT.pairAll;
      return deltaLine(`${pair}, ${BLOCK_TEXT.role(role)}`, d, note('pair', pair, role, what)).line;
    }),
  );

  return [
    {
      key: 'diagnosticsByItem',
      title: BLOCK_TEXT.diagnosticsByItem,
      header: BLOCK_TEXT.deltaHeader('Роль и вопрос', 'Примечание'),
      rows: byItem.rows,
      ...(byItem.charted
        ? { chart: { title: BLOCK_TEXT.chartDiagnostics, type: 'COLUMN' as const, columns: [0, 1, 2], rows: byItem.charted, options: { 'vAxis.minValue': 0, 'vAxis.maxValue': 10 } } }
        : {}),
    },
    { key: 'diagnosticsByForm', title: BLOCK_TEXT.diagnosticsByForm, header: BLOCK_TEXT.deltaHeader('Форма наставничества и роль', 'Примечание'), rows: byForm },
    { key: 'diagnosticsByPair', title: BLOCK_TEXT.diagnosticsByPair, header: BLOCK_TEXT.deltaHeader('Пара / группа и роль', 'Что сравнивается'), rows: byPair },
  ];
}

/**
 * The tables in reading order: the two charted ones first (their charts sit beside them), then
 * diagnostics by form, then the long per-pair tables. A table without rows keeps one row saying so.
 */
export function monitoringBlocks(input: BlockInput): Block[] {
  const [fbForm, fbPair] = feedbackBlocks(input);
  const [dgItem, dgForm, dgPair] = diagnosticsBlocks(input);
  return [fbForm, dgItem, dgForm, fbPair, dgPair].map((b) => (b.rows.length ? b : { ...b, rows: [[BLOCK_TEXT.noAnswers, ...b.header.slice(1).map(() => '')]] }));
}

/** The blocks as one grid, `width` cells wide: title, heading, rows, a blank line between tables. */
export function blockGrid(blocks: readonly Block[], width: number): { grid: BlockCell[][]; starts: Array<{ key: string; title: number; header: number }> } {
  const grid: BlockCell[][] = [];
  const starts: Array<{ key: string; title: number; header: number }> = [];
  const pad = (line: readonly BlockCell[]) => [...line, ...Array.from({ length: Math.max(0, width - line.length) }, () => '')].slice(0, width);
  for (const b of blocks) {
    if (grid.length) grid.push(pad([]));
    starts.push({ key: b.key, title: grid.length, header: grid.length + 1 });
    grid.push(pad([b.title]));
    grid.push(pad(b.header));
    for (const r of b.rows) grid.push(pad(r));
  }
  return { grid, starts };
}

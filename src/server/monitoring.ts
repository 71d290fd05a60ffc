/**
 * «Обновить мониторинг»: the pace of the pairs (6.1), the monthly feedback (6.2) and the Р-145
 * indicators (7.3) recomputed from the sheets and upserted on «Мониторинг» by (Этап, Показатель).
 * It only reads and recomputes, then writes once: a re-run after a failure anywhere ends the same.
 * Rows name pairs by ID only; the denominators the curator types are read, never written.
 */
import { CONSENT } from '../core/intake/consent';
import { type Day, pairUnits } from '../core/intake/meetings';
import { BaseTable, type Cell, normalizeName } from '../core/intake/table';
import { isDateCell, readCalendarDate } from '../core/documents/cell-date';
import { numericDate } from '../core/documents/dates';
import { decimal } from '../core/language';
import {
  ALL_ITEMS,
  BLOCK_TEXT,
  type Rejection,
  SOURCE_DIAGNOSTICS,
  SOURCE_FEEDBACK,
  monitoringBlocks,
  placeable,
  type CadenceInput,
  type CalendarDate,
  type CellValue,
  DENOMINATORS,
  type DenominatorKey,
  type DiagnosticRow,
  FEEDBACK_ITEMS,
  type FeedbackRow,
  type PairRecord,
  type PersonRecord,
  ROLES,
  type SatisfactionAnswer,
  checkCadences,
  compareDates,
  deltaText,
  diagnosticsStats,
  feedbackStats,
  figureText,
  lastReportingDate,
  r145Indicators,
  readDenominator,
} from '../core/monitoring';
import { RU } from '../core/strings';
import { placeCharts, writeBlocks } from './monitoring-charts';
import { runAction } from './curator';
import { withRoadmap } from './roadmap';
import { fromSidebar } from './matching';
import { dayOfIn, orderDayOf, signedDays } from './import';
import { loadSettings } from './settings';
import { type LoadedTable, loadTable, saveTable } from './tables';

const STAGE_MEETINGS = '6.1';
const STAGE_FEEDBACK = '6.2';
const STAGE_INDICATORS = '7.3';
/** Entry diagnostics of mentees (2.3) and mentors (3.4), compared with the exit ones. */
const STAGE_DIAGNOSTICS = '2.3/3.4';
/** At most this many rejected ratings are listed in one comment; the count says how many in all. */
const LISTED = 20;

export interface MonitoringResult {
  message: string;
  /** Pairs and groups behind the programme's pace. */
  behind: number;
  /** Rows of pairs needing attention, by ID. */
  attention: string[];
  /** Р-145 indicators with a value on the last reporting date. */
  computed: number;
  /** Denominators not entered yet for that date. */
  missingDenominators: number;
  invalidDenominators: number;
  /** Feedback ratings left out (outside 1–10, text, an unknown pair). */
  rejected: number;
  /** Diagnostic answers left out (outside 1–10, text, an unknown pair or item). */
  rejectedDiagnostics: number;
}

const text = (t: BaseTable, i: number, key: string) => String(t.get(i, key) ?? '').trim();
const CONSENTED: readonly string[] = [CONSENT.valid, CONSENT.validNoPublication];

/** A cell for the computations: a date where a rating or a count belongs is text there (rejected, not averaged). */
function valueOf(cell: unknown): CellValue {
  if (isDateCell(cell)) return 'дата';
  return typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean' ? cell : null;
}

/** A cell as a number, or null (empty, text, anything else). */
function numberOf(cell: Cell | undefined): number | null {
  if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
  const s = String(cell ?? '').trim();
  if (!s) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/**
 * «Мониторинг» keyed by (Этап, Показатель). Rows nobody wants any more are emptied and their
 * places reused by new rows, so the sheet neither grows stale nor fills with gaps.
 */
class MonitoringRows {
  private readonly byKey = new Map<string, number>();
  private readonly free: number[] = [];
  constructor(
    private readonly t: BaseTable,
    private readonly now: Date,
  ) {
    t.rows.forEach((_r, i) => {
      const stage = text(t, i, 'stage');
      const indicator = text(t, i, 'indicator');
      if (stage || indicator) this.byKey.set(MonitoringRows.key(stage, indicator), i);
      else if (['value', 'date', 'comment'].every((k) => text(t, i, k) === '')) this.free.push(i);
    });
  }

  private static key(stage: string, indicator: string): string {
    return `${stage}\u0000${normalizeName(indicator)}`;
  }

  find(stage: string, indicator: string): number | undefined {
    return this.byKey.get(MonitoringRows.key(stage, indicator));
  }

  value(row: number): Cell {
    return this.t.get(row, 'value') as Cell;
  }

  /** Rows of a stage whose Показатель starts with `prefix`, by their Показатель. */
  withPrefix(stage: string, prefix: string): Array<{ row: number; indicator: string }> {
    const out: Array<{ row: number; indicator: string }> = [];
    this.t.rows.forEach((_r, i) => {
      const indicator = text(this.t, i, 'indicator');
      if (text(this.t, i, 'stage') === stage && indicator.startsWith(prefix)) out.push({ row: i, indicator });
    });
    return out;
  }

  /** The row for the key, made (in a free place or at the end) when there is none. */
  private ensure(stage: string, indicator: string): number {
    const found = this.find(stage, indicator);
    if (found !== undefined) return found;
    const row = this.free.length ? this.free.shift()! : this.t.append();
    this.t.set(row, 'stage', stage);
    this.t.set(row, 'indicator', indicator);
    this.byKey.set(MonitoringRows.key(stage, indicator), row);
    return row;
  }

  /** Value and comment of the row; the date moves only when either changed. */
  put(stage: string, indicator: string, value: string | number, comment: string): void {
    const row = this.ensure(stage, indicator);
    if (String(this.t.get(row, 'value') ?? '') === String(value) && String(this.t.get(row, 'comment') ?? '') === comment) return;
    this.t.set(row, 'value', value);
    this.t.set(row, 'comment', comment);
    this.t.set(row, 'date', this.now);
  }

  /** A row the curator fills: made empty with a hint when missing, never changed after. */
  ensureInput(stage: string, indicator: string, hint: string): Cell {
    const found = this.find(stage, indicator);
    if (found !== undefined) return this.value(found);
    const row = this.ensure(stage, indicator);
    this.t.set(row, 'comment', hint);
    return '';
  }

  /** Empties a row that no longer holds anything true (a pair that caught up). */
  clear(row: number): void {
    const stage = text(this.t, row, 'stage');
    const indicator = text(this.t, row, 'indicator');
    for (const key of ['stage', 'indicator', 'value', 'date', 'comment']) this.t.set(row, key, '');
    this.byKey.delete(MonitoringRows.key(stage, indicator));
  }
}

interface Sheets {
  pairs: BaseTable;
  meetings: BaseTable;
  feedback: BaseTable;
  mentees: BaseTable;
  mentors: BaseTable;
  register: BaseTable | undefined;
  /** Absent in a workbook made before the diagnostics sheet existed. */
  diagnostics: BaseTable | undefined;
  monitoring: LoadedTable;
}

function readSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheets {
  return {
    pairs: loadTable(ss, 'pairs')!.table,
    meetings: loadTable(ss, 'meetings')!.table,
    feedback: loadTable(ss, 'feedback')!.table,
    mentees: loadTable(ss, 'mentees')!.table,
    mentors: loadTable(ss, 'mentors')!.table,
    register: loadTable(ss, 'documents', false)?.table,
    diagnostics: loadTable(ss, 'diagnostics', false)?.table,
    monitoring: loadTable(ss, 'monitoring')!,
  };
}

/** 6.1: one row per approved pair or group needing attention, the count of those behind; caught-up rows emptied. */
function writeCadence(rows: MonitoringRows, s: Sheets, today: Day, dayOf: (d: Date) => Day, signed: Map<string, Day>): { behind: number; attention: string[] } {
  const results = cadenceResults(s.pairs, s.meetings, today, dayOf, signed).filter((r) => r.needsAttention);
  const wanted = new Set(results.map((r) => normalizeName(RU.monitoring.pairRow(r.pairId))));
  for (const { row, indicator } of rows.withPrefix(STAGE_MEETINGS, RU.monitoring.pairRowPrefix)) {
    if (normalizeName(indicator) !== normalizeName(RU.monitoring.lagCount) && !wanted.has(normalizeName(indicator))) rows.clear(row);
  }
  for (const r of results) rows.put(STAGE_MEETINGS, RU.monitoring.pairRow(r.pairId), r.meetings, r.summary);
  const behind = results.filter((r) => r.behind).length;
  const others = results.length - behind;
  rows.put(STAGE_MEETINGS, RU.monitoring.lagCount, behind, others ? RU.monitoring.lagOthers(others) : '');
  return { behind, attention: results.map((r) => r.pairId) };
}

/** The pace of every approved pair and group (6.1), as «Мониторинг» and the curator's dashboard read it. */
export function cadenceResults(pairs: BaseTable, meetings: BaseTable, today: Day, dayOf: (d: Date) => Day, signed: Map<string, Day>) {
  const units = [...pairUnits(pairs).values()].filter((u) => u.approved);
  const byPair = new Map<string, CadenceInput['meetings'][number][]>();
  meetings.rows.forEach((_r, i) => {
    const key = normalizeName(text(meetings, i, 'pair'));
    if (!key) return;
    const day = readCalendarDate(meetings.get(i, 'date'), dayOf);
    const list = byPair.get(key) ?? [];
    list.push({ date: day === 'invalid' ? null : day, type: text(meetings, i, 'type') });
    byPair.set(key, list);
  });
  const inputs: CadenceInput[] = units.map((u) => ({ pairId: u.id, start: orderDayOf({ signed }, pairs, u, dayOf), meetings: byPair.get(normalizeName(u.id)) ?? [] }));
  return checkCadences(inputs, today);
}

/** The form of mentoring of each pair or group, by normalised ID. */
function formsByPair(pairs: BaseTable): Map<string, string> {
  const out = new Map<string, string>();
  for (const unit of pairUnits(pairs).values()) out.set(normalizeName(unit.id), unit.rows.map((i) => text(pairs, i, 'form')).find(Boolean) ?? '');
  return out;
}

/** The answers of «Обратная связь», each with its sheet row; rows left wholly empty are not answers. */
function feedbackRows(s: Sheets, dayOf: (d: Date) => Day): { rows: FeedbackRow[]; sheetRows: number[] } {
  const forms = formsByPair(s.pairs);
  const t = s.feedback;
  const rows: FeedbackRow[] = [];
  const sheetRows: number[] = [];
  t.rows.forEach((_r, i) => {
    if (['pair', 'role', 'satisfaction', 'quality', 'impact'].every((k) => text(t, i, k) === '')) return;
    const day = readCalendarDate(t.get(i, 'date'), dayOf);
    const pairId = text(t, i, 'pair');
    // Who answered: each member of a group is a respondent of their own (a row typed by hand may have none).
    const personId = t.column('personId') >= 0 ? text(t, i, 'personId') : '';
    rows.push({
      pairId,
      ...(personId ? { personId } : {}),
      role: text(t, i, 'role'),
      form: forms.get(normalizeName(pairId)) ?? '',
      date: day === 'invalid' ? null : day,
      satisfaction: valueOf(t.get(i, 'satisfaction')),
      quality: valueOf(t.get(i, 'quality')),
      impact: valueOf(t.get(i, 'impact')),
    });
    // Sheet rows are 1-based under the header: record i is row i + 2.
    sheetRows.push(i + 2);
  });
  return { rows, sheetRows };
}

/** 6.2: the programme's satisfaction share and means per role, with n; ratings left out listed by row. */
function writeFeedback(
  rows: MonitoringRows,
  feedback: readonly FeedbackRow[],
  sheetRows: readonly number[],
  threshold: CellValue,
  unplaced: readonly RejectedLine[],
): { rejected: number; stats: ReturnType<typeof feedbackStats> } {
  const stats = feedbackStats(feedback, { threshold });
  const thresholdText = decimal(stats.threshold.value);
  for (const role of ROLES) {
    const group = RU.monitoring.roleGroup(role);
    const found = stats.groups.find((g) => g.scope === 'all' && g.role === role);
    const level = found?.satisfaction;
    const shareRow = RU.monitoring.feedbackShare(group, thresholdText);
    if (level && level.share.ok)
      rows.put(STAGE_FEEDBACK, shareRow, figureText(level.share, true), [RU.monitoring.satisfiedOf(level.satisfied, level.respondents), stats.threshold.note ?? ''].filter(Boolean).join('; '));
    else rows.put(STAGE_FEEDBACK, shareRow, RU.monitoring.noFeedback(group), stats.threshold.note ?? '');
    // The comment is words, not a rating: it has no mean.
    for (const item of FEEDBACK_ITEMS.filter((i) => i.kind === 'scale')) {
      const stat = found?.items.find((i) => i.code === item.code);
      const label = RU.monitoring.feedbackMean(group, item.label);
      if (stat && stat.mean.ok) rows.put(STAGE_FEEDBACK, label, figureText(stat.mean), RU.monitoring.byRespondents(stat.n));
      else rows.put(STAGE_FEEDBACK, label, RU.monitoring.noFeedback(group), '');
    }
  }
  const count = putRejected(rows, STAGE_FEEDBACK, RU.monitoring.rejectedRow, [...unplaced, ...stats.rejected.map((r) => ({ row: sheetRows[r.index], field: r.field, reason: r.reason }))]);
  return { rejected: count, stats };
}

interface RejectedLine {
  row: number;
  field: string;
  reason: string;
}

/** The count of answers left out, listed by sheet row (the first few) in the comment. */
function putRejected(rows: MonitoringRows, stage: string, indicator: string, rejected: readonly RejectedLine[]): number {
  const lines = [...rejected].sort((a, b) => a.row - b.row).map((r) => RU.monitoring.rejectedLine(r.row, r.field, r.reason));
  const listed = lines.slice(0, LISTED).join('; ') + (lines.length > LISTED ? `; ${RU.monitoring.andMore(lines.length - LISTED)}` : '');
  rows.put(stage, indicator, lines.length, listed);
  return lines.length;
}

/** Pair IDs as «Пары и группы» spells them, by normalised ID: an answer's pair is read leniently. */
function pairIdsOf(pairs: BaseTable): Map<string, string> {
  const out = new Map<string, string>();
  for (const unit of pairUnits(pairs).values()) out.set(normalizeName(unit.id), unit.id);
  return out;
}

/** Answers naming no known pair are left out (their text is never shown), the rest keep their sheet rows. */
function placed<T extends FeedbackRow | DiagnosticRow>(
  rows: readonly T[],
  sheetRows: readonly number[],
  ids: Map<string, string>,
  source: typeof SOURCE_FEEDBACK | typeof SOURCE_DIAGNOSTICS,
): { rows: T[]; sheetRows: number[]; unplaced: RejectedLine[] } {
  const canonical = rows.map((r) => ({ ...r, pairId: ids.get(normalizeName(r.pairId)) ?? r.pairId }));
  const out = placeable(canonical, new Set(ids.values()), source);
  return {
    rows: out.rows,
    sheetRows: out.index.map((i) => sheetRows[i]),
    unplaced: out.rejected.map((r: Rejection) => ({ row: sheetRows[r.index], field: r.field, reason: r.reason })),
  };
}

/** The answers of «Диагностика», each with its sheet row; rows with no pair, role and value are not answers. */
function diagnosticRows(s: Sheets): { rows: DiagnosticRow[]; sheetRows: number[] } {
  const t = s.diagnostics;
  const rows: DiagnosticRow[] = [];
  const sheetRows: number[] = [];
  if (!t) return { rows, sheetRows };
  const forms = formsByPair(s.pairs);
  t.rows.forEach((_r, i) => {
    if (['pair', 'role', 'item', 'value'].every((k) => text(t, i, k) === '')) return;
    const pairId = text(t, i, 'pair');
    rows.push({
      personId: text(t, i, 'personId'),
      pairId,
      role: text(t, i, 'role'),
      form: forms.get(normalizeName(pairId)) ?? '',
      phase: text(t, i, 'phase'),
      itemCode: text(t, i, 'item'),
      value: valueOf(t.get(i, 'value')),
    });
    sheetRows.push(i + 2);
  });
  return { rows, sheetRows };
}

/** 2.3/3.4: Δ over all items per role on the main rows; answers left out counted and listed. */
function writeDiagnostics(
  rows: MonitoringRows,
  diagnostics: readonly DiagnosticRow[],
  sheetRows: readonly number[],
  threshold: CellValue,
  unplaced: readonly RejectedLine[],
): { rejected: number; stats: ReturnType<typeof diagnosticsStats> } {
  const stats = diagnosticsStats(diagnostics, { threshold });
  for (const role of ROLES) {
    const group = RU.monitoring.roleGroup(role);
    const own = stats.deltas.filter((d) => d.scope === 'all' && d.role === role);
    const all = own.find((d) => d.code === ALL_ITEMS) ?? own[0];
    const label = BLOCK_TEXT.mainDelta(group);
    if (all) rows.put(STAGE_DIAGNOSTICS, label, deltaText(all.delta), all.delta.ok ? BLOCK_TEXT.mainDeltaComment(all.n) : '');
    else rows.put(STAGE_DIAGNOSTICS, label, BLOCK_TEXT.mainNoDiagnostics(group), '');
  }
  const count = putRejected(rows, STAGE_DIAGNOSTICS, BLOCK_TEXT.mainRejected, [...unplaced, ...stats.rejected.map((r) => ({ row: sheetRows[r.index], field: r.field, reason: r.reason }))]);
  return { rejected: count, stats };
}

function people(s: Sheets): PersonRecord[] {
  const out: PersonRecord[] = [];
  for (const t of [s.mentees, s.mentors]) {
    t.rows.forEach((_r, i) => {
      const id = text(t, i, 'id');
      if (!id) return;
      out.push({
        id,
        category: text(t, i, 'category'),
        age: numberOf(t.get(i, 'age') as Cell),
        experience: numberOf(t.get(i, 'experience') as Cell),
        organisation: t.column('organisation') >= 0 ? text(t, i, 'organisation') : '',
        consent: CONSENTED.includes(text(t, i, 'consent')),
      });
    });
  }
  return out;
}

function pairRecords(s: Sheets, dayOf: (d: Date) => Day, signed: Map<string, Day>): PairRecord[] {
  const out: PairRecord[] = [];
  for (const unit of pairUnits(s.pairs).values()) {
    const start = orderDayOf({ signed }, s.pairs, unit, dayOf);
    for (const i of unit.rows) {
      out.push({
        id: unit.id,
        form: text(s.pairs, i, 'form'),
        mentorId: text(s.pairs, i, 'mentorId'),
        menteeIds: [text(s.pairs, i, 'menteeId')].filter(Boolean),
        status: text(s.pairs, i, 'status'),
        start,
      });
    }
  }
  return out;
}

/** 7.3: the six indicators on the last reporting date, the denominator rows made for the curator to fill. */
function writeIndicators(
  rows: MonitoringRows,
  s: Sheets,
  feedback: readonly FeedbackRow[],
  date: CalendarDate,
  threshold: CellValue,
  ownOrganisation: string,
  dayOf: (d: Date) => Day,
  signed: Map<string, Day>,
): { computed: number; total: number; missing: number; invalid: number } {
  const dateText = numericDate(date);
  const denominators: Partial<Record<DenominatorKey, CellValue>> = {};
  let missing = 0;
  let invalid = 0;
  for (const def of DENOMINATORS) {
    const cell = rows.ensureInput(STAGE_INDICATORS, RU.monitoring.denominatorRow(def.label, dateText), RU.monitoring.denominatorHint(dateText));
    denominators[def.key] = valueOf(cell);
    const read = readDenominator(valueOf(cell));
    if (!read.ok && String(cell ?? '').trim() === '') missing += 1;
    else if (!read.ok) invalid += 1;
  }
  // Satisfaction as the feedback stood on the reporting date: later answers belong to the next one.
  const satisfaction: SatisfactionAnswer[] = feedback
    .filter((f) => !f.date || compareDates(f.date, date) <= 0)
    // Each person is a respondent; a row typed by hand without an ID stands for its pair and role.
    .map((f) => ({ respondent: f.personId ? normalizeName(f.personId) : `${normalizeName(f.pairId)}|${f.role}`, role: f.role, value: f.satisfaction }));
  const { indicators } = r145Indicators({
    date,
    pairs: pairRecords(s, dayOf, signed),
    people: people(s),
    denominators,
    satisfaction,
    threshold,
    ownOrganisation,
  });
  for (const ind of indicators) {
    const counts = ind.level
      ? [RU.monitoring.satisfactionCounts(ind.level.shareLabel, ind.numerator, ind.level.respondents), RU.monitoring.satisfactionSource]
      : [RU.monitoring.counts(ind.numerator, ind.denominator)];
    const comment = [...counts, ...ind.notes].join('; ');
    rows.put(STAGE_INDICATORS, RU.monitoring.indicatorRow(ind.number, ind.title, dateText), ind.text, comment);
  }
  return { computed: indicators.filter((i) => i.value.ok).length, total: indicators.length, missing, invalid };
}

function refreshNow(): MonitoringResult {
  const ss = SpreadsheetApp.getActive();
  const now = new Date();
  // dayOfIn converts each moment once: calls stay flat with thousands of dated rows.
  const dayOf = dayOfIn(ss.getSpreadsheetTimeZone());
  const today = dayOf(now);
  const s = readSheets(ss);
  const { settings } = loadSettings(ss);
  const threshold = valueOf(settings.satisfactionThreshold);
  const signed = signedDays(s.register, dayOf);
  const rows = new MonitoringRows(s.monitoring.table, now);

  const cadence = writeCadence(rows, s, today, dayOf, signed);
  const ids = pairIdsOf(s.pairs);
  const fb = feedbackRows(s, dayOf);
  const { rows: feedback, sheetRows, unplaced } = placed(fb.rows, fb.sheetRows, ids, SOURCE_FEEDBACK);
  const written = writeFeedback(rows, feedback, sheetRows, threshold, unplaced);
  const rejected = written.rejected;
  const dg = diagnosticRows(s);
  const diag = placed(dg.rows, dg.sheetRows, ids, SOURCE_DIAGNOSTICS);
  const diagnostics = writeDiagnostics(rows, diag.rows, diag.sheetRows, threshold, diag.unplaced);
  const date = lastReportingDate(today);
  const ind = writeIndicators(rows, s, feedback, date, threshold, String(settings.orgName ?? ''), dayOf, signed);
  const previousRows = s.monitoring.table.rows.length + 1;
  saveTable(s.monitoring);

  const forms = [...new Set([...formsByPair(s.pairs).values()].filter(Boolean))];
  const blocks = monitoringBlocks({
    feedback,
    feedbackStats: written.stats,
    diagnostics: diag.rows,
    diagnosticsStats: diagnostics.stats,
    forms,
    pairs: [...ids.values()],
    thresholdText: decimal(written.stats.threshold.value),
  });
  const sheet = s.monitoring.sheet;
  placeCharts(sheet, blocks, writeBlocks(sheet, blocks, previousRows));

  const summary = RU.monitoring.summary({
    behind: cadence.behind,
    attention: cadence.attention,
    computed: ind.computed,
    total: ind.total,
    date: numericDate(date),
    missing: ind.missing,
    invalid: ind.invalid,
    rejected,
  });
  const message = [summary, diagnostics.rejected ? BLOCK_TEXT.summaryRejected(diagnostics.rejected) : ''].filter(Boolean).join(' ');
  return {
    message,
    behind: cadence.behind,
    attention: cadence.attention,
    computed: ind.computed,
    missingDenominators: ind.missing,
    invalidDenominators: ind.invalid,
    rejected,
    rejectedDiagnostics: diagnostics.rejected,
  };
}

/** Menu «Обновить мониторинг». */
export function refreshMonitoring(options?: unknown) {
  // From a sidebar (the curator's dashboard) the outcome goes back to it: an alert would only block the script.
  return runAction(RU.action.monitoring, withRoadmap(RU.action.monitoring, refreshNow), { sidebar: fromSidebar(options) });
}

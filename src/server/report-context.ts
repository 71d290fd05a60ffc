/**
 * What every report kind's data builder shares: the run's context (the workbook, read once, and the
 * chosen period) and the counts several reports must give alike — the pairs and groups that count
 * on a day, forms in the bank's order, a tally per value. One place, so the reports agree.
 */
import { CalendarDate } from '../core/documents/dates';
import { TemplateData } from '../core/documents/template/data';
import { MENTORING_FORMS } from '../core/domain/forms-of-mentoring';
import { CONSENT } from '../core/intake/consent';
import { BaseTable, normalizeName } from '../core/intake/table';
import { pairUnits } from '../core/intake/meetings';
import { COUNTED_STATUSES, type DiagnosticRow, type FeedbackRow, SOURCE_DIAGNOSTICS, SOURCE_FEEDBACK, academicYearOf, compareDates, placeable } from '../core/monitoring';
import { isDateCell, readCalendarDate } from '../core/documents/cell-date';
import { Period } from '../core/reports/registry';
import { Settings } from '../core/settings';
import { orderDayOf, signedDays } from './import';
import { loadTable } from './tables';
import { TemplateKind } from './templates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Day = CalendarDate;

/** What a kind's data builder gets: the workbook, read once per run, and the chosen period. */
export interface ReportContext {
  ss: Spreadsheet;
  settings: Settings;
  period: Period;
  dayOf: (d: Date) => Day;
}

/** A kind's data for its template and what the curator should read about it (summary sentences). */
export interface Built {
  data: TemplateData;
  summary: string[];
}

export interface ReportDef {
  template: TemplateKind;
  build: (ctx: ReportContext) => Built;
}

export const text = (t: BaseTable, i: number, key: string) => (t.has(key) ? String(t.get(i, key) ?? '').trim() : '');
const COUNTED: readonly string[] = COUNTED_STATUSES;
export const CONSENTED_STATUSES: readonly string[] = [CONSENT.valid, CONSENT.validNoPublication];

/** Pairs and groups that count on a day, as the Р-145 indicators count them (status, order day). */
export function countedUnits(ctx: ReportContext, onOrBefore: Day, inYear: number | null) {
  const pairs = loadTable(ctx.ss, 'pairs')!.table;
  const signed = signedDays(loadTable(ctx.ss, 'documents', false)?.table, ctx.dayOf);
  return unitsCounted(pairs, signed, ctx.dayOf, onOrBefore, inYear);
}

/** countedUnits on tables already read (the curator's dashboard reads each sheet once). */
export function unitsCounted(pairs: BaseTable, signed: Map<string, Day>, dayOf: (d: Date) => Day, onOrBefore: Day, inYear: number | null) {
  const out: Array<{ id: string; form: string; group: boolean; mentorId: string; menteeIds: string[] }> = [];
  for (const unit of pairUnits(pairs).values()) {
    const rows = unit.rows.filter((i) => COUNTED.includes(text(pairs, i, 'status')));
    if (!rows.length) continue;
    const start = orderDayOf({ signed }, pairs, unit, dayOf);
    if (start && compareDates(start, onOrBefore) > 0) continue;
    if (inYear !== null && start && academicYearOf(start) !== inYear) continue;
    out.push({
      id: unit.id,
      form: rows.map((i) => text(pairs, i, 'form')).find(Boolean) ?? '',
      group: rows.some((i) => text(pairs, i, 'group')),
      mentorId: text(pairs, rows[0], 'mentorId'),
      menteeIds: rows.map((i) => text(pairs, i, 'menteeId')).filter(Boolean),
    });
  }
  return out;
}

/** Forms in the order of «Формы наставничества» (the bank's), any other after. */
export function formOrder(forms: Iterable<string>): string[] {
  const known = MENTORING_FORMS.map((f) => f.name);
  const list = [...new Set([...forms].filter(Boolean))];
  const rank = (f: string) => {
    const i = known.findIndex((k) => normalizeName(k) === normalizeName(f));
    return i < 0 ? known.length : i;
  };
  return list.sort((a, b) => rank(a) - rank(b));
}

/** A count per value of a column, in the order of `order` (values absent there follow, then «не указана»). */
export function tally(t: BaseTable, rows: readonly number[], key: string, order: readonly string[]): Array<{ category: string; n: number }> {
  const counts = new Map<string, number>();
  for (const i of rows) {
    const v = text(t, i, key) || 'не указано';
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const keys = [...order.filter((o) => counts.has(o)), ...[...counts.keys()].filter((k) => !order.includes(k))];
  return keys.map((category) => ({ category, n: counts.get(category)! }));
}

/** How the reports read a year's answers: which pairs exist, whether a row is of the year, a cell as a value, a row's pair. */
export function yearReader(ctx: ReportContext) {
  const year = ctx.period.academicYear;
  const pairs = loadTable(ctx.ss, 'pairs')!.table;
  const ids = new Map<string, { id: string; form: string }>();
  for (const unit of pairUnits(pairs).values()) ids.set(normalizeName(unit.id), { id: unit.id, form: unit.rows.map((i) => text(pairs, i, 'form')).find(Boolean) ?? '' });
  return {
    known: new Set([...ids.values()].map((u) => u.id)),
    inYear: (t: BaseTable, i: number) => {
      const day = readCalendarDate(t.get(i, 'date'), ctx.dayOf);
      return !day || day === 'invalid' || academicYearOf(day) === year;
    },
    cell: (t: BaseTable, i: number, key: string) => {
      const v = t.get(i, key);
      return isDateCell(v) ? 'дата' : (v as string | number | boolean | null);
    },
    unit: (t: BaseTable, i: number) => ids.get(normalizeName(text(t, i, 'pair'))) ?? { id: text(t, i, 'pair'), form: '' },
  };
}

/**
 * The year's monthly feedback and diagnostics as «Обновить мониторинг» reads them: pair IDs as
 * «Пары и группы» spells them, answers of an unknown pair or item left out, rows wholly empty
 * skipped, a row with no date kept (it cannot be placed in another year).
 */
export function yearAnswers(ctx: ReportContext, reader = yearReader(ctx)): { feedback: FeedbackRow[]; diagnostics: DiagnosticRow[] } {
  const { known, inYear, cell, unit } = reader;
  const fb = loadTable(ctx.ss, 'feedback')!.table;
  const feedback: FeedbackRow[] = [];
  fb.rows.forEach((_r, i) => {
    if (['pair', 'role', 'satisfaction', 'quality', 'impact'].every((k) => text(fb, i, k) === '') || !inYear(fb, i)) return;
    const u = unit(fb, i);
    const personId = text(fb, i, 'personId');
    feedback.push({
      pairId: u.id,
      ...(personId ? { personId } : {}),
      role: text(fb, i, 'role'),
      form: u.form,
      date: null,
      satisfaction: cell(fb, i, 'satisfaction'),
      quality: cell(fb, i, 'quality'),
      impact: cell(fb, i, 'impact'),
    });
  });
  const dg = loadTable(ctx.ss, 'diagnostics', false)?.table;
  const diagnostics: DiagnosticRow[] = [];
  dg?.rows.forEach((_r, i) => {
    if (['pair', 'role', 'item', 'value'].every((k) => text(dg, i, k) === '') || !inYear(dg, i)) return;
    const u = unit(dg, i);
    diagnostics.push({
      personId: text(dg, i, 'personId'),
      pairId: u.id,
      role: text(dg, i, 'role'),
      form: u.form,
      phase: text(dg, i, 'phase'),
      itemCode: text(dg, i, 'item'),
      value: cell(dg, i, 'value'),
    });
  });
  return { feedback: placeable(feedback, known, SOURCE_FEEDBACK).rows, diagnostics: placeable(diagnostics, known, SOURCE_DIAGNOSTICS).rows };
}

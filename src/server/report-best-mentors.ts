/**
 * «Лучшие наставники (предложения к награждению)» (roadmap 7.5): the sheets read once into the
 * pure scoring (core/reports/best-mentors.ts) — the year's pairs and groups, their meetings, the
 * mentees' feedback and diagnostics, the mentors' training and consent — and the справка's data.
 */
import { numericDate } from '../core/documents/dates';
import { readCalendarDate } from '../core/documents/cell-date';
import { BEST_MENTORS_FIELDS, BEST_MENTORS_TEXT, bestMentorsData, bestMentorsTemplate } from '../core/documents/report-best-mentors';
import { normalizeName } from '../core/intake/table';
import { pairUnits } from '../core/intake/meetings';
import { type CalendarDate, type MeetingRecord, academicYearOf, compareDates } from '../core/monitoring';
import { type MentorInput, type UnitInput, type UnitOutcome, scoreMentors } from '../core/reports/best-mentors';
import { yearText } from '../core/reports/registry';
import { REPORT_TEXT } from '../core/reports/texts';
import { orderDayOf, signedDays } from './import';
import { Built, ReportContext, countedUnits, formOrder, text, yearAnswers } from './report-context';
import { loadNameOverrides } from './settings';
import { loadTable } from './tables';
import { TemplateKind } from './templates';

export const BEST_MENTORS_REPORT: TemplateKind = { key: 'report-best-mentors', spec: bestMentorsTemplate, fields: BEST_MENTORS_FIELDS };

const ENDED = 'завершена';

const later = (a: CalendarDate | null, b: CalendarDate | null) => (!a ? b : !b ? a : compareDates(a, b) >= 0 ? a : b);
const earlier = (a: CalendarDate | null, b: CalendarDate | null) => (!a ? b : !b ? a : compareDates(a, b) <= 0 ? a : b);

export function buildBestMentors(ctx: ReportContext): Built {
  const year = ctx.period.academicYear;
  const today = earlier(ctx.dayOf(new Date()), ctx.period.date)!;
  const pairs = loadTable(ctx.ss, 'pairs')!.table;
  const signed = signedDays(loadTable(ctx.ss, 'documents', false)?.table, ctx.dayOf);
  const all = pairUnits(pairs);
  const day = (v: unknown) => {
    const d = readCalendarDate(v as Parameters<typeof readCalendarDate>[0], ctx.dayOf);
    return d && d !== 'invalid' ? d : null;
  };

  const meetings = loadTable(ctx.ss, 'meetings')!.table;
  const byPair = new Map<string, MeetingRecord[]>();
  meetings.rows.forEach((_r, i) => {
    const k = normalizeName(text(meetings, i, 'pair'));
    if (!k) return;
    byPair.set(k, [...(byPair.get(k) ?? []), { date: day(meetings.get(i, 'date')), type: text(meetings, i, 'type') }]);
  });

  // The units «Мониторинг» and the other reports count in the year; their rows for the outcome and dates.
  let units: UnitInput[] = countedUnits(ctx, ctx.period.date, year).map((u) => {
    const unit = all.get(normalizeName(u.id))!;
    const rows = unit.rows.filter((i) => ['утверждена', 'активна', ENDED].includes(text(pairs, i, 'status')));
    const ended = rows.filter((i) => text(pairs, i, 'status') === ENDED);
    const outcome: UnitOutcome = ended.length < rows.length ? 'working' : ended.some((i) => !text(pairs, i, 'endReason')) ? 'completed' : 'endedEarly';
    const end = outcome === 'working' ? null : ended.map((i) => day(pairs.get(i, 'end'))).reduce(later, null);
    // An ended unit's order day: the signed order, else the start its rows carry.
    const start = orderDayOf({ signed }, pairs, unit, ctx.dayOf) ?? rows.map((i) => day(pairs.get(i, 'start'))).reduce(earlier, null);
    return { id: u.id, form: u.form, mentorId: u.mentorId, menteeIds: u.menteeIds, outcome, start, end, meetings: byPair.get(normalizeName(u.id)) ?? [] };
  });
  // countedUnits places an ended unit by its signed order only: one whose start falls in another year is not this year's.
  units = units.filter((u) => !u.start || academicYearOf(u.start) === year);

  // A mentor's forms read in the bank's order.
  const order = formOrder(units.map((u) => u.form));
  units.sort((a, b) => order.indexOf(a.form) - order.indexOf(b.form));

  const m = loadTable(ctx.ss, 'mentors')!.table;
  const mentors: MentorInput[] = m.rows.map((_r, i) => ({
    id: text(m, i, 'id'),
    name: text(m, i, 'name'),
    position: text(m, i, 'position'),
    category: text(m, i, 'category'),
    training: text(m, i, 'training'),
    consent: text(m, i, 'consent'),
  }));
  const { feedback, diagnostics } = yearAnswers(ctx);
  const s = ctx.settings;
  const result = scoreMentors({
    mentors,
    units,
    feedback,
    diagnostics,
    today,
    criteria: String(s.bestCriteria ?? ''),
    propose: Number(s.bestPropose),
    minAnswers: Number(s.bestMinAnswers),
  });
  const doc = bestMentorsData({ settings: s, period: ctx.period.label, academicYear: yearText(year), countedTo: numericDate(today), result }, loadNameOverrides(ctx.ss).overrides);
  const total = result.ranked.length + result.withoutConsent;
  return {
    data: doc.data,
    summary: [
      total ? BEST_MENTORS_TEXT.proposed(result.proposed.length, result.ranked.length) : BEST_MENTORS_TEXT.empty(yearText(year)),
      result.withoutConsent ? BEST_MENTORS_TEXT.withoutConsent(result.withoutConsent) : '',
      result.criteriaError ? BEST_MENTORS_TEXT.criteria(result.criteriaError) : '',
      doc.missing.length ? REPORT_TEXT.settings(doc.missing) : '',
    ],
  };
}

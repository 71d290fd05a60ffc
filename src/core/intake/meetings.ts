import { RU } from '../strings';
import { BaseTable, normalizeName } from './table';

/** Statuses of a pair that the order approved and that has not ended. */
export const PAIR_APPROVED = ['утверждена', 'активна'] as const;
export const PAIR_ENDED = 'завершена';

/** A calendar day, compared as such (no time, no zone). */
export interface Day {
  year: number;
  month: number;
  day: number;
}

const dayNumber = (d: Day) => d.year * 10000 + d.month * 100 + d.day;
const pad = (n: number) => String(n).padStart(2, '0');
export const dayText = (d: Day) => `${pad(d.day)}.${pad(d.month)}.${d.year}`;

/**
 * A pair, or a group counted once by its group ID: what a meeting is reported for. Its rows are
 * the rows of «Пары и группы» that carry the ID (one for a pair, one per mentee for a group).
 */
export interface PairUnit {
  id: string;
  rows: number[];
  /** The mentor of the approved rows (of any row while none is approved). */
  mentorId: string;
  /** Some row is approved and not ended. */
  approved: boolean;
  /** Some row has ended (it counts when no row is approved any more). */
  ended: boolean;
  /** The rows' statuses, for the message about a pair that is not approved. */
  statuses: string[];
}

const cell = (t: BaseTable, i: number, key: string) => String(t.get(i, key) ?? '').trim();

/** The unit of a row: its group when it has one, else the pair itself. */
export const unitIdOf = (t: BaseTable, i: number) => cell(t, i, 'group') || cell(t, i, 'id');

/** Every pair and group of «Пары и группы», by its normalised ID. */
export function pairUnits(pairs: BaseTable): Map<string, PairUnit> {
  const byId = new Map<string, PairUnit>();
  pairs.rows.forEach((_r, i) => {
    const id = unitIdOf(pairs, i);
    if (!id) return;
    const key = normalizeName(id);
    const unit = byId.get(key) ?? { id, rows: [], mentorId: '', approved: false, ended: false, statuses: [] };
    const status = cell(pairs, i, 'status');
    const approved = (PAIR_APPROVED as readonly string[]).includes(status);
    unit.rows.push(i);
    if (approved && !unit.approved) unit.mentorId = cell(pairs, i, 'mentorId');
    else if (!unit.mentorId) unit.mentorId = cell(pairs, i, 'mentorId');
    unit.approved ||= approved;
    unit.ended ||= status === PAIR_ENDED;
    if (status && !unit.statuses.includes(status)) unit.statuses.push(status);
    byId.set(key, unit);
  });
  return byId;
}

/** IDs of the approved pairs and groups, in the sheet's order: the meeting form's list. */
export function approvedUnitIds(pairs: BaseTable): string[] {
  return [...pairUnits(pairs).values()].filter((u) => u.approved).map((u) => u.id);
}

/** Each mentor's approved pairs and groups, in the sheet's order. */
export function unitsByMentor(pairs: BaseTable): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const unit of pairUnits(pairs).values()) {
    if (!unit.approved || !unit.mentorId) continue;
    out.set(unit.mentorId, [...(out.get(unit.mentorId) ?? []), unit.id]);
  }
  return out;
}

/** What a meeting report says, as read from the form. */
export interface MeetingReport {
  mentorCode: string;
  pairId: string;
  day: Day;
}

export interface MeetingCheckContext {
  unit: PairUnit | undefined;
  /** The day the pair's order was signed, else the pair's start (the approval); null = unknown. */
  orderDay: Day | null;
  today: Day;
}

/** Why a report cannot become a row of «Встречи» (the question and the reason), or null. `noPairsChoice` is the list's only choice before any order. */
export function meetingProblem(report: MeetingReport, ctx: MeetingCheckContext, noPairsChoice: string): { field: 'pair' | 'mentorCode' | 'date'; reason: string } | null {
  const { unit } = ctx;
  if (normalizeName(report.pairId) === normalizeName(noPairsChoice)) return { field: 'pair', reason: RU.meetings.noPairChosen };
  if (!unit) return { field: 'pair', reason: RU.meetings.unknownPair(report.pairId) };
  if (!unit.approved) return { field: 'pair', reason: unit.ended ? RU.meetings.pairEnded(unit.id) : RU.meetings.pairNotApproved(unit.id, unit.statuses) };
  if (normalizeName(report.mentorCode) !== normalizeName(unit.mentorId)) return { field: 'mentorCode', reason: RU.meetings.wrongMentor(report.mentorCode, unit.id) };
  if (dayNumber(report.day) > dayNumber(ctx.today)) return { field: 'date', reason: RU.meetings.future(dayText(report.day)) };
  if (ctx.orderDay && dayNumber(report.day) < dayNumber(ctx.orderDay)) return { field: 'date', reason: RU.meetings.beforeOrder(dayText(report.day), dayText(ctx.orderDay)) };
  return null;
}

/** The earlier of two days (null = unknown). */
export function earlierDay(a: Day | null, b: Day | null): Day | null {
  if (!a) return b;
  if (!b) return a;
  return dayNumber(a) <= dayNumber(b) ? a : b;
}

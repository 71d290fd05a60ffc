/**
 * Answers to the monitoring questionnaires become rows: the monthly feedback one row of «Обратная
 * связь», the diagnostics one row of «Диагностика» per answered item, the May survey and SWOT one
 * row of «Опросы» per answered question. Every answer is tied to a person and a pair by the code of
 * the personal link; one that cannot be is refused with a row in «Ошибки импорта» and stays in its
 * response sheet, checked again at every import until the bases or the answer are fixed.
 */
import { CONSENT, consentOf, indexConsents, isMinor, readConsents } from '../core/intake/consent';
import { monitoringProblem } from '../core/intake/feedback';
import { PairUnit, pairUnits, unitIdOf } from '../core/intake/meetings';
import { BaseTable, Cell, comparable, normalizeName } from '../core/intake/table';
import type { Remark } from './import';
import { CODE_TITLE, KEY, MonitoringKind, NO_PAIRS_YET, PAIR_TITLE, ROLE_TITLE, bankItem, codeOfKey, itemKey } from '../core/questionnaires/monitoring-forms';
import { Answer, ParsedResponse, isDate } from '../core/questionnaires/read';
import { FEEDBACK_RATINGS } from '../core/monitoring/items';
import type { Role } from '../core/monitoring/types';
import { RU } from '../core/strings';
import type { Source } from './sources';
import type { LoadedTable } from './tables';

const CONSENTED: readonly string[] = [CONSENT.valid, CONSENT.validNoPublication];

type Day = { year: number; month: number; day: number };

/** What the import holds that the monitoring answers need (import.ts's Work has all of it). */
export interface SurveyWork {
  tables: Record<'mentees' | 'mentors' | 'consents' | 'pairs' | 'feedback' | 'diagnostics' | 'surveys', LoadedTable>;
  remarks: Remark[];
  timeZone: string;
  surveyContext?: SurveyContext;
  surveyCounts: { feedback: number; diagnostics: number; surveys: number; refused: number };
}

interface PersonEntry {
  id: string;
  role: Role;
  consented: boolean;
}

export interface SurveyContext {
  people: Map<string, PersonEntry>;
  units: Map<string, PairUnit>;
  /** The mentor and mentees of each unit, by the unit's normalised ID. */
  members: Map<string, Set<string>>;
  /** The form of mentoring of each unit. */
  forms: Map<string, string>;
  dayOf: (d: Date) => Day;
  /** Rows already on each sheet, by their content: one answer is one set of rows. */
  seen: Record<'feedback' | 'diagnostics' | 'surveys', Set<string>>;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayText = (d: Day) => `${pad(d.day)}.${pad(d.month)}.${d.year}`;

/**
 * A moment's calendar day in the spreadsheet's zone, asking Utilities once per UTC day (the zone's
 * offset then) rather than once per answer: ten thousand answers cost a few hundred calls at most.
 * A zone that changes its offset within that UTC day is read with the offset of its noon.
 */
export function dayReader(timeZone: string): (d: Date) => Day {
  const offsets = new Map<number, number>();
  return (d: Date): Day => {
    const utcDay = Math.floor(d.getTime() / 86400000);
    let offset = offsets.get(utcDay);
    if (offset === undefined) {
      const noon = new Date(utcDay * 86400000 + 12 * 3600000);
      const [date, time] = Utilities.formatDate(noon, timeZone, 'yyyy-MM-dd HH:mm').split(' ');
      const [y, m, day] = date.split('-').map(Number);
      const [hh, mm] = time.split(':').map(Number);
      offset = Date.UTC(y, m - 1, day, hh, mm) - noon.getTime();
      offsets.set(utcDay, offset);
    }
    const local = new Date(d.getTime() + offset);
    return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
  };
}

function rowKey(cells: readonly unknown[]): string {
  return cells.map((c) => comparable(c)).join('|');
}

/** The content of a row as its key: everything but its ID, a date as its day in the spreadsheet's zone. */
function existingKeys(table: BaseTable, keys: readonly string[], dayOf: (d: Date) => Day): Set<string> {
  const out = new Set<string>();
  table.rows.forEach((_r, i) => {
    const cells = keys.map((k) => {
      const v = table.get(i, k);
      return k === 'date' && isDate(v) ? dayText(dayOf(v)) : v;
    });
    if (cells.some((c) => comparable(c) !== '')) out.add(rowKey(cells));
  });
  return out;
}

const FEEDBACK_KEYS = ['date', 'pair', 'personId', 'role', ...FEEDBACK_RATINGS, 'comment'] as const;
const DIAGNOSTICS_KEYS = ['personId', 'pair', 'role', 'phase', 'date', 'item', 'indicator', 'value', 'comment'] as const;
const SURVEY_KEYS = ['survey', 'date', 'personId', 'pair', 'role', 'form', 'item', 'indicator', 'value', 'comment'] as const;

function surveyContext(work: SurveyWork): SurveyContext {
  if (work.surveyContext) return work.surveyContext;
  const records = indexConsents(readConsents(work.tables.consents.table));
  const people = new Map<string, PersonEntry>();
  for (const [loaded, role] of [
    [work.tables.mentees, 'наставляемый'],
    [work.tables.mentors, 'наставник'],
  ] as const) {
    const t = loaded.table;
    t.rows.forEach((_r, i) => {
      const id = String(t.get(i, 'id')).trim();
      if (!id) return;
      // Consent as the register says now: a withdrawal recorded since the last import counts at once.
      const { status } = consentOf({ id, name: String(t.get(i, 'name')), minor: isMinor(t.get(i, 'category'), t.get(i, 'age')) }, records);
      people.set(normalizeName(id), { id, role, consented: CONSENTED.includes(status) });
    });
  }
  const pairs = work.tables.pairs.table;
  const units = pairUnits(pairs);
  const members = new Map<string, Set<string>>();
  const forms = new Map<string, string>();
  pairs.rows.forEach((_r, i) => {
    const unit = normalizeName(unitIdOf(pairs, i));
    if (!unit) return;
    const set = members.get(unit) ?? new Set<string>();
    for (const key of ['mentorId', 'menteeId']) {
      const id = String(pairs.get(i, key)).trim();
      if (id) set.add(id);
    }
    members.set(unit, set);
    const form = String(pairs.get(i, 'form')).trim();
    if (form && !forms.has(unit)) forms.set(unit, form);
  });
  const dayOf = dayReader(work.timeZone);
  work.surveyContext = {
    people,
    units,
    members,
    forms,
    dayOf,
    seen: {
      feedback: existingKeys(work.tables.feedback.table, FEEDBACK_KEYS, dayOf),
      diagnostics: existingKeys(work.tables.diagnostics.table, DIAGNOSTICS_KEYS, dayOf),
      surveys: existingKeys(work.tables.surveys.table, SURVEY_KEYS, dayOf),
    },
  };
  return work.surveyContext;
}

/** Appends a row unless the same row is already there (sent twice, or saved before a failure stopped the ledger). */
function addRow(table: BaseTable, seen: Set<string>, prefix: string, keys: readonly string[], values: Record<string, Cell>, day: Day): boolean {
  const key = rowKey(keys.map((k) => (k === 'date' ? dayText(day) : values[k])));
  if (seen.has(key)) return false;
  seen.add(key);
  const row = table.append();
  table.set(row, 'id', table.nextId(prefix));
  for (const k of keys) table.set(row, k, values[k]);
  return true;
}

const text = (a: Answer | undefined): string => (a === undefined ? '' : Array.isArray(a) ? a.join(', ') : String(a));
const roleOf = (a: Answer | undefined): Role | undefined => (a === 'наставник' || a === 'наставляемый' ? a : undefined);

/** What an answered item puts in «Значение» and «Комментарий». */
function valueCells(kind: string, answer: Answer): { value: Cell; comment: string } {
  if (kind === 'open') return { value: '', comment: text(answer) };
  if (kind === 'scale') return { value: Number(answer), comment: '' };
  return { value: text(answer), comment: '' };
}

export interface Applied {
  id: string;
  written: string;
  /** Refused for a reason a later fix of the bases can remove: not recorded, checked again next time. */
  retry?: boolean;
}

export function applySurveyAnswer(work: SurveyWork, p: { source: Source; response: ParsedResponse; key: string }, label: string, kind: MonitoringKind): Applied {
  const a = p.response.answers;
  const ctx = surveyContext(work);
  const code = text(a[KEY.code]).trim();
  const pairId = text(a[KEY.pair]).trim();
  const swot = kind.kind === 'survey' && kind.swot;
  const role = kind.kind === 'diagnostics' ? kind.role : roleOf(a[KEY.role]);
  const person = code ? ctx.people.get(normalizeName(code)) : undefined;
  const unit = pairId ? ctx.units.get(normalizeName(pairId)) : undefined;
  const problem = monitoringProblem(
    {
      code,
      pairId,
      role,
      phase: kind.kind === 'diagnostics' ? kind.phase : undefined,
      codeOptional: swot,
      endedAllowed: (kind.kind === 'diagnostics' && kind.phase === 'итоговая') || kind.kind === 'survey',
    },
    { person, unit, members: unit ? (ctx.members.get(normalizeName(unit.id)) ?? new Set()) : new Set(), noPairsChoice: NO_PAIRS_YET },
  );
  const personId = person?.id ?? '';
  if (problem) {
    const field = { code: CODE_TITLE, pair: PAIR_TITLE, role: kind.kind === 'diagnostics' ? p.source.def.title : ROLE_TITLE }[problem.field];
    work.remarks.push({ source: label, row: p.response.row, field, value: problem.value, reason: `${problem.reason}${RU.surveys.notImported}`, personId, key: p.key });
    work.surveyCounts.refused += 1;
    // A person without consent: recorded (with their ID, so a withdrawal scrubs the response), never retried.
    return { id: personId, written: '', retry: !(person && !person.consented) };
  }
  const at = p.response.timestamp ?? new Date();
  const day = ctx.dayOf(at);
  const date = new Date(day.year, day.month - 1, day.day);
  const unitId = unit?.id ?? '';
  if (kind.kind === 'feedback') {
    const values: Record<string, Cell> = { date, pair: unitId, personId, role: role ?? '', comment: text(a[itemKey('comment')]) };
    for (const r of FEEDBACK_RATINGS) values[r] = Number(a[itemKey(r)]);
    if (addRow(work.tables.feedback.table, ctx.seen.feedback, 'ОС', FEEDBACK_KEYS, values, day)) work.surveyCounts.feedback += 1;
    return { id: personId, written: '' };
  }
  for (const q of p.source.def.questions) {
    const code = codeOfKey(q.key);
    const answer = a[q.key];
    const item = code ? bankItem(p.source.def.key, q.key) : null;
    if (!code || !item || answer === undefined || text(answer).trim() === '') continue;
    const { value, comment } = valueCells(item.kind, answer);
    if (kind.kind === 'diagnostics') {
      const values: Record<string, Cell> = { personId, pair: unitId, role: kind.role, phase: kind.phase, date, item: code, indicator: item.label, value, comment };
      if (addRow(work.tables.diagnostics.table, ctx.seen.diagnostics, 'ДГ', DIAGNOSTICS_KEYS, values, day)) work.surveyCounts.diagnostics += 1;
    } else {
      const form = swot ? text(a[KEY.form]) : (ctx.forms.get(normalizeName(unitId)) ?? '');
      const values: Record<string, Cell> = { survey: kind.name, date, personId, pair: unitId, role: person?.role ?? '', form, item: code, indicator: item.label, value, comment };
      if (addRow(work.tables.surveys.table, ctx.seen.surveys, 'ОП', SURVEY_KEYS, values, day)) work.surveyCounts.surveys += 1;
    }
  }
  return { id: personId, written: '' };
}

/** A withdrawn person's own rows are emptied whole (the row stays, empty, so nothing else moves). */
export function clearRowsOf(table: BaseTable, ids: ReadonlySet<string>): void {
  table.rows.forEach((_r, i) => {
    if (!ids.has(String(table.get(i, 'personId')).trim())) return;
    for (const column of table.def.columns) if (comparable(table.get(i, column.key)) !== '') table.set(i, column.key, '');
  });
}

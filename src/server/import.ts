import { analyse } from '../core/intake/analysis';
import { anonymise, idMentionPattern, isAnonymised, mentionPattern, scrubMentions, scrubText } from '../core/intake/anonymise';
import { CONSENT, consentOf, indexConsents, isMinor, readConsents } from '../core/intake/consent';
import { MENTOR_CATEGORY, PersonFields, joinTopics, menteeFields, mentorFields, thirdPartyNote } from '../core/intake/mappers';
import { PUPIL_REQUESTS } from '../core/questionnaires/choices';
import { BaseTable, Cell, comparable, normalizeName } from '../core/intake/table';
import { isDate } from '../core/questionnaires/read';
import { upsertPerson, matchPerson, findPerson, ledgerValue } from '../core/intake/upsert';
import { MEETING_NO_PAIRS, NOT_SURE, ROLE_MENTEE_SHORT, ROLE_MENTOR_SHORT, ROLE_PARTNER, ROLE_TEACHER, questionnaires } from '../core/questionnaires/definitions';
import { Day, PairUnit, dayText, earlierDay, meetingProblem, pairUnits } from '../core/intake/meetings';
import { readCalendarDate } from '../core/documents/cell-date';
import { Answer, IntakeProblem, ParsedResponse, parseResponse } from '../core/questionnaires/read';
import { cleanName } from '../core/text/names';
import { RU } from '../core/strings';
import { SHEET, sheetDef } from '../core/workbook/sheets';
import { TARGET_GROUPS } from '../core/domain/target-groups';
import { registerCatchUp, runAction, runInTrigger } from './curator';
import { withRoadmap } from './roadmap';
import { SurveyContext, applySurveyAnswer, clearRowsOf } from './import-surveys';
import { monitoringKind } from '../core/questionnaires/monitoring-forms';
import { keepExportConsented } from './platform-export';
import { ensureSheet } from './setup';
import { questionnaireContext } from './questionnaires';
import { LoadedTable, appendRows, loadTable, saveTable } from './tables';
import { appendLogRows } from './log';
import { Source, findSources, sourceLabel, unreadable } from './sources';
import { ANONYMISED_RESPONSE, ScrubTarget, deleteFormResponses, responseKey, scrubRows } from './purge';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

interface Pending {
  source: Source;
  response: ParsedResponse;
  key: string;
}

const cellOf = (a: Answer | undefined): Cell => (a === undefined ? '' : Array.isArray(a) ? a.join(', ') : a);

const FORM_ORDER: Record<string, number> = {
  mentee: 0,
  mentor: 1,
  thirdParty: 2,
  preference: 3,
  meeting: 4,
  feedback: 5,
  diagnosticsEntryMentee: 6,
  diagnosticsEntryMentor: 6,
  diagnosticsExitMentee: 7,
  diagnosticsExitMentor: 7,
  satisfaction: 8,
  swot: 9,
};

const TABLES = [
  'mentees',
  'mentors',
  'partners',
  'consents',
  'pairs',
  'groupMembers',
  'targetGroups',
  'ledger',
  'preferences',
  'importErrors',
  'meetings',
  'feedback',
  'diagnostics',
  'surveys',
] as const;
type TableKey = (typeof TABLES)[number];

/** One remark for «Ошибки импорта»; the person is filled in once the answer is matched to one. */
export interface Remark {
  source: string;
  row: number | string;
  field: string;
  value: string;
  reason: string;
  personId: string;
  /** The response it belongs to, so its person can be set after the response is applied. */
  key?: string;
}

interface Work {
  tables: Record<TableKey, LoadedTable>;
  remarks: Remark[];
  log: Array<[string, string]>;
  now: Date;
  timeZone: string;
  counts: {
    responses: Record<string, number>;
    createdMentees: number;
    createdMentors: number;
    createdPartners: number;
    updated: number;
    stale: number;
    anonymised: number;
    rejected: number;
    meetings: number;
    meetingsRefused: number;
  };
  /** What meeting reports are checked against, read at the first one. */
  meetingContext?: MeetingContext;
  /** What feedback, diagnostics and surveys are checked against, read at the first one. */
  surveyContext?: SurveyContext;
  surveyCounts: { feedback: number; diagnostics: number; surveys: number; refused: number };
}

/** What earlier imports wrote per person (from the ledger), kept current as this import goes on. */
function previousWrites(ledger: BaseTable): Map<string, Record<string, string>> {
  const byPerson = new Map<string, Record<string, string>>();
  ledger.rows.forEach((_r, i) => {
    const id = String(ledger.get(i, 'personId'));
    const written = String(ledger.get(i, 'written'));
    if (!id || !written) return;
    try {
      byPerson.set(id, { ...(byPerson.get(id) ?? {}), ...(JSON.parse(written) as Record<string, string>) });
    } catch (_error) {
      // A damaged ledger cell only means that person's hand edits are treated as unknown.
    }
  });
  return byPerson;
}

function problemRemarks(work: Work, label: string, problems: IntakeProblem[], key?: string): void {
  for (const p of problems)
    work.remarks.push({ source: label, row: p.row || '—', field: p.field, value: p.value, reason: p.fatal ? `${p.reason}; ответ не импортирован` : p.reason, personId: '', key });
}

function applyPerson(
  work: Work,
  table: BaseTable,
  prefix: string,
  person: PersonFields,
  distinct: Record<string, Cell>,
  at: Date | null,
  previous: (id: string) => Record<string, string> | undefined,
  p: Pending,
) {
  const label = sourceLabel(p.source);
  const { name, mixedScripts } = cleanName(person.name);
  const result = upsertPerson(table, { idPrefix: prefix, name, identity: person.identity, distinct, fields: person.fields, onCreate: person.onCreate, previous, at });
  const remark = (field: string, value: string, reason: string) => work.remarks.push({ source: label, row: p.response.row, field, value, reason, personId: result.id, key: p.key });
  if (mixedScripts) remark('ФИО', name, RU.importing.mixedScripts);
  if (result.created && result.namesakes.length) remark('ФИО', name, RU.importing.namesake(result.namesakes, result.id));
  if (result.stale) work.counts.stale += 1;
  if (!result.created && result.changes.length) {
    work.counts.updated += 1;
    const fieldTitle = (key: string) => table.def.columns.find((c) => c.key === key)?.header ?? key;
    // «Журнал» names fields, never the answers: it outlives a withdrawal of consent.
    work.log.push([
      RU.importing.resubmitted,
      RU.importing.fieldsUpdated(
        result.id,
        result.changes.map(([k]) => fieldTitle(k)),
      ),
    ]);
  }
  for (const c of result.conflicts) {
    const header = table.def.columns.find((d) => d.key === c.key)?.header ?? c.key;
    remark(header, c.incoming, RU.importing.curatorEdited(result.id, c.current));
  }
  return result;
}

function applyResponse(work: Work, p: Pending, previous: (id: string) => Record<string, string> | undefined): { id: string; written: string; retry?: boolean } {
  const { def } = p.source;
  const a = p.response.answers;
  const label = sourceLabel(p.source);
  const { mentees, mentors, partners } = work.tables;
  const at = p.response.timestamp;
  if (def.key === 'mentee') {
    const person = menteeFields(a);
    const r = applyPerson(work, mentees.table, 'НЯ', person, { grade: person.fields.grade ?? '', contact: person.fields.contact ?? '' }, at, previous, p);
    if (a.category === ROLE_TEACHER && typeof a.experience === 'number' && a.experience > 3) {
      work.remarks.push({
        source: label,
        row: p.response.row,
        field: 'Педагогический стаж',
        value: String(a.experience),
        reason: RU.importing.notYoungSpecialist(a.experience),
        personId: r.id,
        key: p.key,
      });
    }
    if (r.created) work.counts.createdMentees += 1;
    return { id: r.id, written: r.stale ? '' : JSON.stringify(r.written) };
  }
  if (def.key === 'mentor') {
    const person = mentorFields(a);
    const r = applyPerson(work, mentors.table, 'НК', person, { grade: person.fields.grade ?? '', contact: person.fields.contact ?? '' }, at, previous, p);
    if (r.created) work.counts.createdMentors += 1;
    const organisation = cleanName(a.organisation ?? '').name;
    if (a.category === ROLE_PARTNER && organisation && findPerson(partners.table, organisation, {}) < 0) {
      const row = partners.table.append();
      partners.table.set(row, 'id', partners.table.nextId('ПР'));
      partners.table.set(row, 'name', organisation);
      partners.table.set(row, 'forms', 'работодатель – ученик');
      work.counts.createdPartners += 1;
      work.remarks.push({ source: label, row: p.response.row, field: 'Организация', value: organisation, reason: RU.importing.newPartner, personId: r.id, key: p.key });
    }
    return { id: r.id, written: r.stale ? '' : JSON.stringify(r.written) };
  }
  if (def.key === 'preference') return applyPreference(work, p, label);
  if (def.key === 'meeting') return applyMeeting(work, p, label);
  const monitoring = monitoringKind(def.key);
  if (monitoring) return applySurveyAnswer(work, p, label, monitoring);
  // A third party's request joins the child's row (created if the child has not answered yet).
  const table = mentees.table;
  const { name } = cleanName(a.name);
  const grade = cellOf(a.grade);
  const match = matchPerson(table, name, { category: 'обучающийся' }, { grade });
  let row = match.row;
  // What this request put into the child's own fields: remembered like an answer, so the child's
  // own form later replaces it instead of reporting it as the curator's hand edit.
  const written: Record<string, string> = {};
  if (row < 0) {
    const onCreate: Record<string, Cell> = { status: 'в базе', grade, association: cellOf(a.association), form: a.form === NOT_SURE ? '' : cellOf(a.form) };
    const r = upsertPerson(table, {
      idPrefix: 'НЯ',
      name,
      identity: { category: 'обучающийся' },
      fields: {},
      // The child's own topics are the child's words: the third party's go to «Темы запроса от третьих лиц».
      onCreate,
      previous,
      at: null,
    });
    row = r.row;
    for (const key of ['grade', 'association', 'form']) if (comparable(onCreate[key])) written[key] = ledgerValue(comparable(onCreate[key]));
    work.counts.createdMentees += 1;
    if (match.namesakes.length)
      work.remarks.push({
        source: label,
        row: p.response.row,
        field: 'ФИО обучающегося',
        value: name,
        reason: RU.importing.namesake(
          match.namesakes.map((i) => String(table.get(i, 'id'))),
          r.id,
        ),
        personId: r.id,
        key: p.key,
      });
  }
  const date = at ? Utilities.formatDate(at, work.timeZone, 'dd.MM.yyyy') : '';
  const note = thirdPartyNote(a, date);
  const existing = String(table.get(row, 'thirdParty'));
  if (!existing.includes(note)) table.set(row, 'thirdParty', existing ? `${existing}\n${note}` : note);
  // The request joins the child's: its topics once each, its field only where the child named none.
  const topics = joinTopics(String(table.get(row, 'thirdPartyTopics')), a.topics, PUPIL_REQUESTS);
  if (topics) table.set(row, 'thirdPartyTopics', topics);
  if (a.direction !== undefined && !String(table.get(row, 'direction')).trim()) {
    table.set(row, 'direction', cellOf(a.direction));
    written.direction = ledgerValue(comparable(cellOf(a.direction)));
  }
  const sources = String(table.get(row, 'source')).split(', ').filter(Boolean);
  const role = String(a.reporterRole);
  if (!sources.includes(role)) table.set(row, 'source', [...sources, role].join(', '));
  return { id: String(table.get(row, 'id')), written: Object.keys(written).length ? JSON.stringify(written) : '' };
}

/** A participant typed by name (or by code) in the preference survey, found in a base. */
function resolve(table: BaseTable, text: string): string {
  const typed = cleanName(text).name;
  const [byId] = table.find('id', typed);
  if (byId !== undefined) return String(table.get(byId, 'id'));
  const rows = table.find('name', typed);
  if (rows.length === 1) return String(table.get(rows[0], 'id'));
  // «Иванова Анна» for «Иванова Анна Сергеевна»: a unique prefix match is accepted.
  const prefix = normalizeName(typed);
  const partial = table.rows.map((_r, i) => i).filter((i) => prefix && normalizeName(table.get(i, 'name')).startsWith(`${prefix} `));
  return partial.length === 1 ? String(table.get(partial[0], 'id')) : '';
}

function applyPreference(work: Work, p: Pending, label: string): { id: string; written: string } {
  const a = p.response.answers;
  const menteeSide = a.role === ROLE_MENTEE_SHORT;
  const own = menteeSide ? work.tables.mentees.table : work.tables.mentors.table;
  const other = menteeSide ? work.tables.mentors.table : work.tables.mentees.table;
  const id = resolve(own, String(a.name));
  if (!id) {
    work.remarks.push({
      source: label,
      row: p.response.row,
      field: 'ФИО',
      value: String(a.name),
      reason: RU.importing.unknownParticipant(menteeSide ? 'наставляемых' : 'наставников'),
      personId: '',
      key: p.key,
    });
    return { id: '', written: '' };
  }
  const prefs = work.tables.preferences.table;
  let row = prefs.rows.findIndex((_r, i) => String(prefs.get(i, 'personId')) === id);
  if (row < 0) {
    row = prefs.append();
    prefs.set(row, 'personId', id);
  }
  prefs.set(row, 'role', menteeSide ? ROLE_MENTEE_SHORT : ROLE_MENTOR_SHORT);
  for (const n of [1, 2, 3]) {
    const typed = String(a[`choice${n}`] ?? '').trim();
    const chosen = typed ? resolve(other, typed) : '';
    if (typed && !chosen)
      work.remarks.push({
        source: label,
        row: p.response.row,
        field: `${n}-й выбор`,
        value: typed,
        reason: RU.importing.unknownParticipant(menteeSide ? 'наставников' : 'наставляемых'),
        personId: id,
        key: p.key,
      });
    prefs.set(row, `choice${n}`, chosen);
  }
  prefs.set(row, 'impressions', String(a.impressions ?? ''));
  if (p.response.timestamp) prefs.set(row, 'updated', p.response.timestamp);
  return { id, written: '' };
}

interface MeetingContext {
  units: Map<string, PairUnit>;
  /** The day each registered document was signed, by its URL and by its id. */
  signed: Map<string, Day>;
  today: Day;
  /** Rows of «Встречи» already there (or added now), by their content: one meeting is one row. */
  seen: Map<string, string>;
}

/**
 * Days already worked out, per zone and moment: each conversion is a service call, and a year of
 * answers has tens of thousands of dates but only a few hundred distinct days.
 */
const knownDays = new Map<string, Map<number, Day>>();

/** A moment's calendar day in the spreadsheet's zone. */
export function dayOfIn(timeZone: string): (d: Date) => Day {
  let known = knownDays.get(timeZone);
  if (!known) knownDays.set(timeZone, (known = new Map()));
  const days = known;
  return (d) => {
    const t = d.getTime();
    const seen = days.get(t);
    if (seen) return { ...seen };
    const [year, month, day] = Utilities.formatDate(d, timeZone, 'yyyy-MM-dd').split('-').map(Number);
    days.set(t, { year, month, day });
    return { year, month, day };
  };
}

function meetingKey(pair: string, day: string, cells: readonly unknown[]): string {
  return [normalizeName(pair), day, ...cells.map((c) => comparable(c))].join('|');
}

function meetingContext(ss: Spreadsheet, work: Work): MeetingContext {
  if (work.meetingContext) return work.meetingContext;
  const dayOf = dayOfIn(work.timeZone);
  const signed = signedDays(loadTable(ss, 'documents', false)?.table, dayOf);
  const meetings = work.tables.meetings.table;
  const seen = new Map<string, string>();
  meetings.rows.forEach((_r, i) => {
    const date = meetings.get(i, 'date');
    const day = isDate(date) ? dayText(dayOf(date)) : String(date).trim();
    seen.set(
      meetingKey(
        String(meetings.get(i, 'pair')),
        day,
        ['type', 'minutes', 'format', 'topic'].map((k) => meetings.get(i, k)),
      ),
      String(meetings.get(i, 'id')),
    );
  });
  work.meetingContext = { units: pairUnits(work.tables.pairs.table), signed, today: dayOf(work.now), seen };
  return work.meetingContext;
}

/** The day each registered document was signed, by its URL and by its id («Документы»). */
export function signedDays(register: BaseTable | undefined, dayOf: (d: Date) => Day): Map<string, Day> {
  const signed = new Map<string, Day>();
  register?.rows.forEach((_r, i) => {
    const day = readCalendarDate(register.get(i, 'signedOn'), dayOf);
    if (!day || day === 'invalid') return;
    for (const key of ['url', 'id']) {
      const ref = String(register.get(i, key)).trim();
      if (ref) signed.set(ref, day);
    }
  });
  return signed;
}

/** The day the order approving the pair was signed, or null while no order of it is signed. */
export function signedOrderDay(ctx: Pick<MeetingContext, 'signed'>, pairs: BaseTable, unit: PairUnit): Day | null {
  let signed: Day | null = null;
  for (const i of unit.rows) {
    if (!['утверждена', 'активна'].includes(String(pairs.get(i, 'status')).trim())) continue;
    const order = String(pairs.get(i, 'order')).trim();
    const ref = order ? [...ctx.signed.keys()].find((k) => k === order || (k.length > 10 && order.includes(k))) : undefined;
    if (ref) signed = earlierDay(signed, ctx.signed.get(ref)!);
  }
  return signed;
}

/** The day the order approving the pair was signed; else the pair's start (the day of its approval). */
export function orderDayOf(ctx: Pick<MeetingContext, 'signed'>, pairs: BaseTable, unit: PairUnit, dayOf: (d: Date) => Day): Day | null {
  const signed = signedOrderDay(ctx, pairs, unit);
  if (signed) return signed;
  let started: Day | null = null;
  for (const i of unit.rows) {
    if (!['утверждена', 'активна'].includes(String(pairs.get(i, 'status')).trim())) continue;
    const start = pairs.get(i, 'start');
    if (isDate(start)) started = earlierDay(started, dayOf(start));
  }
  return started;
}

/** A day answer: «YYYY-MM-DD» as typed, or a Date cell's moment read in the spreadsheet's zone. */
function answerDay(value: string, dayOf: (d: Date) => Day): Day {
  const typed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (typed) return { year: Number(typed[1]), month: Number(typed[2]), day: Number(typed[3]) };
  return dayOf(new Date(value));
}

/**
 * A mentor's meeting report becomes one row of «Встречи», linked to the pair or group. A report
 * for a pair that is not the mentor's, not approved or ended, or dated outside the pair's time is
 * refused with a remark; the ledger still records it as seen, and its response stays in its sheet.
 */
function applyMeeting(work: Work, p: Pending, label: string): { id: string; written: string } {
  const a = p.response.answers;
  const ctx = work.meetingContext ?? meetingContext(SpreadsheetApp.getActive(), work);
  const dayOf = dayOfIn(work.timeZone);
  const code = String(a.mentorCode ?? '').trim();
  const pairId = String(a.pair ?? '').trim();
  const day = answerDay(String(a.date), dayOf);
  const mentors = work.tables.mentors.table;
  const mentorRow = mentors.find('id', code)[0];
  const personId = mentorRow === undefined ? '' : String(mentors.get(mentorRow, 'id'));
  const unit = ctx.units.get(normalizeName(pairId));
  const pairs = work.tables.pairs.table;
  const problem = meetingProblem({ mentorCode: code, pairId, day }, { unit, orderDay: unit ? orderDayOf(ctx, pairs, unit, dayOf) : null, today: ctx.today }, MEETING_NO_PAIRS);
  if (problem || !unit) {
    const question = p.source.def.questions.find((q) => q.key === (problem?.field ?? 'pair'));
    const value = problem?.field === 'date' ? dayText(day) : problem?.field === 'mentorCode' ? code : pairId;
    work.remarks.push({ source: label, row: p.response.row, field: question?.title ?? '', value, reason: `${problem?.reason ?? ''}; ответ не импортирован`, personId, key: p.key });
    work.counts.meetingsRefused += 1;
    return { id: personId, written: '' };
  }
  const meetings = work.tables.meetings.table;
  const cells = { type: String(a.kind), minutes: Number(a.minutes), format: String(a.format), topic: String(a.done ?? '') };
  const key = meetingKey(unit.id, dayText(day), [cells.type, cells.minutes, cells.format, cells.topic]);
  // The same meeting again (sent twice, or saved before a failure stopped the ledger): one row.
  if (ctx.seen.has(key)) return { id: personId, written: '' };
  const row = meetings.append();
  const id = meetings.nextId('ВС');
  meetings.set(row, 'id', id);
  meetings.set(row, 'pair', unit.id);
  // The form's own Date cell when there is one (midnight in the spreadsheet's zone), else the day typed.
  const moment = String(a.date);
  meetings.set(row, 'date', /T/.test(moment) ? new Date(moment) : new Date(day.year, day.month - 1, day.day));
  meetings.set(row, 'type', cells.type);
  meetings.set(row, 'topic', cells.topic);
  meetings.set(row, 'minutes', cells.minutes);
  meetings.set(row, 'format', cells.format);
  ctx.seen.set(key, id);
  work.counts.meetings += 1;
  return { id: personId, written: '' };
}

interface Withdrawal {
  /** Everyone whose consent is withdrawn, anonymised now or earlier. */
  ids: Set<string>;
  /** Names of the people anonymised by this import (still known until the bases are saved). */
  names: string[];
}

/** Consent and priority for everyone; the rows of people whose consent is withdrawn. */
function refreshPeople(work: Work): Array<{ people: BaseTable; row: number }> {
  const { mentees, mentors, consents, groupMembers, targetGroups } = work.tables;
  const records = indexConsents(readConsents(consents.table));
  const priorityOf = new Map<string, number>();
  targetGroups.table.rows.forEach((_r, i) => priorityOf.set(String(targetGroups.table.get(i, 'code')), Number(targetGroups.table.get(i, 'priority')) || 0));
  const marks = groupMarks(groupMembers.table);
  const withdrawn: Array<{ people: BaseTable; row: number }> = [];
  for (const [people, role] of [
    [mentees.table, 'mentee'],
    [mentors.table, 'mentor'],
  ] as const) {
    people.rows.forEach((_r, i) => {
      const id = String(people.get(i, 'id'));
      const name = String(people.get(i, 'name'));
      if (!name.trim()) return;
      const { status } = consentOf({ id, name, minor: isMinor(people.get(i, 'category'), people.get(i, 'age')) }, records);
      people.set(i, 'consent', status);
      if (role === 'mentee') {
        const codes = marks.get(id) ?? [];
        people.set(
          i,
          'priority',
          codes.reduce((max, code) => Math.max(max, priorityOf.get(code) ?? 0), 0),
        );
      }
      if (status === CONSENT.withdrawn) withdrawn.push({ people, row: i });
    });
  }
  return withdrawn;
}

/** Anonymises the withdrawn people in the bases (in memory); their names are kept for the scrub. */
function anonymiseAll(work: Work, withdrawn: Array<{ people: BaseTable; row: number }>): Withdrawal {
  const { pairs, consents, groupMembers, ledger } = work.tables;
  const withdrawal: Withdrawal = { ids: new Set(), names: [] };
  for (const { people, row } of withdrawn) {
    const id = String(people.get(row, 'id'));
    const name = String(people.get(row, 'name'));
    withdrawal.ids.add(id);
    const fresh = !isAnonymised(name, id);
    // Run again for people anonymised earlier: an interrupted import may have saved only part of it.
    anonymise({ people, pairs: pairs.table, consents: consents.table, groupMembers: groupMembers.table, ledger: ledger.table }, row);
    if (!fresh) continue;
    withdrawal.names.push(name);
    work.counts.anonymised += 1;
    work.log.push([RU.importing.withdrawn, RU.importing.anonymised(id)]);
  }
  return withdrawal;
}

function groupMarks(table: BaseTable): Map<string, string[]> {
  const out = new Map<string, string[]>();
  table.rows.forEach((_r, i) => {
    const id = String(table.get(i, 'personId')).trim();
    if (!id) return;
    const codes = TARGET_GROUPS.filter((g) => table.get(i, `group_${g.code}`) === true).map((g) => g.code);
    out.set(id, [...(out.get(id) ?? []), ...codes]);
  });
  return out;
}

/**
 * Everything that still names a withdrawn person: their own response rows (found by the ledger,
 * or by name while it is still known), other people's answers and remarks that mention them.
 */
function withdrawalTargets(
  sources: Source[],
  rowKeys: Map<Source, Map<number, string>>,
  owner: (key: string) => string,
  withdrawal: Withdrawal,
  remember: (key: string, source: Source, row: number, personId: string) => void,
): ScrubTarget[] {
  const byName = mentionPattern(withdrawal.names);
  const byId = idMentionPattern([...withdrawal.ids]);
  const names = new Set(withdrawal.names.map(normalizeName));
  const targets: ScrubTarget[] = [];
  for (const source of sources) {
    const nameCol = source.layout.columns.get('name');
    const keys = rowKeys.get(source);
    source.values.forEach((cells, index) => {
      if (index === 0) return;
      const own = (typeof nameCol === 'number' && names.has(normalizeName(cells[nameCol - 1]))) || withdrawal.ids.has(owner(keys?.get(index) ?? ''));
      if (own) targets.push({ source, index, whole: true });
      else if (byName && cells.some((c) => typeof c === 'string' && scrubText(c, byName, byId) !== c)) {
        const rewrite = (fresh: Cell[]) => fresh.map((c) => (typeof c === 'string' ? scrubText(c, byName, byId) : c));
        targets.push({ source, index, whole: false, rewrite });
        // The rewritten answer is the same response: the ledger knows it, so it is not imported again.
        const key = responseKey(source, rewrite(cells), index);
        if (key) remember(key, source, index + 1, owner(keys?.get(index) ?? ''));
      }
    });
  }
  return targets;
}

/** Mentions of withdrawn people in the tables this import holds, in «Журнал» and «Склонение ФИО»; returns the sheets to save. */
function scrubTables(ss: Spreadsheet, work: Work, withdrawal: Withdrawal): LoadedTable[] {
  const byName = mentionPattern(withdrawal.names);
  const byId = idMentionPattern([...withdrawal.ids]);
  const { mentees, mentors, pairs, preferences, importErrors, consents, ledger, meetings, feedback, diagnostics, surveys } = work.tables;
  // Their own answers go whole: feedback, diagnostics and surveys are rows of one person each.
  for (const t of [feedback, diagnostics, surveys]) clearRowsOf(t.table, withdrawal.ids);
  // The ledger too: what it remembers of other people's answers is scrubbed as their cells are.
  for (const t of [mentees, mentors, pairs, preferences, consents, ledger, meetings, feedback, diagnostics, surveys])
    scrubMentions(t.table, byName, byId, ['id', 'personId', 'menteeId', 'mentorId', 'key', 'item']);
  // Remarks on a withdrawn person's answers keep only the fact that there was one.
  const errors = importErrors.table;
  errors.rows.forEach((_r, i) => {
    if (!withdrawal.ids.has(String(errors.get(i, 'personId')))) return;
    errors.set(i, 'value', '');
    errors.set(i, 'reason', RU.importing.remarkAnonymised);
  });
  scrubMentions(errors, byName, byId, ['personId']);
  // Their personal links (code and name) leave «Ссылки на анкеты» now, not at the next «Ссылки на анкеты…».
  const links = loadTable(ss, 'surveyLinks', false);
  if (links) clearRowsOf(links.table, withdrawal.ids);
  if (!byName) return links ? [links] : [];
  const log = loadTable(ss, 'log', false);
  if (log) scrubMentions(log.table, byName, byId, ['at', 'user']);
  // The curator's corrected forms of a name are the name too, in a case the pattern cannot see: the whole row goes.
  const forms = loadTable(ss, 'nameForms', false);
  if (forms) {
    const t = forms.table;
    t.rows.forEach((_r, i) => {
      if (scrubText(String(t.get(i, 'name') ?? ''), byName, null) === String(t.get(i, 'name') ?? '')) return;
      for (const key of ['name', 'case', 'form']) t.set(i, key, '');
    });
  }
  return [links, log, forms].filter((t): t is LoadedTable => t !== null);
}

function writeAnalysis(ss: Spreadsheet, work: Work, forms: readonly string[]): void {
  const { table, monitoring } = analyse({
    mentees: work.tables.mentees.table,
    mentors: work.tables.mentors.table,
    partners: work.tables.partners.table,
    forms,
    groups: TARGET_GROUPS,
    groupMarks: groupMarks(work.tables.groupMembers.table),
  });
  const sheet = ss.getSheetByName(SHEET.analysis);
  if (sheet) {
    const last = sheet.getLastRow();
    if (last > 1) sheet.getRange(2, 1, last - 1, 5).clearContent();
    if (table.length)
      appendRows(
        sheet,
        table.map((r) => [...r]),
      );
  }
  const mon = loadTable(ss, 'monitoring', false);
  if (!mon) return;
  for (const [stage, indicator, value] of monitoring) {
    let row = mon.table.rows.findIndex((_r, i) => String(mon.table.get(i, 'stage')) === stage && String(mon.table.get(i, 'indicator')) === indicator);
    if (row < 0) {
      row = mon.table.append();
      mon.table.set(row, 'stage', stage);
      mon.table.set(row, 'indicator', indicator);
    }
    if (mon.table.get(row, 'value') !== value) {
      mon.table.set(row, 'value', value);
      mon.table.set(row, 'date', work.now);
    }
  }
  saveTable(mon);
}

export interface ImportResult {
  message: string;
  newResponses: number;
  createdMentees: number;
  createdMentors: number;
  createdPartners: number;
  updated: number;
  errors: number;
  anonymised: number;
}

/** The same remark found again (a re-run after a failure) is not reported twice. */
function addRemarks(errors: BaseTable, remarks: Remark[], now: Date): number {
  const key = (source: unknown, row: unknown, field: unknown, reason: unknown) => [source, row, field, reason].map(String).join('|');
  const seen = new Set(errors.rows.map((_r, i) => key(errors.get(i, 'source'), errors.get(i, 'row'), errors.get(i, 'field'), errors.get(i, 'reason'))));
  let added = 0;
  for (const r of remarks) {
    const k = key(r.source, r.row, r.field, r.reason);
    if (seen.has(k)) continue;
    seen.add(k);
    const i = errors.append();
    errors.set(i, 'at', now);
    errors.set(i, 'source', r.source);
    errors.set(i, 'row', r.row);
    errors.set(i, 'field', r.field);
    errors.set(i, 'value', r.value);
    errors.set(i, 'reason', r.reason);
    errors.set(i, 'status', 'новая');
    errors.set(i, 'personId', r.personId);
    added += 1;
  }
  return added;
}

export function importNow(): ImportResult {
  const ss = SpreadsheetApp.getActive();
  const ctx = questionnaireContext(ss);
  const defs = questionnaires(ctx);
  // A workbook set up before «Опросы» existed gets it here, as setup would add it.
  if (!ss.getSheetByName(SHEET.surveys)) ensureSheet(ss, sheetDef('surveys'));
  const tables = Object.fromEntries(TABLES.map((k) => [k, loadTable(ss, k)!])) as Work['tables'];
  const work: Work = {
    tables,
    remarks: [],
    log: [],
    now: new Date(),
    timeZone: ss.getSpreadsheetTimeZone(),
    counts: { responses: {}, createdMentees: 0, createdMentors: 0, createdPartners: 0, updated: 0, stale: 0, anonymised: 0, rejected: 0, meetings: 0, meetingsRefused: 0 },
    surveyCounts: { feedback: 0, diagnostics: 0, surveys: 0, refused: 0 },
  };
  const found = findSources(ss, defs);
  const sheetProblems = [...found.problems];
  const ledger = tables.ledger.table;
  const owners = new Map(ledger.rows.map((_r, i) => [String(ledger.get(i, 'key')), String(ledger.get(i, 'personId'))]));
  const pending: Pending[] = [];
  const rowKeys = new Map<Source, Map<number, string>>();
  const sources: Source[] = [];
  for (const source of found.sources) {
    const label = sourceLabel(source);
    // A sheet whose header row or name column is gone is left alone until repaired: reading it
    // would invent people («undefined») or mark answers as imported that were never read.
    const broken = unreadable(source);
    if (broken) {
      sheetProblems.push(RU.importing.sheetUnreadable(label, broken));
      continue;
    }
    sources.push(source);
    const { layout } = source;
    for (const q of layout.missing) {
      if (q.required) problemRemarks(work, label, [{ row: 0, field: q.title, value: '', reason: RU.importing.missingColumn, fatal: false }]);
    }
    const nameColumn = layout.columns.get('name');
    const keys = new Map<number, string>();
    rowKeys.set(source, keys);
    source.values.forEach((cells, i) => {
      if (i === 0 || cells.every((c) => c === '' || c === null)) return;
      if (typeof nameColumn === 'number' && cells[nameColumn - 1] === ANONYMISED_RESPONSE) return;
      // A form without a name question keeps only the time of a response anonymised by a withdrawal.
      if (typeof nameColumn !== 'number' && cells.every((c, k) => k === layout.timestamp - 1 || c === '' || c === null)) return;
      const { response, problems } = parseResponse(source.def, layout, cells, i + 1);
      const key = response ? `${source.def.key}:${response.fingerprint}` : `${source.def.key}:ошибка:${i + 1}:${problems.map((p) => p.reason).join('|')}`;
      keys.set(i, key);
      if (owners.has(key)) return;
      problemRemarks(work, label, problems, key);
      if (response) pending.push({ source, response, key });
      else {
        work.counts.rejected += 1;
        // A rejected row is remembered too, so its remarks are reported once.
        owners.set(key, '');
        ledgerRow(work, key, source, i + 1, '');
      }
    });
  }
  pending.sort((x, y) => (x.response.timestamp?.getTime() ?? 0) - (y.response.timestamp?.getTime() ?? 0) || FORM_ORDER[x.source.def.key] - FORM_ORDER[y.source.def.key]);
  const writes = previousWrites(ledger);
  const previous = (id: string) => writes.get(id);
  let retried = 0;
  for (const p of pending) {
    const { id, written, retry } = applyResponse(work, p, previous);
    for (const r of work.remarks) if (r.key === p.key && !r.personId) r.personId = id;
    // Known to this run only: a withdrawal still finds the response, and the next import checks it again.
    owners.set(p.key, id);
    if (retry) {
      retried += 1;
      continue;
    }
    if (written) writes.set(id, { ...(writes.get(id) ?? {}), ...(JSON.parse(written) as Record<string, string>) });
    ledgerRow(work, p.key, p.source, p.response.row, id, written);
    work.counts.responses[p.source.def.key] = (work.counts.responses[p.source.def.key] ?? 0) + 1;
  }
  const withdrawn = refreshPeople(work);
  updateMentorCounts(work);
  const fresh = addRemarks(tables.importErrors.table, work.remarks, work.now);

  // First the intake, whole: bases, then the ledger, so an answer is never marked imported
  // before its person is saved, and a re-run finds the same people by name.
  for (const key of ['partners', 'consents', 'pairs', 'groupMembers', 'preferences', 'importErrors', 'mentees', 'mentors', 'meetings', 'feedback', 'diagnostics', 'surveys', 'ledger'] as const)
    saveTable(tables[key]);

  // Then the withdrawals, on answers already recorded. Everything that needs the person's name to
  // be found goes first; the bases, which forget the name, go last, so a re-run after a failure at
  // any call still knows whom to look for and finishes the job.
  if (withdrawn.length) {
    const withdrawal = anonymiseAll(work, withdrawn);
    const extra = scrubTables(ss, work, withdrawal);
    const targets = withdrawalTargets(
      sources,
      rowKeys,
      (key) => owners.get(key) ?? '',
      withdrawal,
      (key, source, row, personId) => {
        if (!owners.has(key)) ledgerRow(work, key, source, row, personId);
        owners.set(key, personId);
      },
    );
    // The rewritten answers' new keys are recorded before the rows change, so none is read as new.
    saveTable(tables.ledger);
    // Other people's stored answers that name the person go too: a Form response cannot be edited,
    // and what they said is already in the bases.
    deleteFormResponses(targets);
    scrubRows(targets);
    for (const key of ['consents', 'pairs', 'groupMembers', 'preferences', 'importErrors', 'meetings', 'feedback', 'diagnostics', 'surveys'] as const) saveTable(tables[key]);
    for (const t of extra) saveTable(t);
    saveTable(tables.mentors, { last: ['name'] });
    saveTable(tables.mentees, { last: ['name'] });
  }
  writeAnalysis(ss, work, ctx.forms);
  // Last: everything above is saved, so the export is remade from the bases as they now stand.
  const exported = keepExportConsented(ss);
  if (exported) sheetProblems.push(exported);
  appendLogRows([...work.log, ...sheetProblems.map((p): [string, string] => [RU.action.importResponses, p])]);

  const total = pending.length - retried;
  const summary = [RU.importing.summary({ ...work.counts, total, errors: fresh }), RU.surveys.importLine(work.surveyCounts)].filter(Boolean).join(' ');
  return {
    message: sheetProblems.length ? `${sheetProblems.join(' ')} ${summary}` : summary,
    newResponses: total,
    createdMentees: work.counts.createdMentees,
    createdMentors: work.counts.createdMentors,
    createdPartners: work.counts.createdPartners,
    updated: work.counts.updated,
    errors: fresh,
    anonymised: work.counts.anonymised,
  };
}

function ledgerRow(work: Work, key: string, source: Source, row: number, personId: string, written = ''): void {
  const t = work.tables.ledger.table;
  const r = t.append();
  t.set(r, 'key', key);
  t.set(r, 'form', source.def.title);
  t.set(r, 'sheet', source.name);
  t.set(r, 'row', row);
  t.set(r, 'personId', personId);
  t.set(r, 'importedAt', work.now);
  t.set(r, 'written', written);
}

/** Partners' «Наставников»: how many mentors in the base come from each organisation. */
function updateMentorCounts(work: Work): void {
  const { mentors, partners } = work.tables;
  const byOrg = new Map<string, number>();
  mentors.table.rows.forEach((_r, i) => {
    if (mentors.table.get(i, 'category') !== MENTOR_CATEGORY[ROLE_PARTNER]) return;
    const org = normalizeName(mentors.table.get(i, 'organisation'));
    if (org) byOrg.set(org, (byOrg.get(org) ?? 0) + 1);
  });
  partners.table.rows.forEach((_r, i) => {
    if (String(partners.table.get(i, 'name')).trim()) partners.table.set(i, 'mentorCount', byOrg.get(normalizeName(partners.table.get(i, 'name'))) ?? 0);
  });
}

/** Menu «Импортировать ответы анкет»: the catch-up path; safe to run any number of times. */
export function importResponses() {
  return runAction(RU.action.importResponses, withRoadmap(RU.action.importResponses, importNow));
}

registerCatchUp('import', RU.action.importResponses, importNow);

/** The installable trigger: every new response goes to the bases at once. */
export function onFormSubmit(_e?: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  runInTrigger('import', RU.action.importResponses, importNow);
}

/** Menu «Включить автоматический импорт ответов»: installs the trigger once, never twice. */
export function enableAutoImport() {
  return runAction(RU.action.autoImport, () => {
    const ss = SpreadsheetApp.getActive();
    const installed = ScriptApp.getUserTriggers(ss).some((t) => t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT && t.getHandlerFunction() === 'onFormSubmit');
    if (installed) return { message: RU.importing.autoAlready, installed: false };
    ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(ss).onFormSubmit().create();
    return { message: RU.importing.autoOn, installed: true };
  });
}

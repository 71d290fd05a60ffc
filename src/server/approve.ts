import { OrderPairRow, StaffMember, pairsOrderData } from '../core/documents/order-pairs';
import { CalendarDate, numericDate } from '../core/documents/dates';
import { trainingOrderData } from '../core/documents/order-training';
import { GROUPS, MENTEES, PAIRS, WORDS, YEARS, bySex, plural, sexOf } from '../core/language';
import { countUnits } from '../core/pairing/units';
import { Settings } from '../core/settings';
import { isDate } from '../core/questionnaires/read';
import { MenteeRecord, MentorRecord, isStaffMentor } from '../core/pairing/records';
import { RU } from '../core/strings';
import { runAction } from './curator';
import { withRoadmap } from './roadmap';
import { CuratorError } from './errors';
import { DocRecord, produceDocument } from './documents';
import { PAIRS_ORDER, TRAINING_ORDER } from './document-kinds';
import { recordDocument } from './register';
import { readTrainingPlan } from './training-plan';
import { fromSidebar, plainObject, refusal } from './matching';
import { APPROVAL_RECORD, APPROVED, PROPOSED, PairingData, loadPairingData, pairBlocker, pairsWithStatus } from './pairing';
import { loadTable, saveTable } from './tables';
import { purgeResponses } from './purge';
import { Progress } from './progress';
import { trash } from './templates';
import { loadNameOverrides } from './settings';

function today(): CalendarDate {
  const tz = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
  const [day, month, year] = Utilities.formatDate(new Date(), tz, 'dd.MM.yyyy').split('.').map(Number);
  return { year, month, day };
}

/** An order number as a person types it: letters, digits, «-», «/», «.»; never a formula or an object. */
const ORDER_NUMBER = /^[0-9A-Za-zА-Яа-яЁё№][0-9A-Za-zА-Яа-яЁё№ ./-]{0,19}$/;

interface OrderOptions {
  number: string;
  /** The signing date, when the curator knows it; otherwise the director writes it by hand. */
  date: CalendarDate | null;
}

function orderDate(value: unknown): CalendarDate | null {
  if (value === undefined || value === null || value === '') return null;
  const m = typeof value === 'string' ? /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(value) : null;
  if (!m) throw new CuratorError(RU.approve.badDate);
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (year < 2000 || year > 2100 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) throw new CuratorError(RU.approve.badDate);
  return { year, month, day };
}

/**
 * The options of approvePairs and createTrainingOrder: nothing, or a plain object whose `number`
 * is a short string or a whole number and whose `date` is «ДД.ММ.ГГГГ». A menu click may pass
 * Google's event object: its other keys are ignored, never read.
 */
function orderOptions(options: unknown): OrderOptions {
  if (options === undefined || options === null) return { number: '', date: null };
  if (!plainObject(options)) throw new CuratorError(RU.approve.badOptions);
  const value = options.number;
  let number = '';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) throw new CuratorError(RU.approve.badNumber);
    number = String(value);
  } else if (value !== undefined && value !== null && value !== '') {
    if (typeof value !== 'string') throw new CuratorError(RU.approve.badNumber);
    number = value.trim();
    if (number && !ORDER_NUMBER.test(number)) throw new CuratorError(RU.approve.badNumber);
  }
  return { number, date: orderDate(options.date) };
}

const LEFT = ['выбыл(а)', 'завершил(а)'];

/** «29.11.2026 14:05»: a draft's title names the moment it was made, so each approval has its own. */
function moment(at: Date): string {
  return Utilities.formatDate(at, SpreadsheetApp.getActive().getSpreadsheetTimeZone(), 'dd.MM.yyyy HH:mm');
}

/**
 * What the document could not be given (left blank for a pen), what could not be read (a date on
 * a sheet, a row of «Склонение ФИО») and what the template lacked: told after the summary.
 */
function documentNotes(record: { missing?: string[]; problems?: string[]; notes?: string[] }): string {
  const parts: string[] = [];
  if (record.missing?.length)
    parts.push(
      ` Не хватает данных: ${record.missing.join('; ')} — в документе оставлено место для ручного заполнения; заполните это в «Настройках» или на названном листе, и следующий документ выйдет полным.`,
    );
  for (const problem of record.problems ?? []) parts.push(` ${problem}`);
  if (record.notes?.length) parts.push(` Шаблон: ${record.notes.join(' ')}`);
  return parts.join('');
}

// --- approvePairs ------------------------------------------------------------------------------------

interface Approval extends DocRecord {
  v: 2;
  number: string;
  date: CalendarDate | null;
  /** The moment of the approval (ISO): the pairs' start date when the order's date is not given. */
  at: string;
  /** IDs of the pairs this order approves, fixed when it begins. */
  pairs: string[];
  stage: 'planned' | 'rendered' | 'saved';
  missing?: string[];
  problems?: string[];
}

/** What the last complete approval told the curator, for a click with nothing new to approve. */
const LAST_APPROVAL = 'approvalLast';
const LAST_TRAINING = 'trainingLast';

const NOTE = /^Не утверждена \d{2}\.\d{2}\.\d{4}: [^.]*\.\s*/;

interface People {
  mentees: Map<string, MenteeRecord>;
  mentors: Map<string, MentorRecord>;
}

function peopleOf(data: PairingData): People {
  return { mentees: new Map(data.menteeRecords.map((m) => [m.id, m])), mentors: new Map(data.mentorRecords.map((m) => [m.id, m])) };
}

const cell = (t: PairingData['pairs']['table'], i: number, key: string) => String(t.get(i, key)).trim();

/** «обучающаяся, 9 кл.», «педагог дополнительного образования, студия «Хибины»», «инженер, АО «Апатит»». */
export function mentorDetails(m: MentorRecord): string {
  if (m.category === 'обучающийся') return [`${bySex(sexOf(m.name), WORDS.student)}${m.grade ? `, ${m.grade} кл.` : ''}`, m.association].filter(Boolean).join(', ');
  if (m.category === 'студент') return [m.position || bySex(sexOf(m.name), WORDS.collegeStudent), m.organisation].filter(Boolean).join(', ');
  if (isStaffMentor(m)) return [m.position, m.association].filter(Boolean).join(', ');
  return [m.position, m.organisation].filter(Boolean).join(', ');
}

/** One row of the order's appendix per unit (a mentor in a form): a group is one mentor with several mentees. */
function orderRows(rows: number[], data: PairingData, people: People): OrderPairRow[] {
  const pairs = data.pairs.table;
  const byUnit = new Map<string, OrderPairRow>();
  for (const i of rows) {
    const mentorId = cell(pairs, i, 'mentorId');
    const form = cell(pairs, i, 'form');
    const mentor = people.mentors.get(mentorId)!;
    const mentee = people.mentees.get(cell(pairs, i, 'menteeId'))!;
    const k = `${mentorId}|${form}`;
    const row = byUnit.get(k) ?? { form, mentorId, mentor: mentor.name, mentorDetails: mentorDetails(mentor), mentees: [] };
    row.mentees.push({
      id: mentee.id,
      name: mentee.name,
      details: [mentee.association, mentee.grade ? `${mentee.grade} кл.` : mentee.age ? plural(mentee.age, YEARS) : ''].filter(Boolean).join(', '),
      request: [...mentee.topics, mentee.request].filter(Boolean).join(', '),
    });
    byUnit.set(k, row);
  }
  return [...byUnit.values()];
}

/** The curator, then each staff member the order names: they sign «Лист ознакомления». */
function signatories(settings: Settings, mentors: MentorRecord[]): StaffMember[] {
  const out: StaffMember[] = [];
  const curator = String(settings.curatorName).trim();
  if (curator) out.push({ name: curator, position: String(settings.curatorPosition).trim() });
  for (const m of mentors) if (isStaffMentor(m) && !out.some((s) => s.name === m.name)) out.push({ name: m.name, position: m.position });
  return out;
}

/** Staff mentors of these pairs without the written consent of ст. 351.8 ТК РФ: the order may not appoint them. */
function withoutAgreement(rows: number[], data: PairingData, people: People): string[] {
  const names = new Set<string>();
  for (const i of rows) {
    const m = people.mentors.get(cell(data.pairs.table, i, 'mentorId'));
    if (m && isStaffMentor(m) && !m.agreement) names.add(`${m.name} (${m.id})`);
  }
  return [...names];
}

const unitsText = (n: { pairs: number; groups: number; mentees: number }) => `${plural(n.pairs, PAIRS)}, ${plural(n.groups, GROUPS)}, ${plural(n.mentees, MENTEES)}`;

/**
 * Approves the proposed pairs whose participants may be named (in the bases, in the programme,
 * with a valid consent), in steps a re-run can pick up after a failure at any call: the draft
 * order from the curator's template (its id recorded the moment it exists), the statuses and the
 * bases' cells, the register «Документы», the post-meeting preferences. The participants are
 * informed later, once the signed order's date and number are recorded (notify.ts).
 */
function approveNow(options: unknown) {
  const requested = orderOptions(options);
  const ss = SpreadsheetApp.getActive();
  const props = PropertiesService.getDocumentProperties();
  const store = new Progress<Approval>(props, APPROVAL_RECORD);
  const stored = store.value && store.value.v === 2 ? store.value : null;
  const resumed = stored !== null;
  const data = loadPairingData(ss);
  const { settings } = data;
  const pairs = data.pairs.table;
  const people = peopleOf(data);
  const rowById = new Map<string, number>();
  pairs.rows.forEach((_r, i) => {
    const id = cell(pairs, i, 'id');
    if (id && !rowById.has(id)) rowById.set(id, i);
  });

  let record: Approval;
  if (stored) record = stored;
  else {
    const proposed = pairsWithStatus(pairs, [PROPOSED]);
    if (!proposed.length) {
      const last = props.getProperty(LAST_APPROVAL);
      if (last) return { message: RU.approve.nothingNew(last), approved: 0 };
      throw new CuratorError(RU.approve.nothing);
    }
    record = { v: 2, number: requested.number, date: requested.date, at: new Date().toISOString(), pairs: [], doc: null, stage: 'planned' };
  }
  const blocked = judgeProposals(data, people, record, resumed);
  if (!record.pairs.length) {
    // Nothing may be approved: say why, in the message and in each pair's row.
    markBlocked(data, blocked, today());
    saveTable(data.pairs);
    if (record.doc) trash(record.doc.id);
    if (resumed) store.clear();
    throw new CuratorError(RU.approve.noneApprovable(blocked.map((b) => b.label)));
  }
  const rows = record.pairs.map((id) => rowById.get(id)).filter((i): i is number => i !== undefined);
  if (record.stage === 'planned') {
    // ст. 351.8 ТК РФ: a staff member mentors only with written consent; without it the order is not drafted.
    const lacking = withoutAgreement(rows, data, people);
    if (lacking.length) {
      if (record.doc) trash(record.doc.id);
      if (resumed) store.clear();
      throw new CuratorError(RU.approve.noAgreement(lacking));
    }
  }
  if (!resumed) store.save(record);

  const tableRows = orderRows(rows, data, people);
  const count = countUnits(tableRows.flatMap((r) => r.mentees.map((m) => ({ mentorId: r.mentorId, menteeId: m.id, form: r.form }))));
  if (record.stage === 'planned') {
    const approvedMentees = new Set([...pairsWithStatus(pairs, APPROVED), ...rows].map((i) => cell(pairs, i, 'menteeId')));
    const unmatched = data.menteeRecords.filter((m) => m.consent && !LEFT.includes(m.status) && !approvedMentees.has(m.id)).length;
    const mentors = [...new Set(tableRows.map((r) => r.mentorId))].map((id) => people.mentors.get(id)!);
    const year = String(settings.academicYear).trim();
    const title = `Приказ об утверждении наставнических пар (групп)${year ? ` ${year}` : ''} — проект от ${moment(new Date(record.at))}`;
    const names = loadNameOverrides(ss);
    const input = {
      settings,
      order: { date: record.date, number: record.number },
      rows: tableRows,
      staff: signatories(settings, mentors),
      staffMentors: mentors.filter(isStaffMentor).length,
      unmatched,
      nameOverrides: names.overrides,
    };
    const { missing } = pairsOrderData(input);
    record.missing = missing;
    record.problems = names.problems;
    const { ref } = produceDocument(store, record, PAIRS_ORDER, title, settings, () => pairsOrderData(input).data);
    recordDocument(ss, { id: ref.id, kind: PAIRS_ORDER.key, title, url: ref.url, created: new Date(record.at) });
    record.stage = 'rendered';
    store.save(record);
  }
  const url = record.doc!.url;

  if (record.stage === 'rendered') {
    const start = record.date ? new Date(record.date.year, record.date.month - 1, record.date.day) : new Date(record.at);
    for (const i of rows) {
      if (!APPROVED.includes(cell(pairs, i, 'status'))) pairs.set(i, 'status', 'утверждена');
      pairs.set(i, 'order', url);
      if (!isDate(pairs.get(i, 'start'))) pairs.set(i, 'start', start);
      pairs.set(i, 'reasons', String(pairs.get(i, 'reasons')).replace(NOTE, ''));
    }
    markBlocked(data, blocked, today());
    writeBases(data, people);
    saveTable(data.pairs);
    saveTable(data.mentees);
    saveTable(data.mentors);
    record.stage = 'saved';
    store.save(record);
  }

  const paired = new Set<string>();
  for (const i of pairsWithStatus(pairs, APPROVED)) {
    paired.add(cell(pairs, i, 'menteeId'));
    paired.add(cell(pairs, i, 'mentorId'));
  }
  const cleared = clearPreferences(paired);
  // The same answers in the response sheet and in the Form's own store go too, as the form promises.
  purgeResponses(ss, paired, { forms: ['preference'] });
  let summary = RU.approve.summary(unitsText(count), cleared);
  if (blocked.length) summary += RU.approve.blocked(blocked.map((b) => b.label));
  summary += documentNotes(record);
  const label = `${record.date ? numericDate(record.date) : moment(new Date(record.at))}${record.number ? `, № ${record.number}` : ''}`;
  props.setProperty(LAST_APPROVAL, `${label}: ${summary} ${url}`);
  store.clear();
  return { message: (resumed ? RU.approve.resumed(summary) : summary) + RU.approve.nextStep, url, approved: record.pairs.length };
}

interface Blocked {
  row: number;
  reason: string;
  label: string;
}

/**
 * Splits the proposals into those the order approves (kept in the record) and those it may not:
 * a participant missing, gone, or without a valid consent, or a mentee already paired. Until the
 * order is written (also on a re-run) every proposal is judged again; once it is written, it
 * approves exactly its pairs.
 */
function judgeProposals(data: PairingData, people: People, record: Approval, resumed: boolean): Blocked[] {
  const pairs = data.pairs.table;
  const why = RU.approve.notApproved;
  const fixed = resumed && record.stage !== 'planned';
  const chosen = new Set(record.pairs);
  const taken = new Set(pairsWithStatus(pairs, APPROVED).map((i) => cell(pairs, i, 'menteeId')));
  const blocked: Blocked[] = [];
  const approve: string[] = [];
  for (const i of pairsWithStatus(pairs, [PROPOSED])) {
    const id = cell(pairs, i, 'id');
    const menteeId = cell(pairs, i, 'menteeId');
    const mentorId = cell(pairs, i, 'mentorId');
    if (fixed && chosen.has(id)) continue;
    let reason = id ? pairBlocker(people.mentees.get(menteeId), people.mentors.get(mentorId)) : why.noId;
    if (!reason && taken.has(menteeId)) reason = why.menteeTaken;
    if (!reason && fixed) reason = why.later;
    if (reason) blocked.push({ row: i, reason, label: `${id || '—'} (${menteeId} — ${mentorId}): ${reason}` });
    else {
      taken.add(menteeId);
      approve.push(id);
    }
  }
  if (!fixed) record.pairs = approve;
  return blocked;
}

/** The reason a pair was not approved, at the start of its «Обоснование» (replacing an older one). */
function markBlocked(data: PairingData, blocked: Blocked[], date: CalendarDate): void {
  const pairs = data.pairs.table;
  for (const b of blocked) {
    const rest = String(pairs.get(b.row, 'reasons')).replace(NOTE, '');
    pairs.set(b.row, 'reasons', `${RU.approve.blockedNote(numericDate(date), b.reason)}${rest ? ` ${rest}` : ''}`);
  }
}

/** The bases show who is with whom (names only of people with a valid consent); mentees in pairs leave «без пары». */
function writeBases(data: PairingData, people: People): void {
  const pairs = data.pairs.table;
  const mentorOf = new Map<string, string>();
  const menteesOf = new Map<string, string[]>();
  const named = (name: unknown, id: string, ok: boolean) => (ok ? `${String(name).trim()} (${id})` : id);
  for (const i of pairsWithStatus(pairs, APPROVED)) {
    const e = cell(pairs, i, 'menteeId');
    const m = cell(pairs, i, 'mentorId');
    mentorOf.set(e, named(pairs.get(i, 'mentor'), m, people.mentors.get(m)?.consent === true));
    menteesOf.set(m, [...(menteesOf.get(m) ?? []), named(pairs.get(i, 'mentee'), e, people.mentees.get(e)?.consent === true)]);
  }
  const mentees = data.mentees.table;
  mentees.rows.forEach((_r, i) => {
    const id = cell(mentees, i, 'id');
    if (!mentorOf.has(id)) return;
    mentees.set(i, 'mentor', mentorOf.get(id)!);
    if (!LEFT.includes(cell(mentees, i, 'status'))) mentees.set(i, 'status', 'в паре');
    mentees.set(i, 'matchNote', '');
  });
  const mentors = data.mentors.table;
  mentors.rows.forEach((_r, i) => {
    const id = cell(mentors, i, 'id');
    if (menteesOf.has(id)) mentors.set(i, 'mentees', menteesOf.get(id)!.join(', '));
  });
}

/** Post-meeting preferences are kept only until the pairs are approved (notes §5). */
function clearPreferences(paired: Set<string>): number {
  const prefs = loadTable(SpreadsheetApp.getActive(), 'preferences', false);
  if (!prefs) return 0;
  let cleared = 0;
  prefs.table.rows.forEach((_r, i) => {
    if (!paired.has(cell(prefs.table, i, 'personId'))) return;
    for (const key of ['choice1', 'choice2', 'choice3', 'impressions']) prefs.table.set(i, key, '');
    cleared += 1;
  });
  saveTable(prefs);
  return cleared;
}

/** Menu «Утвердить пары и сформировать приказ». */
export function approvePairs(options?: { number?: string; date?: string; sidebar?: boolean }) {
  // Malformed options (only a sidebar or a direct call can send them) are refused before the lock.
  const refused = refusal(() => orderOptions(options));
  if (refused) return refused;
  return runAction(
    RU.action.approvePairs,
    withRoadmap(RU.action.approvePairs, () => approveNow(options)),
    { sidebar: fromSidebar(options) },
  );
}

// --- createTrainingOrder -----------------------------------------------------------------------------

interface Training extends DocRecord {
  v: 2;
  number: string;
  date: CalendarDate | null;
  at: string;
  mentors: string[];
  stage: 'planned' | 'rendered';
  missing?: string[];
  problems?: string[];
}

const TRAINING_RECORD = 'trainingInProgress';
const NOT_TO_TRAIN = ['обучен', 'не требуется', 'направлен', 'обучается'];

function traineeOf(m: MentorRecord) {
  return { name: m.name, position: mentorDetails(m), forms: m.forms.join(', ') };
}

function trainingNow(options: unknown) {
  const requested = orderOptions(options);
  const ss = SpreadsheetApp.getActive();
  const props = PropertiesService.getDocumentProperties();
  const store = new Progress<Training>(props, TRAINING_RECORD);
  const stored = store.value && store.value.v === 2 ? store.value : null;
  const resumed = stored !== null;
  const data = loadPairingData(ss);
  const mentorById = new Map(data.mentorRecords.map((m) => [m.id, m]));
  let record: Training;
  if (stored) record = stored;
  else {
    // Mentors already sent to an earlier order are not listed twice.
    const ids = data.mentorRecords.filter((m) => m.consent && !NOT_TO_TRAIN.includes(m.training) && !LEFT.includes(m.status)).map((m) => m.id);
    if (!ids.length) {
      const last = props.getProperty(LAST_TRAINING);
      if (last) return { message: RU.training.nothingNew(last), trainees: 0 };
      throw new CuratorError(RU.training.nothing);
    }
    record = { v: 2, number: requested.number, date: requested.date, at: new Date().toISOString(), mentors: ids, doc: null, stage: 'planned' };
    store.save(record);
  }
  if (record.stage === 'planned') {
    // Named only with a valid consent, checked again if a failure came between.
    record.mentors = record.mentors.filter((id) => mentorById.get(id)?.consent === true && !LEFT.includes(mentorById.get(id)!.status));
    if (!record.mentors.length) {
      if (record.doc) trash(record.doc.id);
      store.clear();
      throw new CuratorError(RU.training.nothing);
    }
    const mentors = record.mentors.map((id) => mentorById.get(id)!);
    const plan = readTrainingPlan(ss);
    const names = loadNameOverrides(ss);
    const input = {
      nameOverrides: names.overrides,
      settings: data.settings,
      order: { date: record.date, number: record.number },
      trainees: mentors.map(traineeOf),
      sessions: plan.rows,
      staff: signatories(data.settings, mentors),
    };
    const { missing } = trainingOrderData(input);
    record.missing = missing;
    record.problems = [...plan.problems, ...names.problems];
    const title = `Приказ об организации «Школы наставников» — проект от ${moment(new Date(record.at))}`;
    const { ref } = produceDocument(store, record, TRAINING_ORDER, title, data.settings, () => trainingOrderData(input).data);
    recordDocument(ss, { id: ref.id, kind: TRAINING_ORDER.key, title, url: ref.url, created: new Date(record.at) });
    record.stage = 'rendered';
    store.save(record);
  }
  const ids = new Set(record.mentors);
  const mentors = data.mentors.table;
  mentors.rows.forEach((_r, i) => {
    if (ids.has(cell(mentors, i, 'id')) && !['обучается', 'обучен'].includes(cell(mentors, i, 'training'))) mentors.set(i, 'training', 'направлен');
  });
  saveTable(data.mentors);
  const summary = RU.training.summary(record.mentors.length) + documentNotes(record);
  const label = `${record.date ? numericDate(record.date) : moment(new Date(record.at))}${record.number ? `, № ${record.number}` : ''}`;
  props.setProperty(LAST_TRAINING, `${label}: ${summary} ${record.doc!.url}`);
  store.clear();
  return { message: resumed ? RU.training.resumed(summary) : summary, url: record.doc!.url, trainees: record.mentors.length };
}

/** Menu «Школа наставников: приказ и список»: mentors to train and the order on it (roadmap 4.1). */
export function createTrainingOrder(options?: { number?: string; date?: string }) {
  const refused = refusal(() => orderOptions(options));
  if (refused) return refused;
  return runAction(
    RU.action.training,
    withRoadmap(RU.action.training, () => trainingNow(options)),
  );
}

import { pairsOrder, OrderPairRow } from '../core/documents/order-pairs';
import { CalendarDate, numericDate } from '../core/documents/dates';
import { DocumentSpec } from '../core/documents/model';
import { trainingOrder } from '../core/documents/order-training';
import { WORDS, YEARS, bySex, plural, sexOf } from '../core/language';
import { isDate } from '../core/questionnaires/read';
import { MenteeRecord, MentorRecord } from '../core/pairing/records';
import { RU } from '../core/strings';
import { runAction } from './curator';
import { CuratorError, errorMessage } from './errors';
import { DocRef, createDocument, openDocument, renderInto } from './docs';
import { fromSidebar, plainObject, refusal } from './matching';
import { APPROVAL_RECORD, APPROVED, PROPOSED, PairingData, loadPairingData, pairBlocker, pairsWithStatus } from './pairing';
import { loadTable, saveTable } from './tables';
import { purgeResponses } from './purge';
import { escapeHtml } from './html';
import { Progress } from './progress';

function today(): CalendarDate {
  const tz = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
  const [day, month, year] = Utilities.formatDate(new Date(), tz, 'dd.MM.yyyy').split('.').map(Number);
  return { year, month, day };
}

/** An order number as a person types it: letters, digits, «-», «/», «.»; never a formula or an object. */
const ORDER_NUMBER = /^[0-9A-Za-zА-Яа-яЁё№][0-9A-Za-zА-Яа-яЁё№ ./-]{0,19}$/;

/**
 * The options of approvePairs and createTrainingOrder: nothing, or a plain object whose `number`
 * is a short string or a whole number. A menu click may pass Google's event object: its other
 * keys are ignored, never read.
 */
function orderNumber(options: unknown): string {
  if (options === undefined || options === null) return '';
  if (!plainObject(options)) throw new CuratorError(RU.approve.badOptions);
  const value = options.number;
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) throw new CuratorError(RU.approve.badNumber);
    return String(value);
  }
  if (typeof value !== 'string') throw new CuratorError(RU.approve.badNumber);
  const text = value.trim();
  if (text && !ORDER_NUMBER.test(text)) throw new CuratorError(RU.approve.badNumber);
  return text;
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]{2,}$/;
const LEFT = ['выбыл(а)', 'завершил(а)'];

/** Puts a Doc nobody links to in the Drive bin (the curator can still restore it). */
function trash(id: string): void {
  try {
    if (typeof Drive === 'undefined' || !Drive?.Files) throw new Error('Drive API disabled');
    Drive.Files.update({ trashed: true }, id);
  } catch (error) {
    console.warn(`Документ ${id} не перемещён в корзину: ${errorMessage(error)}`);
  }
}

/** A Doc a record names: opened again, or a clear message if it is gone for good. */
function reopen(ref: DocRef): GoogleAppsScript.Document.Document {
  try {
    return openDocument(ref.id);
  } catch (error) {
    if (/missing|not found|deleted/i.test(errorMessage(error))) throw new CuratorError(RU.approve.docGone(ref.url));
    throw error;
  }
}

/**
 * Renders the order into the Doc the record names, or into a new one whose id is recorded the
 * moment it exists. If that record cannot be written even on a second try, the new Doc is put in
 * the bin, so a re-run never leaves a second order behind.
 */
function renderOrder<R extends { doc: DocRef | null }>(store: Progress<R>, record: R, spec: DocumentSpec): DocRef {
  if (record.doc) return renderInto(reopen(record.doc), spec, true);
  const doc = createDocument(spec.title, (ref) => {
    record.doc = ref;
    try {
      store.saveSurely(record);
    } catch (error) {
      trash(ref.id);
      throw error;
    }
  });
  return renderInto(doc, spec, false);
}

// --- approvePairs ------------------------------------------------------------------------------------

interface Approval {
  v: 1;
  number: string;
  date: CalendarDate;
  /** The moment of the approval (ISO): the pairs' start date and «Участники уведомлены». */
  at: string;
  /** IDs of the pairs this order approves, fixed when it begins. */
  pairs: string[];
  doc: DocRef | null;
  stage: 'planned' | 'rendered' | 'saved' | 'mailed';
  /** IDs of the people already e-mailed about it. */
  sent: string[];
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

/** One row of the order's appendix per mentor and form: a group is one mentor with several mentees. */
function orderRows(rows: number[], data: PairingData, people: People): OrderPairRow[] {
  const pairs = data.pairs.table;
  const byMentor = new Map<string, OrderPairRow>();
  for (const i of rows) {
    const mentorId = cell(pairs, i, 'mentorId');
    const form = cell(pairs, i, 'form');
    const mentor = people.mentors.get(mentorId)!;
    const mentee = people.mentees.get(cell(pairs, i, 'menteeId'))!;
    const k = `${mentorId}|${form}`;
    const row = byMentor.get(k) ?? {
      group: cell(pairs, i, 'group') || mentorId,
      form,
      mentor: mentor.name,
      mentorDetails: [mentor.category === 'обучающийся' && mentor.grade ? `${mentor.grade} кл.` : '', mentor.organisation || mentor.association].filter(Boolean).join(', '),
      mentees: [],
      staffMentor: mentor.category === 'педагог',
      mentorPosition: mentor.category === 'педагог' ? 'педагог дополнительного образования' : mentor.category,
    };
    row.mentees.push({
      name: mentee.name,
      details: [mentee.association, mentee.grade ? `${mentee.grade} кл.` : mentee.age ? plural(mentee.age, YEARS) : ''].filter(Boolean).join(', '),
      request: mentee.topics.join(', ') || mentee.request,
    });
    byMentor.set(k, row);
  }
  return [...byMentor.values()];
}

/**
 * Approves the proposed pairs whose participants may be named (in the bases, in the programme,
 * with a valid consent), in steps a re-run can pick up after a failure at any call: the order Doc
 * (one per approval, its id recorded the moment it exists), the statuses and the bases' cells, the
 * letters (each recorded as sent before the next), the post-meeting preferences.
 */
function approveNow(options: unknown) {
  const requested = orderNumber(options);
  const ss = SpreadsheetApp.getActive();
  const props = PropertiesService.getDocumentProperties();
  const store = new Progress<Approval>(props, APPROVAL_RECORD);
  const resumed = store.value !== null;
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
  if (store.value) record = store.value;
  else {
    const proposed = pairsWithStatus(pairs, [PROPOSED]);
    if (!proposed.length) {
      const last = props.getProperty(LAST_APPROVAL);
      if (last) return { message: RU.approve.nothingNew(last), approved: 0 };
      throw new CuratorError(RU.approve.nothing);
    }
    const date = today();
    record = { v: 1, number: requested, date, at: new Date().toISOString(), pairs: [], doc: null, stage: 'planned', sent: [] };
  }
  const blocked = judgeProposals(data, people, record, resumed);
  if (!record.pairs.length) {
    // Nothing may be approved: say why, in the message and in each pair's row.
    markBlocked(data, blocked, record.date);
    saveTable(data.pairs);
    if (record.doc) trash(record.doc.id);
    if (resumed) store.clear();
    throw new CuratorError(RU.approve.noneApprovable(blocked.map((b) => b.label)));
  }
  if (!resumed) store.save(record);

  const rows = record.pairs.map((id) => rowById.get(id)).filter((i): i is number => i !== undefined);
  const tableRows = orderRows(rows, data, people);
  if (record.stage === 'planned') {
    const approvedMentees = new Set([...pairsWithStatus(pairs, APPROVED), ...rows].map((i) => cell(pairs, i, 'menteeId')));
    const unmatched = data.menteeRecords.filter((m) => m.consent && !LEFT.includes(m.status) && !approvedMentees.has(m.id)).length;
    const spec = pairsOrder({ settings, date: record.date, number: record.number, rows: tableRows, unmatched });
    renderOrder(store, record, spec);
    record.stage = 'rendered';
    store.save(record);
  }
  const url = record.doc!.url;

  if (record.stage === 'rendered') {
    const at = new Date(record.at);
    for (const i of rows) {
      if (!APPROVED.includes(cell(pairs, i, 'status'))) pairs.set(i, 'status', 'утверждена');
      pairs.set(i, 'order', url);
      if (!isDate(pairs.get(i, 'start'))) pairs.set(i, 'start', at);
      pairs.set(i, 'reasons', String(pairs.get(i, 'reasons')).replace(NOTE, ''));
    }
    markBlocked(data, blocked, record.date);
    writeBases(data, people);
    saveTable(data.pairs);
    saveTable(data.mentees);
    saveTable(data.mentors);
    record.stage = 'saved';
    store.save(record);
  }

  let unsent = 0;
  if (record.stage === 'saved') {
    if (settings.notifyParticipants === true) unsent = notify(rows, data, people, record, store);
    record.stage = 'mailed';
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
  let summary = RU.approve.summary(record.pairs.length, tableRows.length, record.sent.length, cleared);
  if (unsent) summary += RU.approve.notMailed(unsent);
  if (blocked.length) summary += RU.approve.blocked(blocked.map((b) => b.label));
  props.setProperty(LAST_APPROVAL, `${numericDate(record.date)}${record.number ? `, № ${record.number}` : ''}: ${summary} ${url}`);
  store.clear();
  return { message: resumed ? RU.approve.resumed(summary) : summary, url, approved: record.pairs.length };
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

interface Letter {
  personId: string;
  to: string;
  body: string;
  pairRows: number[];
}

/**
 * The letters of this approval: one to each participant of its pairs who may be written to
 * (still in the programme, a valid consent, an e-mail in the base; for a minor the base holds a
 * parent's contact). A mentor of a group gets one letter naming all their mentees.
 */
function lettersOf(rows: number[], data: PairingData, people: People): Letter[] {
  const pairs = data.pairs.table;
  const contacts = new Map<string, string>();
  for (const t of [data.mentees.table, data.mentors.table]) t.rows.forEach((_r, i) => contacts.set(cell(t, i, 'id'), cell(t, i, 'contact')));
  const letters = new Map<string, Letter>();
  const mentorLetter = new Map<string, { names: string[]; forms: string[]; rows: number[] }>();
  const reachable = (id: string, person: { consent: boolean; status: string } | undefined) => !!person && person.consent && !LEFT.includes(person.status) && EMAIL.test(contacts.get(id) ?? '');
  for (const i of rows) {
    const e = cell(pairs, i, 'menteeId');
    const m = cell(pairs, i, 'mentorId');
    const mentee = people.mentees.get(e);
    const mentor = people.mentors.get(m);
    if (!mentee || !mentor || !mentee.consent || !mentor.consent) continue;
    const form = cell(pairs, i, 'form');
    if (reachable(e, mentee) && !letters.has(e)) letters.set(e, { personId: e, to: contacts.get(e)!, body: RU.approve.mailBody(mentor.name, mentee.name, form), pairRows: [i] });
    if (reachable(m, mentor)) {
      const group = mentorLetter.get(m) ?? { names: [], forms: [], rows: [] };
      group.names.push(mentee.name);
      if (!group.forms.includes(form)) group.forms.push(form);
      group.rows.push(i);
      mentorLetter.set(m, group);
      if (!letters.has(m)) letters.set(m, { personId: m, to: contacts.get(m)!, body: '', pairRows: group.rows });
    }
  }
  for (const [m, group] of mentorLetter) letters.get(m)!.body = RU.approve.mailBodyMentor(people.mentors.get(m)!.name, group.names, group.forms.join(', '));
  return [...letters.values()];
}

/** Sends the letters not sent yet, each recorded before the next; returns how many the day's quota held back. */
function notify(rows: number[], data: PairingData, people: People, record: Approval, store: Progress<Approval>): number {
  const pending = lettersOf(rows, data, people).filter((l) => !record.sent.includes(l.personId));
  let unsent = 0;
  if (pending.length) {
    let quota = MailApp.getRemainingDailyQuota();
    for (const letter of pending) {
      if (quota < 1) {
        unsent += 1;
        continue;
      }
      MailApp.sendEmail({ to: letter.to, subject: RU.approve.mailSubject, body: letter.body, htmlBody: `<p>${escapeHtml(letter.body)}</p>` });
      quota -= 1;
      record.sent.push(letter.personId);
      store.saveSurely(record);
    }
  }
  // «Участники уведомлены»: written after the letters, because it says they went out.
  const pairs = data.pairs.table;
  const sent = new Set(record.sent);
  const at = new Date(record.at);
  for (const letter of lettersOf(rows, data, people)) {
    if (!sent.has(letter.personId)) continue;
    for (const i of letter.pairRows) if (!isDate(pairs.get(i, 'notified'))) pairs.set(i, 'notified', at);
  }
  saveTable(data.pairs);
  return unsent;
}

/** Menu «Утвердить пары и сформировать приказ». */
export function approvePairs(options?: { number?: string; sidebar?: boolean }) {
  // Malformed options (only a sidebar or a direct call can send them) are refused before the lock.
  const refused = refusal(() => orderNumber(options));
  if (refused) return refused;
  return runAction(RU.action.approvePairs, () => approveNow(options), { sidebar: fromSidebar(options) });
}

// --- createTrainingOrder -----------------------------------------------------------------------------

interface Training {
  v: 1;
  number: string;
  date: CalendarDate;
  mentors: string[];
  doc: DocRef | null;
  stage: 'planned' | 'rendered';
}

const TRAINING_RECORD = 'trainingInProgress';
const NOT_TO_TRAIN = ['обучен', 'не требуется', 'направлен', 'обучается'];

function traineeOf(m: MentorRecord) {
  // A girl is «обучающаяся»: the word agrees with the sex read from the patronymic or the name.
  const student = bySex(sexOf(m.name), WORDS.student);
  return { name: m.name, position: m.category === 'обучающийся' ? `${student}${m.grade ? `, ${m.grade} кл.` : ''}` : m.organisation || m.category, forms: m.forms.join(', ') };
}

function trainingNow(options: unknown) {
  const requested = orderNumber(options);
  const ss = SpreadsheetApp.getActive();
  const props = PropertiesService.getDocumentProperties();
  const store = new Progress<Training>(props, TRAINING_RECORD);
  const resumed = store.value !== null;
  const data = loadPairingData(ss);
  const mentorById = new Map(data.mentorRecords.map((m) => [m.id, m]));
  let record: Training;
  if (store.value) record = store.value;
  else {
    // Mentors already sent to an earlier order are not listed twice.
    const ids = data.mentorRecords.filter((m) => m.consent && !NOT_TO_TRAIN.includes(m.training) && !LEFT.includes(m.status)).map((m) => m.id);
    if (!ids.length) {
      const last = props.getProperty(LAST_TRAINING);
      if (last) return { message: RU.training.nothingNew(last), trainees: 0 };
      throw new CuratorError(RU.training.nothing);
    }
    record = { v: 1, number: requested, date: today(), mentors: ids, doc: null, stage: 'planned' };
    store.save(record);
  }
  if (record.stage === 'planned') {
    // Named only with a valid consent, checked again if a failure came between.
    record.mentors = record.mentors.filter((id) => mentorById.get(id)?.consent === true && !LEFT.includes(mentorById.get(id)!.status));
    if (!record.mentors.length) {
      store.clear();
      throw new CuratorError(RU.training.nothing);
    }
    const trainees = record.mentors.map((id) => traineeOf(mentorById.get(id)!));
    renderOrder(store, record, trainingOrder({ settings: data.settings, date: record.date, number: record.number, trainees }));
    record.stage = 'rendered';
    store.save(record);
  }
  const ids = new Set(record.mentors);
  const mentors = data.mentors.table;
  mentors.rows.forEach((_r, i) => {
    if (ids.has(cell(mentors, i, 'id')) && !['обучается', 'обучен'].includes(cell(mentors, i, 'training'))) mentors.set(i, 'training', 'направлен');
  });
  saveTable(data.mentors);
  const summary = RU.training.summary(record.mentors.length);
  props.setProperty(LAST_TRAINING, `${numericDate(record.date)}${record.number ? `, № ${record.number}` : ''}: ${summary} ${record.doc!.url}`);
  store.clear();
  return { message: resumed ? RU.training.resumed(summary) : summary, url: record.doc!.url, trainees: record.mentors.length };
}

/** Menu «Школа наставников: приказ и список»: mentors to train and the order on it (roadmap 4.1). */
export function createTrainingOrder(options?: { number?: string }) {
  const refused = refusal(() => orderNumber(options));
  if (refused) return refused;
  return runAction(RU.action.training, () => trainingNow(options));
}

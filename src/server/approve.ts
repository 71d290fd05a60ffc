import { pairsOrder, OrderPairRow } from '../core/documents/order-pairs';
import { CalendarDate } from '../core/documents/dates';
import { trainingOrder } from '../core/documents/order-training';
import { isDate } from '../core/questionnaires/read';
import { RU } from '../core/strings';
import { CuratorError, runAction } from './curator';
import { renderDocument } from './docs';
import { APPROVED, PROPOSED, loadPairingData, pairsWithStatus } from './pairing';
import { loadTable, saveTable } from './tables';
import { escapeHtml } from './html';

function today(): CalendarDate {
  const tz = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
  const [day, month, year] = Utilities.formatDate(new Date(), tz, 'dd.MM.yyyy').split('.').map(Number);
  return { year, month, day };
}

function orderNumber(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value).trim();
  if (text.length > 20 || /[<>=]/.test(text)) throw new CuratorError(RU.approve.badNumber);
  return text;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

function approveNow(options: { number?: unknown }) {
  const number = orderNumber(options?.number);
  const ss = SpreadsheetApp.getActive();
  const data = loadPairingData(ss);
  const { settings } = data;
  const pairs = data.pairs.table;
  const proposed = pairsWithStatus(pairs, [PROPOSED]);
  if (!proposed.length) throw new CuratorError(RU.approve.nothing);
  const menteeById = new Map(data.menteeRecords.map((m) => [m.id, m]));
  const mentorById = new Map(data.mentorRecords.map((m) => [m.id, m]));

  // One row per mentor and form: a group is one mentor with several mentees.
  const byMentor = new Map<string, OrderPairRow>();
  for (const i of proposed) {
    const mentorId = String(pairs.get(i, 'mentorId'));
    const form = String(pairs.get(i, 'form'));
    const mentor = mentorById.get(mentorId);
    const mentee = menteeById.get(String(pairs.get(i, 'menteeId')));
    if (!mentor || !mentee) throw new CuratorError(RU.approve.missingPerson(String(pairs.get(i, 'id'))));
    const k = `${mentorId}|${form}`;
    const row = byMentor.get(k) ?? {
      group: String(pairs.get(i, 'group')) || mentorId,
      form,
      mentor: mentor.name,
      mentorDetails: [mentor.category === 'обучающийся' && mentor.grade ? `${mentor.grade} кл.` : '', mentor.organisation || mentor.association].filter(Boolean).join(', '),
      mentees: [],
      staffMentor: mentor.category === 'педагог',
      mentorPosition: mentor.category === 'педагог' ? 'педагог дополнительного образования' : mentor.category,
    };
    row.mentees.push({
      name: mentee.name,
      details: [mentee.association, mentee.grade ? `${mentee.grade} кл.` : mentee.age ? `${mentee.age} лет` : ''].filter(Boolean).join(', '),
      request: mentee.topics.join(', ') || mentee.request,
    });
    byMentor.set(k, row);
  }
  const date = today();
  const inPairs = new Set(pairsWithStatus(pairs, [...APPROVED, PROPOSED]).map((i) => String(pairs.get(i, 'menteeId'))));
  const unmatched = data.menteeRecords.filter((m) => m.consent && !inPairs.has(m.id)).length;
  const spec = pairsOrder({ settings, date, number, rows: [...byMentor.values()], unmatched });
  const doc = renderDocument(spec);

  const start = new Date();
  for (const i of proposed) {
    pairs.set(i, 'status', 'утверждена');
    pairs.set(i, 'order', doc.url);
    if (!isDate(pairs.get(i, 'start'))) pairs.set(i, 'start', start);
  }
  // The bases show who is with whom; mentees in pairs leave «без пары».
  const approvedRows = pairsWithStatus(pairs, APPROVED);
  const mentorOf = new Map<string, string>();
  const menteesOf = new Map<string, string[]>();
  for (const i of approvedRows) {
    const e = String(pairs.get(i, 'menteeId'));
    const m = String(pairs.get(i, 'mentorId'));
    mentorOf.set(e, `${pairs.get(i, 'mentor')} (${m})`);
    menteesOf.set(m, [...(menteesOf.get(m) ?? []), `${pairs.get(i, 'mentee')} (${e})`]);
  }
  const mentees = data.mentees.table;
  mentees.rows.forEach((_r, i) => {
    const id = String(mentees.get(i, 'id'));
    if (!mentorOf.has(id)) return;
    mentees.set(i, 'mentor', mentorOf.get(id)!);
    mentees.set(i, 'status', 'в паре');
    mentees.set(i, 'matchNote', '');
  });
  const mentors = data.mentors.table;
  mentors.rows.forEach((_r, i) => {
    const id = String(mentors.get(i, 'id'));
    if (menteesOf.has(id)) mentors.set(i, 'mentees', menteesOf.get(id)!.join(', '));
  });

  // The approval is saved before any e-mail goes out: mail trouble must not undo it.
  saveTable(data.pairs);
  saveTable(data.mentees);
  saveTable(data.mentors);
  let notified = 0;
  if (settings.notifyParticipants === true) {
    try {
      notified = notify(proposed, pairs, data);
    } finally {
      saveTable(data.pairs);
    }
  }
  const cleared = clearPreferences(new Set([...mentorOf.keys(), ...menteesOf.keys()]));
  return { message: RU.approve.summary(proposed.length, byMentor.size, notified, cleared), url: doc.url, approved: proposed.length };
}

/** Post-meeting preferences are kept only until the pairs are approved (notes §5). */
function clearPreferences(paired: Set<string>): number {
  const prefs = loadTable(SpreadsheetApp.getActive(), 'preferences', false);
  if (!prefs) return 0;
  let cleared = 0;
  prefs.table.rows.forEach((_r, i) => {
    if (!paired.has(String(prefs.table.get(i, 'personId')))) return;
    for (const key of ['choice1', 'choice2', 'choice3', 'impressions']) prefs.table.set(i, key, '');
    cleared += 1;
  });
  saveTable(prefs);
  return cleared;
}

/** E-mails each participant with an address once, within the day's quota. */
function notify(rows: number[], pairs: ReturnType<typeof loadPairingData>['pairs']['table'], data: ReturnType<typeof loadPairingData>): number {
  const contacts = new Map<string, string>();
  for (const [t] of [[data.mentees.table], [data.mentors.table]] as const) {
    t.rows.forEach((_r, i) => contacts.set(String(t.get(i, 'id')), String(t.get(i, 'contact')).trim()));
  }
  let quota = MailApp.getRemainingDailyQuota();
  let sent = 0;
  for (const i of rows) {
    if (String(pairs.get(i, 'notified')).trim()) continue;
    const mentee = String(pairs.get(i, 'mentee'));
    const mentor = String(pairs.get(i, 'mentor'));
    const to = [contacts.get(String(pairs.get(i, 'menteeId'))), contacts.get(String(pairs.get(i, 'mentorId')))].filter((c): c is string => !!c && EMAIL.test(c));
    if (!to.length || quota < to.length) continue;
    MailApp.sendEmail({
      to: to.join(','),
      subject: RU.approve.mailSubject,
      body: RU.approve.mailBody(mentor, mentee, String(pairs.get(i, 'form'))),
      htmlBody: `<p>${escapeHtml(RU.approve.mailBody(mentor, mentee, String(pairs.get(i, 'form'))))}</p>`,
    });
    quota -= to.length;
    sent += 1;
    pairs.set(i, 'notified', new Date());
  }
  return sent;
}

/** Menu «Утвердить пары и сформировать приказ». */
export function approvePairs(options?: { number?: string }) {
  return runAction(RU.action.approvePairs, () => approveNow(options ?? {}));
}

function trainingNow(options: { number?: unknown }) {
  const number = orderNumber(options?.number);
  const ss = SpreadsheetApp.getActive();
  const data = loadPairingData(ss);
  const list = data.mentorRecords
    .filter((m) => m.consent && !['обучен', 'не требуется'].includes(m.training) && !['выбыл(а)'].includes(m.status))
    .map((m) => ({ name: m.name, position: m.category === 'обучающийся' ? `обучающийся${m.grade ? `, ${m.grade} кл.` : ''}` : m.organisation || m.category, forms: m.forms.join(', ') }));
  if (!list.length) throw new CuratorError(RU.training.nothing);
  const doc = renderDocument(trainingOrder({ settings: data.settings, date: today(), number, trainees: list }));
  const ids = new Set(data.mentorRecords.filter((m) => list.some((l) => l.name === m.name)).map((m) => m.id));
  const mentors = data.mentors.table;
  mentors.rows.forEach((_r, i) => {
    if (ids.has(String(mentors.get(i, 'id'))) && String(mentors.get(i, 'training')) !== 'обучается') mentors.set(i, 'training', 'направлен');
  });
  saveTable(data.mentors);
  return { message: RU.training.summary(list.length), url: doc.url, trainees: list.length };
}

/** Menu «Школа наставников: приказ и список»: mentors to train and the order on it (roadmap 4.1). */
export function createTrainingOrder(options?: { number?: string }) {
  return runAction(RU.action.training, () => trainingNow(options ?? {}));
}


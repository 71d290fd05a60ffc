import { CalendarDate, numericDate } from '../core/documents/dates';
import { ComposedLetter, LetterContext, LetterPerson, letterText, menteeLetter, mentorLetter } from '../core/documents/letters';
import { NounForms, WORDS, bySex, plural, sexOf } from '../core/language';
import { MenteeRecord, MentorRecord } from '../core/pairing/records';
import { SHEET } from '../core/workbook/sheets';
import { Settings } from '../core/settings';
import { CuratorError, runAction } from './curator';
import { withRoadmap } from './roadmap';
import { escapeHtml } from './html';
import { APPROVED, PairingData, approvalPending, loadPairingData, pairBlocker, pairsWithStatus } from './pairing';
import { Progress } from './progress';
import { RegisteredDocument, dayIn, latestDocument, recordNotified } from './register';
import { loadNameOverrides } from './settings';
import { saveTable } from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The menu item and the action's title (to move into RU with the other menu texts). */
export const NOTIFY_MENU = 'Уведомить участников об утверждённых парах';
const TITLE = 'Уведомление участников';
const LETTERS: NounForms = ['письмо', 'письма', 'писем'];
const PEOPLE: NounForms = ['участник', 'участника', 'участников'];
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]{2,}$/;

/** The letters sent for one order: person ID → the day it went (dd.mm.yyyy). Kept after the run: it is what makes a letter go once. */
interface Sent {
  v: 1;
  order: string;
  sent: Record<string, string>;
}

const recordKey = (docId: string) => `notified:${docId}`;

/** The first e-mail address in a contact cell («+7 911 …, mama@mail.ru»), or ''. */
export function emailIn(contact: unknown): string {
  return (
    String(contact ?? '')
      .split(/[\s,;]+/)
      .map((t) => t.replace(/^[<(«"]+|[>)»".]+$/g, ''))
      .find((t) => EMAIL.test(t)) ?? ''
  );
}

interface Letter {
  personId: string;
  to: string;
  role: 'mentor' | 'mentee';
  minor: boolean;
  letter: ComposedLetter;
  pairRows: number[];
}

const text = (t: PairingData['pairs']['table'], i: number, key: string) => String(t.get(i, key)).trim();

/** A pupil is a minor unless the base gives an age of 18 or more: then the contact is a parent's. */
function menteePerson(m: MenteeRecord): LetterPerson {
  const minor = m.category === 'обучающийся' && !(m.age !== null && m.age >= 18);
  return { id: m.id, name: m.name, minor, category: m.category, grade: m.grade, association: m.association, organisation: '', position: '' };
}

function mentorPerson(m: MentorRecord, position: string): LetterPerson {
  return { id: m.id, name: m.name, minor: m.category === 'обучающийся', category: m.category, grade: m.grade, association: m.association, organisation: m.organisation, position };
}

interface Plan {
  letters: Letter[];
  /** Pairs of the order no letter may name (a consent withdrawn, someone left): their IDs. */
  skipped: string[];
}

/** One letter per person of the order's pairs that may be named; a mentor's lists all their mentees. */
function planLetters(rows: number[], data: PairingData, ctx: LetterContext): Plan {
  const pairs = data.pairs.table;
  const mentees = new Map(data.menteeRecords.map((m) => [m.id, m]));
  const mentors = new Map(data.mentorRecords.map((m) => [m.id, m]));
  const contacts = new Map<string, string>();
  const positions = new Map<string, string>();
  for (const t of [data.mentees.table, data.mentors.table]) t.rows.forEach((_r, i) => contacts.set(text(t, i, 'id'), emailIn(t.get(i, 'contact'))));
  data.mentors.table.rows.forEach((_r, i) => positions.set(text(data.mentors.table, i, 'id'), text(data.mentors.table, i, 'position')));

  const skipped: string[] = [];
  const valid = rows.filter((i) => {
    const blocked = pairBlocker(mentees.get(text(pairs, i, 'menteeId')), mentors.get(text(pairs, i, 'mentorId')));
    if (blocked) skipped.push(text(pairs, i, 'id') || `строка ${i + 2}`);
    return !blocked;
  });
  // Mentor → form → rows, in the order of the sheet.
  const byMentor = new Map<string, Map<string, number[]>>();
  const byMentee = new Map<string, number[]>();
  for (const i of valid) {
    const m = text(pairs, i, 'mentorId');
    const forms = byMentor.get(m) ?? new Map<string, number[]>();
    const form = text(pairs, i, 'form');
    forms.set(form, [...(forms.get(form) ?? []), i]);
    byMentor.set(m, forms);
    const e = text(pairs, i, 'menteeId');
    byMentee.set(e, [...(byMentee.get(e) ?? []), i]);
  }
  const mentorOf = (id: string) => mentorPerson(mentors.get(id)!, positions.get(id) ?? '');
  const letters: Letter[] = [];
  for (const [m, forms] of byMentor) {
    const to = mentorOf(m);
    const input = { to, forms: [...forms].map(([form, r]) => ({ form, mentees: r.map((i) => menteePerson(mentees.get(text(pairs, i, 'menteeId'))!)) })) };
    letters.push({ personId: m, to: contacts.get(m) ?? '', role: 'mentor', minor: to.minor, letter: mentorLetter(input, ctx), pairRows: [...forms.values()].flat() });
  }
  for (const [e, r] of byMentee) {
    const to = menteePerson(mentees.get(e)!);
    const input = {
      to,
      pairs: r.map((i) => ({ form: text(pairs, i, 'form'), mentor: mentorOf(text(pairs, i, 'mentorId')), groupSize: byMentor.get(text(pairs, i, 'mentorId'))!.get(text(pairs, i, 'form'))!.length })),
    };
    letters.push({ personId: e, to: contacts.get(e) ?? '', role: 'mentee', minor: to.minor, letter: menteeLetter(input, ctx), pairRows: r });
  }
  return { letters, skipped };
}

/** Why the order is not ready to be announced: it must be signed, and its date and № recorded. */
function signedOrder(ss: Spreadsheet): RegisteredDocument & { signed: CalendarDate } {
  const doc = latestDocument(ss, 'order-pairs');
  if (!doc)
    throw new CuratorError(
      `На листе «${SHEET.documents}» нет приказа об утверждении наставнических пар. Сначала выберите «Утвердить пары и сформировать приказ», дайте приказ на подпись руководителю, затем впишите его дату и номер.`,
    );
  const missing = [doc.signed ? '' : '«Дата подписания»', doc.number ? '' : '«Номер»'].filter(Boolean);
  if (missing.length || !doc.signed) {
    throw new CuratorError(
      `Письма участникам отправляются после подписания приказа. На листе «${SHEET.documents}» в строке ${doc.row} (приказ «${doc.title}») впишите ${missing.join(' и ')} подписанного приказа и снова выберите «Уведомить участников об утверждённых парах».`,
    );
  }
  return { ...doc, signed: doc.signed };
}

function html(letter: ComposedLetter): string {
  return letter.paragraphs.map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`).join('');
}

/** Sends one composed letter as text and escaped HTML, from the centre, replies to the curator (meeting-letters.ts sends with it too). */
export function sendLetter(to: string, letter: ComposedLetter, settings: Settings): void {
  const replyTo = EMAIL.test(String(settings.curatorEmail).trim()) ? String(settings.curatorEmail).trim() : undefined;
  const sender = String(settings.orgShortName).trim() || undefined;
  MailApp.sendEmail({ to, subject: letter.subject, body: letterText(letter), htmlBody: html(letter), ...(sender ? { name: sender } : {}), ...(replyTo ? { replyTo } : {}) });
}

function notifyNow() {
  const ss = SpreadsheetApp.getActive();
  if (approvalPending()) throw new CuratorError('Утверждение пар было прервано сбоем и ещё не завершено. Сначала снова выберите «Утвердить пары и сформировать приказ», затем уведомляйте участников.');
  const order = signedOrder(ss);
  const data = loadPairingData(ss);
  const pairs = data.pairs.table;
  const ref = `приказ от ${numericDate(order.signed)} № ${order.number}`;
  const rows = pairsWithStatus(pairs, APPROVED).filter((i) => {
    const cell = text(pairs, i, 'order');
    return cell !== '' && (cell === order.url || cell.includes(order.id));
  });
  if (!rows.length) throw new CuratorError(`В листе «${SHEET.pairs}» нет утверждённых пар, в столбце «Приказ» которых стоит ссылка на ${ref} (${order.url}). Письма не отправлены.`);

  const ctx: LetterContext = { settings: data.settings, order: { date: order.signed, number: order.number }, overrides: loadNameOverrides(ss).overrides };
  const { letters, skipped } = planLetters(rows, data, ctx);
  const store = new Progress<Sent>(PropertiesService.getDocumentProperties(), recordKey(order.id));
  const record: Sent = store.value ?? { v: 1, order: order.id, sent: {} };
  const earlier = letters.filter((l) => record.sent[l.personId]).length;
  const pending = letters.filter((l) => l.to && !record.sent[l.personId]);
  const noEmail = letters.filter((l) => !l.to && !record.sent[l.personId]);

  const today = numericDate(dayIn(ss)(new Date()));
  let held = 0;
  let sentNow = 0;
  if (pending.length) {
    let quota = MailApp.getRemainingDailyQuota();
    for (const l of pending) {
      if (quota < 1) {
        held += 1;
        continue;
      }
      sendLetter(l.to, l.letter, data.settings);
      quota -= 1;
      sentNow += 1;
      // Recorded before the next letter: a re-run after a failure sends only the rest.
      record.sent[l.personId] = today;
      store.saveSurely(record);
    }
  }

  writePairs(data, letters, record);
  const total = letters.filter((l) => record.sent[l.personId]).length;
  const last = Object.values(record.sent)
    .sort((a, b) => a.split('.').reverse().join('').localeCompare(b.split('.').reverse().join('')))
    .pop();
  if (last) recordNotified(ss, order.id, `${last}: отправлено ${plural(total, LETTERS)}${noEmail.length ? `; без e-mail — ${plural(noEmail.length, PEOPLE)}` : ''}`);

  const parts: string[] = [];
  if (sentNow) {
    const parents = pending.filter((l) => l.minor && record.sent[l.personId]).length;
    parts.push(`По приказу от ${numericDate(order.signed)} № ${order.number} отправлено ${plural(sentNow, LETTERS)}${parents ? `, из них родителям обучающихся — ${parents}` : ''}.`);
    if (earlier) parts.push(`Ранее отправлено: ${plural(earlier, LETTERS)}; повторно они не отправлялись.`);
  } else if (!held) {
    parts.push(
      total
        ? `Все письма по приказу от ${numericDate(order.signed)} № ${order.number} уже отправлены: ${plural(total, LETTERS)}. Новых писем нет.`
        : `По приказу от ${numericDate(order.signed)} № ${order.number} письма не отправлены.`,
    );
  }
  if (held) parts.push(`Не отправлено из-за дневного лимита писем Google: ${plural(held, LETTERS)}. Повторите завтра: отправленные письма не повторятся.`);
  if (noEmail.length)
    parts.push(
      `Без e-mail в базах (письмо не отправлено) — ${plural(noEmail.length, PEOPLE)}: ${noEmail.map((l) => l.personId).join(', ')}. Сообщите им сами или впишите e-mail в «Контакт» и повторите.`,
    );
  if (skipped.length) parts.push(`Пары, о которых писать нельзя (нет согласия или участник выбыл), — ${skipped.length}: ${skipped.join(', ')}.`);
  return { message: parts.join(' '), sent: sentNow, total, withoutEmail: noEmail.length, held };
}

/** «Участники уведомлены» of each pair reached: when, and who got a letter (and who could not). */
function writePairs(data: PairingData, letters: Letter[], record: Sent): void {
  const pairs = data.pairs.table;
  const byRow = new Map<number, Letter[]>();
  for (const l of letters) for (const i of l.pairRows) byRow.set(i, [...(byRow.get(i) ?? []), l]);
  for (const [i, ls] of byRow) {
    const reached = ls.filter((l) => record.sent[l.personId]);
    if (!reached.length) continue;
    const date = reached
      .map((l) => record.sent[l.personId])
      .sort((a, b) => a.split('.').reverse().join('').localeCompare(b.split('.').reverse().join('')))
      .pop()!;
    const who = (l: Letter) => {
      const mentee = bySex(sexOf(text(pairs, i, 'mentee')), WORDS.mentee);
      if (l.role === 'mentor') return l.minor ? 'родители наставника' : 'наставник';
      return l.minor ? `родители ${bySex(sexOf(text(pairs, i, 'mentee')), { male: 'наставляемого', female: 'наставляемой', unknown: 'наставляемого' })}` : mentee;
    };
    const missed = ls.filter((l) => !record.sent[l.personId]);
    const value = `Уведомлены ${date}: ${reached.map(who).join(', ')}${missed.length ? `; без письма: ${missed.map(who).join(', ')}` : ''}`;
    pairs.set(i, 'notified', value);
  }
  saveTable(data.pairs);
}

/** Menu «Уведомить участников об утверждённых парах»: letters once, after the order is signed. */
export function notifyParticipants() {
  // The order's signing date and number, typed into «Документы», complete 5.2 on the roadmap now.
  return runAction(TITLE, withRoadmap(TITLE, notifyNow));
}

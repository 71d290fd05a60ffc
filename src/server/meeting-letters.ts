import { numericDate } from '../core/documents/dates';
import { meetingLinkLetter } from '../core/documents/meeting-letter';
import { pairUnits } from '../core/intake/meetings';
import { BaseTable, normalizeName } from '../core/intake/table';
import { NounForms, plural } from '../core/language';
import { RU } from '../core/strings';
import { runAction } from './curator';
import { CONSENTED, refreshMeetingLinks } from './meetings';
import { emailIn, sendLetter } from './notify';
import { Progress } from './progress';
import { dayIn } from './register';
import { loadNameOverrides, loadSettings } from './settings';
import { dayOfIn, signedDays, signedOrderDay } from './import';
import { loadTable, saveTable } from './tables';

/**
 * The letters sent and not yet written to «Ссылка отправлена»: mentor ID → the day. Saved after
 * each letter (a re-run after a failure never sends it again), emptied once the sheet has them.
 */
interface Journal {
  v: 1;
  sent: Record<string, string>;
}
const JOURNAL = 'meetingLettersSent';
const LETTERS: NounForms = ['письмо', 'письма', 'писем'];

const cell = (t: BaseTable, i: number, key: string) => String(t.get(i, key) ?? '').trim();

interface Pending {
  row: number;
  id: string;
  to: string;
  units: string[];
}

function sendNow() {
  const ss = SpreadsheetApp.getActive();
  // The links first, as «Ссылки для отчётов о встречах» makes them: a letter carries the current one.
  const { mentors, pairs, byMentor } = refreshMeetingLinks(ss);
  const t = mentors.table;
  const store = new Progress<Journal>(PropertiesService.getDocumentProperties(), JOURNAL);
  const journal: Journal = store.value ?? { v: 1, sent: {} };

  // A letter announces pairs the director has approved: only pairs of a signed order count.
  const signed = signedDays(loadTable(ss, 'documents', false)?.table, dayOfIn(ss.getSpreadsheetTimeZone()));
  const allUnits = pairUnits(pairs);
  const ofSignedOrder = (u: string) => {
    const unit = allUnits.get(normalizeName(u));
    return !!unit && signedOrderDay({ signed }, pairs, unit) !== null;
  };

  const pending: Pending[] = [];
  const noConsent: string[] = [];
  const noEmail: string[] = [];
  const unsigned: string[] = [];
  let earlier = 0;
  t.rows.forEach((_r, i) => {
    const id = cell(t, i, 'id');
    const all = id ? (byMentor.get(id) ?? []) : [];
    const units = all.filter(ofSignedOrder);
    if (all.length && !units.length) return void unsigned.push(id);
    if (!units.length) return;
    if (!CONSENTED.includes(cell(t, i, 'consent'))) return void noConsent.push(id);
    const link = cell(t, i, 'meetingLink');
    if (!link) return;
    if (cell(t, i, 'linkSent') || journal.sent[id]) return void (earlier += 1);
    const to = emailIn(t.get(i, 'contact'));
    if (!to) return void noEmail.push(id);
    pending.push({ row: i, id, to, units });
  });
  if (!pending.length && !earlier && !noEmail.length && !noConsent.length) {
    const message = unsigned.length ? RU.meetingLetters.unsigned(unsigned) : RU.meetingLetters.noLinks;
    return { message, sent: 0, held: 0, quotaLeft: null };
  }

  let sent = 0;
  let held = 0;
  let quota: number | null = null;
  if (pending.length) {
    const { settings } = loadSettings(ss);
    const overrides = loadNameOverrides(ss).overrides;
    const units = pairUnits(pairs);
    const today = numericDate(dayIn(ss)(new Date()));
    quota = MailApp.getRemainingDailyQuota();
    for (const p of pending) {
      if (quota < 1) {
        held += 1;
        continue;
      }
      const to = {
        id: p.id,
        name: cell(t, p.row, 'name'),
        minor: false,
        category: cell(t, p.row, 'category'),
        grade: null,
        association: cell(t, p.row, 'association'),
        organisation: cell(t, p.row, 'organisation'),
        position: cell(t, p.row, 'position'),
      };
      const letter = meetingLinkLetter(
        { to, link: cell(t, p.row, 'meetingLink'), units: p.units.map((u) => ({ id: u, group: (units.get(normalizeName(u))?.rows.length ?? 1) > 1 })) },
        settings,
        overrides,
      );
      sendLetter(p.to, letter, settings);
      quota -= 1;
      sent += 1;
      // Recorded before the next letter: a re-run after a failure sends only the rest.
      journal.sent[p.id] = today;
      store.saveSurely(journal);
    }
  }

  // The sheet remembers the letters; then the journal is no longer needed.
  const recorded = Object.keys(journal.sent).length;
  if (recorded) {
    t.rows.forEach((_r, i) => {
      const day = journal.sent[cell(t, i, 'id')];
      if (day && !cell(t, i, 'linkSent')) t.set(i, 'linkSent', day);
    });
    saveTable(mentors);
    store.clear();
  }

  const letters = (n: number) => plural(n, LETTERS);
  const parts = [
    sent ? RU.meetingLetters.sent(letters(sent)) : '',
    sent && earlier ? RU.meetingLetters.earlier(letters(earlier)) : '',
    !sent && !held && earlier ? RU.meetingLetters.allSent(letters(earlier)) : '',
    held ? RU.meetingLetters.held(letters(held)) : '',
    quota !== null ? RU.meetingLetters.quotaLeft(quota) : '',
    noEmail.length ? RU.meetingLetters.noEmail(noEmail) : '',
    noConsent.length ? RU.meetingLetters.noConsent(noConsent) : '',
    unsigned.length ? RU.meetingLetters.unsigned(unsigned) : '',
  ].filter(Boolean);
  return { message: parts.join(' '), sent, held, quotaLeft: quota };
}

/** Menu «Разослать наставникам ссылки для отчётов о встречах»: one letter per mentor, once. */
export function sendMeetingLinks() {
  return runAction(RU.action.meetingLetters, sendNow);
}

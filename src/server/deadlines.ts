/**
 * Deadline reminders (issue 12 item 4): a daily time-driven trigger runs checkDeadlines, which
 * e-mails the curator about roadmap activities due soon and the director about overdue ones, one
 * letter per address per run, each reminder once. What was sent is kept in document properties
 * (key = kind|№|date), saved after each letter: a re-run after a failure sends only the rest.
 */
import { readCalendarDate } from '../core/documents/cell-date';
import { CalendarDate, numericDate } from '../core/documents/dates';
import { NounForms, plural } from '../core/language';
import { daysBetween } from '../core/monitoring/calendar';
import { Reminder, RoadmapDue, keyDate, reminderLetter, remindersOf, withinDays } from '../core/roadmap/reminders';
import { SETTINGS, Settings } from '../core/settings';
import { SHEET, sheetDef } from '../core/workbook/sheets';
import { CuratorError, registerCatchUp, runAction, runInTrigger } from './curator';
import { sendLetter } from './notify';
import { Progress } from './progress';
import { dayIn } from './register';
import { loadSettings } from './settings';
import { loadTable } from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

export const DEADLINE_MENU = {
  check: 'Проверить сроки сейчас',
  on: 'Включить напоминания о сроках',
  off: 'Отключить напоминания о сроках',
};
const TITLE = 'Напоминания о сроках';
const HANDLER = 'checkDeadlines';
/** The hour (in the spreadsheet's zone) Google runs the daily check at, give or take an hour. */
const HOUR = 8;
/** Document property: the curator switched reminders on (kept while they are on). */
const ON = 'deadlineRemindersOn';
/** Document property: the unique id of the trigger made here, to know it among the project's. */
const TRIGGER_ID = 'deadlineTriggerId';
/** Document property: the reminders sent. */
const SENT = 'deadlineReminders';
/** A sent reminder of a date no longer on the roadmap is forgotten this many days after the date. */
const FORGET_AFTER = 400;

const LETTERS: NounForms = ['письмо', 'письма', 'писем'];
const ACTIVITIES: NounForms = ['пункт', 'пункта', 'пунктов'];
/** After «о»: «о 1 пункте», «о 3 пунктах». */
const ABOUT_ACTIVITIES: NounForms = ['пункте', 'пунктах', 'пунктах'];
const DAYS: NounForms = ['день', 'дня', 'дней'];
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]{2,}$/;

interface SentRecord {
  v: 1;
  /** reminderKey(kind, №, date) of each reminder sent. */
  keys: string[];
}

const label = (key: keyof Settings) => SETTINGS.find((s) => s.key === key)!.label;

/** The roadmap's rows with their dates; rows whose date cannot be read are skipped and said. */
function readRoadmap(ss: Spreadsheet): { rows: RoadmapDue[]; notes: string[] } {
  const loaded = loadTable(ss, 'roadmap');
  const t = loaded!.table;
  const def = sheetDef('roadmap');
  const header = (key: string) => def.columns.find((c) => c.key === key)!.header;
  for (const key of ['activity', 'status', 'due']) {
    if (!t.has(key))
      throw new CuratorError(`На листе «${SHEET.roadmap}» нет столбца «${header(key)}». Выберите «Настроить рабочую книгу»: недостающие столбцы будут восстановлены, данные сохранятся.`);
  }
  const dayOf = dayIn(ss);
  const rows: RoadmapDue[] = [];
  const notes: string[] = [];
  t.rows.forEach((_r, i) => {
    const text = (key: string) => (t.has(key) ? String(t.get(i, key) ?? '').trim() : '');
    const activity = text('activity');
    const number = text('number') || activity;
    if (!number) return;
    const override = t.has('dueOverride') ? readCalendarDate(t.get(i, 'dueOverride'), dayOf) : null;
    const due = readCalendarDate(t.get(i, 'due'), dayOf);
    const bad = override === 'invalid' ? 'dueOverride' : override === null && due === 'invalid' ? 'due' : '';
    if (bad) {
      const shown = String(t.get(i, bad) ?? '').trim();
      notes.push(`Строка ${i + 2} (пункт ${number}): в «${header(bad)}» не дата («${shown}»), напоминание по этому пункту не отправлено; впишите дату в виде ДД.ММ.ГГГГ.`);
      return;
    }
    rows.push({ number, activity, status: text('status'), override: override === 'invalid' ? null : override, due: due === 'invalid' ? null : due });
  });
  return { rows, notes };
}

interface Letter {
  to: string;
  role: 'curator' | 'director';
  reminders: Reminder[];
}

/** One letter per address: the director's overdue list, the curator's due-soon list (one letter if it is one address). */
function planLetters(reminders: Reminder[], settings: Settings, notes: string[]): Letter[] {
  const address = (key: 'curatorEmail' | 'directorEmail', what: string, list: Reminder[]) => {
    if (!list.length) return '';
    const value = String(settings[key]).trim();
    if (EMAIL.test(value)) return value;
    notes.push(
      value
        ? `«${label(key)}» в «${SHEET.settings}» — не адрес электронной почты («${value}»): напоминание ${what} (${plural(list.length, ACTIVITIES)}) не отправлено. Исправьте адрес: оно уйдёт при следующей проверке.`
        : `В «${SHEET.settings}» не заполнен «${label(key)}»: напоминание ${what} (${plural(list.length, ACTIVITIES)}) не отправлено. Впишите адрес: оно уйдёт при следующей проверке.`,
    );
    return '';
  };
  const late = reminders.filter((r) => r.kind === 'overdue');
  const soon = reminders.filter((r) => r.kind === 'soon');
  const director = address('directorEmail', 'руководителю о просроченных пунктах', late);
  const curator = address('curatorEmail', 'куратору о приближающихся сроках', soon);
  const letters: Letter[] = [];
  if (director) letters.push({ to: director, role: 'director', reminders: late });
  if (curator && director && curator.toLowerCase() === director.toLowerCase()) letters[0] = { to: curator, role: 'curator', reminders: [...late, ...soon] };
  else if (curator) letters.push({ to: curator, role: 'curator', reminders: soon });
  return letters;
}

/** Keys of dates no longer on the roadmap and long past are forgotten: the record stays small. */
function prune(keys: string[], current: Set<string>, today: CalendarDate): string[] {
  return keys.filter((k) => {
    if (current.has(k)) return true;
    const d = keyDate(k);
    return !!d && daysBetween(d, today) <= FORGET_AFTER;
  });
}

export interface DeadlineCheck {
  message: string;
  sent: number;
  held: number;
  /** Reminders now remembered as sent (all runs). */
  reminded: number;
}

function checkNow(): DeadlineCheck {
  const ss = SpreadsheetApp.getActive();
  const { settings, problems } = loadSettings(ss);
  const today = dayIn(ss)(new Date());
  const { rows, notes } = readRoadmap(ss);
  const days = Number(settings.remindDays);
  const store = new Progress<SentRecord>(PropertiesService.getDocumentProperties(), SENT);
  const record: SentRecord = store.value ?? { v: 1, keys: [] };
  const all = remindersOf(rows, today, days);
  const done = new Set(record.keys);
  const fresh = all.filter((r) => !done.has(r.key));
  const problemsNow = [...problems];
  const letters = fresh.length ? planLetters(fresh, settings, problemsNow) : [];

  let sent = 0;
  let held = 0;
  if (letters.length) {
    const url = ss.getUrl();
    let quota = MailApp.getRemainingDailyQuota();
    const current = new Set(all.map((r) => r.key));
    for (const l of letters) {
      if (quota < 1) {
        held += 1;
        continue;
      }
      sendLetter(l.to, reminderLetter({ to: l.role, reminders: l.reminders, today, days, url }, settings), settings);
      quota -= 1;
      sent += 1;
      // Recorded before the next letter: a re-run after a failure sends only the rest.
      record.keys = prune([...record.keys, ...l.reminders.map((r) => r.key)], current, today);
      store.saveSurely(record);
    }
  }

  const parts: string[] = [];
  const reminded = letters.slice(0, sent).flatMap((l) => l.reminders);
  const late = reminded.filter((r) => r.kind === 'overdue').length;
  const soon = reminded.length - late;
  if (sent) {
    const what = [late ? `о просроченных пунктах (${late})` : '', soon ? `о сроках ${withinDays(days)} (${soon})` : ''].filter(Boolean).join(' и ');
    parts.push(`${numericDate(today)}: отправлено ${plural(sent, LETTERS)} ${what}.`);
  } else if (!held) {
    const open = all.length;
    parts.push(
      open ? `${numericDate(today)}: новых напоминаний нет — о ${plural(open, ABOUT_ACTIVITIES)} уже напоминали.` : `${numericDate(today)}: просроченных пунктов и сроков ${withinDays(days)} нет.`,
    );
  }
  if (held) parts.push(`Не отправлено из-за дневного лимита писем Google: ${plural(held, LETTERS)}. Они уйдут при следующей проверке.`);
  parts.push(...problemsNow, ...notes);
  return { message: parts.join(' '), sent, held, reminded: record.keys.length };
}

/** The triggers of this document that run the check (normally one). */
function ourTriggers(ss: Spreadsheet): Trigger[] {
  const props = PropertiesService.getDocumentProperties();
  const known = props.getProperty(TRIGGER_ID);
  const seen = new Map<string, Trigger>();
  for (const t of ScriptApp.getUserTriggers(ss)) if (t.getHandlerFunction() === HANDLER) seen.set(t.getUniqueId(), t);
  // Where Google lists an add-on's clock trigger only with the project's, the id saved here finds it.
  if (known && !seen.has(known)) for (const t of ScriptApp.getProjectTriggers()) if (t.getUniqueId() === known) seen.set(known, t);
  return [...seen.values()];
}

/** Exactly one daily trigger: made if missing, extra ones removed. Returns whether one was made. */
function ensureTrigger(ss: Spreadsheet): boolean {
  const props = PropertiesService.getDocumentProperties();
  const found = ourTriggers(ss);
  for (const extra of found.slice(1)) ScriptApp.deleteTrigger(extra);
  if (found.length) {
    if (props.getProperty(TRIGGER_ID) !== found[0].getUniqueId()) props.setProperty(TRIGGER_ID, found[0].getUniqueId());
    return false;
  }
  const made = ScriptApp.newTrigger(HANDLER).timeBased().everyDays(1).atHour(HOUR).inTimezone(ss.getSpreadsheetTimeZone()).create();
  props.setProperty(TRIGGER_ID, made.getUniqueId());
  return true;
}

const remindersOn = () => PropertiesService.getDocumentProperties().getProperty(ON) === '1';

/**
 * Re-creates the daily trigger if reminders are on and Google removed or disabled it. Cheap (a
 * property and the trigger list); needs authorisation, so it runs from menu actions and onInstall,
 * never from onOpen in AuthMode.LIMITED, where ScriptApp is refused. Never throws.
 */
export function keepDeadlineTrigger(): boolean {
  try {
    if (!remindersOn()) return false;
    return ensureTrigger(SpreadsheetApp.getActive());
  } catch (error) {
    console.warn(`keepDeadlineTrigger: ${String((error as Error)?.message ?? error)}`);
    return false;
  }
}

/** A trigger still firing after «Отключить» was cut short: it removes itself and sends nothing. */
function removeLeftover(uid: string): string {
  for (const t of ScriptApp.getProjectTriggers()) if (t.getUniqueId() === uid) ScriptApp.deleteTrigger(t);
  return 'Напоминания о сроках отключены: оставшаяся ежедневная проверка удалена, письма не отправлялись.';
}

/** The trigger's work, also when handed over to an action holding the lock: nothing while reminders are off. */
const scheduled = () => (remindersOn() ? checkNow() : { message: 'Напоминания о сроках отключены: проверка не выполнялась.' });

registerCatchUp('deadlines', TITLE, scheduled);

/**
 * The daily trigger's handler, and the menu «Проверить сроки сейчас». From the trigger it runs
 * only while reminders are on (a trigger left behind by an interrupted «Отключить» removes itself).
 */
export function checkDeadlines(e?: GoogleAppsScript.Events.TimeDriven) {
  if (e && typeof e === 'object' && 'triggerUid' in e) {
    const uid = String(e.triggerUid);
    runInTrigger('deadlines', TITLE, () => (remindersOn() ? checkNow() : { message: removeLeftover(uid) }));
    return;
  }
  return runAction(TITLE, () => {
    const restored = keepDeadlineTrigger();
    const result = checkNow();
    return restored ? { ...result, message: `${result.message} Ежедневная проверка сроков была отключена Google и включена снова.` } : result;
  });
}

/** Menu «Включить напоминания о сроках»: one daily trigger, never two; remembered so it can be restored. */
export function installDeadlineTrigger() {
  return runAction(TITLE, () => {
    const ss = SpreadsheetApp.getActive();
    // The wish first: if making the trigger fails, the next action restores it.
    if (!remindersOn()) PropertiesService.getDocumentProperties().setProperty(ON, '1');
    const made = ensureTrigger(ss);
    const { settings } = loadSettings(ss);
    const missing = (['curatorEmail', 'directorEmail'] as const).filter((k) => !EMAIL.test(String(settings[k]).trim())).map((k) => `«${label(k)}»`);
    const when = `каждый день около ${HOUR}:00 (${ss.getSpreadsheetTimeZone()})`;
    const parts = [
      made ? `Напоминания о сроках включены: проверка ${when}.` : `Напоминания о сроках уже включены: проверка ${when}. Повторно не добавлены.`,
      `Куратору — за ${plural(Number(settings.remindDays), DAYS)} до срока, руководителю — о просроченных пунктах.`,
      missing.length ? `Заполните в «${SHEET.settings}» ${missing.join(' и ')}: без адреса письмо не отправляется.` : '',
    ];
    return { message: parts.filter(Boolean).join(' '), installed: made };
  });
}

/** Menu «Отключить напоминания о сроках»: the wish first, then every trigger of the check. */
export function removeDeadlineTrigger() {
  return runAction(TITLE, () => {
    const ss = SpreadsheetApp.getActive();
    const props = PropertiesService.getDocumentProperties();
    if (props.getProperty(ON) !== null) props.deleteProperty(ON);
    const found = ourTriggers(ss);
    for (const t of found) ScriptApp.deleteTrigger(t);
    if (props.getProperty(TRIGGER_ID) !== null) props.deleteProperty(TRIGGER_ID);
    return {
      message: found.length ? 'Напоминания о сроках отключены. Отправленные напоминания запомнены: после включения они не повторятся.' : 'Напоминания о сроках не были включены.',
      removed: found.length,
    };
  });
}

/**
 * Reminders about roadmap deadlines (issue 12 item 4): which activities a run reminds of, the key
 * that makes each reminder go once, and the letter itself. Pure: the server reads the sheet and
 * sends. A letter names only the curator and the director; the activities are the roadmap's text.
 */
import { CalendarDate, numericDate } from '../documents/dates';
import { ComposedLetter } from '../documents/letters';
import { NBSP, NounForms, bySex, parseName, pluralForm, sexOf, typeset } from '../language';
import { daysBetween } from '../monitoring/calendar';
import { Settings } from '../settings';
import { DueInput, isDueSoon, isOverdue } from './due';

export type ReminderKind = 'soon' | 'overdue';

/** One roadmap row as the reminders see it. */
export interface RoadmapDue extends DueInput {
  /** «№» (1.1–7.6); a row the curator added without one is known by its activity. */
  number: string;
  activity: string;
}

export interface Reminder {
  kind: ReminderKind;
  number: string;
  activity: string;
  due: CalendarDate;
  key: string;
}

const ACTIVITIES: NounForms = ['пункт', 'пункта', 'пунктов'];
const DAYS: NounForms = ['день', 'дня', 'дней'];

/** «3 пункта» with a NO-BREAK SPACE: a number never ends a line. */
const count = (n: number, forms: NounForms) => `${n}${NBSP}${pluralForm(n, forms)}`;

const ymd = (d: CalendarDate) => `${d.year}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;

/**
 * What makes a reminder the same one: its kind, the activity and the date. A new date (the next
 * year's, or the curator's own) is a new reminder; the same date is never reminded of twice.
 */
export const reminderKey = (kind: ReminderKind, number: string, due: CalendarDate) => `${kind === 'soon' ? 's' : 'o'}|${number}|${ymd(due)}`;

/** The date a key holds (for forgetting keys of long-past deadlines). */
export function keyDate(key: string): CalendarDate | null {
  const m = /\|(\d{4})(\d{2})(\d{2})$/.exec(key);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/** The reminders due today: due within `days` days (the curator's) and overdue (the director's). */
export function remindersOf(rows: readonly RoadmapDue[], today: CalendarDate, days: number): Reminder[] {
  const out: Reminder[] = [];
  for (const row of rows) {
    const due = row.override ?? row.due;
    if (!due) continue;
    const kind: ReminderKind | null = isOverdue(row, today) ? 'overdue' : isDueSoon(row, today, days) ? 'soon' : null;
    if (kind) out.push({ kind, number: row.number, activity: row.activity, due, key: reminderKey(kind, row.number, due) });
  }
  return out;
}

/** The reminder window in words: «сегодня», «сегодня и завтра», «в ближайшие 7 дней». */
export function withinDays(days: number): string {
  return days <= 0 ? 'сегодня' : days === 1 ? 'сегодня и завтра' : `в ближайшие ${count(days, DAYS)}`;
}

/** «сегодня», «завтра», «через 5 дней». */
function left(today: CalendarDate, due: CalendarDate): string {
  const n = daysBetween(today, due);
  return n === 0 ? 'сегодня' : n === 1 ? 'завтра' : `через ${count(n, DAYS)}`;
}

function line(r: Reminder, today: CalendarDate): string {
  const number = /^\d/.test(r.number) ? `${r.number}.${NBSP}` : '';
  const when = r.kind === 'soon' ? `срок ${numericDate(r.due)} (${left(today, r.due)})` : `срок был ${numericDate(r.due)}, просрочено на ${count(daysBetween(r.due, today), DAYS)}`;
  return `${number}${r.activity.replace(/\s+/g, ' ').trim()}${NBSP}— ${when}`;
}

const DEAR = { male: 'Уважаемый', female: 'Уважаемая' };

/** «Уважаемая Елена Александровна!» from a full name; from initials or nothing, «Здравствуйте!». */
function greeting(name: string): string {
  const parts = parseName(name.trim());
  const sex = sexOf(name.trim());
  if (parts?.first && parts.middle && sex) return `${bySex(sex, DEAR)} ${parts.first} ${parts.middle}!`;
  return 'Здравствуйте!';
}

export interface ReminderLetterInput {
  /** Whom it goes to: the curator (due soon) or the director (overdue); one address may get both lists. */
  to: 'curator' | 'director';
  reminders: readonly Reminder[];
  today: CalendarDate;
  days: number;
  url: string;
}

/**
 * The letter: whom, the programme, the activities (№, activity, date), what to do, the link to
 * the workbook on a paragraph of its own (typography never touches it), who sends it.
 */
export function reminderLetter(input: ReminderLetterInput, settings: Settings): ComposedLetter {
  const { reminders, today } = input;
  const org = String(settings.orgShortName).trim();
  const soon = reminders.filter((r) => r.kind === 'soon');
  const late = reminders.filter((r) => r.kind === 'overdue');
  const name = String(input.to === 'director' ? settings.directorName : settings.curatorName);
  const programme = `программы наставничества${org ? ` ${org}` : ''}`;
  const subject = [late.length ? `просрочено — ${count(late.length, ACTIVITIES)}` : '', soon.length ? `подходит срок — ${count(soon.length, ACTIVITIES)}` : ''].filter(Boolean).join('; ');
  const paragraphs = [greeting(name)];
  if (late.length) {
    paragraphs.push(`В дорожной карте ${programme} не выполнено в срок — ${count(late.length, ACTIVITIES)}:`);
    paragraphs.push(late.map((r) => line(r, today)).join('\n'));
  }
  if (soon.length) {
    paragraphs.push(
      `${late.length ? 'Кроме того, ' : ''}${withinDays(input.days)} наступает срок — ${count(soon.length, ACTIVITIES)} дорожной карты${late.length ? '' : ` ${programme}`}:`.replace(/^./, (c) =>
        c.toUpperCase(),
      ),
    );
    paragraphs.push(soon.map((r) => line(r, today)).join('\n'));
  }
  const curator = String(settings.curatorName).trim();
  const contact = [String(settings.curatorPhone).trim() && `тел. ${String(settings.curatorPhone).trim()}`, String(settings.curatorEmail).trim()].filter(Boolean).join(', ');
  paragraphs.push(
    input.to === 'director'
      ? `Сведения о ходе работ — на листе «Дорожная карта» рабочей книги программы. Куратор программы${curator ? ` — ${curator}` : ''}${contact ? ` (${contact})` : ''}.`
      : 'Когда пункт выполнен, отметьте это в столбце «Статус» листа «Дорожная карта»; если срок перенесён — впишите новую дату в «Свой срок».',
  );
  const options = { orgShortName: org };
  const letter: ComposedLetter = {
    subject: typeset(`Дорожная карта${org ? ` ${org}` : ''}: ${subject}`, options),
    paragraphs: paragraphs.map((p) => typeset(p, options)),
  };
  letter.paragraphs.push(input.url);
  letter.paragraphs.push(
    typeset('Письмо отправлено автоматически: о каждом сроке напоминание приходит один раз. Отключить напоминания можно в меню надстройки: «Отключить напоминания о сроках».', options),
  );
  return letter;
}

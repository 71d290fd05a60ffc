/**
 * «Панель куратора»: the year at a glance, as sentences the sidebar shows as they are. Pure: the
 * server gathers the figures (counts and pair IDs, never a participant's name) and this module
 * says them in Russian that agrees, each with the one next step that helps. The steps are named
 * here; the server holds the allow-list of what each one runs (src/server/dashboard.ts).
 */
import { type CalendarDate, numericDate } from '../documents/dates';
import { type NounForms, GROUPS, PAIRS, plural, pluralForm } from '../language';
import { daysBetween } from '../monitoring/calendar';

/** Each next step the panel offers: a key the server's allow-list knows, and what the button says. */
export const DASHBOARD_STEPS = {
  computeMatches: 'Подобрать пары',
  refreshMonitoring: 'Обновить мониторинг',
  openConsents: 'Открыть лист «Согласия»',
  openMentors: 'Открыть лист «Наставники»',
  openRoadmap: 'Открыть дорожную карту',
  showReportDialog: 'Сформировать отчёт…',
} as const;

export type DashboardAction = keyof typeof DASHBOARD_STEPS;

export const DASHBOARD_TEXT = {
  menu: 'Панель куратора',
  title: 'Панель куратора',
  asOf: (d: CalendarDate, year: number) => `На ${numericDate(d)}, ${year}/${year + 1} учебный год`,
  unknownStep: 'Панель куратора: такого действия нет. Обновите панель и нажмите кнопку ещё раз.',
  badArgument: 'Панель куратора: пункт дорожной карты указан неверно. Обновите панель и нажмите кнопку ещё раз.',
  failed: 'Панель куратора',
  opened: (sheet: string) => `Открыт лист «${sheet}».`,
  openedRow: (sheet: string, number: string) => `Открыт лист «${sheet}», пункт ${number}.`,
  missingSheet: (sheet: string) => `Листа «${sheet}» нет: выполните «Настроить рабочую книгу».`,
  dialogOpened: 'Открыто окно «Сформировать отчёт…».',
} as const;

const MENTEES_NOM: NounForms = ['наставляемый', 'наставляемых', 'наставляемых'];
const MENTORS_NOM: NounForms = ['наставник', 'наставника', 'наставников'];
const MENTEES_GEN: NounForms = ['наставляемого', 'наставляемых', 'наставляемых'];
const MENTORS_GEN: NounForms = ['наставника', 'наставников', 'наставников'];
const STAFF_GEN: NounForms = ['педагога-наставника', 'педагогов-наставников', 'педагогов-наставников'];
const DAYS: NounForms = ['день', 'дня', 'дней'];
const POINTS: NounForms = ['пункте', 'пунктах', 'пунктах'];

/** How many pair IDs a line names before «и ещё N». */
const SHOWN_IDS = 10;

export interface FormFigures {
  form: string;
  pairs: number;
  groups: number;
  mentees: number;
}

export interface DeadlineFigure {
  /** «№» of «Дорожная карта». */
  number: string;
  activity: string;
  /** effectiveDue: the curator's own date over the computed one. */
  due: CalendarDate;
  /** A report the add-on generates evidences this row: «Сформировать отчёт…» is the step. */
  report: boolean;
}

/** What the panel shows, as counts and IDs: no participant's name is ever here. */
export interface DashboardFigures {
  today: CalendarDate;
  academicYear: number;
  /** People with an ID in «Наставляемые» / «Наставники». */
  mentees: number;
  mentors: number;
  /** Pairs and groups that count this academic year, as the reports count them. */
  pairs: number;
  groups: number;
  menteesInUnits: number;
  forms: FormFigures[];
  /** Mentees «без пары» or still «в базе». */
  unmatched: number;
  /** Participants in the programme whose «Согласие» is not «есть» / «есть, без публикации». */
  noConsent: { mentees: number; mentors: number };
  /** Staff mentors in the programme without the consent of ст. 351.8 ТК РФ. */
  noAgreement: number;
  /** Approved pairs and groups behind the programme's pace of meetings. */
  behind: string[];
  overdue: DeadlineFigure[];
  /** The next open deadlines from today, by date (at most 5). */
  upcoming: DeadlineFigure[];
  /** Rows whose «Срок (дата)» or «Свой срок» cannot be read as a date. */
  badDates: string[];
  /** «Напоминать о сроках за, дней»: an upcoming row within this many days is marked. */
  remindDays: number;
}

export interface DashboardStep {
  action: DashboardAction;
  /** The roadmap row for openRoadmap; '' otherwise. */
  arg: string;
  label: string;
}

export type Tone = 'ok' | 'attention' | 'late';

export interface DashboardItem {
  text: string;
  tone: Tone;
  step: DashboardStep | null;
}

export interface DashboardSection {
  key: 'people' | 'unmatched' | 'consents' | 'meetings' | 'overdue' | 'upcoming';
  title: string;
  items: DashboardItem[];
}

export interface DashboardView {
  title: string;
  asOf: string;
  sections: DashboardSection[];
  figures: DashboardFigures;
}

const step = (action: DashboardAction, arg = ''): DashboardStep => ({ action, arg, label: DASHBOARD_STEPS[action] });
const item = (text: string, tone: Tone, next: DashboardStep | null = null): DashboardItem => ({ text, tone, step: next });

/** «ПА-0001, ПА-0002 и ещё 3». */
function ids(list: readonly string[]): string {
  const shown = list.slice(0, SHOWN_IDS).join(', ');
  return list.length > SHOWN_IDS ? `${shown} и ещё ${list.length - SHOWN_IDS}` : shown;
}

/** The verb agreeing with a count: «работает 1 пара» / «21 пара», «работают 2 пары» / «5 пар». */
const verb = (n: number, forms: NounForms, one: string, many: string) => (pluralForm(n, forms) === forms[0] ? one : many);

/** «4 пары и 1 группа», «2 пары», «1 группа», «ни одной пары». */
function units(pairs: number, groups: number): string {
  if (!pairs && !groups) return 'ни одной пары или группы';
  if (!groups) return plural(pairs, PAIRS);
  if (!pairs) return plural(groups, GROUPS);
  return `${plural(pairs, PAIRS)} и ${plural(groups, GROUPS)}`;
}

function people(f: DashboardFigures): DashboardSection {
  const items = [
    item(`В базе ${plural(f.mentees, MENTEES_NOM)} и ${plural(f.mentors, MENTORS_NOM)}.`, 'ok'),
    item(
      f.pairs || f.groups
        ? `В этом учебном году ${f.pairs && f.groups ? 'работают' : f.pairs ? verb(f.pairs, PAIRS, 'работает', 'работают') : verb(f.groups, GROUPS, 'работает', 'работают')} ${units(f.pairs, f.groups)}, в них ${plural(f.menteesInUnits, MENTEES_NOM)}.`
        : 'Утверждённых пар и групп в этом учебном году пока нет.',
      f.pairs || f.groups ? 'ok' : 'attention',
    ),
    ...f.forms.map((form) => item(`${form.form}: ${units(form.pairs, form.groups)}, ${plural(form.mentees, MENTEES_NOM)}.`, 'ok')),
  ];
  return { key: 'people', title: 'Участники, пары и группы', items };
}

function unmatched(f: DashboardFigures): DashboardSection {
  const items = f.unmatched
    ? [item(`${plural(f.unmatched, MENTEES_NOM)} без пары.`, 'attention', step('computeMatches'))]
    : [item(f.mentees ? 'Все наставляемые в парах или группах.' : 'Наставляемых в базе пока нет.', 'ok')];
  return { key: 'unmatched', title: 'Без пары', items };
}

function consents(f: DashboardFigures): DashboardSection {
  const { mentees, mentors } = f.noConsent;
  const whose = [mentees ? plural(mentees, MENTEES_GEN) : '', mentors ? plural(mentors, MENTORS_GEN) : ''].filter(Boolean).join(' и ');
  const items = [
    whose
      ? item(`Нет согласия на обработку персональных данных (152-ФЗ) у ${whose}.`, 'attention', step('openConsents'))
      : item('Согласия на обработку персональных данных есть у всех участников.', 'ok'),
    f.noAgreement
      ? item(`Нет согласия на наставничество (ст. 351.8 ТК РФ) у ${plural(f.noAgreement, STAFF_GEN)}.`, 'attention', step('openMentors'))
      : item('Согласия на наставничество (ст. 351.8 ТК РФ) есть у всех педагогов-наставников.', 'ok'),
  ];
  return { key: 'consents', title: 'Согласия', items };
}

function meetings(f: DashboardFigures): DashboardSection {
  const n = f.behind.length;
  const items = n
    ? [item(`${verb(n, PAIRS, 'Отстаёт', 'Отстают')} от графика встреч ${plural(n, PAIRS)}: ${ids(f.behind)}.`, 'attention', step('refreshMonitoring'))]
    : [item('Пар, отстающих от графика встреч, нет.', 'ok')];
  return { key: 'meetings', title: 'Встречи', items };
}

const rowStep = (d: DeadlineFigure) => (d.report ? step('showReportDialog') : step('openRoadmap', d.number));

function overdue(f: DashboardFigures): DashboardSection {
  const items = f.overdue.map((d) => item(`${d.number} ${d.activity} — срок ${numericDate(d.due)}, просрочено на ${plural(daysBetween(d.due, f.today), DAYS)}.`, 'late', rowStep(d)));
  if (!items.length) items.push(item('Просроченных пунктов нет.', 'ok'));
  if (f.badDates.length)
    items.push(item(`Дата не читается в ${plural(f.badDates.length, POINTS)}: ${f.badDates.join(', ')}. Исправьте её в формате ДД.ММ.ГГГГ.`, 'attention', step('openRoadmap', f.badDates[0])));
  return { key: 'overdue', title: 'Просрочено', items };
}

function when(d: CalendarDate, today: CalendarDate): string {
  const left = daysBetween(today, d);
  return left === 0 ? 'сегодня' : left === 1 ? 'завтра' : `через ${plural(left, DAYS)}`;
}

function upcoming(f: DashboardFigures): DashboardSection {
  const items = f.upcoming.map((d) =>
    item(`${d.number} ${d.activity} — до ${numericDate(d.due)} (${when(d.due, f.today)}).`, daysBetween(f.today, d.due) <= f.remindDays ? 'attention' : 'ok', rowStep(d)),
  );
  if (!items.length) items.push(item('Ближайших сроков с датой нет: даты появятся в «Дорожной карте» после её обновления.', 'ok'));
  return { key: 'upcoming', title: 'Ближайшие сроки', items };
}

export function dashboardView(f: DashboardFigures): DashboardView {
  return {
    title: DASHBOARD_TEXT.title,
    asOf: DASHBOARD_TEXT.asOf(f.today, f.academicYear),
    sections: [people(f), unmatched(f), consents(f), meetings(f), overdue(f), upcoming(f)],
    figures: f,
  };
}

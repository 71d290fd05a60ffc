/**
 * «Панель куратора»: a sidebar with the year at a glance (core/dashboard/view.ts says it in
 * Russian) and one next step per line. dashboardData only reads: each sheet once, whatever the
 * number of pairs, and it returns counts and pair IDs, never a participant's name. A next step is
 * a key of STEPS below — the allow-list: anything else the page sends is refused before anything runs.
 */
import { type CalendarDate } from '../core/documents/dates';
import { readCalendarDate } from '../core/documents/cell-date';
import { DASHBOARD_TEXT, type DashboardAction, type DashboardFigures, type DashboardView, type DeadlineFigure, dashboardView } from '../core/dashboard/view';
import { pairUnits } from '../core/intake/meetings';
import { type BaseTable, normalizeName } from '../core/intake/table';
import { academicYearOf, compareDates } from '../core/monitoring/calendar';
import { isStaffMentor, readMentors } from '../core/pairing/records';
import { REPORT_KINDS } from '../core/reports/registry';
import { type DueInput, effectiveDue, isDueSoon, isOverdue } from '../core/roadmap/due';
import { RU } from '../core/strings';
import { sheetDef } from '../core/workbook/sheets';
import { runUi } from './curator';
import { CuratorError, errorMessage, errorStack, russianReason } from './errors';
import { dayOfIn, signedDays } from './import';
import { computeMatches } from './matching';
import { cadenceResults, refreshMonitoring } from './monitoring';
import { CONSENTED_STATUSES, formOrder, text, unitsCounted } from './report-context';
import { showReportDialog } from './reports';
import { loadSettings } from './settings';
import { loadTable } from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Statuses of people who are no longer in the programme: their consents are no longer asked for. */
const LEFT: readonly string[] = ['завершил(а)', 'выбыл(а)'];
/** Mentees still waiting for a pair. */
const WAITING: readonly string[] = ['без пары', 'в базе'];
/** Roadmap rows a generated report evidences: their step is «Сформировать отчёт…». */
const REPORT_ROWS = new Set(REPORT_KINDS.flatMap((k) => k.roadmap));
const UPCOMING = 5;
/** «Ближайшие»: within a year, so any date of this academic year. */
const HORIZON_DAYS = 366;
const ROW_NUMBER = /^\d{1,2}\.\d{1,2}$/;

const withId = (t: BaseTable) => t.rows.map((_r, i) => i).filter((i) => text(t, i, 'id'));

function deadlines(road: BaseTable | undefined, today: CalendarDate, dayOf: (d: Date) => CalendarDate) {
  const overdue: DeadlineFigure[] = [];
  const soon: DeadlineFigure[] = [];
  const badDates: string[] = [];
  road?.rows.forEach((_r, i) => {
    const number = text(road, i, 'number');
    if (!number) return;
    const read = (key: string) => (road.has(key) ? readCalendarDate(road.get(i, key), dayOf) : null);
    const due = read('due');
    const override = read('dueOverride');
    if (due === 'invalid' || override === 'invalid') badDates.push(number);
    const row: DueInput = { due: due === 'invalid' ? null : due, override: override === 'invalid' ? null : override, status: text(road, i, 'status') };
    const date = effectiveDue(row);
    if (!date) return;
    const figure: DeadlineFigure = { number, activity: text(road, i, 'activity'), due: date, report: REPORT_ROWS.has(number) };
    if (isOverdue(row, today)) overdue.push(figure);
    else if (isDueSoon(row, today, HORIZON_DAYS)) soon.push(figure);
  });
  // Earliest first; rows of one day in the roadmap's order (a stable sort).
  const byDate = (a: DeadlineFigure, b: DeadlineFigure) => compareDates(a.due, b.due);
  return { overdue: overdue.sort(byDate), upcoming: soon.sort(byDate).slice(0, UPCOMING), badDates };
}

/** The figures of the panel, each sheet read once. */
export function dashboardFigures(ss: Spreadsheet): DashboardFigures {
  const dayOf = dayOfIn(ss.getSpreadsheetTimeZone());
  const today = dayOf(new Date());
  const academicYear = academicYearOf(today);
  const mentees = loadTable(ss, 'mentees')!.table;
  const mentors = loadTable(ss, 'mentors')!.table;
  const pairs = loadTable(ss, 'pairs')!.table;
  const meetings = loadTable(ss, 'meetings')!.table;
  const signed = signedDays(loadTable(ss, 'documents', false)?.table, dayOf);
  const road = loadTable(ss, 'roadmap', false)?.table;
  const { settings } = loadSettings(ss);

  // Pairs and groups as every report counts them: the same function, the same day and year.
  const units = unitsCounted(pairs, signed, dayOf, today, academicYear);
  const forms = [...new Set(units.map((u) => u.form))];
  const menteeRows = withId(mentees);
  const mentorRows = withId(mentors);
  const inProgramme = (t: BaseTable, rows: number[]) => rows.filter((i) => !LEFT.includes(text(t, i, 'status')));
  const noConsent = (t: BaseTable, rows: number[]) => inProgramme(t, rows).filter((i) => !CONSENTED_STATUSES.includes(text(t, i, 'consent'))).length;
  const behind = cadenceResults(pairs, meetings, today, dayOf, signed)
    .filter((r) => r.behind)
    .map((r) => r.pairId);
  // cadenceResults sorts by need; the panel lists IDs in the sheet's order.
  const order = new Map([...pairUnits(pairs).keys()].map((k, n) => [k, n]));
  behind.sort((a, b) => (order.get(normalizeName(a)) ?? 0) - (order.get(normalizeName(b)) ?? 0));

  return {
    today,
    academicYear,
    mentees: menteeRows.length,
    mentors: mentorRows.length,
    pairs: units.filter((u) => !u.group).length,
    groups: units.filter((u) => u.group).length,
    menteesInUnits: new Set(units.flatMap((u) => u.menteeIds)).size,
    forms: formsInOrder(forms).map((form) => {
      const own = units.filter((u) => u.form === form);
      return { form: form || 'форма не указана', pairs: own.filter((u) => !u.group).length, groups: own.filter((u) => u.group).length, mentees: new Set(own.flatMap((u) => u.menteeIds)).size };
    }),
    unmatched: menteeRows.filter((i) => WAITING.includes(text(mentees, i, 'status'))).length,
    noConsent: { mentees: noConsent(mentees, menteeRows), mentors: noConsent(mentors, mentorRows) },
    noAgreement: readMentors(mentors).filter((m) => isStaffMentor(m) && !m.agreement && !LEFT.includes(m.status)).length,
    behind,
    ...deadlines(road, today, dayOf),
    remindDays: Number(settings.remindDays) || 0,
  };
}

/** Forms in the bank's order («Формы наставничества»), an empty form last. */
function formsInOrder(forms: string[]): string[] {
  const named = formOrder(forms.filter(Boolean));
  return forms.includes('') ? [...named, ''] : named;
}

export type DashboardAnswer = ({ ok: true } & DashboardView) | { ok: false; message: string };

function failure(title: string, error: unknown): { ok: false; message: string } {
  console.error(`${title}: ${errorStack(error) ?? errorMessage(error)}`);
  return { ok: false, message: error instanceof CuratorError ? error.message : RU.errors.failed(title, russianReason(error)) };
}

/** The panel's content (the sidebar asks for it). Reads only; a failure comes back as a Russian message. */
export function dashboardData(): DashboardAnswer {
  try {
    return { ok: true, ...dashboardView(dashboardFigures(SpreadsheetApp.getActive())) };
  } catch (error) {
    return failure(DASHBOARD_TEXT.title, error);
  }
}

type StepAnswer = { ok: boolean; message: string };

/** Shows a sheet, with the cell or row to look at selected; nothing is written. */
function openSheet(key: 'consents' | 'mentors' | 'roadmap', row?: string): StepAnswer {
  const ss = SpreadsheetApp.getActive();
  const name = sheetDef(key).name;
  if (!ss.getSheetByName(name)) return { ok: false, message: DASHBOARD_TEXT.missingSheet(name) };
  if (key === 'mentors') {
    // The first staff mentor in the programme without the ст. 351.8 consent: the cell to fill.
    const loaded = loadTable(ss, 'mentors')!;
    const t = loaded.table;
    const column = t.column('agreement');
    const missing = readMentors(t).find((m) => isStaffMentor(m) && !m.agreement && !LEFT.includes(m.status));
    const at = missing ? t.rows.findIndex((_r, i) => text(t, i, 'id') === missing.id) : -1;
    loaded.sheet.activate();
    if (at >= 0 && column >= 0) loaded.sheet.getRange(at + 2, column + 1).activate();
    return { ok: true, message: DASHBOARD_TEXT.opened(name) };
  }
  if (key === 'roadmap' && row) {
    const loaded = loadTable(ss, 'roadmap')!;
    const t = loaded.table;
    const at = t.rows.findIndex((_r, i) => text(t, i, 'number') === row);
    loaded.sheet.activate();
    if (at < 0) return { ok: true, message: DASHBOARD_TEXT.opened(name) };
    loaded.sheet.getRange(at + 2, 1, 1, Math.max(1, t.header.length)).activate();
    return { ok: true, message: DASHBOARD_TEXT.openedRow(name, row) };
  }
  ss.getSheetByName(name)!.activate();
  return { ok: true, message: DASHBOARD_TEXT.opened(name) };
}

const outcome = (r: { ok: boolean; message: string }): StepAnswer => ({ ok: r.ok, message: r.message });

/** The allow-list: the only things a next-step button can run, each a working add-on action. */
const STEPS: Readonly<Record<DashboardAction, { takesRow: boolean; run: (row: string) => StepAnswer }>> = {
  computeMatches: { takesRow: false, run: () => outcome(computeMatches({ sidebar: true })) },
  refreshMonitoring: { takesRow: false, run: () => outcome(refreshMonitoring({ sidebar: true })) },
  openConsents: { takesRow: false, run: () => openSheet('consents') },
  openMentors: { takesRow: false, run: () => openSheet('mentors') },
  openRoadmap: { takesRow: true, run: (row) => openSheet('roadmap', row) },
  showReportDialog: {
    takesRow: false,
    run: () => {
      showReportDialog();
      return { ok: true, message: DASHBOARD_TEXT.dialogOpened };
    },
  },
};

/**
 * A next step from the panel: `action` must be a key of the allow-list, `row` a roadmap «№» for
 * «Открыть дорожную карту» and empty otherwise; anything else is refused and nothing runs.
 */
export function dashboardStep(action: unknown, row?: unknown): StepAnswer {
  if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(STEPS, action)) return { ok: false, message: DASHBOARD_TEXT.unknownStep };
  const step = STEPS[action as DashboardAction];
  const given = row === undefined || row === null ? '' : row;
  if (typeof given !== 'string' || (step.takesRow ? given !== '' && !ROW_NUMBER.test(given) : given !== '')) return { ok: false, message: DASHBOARD_TEXT.badArgument };
  try {
    return step.run(given);
  } catch (error) {
    return failure(DASHBOARD_TEXT.title, error);
  }
}

/** Menu «Панель куратора». */
export function showDashboard(): void {
  runUi(DASHBOARD_TEXT.title, () => {
    const html = HtmlService.createHtmlOutputFromFile('Dashboard').setTitle(DASHBOARD_TEXT.title);
    SpreadsheetApp.getUi().showSidebar(html);
  });
}

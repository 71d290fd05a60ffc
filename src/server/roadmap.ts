/**
 * Menu «Обновить дорожную карту»: «Дорожная карта» filled from the workbook — each activity's date
 * in the current academic year («Срок (дата)»), its status and evidence («Статус», «Основание»,
 * «Документ», «Дата выполнения») where the workbook shows it, and the overdue and due-soon rows
 * coloured by conditional formatting. The curator's own cells («Свой срок», «Комментарий
 * куратора», a status without evidence) are never touched. Idempotent: it writes only the cells
 * that differ, so a second run (or a re-run after a fault) changes nothing more.
 */
import { NounForms, plural } from '../core/language';
import { withinDays } from '../core/roadmap/reminders';
import { CalendarDate } from '../core/documents/dates';
import { parseDateText, readCalendarDate } from '../core/documents/cell-date';
import { ROADMAP, ROADMAP_STAGES } from '../core/domain/roadmap';
import { CONSENT } from '../core/intake/consent';
import { BaseTable, normalizeName } from '../core/intake/table';
import { academicYearOf, compareDates } from '../core/monitoring/calendar';
import { DONE_STATUSES } from '../core/roadmap/due';
import { nextDue, parseDeadline } from '../core/roadmap/deadlines';
import { BaseFacts, DocumentFact, RoadmapFacts, evidenceFor } from '../core/roadmap/evidence';
import { RU } from '../core/strings';
import { SHEET, sheetDef } from '../core/workbook/sheets';
import { locateColumns } from '../core/workbook/headers';
import { runAction } from './curator';
import { errorMessage, errorStack, russianReason } from './errors';
import { dayIn } from './register';
import { loadSettings } from './settings';
import { ensureSheet } from './setup';
import { LoadedTable, loadTable, saveTable } from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const ROADMAP_TEXT = {
  menu: 'Обновить дорожную карту',
  action: 'Обновление дорожной карты',
  summary: (c: { rows: number; statuses: number; dates: number; overdue: number; soon: number; days: number }) =>
    `«Дорожная карта»: ${plural(c.rows, ITEMS)}; сроков обновлено — ${c.dates}, статусов по данным рабочей книги — ${c.statuses}. Просрочено: ${c.overdue}; срок ${withinDays(c.days)}: ${c.soon}.`,
  restored: (numbers: string[]) => `Восстановлены удалённые строки: ${numbers.join(', ')} (добавлены внизу листа, статус «не начато»).`,
  badOverride: (number: string, row: number, value: string) =>
    `Пункт ${number} (строка ${row}): в столбце «Свой срок» «${value}» — не дата. Значение оставлено; введите дату как 15.10.2026, иначе действует срок по правилу.`,
  unknownRule: (number: string, note: string) => `Пункт ${number}: ${note}`,
  renamed: (name: string) =>
    `Лист «${name}» — это дорожная карта: надстройка находит её по имени, поэтому листу возвращено имя «${SHEET.roadmap}». Статусы, свои сроки и комментарии на нём сохранены.`,
  notRefreshed: (reason: string) => `«Дорожная карта» не обновлена (${reason}); выберите «Обновить дорожную карту».`,
} as const;

const ITEMS: NounForms = ['пункт', 'пункта', 'пунктов'];
const VALID_CONSENTS: readonly string[] = [CONSENT.valid, CONSENT.validNoPublication];
const SETTLED_CONSENTS: readonly string[] = [...VALID_CONSENTS, CONSENT.refused, CONSENT.withdrawn];
const OVERDUE_COLOR = '#f4c7c3';
const SOON_COLOR = '#fce8b2';
/** Marks the tracker's own conditional rules (N of a text is 0), so the curator's rules stay. */
const MARK_OVERDUE = 'N("Дорожная карта: просрочено")=0';
const MARK_SOON = 'N("Дорожная карта: скоро срок")=0';

const text = (t: BaseTable, i: number, key: string) => (t.has(key) ? String(t.get(i, key) ?? '').trim() : '');

/** Menu «Обновить дорожную карту». */
export function refreshRoadmap() {
  return runAction(ROADMAP_TEXT.action, () => refreshRoadmapRows(SpreadsheetApp.getActive()));
}

export interface RoadmapRefresh {
  message: string;
  /** Rows whose status the evidence set now. */
  statuses: number;
  overdue: number;
  soon: number;
  problems: string[];
}

/** The «Журнал» row the running action is about to write (runAction logs after its work). */
export interface PendingLog {
  action: string;
  details: string;
}

/**
 * An action's work followed by the roadmap rows it evidences, under the action's lock. The
 * action's own work is saved by then: a refresh that fails leaves its success standing, with a
 * note (the error is in the execution log; «Обновить дорожную карту» repairs the rows).
 */
export function withRoadmap<T extends { message: string }>(title: string, work: () => T): () => T {
  return () => {
    const result = work();
    const note = refreshRoadmapQuietly(title, { action: title, details: result.message });
    return note ? { ...result, message: `${result.message}\n${note}` } : result;
  };
}

/** The refresh an action makes on its way: '' when done, else the Russian note for its summary (the stack goes to the log). */
export function refreshRoadmapQuietly(title: string, pending?: PendingLog): string {
  try {
    refreshRoadmapRows(SpreadsheetApp.getActive(), new Date(), pending);
    return '';
  } catch (error) {
    console.error(`${ROADMAP_TEXT.action} после «${title}»: ${errorStack(error) ?? errorMessage(error)}`);
    return ROADMAP_TEXT.notRefreshed(russianReason(error));
  }
}

/**
 * The work of «Обновить дорожную карту» without Ui or a lock of its own: actions that make
 * evidence (a report, an order, an import) call it at their end, under their lock. `pending` is
 * the running action's own «Журнал» row, not written yet (the platform export is evidenced by it).
 */
export function refreshRoadmapRows(ss: Spreadsheet, now: Date = new Date(), pending?: PendingLog): RoadmapRefresh {
  const renamed = nameBack(ss);
  ensureSheet(ss, sheetDef('roadmap'));
  const dayOf = dayIn(ss);
  const today = dayOf(now);
  const zone = ss.getSpreadsheetTimeZone();
  const { settings } = loadSettings(ss);
  // A year started early («Начать новый учебный год…» in June) is the year of «Учебный год».
  const year = Math.max(academicYearOf(today), Number(/^(\d{4})\s*\/\s*\d{4}$/.exec(String(settings.academicYear ?? '').trim())?.[1] ?? 0));
  const days = Number(settings.remindDays);
  const pairsEnd = parseDateText(String(settings.pairsEnd ?? '').trim());
  const facts = readFacts(ss, year, today, dayOf, { regulationOrder: String(settings.regulationOrder ?? ''), programmeOrder: String(settings.programmeOrder ?? '') }, pending);

  const loaded = loadTable(ss, 'roadmap')!;
  const t = loaded.table;
  const restored = restoreRows(t);
  const problems: string[] = [];
  let dates = 0;
  let statuses = 0;
  let overdue = 0;
  let soon = 0;
  t.rows.forEach((_r, i) => {
    const number = text(t, i, 'number');
    if (!number) return;
    const rule = parseDeadline(text(t, i, 'deadline'));
    if (rule.kind === 'unknown') problems.push(ROADMAP_TEXT.unknownRule(number, rule.note));
    const due = nextDue(rule, year, today, { pairsEnd });
    const had = readCalendarDate(t.get(i, 'due'), dayOf);
    if (due ? !(had && had !== 'invalid' && compareDates(had, due) === 0) : had !== null) {
      t.set(i, 'due', due ? cellDate(due, zone) : '');
      dates++;
    }
    const override = readCalendarDate(t.get(i, 'dueOverride'), dayOf);
    if (override === 'invalid') problems.push(ROADMAP_TEXT.badOverride(number, i + 2, text(t, i, 'dueOverride')));

    const found = evidenceFor(number, facts);
    const status = text(t, i, 'status');
    if (found) {
      setText(t, i, 'evidence', found.text);
      if (found.link) setText(t, i, 'document', found.link);
      // Complete evidence sets «выполнено»; partial evidence only moves «не начато» on, never back from the curator's «выполнено»/«перенесено».
      const next = found.status === 'выполнено' ? 'выполнено' : found.status === 'в работе' && (!status || status === 'не начато') ? 'в работе' : status;
      if (next !== status) {
        t.set(i, 'status', next);
        statuses++;
      }
      if (next === 'выполнено' && readCalendarDate(t.get(i, 'doneOn'), dayOf) === null) t.set(i, 'doneOn', cellDate(found.doneOn ?? today, zone));
    } else if (text(t, i, 'evidence')) setText(t, i, 'evidence', '');
    const effective = override && override !== 'invalid' ? override : due;
    const open = !DONE_STATUSES.includes(text(t, i, 'status'));
    if (effective && open) {
      const left = Math.round((Date.UTC(effective.year, effective.month - 1, effective.day) - Date.UTC(today.year, today.month - 1, today.day)) / 86400000);
      if (left < 0) overdue++;
      else if (left <= days) soon++;
    }
  });
  saveTable(loaded);
  setHighlights(loaded, days);
  const lines = [ROADMAP_TEXT.summary({ rows: t.rows.filter((_r, i) => text(t, i, 'number')).length, statuses, dates, overdue, soon, days })];
  if (renamed) lines.push(ROADMAP_TEXT.renamed(renamed));
  if (restored.length) lines.push(ROADMAP_TEXT.restored(restored));
  lines.push(...problems);
  return { message: lines.join('\n'), statuses, overdue, soon, problems };
}

/** Columns only «Дорожная карта» has together: a sheet with them is the roadmap, whatever its name. */
const ROADMAP_MARKS = ['number', 'activity', 'dueOverride', 'status'];

/**
 * «Дорожная карта» renamed by hand: the sheet with the roadmap's columns gets its name back (so the
 * curator's statuses and own dates stay where they are, instead of a new empty sheet beside them).
 * Returns the name it had; null when nothing was renamed.
 */
function nameBack(ss: Spreadsheet): string | null {
  if (ss.getSheetByName(SHEET.roadmap)) return null;
  const columns = sheetDef('roadmap').columns;
  for (const sheet of ss.getSheets()) {
    const width = sheet.getLastColumn();
    if (!width) continue;
    const at = locateColumns(sheet.getRange(1, 1, 1, width).getValues()[0], columns);
    if (!ROADMAP_MARKS.every((key) => (at.get(key) ?? 0) > 0)) continue;
    const name = sheet.getName();
    sheet.setName(SHEET.roadmap);
    return name;
  }
  return null;
}

function setText(t: BaseTable, i: number, key: string, value: string): void {
  if (text(t, i, key) !== value) t.set(i, key, value);
}

/** Activities of ROADMAP missing from the sheet (a deleted row), added back at the bottom. */
function restoreRows(t: BaseTable): string[] {
  const present = new Set(t.rows.map((_r, i) => text(t, i, 'number')));
  const missing = ROADMAP.filter((r) => !present.has(r.number));
  for (const r of missing) {
    const i = t.append();
    const stage = Number(r.number.split('.')[0]);
    t.set(i, 'number', r.number);
    t.set(i, 'stage', `${stage}. ${ROADMAP_STAGES[stage - 1]}`);
    t.set(i, 'activity', r.activity);
    t.set(i, 'deadline', r.deadline);
    t.set(i, 'responsible', r.responsible);
    t.set(i, 'result', r.result);
    t.set(i, 'status', 'не начато');
  }
  return missing.map((r) => r.number);
}

/**
 * A date cell for a calendar day: the moment the day starts in the spreadsheet's zone, so Sheets
 * shows that day and TODAY() compares with it whole, whatever zone the script runs in.
 */
function cellDate(d: CalendarDate, zone: string): Date {
  const noon = new Date(Date.UTC(d.year, d.month - 1, d.day, 12));
  const [date, time] = Utilities.formatDate(noon, zone, 'yyyy-MM-dd HH:mm').split(' ');
  const [y, m, day] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const offset = Date.UTC(y, m - 1, day, hh, mm) - noon.getTime();
  return new Date(Date.UTC(d.year, d.month - 1, d.day) - offset);
}

const letter = (column: number): string => {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** The two formulas over the sheet's columns as they stand now (the curator may have moved them). */
export function highlightFormulas(columns: { due: number; override: number; status: number }, days: number): { overdue: string; soon: string } {
  const [due, own, status] = [letter(columns.due), letter(columns.override), letter(columns.status)].map((c) => `$${c}2`);
  const effective = `IF(${own}<>"",${own},${due})`;
  const open = `ISNUMBER(${effective}),${status}<>"${DONE_STATUSES[0]}",${status}<>"${DONE_STATUSES[1]}"`;
  return {
    overdue: `=AND(${MARK_OVERDUE},${open},INT(${effective})<TODAY())`,
    soon: `=AND(${MARK_SOON},${open},INT(${effective})>=TODAY(),INT(${effective})<=TODAY()+${days})`,
  };
}

/** Overdue rows red, due-soon rows amber: the tracker's two rules replaced, the curator's kept. */
function setHighlights(loaded: LoadedTable, days: number): void {
  const sheet = loaded.sheet;
  const width = sheet.getLastColumn();
  const at = locateColumns(sheet.getRange(1, 1, 1, width).getValues()[0], sheetDef('roadmap').columns);
  const formulas = highlightFormulas({ due: at.get('due')!, override: at.get('dueOverride')!, status: at.get('status')! }, days);
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const existing = sheet.getConditionalFormatRules();
  const ours = (f: string) => f.includes(MARK_OVERDUE) || f.includes(MARK_SOON);
  const formulaOf = (r: GoogleAppsScript.Spreadsheet.ConditionalFormatRule) => String(r.getBooleanCondition()?.getCriteriaValues()[0] ?? '');
  const kept = existing.filter((r) => !ours(formulaOf(r)));
  const mine = existing.filter((r) => ours(formulaOf(r)));
  const wanted = [
    { formula: formulas.overdue, color: OVERDUE_COLOR },
    { formula: formulas.soon, color: SOON_COLOR },
  ];
  const same =
    mine.length === 2 &&
    wanted.every((w, k) => {
      const r = mine[k];
      const range = r.getRanges()[0];
      return formulaOf(r) === w.formula && r.getBooleanCondition()?.getBackground() === w.color && range.getNumColumns() === width && range.getNumRows() === rows;
    });
  if (same) return;
  const range = sheet.getRange(2, 1, rows, width);
  const built = wanted.map((w) => SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(w.formula).setBackground(w.color).setRanges([range]).build());
  sheet.setConditionalFormatRules([...built, ...kept]);
}

/** Everything the evidence needs, each sheet read once. */
function readFacts(
  ss: Spreadsheet,
  year: number,
  today: CalendarDate,
  dayOf: (d: Date) => CalendarDate,
  orders: { regulationOrder: string; programmeOrder: string },
  pending?: PendingLog,
): RoadmapFacts {
  const table = (key: string) => loadTable(ss, key, false)?.table ?? null;
  const dayIn = (v: unknown) => {
    const d = readCalendarDate(v, dayOf);
    return d && d !== 'invalid' ? d : null;
  };
  const inYear = (v: unknown) => {
    const d = dayIn(v);
    return !!d && academicYearOf(d) === year;
  };
  const rowsOf = (t: BaseTable | null, key: string) => (t ? t.rows.map((_r, i) => i).filter((i) => text(t, i, key)) : []);

  const diagnostics = table('diagnostics');
  const entry = (ids: Set<string>, role: string) => {
    const seen = new Set<string>();
    if (diagnostics)
      for (const i of rowsOf(diagnostics, 'personId')) {
        const id = normalizeName(text(diagnostics, i, 'personId'));
        if (ids.has(id) && text(diagnostics, i, 'role') === role && text(diagnostics, i, 'phase') === 'входная' && inYear(diagnostics.get(i, 'date'))) seen.add(id);
      }
    return seen.size;
  };
  const baseFacts = (key: 'mentees' | 'mentors', role: string): BaseFacts & { t: BaseTable | null; rows: number[] } => {
    const t = table(key);
    const rows = rowsOf(t, 'id');
    const consent = (i: number) => text(t!, i, 'consent');
    return {
      t,
      rows,
      total: rows.length,
      consented: rows.filter((i) => VALID_CONSENTS.includes(consent(i))).length,
      pending: rows.filter((i) => !SETTLED_CONSENTS.includes(consent(i))).length,
      entryDiagnostics: entry(new Set(rows.map((i) => normalizeName(text(t!, i, 'id')))), role),
    };
  };
  const mentees = baseFacts('mentees', 'наставляемый');
  const mentors = baseFacts('mentors', 'наставник');
  const mentorStatus = (values: string[]) => mentors.rows.filter((i) => values.includes(text(mentors.t!, i, 'training'))).length;

  const pairs = table('pairs');
  const pairRows = rowsOf(pairs, 'id');
  const pairCount = (statuses: string[]) => pairRows.filter((i) => statuses.includes(text(pairs!, i, 'status'))).length;

  const monitoring = table('monitoring');
  let behind: number | null = null;
  if (monitoring)
    monitoring.rows.forEach((_r, i) => {
      if (text(monitoring, i, 'stage') === '6.1' && text(monitoring, i, 'indicator') === RU.monitoring.lagCount) {
        const n = Number(monitoring.get(i, 'value'));
        if (Number.isFinite(n)) behind = n;
      }
    });

  const feedback = table('feedback');
  const feedbackDays = rowsOf(feedback, 'id')
    .map((i) => dayIn(feedback!.get(i, 'date')))
    .filter((d): d is CalendarDate => !!d && academicYearOf(d) === year);

  const meetings = table('meetings');
  const documents: DocumentFact[] = [];
  const register = table('documents');
  if (register)
    for (const i of rowsOf(register, 'id')) {
      const title = text(register, i, 'title');
      if (/\(заменён версией \d+\)$/.test(title)) continue;
      const period = /на (\d{2}\.\d{2}\.\d{4})/.exec(title);
      documents.push({
        kind: text(register, i, 'kind'),
        title,
        url: text(register, i, 'url'),
        created: dayIn(register.get(i, 'created')),
        signed: dayIn(register.get(i, 'signedOn')),
        number: text(register, i, 'number'),
        periodDate: period ? parseDateText(period[1]) : null,
      });
    }

  const log = table('log');
  let exportedOn: CalendarDate | null = null;
  const exported = (action: string, details: string) => action === RU.action.platformExport && /^(Выгружено|Участников с действующим)/.test(details);
  if (log)
    log.rows.forEach((_r, i) => {
      if (!exported(text(log, i, 'action'), text(log, i, 'details'))) return;
      const d = dayIn(log.get(i, 'at'));
      if (d && academicYearOf(d) === year && (!exportedOn || compareDates(d, exportedOn) > 0)) exportedOn = d;
    });
  if (pending && exported(pending.action, pending.details.trim())) exportedOn = today;

  return {
    year,
    today,
    mentees: {
      ...strip(mentees),
      withoutMentor: mentees.rows.filter((i) => VALID_CONSENTS.includes(text(mentees.t!, i, 'consent')) && ['в базе', 'без пары', ''].includes(text(mentees.t!, i, 'status'))).length,
    },
    mentors: { ...strip(mentors), trained: mentorStatus(['обучен', 'не требуется']), training: mentorStatus(['направлен', 'обучается']) },
    partners: rowsOf(table('partners'), 'name').length,
    programmes: rowsOf(table('programmes'), 'title').length,
    analysisRows: rowsOf(table('analysis'), 'item').length,
    preferences: rowsOf(table('preferences'), 'personId').length,
    pairs: {
      proposed: pairCount(['предложена']),
      approved: pairCount(['утверждена', 'активна', 'завершена']),
      active: pairCount(['утверждена', 'активна']),
      finished: pairCount(['завершена']),
    },
    meetingsBehind: behind,
    meetings: rowsOf(meetings, 'pair').filter((i) => inYear(meetings!.get(i, 'date'))).length,
    feedback: { thisYear: feedbackDays.length, thisMonth: feedbackDays.filter((d) => d.year === today.year && d.month === today.month).length },
    regulationOrder: orders.regulationOrder.trim(),
    programmeOrder: orders.programmeOrder.trim(),
    exportedOn,
    documents,
  };
}

function strip(b: BaseFacts): BaseFacts {
  return { total: b.total, consented: b.consented, pending: b.pending, entryDiagnostics: b.entryDiagnostics };
}

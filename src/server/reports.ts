/**
 * «Сформировать отчёт…»: the reports the director signs (roadmap 7.1, 7.3 …), each a Google Doc
 * from a curator-editable template in «Шаблоны», recorded in «Документы» and linked on the roadmap
 * row it evidences. Generating again for the same period makes a new version and says so: the new
 * title carries «версия N», the previous Doc is renamed «(заменён версией N)» and stays registered.
 *
 * A report kind is one entry of REPORT_KINDS (core/reports/registry.ts: name, roadmap rows,
 * period) and one of REPORTS below (template and data builder); nothing else changes.
 *
 * Resumable: the run (kind, period, version, title, the Doc) is recorded before the copy exists and
 * after each step; a re-run finishes it with the same Doc and the same version, never a second one.
 */
import { CalendarDate, numericDate } from '../core/documents/dates';
import { isDateCell, readCalendarDate } from '../core/documents/cell-date';
import { EFFECTIVENESS_FIELDS, FormCount, effectivenessData, effectivenessTemplate } from '../core/documents/report-effectiveness';
import { SWOT_FIELDS, SwotAnswer, swotData, swotTemplate } from '../core/documents/report-swot';
import { TemplateData } from '../core/documents/template/data';
import { MENTORING_FORMS } from '../core/domain/forms-of-mentoring';
import { BaseTable, normalizeName } from '../core/intake/table';
import { pairUnits } from '../core/intake/meetings';
import { COUNTED_STATUSES, SWOT_QUESTIONNAIRE, academicYearOf, compareDates } from '../core/monitoring';
import { REPORT_KINDS, Period, ReportKindInfo, baseTitle, periodOf, periodsOf, replacedTitle, reportKind, versionOf, versionTitle, yearText } from '../core/reports/registry';
import { REPORT_TEXT } from '../core/reports/texts';
import { RU } from '../core/strings';
import { Settings } from '../core/settings';
import { sheetDef } from '../core/workbook/sheets';
import { CuratorError, runAction, runUi } from './curator';
import { DocRecord, produceDocument } from './documents';
import { drive, isNotFound } from './drive';
import { escapeHtml } from './html';
import { dayOfIn, orderDayOf, signedDays } from './import';
import { Progress } from './progress';
import { recordDocuments } from './register';
import { loadNameOverrides, loadSettings } from './settings';
import { ensureSheet } from './setup';
import { loadTable, saveTable } from './tables';
import { TemplateKind, trash } from './templates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Day = CalendarDate;

/** What a kind's data builder gets: the workbook, read once per run, and the chosen period. */
interface ReportContext {
  ss: Spreadsheet;
  settings: Settings;
  period: Period;
  dayOf: (d: Date) => Day;
}

/** A kind's data for its template and what the curator should read about it (summary sentences). */
interface Built {
  data: TemplateData;
  summary: string[];
}

interface ReportDef {
  template: TemplateKind;
  build: (ctx: ReportContext) => Built;
}

export const EFFECTIVENESS_REPORT: TemplateKind = { key: 'report-effectiveness', spec: effectivenessTemplate, fields: EFFECTIVENESS_FIELDS };
export const SWOT_REPORT: TemplateKind = { key: 'report-swot', spec: swotTemplate, fields: SWOT_FIELDS };

const text = (t: BaseTable, i: number, key: string) => (t.has(key) ? String(t.get(i, key) ?? '').trim() : '');
const COUNTED: readonly string[] = COUNTED_STATUSES;

/** Pairs and groups that count on a day, as the Р-145 indicators count them (status, order day). */
function countedUnits(ctx: ReportContext, onOrBefore: Day, inYear: number | null) {
  const pairs = loadTable(ctx.ss, 'pairs')!.table;
  const signed = signedDays(loadTable(ctx.ss, 'documents', false)?.table, ctx.dayOf);
  const out: Array<{ form: string; group: boolean; mentorId: string; menteeIds: string[] }> = [];
  for (const unit of pairUnits(pairs).values()) {
    const rows = unit.rows.filter((i) => COUNTED.includes(text(pairs, i, 'status')));
    if (!rows.length) continue;
    const start = orderDayOf({ signed }, pairs, unit, ctx.dayOf);
    if (start && compareDates(start, onOrBefore) > 0) continue;
    if (inYear !== null && start && academicYearOf(start) !== inYear) continue;
    out.push({
      form: rows.map((i) => text(pairs, i, 'form')).find(Boolean) ?? '',
      group: rows.some((i) => text(pairs, i, 'group')),
      mentorId: text(pairs, rows[0], 'mentorId'),
      menteeIds: rows.map((i) => text(pairs, i, 'menteeId')).filter(Boolean),
    });
  }
  return out;
}

/** Forms in the order of «Формы наставничества» (the bank's), any other after. */
function formOrder(forms: Iterable<string>): string[] {
  const known = MENTORING_FORMS.map((f) => f.name);
  const list = [...new Set([...forms].filter(Boolean))];
  const rank = (f: string) => {
    const i = known.findIndex((k) => normalizeName(k) === normalizeName(f));
    return i < 0 ? known.length : i;
  };
  return list.sort((a, b) => rank(a) - rank(b));
}

function buildEffectiveness(ctx: ReportContext): Built {
  const date = ctx.period.date;
  const m = loadTable(ctx.ss, 'monitoring')!.table;
  const monitoring = m.rows.map((_r, i) => ({
    stage: text(m, i, 'stage'),
    indicator: text(m, i, 'indicator'),
    value: text(m, i, 'value'),
    comment: text(m, i, 'comment'),
  }));
  const units = countedUnits(ctx, date, null);
  const forms: FormCount[] = formOrder(units.map((u) => u.form)).map((form) => {
    const own = units.filter((u) => u.form === form);
    return {
      form,
      pairs: own.filter((u) => !u.group).length,
      groups: own.filter((u) => u.group).length,
      mentors: new Set(own.map((u) => u.mentorId)).size,
      mentees: new Set(own.flatMap((u) => u.menteeIds)).size,
    };
  });
  const mentors = loadTable(ctx.ss, 'mentors')!.table;
  const ids = mentors.rows.map((_r, i) => i).filter((i) => text(mentors, i, 'id'));
  const result = effectivenessData(
    { settings: ctx.settings, date, monitoring, forms, mentors: ids.length, trained: ids.filter((i) => text(mentors, i, 'training') === 'обучен').length },
    loadNameOverrides(ctx.ss).overrides,
  );
  if (!result) throw new CuratorError(REPORT_TEXT.noMonitoring(numericDate(date)));
  return {
    data: result.data,
    summary: [
      REPORT_TEXT.computed(result.computed, result.rows.length),
      result.toEnter.length ? REPORT_TEXT.toEnter(result.toEnter) : '',
      result.toFix.length ? REPORT_TEXT.toFix(result.toFix) : '',
      result.stale.length ? REPORT_TEXT.stale(result.stale) : '',
      result.missing.length ? REPORT_TEXT.settings(result.missing) : '',
    ],
  };
}

function buildSwot(ctx: ReportContext): Built {
  const year = ctx.period.academicYear;
  const surveys = loadTable(ctx.ss, 'surveys', false)?.table;
  const answers: SwotAnswer[] = [];
  surveys?.rows.forEach((_r, i) => {
    if (normalizeName(text(surveys, i, 'survey')) !== normalizeName(SWOT_QUESTIONNAIRE.title)) return;
    const day = readCalendarDate(surveys.get(i, 'date'), ctx.dayOf);
    if (day && day !== 'invalid' && academicYearOf(day) !== year) return;
    const value = surveys.get(i, 'value');
    answers.push({
      respondent: `${text(surveys, i, 'personId')}|${day && day !== 'invalid' ? `${day.year}-${day.month}-${day.day}` : ''}`,
      form: text(surveys, i, 'form'),
      item: text(surveys, i, 'item'),
      value: isDateCell(value) ? '' : (value as string | number | boolean | null),
      comment: text(surveys, i, 'comment'),
    });
  });
  const forms = formOrder(countedUnits(ctx, ctx.period.date, year).map((u) => u.form));
  const result = swotData({ settings: ctx.settings, period: ctx.period.label, academicYear: yearText(year), forms, answers }, loadNameOverrides(ctx.ss).overrides);
  return {
    data: result.data,
    summary: [result.unanswered.length ? REPORT_TEXT.unanswered(result.unanswered) : '', result.missing.length ? REPORT_TEXT.settings(result.missing) : ''],
  };
}

/** The implemented kinds: only these are offered in the dialog. */
const REPORTS: Readonly<Record<string, ReportDef>> = {
  effectiveness: { template: EFFECTIVENESS_REPORT, build: buildEffectiveness },
  swot: { template: SWOT_REPORT, build: buildSwot },
};

/** The report templates, for «Шаблоны документов». */
export const REPORT_TEMPLATES: readonly TemplateKind[] = REPORT_KINDS.filter((k) => REPORTS[k.key]).map((k) => REPORTS[k.key].template);

const RECORD = 'reportInProgress';

interface ReportRun extends DocRecord {
  v: 1;
  kind: string;
  period: string;
  /** When the run began (ISO): «Создан» in the register. */
  at: string;
  version: number;
  title: string;
  /** The versions this one replaces: renamed once the new one exists. */
  replaces: Array<{ id: string; url: string; title: string }>;
}

/** The versions of this kind and period in «Документы»: the next number and the current ones. */
function versionsOf(ss: Spreadsheet, info: ReportKindInfo, base: string): { next: number; current: ReportRun['replaces'] } {
  const t = loadTable(ss, 'documents', false)?.table;
  let last = 0;
  const current: ReportRun['replaces'] = [];
  t?.rows.forEach((_r, i) => {
    if (normalizeName(text(t, i, 'kind')) !== normalizeName(info.name)) return;
    const title = text(t, i, 'title');
    const v = versionOf(base, title);
    if (!v) return;
    last = Math.max(last, v.version);
    if (!v.replaced && text(t, i, 'id')) current.push({ id: text(t, i, 'id'), url: text(t, i, 'url'), title });
  });
  return { next: last + 1, current };
}

/** The steps after the Doc is filled, each one idempotent: renames, the register, the roadmap link. */
function finishRun(ss: Spreadsheet, info: ReportKindInfo, run: ReportRun): void {
  const doc = run.doc!;
  const renamed = run.replaces.map((r) => ({ ...r, title: replacedTitle(r.title, run.version) }));
  for (const r of renamed) {
    try {
      drive().Files!.update({ name: r.title }, r.id);
    } catch (error) {
      // Deleted by hand: its register row still says it was replaced.
      if (!isNotFound(error)) throw error;
    }
  }
  const created = new Date(run.at);
  recordDocuments(ss, [...renamed.map((r) => ({ id: r.id, kind: info.name, title: r.title, url: r.url, created })), { id: doc.id, kind: info.name, title: run.title, url: doc.url, created }]);
  if (!info.roadmap.length) return;
  ensureSheet(ss, sheetDef('roadmap'));
  const loaded = loadTable(ss, 'roadmap')!;
  const t = loaded.table;
  t.rows.forEach((_r, i) => {
    if (info.roadmap.includes(text(t, i, 'number'))) t.set(i, 'document', doc.url);
  });
  saveTable(loaded);
}

/** A run of another kind or period cut short: finished if its Doc is complete, else binned and dropped. */
function settleOther(ss: Spreadsheet, store: Progress<ReportRun>, run: ReportRun): string {
  const info = reportKind(run.kind);
  if (info && run.doc && run.filled) {
    finishRun(ss, info, run);
    store.clear();
    return REPORT_TEXT.resumedOther(run.title);
  }
  if (run.doc) trash(run.doc.id);
  store.clear();
  return REPORT_TEXT.droppedOther(run.title);
}

export interface ReportOptions {
  /** A period key offered by the dialog ('2027-06-15', '2026'); absent — the latest. */
  period?: string;
}

function generateNow(kindKey: unknown, options: unknown) {
  const key = typeof kindKey === 'string' ? kindKey : '';
  const info = reportKind(key);
  if (!info || !REPORTS[key]) throw new CuratorError(REPORT_TEXT.unknownKind(key));
  const wanted = options && typeof options === 'object' ? (options as Record<string, unknown>).period : undefined;
  const ss = SpreadsheetApp.getActive();
  const dayOf = dayOfIn(ss.getSpreadsheetTimeZone());
  const today = dayOf(new Date());
  const offered = periodsOf(info, today);
  if (!offered.length) throw new CuratorError(REPORT_TEXT.noPeriod);
  const period = periodOf(info, today, typeof wanted === 'string' ? wanted : undefined);
  if (!period) throw new CuratorError(REPORT_TEXT.badPeriod(offered.map((p) => p.label)));

  const store = new Progress<ReportRun>(PropertiesService.getDocumentProperties(), RECORD);
  const parts: string[] = [];
  let run = store.value && store.value.v === 1 ? store.value : null;
  if (run && (run.kind !== key || run.period !== period.key)) {
    parts.push(settleOther(ss, store, run));
    run = null;
  }
  const { settings } = loadSettings(ss);
  const def = REPORTS[key];
  const built = def.build({ ss, settings, period, dayOf });
  if (!run) {
    const base = baseTitle(info, period);
    const versions = versionsOf(ss, info, base);
    run = { v: 1, kind: key, period: period.key, at: new Date().toISOString(), version: versions.next, title: versionTitle(base, versions.next), replaces: versions.current, doc: null };
    store.saveSurely(run);
  }
  const current = run;
  const made = produceDocument({ saveSurely: () => store.saveSurely(current) }, current, def.template, current.title, settings, () => built.data);
  finishRun(ss, info, current);
  store.clear();

  parts.push(REPORT_TEXT.made(current.title, made.ref.url));
  if (current.replaces.length)
    parts.push(
      REPORT_TEXT.replaced(
        current.version,
        current.replaces.map((r) => replacedTitle(r.title, current.version)),
      ),
    );
  if (info.roadmap.length) parts.push(REPORT_TEXT.linked(info.roadmap));
  parts.push(...built.summary);
  if (made.notes.length) parts.push(REPORT_TEXT.template(made.notes));
  return { message: parts.filter(Boolean).join(' '), url: made.ref.url, title: current.title, version: current.version };
}

/** «Сформировать отчёт…» (from the dialog): the report of a kind for a period (default the latest). */
export function generateReport(kind: string, options?: ReportOptions) {
  return runAction(RU.action.report, () => generateNow(kind, options));
}

/** The kinds and periods the dialog offers today. */
export function reportChoices(today: Day): Array<{ kind: ReportKindInfo; periods: Period[] }> {
  return REPORT_KINDS.filter((k) => REPORTS[k.key])
    .map((kind) => ({ kind, periods: periodsOf(kind, today) }))
    .filter((c) => c.periods.length > 0);
}

/** The dialog's HTML: every text escaped; the script only reads the chosen values and shows the answer. */
export function reportDialogHtml(choices: ReturnType<typeof reportChoices>): string {
  const d = REPORT_TEXT.dialog;
  const kinds = choices.map((c, i) => `<option value="${escapeHtml(c.kind.key)}"${i === 0 ? ' selected' : ''}>${escapeHtml(c.kind.name)} (${escapeHtml(c.kind.roadmap.join(', '))})</option>`).join('');
  const periods = choices
    .map(
      (c, i) =>
        `<select class="period" data-kind="${escapeHtml(c.kind.key)}" id="period-${i}"${i === 0 ? '' : ' hidden'}>` +
        c.periods.map((p, k) => `<option value="${escapeHtml(p.key)}"${k === 0 ? ' selected' : ''}>${escapeHtml(p.label)}</option>`).join('') +
        '</select>',
    )
    .join('');
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(d.title)}</title>
<style>body{font:14px Arial,sans-serif;margin:12px;color:#202124}label{display:block;margin:10px 0 4px;font-weight:bold}select{width:100%;padding:4px;font-size:14px}
button{margin-top:14px;padding:6px 16px;font-size:14px;background:#1a73e8;color:#fff;border:0;border-radius:4px}button:disabled{background:#5f6368}
p.hint{color:#3c4043;font-size:12px}#status{margin-top:12px;white-space:pre-wrap}</style></head>
<body><main><h1 style="font-size:16px">${escapeHtml(d.title)}</h1>
<form id="f"><label for="kind">${escapeHtml(d.kind)}</label><select id="kind" name="kind">${kinds}</select>
<label for="period-0" id="period-label">${escapeHtml(d.period)}</label>${periods}
<button type="submit" id="go">${escapeHtml(d.submit)}</button></form>
<p class="hint">${escapeHtml(d.hint)}</p><div id="status" role="status" aria-live="polite"></div></main>
<script>
var kind=document.getElementById('kind'),label=document.getElementById('period-label'),out=document.getElementById('status'),go=document.getElementById('go');
function current(){var all=document.querySelectorAll('select.period'),found=null;for(var i=0;i<all.length;i++){var on=all[i].getAttribute('data-kind')===kind.value;all[i].hidden=!on;if(on){found=all[i];label.setAttribute('for',all[i].id);}}return found;}
kind.addEventListener('change',current);
function done(r){go.disabled=false;out.textContent=(r&&r.ok===false?${JSON.stringify(d.failed)}:'')+String(r&&r.message||'');}
document.getElementById('f').addEventListener('submit',function(e){e.preventDefault();var p=current();go.disabled=true;out.textContent=${JSON.stringify(d.working)};
google.script.run.withSuccessHandler(done).withFailureHandler(function(err){go.disabled=false;out.textContent=${JSON.stringify(d.failed)}+String(err&&err.message||err);}).generateReport(kind.value,{period:p?p.value:''});});
</script></body></html>`;
}

/** Menu «Сформировать отчёт…»: the dialog to choose the kind and the period. */
export function showReportDialog(): void {
  runUi(RU.action.report, () => {
    const ss = SpreadsheetApp.getActive();
    const today = dayOfIn(ss.getSpreadsheetTimeZone())(new Date());
    const html = HtmlService.createHtmlOutput(reportDialogHtml(reportChoices(today)))
      .setWidth(520)
      .setHeight(420);
    SpreadsheetApp.getUi().showModalDialog(html, REPORT_TEXT.dialog.title);
  });
}

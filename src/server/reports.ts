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
import { withRoadmap } from './roadmap';
import { CalendarDate, numericDate } from '../core/documents/dates';
import { isDateCell, readCalendarDate } from '../core/documents/cell-date';
import { EFFECTIVENESS_FIELDS, FormCount, effectivenessData, effectivenessTemplate } from '../core/documents/report-effectiveness';
import { SWOT_FIELDS, SwotAnswer, swotData, swotTemplate } from '../core/documents/report-swot';
import { SATISFACTION_FIELDS, SATISFACTION_TEXT, SurveyAnswer, satisfactionData, satisfactionTemplate } from '../core/documents/report-satisfaction';
import { MAY_SURVEY } from '../core/monitoring';
import { RegisteredOrder, STAGE_FIELDS, STAGE_NUMBERS, StageNumber, stageData, stageTemplate, unsignedNote } from '../core/documents/report-stage';
import { MENTEE_CATEGORIES, MENTOR_CATEGORIES } from '../core/domain/forms-of-mentoring';
import { TARGET_GROUPS } from '../core/domain/target-groups';
import { TRAINING_STATUSES } from '../core/workbook/sheets';
import { normalizeName } from '../core/intake/table';
import { SWOT_QUESTIONNAIRE, academicYearOf } from '../core/monitoring';
import { REPORT_KINDS, Period, ReportKindInfo, baseTitle, periodOf, periodsOf, replacedTitle, reportKind, versionOf, versionTitle, yearText } from '../core/reports/registry';
import { REPORT_TEXT } from '../core/reports/texts';
import { RU } from '../core/strings';
import { sheetDef } from '../core/workbook/sheets';
import { CuratorError, runAction, runUi } from './curator';
import { DocRecord, produceDocument } from './documents';
import { drive, isNotFound } from './drive';
import { escapeHtml } from './html';
import { dayOfIn } from './import';
import { Progress } from './progress';
import { recordDocuments } from './register';
import { loadNameOverrides, loadSettings } from './settings';
import { ensureSheet } from './setup';
import { loadTable, saveTable } from './tables';
import { Built, CONSENTED_STATUSES, yearReader, ReportContext, ReportDef, countedUnits, formOrder, tally, text, yearAnswers } from './report-context';
import { TemplateKind, trash } from './templates';
import { LISTS_ORDER, buildListsOrder } from './report-order-lists';
import { BEST_MENTORS_REPORT, buildBestMentors } from './report-best-mentors';
import { CASES_REPORT, buildCases } from './report-cases';
import { COVER_LETTER, CoverRun, finishCover, planCover, produceCover, stageOfKind } from './report-cover-letter';
import { COVER_TEXT } from '../core/documents/cover-letter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Day = CalendarDate;

export const EFFECTIVENESS_REPORT: TemplateKind = { key: 'report-effectiveness', spec: effectivenessTemplate, fields: EFFECTIVENESS_FIELDS };
export const SWOT_REPORT: TemplateKind = { key: 'report-swot', spec: swotTemplate, fields: SWOT_FIELDS };
export const SATISFACTION_REPORT: TemplateKind = { key: 'report-satisfaction', spec: satisfactionTemplate, fields: SATISFACTION_FIELDS };
/** One template for the six stage справки: the stage is a value in it. */
export const STAGE_REPORT: TemplateKind = { key: 'report-stage', spec: stageTemplate, fields: STAGE_FIELDS };

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
      result.rows.every((r) => r.plan === 'не установлено') && !result.badPlans.length ? REPORT_TEXT.noPlans : '',
      result.badPlans.length ? REPORT_TEXT.badPlans(result.badPlans) : '',
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

/** The monitoring справка of a stage: counts read from the sheets «Мониторинг» reads, documents from «Документы». */
function buildStage(stage: StageNumber) {
  return (ctx: ReportContext): Built => {
    const year = ctx.period.academicYear;
    const inYear = (cell: unknown) => {
      const day = readCalendarDate(cell, ctx.dayOf);
      return !day || day === 'invalid' || academicYearOf(day) === year;
    };
    const base = (key: 'mentees' | 'mentors') => {
      const t = loadTable(ctx.ss, key)!.table;
      return { t, rows: t.rows.map((_r, i) => i).filter((i) => text(t, i, 'id')) };
    };
    const mentees = base('mentees');
    const mentors = base('mentors');
    const consented = (b: typeof mentees) => b.rows.filter((i) => CONSENTED_STATUSES.includes(text(b.t, i, 'consent'))).length;
    const diag = loadTable(ctx.ss, 'diagnostics', false)?.table;
    const diagnosed = (b: typeof mentees, role: string) => {
      const ids = new Set(b.rows.map((i) => normalizeName(text(b.t, i, 'id'))));
      const seen = new Set<string>();
      diag?.rows.forEach((_r, i) => {
        const id = normalizeName(text(diag, i, 'personId'));
        if (ids.has(id) && text(diag, i, 'role') === role && text(diag, i, 'phase') === 'входная' && inYear(diag.get(i, 'date'))) seen.add(id);
      });
      return seen.size;
    };
    const menteeIds = new Set(mentees.rows.map((i) => normalizeName(text(mentees.t, i, 'id'))));
    const marks = loadTable(ctx.ss, 'groupMembers', false)?.table;
    const targetGroups = TARGET_GROUPS.map((g) => {
      const marked = new Set<string>();
      marks?.rows.forEach((_r, i) => {
        const id = normalizeName(text(marks, i, 'personId'));
        if (menteeIds.has(id) && marks.get(i, `group_${g.code}`) === true) marked.add(id);
      });
      return { name: g.name, n: marked.size };
    });
    const units = countedUnits(ctx, ctx.period.date, year);
    const forms = formOrder(units.map((u) => u.form)).map((form) => {
      const own = units.filter((u) => u.form === form);
      return { form, pairs: own.filter((u) => !u.group).length, groups: own.filter((u) => u.group).length, mentees: new Set(own.flatMap((u) => u.menteeIds)).size };
    });
    const unitIds = new Set(units.map((u) => normalizeName(u.id)));
    const meetings = loadTable(ctx.ss, 'meetings')!.table;
    const met = new Set<string>();
    let held = 0;
    meetings.rows.forEach((_r, i) => {
      const pair = normalizeName(text(meetings, i, 'pair'));
      if (!unitIds.has(pair) || !inYear(meetings.get(i, 'date')) || readCalendarDate(meetings.get(i, 'date'), ctx.dayOf) === null) return;
      held += 1;
      met.add(pair);
    });
    const feedback = loadTable(ctx.ss, 'feedback')!.table;
    const respondents = new Set<string>();
    let answers = 0;
    feedback.rows.forEach((_r, i) => {
      if (['pair', 'role', 'satisfaction', 'quality', 'impact'].every((k) => text(feedback, i, k) === '') || !inYear(feedback.get(i, 'date'))) return;
      answers += 1;
      respondents.add(text(feedback, i, 'personId') || `${normalizeName(text(feedback, i, 'pair'))}|${text(feedback, i, 'role')}`);
    });
    const m = loadTable(ctx.ss, 'monitoring')!.table;
    let behind: number | null = null;
    const satisfaction: Array<{ label: string; value: string }> = [];
    m.rows.forEach((_r, i) => {
      const indicator = text(m, i, 'indicator');
      if (text(m, i, 'stage') === '6.1' && normalizeName(indicator) === normalizeName(RU.monitoring.lagCount) && /^\d+$/.test(text(m, i, 'value'))) behind = Number(text(m, i, 'value'));
      if (text(m, i, 'stage') === '6.2' && /: доля оценивших удовлетворённость/.test(indicator)) satisfaction.push({ label: indicator, value: text(m, i, 'value') });
    });
    const reg = loadTable(ctx.ss, 'documents', false)?.table;
    const register: RegisteredOrder[] = [];
    reg?.rows.forEach((_r, i) => {
      const signed = readCalendarDate(reg.get(i, 'signedOn'), ctx.dayOf);
      if (!text(reg, i, 'kind') && !text(reg, i, 'title')) return;
      register.push({ kind: text(reg, i, 'kind'), title: text(reg, i, 'title'), signed: signed && signed !== 'invalid' ? numericDate(signed) : '', number: text(reg, i, 'number') });
    });
    const road = loadTable(ctx.ss, 'roadmap', false)?.table;
    const roadmap: Array<{ number: string; status: string }> = [];
    road?.rows.forEach((_r, i) => {
      const number = text(road, i, 'number');
      if (number.startsWith(`${stage}.`)) roadmap.push({ number, status: text(road, i, 'status') });
    });
    const result = stageData(
      {
        settings: ctx.settings,
        stage,
        period: ctx.period.label,
        academicYear: yearText(year),
        date: numericDate(ctx.dayOf(new Date())),
        register,
        roadmap,
        counts: {
          mentees: mentees.rows.length,
          menteesByCategory: tally(mentees.t, mentees.rows, 'category', MENTEE_CATEGORIES),
          menteesWithRequest: mentees.rows.filter((i) => text(mentees.t, i, 'request') || text(mentees.t, i, 'topics')).length,
          menteesConsented: consented(mentees),
          menteesDiagnosed: diagnosed(mentees, 'наставляемый'),
          targetGroups,
          mentors: mentors.rows.length,
          mentorsByCategory: tally(mentors.t, mentors.rows, 'category', MENTOR_CATEGORIES),
          mentorsConsented: consented(mentors),
          mentorsDiagnosed: diagnosed(mentors, 'наставник'),
          training: tally(mentors.t, mentors.rows, 'training', TRAINING_STATUSES).map((c) => ({ status: c.category, n: c.n })),
          forms,
          unmatched: mentees.rows.filter((i) => text(mentees.t, i, 'status') === 'без пары').length,
          meetings: held,
          unitsMet: met.size,
          behind,
          feedback: answers,
          respondents: respondents.size,
          satisfaction,
        },
      },
      loadNameOverrides(ctx.ss).overrides,
    );
    return {
      data: result.data,
      summary: [result.unsigned.length ? unsignedNote(result.unsigned) : '', result.missing.length ? REPORT_TEXT.settings(result.missing) : ''],
    };
  };
}

/**
 * 7.2: the year's feedback, diagnostics and May survey, read as «Обновить мониторинг» reads them
 * (pair IDs as «Пары и группы» spells them, answers of an unknown pair or item left out), so the
 * figures equal «Мониторинг» — which counts every year's answers, the report only this year's.
 */
function buildSatisfaction(ctx: ReportContext): Built {
  const year = ctx.period.academicYear;
  const reader = yearReader(ctx);
  const { known, inYear, cell, unit } = reader;
  // The same reading of «Обратная связь» and «Диагностика» as every report's (report-context.ts).
  const { feedback, diagnostics } = yearAnswers(ctx, reader);
  const sv = loadTable(ctx.ss, 'surveys', false)?.table;
  const codes = new Set(MAY_SURVEY.items.map((item) => item.code));
  const survey: SurveyAnswer[] = [];
  sv?.rows.forEach((_r, i) => {
    if (normalizeName(text(sv, i, 'survey')) !== normalizeName(MAY_SURVEY.title) || !inYear(sv, i) || !codes.has(text(sv, i, 'item'))) return;
    const u = unit(sv, i);
    survey.push({
      personId: text(sv, i, 'personId'),
      pairId: u.id,
      role: text(sv, i, 'role'),
      form: u.form || text(sv, i, 'form'),
      item: text(sv, i, 'item'),
      value: cell(sv, i, 'value'),
      comment: text(sv, i, 'comment'),
    });
  });
  const names: string[] = [];
  for (const key of ['mentees', 'mentors'] as const) {
    const t = loadTable(ctx.ss, key)!.table;
    t.rows.forEach((_r, i) => names.push(text(t, i, 'name')));
  }
  const units = countedUnits(ctx, ctx.period.date, year);
  const result = satisfactionData(
    {
      settings: ctx.settings,
      period: ctx.period.label,
      academicYear: yearText(year),
      forms: formOrder(units.map((u) => u.form)),
      units,
      feedback,
      diagnostics,
      survey: survey.filter((a) => known.has(a.pairId)),
      threshold: ctx.settings.satisfactionThreshold,
      names: names.filter(Boolean),
    },
    loadNameOverrides(ctx.ss).overrides,
  );
  return {
    data: result.data,
    summary: [
      result.empty ? SATISFACTION_TEXT.empty(yearText(year)) : '',
      result.named ? SATISFACTION_TEXT.named(result.named) : '',
      result.missing.length ? REPORT_TEXT.settings(result.missing) : '',
    ],
  };
}

/** The implemented kinds: only these are offered in the dialog. */
const REPORTS: Readonly<Record<string, ReportDef>> = {
  effectiveness: { template: EFFECTIVENESS_REPORT, build: buildEffectiveness },
  swot: { template: SWOT_REPORT, build: buildSwot },
  satisfaction: { template: SATISFACTION_REPORT, build: buildSatisfaction },
  ...Object.fromEntries(STAGE_NUMBERS.map((n) => [`stage-${n}`, { template: STAGE_REPORT, build: buildStage(n) }])),
  'order-lists': { template: LISTS_ORDER, build: buildListsOrder },
  'best-mentors': { template: BEST_MENTORS_REPORT, build: buildBestMentors },
  cases: { template: CASES_REPORT, build: buildCases },
};

/** The report templates, for «Шаблоны документов». */
export const REPORT_TEMPLATES: readonly TemplateKind[] = [
  ...new Set(REPORT_KINDS.filter((k) => REPORTS[k.key]).map((k) => REPORTS[k.key].template)),
  // The covering letter of the stage справки has a template of its own.
  ...(REPORT_KINDS.some((k) => k.cover && REPORTS[k.key]) ? [COVER_LETTER] : []),
];

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
  /** The covering letter asked for («с сопроводительным письмом»): a second Doc of the run. */
  cover?: CoverRun;
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
  const letters = run.cover?.doc && run.cover.filled ? finishCover(run.cover, run.version, created) : [];
  recordDocuments(ss, [
    ...renamed.map((r) => ({ id: r.id, kind: info.name, title: r.title, url: r.url, created })),
    { id: doc.id, kind: info.name, title: run.title, url: doc.url, created },
    ...letters,
  ]);
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
    // Its letter's data is in the record: finished like the справка.
    if (run.cover && !run.cover.filled) produceCover(() => store.saveSurely(run), run.cover, loadSettings(ss).settings);
    finishRun(ss, info, run);
    store.clear();
    return REPORT_TEXT.resumedOther(run.title);
  }
  if (run.doc) trash(run.doc.id);
  if (run.cover?.doc) trash(run.cover.doc.id);
  store.clear();
  return REPORT_TEXT.droppedOther(run.title);
}

export interface ReportOptions {
  /** A period key offered by the dialog ('2027-06-15', '2026'); absent — the latest. */
  period?: string;
  /** With the covering letter to the recipient (kinds marked `cover` in the registry: the stage справки). */
  coverLetter?: boolean;
}

function generateNow(kindKey: unknown, options: unknown) {
  const key = typeof kindKey === 'string' ? kindKey : '';
  const info = reportKind(key);
  if (!info || !REPORTS[key]) throw new CuratorError(REPORT_TEXT.unknownKind(key));
  const wanted = options && typeof options === 'object' ? (options as Record<string, unknown>).period : undefined;
  const stage = stageOfKind(key);
  const wantsCover = !!info.cover && stage !== null && !!options && typeof options === 'object' && (options as Record<string, unknown>).coverLetter === true;
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
    if (wantsCover) run.cover = planCover(ss, settings, stage, period.label, versions.next);
    store.saveSurely(run);
  } else if (wantsCover && !run.cover) {
    // Asked for on the re-run of a run cut short: planned now, before it is made.
    run.cover = planCover(ss, settings, stage, period.label, run.version);
    store.saveSurely(run);
  }
  const current = run;
  const made = produceDocument({ saveSurely: () => store.saveSurely(current) }, current, def.template, current.title, settings, () => built.data);
  const letter = current.cover ? produceCover(() => store.saveSurely(current), current.cover, settings) : null;
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
  const cover = current.cover;
  if (letter && cover) {
    parts.push(COVER_TEXT.made(cover.title, letter.ref.url));
    if (cover.replaces.length) parts.push(COVER_TEXT.replaced(cover.replaces.map((r) => replacedTitle(r.title, current.version))));
    if (cover.missing.length) parts.push(COVER_TEXT.settings(cover.missing));
    if (letter.notes.length) parts.push(COVER_TEXT.template(letter.notes));
  }
  return {
    message: parts.filter(Boolean).join(' '),
    url: made.ref.url,
    title: current.title,
    version: current.version,
    ...(letter && cover ? { cover: { url: letter.ref.url, title: cover.title } } : {}),
  };
}

/** «Сформировать отчёт…» (from the dialog): the report of a kind for a period (default the latest). */
export function generateReport(kind: string, options?: ReportOptions) {
  // The report is evidence: its roadmap rows turn «выполнено» now, not at the next «Обновить дорожную карту».
  return runAction(
    RU.action.report,
    withRoadmap(RU.action.report, () => generateNow(kind, options)),
  );
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
  const kinds = choices
    .map(
      (c, i) =>
        `<option value="${escapeHtml(c.kind.key)}"${c.kind.cover ? ' data-cover="1"' : ''}${i === 0 ? ' selected' : ''}>${escapeHtml(c.kind.name)} (${escapeHtml(c.kind.roadmap.join(', '))})</option>`,
    )
    .join('');
  // The covering letter's tick, shown only for the kinds that may have one.
  const cover = `<div id="cover-row"${choices[0]?.kind.cover ? '' : ' hidden'}><input type="checkbox" id="cover" name="cover" aria-describedby="cover-hint"><label for="cover" class="check">${escapeHtml(COVER_TEXT.option)}</label><p class="hint" id="cover-hint">${escapeHtml(COVER_TEXT.optionHint)}</p></div>`;
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
p.hint{color:#3c4043;font-size:12px}#status{margin-top:12px;white-space:pre-wrap}#cover-row{margin-top:12px}#cover-row p.hint{margin:2px 0 0 24px}
label.check{display:inline;font-weight:normal;margin:0 0 0 4px}input[type=checkbox]{width:16px;height:16px;vertical-align:middle}</style></head>
<body><main><h1 style="font-size:16px">${escapeHtml(d.title)}</h1>
<form id="f"><label for="kind">${escapeHtml(d.kind)}</label><select id="kind" name="kind">${kinds}</select>
<label for="period-0" id="period-label">${escapeHtml(d.period)}</label>${periods}
${cover}
<button type="submit" id="go">${escapeHtml(d.submit)}</button></form>
<p class="hint">${escapeHtml(d.hint)}</p><div id="status" role="status" aria-live="polite"></div></main>
<script>
var kind=document.getElementById('kind'),label=document.getElementById('period-label'),out=document.getElementById('status'),go=document.getElementById('go'),coverRow=document.getElementById('cover-row'),cover=document.getElementById('cover');
function current(){var o=kind.options[kind.selectedIndex];coverRow.hidden=!(o&&o.getAttribute('data-cover')==='1');var all=document.querySelectorAll('select.period'),found=null;for(var i=0;i<all.length;i++){var on=all[i].getAttribute('data-kind')===kind.value;all[i].hidden=!on;if(on){found=all[i];label.setAttribute('for',all[i].id);}}return found;}
kind.addEventListener('change',current);
function done(r){go.disabled=false;out.textContent=(r&&r.ok===false?${JSON.stringify(d.failed)}:'')+String(r&&r.message||'');}
document.getElementById('f').addEventListener('submit',function(e){e.preventDefault();var p=current();go.disabled=true;out.textContent=${JSON.stringify(d.working)};
google.script.run.withSuccessHandler(done).withFailureHandler(function(err){go.disabled=false;out.textContent=${JSON.stringify(d.failed)}+String(err&&err.message||err);}).generateReport(kind.value,{period:p?p.value:'',coverLetter:!coverRow.hidden&&cover.checked});});
</script></body></html>`;
}

/** Menu «Сформировать отчёт…»: the dialog to choose the kind and the period. */
export function showReportDialog(): void {
  runUi(RU.action.report, () => {
    const ss = SpreadsheetApp.getActive();
    const today = dayOfIn(ss.getSpreadsheetTimeZone())(new Date());
    const html = HtmlService.createHtmlOutput(reportDialogHtml(reportChoices(today)))
      .setWidth(520)
      .setHeight(480);
    SpreadsheetApp.getUi().showModalDialog(html, REPORT_TEXT.dialog.title);
  });
}

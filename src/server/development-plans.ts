/**
 * Menu «Планы развития пар (ИПР)»: one individual development plan per approved pair or group, a
 * Google Doc from the curator's template, linked on the pair's rows («План развития (ИПР)») and in
 * the register «Документы». The link on the rows is what makes a second run make nothing new; the
 * record of the Docs made (document properties) is what makes a run cut short by a failure finish
 * with the same Docs, never doubled.
 */
import { CalendarDate } from '../core/documents/dates';
import { PlanMentee, PlanParticipant, developmentPlanData, developmentPlanTitle } from '../core/documents/development-plan';
import { YEARS, plural } from '../core/language';
import { MenteeRecord, MentorRecord } from '../core/pairing/records';
import { groupId, unitsOf } from '../core/pairing/units';
import { isDate } from '../core/questionnaires/read';
import { RU } from '../core/strings';
import { sheetDef } from '../core/workbook/sheets';
import { MENTORING_FORMS } from '../core/domain/forms-of-mentoring';
import { mentorDetails } from './approve';
import { CuratorError, runAction } from './curator';
import { DocRecord, produceDocument } from './documents';
import { DEVELOPMENT_PLAN } from './document-kinds';
import { APPROVED, PairingData, loadPairingData, pairBlocker, pairsWithStatus } from './pairing';
import { Progress } from './progress';
import { dayIn, recordDocuments } from './register';
import { loadNameOverrides } from './settings';
import { ensureSheet } from './setup';
import { saveTable } from './tables';
import { trash } from './templates';

/** A plan in the making: the pair IDs it covers are part of its identity (a changed group is a new plan). */
interface PlanDoc extends DocRecord {
  title: string;
  unit: string;
  rows: string[];
}

interface PlansRun {
  v: 1;
  /** When the run began (ISO): the «Создан» of its Docs in the register. */
  at: string;
  docs: PlanDoc[];
}

const RECORD = 'developmentPlansInProgress';
/** Docs are made one by one (a few seconds each): stop in time, within Apps Script's 6 minutes; the next run goes on. */
const BUDGET_MS = 4.5 * 60 * 1000;

/** One pair or group that needs a plan now: the rows it covers (0-based rows of «Пары и группы»). */
interface Wanted {
  unit: string;
  group: boolean;
  title: string;
  rows: number[];
  ids: string[];
}

interface Planning {
  wanted: Wanted[];
  /** The link of each pair or group whose every approved row already links a plan. */
  existing: string[];
  /** «ПА-0005 — у наставляемого нет действующего согласия …»: no names, only IDs. */
  skipped: string[];
}

const cell = (t: PairingData['pairs']['table'], i: number, key: string) => String(t.get(i, key) ?? '').trim();

/**
 * Which approved pairs and groups need a plan: a unit (a mentor in a form, units.ts) whose rows
 * have no link yet. A row whose participant may not be named (no consent, left, missing) is left
 * out and reported by its pair ID; a group makes its plan with the others.
 */
function planUnits(data: PairingData, mentees: Map<string, MenteeRecord>, mentors: Map<string, MentorRecord>): Planning {
  const pairs = data.pairs.table;
  const approved = pairsWithStatus(pairs, APPROVED).map((row) => ({ row, mentorId: cell(pairs, row, 'mentorId'), menteeId: cell(pairs, row, 'menteeId'), form: cell(pairs, row, 'form') }));
  const units = unitsOf(approved);
  const groupForms = new Map<string, string[]>();
  for (const u of units) if (u.pairs.length > 1) groupForms.set(u.mentorId, [...(groupForms.get(u.mentorId) ?? []), u.form]);
  const allForms = MENTORING_FORMS.map((f) => f.name);
  const out: Planning = { wanted: [], existing: [], skipped: [] };
  for (const u of units) {
    const group = u.pairs.length > 1;
    const unit = group ? (u.pairs.map((p) => cell(pairs, p.row, 'group')).find(Boolean) ?? groupId(u.mentorId, u.form, groupForms.get(u.mentorId) ?? [], allForms)) : cell(pairs, u.pairs[0].row, 'id');
    const pending = u.pairs.filter((p) => !cell(pairs, p.row, 'plan'));
    if (!pending.length) {
      out.existing.push(cell(pairs, u.pairs[0].row, 'plan'));
      continue;
    }
    const ok: number[] = [];
    for (const p of pending) {
      const id = cell(pairs, p.row, 'id');
      const why = id ? pairBlocker(mentees.get(p.menteeId), mentors.get(p.mentorId)) : RU.approve.notApproved.noId;
      if (why) out.skipped.push(`${id || `строка ${p.row + 2}`} — ${why}`);
      else ok.push(p.row);
    }
    if (!ok.length) continue;
    const ids = ok.map((i) => cell(pairs, i, 'id'));
    // A group that has a plan and gains a pair gets a plan of its own for the new pairs.
    const partial = pending.length < u.pairs.length;
    out.wanted.push({ unit: unit || ids[0], group, title: developmentPlanTitle(unit || ids[0], group, partial ? ids : []), rows: ok, ids });
  }
  return out;
}

/** A pupil under 18: a parent signs too. A pupil of 18 or more signs alone. */
const isMinor = (category: string, age: number | null) => category === 'обучающийся' && !(age !== null && age >= 18);

function menteeOf(m: MenteeRecord): PlanMentee {
  const teacher = m.category.startsWith('педагог');
  const about = teacher ? `педагог${m.experience !== null ? `, стаж ${plural(m.experience, YEARS)}` : ''}` : m.grade ? `${m.grade} кл.` : m.age ? plural(m.age, YEARS) : '';
  return {
    id: m.id,
    name: m.name,
    details: [about, m.association].filter(Boolean).join(', '),
    minor: isMinor(m.category, m.age),
    topics: m.topics,
    request: m.request,
    thirdPartyTopics: m.thirdPartyTopics,
  };
}

function mentorOf(m: MentorRecord): PlanParticipant {
  return { id: m.id, name: m.name, details: mentorDetails(m), minor: isMinor(m.category, m.age) };
}

/** The earliest «Дата начала» of the rows, as a calendar day of the spreadsheet's time zone. */
function startOf(data: PairingData, rows: number[], day: (d: Date) => CalendarDate): CalendarDate | null {
  const dates = rows.map((i) => data.pairs.table.get(i, 'start')).filter((v): v is Date => isDate(v));
  if (!dates.length) return null;
  return day(new Date(Math.min(...dates.map((d) => d.getTime()))));
}

const sameRows = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function plansNow() {
  const ss = SpreadsheetApp.getActive();
  const started = Date.now();
  // A workbook set up before the column existed gets it now, as setup would.
  ensureSheet(ss, sheetDef('pairs'));
  const props = PropertiesService.getDocumentProperties();
  const store = new Progress<PlansRun>(props, RECORD);
  const resumed = store.value !== null && store.value.v === 1;
  const run: PlansRun = resumed ? store.value! : { v: 1, at: new Date().toISOString(), docs: [] };
  const data = loadPairingData(ss);
  const pairs = data.pairs.table;
  if (!pairsWithStatus(pairs, APPROVED).length && !run.docs.length) throw new CuratorError(RU.plans.noPairs);
  const mentees = new Map(data.menteeRecords.map((m) => [m.id, m]));
  const mentors = new Map(data.mentorRecords.map((m) => [m.id, m]));
  const planning = planUnits(data, mentees, mentors);

  // A Doc of an interrupted run that is no longer wanted as it was (a consent withdrawn, the pair
  // changed) names people it may not: it goes to the bin, unless its link already stands on the rows.
  const linked = new Set(pairs.rows.map((_r, i) => cell(pairs, i, 'plan')).filter(Boolean));
  const keep = (d: PlanDoc) => {
    if (d.doc && linked.has(d.doc.url)) return true;
    const w = planning.wanted.find((x) => x.title === d.title);
    return !!w && sameRows(w.ids, d.rows);
  };
  const dropped = run.docs.filter((d) => !keep(d));
  if (dropped.length) {
    for (const d of dropped) if (d.doc) trash(d.doc.id);
    run.docs = run.docs.filter(keep);
    if (run.docs.length) store.saveSurely(run);
    else store.clear();
  }
  if (!planning.wanted.length && !run.docs.length) {
    if (!planning.existing.length) throw new CuratorError([RU.plans.none, planning.skipped.length ? RU.plans.skipped(planning.skipped) : ''].filter(Boolean).join(' '));
    return { message: [RU.plans.none, RU.plans.existing(planning.existing.length), planning.skipped.length ? RU.plans.skipped(planning.skipped) : ''].filter(Boolean).join(' '), made: 0 };
  }

  const names = loadNameOverrides(ss);
  const day = dayIn(ss);
  const { settings } = data;
  // produceDocument records each step of a Doc; the whole run is what is kept.
  const keeper = { saveSurely: () => store.saveSurely(run) };
  const done: Wanted[] = [];
  let missing: string[] = [];
  const notes = new Set<string>();
  for (const w of planning.wanted) {
    if (done.length && Date.now() - started > BUDGET_MS) break;
    let record = run.docs.find((d) => d.title === w.title);
    if (!record) {
      record = { title: w.title, unit: w.unit, rows: w.ids, doc: null };
      run.docs.push(record);
    }
    const first = w.rows[0];
    const input = {
      settings,
      unitId: w.unit,
      group: w.group,
      form: cell(pairs, first, 'form'),
      mentor: mentorOf(mentors.get(cell(pairs, first, 'mentorId'))!),
      mentees: w.rows.map((i) => menteeOf(mentees.get(cell(pairs, i, 'menteeId'))!)),
      start: startOf(data, w.rows, day),
      nameOverrides: names.overrides,
    };
    const made = produceDocument(keeper, record, DEVELOPMENT_PLAN, w.title, settings, () => {
      const filled = developmentPlanData(input);
      missing = filled.missing;
      return filled.data;
    });
    made.notes.forEach((n) => notes.add(n));
    done.push(w);
  }

  // The links, then the register, then the record goes: a failure between them is finished by a re-run.
  const byTitle = new Map(run.docs.map((d) => [d.title, d]));
  for (const w of done) for (const i of w.rows) pairs.set(i, 'plan', byTitle.get(w.title)!.doc!.url);
  saveTable(data.pairs);
  const finished = run.docs.filter((d) => d.doc && d.filled);
  recordDocuments(
    ss,
    finished.map((d) => ({ id: d.doc!.id, kind: DEVELOPMENT_PLAN.key, title: d.title, url: d.doc!.url, created: new Date(run.at) })),
  );
  store.clear();

  const left = planning.wanted.length - done.length;
  const parts = [
    finished.length
      ? RU.plans.made(
          finished.length,
          finished.map((d) => d.unit),
        )
      : RU.plans.none,
  ];
  // A run finishing an interrupted one finds its own links already on the rows: those are not «уже есть».
  const ours = new Set(finished.map((d) => d.doc!.url));
  const existing = planning.existing.filter((url) => !ours.has(url)).length;
  if (existing) parts.push(RU.plans.existing(existing));
  if (planning.skipped.length) parts.push(RU.plans.skipped(planning.skipped));
  if (left) parts.push(RU.plans.later(left));
  if (missing.length) parts.push(RU.plans.missing(missing));
  if (notes.size) parts.push(RU.plans.template([...notes]));
  const summary = parts.join(' ');
  return { message: resumed ? RU.plans.resumed(summary) : summary, made: finished.length };
}

/** Menu «Планы развития пар (ИПР)»: a plan for every approved pair or group that has none. */
export function createDevelopmentPlans() {
  return runAction(RU.action.plans, plansNow);
}

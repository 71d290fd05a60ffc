import { analyse } from '../core/intake/analysis';
import { anonymise, isAnonymised } from '../core/intake/anonymise';
import { consentOf, indexConsents, isMinor, readConsents } from '../core/intake/consent';
import { MENTOR_CATEGORY, PersonFields, menteeFields, mentorFields, thirdPartyNote } from '../core/intake/mappers';
import { BaseTable, Cell, normalizeName } from '../core/intake/table';
import { upsertPerson, findPerson } from '../core/intake/upsert';
import { ROLE_MENTEE_SHORT, ROLE_MENTOR_SHORT, ROLE_PARTNER, ROLE_TEACHER, questionnaires } from '../core/questionnaires/definitions';
import { Answer, IntakeProblem, ParsedResponse, locateQuestions, parseResponse } from '../core/questionnaires/read';
import { QuestionnaireDef } from '../core/questionnaires/types';
import { RU } from '../core/strings';
import { SHEET, sheetDef } from '../core/workbook/sheets';
import { TARGET_GROUPS } from '../core/domain/target-groups';
import { runAction, runInTrigger } from './curator';
import { questionnaireContext, storedForms } from './questionnaires';
import { LoadedTable, appendRows, loadTable, readSheet, saveTable } from './tables';
import { appendLogRows } from './log';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

interface Source {
  def: QuestionnaireDef;
  sheet: Sheet;
  /** Read once: names are used for every response and error row. */
  name: string;
  values: Cell[][];
  /** For a hand-made form: question key → the header the curator's form uses for it. */
  mapped: Map<string, string>;
}

interface Pending {
  source: Source;
  response: ParsedResponse;
  key: string;
}

const cellOf = (a: Answer | undefined): Cell => (a === undefined ? '' : Array.isArray(a) ? a.join(', ') : a);

/** What a response row of a withdrawn person says after anonymisation; such rows are never read again. */
const ANONYMISED_RESPONSE = 'обезличено';

const FORM_ORDER: Record<string, number> = { mentee: 0, mentor: 1, thirdParty: 2, preference: 3 };

/** The linked response sheets of the add-on's questionnaires, each read once. */
function findSources(ss: Spreadsheet, defs: Record<string, QuestionnaireDef>): Source[] {
  const stored = storedForms();
  const sheets = ss.getSheets();
  const urls = sheets.map((s) => s.getFormUrl() ?? '');
  const sources: Source[] = [];
  for (const def of Object.values(defs)) {
    const id = stored[def.key]?.id;
    if (!id) continue;
    const i = urls.findIndex((u) => u.includes(id));
    if (i < 0) continue;
    const values = sheets[i].getDataRange().getValues() as Cell[][];
    sources.push({ def, sheet: sheets[i], name: sheets[i].getName(), values, mapped: new Map() });
  }
  return [...sources, ...handMadeSources(ss, defs, sheets, sources)];
}

/** Response sheets of the curator's own forms, mapped once on «Сопоставление анкет». */
function handMadeSources(ss: Spreadsheet, defs: Record<string, QuestionnaireDef>, sheets: Sheet[], linked: Source[]): Source[] {
  const mapping = loadTable(ss, 'formMapping', false)?.table;
  if (!mapping) return [];
  const byTitle = new Map(Object.values(defs).map((d) => [normalizeName(d.title), d]));
  const found = new Map<string, Source>();
  mapping.rows.forEach((_r, i) => {
    const sheetName = String(mapping.get(i, 'sheet')).trim();
    const def = byTitle.get(normalizeName(mapping.get(i, 'questionnaire')));
    if (!sheetName || !def || linked.some((s) => s.name === sheetName)) return;
    let source = found.get(sheetName);
    if (!source) {
      const sheet = sheets.find((s) => s.getName() === sheetName);
      if (!sheet) return;
      source = { def, sheet, name: sheetName, values: sheet.getDataRange().getValues() as Cell[][], mapped: new Map() };
      found.set(sheetName, source);
    }
    const column = String(mapping.get(i, 'column')).trim();
    const question = def.questions.find((q) => normalizeName(q.title) === normalizeName(mapping.get(i, 'question')));
    if (column && question) source.mapped.set(question.key, column);
  });
  return [...found.values()];
}

const sourceLabel = (s: Source) => `${s.def.title} («${s.name}»)`;

const TABLES = ['mentees', 'mentors', 'partners', 'consents', 'pairs', 'groupMembers', 'targetGroups', 'ledger', 'preferences'] as const;
type TableKey = (typeof TABLES)[number];

interface Work {
  tables: Record<TableKey, LoadedTable>;
  errors: Cell[][];
  log: Array<[string, string]>;
  now: Date;
  timeZone: string;
  counts: { responses: Record<string, number>; createdMentees: number; createdMentors: number; createdPartners: number; updated: number; stale: number; anonymised: number; rejected: number };
}

/** What earlier imports wrote per person (from the ledger), kept current as this import goes on. */
function previousWrites(ledger: BaseTable): Map<string, Record<string, string>> {
  const byPerson = new Map<string, Record<string, string>>();
  ledger.rows.forEach((_r, i) => {
    const id = String(ledger.get(i, 'personId'));
    const written = String(ledger.get(i, 'written'));
    if (!id || !written) return;
    try {
      byPerson.set(id, { ...(byPerson.get(id) ?? {}), ...(JSON.parse(written) as Record<string, string>) });
    } catch (_error) {
      // A damaged ledger cell only means that person's hand edits are treated as unknown.
    }
  });
  return byPerson;
}

function problemRows(work: Work, label: string, problems: IntakeProblem[]): void {
  for (const p of problems) work.errors.push([work.now, label, p.row || '—', p.field, p.value, p.fatal ? `${p.reason}; ответ не импортирован` : p.reason, 'новая']);
}

function applyPerson(work: Work, table: BaseTable, prefix: string, person: PersonFields, at: Date | null, previous: (id: string) => Record<string, string> | undefined, label: string, row: number) {
  const result = upsertPerson(table, { idPrefix: prefix, name: person.name, identity: person.identity, fields: person.fields, onCreate: person.onCreate, previous, at });
  const who = `${result.id} (${person.name})`;
  if (result.stale) work.counts.stale += 1;
  if (!result.created && result.changes.length) {
    work.counts.updated += 1;
    const fieldTitle = (key: string) => table.def.columns.find((c) => c.key === key)?.header ?? key;
    work.log.push([RU.importing.resubmitted, `${who}: ${result.changes.map(([k, before, after]) => `${fieldTitle(k)}: «${before}» → «${after}»`).join('; ')}`]);
  }
  for (const c of result.conflicts) {
    const header = table.def.columns.find((d) => d.key === c.key)?.header ?? c.key;
    work.errors.push([work.now, label, row, header, c.incoming, RU.importing.curatorEdited(result.id, c.current), 'новая']);
  }
  return result;
}

function applyResponse(work: Work, p: Pending, previous: (id: string) => Record<string, string> | undefined): { id: string; written: string } {
  const { def } = p.source;
  const a = p.response.answers;
  const label = sourceLabel(p.source);
  const { mentees, mentors, partners } = work.tables;
  const at = p.response.timestamp;
  if (def.key === 'mentee') {
    if (a.category === ROLE_TEACHER && typeof a.experience === 'number' && a.experience > 3) {
      work.errors.push([work.now, label, p.response.row, 'Педагогический стаж', String(a.experience), RU.importing.notYoungSpecialist(a.experience), 'новая']);
    }
    const r = applyPerson(work, mentees.table, 'НЯ', menteeFields(a), at, previous, label, p.response.row);
    if (r.created) work.counts.createdMentees += 1;
    return { id: r.id, written: r.stale ? '' : JSON.stringify(r.written) };
  }
  if (def.key === 'mentor') {
    const person = mentorFields(a);
    const r = applyPerson(work, mentors.table, 'НК', person, at, previous, label, p.response.row);
    if (r.created) work.counts.createdMentors += 1;
    const organisation = String(a.organisation ?? '').trim();
    if (a.category === ROLE_PARTNER && organisation && findPerson(partners.table, organisation, {}) < 0) {
      const row = partners.table.append();
      partners.table.set(row, 'id', partners.table.nextId('ПР'));
      partners.table.set(row, 'name', organisation);
      partners.table.set(row, 'forms', 'работодатель – ученик');
      work.counts.createdPartners += 1;
      work.errors.push([work.now, label, p.response.row, 'Организация', organisation, RU.importing.newPartner, 'новая']);
    }
    return { id: r.id, written: r.stale ? '' : JSON.stringify(r.written) };
  }
  if (def.key === 'preference') return applyPreference(work, p, label);
  // A third party's request joins the child's row (created if the child has not answered yet).
  const table = mentees.table;
  const name = String(a.name);
  let row = findPerson(table, name, { category: 'обучающийся' });
  if (row < 0) {
    const r = upsertPerson(table, {
      idPrefix: 'НЯ',
      name,
      identity: { category: 'обучающийся' },
      fields: {},
      onCreate: { status: 'в базе', grade: cellOf(a.grade), association: cellOf(a.association), topics: cellOf(a.topics), form: cellOf(a.form) },
      previous,
      at: null,
    });
    row = r.row;
    work.counts.createdMentees += 1;
  }
  const date = at ? Utilities.formatDate(at, work.timeZone, 'dd.MM.yyyy') : '';
  const note = thirdPartyNote(a, date);
  const existing = String(table.get(row, 'thirdParty'));
  if (!existing.includes(note)) table.set(row, 'thirdParty', existing ? `${existing}\n${note}` : note);
  const sources = String(table.get(row, 'source')).split(', ').filter(Boolean);
  const role = String(a.reporterRole);
  if (!sources.includes(role)) table.set(row, 'source', [...sources, role].join(', '));
  return { id: String(table.get(row, 'id')), written: '' };
}

/** A participant typed by name (or by code) in the preference survey, found in a base. */
function resolve(table: BaseTable, text: string): string {
  const typed = text.trim();
  const [byId] = table.find('id', typed);
  if (byId !== undefined) return String(table.get(byId, 'id'));
  const rows = table.find('name', typed);
  if (rows.length === 1) return String(table.get(rows[0], 'id'));
  // «Иванова Анна» for «Иванова Анна Сергеевна»: a unique prefix match is accepted.
  const prefix = normalizeName(typed);
  const partial = table.rows.map((_r, i) => i).filter((i) => prefix && normalizeName(table.get(i, 'name')).startsWith(`${prefix} `));
  return partial.length === 1 ? String(table.get(partial[0], 'id')) : '';
}

function applyPreference(work: Work, p: Pending, label: string): { id: string; written: string } {
  const a = p.response.answers;
  const menteeSide = a.role === ROLE_MENTEE_SHORT;
  const own = menteeSide ? work.tables.mentees.table : work.tables.mentors.table;
  const other = menteeSide ? work.tables.mentors.table : work.tables.mentees.table;
  const id = resolve(own, String(a.name));
  if (!id) {
    work.errors.push([work.now, label, p.response.row, 'ФИО', String(a.name), RU.importing.unknownParticipant(menteeSide ? 'наставляемых' : 'наставников'), 'новая']);
    return { id: '', written: '' };
  }
  const prefs = work.tables.preferences.table;
  let row = prefs.rows.findIndex((_r, i) => String(prefs.get(i, 'personId')) === id);
  if (row < 0) {
    row = prefs.append();
    prefs.set(row, 'personId', id);
  }
  prefs.set(row, 'role', menteeSide ? ROLE_MENTEE_SHORT : ROLE_MENTOR_SHORT);
  for (const n of [1, 2, 3]) {
    const typed = String(a[`choice${n}`] ?? '').trim();
    const chosen = typed ? resolve(other, typed) : '';
    if (typed && !chosen) work.errors.push([work.now, label, p.response.row, `${n}-й выбор`, typed, RU.importing.unknownParticipant(menteeSide ? 'наставников' : 'наставляемых'), 'новая']);
    prefs.set(row, `choice${n}`, chosen);
  }
  prefs.set(row, 'impressions', String(a.impressions ?? ''));
  if (p.response.timestamp) prefs.set(row, 'updated', p.response.timestamp);
  return { id, written: '' };
}

/** Consent and priority for everyone; withdrawal anonymises the person everywhere. */
function refreshPeople(work: Work, sources: Source[], scrub: Map<Source, Set<number>>): void {
  const { mentees, mentors, consents, pairs, groupMembers, targetGroups, ledger } = work.tables;
  const records = indexConsents(readConsents(consents.table));
  const priorityOf = new Map<string, number>();
  targetGroups.table.rows.forEach((_r, i) => priorityOf.set(String(targetGroups.table.get(i, 'code')), Number(targetGroups.table.get(i, 'priority')) || 0));
  const marks = groupMarks(groupMembers.table);
  for (const [people, role] of [[mentees.table, 'mentee'], [mentors.table, 'mentor']] as const) {
    people.rows.forEach((_r, i) => {
      const id = String(people.get(i, 'id'));
      const name = String(people.get(i, 'name'));
      if (!name.trim()) return;
      const { status } = consentOf({ id, name, minor: isMinor(people.get(i, 'category'), people.get(i, 'age')) }, records);
      people.set(i, 'consent', status);
      if (role === 'mentee') {
        const codes = marks.get(id) ?? [];
        people.set(i, 'priority', codes.reduce((max, code) => Math.max(max, priorityOf.get(code) ?? 0), 0));
      }
      if (status === 'отозвано' && !isAnonymised(name, id)) {
        anonymise({ people, pairs: pairs.table, consents: consents.table, groupMembers: groupMembers.table, ledger: ledger.table }, i);
        markResponses(sources, name, scrub);
        work.counts.anonymised += 1;
        work.log.push([RU.importing.withdrawn, RU.importing.anonymised(id)]);
      }
    });
  }
}

function groupMarks(table: BaseTable): Map<string, string[]> {
  const out = new Map<string, string[]>();
  table.rows.forEach((_r, i) => {
    const id = String(table.get(i, 'personId')).trim();
    if (!id) return;
    const codes = TARGET_GROUPS.filter((g) => table.get(i, `group_${g.code}`) === true).map((g) => g.code);
    out.set(id, [...(out.get(id) ?? []), ...codes]);
  });
  return out;
}

/** Rows of the response sheets that name a person whose consent was withdrawn. */
function markResponses(sources: Source[], name: string, scrub: Map<Source, Set<number>>): void {
  const who = normalizeName(name);
  for (const s of sources) {
    const layout = locateQuestions(s.values[0] ?? [], s.def, s.mapped);
    const col = layout.columns.get('name');
    if (typeof col !== 'number') continue;
    s.values.forEach((row, i) => {
      if (i > 0 && normalizeName(row[col - 1]) === who) {
        const set = scrub.get(s) ?? new Set<number>();
        set.add(i);
        scrub.set(s, set);
      }
    });
  }
}

function scrubResponses(scrub: Map<Source, Set<number>>): void {
  for (const [s, rows] of scrub) {
    const layout = locateQuestions(s.values[0] ?? [], s.def, s.mapped);
    for (const i of rows) {
      const line = s.values[i].map((v, c) => (c === layout.timestamp - 1 ? v : ''));
      const nameCol = layout.columns.get('name');
      if (typeof nameCol === 'number') line[nameCol - 1] = ANONYMISED_RESPONSE;
      s.sheet.getRange(i + 1, 1, 1, line.length).setValues([line]);
    }
  }
}

function writeAnalysis(ss: Spreadsheet, work: Work, forms: readonly string[]): void {
  const { table, monitoring } = analyse({
    mentees: work.tables.mentees.table,
    mentors: work.tables.mentors.table,
    partners: work.tables.partners.table,
    forms,
    groups: TARGET_GROUPS,
    groupMarks: groupMarks(work.tables.groupMembers.table),
  });
  const sheet = ss.getSheetByName(SHEET.analysis);
  if (sheet) {
    const last = sheet.getLastRow();
    if (last > 1) sheet.getRange(2, 1, last - 1, 5).clearContent();
    if (table.length) appendRows(sheet, table.map((r) => [...r]));
  }
  const mon = loadTable(ss, 'monitoring', false);
  if (!mon) return;
  for (const [stage, indicator, value] of monitoring) {
    let row = mon.table.rows.findIndex((_r, i) => String(mon.table.get(i, 'stage')) === stage && String(mon.table.get(i, 'indicator')) === indicator);
    if (row < 0) {
      row = mon.table.append();
      mon.table.set(row, 'stage', stage);
      mon.table.set(row, 'indicator', indicator);
    }
    if (mon.table.get(row, 'value') !== value) {
      mon.table.set(row, 'value', value);
      mon.table.set(row, 'date', work.now);
    }
  }
  saveTable(mon);
}

export interface ImportResult {
  message: string;
  newResponses: number;
  createdMentees: number;
  createdMentors: number;
  createdPartners: number;
  updated: number;
  errors: number;
  anonymised: number;
}

export function importNow(): ImportResult {
  const ss = SpreadsheetApp.getActive();
  const ctx = questionnaireContext(ss);
  const defs = questionnaires(ctx);
  const tables = Object.fromEntries(TABLES.map((k) => [k, loadTable(ss, k)!])) as Work['tables'];
  const work: Work = {
    tables,
    errors: [],
    log: [],
    now: new Date(),
    timeZone: ss.getSpreadsheetTimeZone(),
    counts: { responses: {}, createdMentees: 0, createdMentors: 0, createdPartners: 0, updated: 0, stale: 0, anonymised: 0, rejected: 0 },
  };
  const sources = findSources(ss, defs);
  const ledger = tables.ledger.table;
  const seen = new Set(ledger.rows.map((_r, i) => String(ledger.get(i, 'key'))));
  const pending: Pending[] = [];
  for (const source of sources) {
    const [header = [], ...rows] = source.values;
    const layout = locateQuestions(header, source.def, source.mapped);
    const label = sourceLabel(source);
    for (const q of layout.missing) {
      if (q.required) problemRows(work, label, [{ row: 0, field: q.title, value: '', reason: RU.importing.missingColumn, fatal: false }]);
    }
    const nameColumn = layout.columns.get('name');
    rows.forEach((cells, i) => {
      if (cells.every((c) => c === '' || c === null)) return;
      if (typeof nameColumn === 'number' && cells[nameColumn - 1] === ANONYMISED_RESPONSE) return;
      const { response, problems } = parseResponse(source.def, layout, cells, i + 2);
      const key = response ? `${source.def.key}:${response.fingerprint}` : `${source.def.key}:ошибка:${i + 2}:${problems.map((p) => p.reason).join('|')}`;
      if (seen.has(key)) return;
      problemRows(work, label, problems);
      if (response) pending.push({ source, response, key });
      else {
        work.counts.rejected += 1;
        // A rejected row is remembered too, so its errors are reported once.
        seen.add(key);
        ledgerRow(work, key, source, i + 2, '');
      }
    });
  }
  pending.sort((x, y) => (x.response.timestamp?.getTime() ?? 0) - (y.response.timestamp?.getTime() ?? 0) || FORM_ORDER[x.source.def.key] - FORM_ORDER[y.source.def.key]);
  const writes = previousWrites(ledger);
  const previous = (id: string) => writes.get(id);
  for (const p of pending) {
    const { id, written } = applyResponse(work, p, previous);
    if (written) writes.set(id, { ...(writes.get(id) ?? {}), ...(JSON.parse(written) as Record<string, string>) });
    ledgerRow(work, p.key, p.source, p.response.row, id, written);
    work.counts.responses[p.source.def.key] = (work.counts.responses[p.source.def.key] ?? 0) + 1;
  }
  const scrub = new Map<Source, Set<number>>();
  refreshPeople(work, sources, scrub);
  updateMentorCounts(work);

  // Bases first: if anything below fails, the next import finds the same people and goes on.
  for (const key of ['mentees', 'mentors', 'partners', 'consents', 'pairs', 'groupMembers', 'preferences'] as const) saveTable(tables[key]);
  scrubResponses(scrub);
  saveTable(tables.ledger);
  const errorSheet = ss.getSheetByName(SHEET.importErrors);
  const fresh = dedupeErrors(errorSheet, work.errors);
  if (errorSheet) appendRows(errorSheet, fresh, [5]);
  writeAnalysis(ss, work, ctx.forms);
  appendLogRows(work.log);

  const total = pending.length;
  return {
    message: RU.importing.summary({ ...work.counts, total, errors: fresh.length }),
    newResponses: total,
    createdMentees: work.counts.createdMentees,
    createdMentors: work.counts.createdMentors,
    createdPartners: work.counts.createdPartners,
    updated: work.counts.updated,
    errors: fresh.length,
    anonymised: work.counts.anonymised,
  };
}

function ledgerRow(work: Work, key: string, source: Source, row: number, personId: string, written = ''): void {
  const t = work.tables.ledger.table;
  const r = t.append();
  t.set(r, 'key', key);
  t.set(r, 'form', source.def.title);
  t.set(r, 'sheet', source.name);
  t.set(r, 'row', row);
  t.set(r, 'personId', personId);
  t.set(r, 'importedAt', work.now);
  t.set(r, 'written', written);
}

/** Partners' «Наставников»: how many mentors in the base come from each organisation. */
function updateMentorCounts(work: Work): void {
  const { mentors, partners } = work.tables;
  const byOrg = new Map<string, number>();
  mentors.table.rows.forEach((_r, i) => {
    if (mentors.table.get(i, 'category') !== MENTOR_CATEGORY[ROLE_PARTNER]) return;
    const org = normalizeName(mentors.table.get(i, 'organisation'));
    if (org) byOrg.set(org, (byOrg.get(org) ?? 0) + 1);
  });
  partners.table.rows.forEach((_r, i) => {
    if (String(partners.table.get(i, 'name')).trim()) partners.table.set(i, 'mentorCount', byOrg.get(normalizeName(partners.table.get(i, 'name'))) ?? 0);
  });
}

/** The same problem found again (a re-run after a failure) is not reported twice. */
function dedupeErrors(sheet: Sheet | null, rows: Cell[][]): Cell[][] {
  if (!sheet || !rows.length) return rows;
  const existing = sheet.getLastRow() > 1 ? readSheet(sheet, sheetDef('importErrors')).table : null;
  const key = (source: unknown, row: unknown, field: unknown, reason: unknown) => [source, row, field, reason].map(String).join('|');
  const seen = new Set<string>();
  existing?.rows.forEach((_r, i) => seen.add(key(existing.get(i, 'source'), existing.get(i, 'row'), existing.get(i, 'field'), existing.get(i, 'reason'))));
  return rows.filter((r) => {
    const k = key(r[1], r[2], r[3], r[5]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Menu «Импортировать ответы анкет»: the catch-up path; safe to run any number of times. */
export function importResponses() {
  return runAction(RU.action.importResponses, importNow);
}

/** The installable trigger: every new response goes to the bases at once. */
export function onFormSubmit(_e?: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  runInTrigger(RU.action.importResponses, importNow);
}

/** Menu «Включить автоматический импорт ответов»: installs the trigger once, never twice. */
export function enableAutoImport() {
  return runAction(RU.action.autoImport, () => {
    const ss = SpreadsheetApp.getActive();
    const installed = ScriptApp.getUserTriggers(ss).some(
      (t) => t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT && t.getHandlerFunction() === 'onFormSubmit',
    );
    if (installed) return { message: RU.importing.autoAlready, installed: false };
    ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(ss).onFormSubmit().create();
    return { message: RU.importing.autoOn, installed: true };
  });
}


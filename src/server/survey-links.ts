/**
 * Menu «Ссылки на анкеты обратной связи и диагностики»: every participant of an approved pair or
 * group, with consent, gets personal pre-filled links (their code, pair and role filled in) to the
 * monthly feedback, the entry and exit diagnostics of their role and the May survey, listed on
 * «Ссылки на анкеты» for the curator to hand out. One sheet, not columns on the bases: a person has
 * up to four links per pair, and a sheet of its own can be rewritten whole without touching a base.
 */
import { CONSENT } from '../core/intake/consent';
import { PAIR_APPROVED, pairUnits } from '../core/intake/meetings';
import { Cell } from '../core/intake/table';
import { uniqueChoices } from '../core/questionnaires/choices';
import { DIAGNOSTICS_FORMS, KEY, MAY_SURVEY_KEY } from '../core/questionnaires/monitoring-forms';
import type { Role } from '../core/monitoring/types';
import { RU } from '../core/strings';
import { sheetDef } from '../core/workbook/sheets';
import { CuratorError, runAction } from './curator';
import { storedForms } from './questionnaires';
import { ensureSheet } from './setup';
import { loadTable, readSheet, saveTable } from './tables';

type Form = GoogleAppsScript.Forms.Form;
type ItemResponse = GoogleAppsScript.Forms.ItemResponse;

/** Consent statuses under which a person may get a link (the link carries their code). */
const CONSENTED: readonly string[] = [CONSENT.valid, CONSENT.validNoPublication];

const COLUMNS = ['personId', 'name', 'role', 'pair', 'form', 'url'] as const;

interface LinkForm {
  key: string;
  form: Form;
  code: GoogleAppsScript.Forms.TextItem;
  pair: GoogleAppsScript.Forms.ListItem | null;
  role: GoogleAppsScript.Forms.MultipleChoiceItem | null;
}

export interface SurveyLinksResult {
  message: string;
  people: number;
  links: number;
  changed: boolean;
}

/** A form made by «Создать или обновить анкеты», with its code, pair and role items; else the curator is told what to do. */
function linkForm(key: string): LinkForm {
  const record = storedForms()[key];
  const codeId = record?.items?.[KEY.code];
  if (!record?.id || record.complete === false || codeId === undefined) throw new CuratorError(RU.surveys.noForms);
  let form: Form;
  try {
    form = FormApp.openById(record.id);
  } catch (_error) {
    throw new CuratorError(RU.surveys.noForms);
  }
  const code = form.getItemById(codeId);
  if (!code || String(code.getType()) !== 'TEXT') throw new CuratorError(RU.surveys.noForms);
  const item = (k: string, type: string) => {
    const id = record.items?.[k];
    const found = id === undefined ? null : form.getItemById(id);
    return found && String(found.getType()) === type ? found : null;
  };
  return { key, form, code: code.asTextItem(), pair: item(KEY.pair, 'LIST')?.asListItem() ?? null, role: item(KEY.role, 'MULTIPLE_CHOICE')?.asMultipleChoiceItem() ?? null };
}

/** A pre-filled link can only pick a listed pair: the list is brought up to the approved pairs first. */
function refreshPairList(pair: GoogleAppsScript.Forms.ListItem, ids: string[]): void {
  const wanted = uniqueChoices(ids);
  if (!wanted.length) return;
  const current = pair.getChoices().map((c) => c.getValue());
  if (current.join('\n') !== wanted.join('\n')) pair.setChoiceValues(wanted);
}

interface Person {
  id: string;
  name: string;
  role: Role;
  consented: boolean;
}

function surveyLinksNow(): SurveyLinksResult {
  const ss = SpreadsheetApp.getActive();
  const pairs = loadTable(ss, 'pairs')!.table;
  const forms = [linkForm('feedback'), ...DIAGNOSTICS_FORMS.map((d) => linkForm(d.key)), linkForm(MAY_SURVEY_KEY)];
  const byKey = new Map(forms.map((f) => [f.key, f]));

  // Each person's approved pairs and groups, in the sheet's order (only rows approved and not ended).
  const units = [...pairUnits(pairs).values()].filter((u) => u.approved);
  const unitsOf = new Map<string, string[]>();
  for (const unit of units) {
    for (const i of unit.rows) {
      if (!(PAIR_APPROVED as readonly string[]).includes(String(pairs.get(i, 'status')).trim())) continue;
      for (const key of ['mentorId', 'menteeId']) {
        const id = String(pairs.get(i, key)).trim();
        if (!id) continue;
        const list = unitsOf.get(id) ?? [];
        if (!list.includes(unit.id)) unitsOf.set(id, [...list, unit.id]);
      }
    }
  }
  const people: Person[] = [];
  for (const [key, role] of [
    ['mentors', 'наставник'],
    ['mentees', 'наставляемый'],
  ] as const) {
    const t = loadTable(ss, key)!.table;
    t.rows.forEach((_r, i) => {
      const id = String(t.get(i, 'id')).trim();
      if (id && unitsOf.has(id)) people.push({ id, name: String(t.get(i, 'name')).trim(), role, consented: CONSENTED.includes(String(t.get(i, 'consent')).trim()) });
    });
  }

  const ids = units.map((u) => u.id);
  for (const f of forms) if (f.pair) refreshPairList(f.pair, ids);
  const link = (key: string, code: string, pair: string, role: Role): string => {
    const f = byKey.get(key)!;
    const answers: ItemResponse[] = [f.code.createResponse(code)];
    if (f.pair && pair) answers.push(f.pair.createResponse(pair));
    if (f.role) answers.push(f.role.createResponse(role));
    let response = f.form.createResponse();
    for (const a of answers) response = response.withItemResponse(a);
    return response.toPrefilledUrl();
  };

  const wanted: Cell[][] = [];
  const noConsent: string[] = [];
  let count = 0;
  for (const p of people) {
    if (!p.consented) {
      noConsent.push(p.id);
      continue;
    }
    count += 1;
    const own = unitsOf.get(p.id)!;
    const row = (pair: string, form: string, url: string): Cell[] => [p.id, p.name, p.role, pair, form, url];
    for (const pair of own) {
      wanted.push(row(pair, RU.surveys.linkNames.feedback, link('feedback', p.id, pair, p.role)));
      for (const d of DIAGNOSTICS_FORMS.filter((f) => f.role === p.role)) {
        wanted.push(row(pair, d.phase === 'входная' ? RU.surveys.linkNames.entry : RU.surveys.linkNames.exit, link(d.key, p.id, pair, p.role)));
      }
    }
    // The May survey is about the year, not a pair: one link, with the first pair.
    wanted.push(row(own[0], RU.surveys.linkNames.may, link(MAY_SURVEY_KEY, p.id, own[0], p.role)));
  }

  // The sheet is rewritten to exactly these rows: what is right stays, people who left or withdrew go.
  const def = sheetDef('surveyLinks');
  const loaded = readSheet(ensureSheet(ss, def), def);
  const t = loaded.table;
  let changed = false;
  const put = (i: number, key: string, value: Cell) => {
    if (String(t.get(i, key)) === String(value)) return;
    t.set(i, key, value);
    changed = true;
  };
  wanted.forEach((cells, i) => {
    const row = i < t.rows.length ? i : t.append();
    COLUMNS.forEach((key, k) => put(row, key, cells[k]));
  });
  for (let i = wanted.length; i < t.rows.length; i++) for (const key of COLUMNS) put(i, key, '');
  saveTable(loaded);
  if (!units.length) return { message: RU.surveys.noPairs, people: 0, links: 0, changed };
  return { message: RU.surveys.linksSummary({ people: count, links: wanted.length, changed, noConsent }), people: count, links: wanted.length, changed };
}

/** Menu «Ссылки на анкеты обратной связи и диагностики». */
export function surveyLinks() {
  return runAction(RU.action.surveyLinks, surveyLinksNow);
}

import { CONSENT } from '../core/intake/consent';
import { approvedUnitIds, unitsByMentor } from '../core/intake/meetings';
import { uniqueChoices } from '../core/questionnaires/choices';
import { RU } from '../core/strings';
import { sheetDef } from '../core/workbook/sheets';
import { CuratorError, runAction } from './curator';
import { storedForms } from './questionnaires';
import { ensureSheet } from './setup';
import { LoadedTable, loadTable, readSheet, saveTable } from './tables';
import { BaseTable } from '../core/intake/table';

type Form = GoogleAppsScript.Forms.Form;

/** Consent statuses under which a mentor may get a link (the link carries the mentor's code). */
export const CONSENTED: readonly string[] = [CONSENT.valid, CONSENT.validNoPublication];

export interface MeetingLinksResult {
  message: string;
  /** Mentors with an approved pair or group and a link now. */
  mentors: number;
  /** Links written or changed by this run. */
  written: number;
  /** Links taken away from mentors with no approved pair any more. */
  cleared: number;
}

/** The meeting form and its two pre-filled questions, as createQuestionnaires recorded them. */
function meetingForm(): { form: Form; code: GoogleAppsScript.Forms.TextItem; pair: GoogleAppsScript.Forms.ListItem | null } {
  const record = storedForms().meeting;
  const codeId = record?.items?.mentorCode;
  if (!record?.id || record.complete === false || codeId === undefined) throw new CuratorError(RU.meetings.noForm);
  let form: Form;
  try {
    form = FormApp.openById(record.id);
  } catch (_error) {
    throw new CuratorError(RU.meetings.noForm);
  }
  const code = form.getItemById(codeId);
  if (!code || String(code.getType()) !== 'TEXT') throw new CuratorError(RU.meetings.noForm);
  const pairId = record.items?.pair;
  const pair = pairId === undefined ? null : form.getItemById(pairId);
  return { form, code: code.asTextItem(), pair: pair && String(pair.getType()) === 'LIST' ? pair.asListItem() : null };
}

/**
 * The pair list of the form as the pairs are now: a link can pre-fill only a choice the list
 * holds (createResponse refuses any other), and a new order adds pairs between two runs of
 * «Создать или обновить анкеты».
 */
function refreshPairList(pair: GoogleAppsScript.Forms.ListItem, ids: string[]): void {
  const wanted = uniqueChoices(ids);
  if (!wanted.length) return;
  const current = pair.getChoices().map((c) => c.getValue());
  if (current.join('\n') !== wanted.join('\n')) pair.setChoiceValues(wanted);
}

/** What a refresh of the links leaves for the letters: «Наставники» as written and each mentor's pairs and groups. */
export interface MeetingLinks {
  result: MeetingLinksResult;
  mentors: LoadedTable;
  pairs: BaseTable;
  byMentor: Map<string, string[]>;
}

function meetingLinksNow(): MeetingLinksResult {
  return refreshMeetingLinks(SpreadsheetApp.getActive()).result;
}

/** Makes or refreshes each consented mentor's pre-filled link on «Наставники» (one write). */
export function refreshMeetingLinks(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): MeetingLinks {
  const pairs = loadTable(ss, 'pairs')!.table;
  const ids = approvedUnitIds(pairs);
  const byMentor = unitsByMentor(pairs);
  const { form, code, pair } = meetingForm();
  if (pair) refreshPairList(pair, ids);
  // A workbook set up before the column existed gets it here, as setup would add it.
  const def = sheetDef('mentors');
  const mentors = readSheet(ensureSheet(ss, def), def);
  const t = mentors.table;
  let count = 0;
  let written = 0;
  let cleared = 0;
  const noConsent: string[] = [];
  t.rows.forEach((_r, i) => {
    const id = String(t.get(i, 'id')).trim();
    if (!id) return;
    const units = byMentor.get(id) ?? [];
    const consented = CONSENTED.includes(String(t.get(i, 'consent')).trim());
    if (units.length && !consented) noConsent.push(id);
    let link = '';
    if (units.length && consented) {
      let response = form.createResponse().withItemResponse(code.createResponse(id));
      if (units.length === 1 && pair) response = response.withItemResponse(pair.createResponse(units[0]));
      link = response.toPrefilledUrl();
      count += 1;
    }
    const current = String(t.get(i, 'meetingLink')).trim();
    if (current === link) return;
    t.set(i, 'meetingLink', link);
    if (link) written += 1;
    else cleared += 1;
  });
  saveTable(mentors);
  const out = { mentors, pairs, byMentor };
  if (!ids.length && !cleared) return { ...out, result: { message: RU.meetings.noPairs, mentors: 0, written: 0, cleared: 0 } };
  return { ...out, result: { message: RU.meetings.summary({ mentors: count, written, cleared, noConsent }), mentors: count, written, cleared } };
}

/** Menu «Ссылки для отчётов о встречах»: each mentor's personal pre-filled link, made or refreshed. */
export function meetingLinks() {
  return runAction(RU.action.meetingLinks, meetingLinksNow);
}

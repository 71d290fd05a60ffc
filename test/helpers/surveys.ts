import { SHEET } from '../../src/core/workbook/sheets';
import { FEEDBACK_ITEMS } from '../../src/core/monitoring/items';
import { Outcome, table } from './programme';
import { approvedAfterMeeting } from './people';
import { submitAsParticipant, ParticipantAnswer } from '../../local/emulator/forms/submit';
import { MIME } from '../../local/emulator/drive-store';
import type { FormModel } from '../../local/emulator/forms/model';
import type { Workspace } from '../../local/emulator/workspace';

export function formNamed(ws: Workspace, title: string): FormModel {
  const found = ws.drive.byMime(MIME.form).filter((e) => (e.content as FormModel).title === title);
  expect(found).toHaveLength(1);
  return found[0].content as FormModel;
}

export const questionTitles = (form: FormModel) => form.items.filter((i) => i.type !== 'PAGE_BREAK').map((i) => i.title);

/** Pairs approved, forms made, links written. */
export function linked() {
  const p = approvedAfterMeeting();
  expect((p.runner.call('createQuestionnaires') as Outcome).ok).toBe(true);
  const links = p.runner.call('surveyLinks') as Outcome;
  expect(links.ok).toBe(true);
  const now = new Date('2026-11-20T12:00:00Z');
  p.ws.now = () => now;
  return { ...p, links };
}

export type LinkRow = { id: string; name: string; role: string; pair: string; form: string; url: string };
export const linkRows = (ws: Workspace): LinkRow[] =>
  table(ws, SHEET.surveyLinks).map((r) => ({
    id: String(r['ID участника']),
    name: String(r['ФИО']),
    role: String(r['Роль']),
    pair: String(r['Пара']),
    form: String(r['Анкета']),
    url: String(r['Ссылка']),
  }));

let minute = 0;
export function send(ws: Workspace, title: string, answers: Record<string, ParticipantAnswer>) {
  minute += 1;
  return submitAsParticipant(ws, title, answers, { timestamp: new Date(Date.UTC(2026, 10, 18, 9, 0) + minute * 60000) });
}

/** The answers a link pre-fills, as the participant sends them. */
export function prefilled(row: LinkRow, ws: Workspace, title: string): Record<string, ParticipantAnswer> {
  const form = formNamed(ws, title);
  const params = new URL(row.url).searchParams;
  const out: Record<string, ParticipantAnswer> = {};
  for (const item of form.items) {
    const v = params.get(`entry.${item.id}`);
    if (v !== null) out[item.title] = v;
  }
  return out;
}

export const ratings = (s: string, q: string, i: string, comment = '') => ({
  [FEEDBACK_ITEMS[0].text]: s,
  [FEEDBACK_ITEMS[1].text]: q,
  [FEEDBACK_ITEMS[2].text]: i,
  ...(comment ? { [FEEDBACK_ITEMS[3].text]: comment } : {}),
});

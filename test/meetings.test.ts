import { SHEET } from '../src/core/workbook/sheets';
import { MEETING_FORM_TITLE, MEETING_NO_PAIRS } from '../src/core/questionnaires/definitions';
import { look } from './helpers/addon';
import { Outcome, table } from './helpers/programme';
import { approvedAfterMeeting, withPeople } from './helpers/people';
import { cachedSetup, faultSweep, workspaceState } from './helpers/faults';
import { submitAsParticipant, ParticipantAnswer } from '../local/emulator/forms/submit';
import { MIME } from '../local/emulator/drive-store';
import type { FormModel } from '../local/emulator/forms/model';
import type { Workspace } from '../local/emulator/workspace';
import type { ScriptRunner } from '../local/emulator/runner';

const LINK = 'Ссылка для отчётов о встречах';

function meetingForm(ws: Workspace): FormModel {
  const found = ws.drive.byMime(MIME.form).filter((e) => (e.content as FormModel).title === MEETING_FORM_TITLE);
  expect(found).toHaveLength(1);
  return found[0].content as FormModel;
}

const pairList = (ws: Workspace) => meetingForm(ws).items.find((i) => i.title === 'Пара или группа')!.choices;

/** Pairs approved by an order dated 05.10.2026, the forms refreshed: the day mentors start reporting. */
function approved(options: { orderDate?: string } = {}) {
  return approvedAfterMeeting(options.orderDate);
}

function units(ws: Workspace): Array<{ id: string; mentorId: string }> {
  const out = new Map<string, string>();
  for (const r of table(ws, SHEET.pairs)) if (['утверждена', 'активна'].includes(String(r['Статус']))) out.set(String(r['Группа'] || r.ID), String(r['ID наставника']));
  return [...out].map(([id, mentorId]) => ({ id, mentorId }));
}

function at(ws: Workspace, iso: string) {
  const now = new Date(iso);
  ws.now = () => now;
}

let minute = 0;
function report(ws: Workspace, answers: Record<string, ParticipantAnswer>) {
  minute += 1;
  return submitAsParticipant(ws, MEETING_FORM_TITLE, answers, { timestamp: new Date(Date.UTC(2026, 9, 20, 9, 0) + minute * 60000) });
}

const meeting = (code: string, pair: string, extra: Record<string, ParticipantAnswer> = {}): Record<string, ParticipantAnswer> => ({
  'Код наставника': code,
  'Пара или группа': pair,
  'Вид встречи': 'знакомство',
  'Дата встречи': '2026-10-12',
  'Длительность, минут': '45',
  Формат: 'очно',
  'Что сделали на встрече': 'Познакомились, обсудили выставку',
  ...extra,
});

/** Pairs approved, the meeting form made with them, links written; the clock on 20.10.2026. */
function reporting() {
  const p = approved();
  expect((p.runner.call('createQuestionnaires') as Outcome).ok).toBe(true);
  expect((p.runner.call('meetingLinks') as Outcome).ok).toBe(true);
  at(p.ws, '2026-10-20T12:00:00Z');
  return p;
}

const errorsOf = (ws: Workspace) => table(ws, SHEET.importErrors).filter((r) => String(r['Источник']).startsWith(MEETING_FORM_TITLE));

describe('the meeting form', () => {
  test('before any order it offers one choice that explains when the list appears; after approval it lists the pairs and groups by ID only', () => {
    const p = withPeople();
    expect(pairList(p.ws)).toEqual([MEETING_NO_PAIRS]);
    const form = meetingForm(p.ws);
    expect(form.items.map((i) => [i.title, i.type, i.required])).toEqual([
      ['Код наставника', 'TEXT', true],
      ['Пара или группа', 'LIST', true],
      ['Вид встречи', 'MULTIPLE_CHOICE', true],
      ['Дата встречи', 'DATE', true],
      ['Длительность, минут', 'TEXT', true],
      ['Формат', 'MULTIPLE_CHOICE', true],
      ['Что сделали на встрече', 'PARAGRAPH_TEXT', true],
    ]);
    expect(form.items[0].helpText).toBe('Заполняется по вашей ссылке, не меняйте');
    expect(form.published && form.destinationId === p.ws.spreadsheet.id).toBe(true);

    const { ws, runner } = approved();
    expect((runner.call('createQuestionnaires') as Outcome).ok).toBe(true);
    const wanted = units(ws).map((u) => u.id);
    expect(wanted.length).toBeGreaterThan(0);
    expect(pairList(ws)).toEqual(wanted);
    // IDs only: no participant's name in the form the mentors open.
    const names = table(ws, SHEET.pairs).flatMap((r) => [String(r['Наставник']), String(r['Наставляемый'])]);
    const text = JSON.stringify(meetingForm(ws));
    for (const name of names) expect(text).not.toContain(name);
    // A second run keeps the same list and the same form.
    expect((runner.call('createQuestionnaires') as Outcome).ok).toBe(true);
    expect(pairList(ws)).toEqual(wanted);
  });
});

describe('meetingLinks', () => {
  test('one pre-filled link per mentor with an approved pair, written to «Наставники»; a second run changes nothing', () => {
    const { ws, runner } = approved();
    // The form made before the order: the links refresh its list themselves.
    const result = runner.call('meetingLinks') as Outcome;
    expect(result.ok).toBe(true);
    const form = meetingForm(ws);
    const code = form.items.find((i) => i.title === 'Код наставника')!.id;
    const pairItem = form.items.find((i) => i.title === 'Пара или группа')!.id;
    const byMentor = new Map<string, string[]>();
    for (const u of units(ws)) byMentor.set(u.mentorId, [...(byMentor.get(u.mentorId) ?? []), u.id]);
    expect(result.mentors).toBe(byMentor.size);
    expect(result.message).toContain(`${byMentor.size}`);
    expect(result.message).toContain('«Ссылка для отчётов о встречах»');
    for (const m of table(ws, SHEET.mentors)) {
      const link = String(m[LINK]);
      const own = byMentor.get(String(m.ID));
      if (!own) {
        expect(link).toBe('');
        continue;
      }
      expect(link.startsWith(`${form.publishedUrl}?usp=pp_url&`)).toBe(true);
      const params = new URL(link).searchParams;
      expect(params.get(`entry.${code}`)).toBe(String(m.ID));
      expect(params.get(`entry.${pairItem}`)).toBe(own.length === 1 ? own[0] : null);
      expect(link).not.toContain(encodeURIComponent(String(m['ФИО'])));
    }
    const before = workspaceState(ws, ['sheets', 'drive', 'properties'], { ignoreSheets: [SHEET.log] });
    const again = runner.call('meetingLinks') as Outcome;
    expect(again.ok).toBe(true);
    expect(again.written).toBe(0);
    expect(workspaceState(ws, ['sheets', 'drive', 'properties'], { ignoreSheets: [SHEET.log] })).toEqual(before);
  });

  test('without the meeting form it says what to do first', () => {
    const { ws, runner } = approved();
    ws.properties.document.set('questionnaires', JSON.stringify({}));
    const result = runner.call('meetingLinks') as Outcome;
    expect(result.ok).toBe(false);
    expect(result.message).toContain('«Создать или обновить анкеты»');
  });
});

describe('importing meeting reports', () => {
  test('a report sent through the link becomes one row of «Встречи» with the pair ID; a second import adds nothing', () => {
    const { ws, runner } = reporting();
    const [first] = units(ws);
    report(ws, meeting(first.mentorId, first.id, { 'Что сделали на встрече': '=HYPERLINK("http://x","y") план на месяц' }));
    const result = runner.call('importResponses') as Outcome;
    expect(result.ok).toBe(true);
    expect(result.message).toContain('На лист «Встречи» добавлено встреч: 1');
    const rows = table(ws, SHEET.meetings);
    expect(rows).toHaveLength(1);
    expect(rows[0].ID).toBe('ВС-0001');
    expect(rows[0]['Пара / группа']).toBe(first.id);
    expect(rows[0]['Тип встречи']).toBe('знакомство');
    expect(rows[0]['Длительность, мин']).toBe(45);
    expect(rows[0]['Формат']).toBe('очно');
    // People's text stays text: a formula typed into the form is never run.
    expect(rows[0]['Тема']).toBe('=HYPERLINK("http://x","y") план на месяц');
    const cell = look(ws, (ss) => ss.getSheetByName(SHEET.meetings)!.getRange(2, 5).getFormula());
    expect(cell).toBe('');
    const day = look(ws, (ss) => {
      const value = ss.getSheetByName(SHEET.meetings)!.getRange(2, 3).getValue() as Date;
      return new Intl.DateTimeFormat('ru-RU', { timeZone: ss.getSpreadsheetTimeZone(), day: '2-digit', month: '2-digit', year: 'numeric' }).format(value);
    });
    expect(day).toBe('12.10.2026');
    expect(errorsOf(ws)).toEqual([]);

    const before = workspaceState(ws, ['sheets'], { ignoreSheets: [SHEET.log, SHEET.monitoring] });
    const again = runner.call('importResponses') as Outcome;
    expect(again.ok).toBe(true);
    expect(table(ws, SHEET.meetings)).toHaveLength(1);
    expect(workspaceState(ws, ['sheets'], { ignoreSheets: [SHEET.log, SHEET.monitoring] })).toEqual(before);
  });

  test('each malformed report gets its Russian row in «Ошибки импорта» and no meeting; the answers stay in their sheet', () => {
    const { ws, runner } = reporting();
    const all = units(ws);
    const [first] = all;
    const other = all.find((u) => u.mentorId !== first.mentorId)!;
    expect(other).toBeDefined();
    // A pair still only proposed: made by hand, as a curator might add one.
    look(ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.pairs)!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
      const row = new Array(header.length).fill('');
      row[header.indexOf('ID')] = 'ПА-0900';
      row[header.indexOf('ID наставника')] = first.mentorId;
      row[header.indexOf('Статус')] = 'предложена';
      sheet.appendRow(row);
    });
    // Reports sent while the list still held the placeholder (before the order) or a pair since deleted from the sheet.
    const list = meetingForm(ws).items.find((i) => i.title === 'Пара или группа')!;
    list.choices = [...list.choices!, MEETING_NO_PAIRS, 'ПА-0777', 'ПА-0900'];
    const cases: Array<[string, Record<string, ParticipantAnswer>, RegExp]> = [
      ['placeholder', meeting(first.mentorId, MEETING_NO_PAIRS), /пара или группа не выбрана/],
      ['unknown pair', meeting(first.mentorId, 'ПА-0777'), /пары или группы «ПА-0777» нет на листе «Пары и группы»/],
      ['proposed pair', meeting(first.mentorId, 'ПА-0900'), /пара \(группа\) ПА-0900 не утверждена приказом \(статус: предложена\)/],
      ['not the mentor', meeting(other.mentorId, first.id), new RegExp(`не код наставника пары \\(группы\\) ${first.id}`)],
      ['before the order', meeting(first.mentorId, first.id, { 'Дата встречи': '2026-10-01' }), /раньше утверждения пары приказом \(05\.10\.2026\)/],
      ['in the future', meeting(first.mentorId, first.id, { 'Дата встречи': '2026-11-01' }), /01\.11\.2026 ещё не наступила/],
      ['too long', meeting(first.mentorId, first.id, { 'Длительность, минут': '601' }), /601 — вне допустимого диапазона 5–600; ответ не импортирован/],
      ['not a number', meeting(first.mentorId, first.id, { 'Длительность, минут': 'час' }), /не целое число; ответ не импортирован/],
      ['unknown code', meeting('НК-9999', first.id), /код «НК-9999» — не код наставника пары/],
    ];
    for (const [, answers] of cases) report(ws, answers);
    const result = runner.call('importResponses') as Outcome;
    expect(result.ok).toBe(true);
    expect(table(ws, SHEET.meetings)).toEqual([]);
    const errors = errorsOf(ws);
    for (const [name, , reason] of cases) expect({ name, found: errors.some((e) => reason.test(String(e['Причина']))) }).toEqual({ name, found: true });
    expect(errors).toHaveLength(cases.length);
    // Nothing lost: every report is still in the response sheet.
    const sheet = ws.spreadsheet.sheets.find((s) => s.formUrl && s.formUrl.includes(meetingForm(ws).id))!;
    expect(look(ws, (ss) => ss.getSheetByName(sheet.name)!.getLastRow())).toBe(cases.length + 1);

    // A row typed into the response sheet by hand, with a day that is not a date.
    look(ws, (ss) => {
      const responses = ss.getSheetByName(sheet.name)!;
      const header = responses.getRange(1, 1, 1, responses.getLastColumn()).getValues()[0].map(String);
      const answers: Record<string, unknown> = { ...meeting(first.mentorId, first.id), 'Дата встречи': 'вчера', 'Отметка времени': new Date('2026-10-20T10:00:00Z') };
      responses.appendRow(header.map((h) => answers[h] ?? ''));
    });
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    expect(errorsOf(ws).some((e) => e['Значение'] === 'вчера' && /не дата.*; ответ не импортирован/.test(String(e['Причина'])))).toBe(true);
    expect(table(ws, SHEET.meetings)).toEqual([]);

    // A pair that has ended.
    look(ws, (ss) => {
      const pairs = ss.getSheetByName(SHEET.pairs)!;
      const values = pairs.getDataRange().getValues();
      const header = values[0].map(String);
      values.forEach((r, i) => {
        if (i > 0 && (r[header.indexOf('Группа')] || r[header.indexOf('ID')]) === first.id) pairs.getRange(i + 1, header.indexOf('Статус') + 1).setValue('завершена');
      });
    });
    report(ws, meeting(first.mentorId, first.id));
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    const later = errorsOf(ws).map((e) => String(e['Причина']));
    expect(later.some((r) => r.includes(`пара (группа) ${first.id} завершена`))).toBe(true);
    expect(table(ws, SHEET.meetings)).toEqual([]);
    // Refused reports are remembered: importing again reports nothing twice.
    const count = errorsOf(ws).length;
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    expect(errorsOf(ws)).toHaveLength(count);
  });
});

describe('a mentor who withdraws consent', () => {
  test('their reports leave the response sheet, the meeting stays by pair ID, and later imports raise nothing', () => {
    const { ws, runner } = reporting();
    const [first] = units(ws);
    report(ws, meeting(first.mentorId, first.id));
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    look(ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.consents)!;
      const rows = sheet.getDataRange().getValues();
      const header = rows[0].map(String);
      const row = rows.findIndex((r) => r[header.indexOf('ID участника')] === first.mentorId);
      sheet.getRange(row + 1, header.indexOf('Дата отзыва') + 1).setValue(new Date('2026-10-19T09:00:00Z'));
    });
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    const sheet = ws.spreadsheet.sheets.find((s) => s.formUrl && s.formUrl.includes(meetingForm(ws).id))!;
    const rows = look(ws, (ss) => ss.getSheetByName(sheet.name)!.getDataRange().getValues());
    expect(rows[1].slice(1).every((c) => c === '')).toBe(true);
    expect(table(ws, SHEET.meetings).map((m) => m['Пара / группа'])).toEqual([first.id]);
    const errors = errorsOf(ws).length;
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    expect(errorsOf(ws)).toHaveLength(errors);
    expect(table(ws, SHEET.meetings)).toHaveLength(1);
  });
});

function withReports(): { ws: Workspace; runner: ScriptRunner } {
  const p = reporting();
  const all = units(p.ws);
  report(p.ws, meeting(all[0].mentorId, all[0].id));
  report(p.ws, meeting(all[0].mentorId, all[0].id, { 'Вид встречи': 'пробная', 'Дата встречи': '2026-10-19', 'Что сделали на встрече': 'Пробное занятие' }));
  report(p.ws, meeting(all[0].mentorId, all[0].id, { 'Дата встречи': '2026-12-19' }));
  if (all[1]) report(p.ws, meeting(all[1].mentorId, all[1].id, { Формат: 'дистанционно' }));
  return p;
}

describe('importing meeting reports under a fault at any service call', () => {
  test('running it again ends exactly as a clean import: no meeting lost or doubled', () => {
    const clean = withReports();
    expect((clean.runner.call('importResponses') as Outcome).ok).toBe(true);
    // Two meetings of the first pair, one of the second; the one dated ahead is refused.
    expect(table(clean.ws, SHEET.meetings).map((m) => m['Тип встречи'])).toEqual(units(clean.ws)[1] ? ['знакомство', 'пробная', 'знакомство'] : ['знакомство', 'пробная']);
    const endState = (ws: Workspace) => workspaceState(ws, ['sheets', 'drive', 'properties', 'triggers', 'mail'], { ignoreSheets: [SHEET.log] });
    const result = faultSweep({ setup: cachedSetup(withReports), operation: { name: 'importResponses' }, snapshot: endState, maxFaults: process.env.FULL_SWEEP ? 10000 : 40 });
    console.log(`importResponses with meetings: ${result.cleanCalls} service calls, ${result.faults} faults injected, ${result.diffs.length} differing end states`);
    expect(result.diffs).toEqual([]);
  });

  test('meetingLinks after a fault at any call ends as a clean run', () => {
    const setup = cachedSetup(() => {
      const p = approved();
      p.runner.call('createQuestionnaires');
      return p;
    });
    const endState = (ws: Workspace) => workspaceState(ws, ['sheets', 'drive', 'properties'], { ignoreSheets: [SHEET.log] });
    const result = faultSweep({ setup, operation: { name: 'meetingLinks' }, snapshot: endState, maxFaults: process.env.FULL_SWEEP ? 10000 : 40 });
    expect(result.diffs).toEqual([]);
  });
});

describe('importing many meeting reports', () => {
  /** Service calls of one import of `n` reports spread over the first pair's weeks. */
  function importCalls(n: number): { calls: number; meetings: number } {
    const p = reporting();
    const [first] = units(p.ws);
    for (let k = 0; k < n; k++) {
      const day = new Date(Date.UTC(2026, 9, 6 + (k % 14)));
      report(p.ws, meeting(first.mentorId, first.id, { 'Дата встречи': day.toISOString().slice(0, 10), 'Вид встречи': 'регулярная', 'Что сделали на встрече': `Занятие ${k + 1}` }));
    }
    p.ws.calls.reset();
    expect((p.runner.call('importResponses') as Outcome).ok).toBe(true);
    return { calls: p.ws.calls.total(), meetings: table(p.ws, SHEET.meetings).length };
  }

  test('ten times the reports cost no more service calls (each date is converted once)', () => {
    const small = importCalls(20);
    const big = importCalls(200);
    expect([small.meetings, big.meetings]).toEqual([20, 200]);
    expect(big.calls).toBe(small.calls);
  });
});

import { SHEET } from '../src/core/workbook/sheets';
import { FEEDBACK_ITEMS, MAY_SURVEY, MONITORING_ITEMS, SWOT_QUESTIONNAIRE, itemWording } from '../src/core/monitoring/items';
import { CODE_TITLE, DIAGNOSTICS_FORMS, FEEDBACK_FORM_TITLE, FORM_TITLE, PAIR_TITLE, ROLE_TITLE } from '../src/core/questionnaires/monitoring-forms';
import { look } from './helpers/addon';
import { Outcome, table } from './helpers/programme';
import { cachedSetup, faultSweep, workspaceState } from './helpers/faults';
import { LinkRow, formNamed, linkRows, linked, prefilled, ratings, send } from './helpers/surveys';
import { submitAsParticipant, ParticipantAnswer } from '../local/emulator/forms/submit';
import type { Workspace } from '../local/emulator/workspace';

const FEEDBACK_LINK = 'Ежемесячная обратная связь';
const entryMentee = DIAGNOSTICS_FORMS.find((d) => d.phase === 'входная' && d.role === 'наставляемый')!;
const entryMentor = DIAGNOSTICS_FORMS.find((d) => d.phase === 'входная' && d.role === 'наставник')!;
const exitMentee = DIAGNOSTICS_FORMS.find((d) => d.phase === 'итоговая' && d.role === 'наставляемый')!;

const errorsFrom = (ws: Workspace, title: string) => table(ws, SHEET.importErrors).filter((r) => String(r['Источник']).startsWith(title));

/** Answers to every item of a diagnostics form a respondent of `form` is asked. */
function diagnosticsAnswers(role: 'наставляемый' | 'наставник', phase: 'входная' | 'итоговая', form = ''): Record<string, ParticipantAnswer> {
  const out: Record<string, ParticipantAnswer> = {};
  MONITORING_ITEMS[role].forEach((item, n) => {
    const text = itemWording(item, phase);
    if (!text || (item.forms && !item.forms.includes(form))) return;
    if (item.kind === 'scale') out[text] = String(5 + (n % 5));
    else if (item.kind === 'yesno') out[text] = n % 2 ? 'да' : 'нет';
    else if (item.kind === 'choice') out[text] = item.choices![0];
    else out[text] = n === 1 ? '@x +1 =HYPERLINK("http://x","y")' : `ответ ${item.code}`;
  });
  return out;
}

function linkOf(ws: Workspace, role: string, form: string): LinkRow {
  return linkRows(ws).find((r) => r.role === role && r.form === form)!;
}

/** The same person's link to another form. */
const sameAs = (ws: Workspace, row: LinkRow, form: string): LinkRow => linkRows(ws).find((r) => r.id === row.id && r.pair === row.pair && r.form === form)!;

function setPairStatus(ws: Workspace, unit: string, status: string) {
  look(ws, (ss) => {
    const pairs = ss.getSheetByName(SHEET.pairs)!;
    const values = pairs.getDataRange().getValues();
    const header = values[0].map(String);
    values.forEach((r, i) => {
      if (i > 0 && (r[header.indexOf('Группа')] || r[header.indexOf('ID')]) === unit) pairs.getRange(i + 1, header.indexOf('Статус') + 1).setValue(status);
    });
  });
}

describe('importing diagnostics', () => {
  test('one row per answered item with its code and label; yes/no as «да»/«нет», open answers as comments, hostile text inert; a re-import adds nothing', () => {
    const { ws, runner } = linked();
    const mentee = linkOf(ws, 'наставляемый', 'Входная диагностика');
    const answers = diagnosticsAnswers('наставляемый', 'входная');
    send(ws, entryMentee.title, { ...prefilled(mentee, ws, entryMentee.title), ...answers });
    const result = runner.call('importResponses') as Outcome;
    expect(result.ok).toBe(true);
    const rows = table(ws, SHEET.diagnostics);
    const asked = MONITORING_ITEMS['наставляемый'].filter((i) => answers[itemWording(i, 'входная') ?? ''] !== undefined);
    expect(rows.map((r) => r['Код вопроса'])).toEqual(asked.map((i) => i.code));
    for (const [i, item] of asked.entries()) {
      const row = rows[i];
      expect(row).toMatchObject({ 'ID участника': mentee.id, 'Пара / группа': mentee.pair, Роль: 'наставляемый', Этап: 'входная', Показатель: item.label });
      const given = answers[itemWording(item, 'входная')!];
      if (item.kind === 'scale') expect(row['Значение']).toBe(Number(given));
      else if (item.kind === 'open') expect([row['Значение'], row['Комментарий']]).toEqual(['', given]);
      else expect(row['Значение']).toBe(given);
    }
    // People's text stays text: no formula in any cell.
    const formulas = look(ws, (ss) => ss.getSheetByName(SHEET.diagnostics)!.getDataRange().getFormulas().flat().filter(Boolean));
    expect(formulas).toEqual([]);
    expect(rows.some((r) => r['Комментарий'] === '@x +1 =HYPERLINK("http://x","y")')).toBe(true);
    expect(errorsFrom(ws, entryMentee.title)).toEqual([]);
    const before = workspaceState(ws, ['sheets'], { ignoreSheets: [SHEET.log, SHEET.monitoring] });
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    expect(workspaceState(ws, ['sheets'], { ignoreSheets: [SHEET.log, SHEET.monitoring] })).toEqual(before);
  });

  test('the exit diagnostics of an ended pair is taken; its entry diagnostics is refused as the wrong phase', () => {
    const { ws, runner } = linked();
    const mentee = linkOf(ws, 'наставляемый', 'Итоговая диагностика');
    setPairStatus(ws, mentee.pair, 'завершена');
    send(ws, exitMentee.title, { ...prefilled(mentee, ws, exitMentee.title), ...diagnosticsAnswers('наставляемый', 'итоговая') });
    send(ws, entryMentee.title, { ...prefilled(sameAs(ws, mentee, 'Входная диагностика'), ws, entryMentee.title), ...diagnosticsAnswers('наставляемый', 'входная') });
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    const rows = table(ws, SHEET.diagnostics);
    expect(new Set(rows.map((r) => r['Этап']))).toEqual(new Set(['итоговая']));
    expect(errorsFrom(ws, entryMentee.title).map((e) => e['Причина'])).toEqual([
      `входная диагностика для завершённой пары (группы) ${mentee.pair}: после завершения заполняется итоговая; ответ не импортирован`,
    ]);
  });
});

describe('bad answers', () => {
  test('each gets a clear Russian row in «Ошибки импорта», nothing is imported, the answers stay; a fix imports them, nothing twice', () => {
    const { ws, runner } = linked();
    const links = linkRows(ws).filter((r) => r.form === FEEDBACK_LINK);
    const [first] = links;
    const stranger = links.find((r) => r.pair !== first.pair)!;
    expect(stranger).toBeDefined();
    const base = (row: LinkRow) => prefilled(row, ws, FEEDBACK_FORM_TITLE);
    const withoutConsent = String(table(ws, SHEET.mentees).find((m) => m['ФИО'] === 'Без Согласия Иван')!.ID);
    // Pairs the form's list no longer offers (deleted or never there): as a form edited meanwhile would.
    const list = formNamed(ws, FEEDBACK_FORM_TITLE).items.find((i) => i.title === PAIR_TITLE)!;
    list.choices = [...list.choices!, 'ПА-0777'];
    const cases: Array<[string, Record<string, ParticipantAnswer>, RegExp, string]> = [
      ['unknown code', { ...base(first), [CODE_TITLE]: 'НЯ-9999', ...ratings('8', '8', '8') }, /код «НЯ-9999» — не код участника/, 'НЯ-9999'],
      [
        'not in the pair',
        { ...base(first), [CODE_TITLE]: stranger.id, [ROLE_TITLE]: stranger.role, ...ratings('8', '8', '8') },
        new RegExp(`участник ${stranger.id} не входит в пару \\(группу\\) ${first.pair}`),
        stranger.id,
      ],
      ['unknown pair', { ...base(first), [PAIR_TITLE]: 'ПА-0777', ...ratings('8', '8', '8') }, /пары или группы «ПА-0777» нет на листе «Пары и группы»/, 'ПА-0777'],
      ['role', { ...base(first), [ROLE_TITLE]: first.role === 'наставник' ? 'наставляемый' : 'наставник', ...ratings('8', '8', '8') }, /не совпадает с базами/, ''],
      [
        'no consent',
        { ...base(first), [CODE_TITLE]: withoutConsent, [ROLE_TITLE]: 'наставляемый', ...ratings('8', '8', '8', 'Личное: мой телефон 8-900') },
        /нет действующего согласия/,
        withoutConsent,
      ],
    ];
    for (const [, answers] of cases) send(ws, FEEDBACK_FORM_TITLE, answers);
    const result = runner.call('importResponses') as Outcome;
    expect(result.ok).toBe(true);
    expect(table(ws, SHEET.feedback)).toEqual([]);
    const errors = errorsFrom(ws, FEEDBACK_FORM_TITLE);
    for (const [name, , reason, value] of cases) {
      const found = errors.find((e) => reason.test(String(e['Причина'])));
      expect({ name, found: !!found }).toEqual({ name, found: true });
      expect(String(found!['Причина'])).toMatch(/; ответ не импортирован$/);
      if (value) expect({ name, value: found!['Значение'] }).toEqual({ name, value });
    }
    expect(errors).toHaveLength(cases.length);
    // The person without consent is named by ID only: their comment is nowhere in the workbook's tables.
    expect(JSON.stringify(table(ws, SHEET.importErrors))).not.toContain('мой телефон');

    // Ratings typed by hand into the response sheet: outside 1–10 and not a number.
    const sheet = ws.spreadsheet.sheets.find((s) => s.formUrl && s.formUrl.includes(formNamed(ws, FEEDBACK_FORM_TITLE).id))!;
    look(ws, (ss) => {
      const responses = ss.getSheetByName(sheet.name)!;
      const header = responses.getRange(1, 1, 1, responses.getLastColumn()).getValues()[0].map(String);
      for (const [rating, minute] of [
        ['11', 1],
        ['много', 2],
      ] as const) {
        const answers: Record<string, unknown> = { ...base(first), ...ratings(rating, '5', '5'), 'Отметка времени': new Date(Date.UTC(2026, 10, 19, 10, minute)) };
        responses.appendRow(header.map((h) => answers[h] ?? ''));
      }
    });
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    const later = errorsFrom(ws, FEEDBACK_FORM_TITLE).map((e) => String(e['Причина']));
    expect(later.some((r) => /11 — вне допустимого диапазона 1–10; ответ не импортирован/.test(r))).toBe(true);
    expect(later.some((r) => /«много» — не целое число; ответ не импортирован/.test(r))).toBe(true);
    expect(table(ws, SHEET.feedback)).toEqual([]);
    // Nothing lost: every answer is still in its response sheet.
    expect(look(ws, (ss) => ss.getSheetByName(sheet.name)!.getLastRow())).toBe(cases.length + 2 + 1);
    // Importing again reports nothing twice.
    const count = errorsFrom(ws, FEEDBACK_FORM_TITLE).length;
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    expect(errorsFrom(ws, FEEDBACK_FORM_TITLE)).toHaveLength(count);

    // The curator corrects the mistyped rating in the sheet: the answer is imported then.
    look(ws, (ss) => {
      const responses = ss.getSheetByName(sheet.name)!;
      const values = responses.getDataRange().getValues();
      const header = values[0].map(String);
      const column = header.indexOf(FEEDBACK_ITEMS[0].text);
      const row = values.findIndex((r) => String(r[column]) === '11');
      responses.getRange(row + 1, column + 1).setValue(9);
    });
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    expect(table(ws, SHEET.feedback).map((r) => [r['ID участника'], r['Удовлетворённость (1–10)']])).toEqual([[first.id, 9]]);

    // A pair that ended: its later feedback is refused.
    setPairStatus(ws, first.pair, 'завершена');
    send(ws, FEEDBACK_FORM_TITLE, { ...base(first), ...ratings('7', '7', '7') });
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    expect(errorsFrom(ws, FEEDBACK_FORM_TITLE).some((e) => String(e['Причина']) === `пара (группа) ${first.pair} завершена; ответ не импортирован`)).toBe(true);
    expect(table(ws, SHEET.feedback)).toHaveLength(1);
  });

  test('a mentor code on the mentee diagnostics contradicts the bases', () => {
    const { ws, runner } = linked();
    const mentor = linkOf(ws, 'наставник', 'Входная диагностика');
    send(ws, entryMentee.title, { [CODE_TITLE]: mentor.id, [PAIR_TITLE]: mentor.pair, ...diagnosticsAnswers('наставляемый', 'входная') });
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    expect(table(ws, SHEET.diagnostics)).toEqual([]);
    expect(errorsFrom(ws, entryMentee.title).map((e) => e['Причина'])).toEqual([`роль «наставляемый» не совпадает с базами: ${mentor.id} — наставник; ответ не импортирован`]);
  });
});

describe('the May survey and SWOT', () => {
  test('land on «Опросы» one row per question, with the person, pair, role and form of mentoring', () => {
    const { ws, runner } = linked();
    const may = linkOf(ws, 'наставник', 'Майский опрос удовлетворённости');
    const answers: Record<string, ParticipantAnswer> = {};
    for (const item of MAY_SURVEY.items) answers[item.text] = item.kind === 'scale' ? '9' : item.kind === 'yesno' ? 'да' : 'Больше встреч';
    send(ws, MAY_SURVEY.title, { ...prefilled(may, ws, MAY_SURVEY.title), ...answers });
    const form = String(table(ws, SHEET.pairs).find((r) => (r['Группа'] || r.ID) === may.pair)!['Форма']);
    // SWOT for a form with questions of its own, without a code.
    const swot: Record<string, ParticipantAnswer> = { [FORM_TITLE]: 'педагог – педагог' };
    for (const item of SWOT_QUESTIONNAIRE.items.filter((i) => !i.forms || i.forms.includes('педагог – педагог')))
      swot[item.text] = item.kind === 'scale' ? '6' : item.kind === 'yesno' ? 'нет' : 'Текст';
    send(ws, SWOT_QUESTIONNAIRE.title, swot);
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    const rows = table(ws, SHEET.surveys);
    const mayRows = rows.filter((r) => r['Опрос'] === MAY_SURVEY.title);
    expect(mayRows.map((r) => r['Код вопроса'])).toEqual(MAY_SURVEY.items.map((i) => i.code));
    for (const r of mayRows) expect(r).toMatchObject({ 'ID участника': may.id, 'Пара / группа': may.pair, Роль: 'наставник', 'Форма наставничества': form });
    expect(mayRows.find((r) => r['Код вопроса'] === 'improve')).toMatchObject({ Значение: '', Комментарий: 'Больше встреч' });
    const swotRows = rows.filter((r) => r['Опрос'] === SWOT_QUESTIONNAIRE.title);
    expect(swotRows.map((r) => r['Код вопроса']).sort()).toEqual(
      Object.keys(swot).length
        ? SWOT_QUESTIONNAIRE.items
            .filter((i) => !i.forms || i.forms.includes('педагог – педагог'))
            .map((i) => i.code)
            .sort()
        : [],
    );
    for (const r of swotRows) expect(r).toMatchObject({ 'ID участника': '', 'Форма наставничества': 'педагог – педагог' });
  });
});

describe('a participant who withdraws consent', () => {
  test('their feedback, diagnostics and survey rows are emptied and their responses scrubbed', () => {
    const { ws, runner } = linked();
    const row = linkOf(ws, 'наставляемый', FEEDBACK_LINK);
    send(ws, FEEDBACK_FORM_TITLE, { ...prefilled(row, ws, FEEDBACK_FORM_TITLE), ...ratings('9', '9', '9', 'Всё хорошо') });
    send(ws, entryMentee.title, { ...prefilled(sameAs(ws, row, 'Входная диагностика'), ws, entryMentee.title), ...diagnosticsAnswers('наставляемый', 'входная') });
    const may = linkRows(ws).find((r) => r.id === row.id && r.form === 'Майский опрос удовлетворённости')!;
    send(ws, MAY_SURVEY.title, {
      ...prefilled(may, ws, MAY_SURVEY.title),
      [MAY_SURVEY.items[0].text]: '8',
      [MAY_SURVEY.items[1].text]: '8',
      [MAY_SURVEY.items[2].text]: '8',
      [MAY_SURVEY.items[3].text]: '8',
      [MAY_SURVEY.items[4].text]: 'да',
      [MAY_SURVEY.items[5].text]: 'да',
    });
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    expect(table(ws, SHEET.feedback)).toHaveLength(1);
    look(ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.consents)!;
      const rows = sheet.getDataRange().getValues();
      const header = rows[0].map(String);
      const i = rows.findIndex((r) => r[header.indexOf('ID участника')] === row.id);
      sheet.getRange(i + 1, header.indexOf('Дата отзыва') + 1).setValue(new Date('2026-11-19T09:00:00Z'));
    });
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    for (const name of [SHEET.feedback, SHEET.diagnostics, SHEET.surveys]) {
      const text = JSON.stringify(table(ws, name));
      expect({ name, has: text.includes(row.id) }).toEqual({ name, has: false });
    }
    expect(JSON.stringify(table(ws, SHEET.feedback))).not.toContain('Всё хорошо');
    for (const title of [FEEDBACK_FORM_TITLE, entryMentee.title, MAY_SURVEY.title]) {
      const form = formNamed(ws, title);
      const sheet = ws.spreadsheet.sheets.find((s) => s.formUrl && s.formUrl.includes(form.id))!;
      const values = look(ws, (ss) => ss.getSheetByName(sheet.name)!.getDataRange().getValues());
      expect({ title, left: values.slice(1).some((r) => r.includes(row.id)) }).toEqual({ title, left: false });
    }
    // Later imports raise nothing and bring nothing back.
    const errors = table(ws, SHEET.importErrors).length;
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    expect(table(ws, SHEET.importErrors)).toHaveLength(errors);
    expect(JSON.stringify(table(ws, SHEET.feedback))).not.toContain(row.id);
  });
});

function withAnswers() {
  const p = linked();
  const { ws } = p;
  const fb = linkRows(ws).filter((r) => r.form === FEEDBACK_LINK);
  send(ws, FEEDBACK_FORM_TITLE, { ...prefilled(fb[0], ws, FEEDBACK_FORM_TITLE), ...ratings('9', '8', '7', 'Хорошо') });
  send(ws, FEEDBACK_FORM_TITLE, { ...prefilled(fb[1], ws, FEEDBACK_FORM_TITLE), ...ratings('6', '6', '6') });
  send(ws, FEEDBACK_FORM_TITLE, { ...prefilled(fb[0], ws, FEEDBACK_FORM_TITLE), [CODE_TITLE]: 'НЯ-9999', ...ratings('5', '5', '5') });
  const mentor = linkOf(ws, 'наставник', 'Входная диагностика');
  send(ws, entryMentor.title, { ...prefilled(mentor, ws, entryMentor.title), ...diagnosticsAnswers('наставник', 'входная') });
  return p;
}

describe('under a fault at any service call', () => {
  test('importResponses run again ends exactly as a clean import: nothing lost or doubled', () => {
    const clean = withAnswers();
    expect((clean.runner.call('importResponses') as Outcome).ok).toBe(true);
    expect(table(clean.ws, SHEET.feedback)).toHaveLength(2);
    expect(table(clean.ws, SHEET.diagnostics).length).toBeGreaterThan(5);
    const endState = (ws: Workspace) => workspaceState(ws, ['sheets', 'drive', 'properties', 'triggers', 'mail'], { ignoreSheets: [SHEET.log] });
    const result = faultSweep({ setup: cachedSetup(withAnswers), operation: { name: 'importResponses' }, snapshot: endState, maxFaults: process.env.FULL_SWEEP ? 10000 : 40 });
    console.log(`importResponses with feedback and diagnostics: ${result.cleanCalls} service calls, ${result.faults} faults injected, ${result.diffs.length} differing end states`);
    expect(result.diffs).toEqual([]);
  });

  test('surveyLinks run again ends as a clean run', () => {
    const setup = cachedSetup(() => {
      const p = linked();
      // A run before the pairs changed: the sheet holds links to redo.
      look(p.ws, (ss) => ss.getSheetByName(SHEET.surveyLinks)!.getRange(2, 6).setValue('старая ссылка'));
      return p;
    });
    const endState = (ws: Workspace) => workspaceState(ws, ['sheets', 'drive', 'properties'], { ignoreSheets: [SHEET.log] });
    const result = faultSweep({ setup, operation: { name: 'surveyLinks' }, snapshot: endState, maxFaults: process.env.FULL_SWEEP ? 10000 : 25 });
    expect(result.diffs).toEqual([]);
  });
});

describe('importing many answers', () => {
  /** Service calls of one import of `n` feedback answers and `n` diagnostics, spread over two weeks. */
  function importCalls(n: number): { calls: number; feedback: number } {
    const p = linked();
    const { ws } = p;
    const row = linkRows(ws).find((r) => r.form === FEEDBACK_LINK)!;
    const mentee = linkOf(ws, 'наставляемый', 'Входная диагностика');
    for (let k = 0; k < n; k++) {
      const at = { timestamp: new Date(Date.UTC(2026, 10, 2 + (k % 14), 9, k % 60)) };
      submitAsParticipant(ws, FEEDBACK_FORM_TITLE, { ...prefilled(row, ws, FEEDBACK_FORM_TITLE), ...ratings(String(1 + (k % 10)), '5', '5', `Месяц ${k + 1}`) }, at);
      submitAsParticipant(ws, entryMentee.title, { ...prefilled(mentee, ws, entryMentee.title), ...diagnosticsAnswers('наставляемый', 'входная') }, at);
    }
    ws.calls.reset();
    expect((p.runner.call('importResponses') as Outcome).ok).toBe(true);
    return { calls: ws.calls.total(), feedback: table(ws, SHEET.feedback).length };
  }

  test('ten times the answers cost no more service calls (a date costs a call per day, not per answer)', () => {
    const small = importCalls(20);
    const big = importCalls(200);
    expect([small.feedback, big.feedback]).toEqual([20, 200]);
    expect(big.calls).toBe(small.calls);
  });
});

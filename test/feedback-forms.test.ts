import { SHEET } from '../src/core/workbook/sheets';
import { FEEDBACK_ITEMS, MAY_SURVEY, MONITORING_ITEMS, SWOT_QUESTIONNAIRE, itemWording } from '../src/core/monitoring/items';
import { CODE_TITLE, DIAGNOSTICS_FORMS, FEEDBACK_FORM_TITLE, FORM_TITLE, PAIR_TITLE, ROLE_TITLE } from '../src/core/questionnaires/monitoring-forms';
import { look } from './helpers/addon';
import { Outcome, table } from './helpers/programme';
import { workspaceState } from './helpers/faults';
import { formNamed, linked, linkRows, prefilled, questionTitles, ratings, send } from './helpers/surveys';

describe('the monitoring forms', () => {
  test('are made from the item bank: feedback, four diagnostics, the May survey and SWOT, each once', () => {
    const { ws, runner } = linked();
    const feedback = formNamed(ws, FEEDBACK_FORM_TITLE);
    expect(questionTitles(feedback)).toEqual([CODE_TITLE, PAIR_TITLE, ROLE_TITLE, ...FEEDBACK_ITEMS.map((i) => i.text)]);
    const scales = feedback.items.filter((i) => i.type === 'SCALE');
    expect(scales.map((s) => [s.lowerBound, s.upperBound])).toEqual([
      [1, 10],
      [1, 10],
      [1, 10],
    ]);
    for (const d of DIAGNOSTICS_FORMS) {
      const form = formNamed(ws, d.title);
      const wanted = MONITORING_ITEMS[d.role].filter((i) => itemWording(i, d.phase)).map((i) => itemWording(i, d.phase));
      expect(questionTitles(form)).toEqual([CODE_TITLE, PAIR_TITLE, ...wanted]);
      // An item of some forms of mentoring only says so and may be skipped.
      for (const item of MONITORING_ITEMS[d.role].filter((i) => i.forms && itemWording(i, d.phase))) {
        const q = form.items.find((i) => i.title === itemWording(item, d.phase))!;
        expect(q.required).toBe(false);
        expect(q.helpText).toContain(`«${item.forms![0]}»`);
      }
    }
    expect(questionTitles(formNamed(ws, MAY_SURVEY.title))).toEqual([CODE_TITLE, PAIR_TITLE, ROLE_TITLE, ...MAY_SURVEY.items.map((i) => i.text)]);
    const swot = questionTitles(formNamed(ws, SWOT_QUESTIONNAIRE.title));
    expect(swot[0]).toBe(FORM_TITLE);
    expect(new Set(swot)).toEqual(new Set([FORM_TITLE, CODE_TITLE, ...SWOT_QUESTIONNAIRE.items.map((i) => i.text)]));
    // A second run makes no second form and changes nothing.
    const before = workspaceState(ws, ['drive', 'properties']);
    expect((runner.call('createQuestionnaires') as Outcome).ok).toBe(true);
    expect(workspaceState(ws, ['drive', 'properties'])).toEqual(before);
  });
});

describe('surveyLinks', () => {
  test('lists a pre-filled link per form for each consented participant of an approved pair; a re-run changes nothing', () => {
    const { ws, runner, links } = linked();
    const rows = linkRows(ws);
    expect(rows.length).toBeGreaterThan(0);
    expect(links.links).toBe(rows.length);
    const pairs = table(ws, SHEET.pairs).filter((r) => ['утверждена', 'активна'].includes(String(r['Статус'])));
    const feedback = formNamed(ws, FEEDBACK_FORM_TITLE);
    const item = (title: string) => feedback.items.find((i) => i.title === title)!.id;
    for (const pair of pairs) {
      const unit = String(pair['Группа'] || pair.ID);
      for (const [id, role] of [
        [String(pair['ID наставника']), 'наставник'],
        [String(pair['ID наставляемого']), 'наставляемый'],
      ]) {
        const own = rows.filter((r) => r.id === id && r.pair === unit);
        expect(own.map((r) => r.form).sort()).toEqual(expect.arrayContaining(['Ежемесячная обратная связь', 'Входная диагностика', 'Итоговая диагностика']));
        const link = new URL(own.find((r) => r.form === 'Ежемесячная обратная связь')!.url);
        expect(link.searchParams.get(`entry.${item(CODE_TITLE)}`)).toBe(id);
        expect(link.searchParams.get(`entry.${item(PAIR_TITLE)}`)).toBe(unit);
        expect(link.searchParams.get(`entry.${item(ROLE_TITLE)}`)).toBe(role);
        expect(own[0].role).toBe(role);
      }
    }
    // Nobody without a valid consent is listed.
    const consents = new Map([...table(ws, SHEET.mentees), ...table(ws, SHEET.mentors)].map((p) => [String(p.ID), String(p['Согласие на обработку ПДн'] ?? p['Согласие'] ?? '')]));
    for (const r of rows) expect(consents.has(r.id)).toBe(true);
    const before = workspaceState(ws, ['sheets', 'drive', 'properties'], { ignoreSheets: [SHEET.log] });
    const again = runner.call('surveyLinks') as Outcome;
    expect(again.ok).toBe(true);
    expect(again.changed).toBe(false);
    expect(workspaceState(ws, ['sheets', 'drive', 'properties'], { ignoreSheets: [SHEET.log] })).toEqual(before);
  });

  test('a participant who withdraws consent loses their links', () => {
    const { ws, runner } = linked();
    const [first] = linkRows(ws);
    look(ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.consents)!;
      const rows = sheet.getDataRange().getValues();
      const header = rows[0].map(String);
      const row = rows.findIndex((r) => r[header.indexOf('ID участника')] === first.id);
      sheet.getRange(row + 1, header.indexOf('Дата отзыва') + 1).setValue(new Date('2026-11-19T09:00:00Z'));
    });
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    // The import itself takes the links away: the name is gone before anyone runs «Ссылки на анкеты» again.
    expect(JSON.stringify(table(ws, SHEET.surveyLinks))).not.toContain(first.id);
    expect((runner.call('surveyLinks') as Outcome).ok).toBe(true);
    const rows = linkRows(ws).filter((r) => r.id || r.url);
    expect(rows.some((r) => r.id === first.id)).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(table(ws, SHEET.surveyLinks))).not.toContain(first.name);
  });
});

describe('importing feedback', () => {
  test('an answer through the link lands tied to the person and the pair; hostile text stays text; a re-import adds nothing', () => {
    const { ws, runner } = linked();
    const row = linkRows(ws).find((r) => r.form === 'Ежемесячная обратная связь')!;
    send(ws, FEEDBACK_FORM_TITLE, { ...prefilled(row, ws, FEEDBACK_FORM_TITLE), ...ratings('9', '8', '7', '=HYPERLINK("http://x","y")') });
    const result = runner.call('importResponses') as Outcome;
    expect(result.ok).toBe(true);
    expect(result.message).toContain('На лист «Обратная связь» добавлено ответов: 1');
    const rows = table(ws, SHEET.feedback);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ID: 'ОС-0001', 'Пара / группа': row.pair, 'ID участника': row.id, Роль: row.role, 'Удовлетворённость (1–10)': 9, 'Качество (1–10)': 8, 'Польза (1–10)': 7 });
    expect(rows[0]['Комментарий']).toBe('=HYPERLINK("http://x","y")');
    expect(look(ws, (ss) => ss.getSheetByName(SHEET.feedback)!.getRange(2, 9).getFormula())).toBe('');
    const day = look(ws, (ss) => {
      const value = ss.getSheetByName(SHEET.feedback)!.getRange(2, 2).getValue() as Date;
      return new Intl.DateTimeFormat('ru-RU', { timeZone: ss.getSpreadsheetTimeZone(), day: '2-digit', month: '2-digit', year: 'numeric' }).format(value);
    });
    expect(day).toBe('18.11.2026');
    const before = workspaceState(ws, ['sheets'], { ignoreSheets: [SHEET.log, SHEET.monitoring] });
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    expect(workspaceState(ws, ['sheets'], { ignoreSheets: [SHEET.log, SHEET.monitoring] })).toEqual(before);
  });
});

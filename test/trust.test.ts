import { SHEET } from '../src/core/workbook/sheets';
import { look } from './helpers/addon';
import { Outcome, programme, pupil, submit, table } from './helpers/programme';
import { consentAll, teacherMentor } from './helpers/people';
import { Workspace } from '../local/emulator/workspace';
import { readBuild, startRunner } from '../local/emulator/session';
import { OPERATIONS } from '../local/bench/operations';
import type { FormModel } from '../local/emulator/forms/model';
import { createFormApp } from '../local/emulator/forms/fakes';
import fc from 'fast-check';
import { cleanName } from '../src/core/text/names';
import { cleanText } from '../src/core/text/inert';
import { editRows, typeRows } from '../local/demo/hands';
import { documentText } from '../local/emulator/docs/model';
import { submitAsParticipant } from '../local/emulator/forms/submit';
import { MEETING_FORM_TITLE } from '../src/core/questionnaires/definitions';
import type { DocumentModel } from '../local/emulator/docs/model';

const MENTEE = 'Анкета наставляемого';
const MENTOR = 'Анкета наставника';
const PREFERENCE = 'Анкета после групповой встречи';

/** Text a person could type that a spreadsheet might run or read as something else. */
const HOSTILE = [
  '=HYPERLINK("http://evil.example";"нажмите")',
  '+7 999 123-45-67',
  '-1+1',
  '@SUM(1;2)',
  '＝1+1',
  '\t=1+1',
  '=IMPORTXML("http://evil.example";"//a")',
  '\u202eвонавИ\u202c',
  'Ива\u200bнова',
  '<img src=x onerror=alert(1)>',
  '{{номер}} {{если:есть_без_пары}}',
];

/** Every cell of the workbook holding a formula, or text that typing would make one, outside a text format. */
function dangerousCells(ws: Workspace): string[] {
  const out: string[] = [];
  for (const sheet of ws.spreadsheet.sheets) {
    // Google itself writes the response sheets; the add-on's own writes there go through the same path.
    const google = !!sheet.formUrl;
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        const where = `${sheet.name}!R${r + 1}C${c + 1}`;
        if (cell.f) out.push(`${where}: formula ${cell.f}`);
        else if (!google && typeof cell.v === 'string' && /^\s*[=+\-−@＝＋－＠]/.test(cell.v) && cell.fmt !== '@') out.push(`${where}: ${cell.v}`);
        if (!google && typeof cell.v === 'string' && /[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.test(cell.v)) out.push(`${where}: invisible characters`);
        if (!google && typeof cell.v === 'string' && cell.v.length > 50000) out.push(`${where}: ${cell.v.length} characters`);
      }),
    );
  }
  return out;
}

function everything(ws: Workspace): string {
  const sheets = ws.spreadsheet.sheets.map((s) => s.rows.map((r) => r?.map((c) => (c?.v instanceof Date ? '' : (c?.v ?? '')))));
  const forms = ws.drive.byMime('application/vnd.google-apps.form').map((f) => (f.content as FormModel).responses);
  return JSON.stringify([sheets, forms, [...ws.properties.document.entries()]]);
}

/** A centre with mentors, mentees with hostile names, and everyone's consent. */
function hostileCentre() {
  const p = programme();
  const { ws, runner } = p;
  HOSTILE.forEach((text, i) =>
    submit(
      ws,
      null,
      MENTEE,
      pupil(`${text} Ученик${i}`, {
        'Какая форма наставничества вам подходит?': 'педагог – ученик',
        // A field mark in every request: the order lists requests, and must show it as typed.
        'Расскажите о своём запросе подробнее': `${text} {{номер}}`,
        'Объединение (студия, кружок), в котором вы занимаетесь или работаете': text,
        'Ваши интересы и увлечения': ['рисование и живопись', text],
        'С чем вам нужна помощь наставника?': ['подготовка к конкурсу, олимпиаде, выставке', text],
        'Телефон или e-mail для связи': i % 2 ? text : '+7 911 000-00-0' + i,
      }),
    ),
  );
  // Contest preparation counts in the child's direction: the mentors teach drawing, the children's interest.
  const competencies = ['подготовка к конкурсу, олимпиаде, выставке', 'рисование и живопись'];
  submit(ws, null, MENTOR, teacherMentor('=HYPERLINK("http://evil.example";"Жмите") Наставник', 'Изостудия «Северное сияние»', competencies, '5'));
  submit(ws, null, MENTOR, teacherMentor('+79991234567 Второй', 'Изостудия «Северное сияние»', competencies, '5'));
  consentAll(ws, runner);
  return p;
}

describe("people's text is data, never code", () => {
  test('pair work — plans, meeting links, hostile meeting reports and monitoring — leaves no formula-like cell', () => {
    const { ws, runner } = hostileCentre();
    expect((runner.call('computeMatches') as Outcome).ok).toBe(true);
    expect((runner.call('approvePairs', [{ number: '12-о/д', date: '01.10.2026' }]) as Outcome).ok).toBe(true);
    expect((runner.call('createQuestionnaires') as Outcome).ok).toBe(true);
    expect((runner.call('meetingLinks') as Outcome).ok).toBe(true);
    expect((runner.call('createDevelopmentPlans') as Outcome).ok).toBe(true);
    const pair = table(ws, SHEET.pairs).find((r) => r['Статус'] === 'утверждена')!;
    HOSTILE.forEach((text, i) =>
      submitAsParticipant(
        ws,
        MEETING_FORM_TITLE,
        {
          'Код наставника': String(pair['ID наставника']),
          'Пара или группа': String(pair['Группа'] || pair.ID),
          'Вид встречи': 'знакомство',
          'Дата встречи': '2026-10-01',
          'Длительность, минут': String(30 + i),
          Формат: 'очно',
          'Что сделали на встрече': `${text} {{номер}}`,
        },
        { timestamp: new Date(Date.UTC(2026, 9, 1, 6, i)) },
      ),
    );
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    expect(table(ws, SHEET.meetings).length).toBeGreaterThan(0);
    expect((runner.call('refreshMonitoring') as Outcome).ok).toBe(true);
    expect(dangerousCells(ws)).toEqual([]);
  });

  test('after import, matching and approval no cell of the workbook is a formula or formula-like text outside a text format', () => {
    const { ws, runner } = hostileCentre();
    expect((runner.call('computeMatches') as Outcome).ok).toBe(true);
    const approved = runner.call('approvePairs', [{ number: '12-о/д' }]) as Outcome;
    expect(approved.ok).toBe(true);
    expect(dangerousCells(ws)).toEqual([]);
    // The text is kept as typed (less the invisible characters), not mangled.
    const names = table(ws, SHEET.mentees).map((m) => String(m['ФИО']));
    expect(names).toContain('=HYPERLINK("http://evil.example";"нажмите") Ученик0');
    expect(names).toContain('+7 999 123-45-67 Ученик1');
    expect(names).toContain('Иванова Ученик8');
    const pairs = table(ws, SHEET.pairs);
    expect(pairs.some((p) => String(p['Наставник']).startsWith('=HYPERLINK'))).toBe(true);

    // The signed order recorded, the letters sent: the new sheets and columns stay inert too.
    editRows(ws, SHEET.documents, () => ({ 'Дата подписания': new Date('2026-12-01T09:00:00Z'), Номер: '12-о/д' }));
    expect((runner.call('notifyParticipants') as Outcome).ok).toBe(true);
    expect(dangerousCells(ws)).toEqual([]);
    // In the order and the letters the hostile names are plain text, and no «{{…}}» of theirs became a field.
    const order = ws.drive.byMime('application/vnd.google-apps.document').find((d) => d.name.startsWith('Приказ об утверждении'))!;
    const text = documentText(order.content as DocumentModel);
    expect(text).toContain('=HYPERLINK("http://evil.example";"Жмите") Наставник');
    expect(text).not.toMatch(/\{\{[^ ]/);
    expect(text).toContain('{ {номер} }');
    for (const m of ws.mail) expect(m.htmlBody ?? '').not.toMatch(/<(script|img|a)\b/i);
  });

  test('property: any text in a name and an answer lands inert, as typed less invisible characters', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
      fc.tuple(fc.constantFrom('=', '+', '-', '@', '＝', '\t=', ' +', '\u200b=', "'="), fc.string({ unit: 'grapheme', maxLength: 40 })).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(hostile, hostile, (name, answer) => {
        const typed = cleanName(name).name;
        fc.pre(/\p{L}/u.test(typed) && typed.length > 1);
        const { ws, runner } = programme();
        submit(ws, null, MENTEE, pupil(name, { 'Расскажите о своём запросе подробнее': answer, 'Объединение (студия, кружок), в котором вы занимаетесь или работаете': answer }));
        expect((runner.call('importResponses') as Outcome).ok).toBe(true);
        expect(dangerousCells(ws)).toEqual([]);
        const [person] = table(ws, SHEET.mentees);
        expect(person['ФИО']).toBe(typed);
        expect(person['Запрос']).toBe(cleanText(answer).trim());
      }),
      { numRuns: 12 },
    );
  });

  test('a 60,000-character answer never exceeds a cell', () => {
    const { ws, runner } = programme();
    submit(ws, null, MENTEE, pupil('Длинный Ответ Иванович', { 'Расскажите о своём запросе подробнее': 'я'.repeat(60000) }));
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    expect(dangerousCells(ws)).toEqual([]);
  });
});

describe('a withdrawal of consent reaches every place that can name the person', () => {
  function pairedCentre() {
    const p = programme();
    const { ws, runner } = p;
    submit(ws, null, MENTEE, pupil('Петрова Ника Ивановна', { 'Какая форма наставничества вам подходит?': 'педагог – ученик' }));
    submit(ws, null, MENTEE, pupil('Орлов Глеб Игоревич', { 'Какая форма наставничества вам подходит?': 'педагог – ученик' }));
    submit(ws, null, MENTOR, teacherMentor('Белова Ирина Сергеевна', 'Изостудия «Северное сияние»', ['подготовка к конкурсу, олимпиаде, выставке'], '3'));
    // Glеб resubmits: «Журнал» gets a row about him; his answer names Ника as a friend.
    submit(
      ws,
      null,
      MENTEE,
      pupil('Орлов Глеб Игоревич', { 'Какая форма наставничества вам подходит?': 'педагог – ученик', 'Расскажите о своём запросе подробнее': 'Хочу заниматься вместе с Петрова Ника' }),
    );
    consentAll(ws, runner);
    // The curator corrected a form of the girl's name for the documents.
    typeRows(ws, SHEET.nameForms, [{ 'ФИО (как в базе)': 'Петрова Ника Ивановна', Падеж: 'родительный', 'Правильная форма': 'Петровой Ники Ивановны' }]);
    // Post-meeting answers: the mentor names the girl.
    submit(ws, null, PREFERENCE, {
      'Вы участвовали во встрече как': 'наставник',
      'Ваши фамилия, имя, отчество': 'Белова Ирина Сергеевна',
      '1-й выбор: с кем вы хотели бы работать в паре?': 'Петрова Ника',
      'Ваши впечатления от встречи': 'Ника Петрова очень старалась',
    });
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    expect((runner.call('computeMatches') as Outcome).ok).toBe(true);
    expect((runner.call('approvePairs', [{ number: '7' }]) as Outcome).ok).toBe(true);
    return p;
  }

  function withdraw(ws: Workspace, name: string) {
    look(ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.consents)!;
      const rows = sheet.getDataRange().getValues();
      const header = rows[0].map(String);
      const row = rows.findIndex((r) => r[header.indexOf('ФИО участника')] === name);
      sheet.getRange(row + 1, header.indexOf('Дата отзыва') + 1).setValue(new Date('2026-11-01T09:00:00Z'));
    });
  }

  test("bases, pairs, the mentor's cell, others' answers, «Журнал», remarks, response sheets and the Form's own store", () => {
    const { ws, runner } = pairedCentre();
    expect(everything(ws)).toContain('Петрова Ника');
    withdraw(ws, 'Петрова Ника Ивановна');
    const result = runner.call('importResponses') as Outcome;
    expect(result.ok).toBe(true);
    const text = everything(ws);
    for (const mention of ['Петрова Ника', 'Ника Петрова', 'Петрова Ника Ивановна', 'Петровой Ники']) expect(text.includes(mention) ? mention : '').toBe('');
    const mentor = table(ws, SHEET.mentors).find((m) => m['ФИО'] === 'Белова Ирина Сергеевна')!;
    expect(String(mentor['Наставляемые'])).toMatch(/Обезличено \(НЯ-\d{4}\)/);
    // Nothing else was lost: the other pupil and his answers stay.
    expect(table(ws, SHEET.mentees).some((m) => m['ФИО'] === 'Орлов Глеб Игоревич')).toBe(true);
    expect((runner.call('importResponses') as Outcome).message).toBe('Новых ответов нет, базы не изменены.');
  });

  test('re-linking the form brings back nothing the withdrawal removed', () => {
    const { ws, runner } = pairedCentre();
    withdraw(ws, 'Петрова Ника Ивановна');
    runner.call('importResponses');
    // The curator unlinks the mentee form and links it again: Google copies the stored responses to a new tab.
    const form = ws.drive.byMime('application/vnd.google-apps.form').find((f) => f.name === MENTEE)!;
    look(ws, () => {
      const f = FormAppFor(ws, form.id);
      f.removeDestination();
      f.setDestination('SPREADSHEET' as unknown as GoogleAppsScript.Forms.DestinationType, ws.spreadsheet.id);
    });
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    expect(everything(ws).includes('Петрова Ника')).toBe(false);
  });
});

/** The test's own FormApp, uncounted (what the curator does in the Forms editor). */
function FormAppFor(ws: Workspace, id: string): GoogleAppsScript.Forms.Form {
  return createFormApp(ws).openById(id);
}

describe('a curator typing while an import runs', () => {
  test('keeps her edit: the import writes only what it changed', () => {
    const { ws, runner } = programme();
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна'));
    runner.call('importResponses');
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна', { 'Удобный формат встреч': 'дистанционно' }));
    submit(ws, null, MENTEE, pupil('Орлов Глеб Игоревич'));
    // Once the import has read the bases, the curator types a note into Алиса's row.
    let typed = false;
    ws.calls.observer = (name) => {
      if (typed || name !== 'Sheet.getFormUrl') return;
      typed = true;
      ws.calls.untracked(() =>
        look(ws, (ss) => {
          const sheet = ss.getSheetByName(SHEET.mentees)!;
          const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
          sheet.getRange(2, header.indexOf('Комментарий куратора') + 1).setValue('звонила маме 5.10');
          sheet.getRange(2, header.indexOf('Статус') + 1).setValue('без пары');
        }),
      );
    };
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    ws.calls.observer = null;
    const alisa = table(ws, SHEET.mentees).find((m) => m['ФИО'] === 'Смирнова Алиса Андреевна')!;
    expect(alisa['Комментарий куратора']).toBe('звонила маме 5.10');
    expect(alisa['Статус']).toBe('без пары');
    expect(alisa['Формат встреч']).toBe('дистанционно');
    expect(table(ws, SHEET.mentees)).toHaveLength(2);
  });
});

describe('response sheets the curator changed', () => {
  function renameHeader(ws: Workspace, from: string, to: string | null) {
    look(ws, (ss) => {
      const sheet = ss.getSheets().find(
        (s) =>
          s.getLastRow() > 1 &&
          s
            .getRange(1, 1, 1, s.getLastColumn() || 1)
            .getValues()[0]
            .includes(from),
      )!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
      if (to === null) sheet.deleteColumn(header.indexOf(from) + 1);
      else sheet.getRange(1, header.indexOf(from) + 1).setValue(to);
    });
  }

  test('a renamed or deleted name column stops those responses with a message; nobody named «undefined»; fixed, they import', () => {
    const { ws, runner } = programme();
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна'));
    submit(ws, null, MENTEE, pupil('Орлов Глеб Игоревич'));
    renameHeader(ws, 'Фамилия, имя, отчество', 'ФИО ребёнка');
    const result = runner.call('importResponses') as Outcome;
    expect(result.ok).toBe(true);
    expect(result.message).toContain('не импортированы');
    expect(table(ws, SHEET.mentees)).toHaveLength(0);
    renameHeader(ws, 'ФИО ребёнка', 'Фамилия, имя, отчество');
    runner.call('importResponses');
    expect(
      table(ws, SHEET.mentees)
        .map((m) => m['ФИО'])
        .sort(),
    ).toEqual(['Орлов Глеб Игоревич', 'Смирнова Алиса Андреевна']);
    expect(everything(ws)).not.toContain('undefined');
  });

  test('a deleted header row stops the sheet; a deleted response sheet is said', () => {
    const { ws, runner } = programme();
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна'));
    submit(ws, null, MENTEE, pupil('Орлов Глеб Игоревич'));
    look(ws, (ss) =>
      ss
        .getSheets()
        .find((s) => s.getFormUrl() && s.getLastRow() > 1)!
        .deleteRow(1),
    );
    const damaged = runner.call('importResponses') as Outcome;
    expect(damaged.message).toContain('нет строки заголовков');
    expect(table(ws, SHEET.mentees)).toHaveLength(0);
    look(ws, (ss) => ss.deleteSheet(ss.getSheets().find((s) => s.getFormUrl() && s.getLastRow() > 0 && s.getRange(1, 1).getValue() !== 'Отметка времени' && s.getLastRow() === 2)!));
    const missing = runner.call('importResponses') as Outcome;
    expect(missing.message).toContain('не найден');
  });

  test('names with invisible characters or Latin look-alikes are one person; namesakes of another class are not merged', () => {
    const { ws, runner } = programme();
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна'));
    submit(ws, null, MENTEE, pupil('Смирнова\u200b Алиса Андреевна'));
    submit(ws, null, MENTEE, pupil('Cмирнова Алиса Андреевна')); // a Latin «C»
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна', { 'Класс (для обучающихся)': '3Б', 'Телефон или e-mail для связи': '+7 911 555-55-55' }));
    runner.call('importResponses');
    const rows = table(ws, SHEET.mentees);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r['ФИО'] === 'Смирнова Алиса Андреевна')).toBe(true);
    const remarks = table(ws, SHEET.importErrors).map((e) => String(e['Причина']));
    expect(remarks.some((r) => r.includes('латинские'))).toBe(true);
    expect(remarks.some((r) => r.includes('с таким же ФИО'))).toBe(true);
  });
});

describe('locks and alerts as real Google behaves', () => {
  test('a failure is shown only after the lock is released, in Russian, and logged', () => {
    const { ws, runner } = programme();
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна'));
    ws.calls.failOn('Range.setValues', { message: 'Service Spreadsheets failed while accessing document with id 1abc.' });
    const failed = runner.call('importResponses') as Outcome;
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(/^Не удалось выполнить действие «Импорт ответов анкет»: служба Google временно не ответила/);
    expect(failed.message).not.toMatch(/Service|Spreadsheets|failed/);
    expect(ws.ui.some((e) => e.kind === 'alert')).toBe(true);
    expect(ws.alertsUnderLock).toBe(0);
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    expect(table(ws, SHEET.mentees)).toHaveLength(1);
  });

  test('without a document lock (Google may give none) the script lock keeps operations apart', () => {
    const { ws, runner } = programme();
    ws.documentLockUnavailable = true;
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна'));
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    ws.heldLocks.add('script');
    const busy = runner.call('importResponses') as Outcome;
    expect(busy.ok).toBe(false);
    expect(busy.message).toContain('другая операция');
    expect(ws.alertsUnderLock).toBe(0);
  });

  test('a hidden e-mail address still leaves a «Журнал» row', () => {
    const { ws, runner } = programme();
    ws.activeUserEmailHidden = true;
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна'));
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    const last = table(ws, SHEET.log).pop()!;
    expect(last['Пользователь']).toBe('');
    expect(String(last['Подробности'])).toContain('Новых ответов: 1');
  });
});

describe('a large centre', () => {
  test('5,000 responses import in one run (the write path holds at scale)', () => {
    const ws = new Workspace({ seed: 'large' });
    ws.now = () => new Date('2026-10-01T07:00:00Z');
    const runner = startRunner(ws, readBuild());
    const op = OPERATIONS.find((o) => o.name.startsWith('importResponses (all'))!;
    op.prepare(ws, runner, 5000);
    const result = op.run(runner) as Outcome;
    expect([result.ok, result.message.slice(0, 40)]).toEqual([true, 'Новых ответов: 5000 (наставляемые: 5000,']);
    expect(table(ws, SHEET.mentees)).toHaveLength(5000);
    expect(dangerousCells(ws)).toEqual([]);
  });
});

describe('the sidebar and its menu item', () => {
  test('matching and approval started from the sidebar never raise an alert; the sidebar menu item fails in Russian', () => {
    const { ws, runner } = programme();
    ws.calls.failOn('Range.getValues', { after: 3, message: 'Service Spreadsheets timed out while accessing document with id 1abc.' });
    const matched = runner.call('computeMatches', [{ mode: 'optimal', sidebar: true }]) as Outcome;
    expect(matched.ok).toBe(false);
    expect(matched.message).toMatch(/^Не удалось выполнить действие «Подбор пар»/);
    ws.calls.clearFaults();
    const approved = runner.call('approvePairs', [{ number: '5', sidebar: true }]) as Outcome;
    expect(approved.ok).toBe(false);
    expect(ws.ui.filter((e) => e.kind === 'alert')).toEqual([]);
    ws.calls.failOn('HtmlService.createHtmlOutputFromFile', { message: 'Exception: No HTML file named Matching was found.' });
    runner.call('showMatchingSidebar');
    const alert = ws.ui.find((e) => e.kind === 'alert') as { text?: string; title?: string } | undefined;
    expect(JSON.stringify(alert)).toMatch(/не найдены|служба Google/);
    expect(JSON.stringify(alert)).not.toMatch(/Exception|HTML file/);
  });
});

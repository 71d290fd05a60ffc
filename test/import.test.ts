import { SHEET } from '../src/core/workbook/sheets';
import { freshAddon, look } from './helpers/addon';
import { Outcome, partnerMentor, programme, pupil, submit, table, teacherMentee } from './helpers/programme';
import { Workspace } from '../local/emulator/workspace';
import { DIAGNOSTICS_FORMS, FEEDBACK_FORM_TITLE } from '../src/core/questionnaires/monitoring-forms';
import { MAY_SURVEY, SWOT_QUESTIONNAIRE } from '../src/core/monitoring/items';

/** The monitoring questionnaires made with the intake ones. */
const MONITORING_TITLES = [FEEDBACK_FORM_TITLE, ...DIAGNOSTICS_FORMS.map((d) => d.title), MAY_SURVEY.title, SWOT_QUESTIONNAIRE.title];

const MENTEE = 'Анкета наставляемого';
const MENTOR = 'Анкета наставника';
const THIRD = 'Запрос на наставника для обучающегося';
const PREFERENCE = 'Анкета после групповой встречи';
const DIRECTION = 'Если нужна помощь с конкурсом, проектом или объединением — по какому направлению?';

function formulasIn(ws: Workspace): string[] {
  const out: string[] = [];
  for (const sheet of ws.spreadsheet.sheets) sheet.rows.forEach((row, r) => row?.forEach((c, i) => c?.f && out.push(`${sheet.name}!R${r + 1}C${i + 1}: ${c.f}`)));
  return out;
}

function snapshot(ws: Workspace, skip: string[] = [SHEET.log]): string {
  return JSON.stringify(
    ws.spreadsheet.sheets.filter((s) => !skip.includes(s.name)).map((s) => [s.name, s.rows.map((r) => r?.map((c) => (c ? [c.v instanceof Date ? c.v.toISOString() : c.v, c.f ?? ''] : null)))]),
  );
}

describe('createQuestionnaires', () => {
  test('creates every form, published and linked, and shows the links; a second run creates nothing', () => {
    const { ws, runner, created } = programme();
    expect(created.ok).toBe(true);
    const forms = ws.drive.byMime('application/vnd.google-apps.form');
    const all = [THIRD, MENTEE, MENTOR, PREFERENCE, 'Отчёт о встрече наставника', ...MONITORING_TITLES];
    expect(forms.map((f) => f.name).sort()).toEqual(all.sort());
    for (const f of forms) expect((f.content as { published: boolean }).published).toBe(true);
    expect(ws.spreadsheet.sheets.filter((s) => s.formUrl).length).toBe(all.length);
    const stored = JSON.parse(ws.properties.document.get('questionnaires')!);
    expect(stored.mentee).toMatchObject({ url: expect.stringContaining('/viewform'), editUrl: expect.stringContaining('/edit'), sheet: expect.stringMatching(/^Ответы на форму/) });
    const dialog = ws.ui.find((e) => e.kind === 'dialog')!;
    expect(dialog.html).toContain('/viewform');
    const again = runner.call('createQuestionnaires') as Outcome;
    expect(again.message).toContain('ничего не изменено');
    expect(ws.drive.byMime('application/vnd.google-apps.form')).toHaveLength(all.length);
    expect(ws.spreadsheet.sheets.filter((s) => s.formUrl).length).toBe(all.length);
  });

  test('a form deleted by hand is made again; a question deleted by hand is restored', () => {
    const { ws, runner } = programme();
    const mentor = ws.drive.byMime('application/vnd.google-apps.form').find((f) => f.name === MENTOR)!;
    ws.drive.entries.delete(mentor.id);
    const mentee = ws.drive.byMime('application/vnd.google-apps.form').find((f) => f.name === MENTEE)!;
    const model = mentee.content as { items: Array<{ title: string }> };
    model.items = model.items.filter((i) => i.title !== 'Удобный формат встреч');
    const result = runner.call('createQuestionnaires') as Outcome;
    expect(result.message).toContain('создано: 1');
    expect(result.message).toContain('восстановлено: 1');
    expect(model.items.map((i) => i.title)).toContain('Удобный формат встреч');
  });
});

describe('importResponses', () => {
  function stage2() {
    const p = programme();
    const { ws } = p;
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна'));
    submit(
      ws,
      null,
      MENTEE,
      pupil('Орлов Глеб Игоревич', {
        'Расскажите о своём запросе подробнее': '=HYPERLINK("http://evil.example","нажми")',
        'Телефон или e-mail для связи': '+7 999 123-45-67',
        'Ваши интересы и увлечения': ['анимация', '-, <img src=x onerror=alert(1)>'],
        'Объединение (студия, кружок), в котором вы занимаетесь или работаете': '@admin',
      }),
    );
    submit(ws, null, MENTEE, pupil('Петров Иван Олегович', { 'Класс (для обучающихся)': '12А' }));
    submit(ws, null, MENTEE, teacherMentee('Волкова Анна Павловна', '40'));
    submit(ws, null, MENTEE, pupil('Кузнецова Мария Ильинична', { 'Расскажите о своём запросе подробнее': 'я'.repeat(50000) }));
    submit(ws, null, MENTOR, partnerMentor('Соколов Павел Андреевич', 'ООО «Полярный IT-парк»'));
    submit(ws, null, THIRD, {
      'Кто вы?': 'классный руководитель',
      'Ваши фамилия, имя, отчество': 'Егорова Ольга Викторовна',
      'Фамилия, имя, отчество обучающегося': 'Смирнова  Алиса Андреевна',
      'Какая поддержка нужна?': ['уверенность в себе, выступления'],
      'Ваш телефон или e-mail для связи': 'egorova@school.ru',
    });
    submit(ws, null, THIRD, {
      'Кто вы?': 'педагог-психолог',
      'Ваши фамилия, имя, отчество': 'Лебедева Нина Сергеевна',
      'Фамилия, имя, отчество обучающегося': 'Морозов Лев Кириллович',
      'Класс обучающегося': '5',
      'Какая поддержка нужна?': ['общение и работа в команде'],
      'Ваш телефон или e-mail для связи': 'psy@school.ru',
    });
    // The pupil answers again a day later: the latest answer wins.
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна', { 'Расскажите о своём запросе подробнее': 'Хочу научиться анимации' }));
    return p;
  }

  test('every person once, nothing a formula, hostile text kept as typed, problems listed in Russian', () => {
    const { ws, runner } = stage2();
    const result = runner.call('importResponses') as Outcome;
    expect(result.ok).toBe(true);
    const mentees = table(ws, SHEET.mentees);
    const names = mentees.map((m) => m['ФИО']);
    expect(names.sort()).toEqual(['Волкова Анна Павловна', 'Кузнецова Мария Ильинична', 'Морозов Лев Кириллович', 'Орлов Глеб Игоревич', 'Петров Иван Олегович', 'Смирнова Алиса Андреевна'].sort());
    expect(new Set(mentees.map((m) => m.ID)).size).toBe(6);
    expect(formulasIn(ws)).toEqual([]);
    const orlov = mentees.find((m) => m['ФИО'] === 'Орлов Глеб Игоревич')!;
    expect(orlov['Запрос']).toBe('=HYPERLINK("http://evil.example","нажми")');
    expect(orlov['Контакт (для несовершеннолетних — родителя)']).toBe('+7 999 123-45-67');
    expect(orlov['Интересы']).toBe('анимация, -, <img src=x onerror=alert(1)>');
    expect(orlov['Объединение']).toBe('@admin');
    const alisa = mentees.find((m) => m['ФИО'] === 'Смирнова Алиса Андреевна')!;
    expect(alisa['Запрос']).toBe('Хочу научиться анимации');
    expect(String(alisa['Сведения от третьих лиц'])).toContain('классный руководитель Егорова Ольга Викторовна');
    expect(alisa['Удобное время']).toBe('пн после 15:00, ср 12:00–15:00, ср после 15:00');
    expect(mentees.find((m) => m['ФИО'] === 'Петров Иван Олегович')!['Класс / год обучения']).toBe('');
    expect(String(mentees.find((m) => m['ФИО'] === 'Кузнецова Мария Ильинична')!['Запрос'])).toHaveLength(2000);
    const errors = table(ws, SHEET.importErrors).map((e) => `${String(e['Поле'])}: ${String(e['Причина'])}`);
    expect(errors.some((e) => e.includes('класс «12А» не распознан'))).toBe(true);
    expect(errors.some((e) => e.includes('стаж 40 лет'))).toBe(true);
    expect(errors.some((e) => e.includes('ответ длиной 50000 символов'))).toBe(true);
    expect(table(ws, SHEET.partners).map((p) => p['Организация'])).toEqual(['ООО «Полярный IT-парк»']);
    const mentors = table(ws, SHEET.mentors);
    expect(mentors).toHaveLength(1);
    expect(mentors[0]['Категория']).toBe('сотрудник партнёра');
    // «Журнал» says which fields a resubmission changed, never the answers (it outlives a withdrawal).
    const resubmitted = table(ws, SHEET.log)
      .filter((l) => l['Действие'] === 'Повторная анкета')
      .map((l) => String(l['Подробности']));
    expect(resubmitted.some((d) => /^НЯ-\d{4}: по новой анкете обновлены поля: .*Запрос/.test(d))).toBe(true);
    expect(resubmitted.some((d) => d.includes('анимации') || d.includes('Смирнова'))).toBe(false);
  });

  test("a second import changes nothing; the curator's own column stays aligned", () => {
    const { ws, runner } = stage2();
    runner.call('importResponses');
    look(ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.mentees)!;
      const width = sheet.getLastColumn();
      if (sheet.getMaxColumns() <= width) sheet.insertColumnAfter(width);
      const names = sheet.getRange(2, 2, sheet.getLastRow() - 1, 1).getValues();
      sheet.getRange(1, width + 1, names.length + 1, 1).setValues([['Моя пометка'], ...names.map(([n]) => [`про ${n}`])]);
      const responses = ss.getSheets().find((s) => s.getFormUrl())!;
      if (responses.getMaxColumns() <= responses.getLastColumn()) responses.insertColumnAfter(responses.getLastColumn());
      responses.getRange(1, responses.getLastColumn() + 1).setValue('Комментарий куратора');
    });
    const before = snapshot(ws);
    const second = runner.call('importResponses') as Outcome;
    expect(second.message).toBe('Новых ответов нет, базы не изменены.');
    expect(snapshot(ws)).toBe(before);
    // A new answer after the curator's column was added lands aligned.
    submit(ws, null, MENTEE, pupil('Новикова Дарья Олеговна'));
    runner.call('importResponses');
    for (const m of table(ws, SHEET.mentees)) if (m['Моя пометка']) expect(m['Моя пометка']).toBe(`про ${String(m['ФИО'])}`);
    expect(table(ws, SHEET.mentees).find((m) => m['ФИО'] === 'Новикова Дарья Олеговна')!['Моя пометка']).toBe('');
  });

  test('an edit by the curator survives a resubmission and is reported', () => {
    const { ws, runner } = programme();
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна'));
    runner.call('importResponses');
    look(ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.mentees)!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
      sheet.getRange(2, header.indexOf('Объединение') + 1).setValue('Студия анимации «Кадр за кадром»');
    });
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна', { 'Удобный формат встреч': 'дистанционно' }));
    runner.call('importResponses');
    const [alisa] = table(ws, SHEET.mentees);
    expect(alisa['Объединение']).toBe('Студия анимации «Кадр за кадром»');
    expect(alisa['Формат встреч']).toBe('дистанционно');
    expect(table(ws, SHEET.importErrors).some((e) => String(e['Причина']).includes('изменено куратором вручную'))).toBe(true);
  });

  test('a deleted response column is reported and every other answer still imports', () => {
    const { ws, runner } = programme();
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна'));
    look(ws, (ss) => {
      const sheet = ss.getSheets().find((s) =>
        s
          .getRange(1, 1, 1, s.getLastColumn() || 1)
          .getValues()[0]
          .includes('Удобный формат встреч'),
      )!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
      sheet.deleteColumn(header.indexOf('Удобный формат встреч') + 1);
    });
    const result = runner.call('importResponses') as Outcome;
    expect(result.ok).toBe(true);
    expect(table(ws, SHEET.mentees)[0]['ФИО']).toBe('Смирнова Алиса Андреевна');
    expect(table(ws, SHEET.importErrors).some((e) => e['Поле'] === 'Удобный формат встреч' && String(e['Причина']).includes('нет столбца'))).toBe(true);
  });

  test('a failure midway leaves a state the next import completes without duplicates', () => {
    const { ws, runner } = stage2();
    ws.calls.failOn('Range.setValues', { after: 2, message: 'Service Spreadsheets failed while accessing document' });
    const failed = runner.call('importResponses') as Outcome;
    expect(failed.ok).toBe(false);
    const done = runner.call('importResponses') as Outcome;
    expect(done.ok).toBe(true);
    const names = table(ws, SHEET.mentees).map((m) => m['ФИО']);
    expect(names.length).toBe(new Set(names).size);
    expect(names).toHaveLength(6);
    const third = runner.call('importResponses') as Outcome;
    expect(third.message).toBe('Новых ответов нет, базы не изменены.');
  });

  test('an import while another holds the lock writes nothing', () => {
    const { ws, runner } = stage2();
    ws.heldLocks.add('document');
    const result = runner.call('importResponses') as Outcome;
    expect(result.ok).toBe(false);
    expect(table(ws, SHEET.mentees)).toHaveLength(0);
  });
});

describe('the form-submit trigger', () => {
  test('is installed once however often it is asked for, and imports each response as it arrives', () => {
    const { ws, runner } = programme();
    runner.call('enableAutoImport');
    const second = runner.call('enableAutoImport') as Outcome;
    expect(second.message).toContain('уже был включён');
    expect(ws.triggers.filter((t) => t.eventType === 'ON_FORM_SUBMIT')).toHaveLength(1);
    submit(ws, runner, MENTEE, pupil('Смирнова Алиса Андреевна'));
    expect(table(ws, SHEET.mentees).map((m) => m['ФИО'])).toEqual(['Смирнова Алиса Андреевна']);
    expect(ws.ui.filter((e) => e.kind === 'alert')).toHaveLength(0);
    const manual = runner.call('importResponses') as Outcome;
    expect(manual.message).toBe('Новых ответов нет, базы не изменены.');
  });
});

describe('consents', () => {
  test("a parent-signed consent is valid, a child's own signature is not, a withdrawal anonymises everywhere", () => {
    const { ws, runner } = programme();
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна'));
    submit(ws, null, MENTEE, pupil('Орлов Глеб Игоревич'));
    submit(ws, null, MENTEE, pupil('Петрова Ника Ивановна', { [DIRECTION]: 'танцы' }));
    runner.call('importResponses');
    expect(table(ws, SHEET.mentees).find((m) => m['ФИО'] === 'Петрова Ника Ивановна')!['Направление (конкурс, проект)']).toBe('танцы');
    const ids = Object.fromEntries(table(ws, SHEET.mentees).map((m) => [m['ФИО'], m.ID]));
    const signed = new Date('2026-10-03T09:00:00Z');
    look(ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.consents)!;
      sheet.getRange(2, 1, 3, 9).setValues([
        ['СГ-0001', ids['Смирнова Алиса Андреевна'], 'Смирнова Алиса Андреевна', 'родитель', 'Смирнов Андрей Петрович', signed, 'да', 'нет', ''],
        ['СГ-0002', ids['Орлов Глеб Игоревич'], 'Орлов Глеб Игоревич', 'участник', 'Орлов Глеб Игоревич', signed, 'да', 'да', ''],
        ['СГ-0003', ids['Петрова Ника Ивановна'], 'Петрова Ника Ивановна', 'родитель', 'Петров Иван Ильич', signed, 'да', 'да', new Date('2026-10-20T09:00:00Z')],
      ]);
    });
    runner.call('importResponses');
    const byId = Object.fromEntries(table(ws, SHEET.mentees).map((m) => [m.ID, m]));
    expect(byId[ids['Смирнова Алиса Андреевна'] as string]['Согласие']).toBe('есть, без публикации');
    expect(byId[ids['Орлов Глеб Игоревич'] as string]['Согласие']).toBe('нужна подпись родителя');
    const nika = byId[ids['Петрова Ника Ивановна'] as string];
    expect(nika['ФИО']).toBe(`Обезличено (${ids['Петрова Ника Ивановна']})`);
    expect(nika['Запрос']).toBe('');
    expect(nika['Направление (конкурс, проект)']).toBe('');
    expect(nika['Согласие']).toBe('отозвано');
    const everything = JSON.stringify(ws.spreadsheet.sheets.filter((s) => s.name !== SHEET.log).map((s) => s.rows.map((r) => r?.map((c) => c?.v))));
    expect(everything).not.toContain('Петрова Ника');
    expect(everything).not.toContain('Петров Иван Ильич');
    expect(table(ws, SHEET.log).some((l) => String(l['Подробности']).includes('обезличены'))).toBe(true);
    const errorsBefore = table(ws, SHEET.importErrors).length;
    expect((runner.call('importResponses') as Outcome).message).toBe('Новых ответов нет, базы не изменены.');
    expect(table(ws, SHEET.importErrors)).toHaveLength(errorsBefore);
  });
});

describe('a form the curator made by hand', () => {
  test('is imported once its response sheet is mapped on «Сопоставление анкет»', () => {
    const { ws, runner } = programme();
    look(ws, (ss) => {
      const sheet = ss.insertSheet('Ответы (своя форма)');
      sheet.getRange(1, 1, 3, 6).setValues([
        ['Отметка времени', 'Вы', 'Ваше ФИО', 'Студия', 'Чем помочь?', 'Телефон'],
        [new Date('2026-09-20T10:00:00Z'), 'обучающийся', 'Фомина Вера Ильинична', 'Фотостудия', 'выбор профессии', '+7 911 222-33-44'],
        [new Date('2026-09-20T11:00:00Z'), 'обучающийся', '', 'Фотостудия', 'выбор профессии', '+7 911 222-33-45'],
      ]);
      const map = ss.getSheetByName(SHEET.formMapping)!;
      map.getRange(2, 1, 5, 4).setValues([
        ['Ответы (своя форма)', 'Анкета наставляемого', 'Вы', 'Кто вы?'],
        ['Ответы (своя форма)', 'Анкета наставляемого', 'Ваше ФИО', 'Фамилия, имя, отчество'],
        ['Ответы (своя форма)', 'Анкета наставляемого', 'Студия', 'Объединение (студия, кружок), в котором вы занимаетесь или работаете'],
        ['Ответы (своя форма)', 'Анкета наставляемого', 'Чем помочь?', 'С чем вам нужна помощь наставника?'],
        ['Ответы (своя форма)', 'Анкета наставляемого', 'Телефон', 'Телефон или e-mail для связи'],
      ]);
    });
    const result = runner.call('importResponses') as Outcome;
    expect(result.ok).toBe(true);
    const [vera] = table(ws, SHEET.mentees);
    expect(vera).toMatchObject({ ФИО: 'Фомина Вера Ильинична', Объединение: 'Фотостудия', 'Темы запроса': 'выбор профессии' });
    const errors = table(ws, SHEET.importErrors);
    expect(errors.some((e) => e['Источник'] === 'Анкета наставляемого («Ответы (своя форма)»)' && e['Строка'] === 3 && String(e['Причина']).includes('ответ не импортирован'))).toBe(true);
    expect(errors.some((e) => e['Поле'] === 'Удобный формат встреч')).toBe(true);
    expect((runner.call('importResponses') as Outcome).message).toBe('Новых ответов нет, базы не изменены.');
  });
});

describe('the pseudonymous mode', () => {
  test('forms ask for the code the curator issued, never a name, and the base keeps the code', () => {
    const { ws, runner } = freshAddonWithSetup();
    look(ws, (ss) => {
      const settings = ss.getSheetByName(SHEET.settings)!;
      const labels = settings
        .getRange(1, 1, settings.getLastRow(), 1)
        .getValues()
        .map((r) => r[0]);
      settings.getRange(labels.indexOf('Псевдонимный режим (коды вместо ФИО)') + 1, 2).setValue('да');
    });
    runner.call('createQuestionnaires');
    const mentee = ws.drive.byMime('application/vnd.google-apps.form').find((f) => f.name === MENTEE)!;
    const titles = (mentee.content as { items: Array<{ title: string }> }).items.map((i) => i.title);
    expect(titles).toContain('Код участника (выдаёт куратор)');
    expect(titles).not.toContain('Фамилия, имя, отчество');
    const answers = pupil('x');
    delete answers['Фамилия, имя, отчество'];
    submit(ws, null, MENTEE, { ...answers, 'Код участника (выдаёт куратор)': 'У-017' });
    runner.call('importResponses');
    expect(table(ws, SHEET.mentees).map((m) => m['ФИО'])).toEqual(['У-017']);
  });
});

function freshAddonWithSetup() {
  const { ws, runner } = freshAddon();
  runner.call('setupWorkbook');
  return { ws, runner };
}

describe('the trigger when another operation is running', () => {
  test('writes nothing meanwhile; the operation holding the lock imports the response before letting go', () => {
    const { ws, runner } = programme();
    runner.call('enableAutoImport');
    ws.heldLocks.add('document');
    submit(ws, runner, MENTEE, pupil('Смирнова Алиса Андреевна'));
    expect(table(ws, SHEET.mentees)).toHaveLength(0);
    const logBefore = table(ws, SHEET.log).length;
    expect(logBefore).toBeGreaterThan(0);
    ws.heldLocks.clear();
    // Not the import: any operation that takes the lock next finishes the handed-over work.
    const other = runner.call('setupWorkbook') as Outcome;
    expect(other.ok).toBe(true);
    expect(table(ws, SHEET.mentees).map((m) => m['ФИО'])).toEqual(['Смирнова Алиса Андреевна']);
    expect(ws.properties.document.get('pendingCatchUp') ?? null).toBeNull();
    const again = runner.call('importResponses') as Outcome;
    expect(again.message).toBe('Новых ответов нет, базы не изменены.');
  });
});

const thirdParty = (child: string, topics: string[], extra: Record<string, string> = {}) => ({
  'Кто вы?': 'педагог-психолог',
  'Ваши фамилия, имя, отчество': 'Лебедева Нина Сергеевна',
  'Фамилия, имя, отчество обучающегося': child,
  'Класс обучающегося': '7',
  'Какая поддержка нужна?': topics,
  'Ваш телефон или e-mail для связи': 'psy@school.ru',
  ...extra,
});

const pupilMentor = (name: string, age: string) => ({
  'Кто вы?': 'обучающийся',
  'Фамилия, имя, отчество': name,
  'Класс (для обучающихся)': '11',
  'Возраст, полных лет (для обучающихся)': age,
  'В чём вы можете помочь наставляемому?': ['трудности в учёбе'],
  'В каких формах наставничества вы готовы участвовать?': ['ученик – ученик'],
  'Скольких наставляемых вы готовы сопровождать?': '1',
  'Удобный формат встреч': 'очно',
  'Готовы ли вы пройти обучение в «Школе наставников»?': 'готов (готова) пройти',
  'Телефон или e-mail для связи': '+7 911 000-00-09',
});

describe('third-party requests and the field of a request', () => {
  test("a request's topics join the child's «Темы запроса от третьих лиц», each once; its field fills an empty «Направление»", () => {
    const { ws, runner } = programme();
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна', { 'Класс (для обучающихся)': '7', 'С чем вам нужна помощь наставника?': ['выбор профессии'] }));
    submit(ws, null, THIRD, thirdParty('Смирнова Алиса Андреевна', ['подготовка к конкурсу, олимпиаде, выставке', 'уверенность в себе, выступления'], { 'По какому направлению?': 'музыка и вокал' }));
    runner.call('importResponses');
    // A second request later: one topic again, one new, another field (the first one stays).
    submit(
      ws,
      null,
      THIRD,
      thirdParty('Смирнова Алиса Андреевна', ['уверенность в себе, выступления', 'общение и работа в команде'], { 'Кто вы?': 'классный руководитель', 'По какому направлению?': 'театр' }),
    );
    runner.call('importResponses');
    const [alisa] = table(ws, SHEET.mentees);
    expect(alisa['Темы запроса']).toBe('выбор профессии');
    expect(alisa['Темы запроса от третьих лиц']).toBe('подготовка к конкурсу, олимпиаде, выставке, уверенность в себе, выступления, общение и работа в команде');
    expect(alisa['Направление (конкурс, проект)']).toBe('музыка и вокал');
    expect(alisa['Источник сведений']).toBe('анкета наставляемого, педагог-психолог, классный руководитель');
    const before = JSON.stringify(table(ws, SHEET.mentees));
    expect((runner.call('importResponses') as Outcome).message).toBe('Новых ответов нет, базы не изменены.');
    expect(JSON.stringify(table(ws, SHEET.mentees))).toBe(before);
  });

  test("a child known only from a request keeps their own «Темы запроса» empty; the child's own form later fills them and the field, without a false «edited by hand»", () => {
    const { ws, runner } = programme();
    submit(
      ws,
      null,
      THIRD,
      thirdParty('Морозов Лев Кириллович', ['трудности в учёбе'], {
        'Объединение обучающегося': 'Вокальная студия',
        'По какому направлению?': 'музыка и вокал',
        'Какая форма наставничества, на ваш взгляд, подойдёт?': 'не знаю, помогите выбрать',
      }),
    );
    runner.call('importResponses');
    let [lev] = table(ws, SHEET.mentees);
    expect(lev).toMatchObject({
      'Темы запроса': '',
      'Темы запроса от третьих лиц': 'трудности в учёбе',
      'Направление (конкурс, проект)': 'музыка и вокал',
      'Желаемая форма': '',
      Объединение: 'Вокальная студия',
    });
    submit(
      ws,
      null,
      MENTEE,
      pupil('Морозов Лев Кириллович', {
        'Класс (для обучающихся)': '7',
        'Объединение (студия, кружок), в котором вы занимаетесь или работаете': 'Студия «Голос»',
        'С чем вам нужна помощь наставника?': ['подготовка к конкурсу, олимпиаде, выставке'],
        [DIRECTION]: 'театр',
      }),
    );
    runner.call('importResponses');
    const mentees = table(ws, SHEET.mentees);
    expect(mentees).toHaveLength(1);
    [lev] = mentees;
    expect(lev).toMatchObject({
      'Темы запроса': 'подготовка к конкурсу, олимпиаде, выставке',
      'Темы запроса от третьих лиц': 'трудности в учёбе',
      'Направление (конкурс, проект)': 'театр',
      Объединение: 'Студия «Голос»',
    });
    expect(table(ws, SHEET.importErrors).filter((e) => String(e['Причина']).includes('вручную'))).toEqual([]);
  });

  test("a pupil who leaves the field empty does not blank the one a request gave; a teacher's form has no such question", () => {
    const { ws, runner } = programme();
    submit(ws, null, THIRD, thirdParty('Смирнова Алиса Андреевна', ['проект или исследование'], { 'По какому направлению?': 'робототехника' }));
    submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна', { 'Класс (для обучающихся)': '7' }));
    submit(ws, null, MENTEE, teacherMentee('Волкова Анна Павловна', '2'));
    runner.call('importResponses');
    const byName = Object.fromEntries(table(ws, SHEET.mentees).map((m) => [m['ФИО'], m]));
    expect(byName['Смирнова Алиса Андреевна']['Направление (конкурс, проект)']).toBe('робототехника');
    expect(byName['Волкова Анна Павловна']['Направление (конкурс, проект)']).toBe('');
  });
});

describe("a pupil mentor's age and consent", () => {
  test('an 18-year-old signs their own consent («есть»); a 16-year-old needs a parent; the age is kept for pupils only', () => {
    const { ws, runner } = programme();
    submit(ws, null, MENTOR, pupilMentor('Григорьев Артём Павлович', '18'));
    submit(ws, null, MENTOR, pupilMentor('Белова Ксения Олеговна', '16'));
    submit(ws, null, MENTOR, partnerMentor('Соколов Павел Андреевич', 'ООО «Полярный IT-парк»'));
    runner.call('importResponses');
    const ids = Object.fromEntries(table(ws, SHEET.mentors).map((m) => [m['ФИО'], m.ID]));
    const signed = new Date('2026-10-03T09:00:00Z');
    look(ws, (ss) => {
      ss.getSheetByName(SHEET.consents)!
        .getRange(2, 1, 2, 9)
        .setValues([
          ['СГ-0001', ids['Григорьев Артём Павлович'], 'Григорьев Артём Павлович', 'участник', 'Григорьев Артём Павлович', signed, 'да', 'да', ''],
          ['СГ-0002', ids['Белова Ксения Олеговна'], 'Белова Ксения Олеговна', 'участник', 'Белова Ксения Олеговна', signed, 'да', 'да', ''],
        ]);
    });
    runner.call('importResponses');
    const byName = Object.fromEntries(table(ws, SHEET.mentors).map((m) => [m['ФИО'], m]));
    expect(byName['Григорьев Артём Павлович']).toMatchObject({ Возраст: 18, Согласие: 'есть' });
    expect(byName['Белова Ксения Олеговна']).toMatchObject({ Возраст: 16, Согласие: 'нужна подпись родителя' });
    expect(byName['Соколов Павел Андреевич']['Возраст']).toBe('');
  });

  test("a withdrawal scrubs the mentor's age and the mentee's field and third-party topics", () => {
    const { ws, runner } = programme();
    submit(ws, null, MENTOR, pupilMentor('Белова Ксения Олеговна', '16'));
    submit(ws, null, MENTEE, pupil('Петрова Ника Ивановна', { 'Класс (для обучающихся)': '7', [DIRECTION]: 'танцы' }));
    submit(ws, null, THIRD, thirdParty('Петрова Ника Ивановна', ['трудности в учёбе']));
    runner.call('importResponses');
    const mentorId = String(table(ws, SHEET.mentors)[0].ID);
    const menteeId = String(table(ws, SHEET.mentees)[0].ID);
    expect(table(ws, SHEET.mentees)[0]).toMatchObject({ 'Направление (конкурс, проект)': 'танцы', 'Темы запроса от третьих лиц': 'трудности в учёбе' });
    const at = new Date('2026-10-03T09:00:00Z');
    look(ws, (ss) => {
      ss.getSheetByName(SHEET.consents)!
        .getRange(2, 1, 2, 9)
        .setValues([
          ['СГ-0001', mentorId, 'Белова Ксения Олеговна', 'родитель', 'Белова Ольга Петровна', at, 'да', 'да', new Date('2026-10-20T09:00:00Z')],
          ['СГ-0002', menteeId, 'Петрова Ника Ивановна', 'родитель', 'Петров Иван Ильич', at, 'да', 'да', new Date('2026-10-20T09:00:00Z')],
        ]);
    });
    runner.call('importResponses');
    const [mentor] = table(ws, SHEET.mentors);
    const [mentee] = table(ws, SHEET.mentees);
    expect(mentor).toMatchObject({ ФИО: `Обезличено (${mentorId})`, Возраст: '', 'Класс (для обучающихся)': '' });
    expect(mentee).toMatchObject({ ФИО: `Обезличено (${menteeId})`, 'Направление (конкурс, проект)': '', 'Темы запроса от третьих лиц': '', 'Сведения от третьих лиц': '', Возраст: '' });
  });
});

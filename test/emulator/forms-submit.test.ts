import { FormPublishing, createFormApp } from '../../local/emulator/forms/fakes';
import { submitAsParticipant } from '../../local/emulator/forms/submit';
import { createSpreadsheetApp } from '../../local/emulator/sheets/app';
import { Workspace } from '../../local/emulator/workspace';

type Form = GoogleAppsScript.Forms.Form & FormPublishing;

const WHEN = new Date('2025-10-01T06:05:09Z'); // 09:05:09 in Moscow

/** The mentee questionnaire as the add-on would build it, published and linked. */
function setup(options: { publish?: boolean; collectEmail?: boolean; locale?: string } = {}) {
  const ws = new Workspace({ locale: options.locale });
  ws.now = () => WHEN;
  const FormApp = createFormApp(ws);
  const ss = createSpreadsheetApp(ws).getActiveSpreadsheet();
  const form = FormApp.create('Анкета наставляемого') as Form;
  form.addTextItem().setTitle('ФИО').setRequired(true);
  form.addTextItem().setTitle('Класс');
  form.addCheckboxItem().setTitle('Интересы').setChoiceValues(['Спорт', 'Музыка, пение', 'Робототехника']).showOtherOption(true);
  form.addMultipleChoiceItem().setTitle('Формат').setChoiceValues(['Очно', 'Онлайн']);
  form.addListItem().setTitle('Ступень').setChoiceValues(['1–4', '5–9', '10–11']);
  form.addScaleItem().setTitle('Мотивация').setBounds(1, 5);
  form.addDateItem().setTitle('Дата рождения');
  form.addGridItem().setTitle('Удобное время').setRows(['Пн', 'Ср']).setColumns(['утро', 'вечер']).setRequired(true);
  form.addCheckboxGridItem().setTitle('Кружки').setRows(['Осень', 'Весна']).setColumns(['IT', 'ИЗО']);
  form.addParagraphTextItem().setTitle('О себе');
  if (options.collectEmail) form.setCollectEmail(true);
  if (options.publish !== false) form.setPublished(true);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  return { ws, FormApp, ss, form };
}

const ANSWERS = {
  ФИО: 'Петрова Анна',
  Класс: '7',
  Интересы: ['Робототехника', 'Музыка, пение'],
  Формат: 'Онлайн',
  Ступень: '5–9',
  Мотивация: 4,
  'Дата рождения': '12.03.2012',
  'Удобное время': { Пн: 'вечер', Ср: 'утро' },
  Кружки: { Осень: ['ИЗО', 'IT'] },
  'О себе': '=HYPERLINK("http://evil.example","x")',
};

describe('submitAsParticipant: the row Google writes', () => {
  test('values, layout and the onFormSubmit event data', () => {
    const { ws, ss } = setup();
    const { form, response, sheetEvent } = submitAsParticipant(ws, 'Анкета наставляемого', ANSWERS);
    expect(form.responses).toHaveLength(1);
    expect(response.getId()).toBe(form.responses[0].id);
    expect(response.getTimestamp()).toEqual(WHEN);

    const sheet = ss.getSheetByName('Ответы на форму (1)')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    expect(header).toEqual([
      'Отметка времени',
      'ФИО',
      'Класс',
      'Интересы',
      'Формат',
      'Ступень',
      'Мотивация',
      'Дата рождения',
      'Удобное время [Пн]',
      'Удобное время [Ср]',
      'Кружки [Осень]',
      'Кружки [Весна]',
      'О себе',
    ]);
    const values = sheet.getRange(2, 1, 1, header.length).getValues()[0];
    expect(values).toEqual([
      WHEN,
      'Петрова Анна',
      7,
      'Музыка, пение, Робототехника',
      'Онлайн',
      '5–9',
      4,
      new Date('2012-03-11T20:00:00Z'), // midnight in Moscow (UTC+4 in 2012)
      'вечер',
      'утро',
      'IT, ИЗО',
      '',
      '=HYPERLINK("http://evil.example","x")',
    ]);
    expect(sheet.getRange(2, 13).getFormula()).toBe('');

    expect(sheetEvent).toEqual({
      range: { sheetName: 'Ответы на форму (1)', row: 2, column: 1, numRows: 1, numColumns: 13 },
      values: ['01.10.2025 9:05:09', 'Петрова Анна', '7', 'Музыка, пение, Робототехника', 'Онлайн', '5–9', '4', '12.03.2012', 'вечер', 'утро', 'IT, ИЗО', '', '=HYPERLINK("http://evil.example","x")'],
      namedValues: {
        'Отметка времени': ['01.10.2025 9:05:09'],
        ФИО: ['Петрова Анна'],
        Класс: ['7'],
        Интересы: ['Музыка, пение, Робототехника'],
        Формат: ['Онлайн'],
        Ступень: ['5–9'],
        Мотивация: ['4'],
        'Дата рождения': ['12.03.2012'],
        'Удобное время [Пн]': ['вечер'],
        'Удобное время [Ср]': ['утро'],
        'Кружки [Осень]': ['IT, ИЗО'],
        'Кружки [Весна]': [''],
        'О себе': ['=HYPERLINK("http://evil.example","x")'],
      },
    });
    // e.values are what the sheet shows.
    expect(sheet.getRange(2, 1, 1, 13).getDisplayValues()[0]).toEqual(sheetEvent!.values);
  });

  test('stored answers have ItemResponse shapes: string, string[], string[][]', () => {
    const { ws, form } = setup();
    const { response } = submitAsParticipant(ws, form.getId(), ANSWERS);
    const byTitle = Object.fromEntries(response.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()]));
    expect(byTitle).toEqual({
      ФИО: 'Петрова Анна',
      Класс: '7',
      Интересы: ['Музыка, пение', 'Робототехника'], // form order
      Формат: 'Онлайн',
      Ступень: '5–9',
      Мотивация: '4',
      'Дата рождения': '2012-03-12',
      'Удобное время': ['вечер', 'утро'],
      Кружки: [['IT', 'ИЗО'], []],
      'О себе': '=HYPERLINK("http://evil.example","x")',
    });
  });

  test('hostile and number-looking text: formulas stay text, plain numbers become numbers (leading zeros lost, as in Google)', () => {
    const { ws, ss } = setup();
    const hostile = ['+7 999 123-45-67', '@user', '-1+2', '0012', '1,5', '1.5', '=1+1'];
    const expected = ['+7 999 123-45-67', '@user', '-1+2', 12, 1.5, '1.5', '=1+1'];
    hostile.forEach((text, i) => {
      submitAsParticipant(ws, 'Анкета наставляемого', { ...ANSWERS, 'О себе': text, 'Удобное время': { Пн: 'утро', Ср: 'утро' } }, { timestamp: new Date(WHEN.getTime() + i * 1000) });
      const cell = ss.getSheetByName('Ответы на форму (1)')!.getRange(2 + i, 13);
      expect([cell.getValue(), cell.getFormula()]).toEqual([expected[i], '']);
    });
  });

  test('email column when the form collects it; the address may come in options or as an answer', () => {
    const { ws, ss } = setup({ collectEmail: true });
    const first = submitAsParticipant(ws, 'Анкета наставляемого', ANSWERS, { email: 'anna@school.ru' });
    expect(first.sheetEvent!.values.slice(0, 3)).toEqual(['01.10.2025 9:05:09', 'anna@school.ru', 'Петрова Анна']);
    expect(first.response.getRespondentEmail()).toBe('anna@school.ru');
    submitAsParticipant(ws, 'Анкета наставляемого', { ...ANSWERS, 'Адрес электронной почты': 'petr@school.ru' });
    expect(ss.getSheetByName('Ответы на форму (1)')!.getRange(3, 2).getValue()).toBe('petr@school.ru');
    expect(() => submitAsParticipant(ws, 'Анкета наставляемого', ANSWERS)).toThrow('Форма «Анкета наставляемого» собирает адреса электронной почты: укажите адрес участника');
  });

  test('columns are found by header: curator columns stay, a renamed header gets a new column at the right', () => {
    const { ws, ss, form } = setup();
    const sheet = ss.getSheetByName('Ответы на форму (1)')!;
    sheet.getRange(1, 14).setValue('Комментарий куратора');
    sheet.getRange(1, 2).setValue('Фамилия Имя'); // curator renamed «ФИО»
    const { sheetEvent } = submitAsParticipant(ws, form.getTitle(), ANSWERS);
    expect(sheet.getRange(1, 15).getValue()).toBe('ФИО');
    expect(sheet.getRange(2, 15).getValue()).toBe('Петрова Анна');
    expect(sheet.getRange(2, 2).getValue()).toBe('');
    expect(sheet.getRange(2, 14).getValue()).toBe('');
    expect(sheetEvent!.range.numColumns).toBe(15);
    expect(sheetEvent!.namedValues['ФИО']).toEqual(['Петрова Анна']);
    expect(sheetEvent!.namedValues['Комментарий куратора']).toEqual(['']);
  });

  test('a sheet renamed by the curator stays linked', () => {
    const { ws, ss } = setup();
    ss.getSheetByName('Ответы на форму (1)')!.setName('Анкеты');
    const { sheetEvent, form } = submitAsParticipant(ws, 'Анкета наставляемого', ANSWERS);
    expect(sheetEvent!.range.sheetName).toBe('Анкеты');
    expect(form.destinationSheet).toBe('Анкеты');
  });

  test('no linked sheet: the response is stored, no event', () => {
    const { ws, form } = setup();
    form.removeDestination();
    const result = submitAsParticipant(ws, 'Анкета наставляемого', ANSWERS);
    expect(result.sheetEvent).toBeUndefined();
    expect(form.getResponses()).toHaveLength(1);
  });
});

describe('submitAsParticipant: refusals in Russian', () => {
  test('an unpublished form refuses; publishing opens it; a closed form refuses with its message', () => {
    const { ws, form } = setup({ publish: false });
    expect(() => submitAsParticipant(ws, 'Анкета наставляемого', ANSWERS)).toThrow('Форма «Анкета наставляемого» не опубликована и пока не принимает ответы: куратору нужно её опубликовать');
    expect(form.getResponses()).toHaveLength(0);
    form.setPublished(true);
    expect(submitAsParticipant(ws, 'Анкета наставляемого', ANSWERS).response.getId()).toBeTruthy();
    form.setAcceptingResponses(false).setCustomClosedFormMessage('Приём анкет закончен');
    expect(() => submitAsParticipant(ws, 'Анкета наставляемого', ANSWERS)).toThrow('Форма «Анкета наставляемого» больше не принимает ответы: Приём анкет закончен');
  });

  test.each([
    [{ 'Любимый цвет': 'синий' }, 'В форме «Анкета наставляемого» нет вопроса «Любимый цвет»'],
    [{ Формат: 'Заочно' }, 'В вопросе «Формат» нет варианта «Заочно» (варианты: Очно; Онлайн)'],
    [{ Ступень: 'ВУЗ' }, 'В вопросе «Ступень» нет варианта «ВУЗ»'],
    [{ Формат: ['Очно'] }, 'На вопрос «Формат» выбирается один вариант: ответ должен быть строкой'],
    [{ Интересы: ['Шахматы', 'Танцы'] }, 'В вопросе «Интересы» можно добавить только один свой вариант («Другое»)'],
    [{ ФИО: ['Петрова'] }, 'Ответ на вопрос «ФИО» должен быть строкой'],
    [{ ФИО: '' }, 'Не отвечен обязательный вопрос «ФИО»'],
    [{ Мотивация: 9 }, 'Ответ на вопрос «Мотивация» должен быть целым числом от 1 до 5'],
    [{ 'Дата рождения': '31.02.2012' }, 'Ответ на вопрос «Дата рождения» должен быть датой ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, получено «31.02.2012»'],
    [{ 'Удобное время': 'утро' }, 'Ответ на вопрос «Удобное время» должен быть объектом {"строка": "столбец"}'],
    [{ 'Удобное время': { Пн: 'утро' } }, 'Не отвечена строка «Ср» обязательного вопроса «Удобное время»'],
    [{ 'Удобное время': { Пт: 'утро', Пн: 'утро', Ср: 'утро' } }, 'В вопросе «Удобное время» нет строки «Пт»'],
    [{ 'Удобное время': { Пн: 'ночь', Ср: 'утро' } }, 'В вопросе «Удобное время» нет столбца «ночь»'],
    [{ 'Удобное время': { Пн: ['утро', 'вечер'], Ср: 'утро' } }, 'В строке «Пн» вопроса «Удобное время» выбирается один столбец'],
  ])('%j is refused', (change, message) => {
    const { ws, form } = setup();
    expect(() => submitAsParticipant(ws, 'Анкета наставляемого', { ...ANSWERS, ...change } as typeof ANSWERS)).toThrow(message);
    expect(form.getResponses()).toHaveLength(0);
  });

  test('the «Другое» option takes one free answer', () => {
    const { ws } = setup();
    const { response } = submitAsParticipant(ws, 'Анкета наставляемого', { ...ANSWERS, Интересы: ['Шахматы', 'Спорт'] });
    expect(response.getItemResponses()[2].getResponse()).toEqual(['Спорт', 'Шахматы']);
  });

  test('unknown or ambiguous form', () => {
    const { ws, FormApp } = setup();
    expect(() => submitAsParticipant(ws, 'Анкета наставника', ANSWERS)).toThrow('Форма «Анкета наставника» не найдена');
    FormApp.create('Анкета наставляемого');
    expect(() => submitAsParticipant(ws, 'Анкета наставляемого', ANSWERS)).toThrow(/^Найдено несколько форм «Анкета наставляемого»: укажите id/);
  });

  test('limit one response per user, by email', () => {
    const { ws, form } = setup({ collectEmail: true });
    form.setLimitOneResponsePerUser(true);
    submitAsParticipant(ws, 'Анкета наставляемого', ANSWERS, { email: 'anna@school.ru' });
    expect(() => submitAsParticipant(ws, 'Анкета наставляемого', ANSWERS, { email: 'Anna@school.ru' })).toThrow(
      'С адреса «Anna@school.ru» уже отправлен ответ на форму «Анкета наставляемого»: она принимает один ответ от пользователя',
    );
  });
});

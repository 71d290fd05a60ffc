import { MIME } from '../../local/emulator/drive-store';
import { FORM_ERRORS, FakeForm, FakeFormApp, FormPublishing, createFormApp, formModelOf } from '../../local/emulator/forms/fakes';
import {
  FakeCheckboxGridItem,
  FakeCheckboxItem,
  FakeChoice,
  FakeDateItem,
  FakeGridItem,
  FakeItem,
  FakeItemResponse,
  FakeListItem,
  FakeMultipleChoiceItem,
  FakePageBreakItem,
  FakeParagraphTextItem,
  FakeScaleItem,
  FakeSectionHeaderItem,
  FakeTextItem,
  ITEM_ERRORS,
} from '../../local/emulator/forms/items';
import * as destination from '../../local/emulator/forms/destination';
import { FakeFormResponse, RESPONSE_ERRORS } from '../../local/emulator/forms/responses';
import { createSpreadsheetApp } from '../../local/emulator/sheets/app';
import { Workspace } from '../../local/emulator/workspace';

type Form = GoogleAppsScript.Forms.Form & FormPublishing;

// Compile-time: no fake offers a public member its real interface lacks (`__x` are the emulator's).
type Extras<Fk, R> = Exclude<keyof Fk, keyof R | `__${string}`>;
function noExtras<Fk, R>(_ok: [Extras<Fk, R>] extends [never] ? true : Extras<Fk, R>): void {}
noExtras<FakeFormApp, GoogleAppsScript.Forms.FormApp>(true);
noExtras<FakeForm, GoogleAppsScript.Forms.Form & FormPublishing>(true);
noExtras<FakeItem, GoogleAppsScript.Forms.Item>(true);
noExtras<FakeTextItem, GoogleAppsScript.Forms.TextItem>(true);
noExtras<FakeParagraphTextItem, GoogleAppsScript.Forms.ParagraphTextItem>(true);
noExtras<FakeMultipleChoiceItem, GoogleAppsScript.Forms.MultipleChoiceItem>(true);
noExtras<FakeCheckboxItem, GoogleAppsScript.Forms.CheckboxItem>(true);
noExtras<FakeListItem, GoogleAppsScript.Forms.ListItem>(true);
noExtras<FakeScaleItem, GoogleAppsScript.Forms.ScaleItem>(true);
noExtras<FakeGridItem, GoogleAppsScript.Forms.GridItem>(true);
noExtras<FakeCheckboxGridItem, GoogleAppsScript.Forms.CheckboxGridItem>(true);
noExtras<FakeDateItem, GoogleAppsScript.Forms.DateItem>(true);
noExtras<FakeSectionHeaderItem, GoogleAppsScript.Forms.SectionHeaderItem>(true);
noExtras<FakePageBreakItem, GoogleAppsScript.Forms.PageBreakItem>(true);
noExtras<FakeChoice, GoogleAppsScript.Forms.Choice>(true);
noExtras<FakeItemResponse, GoogleAppsScript.Forms.ItemResponse>(true);
noExtras<FakeFormResponse, GoogleAppsScript.Forms.FormResponse>(true);

function setup(options: { locale?: string } = {}) {
  const ws = new Workspace({ locale: options.locale });
  ws.now = () => new Date('2025-09-15T07:30:05Z'); // 10:30:05 in Moscow
  const FormApp = createFormApp(ws);
  const SpreadsheetApp = createSpreadsheetApp(ws);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return { ws, FormApp, ss };
}

/** A questionnaire with one question of each kind the add-on uses. */
function questionnaire(FormApp: GoogleAppsScript.Forms.FormApp) {
  const form = FormApp.create('Анкета наставляемого') as Form;
  form.addTextItem().setTitle('ФИО').setRequired(true);
  form.addSectionHeaderItem().setTitle('Интересы');
  const interests = form.addCheckboxItem().setTitle('Интересы').setChoiceValues(['Спорт', 'Музыка', 'Робототехника']);
  form.addMultipleChoiceItem().setTitle('Формат').setChoiceValues(['Очно', 'Онлайн']);
  form.addGridItem().setTitle('Оценка').setRows(['Математика', 'Физика']).setColumns(['1', '2', '3']);
  return { form, interests };
}

function rows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string) {
  return ss.getSheetByName(name)!.getDataRange().getValues();
}

describe('FormApp.create / openById / openByUrl', () => {
  test('a new form is a Drive entry, unpublished and not accepting responses', () => {
    const { ws, FormApp } = setup();
    const form = FormApp.create('Анкета') as Form;
    expect(ws.drive.get(form.getId())).toMatchObject({ name: 'Анкета', mimeType: MIME.form, parents: [], trashed: false });
    expect(form.isPublished()).toBe(false);
    expect(form.isAcceptingResponses()).toBe(false);
    // create(title) names only the Drive file; the form's own title is empty until setTitle
    // (gas-fakes live test, issuetracker 442747794).
    expect(form.getTitle()).toBe('');
    expect(form.setTitle('Анкета участника').getTitle()).toBe('Анкета участника');
    expect(ws.drive.get(form.getId())!.name).toBe('Анкета');
    expect(form.getEditUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/edit`);
    expect(form.getPublishedUrl()).toBe(`https://docs.google.com/forms/d/e/${form.getId()}/viewform`);
    expect(form.shortenFormUrl(form.getPublishedUrl())).toMatch(/^https:\/\/forms\.gle\/\w{17}$/);
  });

  test('setPublished(true) opens the form; setAcceptingResponses(false) closes it; unpublishing closes it', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Анкета') as Form;
    form.setAcceptingResponses(true);
    expect(form.isAcceptingResponses()).toBe(false); // unpublished stays closed
    form.setPublished(true);
    expect(form.isPublished()).toBe(true);
    expect(form.isAcceptingResponses()).toBe(true);
    form.setAcceptingResponses(false);
    expect(form.isAcceptingResponses()).toBe(false);
    form.setAcceptingResponses(true);
    form.setPublished(false);
    expect(form.isAcceptingResponses()).toBe(false);
  });

  test('openById and openByUrl (edit, viewform and published addresses) reach the same form', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Анкета');
    form.setDescription('Описание');
    for (const opened of [
      FormApp.openById(form.getId()),
      FormApp.openByUrl(form.getEditUrl()),
      FormApp.openByUrl(form.getPublishedUrl()),
      FormApp.openByUrl(`https://docs.google.com/forms/d/${form.getId()}/viewform`),
    ]) {
      expect(opened.getDescription()).toBe('Описание');
    }
    expect(() => FormApp.openById('nope')).toThrow(FORM_ERRORS.notFound);
    expect(() => FormApp.openByUrl('https://example.com/')).toThrow(FORM_ERRORS.notFound);
    expect(FormApp.getActiveForm()).toBeNull();
  });

  test('form settings round trip', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Анкета')
      .setCollectEmail(true)
      .setConfirmationMessage('Спасибо!')
      .setAllowResponseEdits(true)
      .setLimitOneResponsePerUser(true)
      .setProgressBar(true)
      .setShowLinkToRespondAgain(false)
      .setCustomClosedFormMessage('Приём анкет закончен');
    expect(form.collectsEmail()).toBe(true);
    expect(form.getConfirmationMessage()).toBe('Спасибо!');
    expect(form.canEditResponse()).toBe(true);
    expect(form.hasLimitOneResponsePerUser()).toBe(true);
    expect(form.hasProgressBar()).toBe(true);
    expect(form.hasRespondAgainLink()).toBe(false);
    expect(form.getCustomClosedFormMessage()).toBe('Приём анкет закончен');
  });
});

describe('calls, strictness, faults', () => {
  test('each method call is counted as Service.method, typed items under their class', () => {
    const { ws, FormApp } = setup();
    ws.calls.reset();
    const form = FormApp.create('Анкета');
    form.addCheckboxItem().setTitle('Интересы').setChoiceValues(['A', 'B']);
    form.getItems()[0].asCheckboxItem().getChoices()[0].getValue();
    expect(ws.calls.snapshot()).toEqual({
      'FormApp.create': 1,
      'Form.addCheckboxItem': 1,
      'CheckboxItem.setTitle': 1,
      'CheckboxItem.setChoiceValues': 1,
      'Form.getItems': 1,
      'Item.asCheckboxItem': 1,
      'CheckboxItem.getChoices': 1,
      'Choice.getValue': 1,
    });
  });

  test('a member the fake lacks throws instead of being silently undefined', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Анкета');
    expect(() => (form as unknown as { setIsQuiz(b: boolean): void }).setIsQuiz(true)).toThrow('Form.setIsQuiz is not available in the local Apps Script workspace');
    const text = form.addTextItem();
    // A TextItem has no choices, even though other items do.
    expect(() => (text as unknown as { setChoiceValues(v: string[]): void }).setChoiceValues(['a'])).toThrow('TextItem.setChoiceValues is not available');
    expect(() => (FormApp as unknown as { getUi(): void }).getUi()).toThrow('FormApp.getUi is not available');
  });

  test('fault injection: FormApp.create fails once with the chosen message', () => {
    const { ws, FormApp } = setup();
    ws.calls.failOn('FormApp.create', { message: 'Сервис Forms временно недоступен' });
    expect(() => FormApp.create('Анкета')).toThrow('Сервис Forms временно недоступен');
    expect(ws.drive.byMime(MIME.form)).toHaveLength(0);
    expect(ws.drive.get(FormApp.create('Анкета').getId())!.name).toBe('Анкета');
    expect(ws.calls.count('FormApp.create')).toBe(2);
  });

  test('fault injection on a later call (Form.setDestination after one success)', () => {
    const { ws, FormApp, ss } = setup();
    ws.calls.failOn('Form.setDestination', { after: 1, message: 'Timed out' });
    FormApp.create('A').setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(() => FormApp.create('B').setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId())).toThrow('Timed out');
    expect(ss.getSheetByName('Ответы на форму (2)')).toBeNull();
  });
});

describe('items', () => {
  test('ids are stable positive integers; getItems(type), getItemById, getIndex', () => {
    const { FormApp } = setup();
    const { form } = questionnaire(FormApp);
    const items = form.getItems();
    expect(items.map((i) => String(i.getType()))).toEqual(['TEXT', 'SECTION_HEADER', 'CHECKBOX', 'MULTIPLE_CHOICE', 'GRID']);
    for (const item of items) {
      expect(Number.isInteger(item.getId())).toBe(true);
      expect(item.getId()).toBeGreaterThan(0);
      expect(item.getId()).toBeLessThanOrEqual(2147483647);
    }
    expect(new Set(items.map((i) => i.getId())).size).toBe(items.length);
    expect(form.getItems()[2].getId()).toBe(items[2].getId());
    expect(form.getItems(FormApp.ItemType.CHECKBOX).map((i) => i.getTitle())).toEqual(['Интересы']);
    expect(form.getItems(FormApp.ItemType.CHECKBOX)[0].getType()).toBe(FormApp.ItemType.CHECKBOX);
    expect(form.getItemById(items[3].getId())!.getTitle()).toBe('Формат');
    expect(form.getItemById(12345)).toBeNull();
    expect(items[4].getIndex()).toBe(4);
  });

  test('casting to the wrong type throws the Forms text', () => {
    const { FormApp } = setup();
    const { form } = questionnaire(FormApp);
    const [text, header] = form.getItems();
    expect(() => header.asListItem()).toThrow(ITEM_ERRORS.conversion('SECTION_HEADER'));
    expect(() => text.asCheckboxItem()).toThrow('Invalid conversion for item type: TEXT');
    expect(text.asTextItem().isRequired()).toBe(true);
    expect(() => form.getItems()[4].asCheckboxGridItem()).toThrow('Invalid conversion for item type: GRID');
  });

  test('choices, other option, scale bounds and labels, grid rows and columns, date', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Анкета');
    const mc = form.addMultipleChoiceItem();
    mc.setChoices([mc.createChoice('Да'), mc.createChoice('Нет')]).showOtherOption(true);
    expect(mc.getChoices().map((c) => c.getValue())).toEqual(['Да', 'Нет']);
    expect(mc.hasOtherOption()).toBe(true);
    const scale = form.addScaleItem().setBounds(1, 10).setLabels('плохо', 'отлично');
    expect([scale.getLowerBound(), scale.getUpperBound(), scale.getLeftLabel(), scale.getRightLabel()]).toEqual([1, 10, 'плохо', 'отлично']);
    expect(() => scale.setBounds(2, 5)).toThrow(ITEM_ERRORS.bounds);
    const grid = form.addCheckboxGridItem().setRows(['Пн', 'Вт']).setColumns(['утро', 'вечер']);
    expect([grid.getRows(), grid.getColumns()]).toEqual([
      ['Пн', 'Вт'],
      ['утро', 'вечер'],
    ]);
    expect(form.addDateItem().includesYear()).toBe(true);
    expect(() => form.addListItem().setChoiceValues('a' as unknown as string[])).toThrow("The parameters don't match the method signature for FormApp.ListItem.setChoiceValues.");
  });

  test('deleteItem by index or item, moveItem', () => {
    const { FormApp } = setup();
    const { form } = questionnaire(FormApp);
    form.deleteItem(1);
    form.deleteItem(form.getItems()[1]);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['ФИО', 'Формат', 'Оценка']);
    const moved = form.moveItem(2, 0);
    expect(moved.getTitle()).toBe('Оценка');
    form.moveItem(form.getItems()[2], 1);
    expect(form.getItems().map((i) => i.getTitle())).toEqual(['Оценка', 'Формат', 'ФИО']);
    expect(() => form.deleteItem(7)).toThrow(FORM_ERRORS.itemIndex(7, 3));
  });

  test('createResponse validates like Apps Script: choices, bounds, grid shape', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Анкета');
    const cb = form.addCheckboxItem().setTitle('Интересы').setChoiceValues(['Спорт', 'Музыка']);
    expect(cb.createResponse(['Спорт']).getResponse()).toEqual(['Спорт']);
    expect(() => cb.createResponse(['Шахматы'])).toThrow(ITEM_ERRORS.invalidResponse('Интересы'));
    cb.showOtherOption(true);
    expect(cb.createResponse(['Шахматы']).getResponse()).toEqual(['Шахматы']);
    const scale = form.addScaleItem().setTitle('Оценка');
    expect(scale.createResponse(5).getResponse()).toBe('5');
    expect(() => scale.createResponse(6)).toThrow(ITEM_ERRORS.invalidResponse('Оценка'));
    const grid = form.addGridItem().setTitle('Сетка').setRows(['a', 'b']).setColumns(['x', 'y']);
    expect(grid.createResponse(['x', null as unknown as string]).getResponse()).toEqual(['x', '']);
    expect(() => grid.createResponse(['x'])).toThrow(ITEM_ERRORS.invalidResponse('Сетка'));
    const date = form.addDateItem().setTitle('Дата');
    expect(date.createResponse(new Date('2025-03-01T21:30:00Z')).getResponse()).toBe('2025-03-02'); // Moscow day
    expect(
      form
        .addTextItem()
        .createResponse(42 as unknown as string)
        .getResponse(),
    ).toBe('42');
  });
});

describe('response destination: the linked sheet as Google lays it out', () => {
  test('setDestination makes «Ответы на форму (1)» first, row 1 frozen, header per §4.1 (email, grid rows)', () => {
    const { FormApp, ss } = setup();
    const { form } = questionnaire(FormApp);
    form.setCollectEmail(true);
    const before = ss.getActiveSheet().getName();
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    const sheet = ss.getSheets()[0];
    expect(sheet.getName()).toBe('Ответы на форму (1)');
    expect(ss.getActiveSheet().getName()).toBe(before);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]).toEqual([
      'Отметка времени',
      'Адрес электронной почты',
      'ФИО',
      'Интересы',
      'Формат',
      'Оценка [Математика]',
      'Оценка [Физика]',
    ]);
    expect(sheet.getFormUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/viewform`);
    expect(ss.getFormUrl()).toBe(sheet.getFormUrl());
    expect(form.getDestinationId()).toBe(ss.getId());
    expect(form.getDestinationType()).toBe(FormApp.DestinationType.SPREADSHEET);
    expect(formModelOf(form)).toMatchObject({ destinationSheet: 'Ответы на форму (1)', destinationId: ss.getId() });
  });

  test('the lowest free number names the next response sheet', () => {
    const { FormApp, ss } = setup();
    const link = (title: string) => FormApp.create(title).setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    link('A');
    link('B');
    ss.deleteSheet(ss.getSheetByName('Ответы на форму (1)')!);
    link('C');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Ответы на форму (1)', 'Ответы на форму (2)', 'Лист1']);
  });

  test('only the bound spreadsheet is reachable; an unlinked form has no destination', () => {
    const { FormApp, ss } = setup();
    const form = FormApp.create('A');
    expect(() => form.getDestinationId()).toThrow(FORM_ERRORS.noDestination);
    expect(() => form.setDestination(FormApp.DestinationType.SPREADSHEET, 'someone-elses-spreadsheet')).toThrow(FORM_ERRORS.notFound);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    form.removeDestination();
    expect(() => form.getDestinationId()).toThrow(FORM_ERRORS.noDestination);
    expect(ss.getSheetByName('Ответы на форму (1)')!.getFormUrl()).toBeNull();
  });

  test('en_US spreadsheets get "Form Responses 1" and "Timestamp"', () => {
    const { FormApp, ss } = setup({ locale: 'en_US' });
    const form = FormApp.create('A').setCollectEmail(true);
    form.addTextItem().setTitle('Name');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(rows(ss, 'Form Responses 1')[0]).toEqual(['Timestamp', 'Email Address', 'Name']);
  });

  test('renaming a question renames its header; deleting keeps the column; a new one appends at the right; moving moves nothing', () => {
    const { FormApp, ss } = setup();
    const { form } = questionnaire(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    form.getItems()[2].setTitle('Увлечения');
    form.getItems(FormApp.ItemType.GRID)[0].asGridItem().setRows(['Математика', 'Химия', 'Биология']);
    form.deleteItem(3); // «Формат»
    form.addParagraphTextItem().setTitle('О себе');
    form.moveItem(form.getItems().length - 1, 0);
    expect(rows(ss, 'Ответы на форму (1)')[0]).toEqual(['Отметка времени', 'ФИО', 'Увлечения', 'Формат', 'Оценка [Математика]', 'Оценка [Химия]', 'Оценка [Биология]', 'О себе']);
  });

  test('existing responses are copied into a newly linked sheet', () => {
    const { FormApp, ss } = setup();
    const form = FormApp.create('A') as Form;
    const item = form.addTextItem().setTitle('ФИО');
    form.setPublished(true);
    form.createResponse().withItemResponse(item.createResponse('Иванов')).submit();
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    const values = rows(ss, 'Ответы на форму (1)');
    expect(values).toHaveLength(2);
    expect(values[1][0]).toEqual(new Date('2025-09-15T07:30:05Z'));
    expect(values[1][1]).toBe('Иванов');
  });
});

describe('FormResponse: script-made responses', () => {
  test('toPrefilledUrl: the published address with usp=pp_url and one encoded entry per answered item; nothing is stored', () => {
    const { FormApp } = setup();
    const form = FormApp.create('Отчёт') as Form;
    const code = form.addTextItem().setTitle('Код наставника');
    const pair = form.addListItem().setTitle('Пара или группа').setChoiceValues(['ПА-0001', 'Г-0002']);
    form.addParagraphTextItem().setTitle('Что сделали');
    const url = form.createResponse().withItemResponse(code.createResponse('НК-0001 & co')).withItemResponse(pair.createResponse('Г-0002')).toPrefilledUrl();
    expect(url).toBe(`${form.getPublishedUrl()}?usp=pp_url&entry.${code.getId()}=${encodeURIComponent('НК-0001 & co')}&entry.${pair.getId()}=${encodeURIComponent('Г-0002')}`);
    const params = new URL(url).searchParams;
    expect(params.get(`entry.${code.getId()}`)).toBe('НК-0001 & co');
    expect(params.get(`entry.${pair.getId()}`)).toBe('Г-0002');
    // Only a choice the list holds can be pre-filled, as in Apps Script.
    expect(() => pair.createResponse('ПА-0999')).toThrow(ITEM_ERRORS.invalidResponse('Пара или группа'));
    // A draft is not a response: nothing is stored by making its link.
    expect(form.getResponses()).toHaveLength(0);
    expect(form.createResponse().toPrefilledUrl()).toBe(`${form.getPublishedUrl()}?usp=pp_url`);
  });

  test('an unpublished form refuses submit(); a published one stores it and appends the row', () => {
    const { FormApp, ss } = setup();
    const { form, interests } = questionnaire(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    const [fio, , , format, grade] = form.getItems();
    const draft = () =>
      form
        .createResponse()
        .withItemResponse(fio.asTextItem().createResponse('Петрова Анна'))
        .withItemResponse(interests.createResponse(['Робототехника', 'Спорт']))
        .withItemResponse(format.asMultipleChoiceItem().createResponse('Онлайн'))
        .withItemResponse(grade.asGridItem().createResponse(['3', '2']));
    expect(() => draft().submit()).toThrow(RESPONSE_ERRORS.notPublished);
    expect(form.getResponses()).toHaveLength(0);
    form.setPublished(true).setAcceptingResponses(false);
    expect(() => draft().submit()).toThrow(RESPONSE_ERRORS.closed);
    form.setAcceptingResponses(true);

    const response = draft().submit();
    expect(response.getId()).toMatch(/^2_ABaOnu/);
    expect(response.getTimestamp()).toEqual(new Date('2025-09-15T07:30:05Z'));
    expect(response.getEditResponseUrl()).toBe(`${form.getPublishedUrl()}?edit2=${response.getId()}`);
    const sheet = ss.getSheetByName('Ответы на форму (1)')!;
    // Checkbox answers share one cell joined with ", "; numeric-looking grid answers become numbers.
    expect(sheet.getRange(2, 1, 1, 6).getValues()[0]).toEqual([new Date('2025-09-15T07:30:05Z'), 'Петрова Анна', 'Робототехника, Спорт', 'Онлайн', 3, 2]);
    expect(sheet.getRange(2, 1).getDisplayValue()).toBe('15.09.2025 10:30:05');
  });

  test('getResponses / getItemResponses give string, string[] and string[][] per item type', () => {
    const { FormApp } = setup();
    const form = FormApp.create('A') as Form;
    form.setPublished(true);
    const text = form.addTextItem().setTitle('ФИО');
    const cb = form.addCheckboxItem().setTitle('Интересы').setChoiceValues(['a', 'b', 'c']);
    const grid = form.addGridItem().setTitle('G').setRows(['r1', 'r2']).setColumns(['x', 'y']);
    const cbg = form.addCheckboxGridItem().setTitle('CG').setRows(['r1', 'r2']).setColumns(['x', 'y']);
    const unanswered = form.addListItem().setTitle('L').setChoiceValues(['1']);
    form
      .createResponse()
      .withItemResponse(text.createResponse('Иванов'))
      .withItemResponse(cb.createResponse(['c', 'a']))
      .withItemResponse(grid.createResponse(['y', 'x']))
      .withItemResponse(cbg.createResponse([['x', 'y'], []]))
      .submit();
    const [response] = form.getResponses();
    expect(response.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()])).toEqual([
      ['ФИО', 'Иванов'],
      ['Интересы', ['c', 'a']],
      ['G', ['y', 'x']],
      ['CG', [['x', 'y'], []]],
    ]);
    expect(response.getResponseForItem(form.getItemById(unanswered.getId())!)).toBeNull();
    expect(response.getRespondentEmail()).toBe('');
    expect(form.getResponse(response.getId()).getId()).toBe(response.getId());
    expect(() => form.getResponse('missing')).toThrow(RESPONSE_ERRORS.noResponse('missing'));
    expect(form.getResponses(new Date('2025-09-15T07:30:05Z'))).toHaveLength(0);
    expect(form.getResponses(new Date('2025-09-15T07:30:04Z'))).toHaveLength(1);
    expect(response.toPrefilledUrl()).toContain(`entry.${text.getId()}=${encodeURIComponent('Иванов')}`);
  });

  test('submit() appends the row but hands no onFormSubmit event on (no trigger fires)', () => {
    const { ws, FormApp, ss } = setup();
    const form = FormApp.create('A') as Form;
    const item = form.addTextItem().setTitle('ФИО');
    form.setPublished(true).setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    ws.triggers.push({ uid: 't1', handler: 'onFormSubmit', eventType: 'ON_FORM_SUBMIT', source: 'SPREADSHEETS', sourceId: ss.getId() });
    const append = jest.spyOn(destination, 'appendResponseRow');
    const result = form.createResponse().withItemResponse(item.createResponse('Иванов')).submit();
    // The row was written and its event data existed, but submit() dropped it: only the
    // participant's path (submitAsParticipant) returns it for the runner to fire the trigger.
    expect(append).toHaveBeenCalledTimes(1);
    expect(append.mock.results[0].value).toMatchObject({ range: { sheetName: 'Ответы на форму (1)', row: 2 } });
    expect('sheetEvent' in result).toBe(false);
    expect(result.getItemResponses()).toHaveLength(1);
    expect(rows(ss, 'Ответы на форму (1)')[1][1]).toBe('Иванов');
    append.mockRestore();
  });

  test('deleteAllResponses empties the form store; the sheet keeps its rows', () => {
    const { FormApp, ss } = setup();
    const form = FormApp.create('A') as Form;
    const item = form.addTextItem().setTitle('ФИО');
    form.setPublished(true).setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    form.createResponse().withItemResponse(item.createResponse('Иванов')).submit();
    form.deleteAllResponses();
    expect(form.getResponses()).toEqual([]);
    expect(rows(ss, 'Ответы на форму (1)')).toHaveLength(2);
  });

  test('hostile text answers land as plain text, never as formulas', () => {
    const { FormApp, ss } = setup();
    const form = FormApp.create('A') as Form;
    const hostile = ['=HYPERLINK("http://evil.example","Нажми")', '+7 999 123-45-67', '@user', '-2+3', "'quoted"];
    const items = hostile.map((_h, i) => form.addTextItem().setTitle(`Q${i}`));
    form.setPublished(true).setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    let draft = form.createResponse();
    items.forEach((item, i) => {
      draft = draft.withItemResponse(item.createResponse(hostile[i]));
    });
    draft.submit();
    const range = ss.getSheetByName('Ответы на форму (1)')!.getRange(2, 2, 1, hostile.length);
    expect(range.getValues()[0]).toEqual(hostile);
    expect(range.getFormulas()[0]).toEqual(hostile.map(() => ''));
    expect(range.getDisplayValues()[0]).toEqual(hostile);
  });
});

import { FormPublishing, createFormApp, formModelOf } from '../../local/emulator/forms/fakes';
import { FormModel } from '../../local/emulator/forms/model';
import { formFromJson, formToJson } from '../../local/emulator/forms/persist';
import { submitAsParticipant } from '../../local/emulator/forms/submit';
import { createSpreadsheetApp } from '../../local/emulator/sheets/app';
import { Workspace } from '../../local/emulator/workspace';

type Form = GoogleAppsScript.Forms.Form & FormPublishing;

function richForm(): FormModel {
  const ws = new Workspace();
  ws.now = () => new Date('2025-10-01T06:05:09Z');
  const FormApp = createFormApp(ws);
  const ss = createSpreadsheetApp(ws).getActiveSpreadsheet();
  const form = FormApp.create('Анкета «наставника»').setTitle('Анкета «наставника»') as Form;
  form.setDescription('Строка 1\nСтрока 2').setCollectEmail(true).setConfirmationMessage('Спасибо!');
  form.addTextItem().setTitle('ФИО').setHelpText('Полностью').setRequired(true);
  form.addCheckboxItem().setTitle('Компетенции').setChoiceValues(['IT', 'Спорт']).showOtherOption(true);
  form.addScaleItem().setTitle('Опыт').setBounds(0, 10).setLabels('нет', 'много');
  form.addGridItem().setTitle('Время').setRows(['Пн']).setColumns(['утро', 'вечер']);
  form.addCheckboxGridItem().setTitle('Форматы').setRows(['Осень', 'Весна']).setColumns(['очно', 'онлайн']);
  form.addDateItem().setTitle('Дата').setIncludesYear(false);
  form.addSectionHeaderItem().setTitle('Раздел');
  form.addPageBreakItem().setTitle('Страница 2');
  form.setPublished(true).setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  submitAsParticipant(
    ws,
    form.getId(),
    {
      ФИО: 'Иванов',
      Компетенции: ['IT', 'Шахматы'],
      Время: { Пн: 'утро' },
      Форматы: { Весна: ['очно', 'онлайн'] },
    },
    { email: 'ivanov@school.ru' },
  );
  return formModelOf(form);
}

describe('.form.json', () => {
  test('lossless round trip: model → text → model → the same text', () => {
    const model = richForm();
    const text = formToJson(model);
    const back = formFromJson(text);
    expect(back).toEqual(model);
    expect(formToJson(back)).toBe(text);
  });

  test('the stable interface fields come first, as DESIGN.md lists them', () => {
    const text = formToJson(richForm());
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed).slice(0, 8)).toEqual(['id', 'title', 'description', 'url', 'published', 'collectEmail', 'destinationSheet', 'items']);
    const items = parsed.items as Array<Record<string, unknown>>;
    expect(Object.keys(items[0]).slice(0, 5)).toEqual(['id', 'title', 'type', 'helpText', 'required']);
    expect(items.map((i) => i.type)).toEqual(['TEXT', 'CHECKBOX', 'SCALE', 'GRID', 'CHECKBOX_GRID', 'DATE', 'SECTION_HEADER', 'PAGE_BREAK']);
    expect(items[2]).toMatchObject({ lowerBound: 0, upperBound: 10 });
    expect(parsed.destinationSheet).toBe('Ответы на форму (1)');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "title": "Анкета «наставника»",');
  });

  test('a hand-written file with only the stable fields loads as a legacy (published, open) form', () => {
    const model = formFromJson(
      JSON.stringify({
        id: 'f1',
        title: 'Опрос',
        items: [{ id: 7, title: 'Как дела?', type: 'MULTIPLE_CHOICE', choices: ['Хорошо', 'Плохо'] }],
      }),
    );
    expect(model).toMatchObject({
      published: true,
      acceptingResponses: true,
      collectEmail: false,
      destinationSheet: null,
      url: 'https://docs.google.com/forms/d/e/f1/viewform',
      editUrl: 'https://docs.google.com/forms/d/f1/edit',
      responses: [],
    });
    expect(model.items[0]).toEqual({ id: 7, title: 'Как дела?', type: 'MULTIPLE_CHOICE', helpText: '', required: false, choices: ['Хорошо', 'Плохо'] });
  });

  test('bad files get a clear Russian message', () => {
    expect(() => formFromJson('{')).toThrow(/^Файл формы не является JSON/);
    expect(() => formFromJson('{"id":"f","items":[{"id":1,"type":"VIDEO"}]}')).toThrow('Файл формы: items[0].type «VIDEO» не поддерживается');
    expect(() => formFromJson('{"id":"f","items":[{"id":1,"type":"TEXT"},{"id":1,"type":"TEXT"}]}')).toThrow('Файл формы: два вопроса с id 1');
    expect(() => formFromJson('{"id":"f","items":[{"id":"x","type":"TEXT"}]}')).toThrow('Файл формы: items[0].id должно быть целым числом');
  });

  test('a loaded form works with the fakes (Drive entry content = model)', () => {
    const ws = new Workspace();
    const model = formFromJson(formToJson(richForm()));
    ws.drive.add({ id: model.id, name: model.title, mimeType: 'application/vnd.google-apps.form', parents: [], created: new Date(), trashed: false, content: model });
    const form = createFormApp(ws).openById(model.id);
    expect(form.getItems().map((i) => i.getTitle())).toContain('Компетенции');
    expect(form.getResponses()[0].getRespondentEmail()).toBe('ivanov@school.ru');
  });
});

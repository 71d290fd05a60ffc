import { FormPublishing, createFormApp } from '../../local/emulator/forms/fakes';
import { openPrefilledLink, submitThroughLink } from '../../local/emulator/forms/prefilled';
import { createSpreadsheetApp } from '../../local/emulator/sheets/app';
import { Workspace } from '../../local/emulator/workspace';

type Form = GoogleAppsScript.Forms.Form & FormPublishing;

function setup() {
  const ws = new Workspace();
  ws.now = () => new Date('2026-10-01T06:00:00Z');
  const FormApp = createFormApp(ws);
  const ss = createSpreadsheetApp(ws).getActiveSpreadsheet();
  const form = FormApp.create('Отчёт') as Form;
  const code = form.addTextItem().setTitle('Код').setRequired(true);
  const topics = form.addCheckboxItem().setTitle('Темы').setChoiceValues(['А', 'Б, В', 'Г']);
  form.addParagraphTextItem().setTitle('Что сделали').setRequired(true);
  form.setPublished(true);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  return { ws, form, code, topics };
}

describe('a personal pre-filled link', () => {
  test('opens with its answers by question title; a choice given twice is a list; text with & and = survives', () => {
    const { ws, form, code, topics } = setup();
    const url = form
      .createResponse()
      .withItemResponse(code.createResponse('НК-0001 & =1'))
      .withItemResponse(topics.createResponse(['А', 'Б, В']))
      .toPrefilledUrl();
    expect(openPrefilledLink(ws, url)).toEqual({ formId: form.getId(), answers: { Код: 'НК-0001 & =1', Темы: ['А', 'Б, В'] } });
  });

  test('a submission through it stores the pre-filled answers with what the person typed; a typed answer wins', () => {
    const { ws, form, code } = setup();
    const url = form.createResponse().withItemResponse(code.createResponse('НК-0001')).toPrefilledUrl();
    submitThroughLink(ws, url, { 'Что сделали': 'Познакомились' });
    submitThroughLink(ws, url, { Код: 'НК-0002', 'Что сделали': 'Повторили' });
    const answers = form.getResponses().map((r) => r.getItemResponses().map((i) => i.getResponse()));
    expect(answers).toEqual([
      ['НК-0001', 'Познакомились'],
      ['НК-0002', 'Повторили'],
    ]);
  });

  test('a link to no form, or one that fills in nothing, is refused with a reason', () => {
    const { ws, form } = setup();
    expect(() => openPrefilledLink(ws, 'https://docs.google.com/forms/d/e/nothing/viewform?usp=pp_url')).toThrow('Ссылка не ведёт ни к одной форме');
    expect(() => openPrefilledLink(ws, form.getPublishedUrl())).toThrow('не заполняет ответы заранее');
  });
});

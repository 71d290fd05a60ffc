import { SHEET } from '../../src/core/workbook/sheets';
import { look } from './addon';
import { Outcome, partnerMentor, programme, pupil, submit, table, teacherMentee } from './programme';
import { Workspace } from '../../local/emulator/workspace';
import { ScriptRunner } from '../../local/emulator/runner';

const MENTEE = 'Анкета наставляемого';
const MENTOR = 'Анкета наставника';

export function teacherMentor(name: string, association: string, competencies: string[], capacity = '2') {
  return {
    'Кто вы?': 'педагог',
    'Фамилия, имя, отчество': name,
    Должность: 'педагог дополнительного образования',
    'Стаж работы, полных лет': '15',
    'Объединение (студия, кружок), в котором вы занимаетесь или работаете (если есть)': association,
    'В чём вы можете помочь наставляемому?': competencies,
    'Ваши интересы и увлечения': ['рисование и живопись'],
    'В каких формах наставничества вы готовы участвовать?': ['педагог – ученик', 'педагог – педагог'],
    'Скольких наставляемых вы готовы сопровождать?': capacity,
    'Удобный формат встреч': 'очно',
    'Когда вам удобно встречаться?': { Понедельник: ['после 15:00'] },
    'Готовы ли вы пройти обучение в «Школе наставников»?': 'уже прошёл (прошла)',
    'Телефон или e-mail для связи': `${name.split(' ')[0].toLowerCase()}@cdt.ru`.replace(/[^a-z@.]/g, 'x'),
  };
}

const AGREEMENT = 'Согласие на наставничество (ст. 351.8 ТК РФ)';

/**
 * The curator records the written consent of ст. 351.8 ТК РФ of every staff mentor, except the
 * names in `without` (their cell is emptied): no order appoints a staff mentor without it.
 */
export function agreeAll(ws: Workspace, without: string[] = []) {
  look(ws, (ss) => {
    const sheet = ss.getSheetByName(SHEET.mentors)!;
    const values = sheet.getDataRange().getValues();
    const [head] = values;
    const col = head.indexOf(AGREEMENT);
    values.forEach((row, i) => {
      if (i === 0 || row[head.indexOf('Категория')] !== 'педагог') return;
      sheet.getRange(i + 1, col + 1).setValue(without.includes(String(row[head.indexOf('ФИО')])) ? '' : new Date('2026-10-01T09:00:00Z'));
    });
  });
}

/** Everyone gets a valid consent, signed by a parent for pupils; staff mentors also the consent of ст. 351.8 ТК РФ. */
export function consentAll(ws: Workspace, runner: ScriptRunner) {
  runner.call('importResponses');
  const people = [...table(ws, SHEET.mentees), ...table(ws, SHEET.mentors)];
  look(ws, (ss) => {
    const sheet = ss.getSheetByName(SHEET.consents)!;
    sheet
      .getRange(2, 1, people.length, 8)
      .setValues(people.map((p, i) => [`СГ-${i + 1}`, p.ID, p['ФИО'], p['Категория'] === 'обучающийся' ? 'родитель' : 'участник', 'подписант', new Date('2026-10-03T09:00:00Z'), 'да', 'нет']));
  });
  agreeAll(ws);
  runner.call('importResponses');
}

export function withPeople() {
  const p = programme();
  const { ws, runner } = p;
  submit(ws, null, MENTEE, pupil('Смирнова Алиса Андреевна', { 'Какая форма наставничества вам подходит?': 'педагог – ученик' }));
  // A project counts only in the child's direction (or association): Орлов's is theatre, Громов teaches it.
  submit(
    ws,
    null,
    MENTEE,
    pupil('Орлов Глеб Игоревич', {
      'Какая форма наставничества вам подходит?': 'педагог – ученик',
      'С чем вам нужна помощь наставника?': ['проект или исследование'],
      'Если нужна помощь с конкурсом, проектом или объединением — по какому направлению?': 'театр',
    }),
  );
  submit(ws, null, MENTEE, pupil('<img src=x onerror=alert(1)>', { 'Какая форма наставничества вам подходит?': 'педагог – ученик' }));
  submit(ws, null, MENTEE, teacherMentee('Волкова Анна Павловна', '1'));
  submit(ws, null, MENTEE, pupil('Без Согласия Иван', { 'Какая форма наставничества вам подходит?': 'педагог – ученик' }));
  submit(ws, null, MENTOR, teacherMentor('Белова Ирина Сергеевна', 'Изостудия «Северное сияние»', ['подготовка к конкурсу, олимпиаде, выставке', 'рисование и живопись']));
  submit(ws, null, MENTOR, teacherMentor('Громов Олег Павлович', 'Театральная студия «Маска»', ['проект или исследование', 'методика занятий', 'театр'], '2'));
  submit(ws, null, MENTOR, partnerMentor('Соколов Павел Андреевич', 'ООО «Полярный IT-парк»'));
  consentAll(ws, runner);
  // One pupil's consent is withdrawn before matching: nobody without consent is matched.
  look(ws, (ss) => {
    const sheet = ss.getSheetByName(SHEET.consents)!;
    const rows = sheet.getDataRange().getValues();
    const row = rows.findIndex((r) => r[2] === 'Без Согласия Иван');
    sheet.getRange(row + 1, 7).setValue('нет');
  });
  runner.call('importResponses');
  return p;
}

/** Sets the consent register's «Обработка ПДн» for one person and lets the import carry it to the bases. */
export function setConsent(ws: Workspace, runner: ScriptRunner, name: string, processing: 'да' | 'нет') {
  look(ws, (ss) => {
    const sheet = ss.getSheetByName(SHEET.consents)!;
    const row = sheet
      .getDataRange()
      .getValues()
      .findIndex((r) => r[2] === name);
    if (row < 0) throw new Error(`no consent row for ${name}`);
    sheet.getRange(row + 1, 7).setValue(processing);
  });
  runner.call('importResponses');
}

/** Pairs approved by order 123-о/д of `orderDate`, after Волкова named Громов at the group meeting: the day pair work starts. */
export function approvedAfterMeeting(orderDate = '05.10.2026') {
  const p = withPeople();
  submit(p.ws, null, 'Анкета после групповой встречи', {
    'Вы участвовали во встрече как': 'наставляемый',
    'Ваши фамилия, имя, отчество': 'Волкова Анна Павловна',
    '1-й выбор: с кем вы хотели бы работать в паре?': 'Громов Олег',
  });
  expect((p.runner.call('importResponses') as Outcome).ok).toBe(true);
  expect((p.runner.call('computeMatches') as Outcome).ok).toBe(true);
  expect((p.runner.call('approvePairs', [{ number: '123-о/д', date: orderDate }]) as Outcome).ok).toBe(true);
  return p;
}

/**
 * From the forms to «Пары и группы»: the people the matching rules talk about arrive through the
 * questionnaires and import, and the curator reads the outcome in the workbook.
 */
import { SHEET } from '../src/core/workbook/sheets';
import { Outcome, programme, pupil, submit, table } from './helpers/programme';
import { consentAll, teacherMentor } from './helpers/people';

const MENTEE = 'Анкета наставляемого';
const MENTOR = 'Анкета наставника';
const THIRD = 'Запрос на наставника для обучающегося';

const pupilMentor = (name: string, grade: string, contact: string) => ({
  'Кто вы?': 'обучающийся',
  'Фамилия, имя, отчество': name,
  'Класс (для обучающихся)': grade,
  'Возраст, полных лет (для обучающихся)': '16',
  'В чём вы можете помочь наставляемому?': ['подготовка к конкурсу, олимпиаде, выставке', 'рисование и живопись'],
  'Ваши интересы и увлечения': ['рисование и живопись'],
  'Объединение (студия, кружок), в котором вы занимаетесь или работаете (если есть)': 'Изостудия «Северное сияние»',
  'В каких формах наставничества вы готовы участвовать?': ['ученик – ученик'],
  'Скольких наставляемых вы готовы сопровождать?': '1',
  'Удобный формат встреч': 'очно',
  'Когда вам удобно встречаться?': { Понедельник: ['после 15:00'] },
  'Готовы ли вы пройти обучение в «Школе наставников»?': 'уже прошёл (прошла)',
  'Телефон или e-mail для связи': contact,
});

function centre() {
  const p = programme();
  const { ws } = p;
  submit(ws, null, MENTEE, pupil('Кузнецова Дарья Игоревна', { 'Класс (для обучающихся)': '5', 'Телефон или e-mail для связи': '8 (921) 555-12-34' }));
  submit(ws, null, MENTOR, pupilMentor('Кузнецов Павел Игоревич', '10', '+7 921 555 1234'));
  submit(ws, null, MENTOR, pupilMentor('Белов Артём Сергеевич', '9', '+7 921 777-00-00'));
  // A child who never filled the form: the psychologist's request is all the matching knows.
  submit(
    ws,
    null,
    MENTEE,
    pupil('Морозов Лев Кириллович', {
      'Какая форма наставничества вам подходит?': 'педагог – ученик',
      'С чем вам нужна помощь наставника?': ['трудности в учёбе'],
      'Телефон или e-mail для связи': '+7 921 111-22-33',
    }),
  );
  submit(ws, null, THIRD, {
    'Кто вы?': 'педагог-психолог',
    'Ваши фамилия, имя, отчество': 'Лебедева Нина Сергеевна',
    'Фамилия, имя, отчество обучающегося': 'Морозов Лев Кириллович',
    'Какая поддержка нужна?': ['уверенность в себе, выступления'],
    'Ваш телефон или e-mail для связи': 'psy@school.ru',
  });
  submit(ws, null, MENTOR, teacherMentor('Громов Олег Павлович', 'Изостудия «Северное сияние»', ['уверенность в себе, выступления']));
  consentAll(ws, p.runner);
  return p;
}

describe('the people the rules talk about, through the forms', () => {
  test('a brother is not proposed to his sister; she gets another pupil mentor', () => {
    const { ws, runner } = centre();
    expect((runner.call('computeMatches') as Outcome).ok).toBe(true);
    const pairs = table(ws, SHEET.pairs);
    const daria = pairs.find((p) => p['Наставляемый'] === 'Кузнецова Дарья Игоревна');
    expect(daria?.['Наставник']).toBe('Белов Артём Сергеевич');
    expect(pairs.some((p) => p['Наставник'] === 'Кузнецов Павел Игоревич')).toBe(false);
  });

  test('the psychologist’s request reaches the matching and is marked in «Обоснование»', () => {
    const { ws, runner } = centre();
    runner.call('computeMatches');
    const lev = table(ws, SHEET.pairs).find((p) => p['Наставляемый'] === 'Морозов Лев Кириллович');
    expect(lev?.['Наставник']).toBe('Громов Олег Павлович');
    expect(String(lev?.['Обоснование'])).toContain('уверенность в себе, выступления (в т. ч. по запросу третьих лиц)');
  });

  test('the summary names nobody without consent and uses no bare «блокирующих пар»', () => {
    const { runner } = centre();
    const outcome = runner.call('computeMatches') as Outcome;
    expect(outcome.message).not.toContain('блокирующих');
    expect(outcome.message).toMatch(/Предпочли бы друг друга своим парам|нет\./);
  });
});

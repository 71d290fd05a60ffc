import { questionnaires } from '../../src/core/questionnaires/definitions';
import { CellValue, locateQuestions, parseResponse } from '../../src/core/questionnaires/read';
import { menteeFields, mentorFields } from '../../src/core/intake/mappers';
import { QuestionnaireDef } from '../../src/core/questionnaires/types';

const FORMS = ['ученик – ученик', 'педагог – ученик', 'педагог – педагог', 'работодатель – ученик'];
const defs = questionnaires({ forms: FORMS, pseudonymous: false });

function read(def: QuestionnaireDef, header: string[], rows: CellValue[][]) {
  const layout = locateQuestions(header, def);
  return rows.map((r, i) => parseResponse(def, layout, r, i + 2));
}

/** The mentee form as it was before sections: one page, teachers' and pupils' questions together. */
const OLD_HEADER = [
  'Отметка времени',
  'Кто вы?',
  'Фамилия, имя, отчество',
  'Класс (для обучающихся)',
  'Возраст, полных лет (для обучающихся)',
  'Объединение (студия, кружок), в котором вы занимаетесь или работаете',
  'Педагогический стаж, полных лет (для педагогов)',
  'С чем вам нужна помощь наставника?',
  'Расскажите о своём запросе подробнее',
  'Ваши интересы и увлечения',
  'Какая форма наставничества вам подходит?',
  'Удобный формат встреч',
  'Когда вам удобно встречаться? [Понедельник]',
  'Телефон или e-mail для связи',
];
const OLD_ROWS: CellValue[][] = [
  [
    new Date('2026-10-02T06:01:00Z'),
    'обучающийся',
    'Смирнова Алиса Андреевна',
    '7А',
    '13',
    'Изостудия',
    '',
    'подготовка к конкурсу, олимпиаде, выставке, выбор профессии',
    'Хочу на выставку',
    'рисование и живопись',
    'ученик – ученик',
    'очно',
    'после 15:00',
    '+7 911 000-00-01',
  ],
  [
    new Date('2026-10-02T06:02:00Z'),
    'педагог',
    'Волкова Анна Павловна',
    '',
    '',
    'Театральная студия',
    '2',
    'методика занятий, выбор профессии',
    '',
    '',
    'педагог – педагог',
    'очно',
    '',
    'teacher@example.ru',
  ],
];

describe('responses of the single-page mentee form (sheets made before sections)', () => {
  const [pupil, teacher] = read(defs.mentee, OLD_HEADER, OLD_ROWS);

  test('are read into the same fields as before, without remarks', () => {
    expect(pupil.problems).toEqual([]);
    expect(teacher.problems).toEqual([]);
    expect(pupil.response!.answers).toMatchObject({ category: 'обучающийся', grade: 7, age: 13, topics: ['подготовка к конкурсу, олимпиаде, выставке', 'выбор профессии'], form: 'ученик – ученик' });
    // A teacher's answers in the shared columns land in the teacher's fields, a pupil topic included.
    expect(teacher.response!.answers).toMatchObject({ category: 'педагог', experience: 2, topics: ['методика занятий', 'выбор профессии'], form: 'педагог – педагог' });
    expect(menteeFields(teacher.response!.answers).fields).toMatchObject({ experience: 2, topics: 'методика занятий, выбор профессии', form: 'педагог – педагог' });
  });

  test('keep the fingerprints they were imported under (the ledger does not see them as new)', () => {
    // Computed by the previous definitions from these very rows.
    expect(pupil.response!.fingerprint).toBe('1790920860000:w3e1o7');
    expect(teacher.response!.fingerprint).toBe('1790920920000:armoh6');
  });
});

/** The sectioned form's sheet: Google puts every question in its own column, in form order. */
function sectionedHeader(def: QuestionnaireDef): string[] {
  return ['Отметка времени', ...def.questions.flatMap((q) => (q.type === 'CHECKBOX_GRID' ? (q.rows ?? []).map((r) => `${q.title} [${r}]`) : [q.title]))];
}

function row(def: QuestionnaireDef, at: string, answers: Record<string, string>): CellValue[] {
  return [
    new Date(at),
    ...sectionedHeader(def)
      .slice(1)
      .map((h) => answers[h] ?? ''),
  ];
}

describe('responses of the sectioned mentee form', () => {
  const header = sectionedHeader(defs.mentee);
  const common = { 'Объединение (студия, кружок), в котором вы занимаетесь или работаете': 'Изостудия', 'Удобный формат встреч': 'очно', 'Телефон или e-mail для связи': 'a@b.ru' };
  const [pupil, teacher] = read(defs.mentee, header, [
    row(defs.mentee, '2026-10-03T06:00:00Z', {
      ...common,
      'Кто вы?': 'обучающийся',
      'Фамилия, имя, отчество': 'Орлов Глеб Игоревич',
      'Класс (для обучающихся)': '5Б',
      'С чем вам нужна помощь наставника?': 'проект или исследование',
      'Какая форма наставничества вам подходит?': 'не знаю, помогите выбрать',
    }),
    row(defs.mentee, '2026-10-03T06:01:00Z', {
      ...common,
      'Кто вы?': 'педагог (молодой специалист или новый сотрудник)',
      'Фамилия, имя, отчество': 'Волкова Анна Павловна',
      'Педагогический стаж, полных лет': '1',
      'С чем вам нужна помощь наставника в работе?': 'методика занятий, документация педагога ДО',
      'В какой форме наставничества вы хотели бы участвовать?': 'педагог – педагог',
    }),
  ]);

  test('each branch fills the same fields; the other branch is not asked for (no «обязательный» remark)', () => {
    expect(pupil.problems).toEqual([]);
    expect(teacher.problems).toEqual([]);
    expect(pupil.response!.answers).toMatchObject({ category: 'обучающийся', grade: 5, topics: ['проект или исследование'], form: 'не знаю, помогите выбрать' });
    expect(teacher.response!.answers).toMatchObject({ category: 'педагог', experience: 1, topics: ['методика занятий', 'документация педагога ДО'], form: 'педагог – педагог' });
    expect(menteeFields(pupil.response!.answers).fields.form).toBe('');
    expect(menteeFields(teacher.response!.answers).identity).toEqual({ category: 'педагог' });
  });

  test('a row whose required branch answer is missing is still remarked', () => {
    const [bare] = read(defs.mentee, header, [row(defs.mentee, '2026-10-03T06:02:00Z', { ...common, 'Кто вы?': 'обучающийся', 'Фамилия, имя, отчество': 'Иванов Иван' })]);
    expect(bare.problems.map((p) => p.field)).toEqual(['С чем вам нужна помощь наставника?', 'Какая форма наставничества вам подходит?']);
  });
});

describe('the mentor form', () => {
  test('«студент – ученик» is offered to students even when the centre has not switched it on', () => {
    expect(defs.mentor.questions.find((q) => q.key === 'forms')!.choices).toContain('студент – ученик');
    expect(questionnaires({ forms: [], pseudonymous: false }).mentor.questions.find((q) => q.key === 'forms')!.choices).toEqual([]);
  });

  test('readiness answered as the first forms worded it still counts as trained', () => {
    const header = [
      'Отметка времени',
      'Кто вы?',
      'Фамилия, имя, отчество',
      'Объединение ЦДТ, в котором вы занимаетесь или работаете (если есть)',
      'Готовы ли вы пройти обучение в «Школе наставников»?',
    ];
    const [old] = read(defs.mentor, header, [[new Date('2026-10-02T06:00:00Z'), 'педагог', 'Белова Ирина Сергеевна', 'Изостудия', 'уже прошёл(прошла)']]);
    expect(old.response!.answers).toMatchObject({ training: 'уже прошёл (прошла)', association: 'Изостудия' });
    expect(mentorFields(old.response!.answers).onCreate.training).toBe('обучен');
  });
});

describe('wording a parent reads', () => {
  const texts = Object.values(defs).flatMap((d) => [
    d.title,
    d.description,
    d.confirmation,
    ...(d.sections ?? []).flatMap((s) => [s.title, s.help ?? '']),
    ...d.questions.flatMap((q) => [q.title, q.help ?? '', ...(q.choices ?? [])]),
  ]);

  test('no «(прошла)» or «(а)» glued to a word, no double spaces, no organisation named in code', () => {
    for (const t of texts) {
      expect(t).not.toMatch(/[а-яё]\([а-яё]/i);
      expect(t).not.toMatch(/ {2}/);
      expect(t).not.toMatch(/Хибины|Кировск|ЦДТ|undefined/);
    }
  });

  test('each form of mentoring is explained in one line where it is chosen, «не знаю» kept', () => {
    const choice = defs.mentee.questions.find((q) => q.key === 'form')!;
    expect(choice.choices).toEqual(['ученик – ученик', 'педагог – ученик', 'работодатель – ученик', 'не знаю, помогите выбрать']);
    expect(choice.help!.split('\n')).toEqual([
      'ученик – ученик: старший обучающийся помогает младшему',
      'педагог – ученик: опытный педагог помогает обучающемуся',
      'работодатель – ученик: специалист предприятия-партнёра знакомит с профессией и помогает с проектом',
      'Если сомневаетесь, выберите «не знаю, помогите выбрать» — куратор подскажет.',
    ]);
    // Teachers are offered only the teachers' form.
    expect(defs.mentee.questions.find((q) => q.key === 'teacherForm')!.choices).toEqual(['педагог – педагог', 'не знаю, помогите выбрать']);
  });

  test("pupils are never offered teachers' topics, nor teachers pupils'", () => {
    const pupilTopics = defs.mentee.questions.find((q) => q.key === 'topics')!;
    const teacherTopics = defs.mentee.questions.find((q) => q.key === 'teacherTopics')!;
    expect(pupilTopics.section).toBe('pupil');
    expect(pupilTopics.choices).not.toContain('документация педагога ДО');
    expect(pupilTopics.choices).not.toContain('методика занятий');
    expect(teacherTopics.section).toBe('teacher');
    expect(teacherTopics.choices).not.toContain('выбор профессии');
    expect(defs.mentee.questions.find((q) => q.key === 'experience')!.section).toBe('teacher');
  });
});

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

describe('questions added after the forms were in use', () => {
  const DIRECTION = 'Если нужна помощь с конкурсом, проектом или объединением — по какому направлению?';
  const answers = {
    'Кто вы?': 'обучающийся',
    'Фамилия, имя, отчество': 'Орлов Глеб Игоревич',
    'Объединение (студия, кружок), в котором вы занимаетесь или работаете': 'Изостудия',
    'С чем вам нужна помощь наставника?': 'подготовка к конкурсу, олимпиаде, выставке',
    'Какая форма наставничества вам подходит?': 'ученик – ученик',
    'Удобный формат встреч': 'очно',
    'Телефон или e-mail для связи': 'a@b.ru',
  };
  const withColumn = sectionedHeader(defs.mentee);
  const withoutColumn = withColumn.filter((h) => h !== DIRECTION);
  const at = '2026-10-03T06:00:00Z';
  const cells = (header: string[], extra: Record<string, string> = {}): CellValue[] => [new Date(at), ...header.slice(1).map((h) => ({ ...answers, ...extra })[h as keyof typeof answers] ?? '')];

  test('an older response keeps its fingerprint once Google adds the empty column, so it is not imported again', () => {
    const [before] = read(defs.mentee, withoutColumn, [cells(withoutColumn)]);
    const [after] = read(defs.mentee, withColumn, [cells(withColumn)]);
    expect(after.response!.fingerprint).toBe(before.response!.fingerprint);
    // An answer to the new question is a different response.
    const [answered] = read(defs.mentee, withColumn, [cells(withColumn, { [DIRECTION]: 'музыка и вокал' })]);
    expect(answered.response!.fingerprint).not.toBe(before.response!.fingerprint);
    expect(answered.response!.answers.direction).toBe('музыка и вокал');
    expect(menteeFields(answered.response!.answers).fields.direction).toBe('музыка и вокал');
    // Unanswered, the field is not written at all (a request's field is not blanked).
    expect('direction' in menteeFields(after.response!.answers).fields).toBe(false);
  });

  test("the field is a choice of the centre's directions or the person's own words", () => {
    const [own] = read(defs.mentee, withColumn, [cells(withColumn, { [DIRECTION]: 'хореография' })]);
    expect(own.problems).toEqual([]);
    expect(own.response!.answers.direction).toBe('хореография');
    const third = defs.thirdParty.questions.find((q) => q.key === 'direction')!;
    expect(third).toMatchObject({ title: 'По какому направлению?', required: false, type: 'MULTIPLE_CHOICE', otherOption: true });
    expect(defs.thirdParty.questions.map((q) => q.key).indexOf('direction')).toBe(defs.thirdParty.questions.map((q) => q.key).indexOf('topics') + 1);
  });

  test("a pupil mentor's age is read (10–25) and kept for pupils only", () => {
    const header = ['Отметка времени', 'Кто вы?', 'Фамилия, имя, отчество', 'Возраст, полных лет (для обучающихся)'];
    const [adult, tooOld, partner] = read(defs.mentor, header, [
      [new Date(at), 'обучающийся', 'Григорьев Артём Павлович', '18'],
      [new Date(at), 'обучающийся', 'Белова Ксения Олеговна', '26'],
      [new Date(at), 'сотрудник организации-партнёра', 'Соколов Павел Андреевич', '40'],
    ]);
    expect(adult.problems).toEqual([]);
    expect(mentorFields(adult.response!.answers).fields.age).toBe(18);
    expect(tooOld.problems.map((p) => p.reason)).toEqual(['26 — вне допустимого диапазона 10–25']);
    expect(mentorFields(tooOld.response!.answers).fields.age).toBe('');
    expect(mentorFields(partner.response!.answers).fields.age).toBe('');
    const q = defs.mentor.questions.find((x) => x.key === 'age')!;
    expect(q).toMatchObject({ required: false, onlyFor: ['обучающийся'], field: { kind: 'number', min: 10, max: 25 } });
    expect(defs.mentor.questions.map((x) => x.key).indexOf('age')).toBe(defs.mentor.questions.map((x) => x.key).indexOf('grade') + 1);
  });

  test('«только очно» and «только дистанционно» are offered, with a line saying when to choose them', () => {
    for (const def of [defs.mentee, defs.mentor]) {
      const format = def.questions.find((q) => q.key === 'format')!;
      expect(format.choices).toEqual(['очно', 'дистанционно', 'смешанный', 'только очно', 'только дистанционно']);
      expect(format.help).toBe('Выберите «только …», если другой формат для вас невозможен');
    }
  });
});

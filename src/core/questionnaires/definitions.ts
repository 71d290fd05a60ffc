import { COMPETENCIES, DAY_PARTS, FORMATS, INTERESTS, PUPIL_REQUESTS, TEACHER_REQUESTS, THIRD_PARTY_ROLES, TRAINING_READINESS, WEEKDAYS, uniqueChoices } from './choices';
import { QuestionDef, QuestionnaireDef, QuestionnaireKey } from './types';

/** What the definitions depend on in this workbook. */
export interface QuestionnaireContext {
  /** Active forms of mentoring from «Формы наставничества». */
  forms: readonly string[];
  /** Pseudonymous mode: participants give the code the curator issued instead of their name. */
  pseudonymous: boolean;
}

export const ROLE_PUPIL = 'обучающийся';
export const ROLE_TEACHER = 'педагог';
export const ROLE_PARTNER = 'сотрудник организации-партнёра';
export const ROLE_STUDENT = 'студент колледжа или вуза';
export const NOT_SURE = 'не знаю, помогите выбрать';

const TEXT = { kind: 'text', maxLength: 300 } as const;
const LONG_TEXT = { kind: 'text', maxLength: 2000 } as const;

function nameQuestion(ctx: QuestionnaireContext, title: string): QuestionDef {
  return ctx.pseudonymous
    ? { key: 'name', title: 'Код участника (выдаёт куратор)', type: 'TEXT', required: true, field: { kind: 'text', maxLength: 40 }, help: 'Фамилию и имя в анкете не указывайте' }
    : { key: 'name', title, type: 'TEXT', required: true, field: { kind: 'text', maxLength: 150 } };
}

const schedule: QuestionDef = {
  key: 'schedule',
  title: 'Когда вам удобно встречаться?',
  type: 'CHECKBOX_GRID',
  required: false,
  rows: WEEKDAYS,
  columns: DAY_PARTS,
  field: { kind: 'grid' },
  help: 'Отметьте все подходящие варианты',
};

const format: QuestionDef = { key: 'format', title: 'Удобный формат встреч', type: 'MULTIPLE_CHOICE', required: true, choices: FORMATS, field: { kind: 'choice' } };
const interests: QuestionDef = { key: 'interests', title: 'Ваши интересы и увлечения', type: 'CHECKBOX', required: false, choices: INTERESTS, otherOption: true, field: { kind: 'choices' } };

function menteeQuestionnaire(ctx: QuestionnaireContext): QuestionnaireDef {
  return {
    key: 'mentee',
    title: 'Анкета наставляемого',
    description:
      'Программа наставничества МАОДО ЦДТ «Хибины». Анкета помогает подобрать наставника под ваш запрос. ' +
      'Заполнение анкеты не заменяет согласия на обработку персональных данных: его оформляет куратор отдельно.',
    confirmation: 'Спасибо! Куратор программы свяжется с вами после подбора наставника.',
    questions: [
      { key: 'category', title: 'Кто вы?', type: 'MULTIPLE_CHOICE', required: true, choices: [ROLE_PUPIL, ROLE_TEACHER], field: { kind: 'choice' } },
      nameQuestion(ctx, 'Фамилия, имя, отчество'),
      { key: 'grade', title: 'Класс (для обучающихся)', type: 'TEXT', required: false, field: { kind: 'grade' }, onlyFor: [ROLE_PUPIL], help: 'Например: 7 или 7А' },
      { key: 'age', title: 'Возраст, полных лет (для обучающихся)', type: 'TEXT', required: false, field: { kind: 'number', min: 5, max: 18 }, onlyFor: [ROLE_PUPIL] },
      { key: 'association', title: 'Объединение (студия, кружок), в котором вы занимаетесь или работаете', type: 'TEXT', required: true, field: TEXT },
      { key: 'experience', title: 'Педагогический стаж, полных лет (для педагогов)', type: 'TEXT', required: false, field: { kind: 'number', min: 0, max: 50 }, onlyFor: [ROLE_TEACHER] },
      {
        key: 'topics',
        title: 'С чем вам нужна помощь наставника?',
        type: 'CHECKBOX',
        required: true,
        choices: [...PUPIL_REQUESTS, ...TEACHER_REQUESTS],
        otherOption: true,
        field: { kind: 'choices' },
      },
      { key: 'request', title: 'Расскажите о своём запросе подробнее', type: 'PARAGRAPH_TEXT', required: false, field: LONG_TEXT },
      interests,
      { key: 'form', title: 'Какая форма наставничества вам подходит?', type: 'MULTIPLE_CHOICE', required: true, choices: [...ctx.forms, NOT_SURE], field: { kind: 'choice' } },
      format,
      schedule,
      {
        key: 'contact',
        title: 'Телефон или e-mail для связи',
        type: 'TEXT',
        required: true,
        field: { kind: 'phoneOrEmail' },
        help: 'Для обучающихся младше 18 лет — контакт родителя (законного представителя)',
      },
    ],
  };
}

function mentorQuestionnaire(ctx: QuestionnaireContext): QuestionnaireDef {
  return {
    key: 'mentor',
    title: 'Анкета наставника',
    description:
      'Программа наставничества МАОДО ЦДТ «Хибины». Анкета для тех, кто готов стать наставником: ' + 'обучающихся старших классов, педагогов, сотрудников организаций-партнёров и студентов.',
    confirmation: 'Спасибо! Куратор программы пригласит вас на встречу наставников и наставляемых.',
    questions: [
      { key: 'category', title: 'Кто вы?', type: 'MULTIPLE_CHOICE', required: true, choices: [ROLE_PUPIL, ROLE_TEACHER, ROLE_PARTNER, ROLE_STUDENT], field: { kind: 'choice' } },
      nameQuestion(ctx, 'Фамилия, имя, отчество'),
      { key: 'grade', title: 'Класс (для обучающихся)', type: 'TEXT', required: false, field: { kind: 'grade' }, onlyFor: [ROLE_PUPIL] },
      { key: 'organisation', title: 'Организация (для сотрудников партнёров и студентов)', type: 'TEXT', required: false, field: TEXT, onlyFor: [ROLE_PARTNER, ROLE_STUDENT] },
      { key: 'position', title: 'Должность', type: 'TEXT', required: false, field: TEXT, onlyFor: [ROLE_TEACHER, ROLE_PARTNER] },
      { key: 'experience', title: 'Стаж работы, полных лет', type: 'TEXT', required: false, field: { kind: 'number', min: 0, max: 60 }, onlyFor: [ROLE_TEACHER, ROLE_PARTNER] },
      { key: 'association', title: 'Объединение ЦДТ, в котором вы занимаетесь или работаете (если есть)', type: 'TEXT', required: false, field: TEXT },
      { key: 'competencies', title: 'В чём вы можете помочь наставляемому?', type: 'CHECKBOX', required: true, choices: COMPETENCIES, otherOption: true, field: { kind: 'choices' } },
      interests,
      { key: 'achievements', title: 'Ваши достижения (конкурсы, проекты, награды)', type: 'PARAGRAPH_TEXT', required: false, field: LONG_TEXT },
      { key: 'forms', title: 'В каких формах наставничества вы готовы участвовать?', type: 'CHECKBOX', required: true, choices: ctx.forms, field: { kind: 'choices' } },
      { key: 'capacity', title: 'Скольких наставляемых вы готовы сопровождать?', type: 'LIST', required: true, choices: ['1', '2', '3', '4', '5'], field: { kind: 'number', min: 1, max: 5 } },
      format,
      schedule,
      { key: 'training', title: 'Готовы ли вы пройти обучение в «Школе наставников»?', type: 'MULTIPLE_CHOICE', required: true, choices: TRAINING_READINESS, field: { kind: 'choice' } },
      { key: 'contact', title: 'Телефон или e-mail для связи', type: 'TEXT', required: true, field: { kind: 'phoneOrEmail' } },
    ],
  };
}

function thirdPartyQuestionnaire(ctx: QuestionnaireContext): QuestionnaireDef {
  return {
    key: 'thirdParty',
    title: 'Запрос на наставника для обучающегося',
    description:
      'Для классных руководителей, педагогов-психологов, социальных педагогов, педагогов объединений и родителей: ' +
      'расскажите, какая поддержка нужна ребёнку. Сведения о здоровье и социальном положении в анкете не указывайте — ' +
      'при необходимости сообщите их куратору лично.',
    confirmation: 'Спасибо! Куратор учтёт ваш запрос при подборе наставника.',
    questions: [
      { key: 'reporterRole', title: 'Кто вы?', type: 'MULTIPLE_CHOICE', required: true, choices: THIRD_PARTY_ROLES, field: { kind: 'choice' } },
      { key: 'reporterName', title: 'Ваши фамилия, имя, отчество', type: 'TEXT', required: true, field: { kind: 'text', maxLength: 150 } },
      ctx.pseudonymous
        ? { key: 'name', title: 'Код обучающегося (выдаёт куратор)', type: 'TEXT', required: true, field: { kind: 'text', maxLength: 40 } }
        : { key: 'name', title: 'Фамилия, имя, отчество обучающегося', type: 'TEXT', required: true, field: { kind: 'text', maxLength: 150 } },
      { key: 'grade', title: 'Класс обучающегося', type: 'TEXT', required: false, field: { kind: 'grade' } },
      { key: 'association', title: 'Объединение обучающегося', type: 'TEXT', required: false, field: TEXT },
      { key: 'topics', title: 'Какая поддержка нужна?', type: 'CHECKBOX', required: true, choices: PUPIL_REQUESTS, otherOption: true, field: { kind: 'choices' } },
      { key: 'request', title: 'Опишите ситуацию подробнее', type: 'PARAGRAPH_TEXT', required: false, field: LONG_TEXT },
      { key: 'form', title: 'Какая форма наставничества, на ваш взгляд, подойдёт?', type: 'MULTIPLE_CHOICE', required: false, choices: [...ctx.forms, NOT_SURE], field: { kind: 'choice' } },
      { key: 'contact', title: 'Ваш телефон или e-mail для связи', type: 'TEXT', required: true, field: { kind: 'phoneOrEmail' } },
    ],
  };
}

export const ROLE_MENTOR_SHORT = 'наставник';
export const ROLE_MENTEE_SHORT = 'наставляемый';

/** Roadmap 5.1: right after the group meeting both sides name whom they would like to work with. */
function preferenceQuestionnaire(ctx: QuestionnaireContext): QuestionnaireDef {
  const choice = (n: number, required: boolean): QuestionDef => ({
    key: `choice${n}`,
    title: `${n}-й выбор: с кем вы хотели бы работать в паре?`,
    type: 'TEXT',
    required,
    field: { kind: 'text', maxLength: 150 },
    help: ctx.pseudonymous ? 'Код участника, как его назвали на встрече' : 'Фамилия и имя, как их назвали на встрече',
  });
  return {
    key: 'preference',
    title: 'Анкета после групповой встречи',
    description:
      'Программа наставничества МАОДО ЦДТ «Хибины». Заполните сразу после встречи наставников и наставляемых: ваши предпочтения помогут составить пары. Ответы видит только куратор и хранятся до утверждения пар.',
    confirmation: 'Спасибо! Куратор учтёт ваш выбор при составлении пар.',
    questions: [
      { key: 'role', title: 'Вы участвовали во встрече как', type: 'MULTIPLE_CHOICE', required: true, choices: [ROLE_MENTEE_SHORT, ROLE_MENTOR_SHORT], field: { kind: 'choice' } },
      nameQuestion(ctx, 'Ваши фамилия, имя, отчество'),
      choice(1, true),
      choice(2, false),
      choice(3, false),
      { key: 'impressions', title: 'Ваши впечатления от встречи', type: 'PARAGRAPH_TEXT', required: false, field: LONG_TEXT },
    ],
  };
}

export function questionnaires(given: QuestionnaireContext): Record<QuestionnaireKey, QuestionnaireDef> {
  // The forms of mentoring are typed by the curator: the same name twice is one choice.
  const ctx: QuestionnaireContext = { ...given, forms: uniqueChoices(given.forms) };
  return { mentee: menteeQuestionnaire(ctx), mentor: mentorQuestionnaire(ctx), thirdParty: thirdPartyQuestionnaire(ctx), preference: preferenceQuestionnaire(ctx) };
}

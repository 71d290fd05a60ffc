import { MENTORING_FORMS } from '../domain/forms-of-mentoring';
import { HELD_FORMATS } from '../domain/forms-of-mentoring';
import {
  COMPETENCIES,
  MEETING_KINDS,
  DAY_PARTS,
  FORMATS,
  FORM_EXPLANATIONS,
  INTERESTS,
  PUPIL_REQUESTS,
  TEACHER_REQUESTS,
  THIRD_PARTY_ROLES,
  TRAINING_READINESS,
  TRAINING_READINESS_BEFORE,
  WEEKDAYS,
  uniqueChoices,
} from './choices';
import { NO_DETAILS, ProgrammeDetails, meetingTexts, menteeTexts, mentorTexts, monitoringTexts, preferenceTexts, thirdPartyTexts } from './texts';
import { monitoringQuestionnaires } from './monitoring-forms';
import { NO_PAIRS_YET, pairListQuestion } from './pair-question';
import { QuestionDef, QuestionnaireDef, QuestionnaireKey } from './types';

/** What the definitions depend on in this workbook. */
export interface QuestionnaireContext {
  /** Active forms of mentoring from «Формы наставничества». */
  forms: readonly string[];
  /** Pseudonymous mode: participants give the code the curator issued instead of their name. */
  pseudonymous: boolean;
  /**
   * The centre, the curator and the roadmap's dates for the descriptions and confirmations. Only
   * the texts depend on them (titles and choices do not), so reading answers can do without.
   */
  details?: ProgrammeDetails;
  /**
   * IDs of the approved pairs and groups (a group once, by its group ID) for the meeting form's
   * list. Only the form's choices depend on them: reading answers checks the pairs themselves.
   */
  pairs?: readonly string[];
}

export const ROLE_PUPIL = 'обучающийся';
export const ROLE_TEACHER = 'педагог';
export const ROLE_PARTNER = 'сотрудник организации-партнёра';
export const ROLE_STUDENT = 'студент колледжа или вуза';
export const NOT_SURE = 'не знаю, помогите выбрать';
/** The mentee form's teacher choice, worded for the person; the bases keep ROLE_TEACHER. */
export const ROLE_NEW_TEACHER = 'педагог (молодой специалист или новый сотрудник)';
/** The form of mentoring students mentor in: offered to them whatever the centre runs this year. */
export const STUDENT_FORM = 'студент – ученик';

const TEXT = { kind: 'text', maxLength: 300 } as const;
const LONG_TEXT = { kind: 'text', maxLength: 2000 } as const;

function nameQuestion(ctx: QuestionnaireContext, title: string, help?: string): QuestionDef {
  return ctx.pseudonymous
    ? { key: 'name', title: 'Код участника (выдаёт куратор)', type: 'TEXT', required: true, field: { kind: 'text', maxLength: 40 }, help: 'Фамилию и имя в анкете не указывайте' }
    : { key: 'name', title, type: 'TEXT', required: true, field: { kind: 'text', maxLength: 150 }, ...(help ? { help } : {}) };
}

/** «ученик – ученик: старший обучающийся помогает младшему», one line per offered form. */
function formsHelp(forms: readonly string[], withNotSure: boolean): string {
  const lines = forms.map((f) => (FORM_EXPLANATIONS[f] ? `${f}: ${FORM_EXPLANATIONS[f]}` : f));
  if (withNotSure) lines.push(`Если сомневаетесь, выберите «${NOT_SURE}» — куратор подскажет.`);
  return lines.join('\n');
}

/** Every name as itself: answers an earlier, wider list offered are still read as known choices. */
const asThemselves = (values: readonly string[]): Record<string, string> => Object.fromEntries(values.map((v) => [v, v]));

/** The forms of mentoring whose mentee is a teacher, and the rest (a form the curator added goes to both). */
function formsByMentee(forms: readonly string[]): { pupil: string[]; teacher: string[] } {
  const role = (name: string) => MENTORING_FORMS.find((f) => f.name === name)?.menteeRole;
  return { pupil: forms.filter((f) => role(f) !== ROLE_TEACHER), teacher: forms.filter((f) => role(f) !== ROLE_PUPIL) };
}

const CONTACT_HELP_MINOR = 'Если вам нет 18 лет — телефон или e-mail родителя (законного представителя)';
const GRADE_HELP = 'Класс в школе, например: 7 или 7А';

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

const format: QuestionDef = {
  key: 'format',
  title: 'Удобный формат встреч',
  type: 'MULTIPLE_CHOICE',
  required: true,
  choices: FORMATS,
  field: { kind: 'choice' },
  help: 'Выберите «только …», если другой формат для вас невозможен',
};

/**
 * A contest, a project or a new association needs a mentor of the same field: «подготовка к
 * конкурсу» for a vocal contest is not covered by a media-studio teacher.
 */
const direction = (title: string): QuestionDef => ({
  key: 'direction',
  title,
  type: 'MULTIPLE_CHOICE',
  required: false,
  choices: INTERESTS,
  otherOption: true,
  field: { kind: 'choice' },
  addedLater: true,
});
const interests: QuestionDef = { key: 'interests', title: 'Ваши интересы и увлечения', type: 'CHECKBOX', required: false, choices: INTERESTS, otherOption: true, field: { kind: 'choices' } };

function menteeQuestionnaire(ctx: QuestionnaireContext): QuestionnaireDef {
  const forms = formsByMentee(ctx.forms);
  return {
    key: 'mentee',
    title: 'Анкета наставляемого',
    ...menteeTexts(ctx.details ?? NO_DETAILS),
    route: 'category',
    sections: [
      { key: 'pupil', title: 'Для обучающихся', help: 'Если вы заполняете анкету за ребёнка, отвечайте о нём.', forAnswers: [ROLE_PUPIL] },
      { key: 'teacher', title: 'Для педагогов', help: 'Для молодых специалистов (педагогический стаж до 3 лет) и новых сотрудников.', forAnswers: [ROLE_TEACHER] },
      { key: 'meetings', title: 'Интересы, встречи и связь' },
    ],
    questions: [
      {
        key: 'category',
        title: 'Кто вы?',
        type: 'MULTIPLE_CHOICE',
        required: true,
        choices: [ROLE_PUPIL, ROLE_NEW_TEACHER],
        stores: { [ROLE_NEW_TEACHER]: ROLE_TEACHER },
        answerAliases: { [ROLE_TEACHER]: ROLE_NEW_TEACHER },
        field: { kind: 'choice' },
        help: 'Обучающийся — ребёнок или подросток, который занимается в объединении. Родители младших школьников могут заполнить анкету за ребёнка и выбрать «обучающийся».',
      },
      nameQuestion(ctx, 'Фамилия, имя, отчество', 'Если анкету заполняет родитель — фамилия, имя и отчество ребёнка'),
      { key: 'association', title: 'Объединение (студия, кружок), в котором вы занимаетесь или работаете', type: 'TEXT', required: true, field: TEXT },
      // Pupils only.
      {
        key: 'grade',
        title: 'Класс (для обучающихся)',
        type: 'TEXT',
        required: false,
        field: { kind: 'grade' },
        onlyFor: [ROLE_PUPIL],
        help: `${GRADE_HELP}. Дошкольникам — оставьте пустым`,
        section: 'pupil',
      },
      { key: 'age', title: 'Возраст, полных лет (для обучающихся)', type: 'TEXT', required: false, field: { kind: 'number', min: 5, max: 18 }, onlyFor: [ROLE_PUPIL], section: 'pupil' },
      { key: 'topics', title: 'С чем вам нужна помощь наставника?', type: 'CHECKBOX', required: true, choices: PUPIL_REQUESTS, otherOption: true, field: { kind: 'choices' }, section: 'pupil' },
      { ...direction('Если нужна помощь с конкурсом, проектом или объединением — по какому направлению?'), section: 'pupil' },
      {
        key: 'form',
        title: 'Какая форма наставничества вам подходит?',
        type: 'MULTIPLE_CHOICE',
        required: true,
        choices: [...forms.pupil, NOT_SURE],
        answerAliases: asThemselves(ctx.forms),
        field: { kind: 'choice' },
        help: formsHelp(forms.pupil, true),
        section: 'pupil',
      },
      // Teachers only.
      {
        key: 'experience',
        title: 'Педагогический стаж, полных лет',
        aliases: ['Педагогический стаж, полных лет (для педагогов)'],
        type: 'TEXT',
        required: false,
        field: { kind: 'number', min: 0, max: 50 },
        onlyFor: [ROLE_TEACHER],
        section: 'teacher',
      },
      {
        key: 'teacherTopics',
        answerKey: 'topics',
        title: 'С чем вам нужна помощь наставника в работе?',
        // The single-page form asked everyone the one question; its column still holds teachers' answers.
        aliases: ['С чем вам нужна помощь наставника?'],
        type: 'CHECKBOX',
        required: true,
        choices: TEACHER_REQUESTS,
        answerAliases: asThemselves(PUPIL_REQUESTS),
        otherOption: true,
        field: { kind: 'choices' },
        section: 'teacher',
      },
      {
        key: 'teacherForm',
        answerKey: 'form',
        title: 'В какой форме наставничества вы хотели бы участвовать?',
        aliases: ['Какая форма наставничества вам подходит?'],
        type: 'MULTIPLE_CHOICE',
        required: true,
        choices: [...forms.teacher, NOT_SURE],
        answerAliases: asThemselves(ctx.forms),
        field: { kind: 'choice' },
        help: formsHelp(forms.teacher, true),
        section: 'teacher',
      },
      // Everyone again.
      { key: 'request', title: 'Расскажите о своём запросе подробнее', type: 'PARAGRAPH_TEXT', required: false, field: LONG_TEXT, section: 'meetings' },
      { ...interests, section: 'meetings' },
      { ...format, section: 'meetings' },
      { ...schedule, section: 'meetings' },
      {
        key: 'contact',
        title: 'Телефон или e-mail для связи',
        type: 'TEXT',
        required: true,
        field: { kind: 'phoneOrEmail' },
        help: 'Для обучающихся младше 18 лет — телефон или e-mail родителя (законного представителя)',
        section: 'meetings',
      },
    ],
  };
}

function mentorQuestionnaire(ctx: QuestionnaireContext): QuestionnaireDef {
  // Students are always asked «Кто вы?», so their own form is always offered to them (none if the
  // centre runs no form at all: then nothing is created until the curator chooses one).
  const forms = ctx.forms.length ? uniqueChoices([...ctx.forms, STUDENT_FORM]) : [];
  return {
    key: 'mentor',
    title: 'Анкета наставника',
    ...mentorTexts(ctx.details ?? NO_DETAILS),
    questions: [
      { key: 'category', title: 'Кто вы?', type: 'MULTIPLE_CHOICE', required: true, choices: [ROLE_PUPIL, ROLE_TEACHER, ROLE_PARTNER, ROLE_STUDENT], field: { kind: 'choice' } },
      nameQuestion(ctx, 'Фамилия, имя, отчество'),
      { key: 'grade', title: 'Класс (для обучающихся)', type: 'TEXT', required: false, field: { kind: 'grade' }, onlyFor: [ROLE_PUPIL], help: 'Класс в школе, например: 9 или 9Б' },
      // From 18 a pupil mentor signs their own consent.
      { key: 'age', title: 'Возраст, полных лет (для обучающихся)', type: 'TEXT', required: false, field: { kind: 'number', min: 10, max: 25 }, onlyFor: [ROLE_PUPIL], addedLater: true },
      {
        key: 'organisation',
        title: 'Организация (для сотрудников партнёров и студентов)',
        type: 'TEXT',
        required: false,
        field: TEXT,
        onlyFor: [ROLE_PARTNER, ROLE_STUDENT],
        help: 'Предприятие, колледж или вуз',
      },
      { key: 'position', title: 'Должность', type: 'TEXT', required: false, field: TEXT, onlyFor: [ROLE_TEACHER, ROLE_PARTNER] },
      { key: 'experience', title: 'Стаж работы, полных лет', type: 'TEXT', required: false, field: { kind: 'number', min: 0, max: 60 }, onlyFor: [ROLE_TEACHER, ROLE_PARTNER] },
      {
        key: 'association',
        title: 'Объединение (студия, кружок), в котором вы занимаетесь или работаете (если есть)',
        aliases: ['Объединение ЦДТ, в котором вы занимаетесь или работаете (если есть)'],
        type: 'TEXT',
        required: false,
        field: TEXT,
      },
      { key: 'competencies', title: 'В чём вы можете помочь наставляемому?', type: 'CHECKBOX', required: true, choices: COMPETENCIES, otherOption: true, field: { kind: 'choices' } },
      interests,
      { key: 'achievements', title: 'Ваши достижения (конкурсы, проекты, награды)', type: 'PARAGRAPH_TEXT', required: false, field: LONG_TEXT },
      {
        key: 'forms',
        title: 'В каких формах наставничества вы готовы участвовать?',
        type: 'CHECKBOX',
        required: true,
        choices: forms,
        field: { kind: 'choices' },
        help: formsHelp(forms, false),
      },
      { key: 'capacity', title: 'Скольких наставляемых вы готовы сопровождать?', type: 'LIST', required: true, choices: ['1', '2', '3', '4', '5'], field: { kind: 'number', min: 1, max: 5 } },
      format,
      schedule,
      {
        key: 'training',
        title: 'Готовы ли вы пройти обучение в «Школе наставников»?',
        type: 'MULTIPLE_CHOICE',
        required: true,
        choices: TRAINING_READINESS,
        answerAliases: TRAINING_READINESS_BEFORE,
        field: { kind: 'choice' },
      },
      { key: 'contact', title: 'Телефон или e-mail для связи', type: 'TEXT', required: true, field: { kind: 'phoneOrEmail' }, help: CONTACT_HELP_MINOR },
    ],
  };
}

function thirdPartyQuestionnaire(ctx: QuestionnaireContext): QuestionnaireDef {
  const forms = formsByMentee(ctx.forms).pupil;
  return {
    key: 'thirdParty',
    title: 'Запрос на наставника для обучающегося',
    ...thirdPartyTexts(ctx.details ?? NO_DETAILS),
    questions: [
      { key: 'reporterRole', title: 'Кто вы?', type: 'MULTIPLE_CHOICE', required: true, choices: THIRD_PARTY_ROLES, field: { kind: 'choice' } },
      { key: 'reporterName', title: 'Ваши фамилия, имя, отчество', type: 'TEXT', required: true, field: { kind: 'text', maxLength: 150 } },
      ctx.pseudonymous
        ? { key: 'name', title: 'Код обучающегося (выдаёт куратор)', type: 'TEXT', required: true, field: { kind: 'text', maxLength: 40 } }
        : { key: 'name', title: 'Фамилия, имя, отчество обучающегося', type: 'TEXT', required: true, field: { kind: 'text', maxLength: 150 } },
      { key: 'grade', title: 'Класс обучающегося', type: 'TEXT', required: false, field: { kind: 'grade' }, help: GRADE_HELP },
      { key: 'association', title: 'Объединение обучающегося', type: 'TEXT', required: false, field: TEXT },
      { key: 'topics', title: 'Какая поддержка нужна?', type: 'CHECKBOX', required: true, choices: PUPIL_REQUESTS, otherOption: true, field: { kind: 'choices' } },
      direction('По какому направлению?'),
      { key: 'request', title: 'Опишите ситуацию подробнее', type: 'PARAGRAPH_TEXT', required: false, field: LONG_TEXT },
      {
        key: 'form',
        title: 'Какая форма наставничества, на ваш взгляд, подойдёт?',
        type: 'MULTIPLE_CHOICE',
        required: false,
        choices: [...forms, NOT_SURE],
        answerAliases: asThemselves(ctx.forms),
        field: { kind: 'choice' },
        help: formsHelp(forms, true),
      },
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
    ...preferenceTexts(ctx.details ?? NO_DETAILS),
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

export const MEETING_FORM_TITLE = 'Отчёт о встрече наставника';
/** The meeting form's only choice until an order approves pairs (a list cannot be empty). */
export const MEETING_NO_PAIRS = NO_PAIRS_YET;

/** Roadmap 6.1: a mentor reports each meeting through a personal link that fills in the code. */
function meetingQuestionnaire(ctx: QuestionnaireContext): QuestionnaireDef {
  return {
    key: 'meeting',
    title: MEETING_FORM_TITLE,
    ...meetingTexts(ctx.details ?? NO_DETAILS),
    questions: [
      { key: 'mentorCode', title: 'Код наставника', type: 'TEXT', required: true, strict: true, field: { kind: 'text', maxLength: 40 }, help: 'Заполняется по вашей ссылке, не меняйте' },
      pairListQuestion('pair', ctx.pairs ?? [], 'Код пары (ПА-…) или группы (Г-…) из приказа; если она у вас одна, он уже выбран'),
      { key: 'kind', title: 'Вид встречи', type: 'MULTIPLE_CHOICE', required: true, strict: true, choices: MEETING_KINDS, field: { kind: 'choice' } },
      { key: 'date', title: 'Дата встречи', type: 'DATE', required: true, strict: true, field: { kind: 'date' } },
      {
        key: 'minutes',
        title: 'Длительность, минут',
        type: 'TEXT',
        required: true,
        strict: true,
        field: { kind: 'number', min: 5, max: 600 },
        help: 'Целое число от 5 до 600, например 45',
      },
      { key: 'format', title: 'Формат', type: 'MULTIPLE_CHOICE', required: true, strict: true, choices: HELD_FORMATS, field: { kind: 'choice' } },
      { key: 'done', title: 'Что сделали на встрече', type: 'PARAGRAPH_TEXT', required: true, field: LONG_TEXT, help: 'Коротко: тема, что сделали, что договорились сделать к следующей встрече' },
    ],
  };
}

export function questionnaires(given: QuestionnaireContext): Record<QuestionnaireKey, QuestionnaireDef> {
  // The forms of mentoring are typed by the curator: the same name twice is one choice.
  const ctx: QuestionnaireContext = { ...given, forms: uniqueChoices(given.forms) };
  return {
    mentee: menteeQuestionnaire(ctx),
    mentor: mentorQuestionnaire(ctx),
    thirdParty: thirdPartyQuestionnaire(ctx),
    preference: preferenceQuestionnaire(ctx),
    meeting: meetingQuestionnaire(ctx),
    ...(monitoringQuestionnaires({ forms: ctx.forms, pairs: ctx.pairs ?? [], texts: (key) => monitoringTexts(ctx.details ?? NO_DETAILS, key) }) as Record<
      Exclude<QuestionnaireKey, 'mentee' | 'mentor' | 'thirdParty' | 'preference' | 'meeting'>,
      QuestionnaireDef
    >),
  };
}

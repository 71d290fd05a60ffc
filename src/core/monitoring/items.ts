/**
 * The monitoring questionnaires as data (МР-42/02, notes §2): the forms are built from these
 * definitions and the reports read the answers by the same codes, so the two cannot drift apart.
 * Everything here is plain JSON-shaped data, so a curator-edited sheet can later replace it; the
 * wording is the usual reconstruction of the annex ([P] in the notes) and is the curator's to adjust.
 *
 * Entry diagnostics ask about expectations, exit diagnostics about experience; a paired item keeps
 * one code in both, which is what makes Δ = exit − entry possible.
 */
import type { Phase, Role } from './types';

export type ItemKind = 'scale' | 'yesno' | 'open' | 'choice';

/** Scales run 1–10, 1 being the lowest (the annex's convention). */
export const SCALE_MIN = 1;
export const SCALE_MAX = 10;
export const SCALE_HELP = 'Оцените от 1 до 10, где 1 — самая низкая оценка, 10 — самая высокая';

export interface MonitoringItem {
  /** Stable English code: the answer's key in «Диагностика» and in every report. */
  code: string;
  kind: ItemKind;
  /** Wording at entry (expectations); absent — not asked at entry. */
  entry?: string;
  /** Wording at exit (experience); absent — not asked at exit. */
  exit?: string;
  /** Short name for tables and charts. */
  label: string;
  choices?: readonly string[];
  /** Asked only in these forms of mentoring; absent — in every form. */
  forms?: readonly string[];
  /** The item whose answers give the respondent's satisfaction (indicators 5 and 6 of Р-145). */
  satisfaction?: boolean;
  required: boolean;
}

const YOUNG_TEACHER_FORMS = ['педагог – педагог'] as const;
const PEER_FORMS = ['ученик – ученик'] as const;

/** The paired 1–10 item: «Насколько …, как вы ожидаете, …» at entry, «Насколько … было …» at exit. */
function paired(code: string, label: string, entry: string, exit: string, satisfaction = false): MonitoringItem {
  return { code, kind: 'scale', label, entry, exit, required: true, ...(satisfaction ? { satisfaction } : {}) };
}

const PRIOR_EXPERIENCE: readonly MonitoringItem[] = [
  {
    code: 'prior',
    kind: 'yesno',
    label: 'Участвовал(а) в наставничестве раньше',
    entry: 'Участвовали ли вы раньше в программах наставничества?',
    exit: 'Участвовали ли вы в программах наставничества до этой?',
    required: true,
  },
  {
    code: 'priorWhere',
    kind: 'open',
    label: 'Где участвовал(а) раньше',
    entry: 'Если участвовали — где и в какой роли?',
    exit: 'Если участвовали — где и в какой роли?',
    required: false,
  },
];

const MENTEE_ITEMS: readonly MonitoringItem[] = [
  ...PRIOR_EXPERIENCE,
  paired('effectiveness', 'Эффективность программы', 'Насколько эффективной, как вы ожидаете, будет для вас программа наставничества?', 'Насколько эффективной была для вас программа наставничества?'),
  paired('comfort', 'Комфорт общения с наставником', 'Насколько комфортным, как вы ожидаете, будет общение с наставником?', 'Насколько комфортным было общение с наставником?'),
  paired('mentorHelp', 'Полезность помощи наставника', 'Насколько полезной, как вы ожидаете, будет помощь наставника?', 'Насколько полезной была помощь наставника?'),
  paired('personalMeetings', 'Полезность личных встреч', 'Насколько полезными, как вы ожидаете, будут личные встречи с наставником?', 'Насколько полезными были личные встречи с наставником?'),
  paired('groupMeetings', 'Полезность групповых встреч', 'Насколько полезными, как вы ожидаете, будут групповые встречи?', 'Насколько полезными были групповые встречи?'),
  paired(
    'satisfaction',
    'Удовлетворённость совместной работой',
    'Насколько, как вы ожидаете, вас удовлетворит совместная работа с наставником?',
    'Насколько вы удовлетворены совместной работой с наставником?',
    true,
  ),
  paired('clarity', 'Понятность задач', 'Насколько понятными, как вы ожидаете, будут задачи и организация программы?', 'Насколько понятными были задачи и организация программы?'),
  {
    code: 'expectations',
    kind: 'open',
    label: 'Ожидания и своя роль',
    entry: 'Чего вы ожидаете от программы наставничества и какой видите в ней свою роль?',
    exit: 'Чего вы ожидали от программы наставничества и какой видели в ней свою роль?',
    required: false,
  },
  { code: 'expectationsMet', kind: 'yesno', label: 'Ожидания оправдались', exit: 'Оправдались ли ваши ожидания от программы?', required: true },
  { code: 'valuable', kind: 'open', label: 'Что было ценным', exit: 'Что в программе было для вас особенно ценным?', required: false },
  { code: 'missing', kind: 'open', label: 'Чего не хватило', exit: 'Чего вам не хватило в программе и что стоит изменить?', required: false },
  { code: 'liked', kind: 'yesno', label: 'Понравилось участвовать', exit: 'Понравилось ли вам участвовать в программе?', required: true },
  { code: 'continue', kind: 'yesno', label: 'Хочет продолжить', exit: 'Хотели бы вы продолжить работу в программе наставничества?', required: true },
  {
    code: 'becomeMentor',
    kind: 'yesno',
    label: 'Хочет стать наставником',
    exit: 'Хотели бы вы в будущем сами стать наставником?',
    forms: PEER_FORMS,
    required: false,
  },
  {
    code: 'moreActive',
    kind: 'yesno',
    label: 'Хочет активнее участвовать в жизни центра',
    exit: 'Появилось ли у вас желание активнее участвовать в жизни центра: в конкурсах, соревнованиях, праздниках?',
    forms: PEER_FORMS,
    required: false,
  },
  {
    code: 'meetingFrequency',
    kind: 'choice',
    label: 'Удобная частота встреч',
    exit: 'Как часто вам было бы удобно встречаться с наставником?',
    choices: ['раз в неделю', 'раз в две недели', 'раз в месяц'],
    forms: YOUNG_TEACHER_FORMS,
    required: false,
  },
  {
    code: 'classesUseful',
    kind: 'scale',
    label: 'Полезность теоретических и практических занятий',
    exit: 'Насколько полезными были теоретические и практические занятия с наставником?',
    forms: YOUNG_TEACHER_FORMS,
    required: false,
  },
  { code: 'supportFelt', kind: 'scale', label: 'Ощущение поддержки', exit: 'Насколько вы ощущали поддержку наставника и коллег?', forms: YOUNG_TEACHER_FORMS, required: false },
  {
    code: 'staying',
    kind: 'yesno',
    label: 'Остаётся работать в центре',
    exit: 'Планируете ли вы остаться работать в центре в следующем учебном году?',
    forms: YOUNG_TEACHER_FORMS,
    required: false,
  },
  {
    code: 'ownWork',
    kind: 'yesno',
    label: 'Хочет вести свои профессиональные работы',
    exit: 'Появилось ли у вас желание вести свои профессиональные работы: статьи, исследования, участие в конкурсах?',
    forms: YOUNG_TEACHER_FORMS,
    required: false,
  },
];

const MENTOR_ITEMS: readonly MonitoringItem[] = [
  ...PRIOR_EXPERIENCE,
  paired('effectiveness', 'Эффективность программы', 'Насколько эффективной, как вы ожидаете, будет программа наставничества?', 'Насколько эффективной была программа наставничества?'),
  paired('engagement', 'Включённость наставляемого', 'Насколько включённым в работу, как вы ожидаете, будет ваш наставляемый?', 'Насколько включённым в работу был ваш наставляемый?'),
  paired(
    'satisfaction',
    'Удовлетворение от совместной работы',
    'Насколько, как вы ожидаете, вас удовлетворит совместная работа с наставляемым?',
    'Насколько вы удовлетворены совместной работой с наставляемым?',
    true,
  ),
  paired('personalMeetings', 'Полезность личных встреч', 'Насколько полезными, как вы ожидаете, будут личные встречи с наставляемым?', 'Насколько полезными были личные встречи с наставляемым?'),
  paired('groupMeetings', 'Полезность групповых встреч', 'Насколько полезными, как вы ожидаете, будут групповые встречи?', 'Насколько полезными были групповые встречи?'),
  paired('comfort', 'Комфорт общения с наставляемым', 'Насколько комфортным, как вы ожидаете, будет общение с наставляемым?', 'Насколько комфортным было общение с наставляемым?'),
  paired('curatorSupport', 'Поддержка куратора', 'Насколько достаточной, как вы ожидаете, будет поддержка куратора программы?', 'Насколько достаточной была поддержка куратора программы?'),
  {
    code: 'expectations',
    kind: 'open',
    label: 'Ожидания и своя роль',
    entry: 'Чего вы ожидаете от участия в программе и какой видите свою роль наставника?',
    exit: 'Чего вы ожидали от участия в программе и какой видели свою роль наставника?',
    required: false,
  },
  { code: 'valuable', kind: 'open', label: 'Что было ценным', exit: 'Что в программе было для вас особенно ценным?', required: false },
  { code: 'missing', kind: 'open', label: 'Чего не хватило', exit: 'Чего вам не хватило в программе и что стоит изменить?', required: false },
  { code: 'trainingEnough', kind: 'yesno', label: 'Обучение было достаточным', exit: 'Было ли обучение наставников достаточным и понятным?', required: true },
  { code: 'liked', kind: 'yesno', label: 'Понравилось участвовать', exit: 'Понравилось ли вам участвовать в программе?', required: true },
  { code: 'continue', kind: 'yesno', label: 'Хочет продолжить', exit: 'Хотели бы вы продолжить работу наставником?', required: true },
];

/** The entry and exit diagnostics of each role (2.3 mentees, 3.4 mentors; exit at the end of the year). */
export const MONITORING_ITEMS: Readonly<Record<Role, readonly MonitoringItem[]>> = {
  наставляемый: MENTEE_ITEMS,
  наставник: MENTOR_ITEMS,
};

/** The wording asked in a phase, or undefined when the item is not asked then. */
export function itemWording(item: MonitoringItem, phase: Phase): string | undefined {
  return phase === 'входная' ? item.entry : item.exit;
}

/** The items a respondent is asked, in form order: by role, phase and (optionally) form of mentoring. */
export function itemsFor(role: Role, phase: Phase, form?: string, bank: Readonly<Record<Role, readonly MonitoringItem[]>> = MONITORING_ITEMS): MonitoringItem[] {
  return bank[role].filter((item) => itemWording(item, phase) !== undefined && (!item.forms || (form !== undefined && item.forms.includes(form))));
}

/** Items asked at both phases on the 1–10 scale: the ones Δ is computed for. */
export function pairedItems(role: Role, bank: Readonly<Record<Role, readonly MonitoringItem[]>> = MONITORING_ITEMS): MonitoringItem[] {
  return bank[role].filter((item) => item.kind === 'scale' && item.entry !== undefined && item.exit !== undefined);
}

/** The code of the role's satisfaction item (the first marked one). */
export function satisfactionCode(role: Role, bank: Readonly<Record<Role, readonly MonitoringItem[]>> = MONITORING_ITEMS): string | undefined {
  return bank[role].find((item) => item.satisfaction)?.code;
}

// ---- Monthly feedback (6.2) ----------------------------------------------------------------

export interface SurveyItem {
  code: string;
  kind: ItemKind;
  text: string;
  label: string;
  help?: string;
  choices?: readonly string[];
  /** Asked only of these roles; absent — of everyone. */
  roles?: readonly Role[];
  /** Asked only in these forms of mentoring; absent — in every form. */
  forms?: readonly string[];
  satisfaction?: boolean;
  required: boolean;
  /** Column key on the sheet the answer lands in, when it has one. */
  column?: string;
}

/** The monthly feedback: the columns `satisfaction`, `quality`, `impact`, `comment` of «Обратная связь». */
export const FEEDBACK_ITEMS: readonly SurveyItem[] = [
  {
    code: 'satisfaction',
    column: 'satisfaction',
    kind: 'scale',
    label: 'Удовлетворённость',
    text: 'Насколько вы удовлетворены работой в паре (группе) за этот месяц?',
    help: SCALE_HELP,
    satisfaction: true,
    required: true,
  },
  {
    code: 'quality',
    column: 'quality',
    kind: 'scale',
    label: 'Качество',
    text: 'Как вы оцениваете качество встреч за этот месяц?',
    help: SCALE_HELP,
    required: true,
  },
  {
    code: 'impact',
    column: 'impact',
    kind: 'scale',
    label: 'Польза',
    text: 'Насколько работа в паре (группе) помогла вам продвинуться в том, ради чего вы пришли?',
    help: SCALE_HELP,
    required: true,
  },
  {
    code: 'comment',
    column: 'comment',
    kind: 'open',
    label: 'Комментарий',
    text: 'Что получилось и что мешает? Что передать куратору?',
    help: 'Необязательно. Не указывайте фамилии и личные сведения других людей',
    required: false,
  },
];

/** The rating columns of «Обратная связь», in sheet order. */
export const FEEDBACK_RATINGS = ['satisfaction', 'quality', 'impact'] as const;
export type FeedbackRating = (typeof FEEDBACK_RATINGS)[number];

// ---- The May satisfaction survey (7.2) -----------------------------------------------------

export interface SurveyDef {
  key: string;
  title: string;
  description: string;
  items: readonly SurveyItem[];
}

export const MAY_SURVEY: SurveyDef = {
  key: 'maySurvey',
  title: 'Удовлетворённость участием в программе наставничества',
  description: 'Опрос в конце учебного года. Ответы обобщаются: в отчётах нет ни имён, ни отдельных ответов.',
  items: [
    {
      code: 'satisfaction',
      kind: 'scale',
      label: 'Удовлетворённость участием',
      text: 'Насколько вы удовлетворены участием в программе наставничества в этом году?',
      help: SCALE_HELP,
      satisfaction: true,
      required: true,
    },
    { code: 'organisation', kind: 'scale', label: 'Организация программы', text: 'Насколько хорошо, по-вашему, была организована программа?', help: SCALE_HELP, required: true },
    { code: 'results', kind: 'scale', label: 'Достигнутые результаты', text: 'Насколько вы довольны тем, чего удалось достичь за год?', help: SCALE_HELP, required: true },
    { code: 'curatorSupport', kind: 'scale', label: 'Поддержка куратора', text: 'Насколько достаточной была поддержка куратора?', help: SCALE_HELP, required: true },
    { code: 'recommend', kind: 'yesno', label: 'Порекомендует программу', text: 'Порекомендовали бы вы программу наставничества друзьям или коллегам?', required: true },
    { code: 'nextYear', kind: 'yesno', label: 'Участие в следующем году', text: 'Хотели бы вы участвовать в программе в следующем учебном году?', required: true },
    {
      code: 'mentorAgain',
      kind: 'yesno',
      label: 'Снова наставником',
      text: 'Готовы ли вы снова стать наставником?',
      roles: ['наставник'],
      required: false,
    },
    { code: 'improve', kind: 'open', label: 'Что улучшить', text: 'Что стоит изменить в программе в следующем году?', required: false },
  ],
};

// ---- The SWOT questionnaire (7.1), filled in by the curator per form of mentoring -----------

export const SWOT_QUADRANTS = [
  { code: 'strengths', title: 'Сильные стороны' },
  { code: 'weaknesses', title: 'Слабые стороны' },
  { code: 'opportunities', title: 'Возможности' },
  { code: 'threats', title: 'Угрозы' },
] as const;
export type SwotQuadrant = (typeof SWOT_QUADRANTS)[number]['code'];

export interface SwotItem extends SurveyItem {
  quadrant: SwotQuadrant;
}

/** Asked for every form of mentoring (the curator answers once per form). */
const SWOT_COMMON: readonly SwotItem[] = [
  { quadrant: 'strengths', code: 'strengthsWhat', kind: 'open', label: 'Что удалось', text: 'Что в этой форме наставничества удалось лучше всего?', required: true },
  { quadrant: 'strengths', code: 'pairsFormed', kind: 'yesno', label: 'Пары сформированы для всех', text: 'Удалось ли подобрать наставника каждому, кто подал запрос?', required: true },
  {
    quadrant: 'strengths',
    code: 'conditions',
    kind: 'scale',
    label: 'Условия центра',
    text: 'Насколько условия центра (помещения, время, оборудование) подходят для этой формы?',
    help: SCALE_HELP,
    required: true,
  },
  { quadrant: 'weaknesses', code: 'weaknessesWhat', kind: 'open', label: 'Что не получилось', text: 'Что не получилось или получилось хуже, чем планировали?', required: true },
  { quadrant: 'weaknesses', code: 'dropouts', kind: 'open', label: 'Почему пары распадались', text: 'Были ли пары, завершившие работу досрочно, и почему?', required: false },
  {
    quadrant: 'opportunities',
    code: 'opportunitiesWhat',
    kind: 'open',
    label: 'Возможности',
    text: 'Какие новые возможности (партнёры, ресурсы, мероприятия) можно использовать в следующем году?',
    required: true,
  },
  { quadrant: 'threats', code: 'threatsWhat', kind: 'open', label: 'Угрозы', text: 'Что может помешать программе в следующем году?', required: true },
  {
    quadrant: 'threats',
    code: 'mentorLoad',
    kind: 'scale',
    label: 'Нагрузка наставников',
    text: 'Насколько высока нагрузка наставников (1 — низкая, 10 — чрезмерная)?',
    required: true,
  },
];

/** The part of the SWOT questionnaire unique to each form (notes §2: the questionnaire differs by form). */
const SWOT_BY_FORM: readonly SwotItem[] = [
  {
    quadrant: 'strengths',
    code: 'peerClimate',
    kind: 'scale',
    label: 'Климат в объединениях',
    text: 'Насколько улучшился климат в объединениях, где работали пары обучающихся?',
    help: SCALE_HELP,
    forms: ['ученик – ученик'],
    required: false,
  },
  {
    quadrant: 'opportunities',
    code: 'graduates',
    kind: 'yesno',
    label: 'Сообщество выпускников',
    text: 'Готовы ли наставляемые этого года стать наставниками в следующем?',
    forms: ['ученик – ученик'],
    required: false,
  },
  {
    quadrant: 'strengths',
    code: 'teacherResults',
    kind: 'open',
    label: 'Результаты педагогов',
    text: 'Каких профессиональных результатов достигли молодые специалисты (открытые занятия, конкурсы, методические разработки)?',
    forms: ['педагог – педагог'],
    required: false,
  },
  {
    quadrant: 'threats',
    code: 'teacherRetention',
    kind: 'yesno',
    label: 'Молодые специалисты остаются',
    text: 'Все ли молодые специалисты остаются работать в центре?',
    forms: ['педагог – педагог'],
    required: false,
  },
  {
    quadrant: 'strengths',
    code: 'pupilProgress',
    kind: 'open',
    label: 'Успехи обучающихся',
    text: 'Каких успехов добились наставляемые (конкурсы, проекты, включённость в занятия)?',
    forms: ['педагог – ученик'],
    required: false,
  },
  {
    quadrant: 'opportunities',
    code: 'partnerPractice',
    kind: 'yesno',
    label: 'Практика у партнёров',
    text: 'Готовы ли партнёры принять обучающихся на экскурсии, практику или стажировку?',
    forms: ['работодатель – ученик', 'студент – ученик'],
    required: false,
  },
  {
    quadrant: 'weaknesses',
    code: 'partnerTime',
    kind: 'open',
    label: 'Время наставников-партнёров',
    text: 'Хватало ли наставникам из организаций-партнёров времени на встречи? Что мешало?',
    forms: ['работодатель – ученик', 'студент – ученик'],
    required: false,
  },
  {
    quadrant: 'strengths',
    code: 'careerChoice',
    kind: 'scale',
    label: 'Понимание будущей профессии',
    text: 'Насколько наставляемые стали лучше понимать свою будущую профессию?',
    help: SCALE_HELP,
    forms: ['работодатель – ученик', 'студент – ученик'],
    required: false,
  },
];

export const SWOT_QUESTIONNAIRE = {
  key: 'swot',
  title: 'SWOT-анализ программы наставничества',
  description: 'Заполняет куратор по каждой форме наставничества в конце учебного года.',
  items: [...SWOT_COMMON, ...SWOT_BY_FORM] as readonly SwotItem[],
} as const;

/** The SWOT items for one form of mentoring, grouped by quadrant in the order S, W, O, T. */
export function swotItemsFor(form: string): SwotItem[] {
  const items = SWOT_QUESTIONNAIRE.items.filter((item) => !item.forms || item.forms.includes(form));
  return SWOT_QUADRANTS.flatMap((q) => items.filter((item) => item.quadrant === q.code));
}

// ---- A bank replaced from a sheet must still hold together ----------------------------------

/** What is wrong with a bank (in Russian, for the curator); empty when it can be used. */
export function checkItemBank(bank: Readonly<Record<Role, readonly MonitoringItem[]>>): string[] {
  const problems: string[] = [];
  for (const role of Object.keys(bank) as Role[]) {
    const seen = new Set<string>();
    for (const item of bank[role]) {
      const where = `${role === 'наставник' ? 'анкета наставника' : 'анкета наставляемого'}, код «${item.code}»`;
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(item.code)) problems.push(`${where}: код — латинские буквы и цифры, без пробелов`);
      if (seen.has(item.code)) problems.push(`${where}: код повторяется`);
      seen.add(item.code);
      if (item.entry === undefined && item.exit === undefined) problems.push(`${where}: нет формулировки ни для входной, ни для итоговой диагностики`);
      if (item.kind === 'choice' && !(item.choices && item.choices.length > 0)) problems.push(`${where}: не указаны варианты ответа`);
      if (item.satisfaction && item.kind !== 'scale') problems.push(`${where}: удовлетворённость измеряется по шкале 1–10`);
    }
    if (!bank[role].some((item) => item.satisfaction)) problems.push(`${role === 'наставник' ? 'Анкета наставника' : 'Анкета наставляемого'}: нет вопроса об удовлетворённости`);
  }
  return problems;
}

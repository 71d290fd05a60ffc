import { HELD_FORMATS, MEETING_FORMATS, MENTEE_CATEGORIES, MENTORING_FORMS, MENTOR_CATEGORIES } from '../domain/forms-of-mentoring';
import { ROADMAP, ROADMAP_STAGES } from '../domain/roadmap';
import { TARGET_GROUPS } from '../domain/target-groups';
import { NO, SETTINGS, YES } from '../settings';
import { CASE_NAMES } from '../language/cases';
import { questionnaires } from '../questionnaires/definitions';
import { MEETING_KINDS } from '../questionnaires/choices';
import { TRAINING_PLAN } from '../documents/training-plan';
import { SYNONYM_SEED } from '../pairing/synonyms';
import { ColumnDef, SheetDef } from './types';

export const SHEET = {
  settings: 'Настройки',
  synonyms: 'Синонимы запросов',
  roadmap: 'Дорожная карта',
  forms: 'Формы наставничества',
  targetGroups: 'Целевые группы',
  groupMembers: 'Целевые группы участников',
  mentees: 'Наставляемые',
  mentors: 'Наставники',
  partners: 'Партнёры',
  programmes: 'Программы',
  consents: 'Согласия',
  pairs: 'Пары и группы',
  meetings: 'Встречи',
  feedback: 'Обратная связь',
  diagnostics: 'Диагностика',
  surveys: 'Опросы',
  surveyLinks: 'Ссылки на анкеты',
  monitoring: 'Мониторинг',
  importErrors: 'Ошибки импорта',
  log: 'Журнал',
  analysis: 'Анализ запросов',
  preferences: 'Предпочтения',
  formMapping: 'Сопоставление анкет',
  ledger: 'Служебный — импорт анкет',
  documents: 'Документы',
  trainingPlan: 'Школа наставников',
  nameForms: 'Склонение ФИО',
} as const;

export const PAIR_STATUSES = ['предложена', 'утверждена', 'активна', 'завершена', 'отклонена'] as const;
export const PARTICIPANT_STATUSES = ['в базе', 'в паре', 'без пары', 'завершил(а)', 'выбыл(а)'] as const;
export const ROADMAP_STATUSES = ['не начато', 'в работе', 'выполнено', 'перенесено'] as const;
export const TRAINING_STATUSES = ['не обучен', 'направлен', 'обучается', 'обучен', 'не требуется'] as const;
export const MEETING_TYPES = MEETING_KINDS;
export const CONSENT_SIGNERS = ['участник', 'родитель', 'законный представитель'] as const;
export const YES_NO = [YES, NO] as const;

/** For mapping hand-made forms: the questionnaires and every question title they can have. */
const ALL_QUESTIONNAIRES = questionnaires({ forms: MENTORING_FORMS.map((f) => f.name), pseudonymous: false });
const ALL_PSEUDONYMOUS = questionnaires({ forms: [], pseudonymous: true });
export const QUESTIONNAIRE_NAMES = Object.values(ALL_QUESTIONNAIRES).map((q) => q.title);
export const QUESTION_TITLES = [...new Set([...Object.values(ALL_QUESTIONNAIRES), ...Object.values(ALL_PSEUDONYMOUS)].flatMap((q) => q.questions.map((x) => x.title)))];

const formsList = { kind: 'listFromSheet', sheet: SHEET.forms, header: 'Форма' } as const;
const id = (prefix: string): ColumnDef => ({ key: 'id', header: 'ID', system: true, text: true, width: 90, note: `Код записи (${prefix}-…), присваивается надстройкой и не меняется` });
const date = (key: string, header: string, width = 100): ColumnDef => ({ key, header, rule: { kind: 'date' }, width });
const rating = (key: string, header: string): ColumnDef => ({ key, header, rule: { kind: 'number', min: 1, max: 10 }, width: 110 });
const text = (key: string, header: string, width = 160): ColumnDef => ({ key, header, text: true, width });
const updated: ColumnDef = { key: 'updated', header: 'Обновлено', system: true, width: 130 };
const curatorNote: ColumnDef = { key: 'curatorNote', header: 'Комментарий куратора', width: 200 };

export const WORKBOOK: readonly SheetDef[] = [
  {
    key: 'settings',
    name: SHEET.settings,
    tabColor: '#5b7083',
    columns: [
      { key: 'label', header: 'Параметр', system: true, width: 380 },
      // Text format: a phone typed as «+7 …» stays a phone, not a formula.
      { key: 'value', header: 'Значение', text: true, width: 360 },
      { key: 'hint', header: 'Пояснение', system: true, width: 360 },
    ],
    seed: {
      key: 'label',
      rows: SETTINGS.map((s) => ({ label: s.label, value: s.default, hint: s.hint })),
    },
  },
  {
    // One word per meaning when requests meet competencies: the curator extends the questionnaires' own list.
    key: 'synonyms',
    name: SHEET.synonyms,
    tabColor: '#5b7083',
    columns: [
      {
        ...text('term', 'Слово или фраза', 280),
        note: 'Как пишут в анкетах и на листах: «профориентация», «помощь в учёбе». Регистр и «ё» не важны',
      },
      {
        ...text('meaning', 'Означает то же, что', 320),
        note: 'Тема, с которой слово считается одним и тем же при подборе пар. Чтобы отменить строку, очистите эту ячейку: удалённая строка из начального списка появится снова при настройке книги',
      },
      curatorNote,
    ],
    seed: { key: 'term', rows: SYNONYM_SEED.map((r) => ({ term: r.term, meaning: r.meaning })) },
  },
  {
    // Where the declension library is wrong (a rare surname, «Лев» → «Льва»), the curator's form wins in every document and letter.
    key: 'nameForms',
    name: SHEET.nameForms,
    tabColor: '#5b7083',
    columns: [
      { ...text('name', 'ФИО (как в базе)', 280), note: 'Полностью, в именительном падеже, как на листах «Наставляемые», «Наставники» или в «Настройках»' },
      { key: 'case', header: 'Падеж', rule: { kind: 'list', values: Object.values(CASE_NAMES) }, width: 140 },
      { ...text('form', 'Правильная форма', 320), note: 'ФИО целиком в этом падеже, например в дательном: Толстому Льву Николаевичу' },
    ],
  },
  {
    key: 'roadmap',
    name: SHEET.roadmap,
    tabColor: '#5b7083',
    columns: [
      { key: 'number', header: '№', system: true, text: true, width: 50 },
      { key: 'stage', header: 'Этап', system: true, width: 200 },
      { key: 'activity', header: 'Мероприятие', width: 420 },
      { key: 'deadline', header: 'Срок', width: 150 },
      {
        ...date('due', 'Срок (дата)', 110),
        system: true,
        note: 'Ближайший срок пункта в текущем учебном году (сентябрь — август, московское время), по правилу из столбца «Срок» или по «Свой срок»; заполняется надстройкой',
      },
      { ...date('dueOverride', 'Свой срок', 110), note: 'Дата, которую куратор ставит вместо вычисленной; пусто — срок по правилу' },
      { key: 'responsible', header: 'Ответственные', width: 170 },
      { key: 'result', header: 'Результат', width: 260 },
      { key: 'status', header: 'Статус', rule: { kind: 'list', values: ROADMAP_STATUSES }, width: 110 },
      date('doneOn', 'Дата выполнения', 120),
      curatorNote,
      { key: 'document', header: 'Документ', system: true, width: 260, note: 'Ссылка на последний сформированный отчёт по этому пункту («Сформировать отчёт…»)' },
      { key: 'evidence', header: 'Основание', system: true, width: 300, note: 'Что в рабочей книге подтверждает статус: документ, лист, число; заполняется надстройкой' },
    ],
    seed: {
      key: 'number',
      rows: ROADMAP.map((r) => ({
        number: r.number,
        stage: `${r.number.split('.')[0]}. ${ROADMAP_STAGES[Number(r.number.split('.')[0]) - 1]}`,
        activity: r.activity,
        deadline: r.deadline,
        responsible: r.responsible,
        result: r.result,
        status: 'не начато',
      })),
    },
  },
  {
    key: 'forms',
    name: SHEET.forms,
    tabColor: '#5b7083',
    columns: [
      { key: 'name', header: 'Форма', width: 190 },
      { key: 'r145', header: 'Форма по Р-145 (для отчётов)', width: 260 },
      { key: 'mentorRole', header: 'Наставник', width: 150 },
      { key: 'menteeRole', header: 'Наставляемый', width: 130 },
      { key: 'maxMentees', header: 'Наставляемых у наставника, не более', rule: { kind: 'number', min: 1, max: 30 }, width: 150 },
      { key: 'rule', header: 'Условие подбора', width: 420 },
      { key: 'active', header: 'Используется', rule: { kind: 'list', values: YES_NO }, width: 110 },
    ],
    seed: {
      key: 'name',
      rows: MENTORING_FORMS.map((f) => ({ ...f, active: f.name === 'студент – ученик' ? NO : YES })),
    },
  },
  {
    key: 'targetGroups',
    name: SHEET.targetGroups,
    tabColor: '#5b7083',
    columns: [
      { key: 'code', header: 'Код', system: true, text: true, width: 70 },
      { key: 'name', header: 'Целевая группа', width: 460 },
      { key: 'priority', header: 'Приоритет при подборе', rule: { kind: 'number', min: 0, max: 9 }, width: 150, note: 'Чем выше, тем раньше подбирается наставник. В отчётах — только количество' },
    ],
    seed: { key: 'code', rows: TARGET_GROUPS.map((g) => ({ code: g.code, name: g.name, priority: g.priority })) },
  },
  {
    key: 'groupMembers',
    name: SHEET.groupMembers,
    restricted: true,
    tabColor: '#b3261e',
    columns: [
      {
        key: 'personId',
        header: 'ID участника',
        text: true,
        width: 110,
        note: 'ID из листа «Наставляемые». Лист защищён только от правки: менять отметки может лишь куратор, но видит их каждый, кому открыт доступ к таблице (редакторы, комментаторы, читатели). Открывайте таблицу только сотрудникам, которым положено знать эти сведения.',
      },
      ...TARGET_GROUPS.map((g): ColumnDef => ({ key: `group_${g.code}`, header: g.code, rule: { kind: 'checkbox' }, width: 60, note: g.name })),
      { key: 'markedOn', header: 'Дата отметки', rule: { kind: 'date' }, width: 110 },
    ],
  },
  {
    key: 'mentees',
    name: SHEET.mentees,
    tabColor: '#1a73e8',
    columns: [
      id('НЯ'),
      text('name', 'ФИО', 220),
      { key: 'category', header: 'Категория', rule: { kind: 'list', values: MENTEE_CATEGORIES }, width: 110 },
      text('grade', 'Класс / год обучения', 110),
      { key: 'age', header: 'Возраст', rule: { kind: 'number', min: 5, max: 80 }, width: 80 },
      text('association', 'Объединение', 180),
      { key: 'experience', header: 'Стаж, лет', rule: { kind: 'number', min: 0, max: 60 }, width: 80 },
      // The curator's mark: a teacher new to the centre is a mentee in «педагог – педагог» whatever the years elsewhere.
      {
        key: 'newEmployee',
        header: 'Новый сотрудник',
        rule: { kind: 'list', values: YES_NO },
        width: 100,
        note: 'Для педагогов: новый сотрудник центра допускается к форме «педагог – педагог» при любом стаже',
      },
      text('topics', 'Темы запроса', 220),
      text('request', 'Запрос', 260),
      { ...text('direction', 'Направление (конкурс, проект)', 200), note: 'Из анкеты: по какому направлению нужна помощь с конкурсом, проектом или объединением' },
      text('interests', 'Интересы', 200),
      { key: 'form', header: 'Желаемая форма', rule: formsList, width: 170 },
      { key: 'format', header: 'Формат встреч', rule: { kind: 'list', values: MEETING_FORMATS }, width: 120 },
      text('schedule', 'Удобное время', 160),
      text('source', 'Источник сведений', 160),
      text('thirdParty', 'Сведения от третьих лиц', 260),
      {
        key: 'thirdPartyTopics',
        header: 'Темы запроса от третьих лиц',
        system: true,
        text: true,
        width: 220,
        note: 'Темы из запросов педагогов, психологов и родителей; заполняется при импорте анкет',
      },
      {
        key: 'together',
        header: 'Вместе с (ID)',
        text: true,
        width: 110,
        note: 'ID брата или сестры (через запятую), если семья просит одного наставника на всех: подбор предложит им одного наставника, если такой есть',
      },
      text('contact', 'Контакт (для несовершеннолетних — родителя)', 200),
      { key: 'consent', header: 'Согласие', system: true, width: 110 },
      { key: 'priority', header: 'Приоритет', system: true, width: 90, note: 'Из листа «Целевые группы участников»: показывается только уровень' },
      { key: 'status', header: 'Статус', rule: { kind: 'list', values: PARTICIPANT_STATUSES }, width: 110 },
      { key: 'mentor', header: 'Наставник', system: true, width: 200 },
      { key: 'matchNote', header: 'Подбор: почему без пары и что дальше', system: true, width: 300 },
      {
        key: 'previousMentor',
        header: 'Прежний наставник (ID)',
        text: true,
        width: 120,
        note: 'Наставник прошлого учебного года; заполняется пунктом «Начать новый учебный год…». Подбор предлагает продолжить с ним («продолжить с тем же наставником»). Очистите ячейку, если продолжать не нужно',
      },
      date('start', 'Дата начала'),
      date('end', 'Дата окончания'),
      text('results', 'Результаты', 200),
      text('caseLink', 'Ссылка на кейс', 160),
      updated,
      curatorNote,
    ],
  },
  {
    key: 'mentors',
    name: SHEET.mentors,
    tabColor: '#1a73e8',
    columns: [
      id('НК'),
      text('name', 'ФИО', 220),
      { key: 'category', header: 'Категория', rule: { kind: 'list', values: MENTOR_CATEGORIES }, width: 140 },
      text('organisation', 'Организация', 200),
      text('position', 'Должность', 150),
      text('grade', 'Класс (для обучающихся)', 90),
      // A pupil mentor of 18 or more signs their own consent.
      { key: 'age', header: 'Возраст', rule: { kind: 'number', min: 10, max: 80 }, width: 80, note: 'Для наставников-обучающихся: с 18 лет согласие подписывает сам участник' },
      { key: 'experience', header: 'Стаж, лет', rule: { kind: 'number', min: 0, max: 60 }, width: 80 },
      text('association', 'Объединение', 180),
      text('competencies', 'Компетенции', 260),
      text('interests', 'Интересы', 200),
      text('achievements', 'Достижения', 200),
      text('forms', 'Формы наставничества', 200),
      { key: 'capacity', header: 'Готов взять наставляемых', rule: { kind: 'number', min: 0, max: 30 }, width: 120 },
      {
        key: 'teacherPlaces',
        header: 'Из них мест для педагогов',
        rule: { kind: 'number', min: 0, max: 30 },
        width: 120,
        note: 'Сколько из мест наставника оставить молодым специалистам и новым сотрудникам (форма «педагог – педагог»); остальные — для обучающихся. Пусто — без разделения',
      },
      { key: 'format', header: 'Формат встреч', rule: { kind: 'list', values: MEETING_FORMATS }, width: 120 },
      text('schedule', 'Удобное время', 160),
      text('readiness', 'Готовность к обучению (из анкеты)', 150),
      { key: 'training', header: 'Школа наставников', rule: { kind: 'list', values: TRAINING_STATUSES }, width: 130 },
      // The date of the written consent: no order appoints a staff mentor without it.
      date('agreement', 'Согласие на наставничество (ст. 351.8 ТК РФ)', 200),
      text('contact', 'Контакт', 180),
      { key: 'consent', header: 'Согласие', system: true, width: 110 },
      { key: 'status', header: 'Статус', rule: { kind: 'list', values: PARTICIPANT_STATUSES }, width: 110 },
      { key: 'mentees', header: 'Наставляемые', system: true, width: 220 },
      {
        key: 'meetingLink',
        header: 'Ссылка для отчётов о встречах',
        system: true,
        width: 220,
        note: 'Личная ссылка наставника на форму «Отчёт о встрече наставника»: код наставника (и пара, если она одна) уже заполнены. Обновляется пунктом меню «Ссылки для отчётов о встречах»',
      },
      {
        key: 'linkSent',
        header: 'Ссылка отправлена',
        system: true,
        width: 120,
        note: 'Когда наставнику отправлено письмо с его ссылкой для отчётов о встречах; очистите ячейку, чтобы отправить письмо ещё раз',
      },
      updated,
      curatorNote,
    ],
  },
  {
    key: 'partners',
    name: SHEET.partners,
    tabColor: '#1a73e8',
    columns: [
      id('ПР'),
      text('name', 'Организация', 240),
      text('field', 'Сфера деятельности', 180),
      text('contactPerson', 'Контактное лицо', 180),
      text('phone', 'Телефон', 130),
      text('email', 'E-mail', 180),
      text('agreement', 'Соглашение (№, дата)', 170),
      date('agreementUntil', 'Соглашение действует до', 130),
      text('forms', 'Формы наставничества', 180),
      { key: 'mentorCount', header: 'Наставников', system: true, width: 100 },
      curatorNote,
    ],
  },
  {
    key: 'programmes',
    name: SHEET.programmes,
    tabColor: '#1a73e8',
    columns: [
      id('ПГ'),
      text('title', 'Название программы', 260),
      { key: 'form', header: 'Форма', rule: formsList, width: 170 },
      text('association', 'Объединение', 180),
      text('goal', 'Цель', 260),
      text('duration', 'Срок реализации', 130),
      text('author', 'Разработчик', 180),
      text('link', 'Ссылка', 180),
      { key: 'effective', header: 'Эффективная практика', rule: { kind: 'list', values: YES_NO }, width: 120 },
      curatorNote,
    ],
  },
  {
    key: 'trainingPlan',
    name: SHEET.trainingPlan,
    tabColor: '#188038',
    columns: [
      { key: 'number', header: '№', text: true, width: 50 },
      text('theme', 'Тема', 420),
      text('form', 'Форма занятия', 140),
      { key: 'hours', header: 'Часы', rule: { kind: 'number', min: 0, max: 100 }, width: 70 },
      { ...date('date', 'Дата', 110), note: 'Дата занятия: попадёт в тематический план приказа о «Школе наставников»' },
      text('leader', 'Ведущий', 220),
    ],
    seed: { key: 'number', rows: TRAINING_PLAN.map((t, i) => ({ number: String(i + 1), theme: t.theme, form: t.form, hours: t.hours })) },
  },
  {
    key: 'preferences',
    name: SHEET.preferences,
    tabColor: '#188038',
    columns: [
      { key: 'personId', header: 'ID участника', system: true, text: true, width: 110 },
      { key: 'role', header: 'Роль', system: true, width: 120 },
      { key: 'choice1', header: 'Выбор 1 (ID)', system: true, text: true, width: 110 },
      { key: 'choice2', header: 'Выбор 2 (ID)', system: true, text: true, width: 110 },
      { key: 'choice3', header: 'Выбор 3 (ID)', system: true, text: true, width: 110 },
      { key: 'impressions', header: 'Впечатления от встречи', system: true, text: true, width: 300 },
      { key: 'updated', header: 'Обновлено', system: true, width: 130 },
    ],
  },
  {
    key: 'consents',
    name: SHEET.consents,
    tabColor: '#b3261e',
    columns: [
      id('СГ'),
      text('personId', 'ID участника', 110),
      text('personName', 'ФИО участника', 220),
      { key: 'signer', header: 'Подписант', rule: { kind: 'list', values: CONSENT_SIGNERS }, width: 160 },
      text('signerName', 'ФИО подписанта', 220),
      date('signedOn', 'Дата согласия', 110),
      { key: 'processing', header: 'Обработка ПДн', rule: { kind: 'list', values: YES_NO }, width: 110 },
      { key: 'publication', header: 'Распространение (публикация)', rule: { kind: 'list', values: YES_NO }, width: 150 },
      date('withdrawnOn', 'Дата отзыва', 110),
      curatorNote,
    ],
  },
  {
    key: 'pairs',
    name: SHEET.pairs,
    tabColor: '#188038',
    columns: [
      id('ПА'),
      { key: 'group', header: 'Группа', system: true, text: true, width: 80, note: 'Строки с одним номером группы — один наставник с несколькими наставляемыми' },
      { key: 'mentorId', header: 'ID наставника', system: true, text: true, width: 100 },
      { key: 'mentor', header: 'Наставник', system: true, width: 200 },
      { key: 'menteeId', header: 'ID наставляемого', system: true, text: true, width: 110 },
      { key: 'mentee', header: 'Наставляемый', system: true, width: 200 },
      { key: 'form', header: 'Форма', system: true, width: 160 },
      { key: 'score', header: 'Балл', system: true, width: 70 },
      { key: 'reasons', header: 'Обоснование', system: true, width: 360 },
      { key: 'alternatives', header: 'Другие варианты', system: true, width: 260 },
      { key: 'status', header: 'Статус', rule: { kind: 'list', values: PAIR_STATUSES }, width: 110 },
      date('start', 'Дата начала'),
      date('end', 'Дата окончания'),
      { key: 'forced', header: 'Закреплена куратором', system: true, width: 110 },
      { key: 'order', header: 'Приказ', system: true, width: 200 },
      { key: 'notified', header: 'Участники уведомлены', system: true, width: 130 },
      { key: 'plan', header: 'План развития (ИПР)', system: true, width: 200, note: 'Ссылка на индивидуальный план развития пары или группы; заполняется надстройкой' },
      {
        ...text('endReason', 'Причина завершения', 180),
        note: 'Только для пары, завершённой досрочно: «наставник выбыл», «наставляемый выбыл», «по решению куратора», «несовместимость» или своими словами. Затем выберите «Обновить статусы пар»',
      },
      { key: 'replaces', header: 'Заменяет пару', system: true, text: true, width: 110, note: 'ID прежней пары наставляемого, завершённой досрочно: эта пара — с новым наставником' },
      // The curator's choice for «Банк кейсов» (7.6): a mark on any row of a group marks the group.
      { key: 'case', header: 'Кейс', rule: { kind: 'checkbox' }, width: 70, note: 'Отметьте пару или группу, опыт которой войдёт в «Банк кейсов» (Сформировать отчёт… → Банк кейсов)' },
      { ...text('caseTitle', 'Название кейса', 220), note: 'Необязательно: без названия кейс называется по форме и ID пары, например «Кейс Г-0007: «ученик – ученик»»' },
      curatorNote,
    ],
  },
  {
    key: 'documents',
    name: SHEET.documents,
    tabColor: '#188038',
    columns: [
      { key: 'id', header: 'ID документа', system: true, text: true, width: 120, note: 'Код документа Google; присваивается надстройкой' },
      { key: 'kind', header: 'Вид', system: true, width: 260 },
      { key: 'title', header: 'Документ', system: true, width: 300 },
      { key: 'url', header: 'Ссылка', system: true, width: 200 },
      { key: 'created', header: 'Создан', system: true, width: 130 },
      { ...date('signedOn', 'Дата подписания', 120), note: 'Дата, которую руководитель поставил на подписанном приказе' },
      { ...text('number', 'Номер', 110), note: 'Регистрационный номер подписанного приказа, например 123-о/д' },
      { key: 'notified', header: 'Участники уведомлены', system: true, width: 220 },
      curatorNote,
    ],
  },
  {
    key: 'meetings',
    name: SHEET.meetings,
    tabColor: '#188038',
    columns: [
      id('ВС'),
      text('pair', 'Пара / группа', 110),
      date('date', 'Дата'),
      { key: 'type', header: 'Тип встречи', rule: { kind: 'list', values: MEETING_TYPES }, width: 130 },
      text('topic', 'Тема', 260),
      { key: 'minutes', header: 'Длительность, мин', rule: { kind: 'number', min: 5, max: 600 }, width: 110 },
      { key: 'format', header: 'Формат', rule: { kind: 'list', values: HELD_FORMATS }, width: 110 },
      text('outcome', 'Итог', 260),
      curatorNote,
    ],
  },
  {
    key: 'feedback',
    name: SHEET.feedback,
    tabColor: '#188038',
    columns: [
      id('ОС'),
      date('date', 'Дата'),
      text('pair', 'Пара / группа', 110),
      { key: 'personId', header: 'ID участника', system: true, text: true, width: 110, note: 'Кто ответил: код из личной ссылки на анкету' },
      { key: 'role', header: 'Роль', rule: { kind: 'list', values: ['наставник', 'наставляемый'] }, width: 120 },
      rating('satisfaction', 'Удовлетворённость (1–10)'),
      rating('quality', 'Качество (1–10)'),
      rating('impact', 'Польза (1–10)'),
      text('comment', 'Комментарий', 260),
    ],
  },
  {
    key: 'diagnostics',
    name: SHEET.diagnostics,
    tabColor: '#188038',
    columns: [
      id('ДГ'),
      text('personId', 'ID участника', 110),
      text('pair', 'Пара / группа', 110),
      { key: 'role', header: 'Роль', rule: { kind: 'list', values: ['наставник', 'наставляемый'] }, width: 120 },
      { key: 'phase', header: 'Этап', rule: { kind: 'list', values: ['входная', 'итоговая'] }, width: 100 },
      date('date', 'Дата'),
      { key: 'item', header: 'Код вопроса', system: true, text: true, width: 120, note: 'Один код у вопроса во входной и итоговой анкетах: по нему считается изменение (итоговая − входная)' },
      text('indicator', 'Показатель', 240),
      { key: 'value', header: 'Значение', width: 90, note: 'Оценка 1–10, «да» или «нет», выбранный вариант; развёрнутый ответ — в «Комментарии»' },
      text('comment', 'Комментарий', 220),
    ],
  },
  {
    // The May survey (7.2) and the SWOT questionnaire (7.1): one row per answered question.
    key: 'surveys',
    name: SHEET.surveys,
    tabColor: '#188038',
    columns: [
      id('ОП'),
      { key: 'survey', header: 'Опрос', system: true, width: 220 },
      date('date', 'Дата'),
      { key: 'personId', header: 'ID участника', system: true, text: true, width: 110 },
      text('pair', 'Пара / группа', 110),
      { key: 'role', header: 'Роль', system: true, width: 120 },
      { key: 'form', header: 'Форма наставничества', system: true, width: 160 },
      { key: 'item', header: 'Код вопроса', system: true, text: true, width: 120 },
      text('indicator', 'Вопрос', 240),
      { key: 'value', header: 'Значение', width: 90, note: 'Оценка 1–10, «да» или «нет», выбранный вариант; развёрнутый ответ — в «Комментарии»' },
      text('comment', 'Комментарий', 260),
    ],
  },
  {
    // Personal pre-filled links for the curator to hand out; rewritten by «Ссылки на анкеты обратной связи и диагностики».
    key: 'surveyLinks',
    name: SHEET.surveyLinks,
    tabColor: '#188038',
    columns: [
      { key: 'personId', header: 'ID участника', system: true, text: true, width: 110 },
      { key: 'name', header: 'ФИО', system: true, text: true, width: 220 },
      { key: 'role', header: 'Роль', system: true, width: 120 },
      { key: 'pair', header: 'Пара', system: true, text: true, width: 110 },
      { key: 'form', header: 'Анкета', system: true, width: 220 },
      { key: 'url', header: 'Ссылка', system: true, text: true, width: 360 },
    ],
  },
  {
    key: 'monitoring',
    name: SHEET.monitoring,
    tabColor: '#e37400',
    columns: [
      { key: 'stage', header: 'Этап', text: true, width: 70 },
      text('indicator', 'Показатель', 360),
      { key: 'value', header: 'Значение', width: 100 },
      date('date', 'Дата'),
      text('comment', 'Комментарий', 260),
    ],
  },
  {
    key: 'importErrors',
    name: SHEET.importErrors,
    tabColor: '#e37400',
    columns: [
      { key: 'at', header: 'Дата', system: true, width: 140 },
      { key: 'source', header: 'Источник', system: true, width: 200 },
      { key: 'row', header: 'Строка', system: true, width: 70 },
      { key: 'field', header: 'Поле', system: true, width: 180 },
      { key: 'value', header: 'Значение', system: true, text: true, width: 220 },
      { key: 'reason', header: 'Причина', system: true, width: 320 },
      { key: 'status', header: 'Статус', rule: { kind: 'list', values: ['новая', 'исправлено', 'не требует действий'] }, width: 130 },
      { key: 'personId', header: 'ID участника', system: true, text: true, width: 100, note: 'Участник, к ответу которого относится замечание; при отзыве согласия значение и причина обезличиваются' },
    ],
  },
  {
    key: 'formMapping',
    name: SHEET.formMapping,
    tabColor: '#5b7083',
    columns: [
      { key: 'sheet', header: 'Лист ответов', text: true, width: 200, note: 'Лист ответов формы, которую куратор сделал сам (не через меню «Создать или обновить анкеты»)' },
      { key: 'questionnaire', header: 'Анкета', rule: { kind: 'list', values: QUESTIONNAIRE_NAMES }, width: 200 },
      { key: 'column', header: 'Заголовок столбца в листе ответов', text: true, width: 300, note: 'Оставьте пустым, если заголовки совпадают с вопросами анкеты' },
      { key: 'question', header: 'Вопрос анкеты', rule: { kind: 'list', values: QUESTION_TITLES }, width: 360 },
    ],
  },
  {
    key: 'analysis',
    name: SHEET.analysis,
    tabColor: '#e37400',
    columns: [
      { key: 'section', header: 'Раздел', system: true, width: 200 },
      { key: 'item', header: 'Показатель', system: true, width: 320 },
      { key: 'mentees', header: 'Наставляемые', system: true, width: 120 },
      { key: 'mentors', header: 'Наставники', system: true, width: 120 },
      { key: 'note', header: 'Примечание', system: true, width: 320 },
    ],
  },
  {
    key: 'ledger',
    name: SHEET.ledger,
    hidden: true,
    tabColor: '#9aa0a6',
    columns: [
      { key: 'key', header: 'Ключ ответа', system: true, text: true, width: 200 },
      { key: 'form', header: 'Анкета', system: true, width: 120 },
      { key: 'sheet', header: 'Лист ответов', system: true, width: 160 },
      { key: 'row', header: 'Строка', system: true, width: 60 },
      { key: 'personId', header: 'ID участника', system: true, text: true, width: 100 },
      { key: 'importedAt', header: 'Импортировано', system: true, width: 140 },
      { key: 'written', header: 'Записанные значения', system: true, text: true, width: 400 },
    ],
  },
  {
    key: 'log',
    name: SHEET.log,
    tabColor: '#e37400',
    columns: [
      { key: 'at', header: 'Дата', system: true, width: 140 },
      { key: 'user', header: 'Пользователь', system: true, width: 180 },
      { key: 'action', header: 'Действие', system: true, width: 220 },
      { key: 'details', header: 'Подробности', system: true, text: true, width: 480 },
    ],
  },
];

export function sheetDef(key: string): SheetDef {
  const def = WORKBOOK.find((s) => s.key === key);
  if (!def) throw new Error(`Unknown sheet key: ${key}`);
  return def;
}

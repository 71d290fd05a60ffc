/**
 * Programme settings as the curator keeps them in «Настройки»: one row per parameter, the Russian
 * label is the row's identity (the column is protected), the value is hers to change.
 */
import { DEFAULT_PLATFORM_COLUMNS } from './export/platform';
import { EXPORT_TEXT } from './export/strings';
import { BEST_SETTING, DEFAULT_CRITERIA, DEFAULT_MIN_ANSWERS, DEFAULT_PROPOSE } from './reports/best-mentors';

export type SettingType = 'text' | 'number' | 'boolean';

export interface SettingDef {
  key: SettingKey;
  label: string;
  default: string | number | boolean;
  type: SettingType;
  hint: string;
  min?: number;
  max?: number;
}

export type SettingKey =
  | 'orgName'
  | 'orgShortName'
  | 'founder'
  | 'town'
  | 'directorTitle'
  | 'directorName'
  | 'curatorName'
  | 'curatorPosition'
  | 'curatorPhone'
  | 'curatorEmail'
  | 'directorEmail'
  | 'academicYear'
  | 'regulationOrder'
  | 'programmeOrder'
  | 'pairsEnd'
  | 'orderDueDays'
  | 'municipalAgency'
  | 'agencyHeadTitle'
  | 'agencyHead'
  | 'orgAddress'
  | 'orgPhone'
  | 'orgEmail'
  | 'platformColumns'
  | 'weightRequest'
  | 'weightInterests'
  | 'weightSchedule'
  | 'weightFormat'
  | 'weightAssociation'
  | 'weightMutual'
  | 'weightContinuity'
  | 'floorRequest'
  | 'floorFormat'
  | 'floorSchedule'
  | 'satisfactionThreshold'
  | 'bestCriteria'
  | 'bestPropose'
  | 'bestMinAnswers'
  | 'planMentees10to18'
  | 'planMentors15to19'
  | 'planYoungTeachers'
  | 'planPartners'
  | 'planMenteeSatisfaction'
  | 'planMentorSatisfaction'
  | 'requireTraining'
  | 'pseudonymousMode'
  | 'docFont'
  | 'docFontSize'
  | 'docTableFontSize'
  | 'remindDays';

export const YES = 'да';
export const NO = 'нет';

export const SETTINGS: readonly SettingDef[] = [
  {
    key: 'orgName',
    label: 'Полное наименование организации',
    default: 'Муниципальное автономное образовательное учреждение дополнительного образования «Центр детского творчества «Хибины»',
    type: 'text',
    hint: 'Как в уставе; печатается в шапке приказов',
  },
  { key: 'orgShortName', label: 'Сокращённое наименование', default: 'МАОДО ЦДТ «Хибины»', type: 'text', hint: 'Печатается под полным наименованием и в приложениях' },
  { key: 'founder', label: 'Учредитель (строка над наименованием)', default: '', type: 'text', hint: 'Необязательно, например: Комитет образования, культуры и спорта' },
  { key: 'town', label: 'Место составления документов', default: 'г. Кировск', type: 'text', hint: 'Печатается под датой и номером приказа' },
  { key: 'directorTitle', label: 'Должность руководителя', default: 'Директор', type: 'text', hint: 'Для подписи приказов' },
  { key: 'directorName', label: 'Руководитель (И.О. Фамилия)', default: '', type: 'text', hint: 'Например: И.И. Иванова' },
  { key: 'curatorName', label: 'Куратор (ФИО полностью)', default: '', type: 'text', hint: 'Отметка об исполнителе в документах' },
  { key: 'curatorPosition', label: 'Должность куратора', default: 'Заместитель директора', type: 'text', hint: '' },
  { key: 'curatorPhone', label: 'Телефон куратора', default: '', type: 'text', hint: 'Отметка об исполнителе' },
  { key: 'curatorEmail', label: 'E-mail куратора', default: '', type: 'text', hint: 'Для уведомлений' },
  { key: 'directorEmail', label: 'E-mail руководителя', default: '', type: 'text', hint: 'Для напоминаний о просроченных пунктах «Дорожной карты»' },
  { key: 'academicYear', label: 'Учебный год', default: '', type: 'text', hint: 'Например: 2026/2027' },
  {
    key: 'regulationOrder',
    label: 'Положение о наставничестве утверждено приказом (от … № …)',
    default: '',
    type: 'text',
    hint: 'Например: от 01.09.2021 № 45-о/д; цитируется в приказах. Пусто — в приказе остаётся место для ручного заполнения',
  },
  {
    key: 'programmeOrder',
    label: 'Программа наставничества утверждена приказом (от … № …)',
    default: '',
    type: 'text',
    hint: 'Например: от 01.09.2021 № 45-о/д',
  },
  { key: 'pairsEnd', label: 'Срок работы пар и групп: по (дата)', default: '', type: 'text', hint: 'Например: 31.05.2027; пусто — «на учебный год» без даты' },
  {
    key: 'orderDueDays',
    label: 'Срок исполнения поручений приказов, календарных дней',
    default: 14,
    type: 'number',
    hint: 'Планы развития, дополнительные соглашения, отчёт «Школы наставников»',
    min: 1,
    max: 90,
  },
  { key: 'municipalAgency', label: 'Получатель справок мониторинга', default: 'МКУ «УСР»', type: 'text', hint: 'Куда направляются справки по этапам' },
  {
    key: 'agencyHeadTitle',
    label: 'Должность руководителя получателя справок (кому)',
    default: 'Директору',
    type: 'text',
    hint: 'В дательном падеже, как в адресе письма: «Директору»',
  },
  {
    key: 'agencyHead',
    label: 'Руководитель получателя справок (ФИО)',
    default: '',
    type: 'text',
    hint: 'ФИО полностью, например: Петрова Анна Сергеевна; в сопроводительном письме — «А.С. Петровой»',
  },
  { key: 'orgAddress', label: 'Почтовый адрес организации', default: '', type: 'text', hint: 'Для бланка письма, например: ул. Кирова, д. 1, г. Кировск, Мурманская обл., 184250' },
  { key: 'orgPhone', label: 'Телефон организации', default: '', type: 'text', hint: 'Для бланка письма' },
  { key: 'orgEmail', label: 'Электронная почта организации', default: '', type: 'text', hint: 'Для бланка письма' },
  { key: 'platformColumns', label: EXPORT_TEXT.setting, default: DEFAULT_PLATFORM_COLUMNS, type: 'text', hint: EXPORT_TEXT.settingHint },
  { key: 'weightRequest', label: 'Вес: запрос наставляемого и компетенции наставника', default: 35, type: 'number', hint: 'Веса подбора пар, в баллах; учитывается их соотношение', min: 0, max: 100 },
  { key: 'weightInterests', label: 'Вес: общие интересы', default: 20, type: 'number', hint: '', min: 0, max: 100 },
  { key: 'weightSchedule', label: 'Вес: совпадение удобного времени', default: 15, type: 'number', hint: '', min: 0, max: 100 },
  { key: 'weightFormat', label: 'Вес: формат и место встреч', default: 10, type: 'number', hint: 'Сельские и отдалённые участники могут заниматься дистанционно', min: 0, max: 100 },
  { key: 'weightAssociation', label: 'Вес: одно объединение', default: 10, type: 'number', hint: '', min: 0, max: 100 },
  {
    key: 'weightMutual',
    label: 'Вес: взаимный выбор после групповой встречи',
    default: 10,
    type: 'number',
    hint: 'Баллы за то, что участник назвал другого после встречи; пара, выбравшая друг друга, сверх того предлагается первой (после детей с приоритетом)',
    min: 0,
    max: 100,
  },
  {
    key: 'weightContinuity',
    label: 'Вес: продолжить с тем же наставником',
    default: 10,
    type: 'number',
    hint: 'Баллы сверх остальных критериев паре прошлого учебного года (столбец «Прежний наставник (ID)» на листе «Наставляемые»); 0 — без надбавки, причина всё равно видна в обосновании',
    min: 0,
    max: 100,
  },
  // The floor of a pair in words, not a score threshold: each says what a curator would refuse.
  {
    key: 'floorRequest',
    label: 'Не предлагать пару, если ни одна тема запроса не закрыта',
    default: YES,
    type: 'boolean',
    hint: 'да / нет; конкурс, проект и «освоиться в объединении» засчитываются, только если наставник работает в направлении или объединении наставляемого',
  },
  {
    key: 'floorFormat',
    label: 'Не предлагать пару, если форматы встреч несовместимы',
    default: YES,
    type: 'boolean',
    hint: 'да / нет; «только очно» и «только дистанционно» соблюдаются всегда',
  },
  {
    key: 'floorSchedule',
    label: 'Не предлагать пару, если нет общего удобного времени',
    default: YES,
    type: 'boolean',
    hint: 'да / нет; учитывается, когда время указали оба',
  },
  { key: 'satisfactionThreshold', label: 'Порог удовлетворённости (из 10)', default: 8, type: 'number', hint: 'Доля ответивших не ниже порога считается удовлетворёнными', min: 1, max: 10 },
  {
    key: 'bestCriteria',
    label: BEST_SETTING.criteria,
    default: DEFAULT_CRITERIA,
    type: 'text',
    hint: 'Критерии справки о лучших наставниках через «;», у каждого вес через тире. Можно указать: встречи по графику; удовлетворённость наставляемых; рост по диагностике; завершённые пары; обучение в Школе наставников; число наставляемых. Вес 0 или критерий не указан — не учитывается',
  },
  { key: 'bestPropose', label: BEST_SETTING.propose, default: DEFAULT_PROPOSE, type: 'number', hint: 'Сколько первых в рейтинге предложить к награждению', min: 1, max: 50 },
  {
    key: 'bestMinAnswers',
    label: BEST_SETTING.minAnswers,
    default: DEFAULT_MIN_ANSWERS,
    type: 'number',
    hint: 'Удовлетворённость и рост наставляемых учитываются, если ответили не меньше стольких наставляемых',
    min: 1,
    max: 50,
  },
  {
    key: 'planMentees10to18',
    label: 'План: доля детей 10–18 лет в роли наставляемых, %',
    default: '',
    type: 'text',
    hint: 'Плановое значение показателя 1 в отчёте о реализации (7.3), число от 0 до 100; пусто — «не установлено»',
  },
  {
    key: 'planMentors15to19',
    label: 'План: доля детей и подростков 15–19 лет в роли наставников, %',
    default: '',
    type: 'text',
    hint: 'Плановое значение показателя 2 в отчёте о реализации (7.3), число от 0 до 100; пусто — «не установлено»',
  },
  {
    key: 'planYoungTeachers',
    label: 'План: доля молодых специалистов в роли наставляемых, %',
    default: '',
    type: 'text',
    hint: 'Плановое значение показателя 3 в отчёте о реализации (7.3), число от 0 до 100; пусто — «не установлено»',
  },
  {
    key: 'planPartners',
    label: 'План: доля организаций-партнёров, предоставивших наставников, %',
    default: '',
    type: 'text',
    hint: 'Плановое значение показателя 4 в отчёте о реализации (7.3), число от 0 до 100; пусто — «не установлено»',
  },
  {
    key: 'planMenteeSatisfaction',
    label: 'План: удовлетворённость наставляемых, %',
    default: '',
    type: 'text',
    hint: 'Плановое значение показателя 5 в отчёте о реализации (7.3), число от 0 до 100; пусто — «не установлено»',
  },
  {
    key: 'planMentorSatisfaction',
    label: 'План: удовлетворённость наставников, %',
    default: '',
    type: 'text',
    hint: 'Плановое значение показателя 6 в отчёте о реализации (7.3), число от 0 до 100; пусто — «не установлено»',
  },
  { key: 'requireTraining', label: 'Допускать к подбору только обученных в «Школе наставников»', default: NO, type: 'boolean', hint: 'да / нет' },
  { key: 'pseudonymousMode', label: 'Псевдонимный режим (коды вместо ФИО)', default: NO, type: 'boolean', hint: 'да / нет; см. 152-ФЗ, ч. 5 ст. 18' },
  { key: 'docFont', label: 'Шрифт документов', default: 'Times New Roman', type: 'text', hint: 'ГОСТ Р 7.0.97-2025 не задаёт гарнитуру; применяется при создании шаблонов в папке «Шаблоны»' },
  { key: 'docFontSize', label: 'Размер шрифта текста', default: 14, type: 'number', hint: '12–14; при создании шаблонов', min: 10, max: 16 },
  { key: 'docTableFontSize', label: 'Размер шрифта в таблицах', default: 12, type: 'number', hint: '10–12; при создании шаблонов', min: 8, max: 14 },
  {
    key: 'remindDays',
    label: 'Напоминать о сроках за, дней',
    default: 7,
    type: 'number',
    hint: 'За сколько дней до срока пункт «Дорожной карты» выделяется жёлтым и куратору приходит напоминание',
    min: 0,
    max: 60,
  },
];

/** Without these an order or справка cannot be signed as is. */
export const REQUIRED_SETTINGS: readonly SettingKey[] = ['orgName', 'directorName', 'curatorName', 'academicYear'];

export type Settings = { [K in SettingKey]: string | number | boolean };

export interface SettingsResult {
  settings: Settings;
  /** Russian messages about values that could not be used (their defaults were taken). */
  problems: string[];
}

function parseNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+([.,]\d+)?\s*$/.test(value)) return Number(value.replace(',', '.'));
  return null;
}

/** Reads the rows of «Настройки» ([label, value, ...]) into typed settings. */
export function readSettings(rows: ReadonlyArray<ReadonlyArray<unknown>>): SettingsResult {
  const byLabel = new Map<string, unknown>();
  for (const row of rows) if (typeof row[0] === 'string') byLabel.set(row[0].trim(), row[1]);
  const problems: string[] = [];
  const settings = {} as Settings;
  for (const def of SETTINGS) {
    const raw = byLabel.get(def.label);
    let value: string | number | boolean = def.default;
    if (raw !== undefined && raw !== '') {
      if (def.type === 'number') {
        const n = parseNumber(raw);
        if (n === null || (def.min !== undefined && n < def.min) || (def.max !== undefined && n > def.max)) {
          problems.push(`«${def.label}»: значение «${String(raw)}» не подходит (нужно число от ${def.min} до ${def.max}); взято ${def.default}.`);
        } else value = n;
      } else if (def.type === 'boolean') {
        const text = String(raw).trim().toLowerCase();
        if (raw === true || text === YES || text === 'true' || text === 'истина') value = true;
        else if (raw === false || text === NO || text === 'false' || text === 'ложь') value = false;
        else problems.push(`«${def.label}»: ожидается «да» или «нет», указано «${String(raw)}»; взято «${def.default}».`);
      } else value = String(raw).trim();
    }
    if (def.type === 'boolean' && typeof value === 'string') value = value === YES;
    settings[def.key] = value;
  }
  return { settings, problems };
}

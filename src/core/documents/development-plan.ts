/**
 * The individual development plan (ИПР, «персонализированная программа наставничества») of one
 * pair or group: documents.md §8, notes.md §4. The add-on fills in only what the bases know (who,
 * the form, the period, the request); the goal, the tasks, the dates of the meetings and the
 * results are blanks the mentor and the mentee fill at the planning meeting — no invented facts.
 */
import { Settings } from '../settings';
import { Block, DocumentSpec, bold, body, p } from './model';
import { CalendarDate, numericDate } from './dates';
import { BLANK_DATE, TEXT_WIDTH, listTable, orderSpec } from './order-requisites';
import { NameOverrides, SexForms, bySex, declineName, initialsName, sexOf, typeset } from '../language';
import { TableInfo, TemplateData, TemplateFields, columns } from './template/data';

export interface PlanParticipant {
  id: string;
  name: string;
  /** What follows the name: «педагог дополнительного образования, изостудия …», «7 кл., изостудия …». */
  details: string;
  /** A pupil under 18: a parent (legal representative) signs the plan as well. */
  minor: boolean;
}

export interface PlanMentee extends PlanParticipant {
  /** The mentee's own topics (from the questionnaire) and request in their words. */
  topics: string[];
  request: string;
  /** Topics a class teacher, a psychologist or a parent asked for. */
  thirdPartyTopics: string[];
}

export interface DevelopmentPlanInput {
  settings: Settings;
  /** The pair's ID («ПА-0001») or the group's («Г-0004»). */
  unitId: string;
  /** A group: one mentor with several mentees in one form (units.ts), even if some cannot be named. */
  group: boolean;
  form: string;
  mentor: PlanParticipant;
  mentees: PlanMentee[];
  /** The pair's start date («Дата начала» of «Пары и группы»), if set. */
  start: CalendarDate | null;
  nameOverrides?: NameOverrides;
}

/** The fixed cycle of meetings (roadmap 6.1): the first rows of every plan's schedule. */
export const MEETING_CYCLE: ReadonlyArray<{ kind: string; content: string; regularity: string }> = [
  { kind: 'Встреча-знакомство', content: 'Знакомство, ожидания сторон, правила совместной работы, способы связи', regularity: 'один раз' },
  { kind: 'Пробная рабочая встреча', content: 'Совместное решение небольшой задачи; проверка, удобно ли работать вместе', regularity: 'один раз' },
  { kind: 'Встреча-планирование', content: 'Уточнение запроса, постановка цели и задач, заполнение этого плана', regularity: 'один раз' },
  { kind: 'Регулярные встречи', content: 'Работа по задачам плана, обратная связь, корректировка плана', regularity: '1–2 раза в неделю' },
  { kind: 'Итоговая встреча', content: 'Подведение итогов, оценка результатов, итоговое анкетирование', regularity: 'один раз' },
];

const MENTEES_TABLE: TableInfo = {
  name: 'наставляемые',
  about: 'строка списка наставляемых с их запросом',
  required: true,
  columns: columns(['№', '№'], ['фио', 'Наставляемый'], ['сведения', 'Класс, объединение, должность'], ['запрос', 'Запрос (выявленные затруднения)']),
};

const MEETINGS_TABLE: TableInfo = {
  name: 'встречи',
  about: 'строка графика встреч',
  required: true,
  columns: columns(['№', '№'], ['вид', 'Встреча'], ['содержание', 'Содержание'], ['периодичность', 'Периодичность']),
};

const SIGNATURES_TABLE: TableInfo = {
  name: 'подписи',
  about: 'строка подписей участников',
  required: true,
  columns: columns(['участник', 'Участник'], ['фио', 'И.О. Фамилия']),
};

/** Numbered rows for the pen (documents.md §8 item 4); a data table, so the template stays short to read. */
const WORK_TABLE: TableInfo = {
  name: 'работа',
  about: 'строка таблицы «Содержание работы» (для заполнения от руки)',
  columns: columns(['№', '№']),
};

export const DEVELOPMENT_PLAN_FIELDS: TemplateFields = {
  values: [
    { name: 'учредитель', about: 'строка учредителя над наименованием' },
    { name: 'организация', about: 'полное наименование организации', required: true },
    { name: 'организация_кратко', about: 'сокращённое наименование' },
    { name: 'код', about: 'ID пары или группы', required: true },
    { name: 'форма', about: 'форма наставничества', required: true },
    { name: 'наставник', about: 'ФИО наставника и его должность или класс', required: true },
    { name: 'период', about: 'срок реализации плана', required: true },
    { name: 'куратор', about: 'ФИО куратора' },
    { name: 'куратор_подпись', about: 'И.О. Фамилия куратора для подписи' },
    { name: 'о_наставляемых', about: 'заголовок раздела о наставляемых («Наставляемая и её запрос»)' },
    { name: 'составители', about: 'кем составлен план, в творительном падеже' },
    { name: 'учебный_год', about: 'учебный год' },
  ],
  flags: [
    { name: 'есть_учредитель', about: 'указан учредитель' },
    { name: 'есть_кратко', about: 'указано сокращённое наименование' },
    { name: 'пара', about: 'план пары (один наставляемый)' },
    { name: 'группа', about: 'план группы (несколько наставляемых)' },
  ],
  tables: [MENTEES_TABLE, MEETINGS_TABLE, WORK_TABLE, SIGNATURES_TABLE],
};

/** A line for the pen, about the width of the text at 14 pt (an underscore is as wide as a letter). */
const LINE = 64;
const line = (prefix = '') => p(`${prefix}${'_'.repeat(Math.max(8, LINE - prefix.length))}`, { align: 'LEFT' });
const BLANK_NAME = '________________';

/** The upper-right block (grif «СОГЛАСОВАНО»): about 8 cm wide (ГОСТ Р 7.0.97-2025). */
const CORNER_INDENT = Math.round(TEXT_WIDTH - (8.2 * 72) / 2.54);
const section = (text: string): Block => bold(text, { align: 'LEFT', spaceBefore: 12, spaceAfter: 6, keepNext: true });
const hint = (text: string): Block => p(text, { align: 'LEFT', size: 10, keepNext: true });

/** Rows numbered for the pen in «Содержание работы»: documents.md §8 item 4. */
const WORK_ROWS = 6;

/** The default template of the plan; the curator may edit it in «Шаблоны». */
export function developmentPlanTemplate(settings: Settings): DocumentSpec {
  const corner = { align: 'LEFT' as const, indentLeft: CORNER_INDENT };
  return orderSpec(settings, 'Шаблон — Индивидуальный план развития', [
    p('{{если:есть_учредитель}}{{учредитель}}', { align: 'CENTER' }),
    p('{{организация}}', { align: 'CENTER' }),
    p('{{если:есть_кратко}}({{организация_кратко}})', { align: 'CENTER', spaceAfter: 18 }),
    p('СОГЛАСОВАНО', { ...corner, spaceBefore: 6 }),
    p('Куратор программы наставничества', corner),
    p(`${BLANK_NAME} {{куратор_подпись}}`, corner),
    p(BLANK_DATE, { ...corner, spaceAfter: 18 }),
    bold('{{если:пара}}Индивидуальный план развития наставляемого', { align: 'CENTER', keepNext: true }),
    bold('{{если:группа}}Индивидуальный план развития группы наставляемых', { align: 'CENTER', keepNext: true }),
    p('(персонализированная программа наставничества)', { align: 'CENTER', keepNext: true }),
    p('Срок реализации: {{период}}', { align: 'CENTER', spaceAfter: 12 }),

    section('1. Общие сведения'),
    p('{{если:пара}}Наставническая пара: {{код}}', { align: 'LEFT' }),
    p('{{если:группа}}Наставническая группа: {{код}}', { align: 'LEFT' }),
    p('Форма наставничества: {{форма}}', { align: 'LEFT' }),
    p('Наставник: {{наставник}}', { align: 'LEFT' }),
    p('Куратор программы наставничества: {{куратор}}', { align: 'LEFT' }),

    section('2. {{о_наставляемых}}'),
    listTable(MENTEES_TABLE, { widths: [24, 130, 130, 184], align: ['CENTER'] }),

    section('3. Цель'),
    hint('Одно предложение: чего наставляемый достигнет к концу срока; формулируется на встрече-планировании.'),
    line(),
    line(),

    section('4. Задачи'),
    line('1. '),
    line('2. '),
    line('3. '),
    line('4. '),

    section('5. График встреч'),
    hint('Даты вписываются при планировании; отметка о проведении — после встречи.'),
    listTable(MEETINGS_TABLE, { widths: [22, 88, 112, 100, 58, 88], align: ['CENTER'], blank: ['Срок (дата)', 'Отметка о проведении'] }),

    section('6. Содержание работы'),
    listTable(WORK_TABLE, {
      widths: [22, 76, 96, 62, 48, 84, 80],
      align: ['CENTER'],
      blank: ['Задача', 'Мероприятие (содержание работы)', 'Форма', 'Срок', 'Ожидаемый результат (продукт)', 'Отметка о выполнении'],
    }),
    hint('Форма: встреча, занятие, проект, конкурс, экскурсия, консультация.'),

    section('7. Ожидаемые результаты'),
    line(),
    line(),
    line(),

    section('8. Итоги выполнения плана'),
    p('Отметка о выполнении плана: выполнен полностью / выполнен частично / не выполнен (нужное подчеркнуть).', { align: 'LEFT' }),
    p(`Итоговая встреча проведена: ${BLANK_DATE}`, { align: 'LEFT' }),
    line('Достигнутые результаты: '),
    line(),
    line('Оценка наставника: '),
    line('Самооценка наставляемого: '),
    line('Рекомендации: '),

    body('План составлен {{составители}} на встрече-планировании.'),
    bold('С планом ознакомлены:', { align: 'LEFT', spaceBefore: 12, spaceAfter: 6, keepNext: true }),
    listTable(SIGNATURES_TABLE, { widths: [180, 130, 90, 68], blank: ['Подпись', 'Дата'] }),
  ]);
}

/** The title of a plan's Doc: unique per pair or group, so a re-run finds the Doc it made. */
export function developmentPlanTitle(unitId: string, group: boolean, rowIds: readonly string[] = []): string {
  return `Индивидуальный план развития — ${group ? 'группа' : 'пара'} ${unitId}${rowIds.length ? ` (${rowIds.join(', ')})` : ''}`;
}

const text = (v: unknown) => String(v ?? '').trim();

/** «с 01.10.2026 по 31.05.2027»; without an end date, to the end of the academic year; never an invented date. */
export function planPeriod(settings: Settings, start: CalendarDate | null): string {
  const end = text(settings.pairsEnd);
  const year = text(settings.academicYear);
  if (start && end) return `с ${numericDate(start)} по ${end}`;
  if (start) return year ? `с ${numericDate(start)} до окончания ${year} учебного года` : `с ${numericDate(start)} по ${BLANK_DATE}`;
  if (end) return `с ${BLANK_DATE} по ${end}`;
  return year ? `${year} учебный год` : `с ${BLANK_DATE} по ${BLANK_DATE}`;
}

const MENTEE_BY: SexForms = { male: 'наставляемым', female: 'наставляемой', unknown: 'наставляемым(-ой)' };
const MENTEE_TITLE: SexForms = { male: 'Наставляемый и его запрос', female: 'Наставляемая и её запрос', unknown: 'Наставляемый(-ая) и запрос' };
const MENTEE_ROLE: SexForms = { male: 'Наставляемый', female: 'Наставляемая', unknown: 'Наставляемый(-ая)' };
const MENTOR_OF: SexForms = { male: 'наставника', female: 'наставника' };
const MENTEE_OF: SexForms = { male: 'наставляемого', female: 'наставляемой', unknown: 'наставляемого(-ой)' };

const lower = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

/** Topics once each, in the order given. */
function distinct(list: readonly string[], skip: ReadonlySet<string> = new Set()): string[] {
  const seen = new Set(skip);
  return list.filter((t) => t.trim() && !seen.has(lower(t)) && !!seen.add(lower(t)));
}

/** The request cell: the mentee's topics, their words, then what third parties asked for, marked as such. */
export function requestText(m: Pick<PlanMentee, 'name' | 'topics' | 'request' | 'thirdPartyTopics'>): string {
  const own = distinct(m.topics);
  const third = distinct(m.thirdPartyTopics, new Set(own.map(lower)));
  const lines = [
    own.length ? `Темы: ${own.join(', ')}` : '',
    m.request.trim() ? `Со слов ${bySex(sexOf(m.name), MENTEE_OF)}: ${m.request.trim()}` : '',
    third.length ? `По запросу педагогов, специалистов или родителей: ${third.join(', ')}` : '',
  ].filter(Boolean);
  return lines.length ? lines.join('\n') : '—';
}

/** What the plan is filled with; `missing` lists, in Russian, what «Настройки» lack for a complete plan. */
export function developmentPlanData(input: DevelopmentPlanInput): { data: TemplateData; missing: string[] } {
  const { settings, mentor, mentees, nameOverrides } = input;
  const t = (s: string) => typeset(s, { orgShortName: text(settings.orgShortName) });
  const missing: string[] = [];
  const orgName = text(settings.orgName);
  if (!orgName) missing.push('полное наименование организации');
  const curator = text(settings.curatorName);
  if (!curator) missing.push('куратор (ФИО)');
  if (!text(settings.pairsEnd)) missing.push('срок работы пар и групп (по какую дату)');

  const only = mentees.length === 1 && !input.group ? mentees[0] : null;
  const sexOne = only ? sexOf(only.name) : null;
  const mentorBy = `наставником ${declineName(mentor.name, 'instrumental', nameOverrides)}`;
  const together = only ? `${bySex(sexOne, MENTEE_BY)} ${declineName(only.name, 'instrumental', nameOverrides)}` : `наставляемыми группы ${input.unitId}`;

  const signatures: Array<Record<string, string>> = [];
  const parentRow = (name: string, of: SexForms) => ({
    участник: `Родитель (законный представитель) ${bySex(sexOf(name), of)} ${initialsName(name, 'genitive', nameOverrides)}`,
    фио: BLANK_NAME,
  });
  signatures.push({ участник: 'Наставник', фио: initialsName(mentor.name, 'nominative', nameOverrides) });
  if (mentor.minor) signatures.push(parentRow(mentor.name, MENTOR_OF));
  for (const m of mentees) {
    signatures.push({ участник: bySex(sexOf(m.name), MENTEE_ROLE), фио: initialsName(m.name, 'nominative', nameOverrides) });
    if (m.minor) signatures.push(parentRow(m.name, MENTEE_OF));
  }

  const values: Record<string, string> = {
    учредитель: text(settings.founder),
    организация: orgName,
    организация_кратко: text(settings.orgShortName),
    код: input.unitId,
    форма: input.form,
    наставник: [mentor.name, mentor.details].filter(Boolean).join(', '),
    период: planPeriod(settings, input.start),
    куратор: [curator || BLANK_NAME, text(settings.curatorPosition).toLowerCase()].filter(Boolean).join(', '),
    куратор_подпись: curator ? initialsName(curator, 'nominative', nameOverrides) : BLANK_NAME,
    о_наставляемых: only ? bySex(sexOne, MENTEE_TITLE) : 'Наставляемые и их запросы',
    составители: `${mentorBy} совместно с ${together}`,
    учебный_год: text(settings.academicYear),
  };
  for (const k of Object.keys(values)) values[k] = t(values[k]);
  return {
    data: {
      values,
      flags: { есть_учредитель: !!text(settings.founder), есть_кратко: !!text(settings.orgShortName), пара: !input.group, группа: input.group },
      tables: {
        наставляемые: mentees.map((m, i) => ({ '№': String(i + 1), фио: t(m.name), сведения: t(m.details), запрос: t(requestText(m)) })),
        работа: Array.from({ length: WORK_ROWS }, (_v, i) => ({ '№': String(i + 1) })),
        встречи: MEETING_CYCLE.map((m, i) => ({ '№': String(i + 1), вид: m.kind, содержание: m.content, периодичность: t(m.regularity) })),
        подписи: signatures.map((s) => ({ участник: t(s.участник), фио: t(s.фио) })),
      },
    },
    missing,
  };
}

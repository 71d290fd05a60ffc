import { Settings } from '../settings';
import { DocumentSpec, body, p } from './model';
import { numericDate, CalendarDate } from './dates';
import {
  FAMILIARISATION,
  listTable,
  OrderIdentity,
  REQUISITE_FIELDS,
  REQUISITE_FLAGS,
  attachmentHead,
  familiarisation,
  orderFoot,
  orderHead,
  orderItems,
  orderSpec,
  requisiteValues,
} from './order-requisites';
import { GROUPS, MENTEES, NameOverrides, PAIRS, PERSONS, plural, typeset } from '../language';
import { TableInfo, TemplateData, TemplateFields, columns } from './template/data';
import { countUnits } from '../pairing/units';

export interface OrderPairRow {
  form: string;
  mentorId: string;
  mentor: string;
  /** «должность / объединение, класс»: what the order says of the mentor after the name. */
  mentorDetails: string;
  mentees: Array<{ id: string; name: string; details: string; request: string }>;
}

export interface StaffMember {
  name: string;
  position: string;
}

export interface PairsOrderInput {
  settings: Settings;
  order: OrderIdentity;
  rows: OrderPairRow[];
  /** Who signs the familiarisation sheet: the curator first, then the staff mentors. */
  staff: StaffMember[];
  /** Mentors employed by the organisation (ст. 351.8 ТК РФ: additional agreements). */
  staffMentors: number;
  /** Mentees in the programme left without a pair (item on continuing the search). */
  unmatched: number;
  nameOverrides?: NameOverrides;
}

export const PAIRS_ORDER_HEADING = 'Об утверждении наставнических пар (групп) на {{учебный_год}} учебный год';

const PAIR_LIST: TableInfo = {
  name: 'пары',
  about: 'строка списка пар и групп',
  required: true,
  columns: columns(['№', '№'], ['форма', 'Форма наставничества'], ['наставник', 'Наставник'], ['наставляемые', 'Наставляемый(-е)'], ['запрос', 'Направление работы (запрос)']),
};

export const PAIRS_ORDER_FIELDS: TemplateFields = {
  values: [
    ...REQUISITE_FIELDS,
    { name: 'срок_пар', about: 'период работы пар и групп' },
    { name: 'итого', about: 'число пар, групп и наставляемых по приказу', required: true },
    { name: 'итого_по_формам', about: 'то же по формам наставничества' },
    { name: 'без_пары', about: 'сколько наставляемых осталось без пары' },
  ],
  flags: [...REQUISITE_FLAGS, { name: 'есть_сотрудники', about: 'среди наставников есть работники организации' }, { name: 'есть_без_пары', about: 'есть наставляемые без пары' }],
  tables: [PAIR_LIST, FAMILIARISATION],
};

/** The default template of the pairs order (roadmap 5.2; documents.md §2); the curator may edit it in «Шаблоны». */
export function pairsOrderTemplate(settings: Settings): DocumentSpec {
  return orderSpec(settings, 'Шаблон — Приказ об утверждении наставнических пар (групп)', [
    ...orderHead(PAIRS_ORDER_HEADING),
    body(
      'В соответствии с распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145 «Об утверждении методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования, в том числе с применением лучших практик обмена опытом между обучающимися», Положением о наставничестве {{организация_кратко}}, утверждённым приказом {{положение}}, программой наставничества {{организация_кратко}}, утверждённой приказом {{программа}}, на основании результатов групповой встречи наставников и наставляемых, анкетирования их предпочтений и письменного согласия участников',
    ),
    ...orderItems([
      '{{п}}. Утвердить наставнические пары (группы) согласно приложению {{срок_пар}}.',
      '{{п}}. Наставникам в течение {{срок_поручений}} со дня издания приказа разработать совместно с наставляемыми индивидуальные планы развития (персонализированные программы наставничества) и передать их куратору программы наставничества.',
      '{{п}}. Куратору программы наставничества {{куратор_кому}} в течение срока работы пар и групп организовать встречи наставников и наставляемых, вести журнал встреч, проводить мониторинг реализации программы и представлять справки в {{получатель_справок}} в сроки, установленные дорожной картой.',
      '{{если:есть_сотрудники}}{{п}}. Куратору программы наставничества {{куратор_кому}} в течение {{срок_поручений}} со дня издания приказа подготовить дополнительные соглашения к трудовым договорам работников, назначенных наставниками, о выполнении наставнической деятельности в соответствии со статьёй 351.8 Трудового кодекса Российской Федерации и передать их на подпись.',
      '{{если:есть_без_пары}}{{п}}. Куратору программы наставничества {{куратор_кому}} продолжить поиск наставников для наставляемых, не вошедших в пары (группы) ({{без_пары}}), и обеспечить их сопровождение до формирования пары (группы).',
      '{{п}}. Контроль за исполнением настоящего приказа оставляю за собой.',
    ]),
    ...orderFoot(),
    ...attachmentHead(null, 'Список наставнических пар (групп) на {{учебный_год}} учебный год'),
    p('Срок работы пар и групп: {{срок_пар}}.', { align: 'CENTER', spaceAfter: 8 }),
    // 468 pt: the text width of A4 with margins 30 and 15 mm.
    listTable(PAIR_LIST, { widths: [26, 104, 106, 112, 120], align: ['CENTER'] }),
    p('Всего: {{итого}}.', { spaceBefore: 8 }),
    p('В том числе: {{итого_по_формам}}.'),
    ...familiarisation(PAIRS_ORDER_HEADING),
  ]);
}

/** Several entries in one cell, each on its own numbered line. */
function numbered(lines: string[]): string {
  return lines.length > 1 ? lines.map((l, i) => `${i + 1}) ${l}`).join('\n') : lines.join('');
}

/** The requests of a cell, without the repeats a child's answer and the curator's topics produce. */
function distinct(text: string): string {
  const seen = new Set<string>();
  return text
    .split(/\s*[,;]\s*/)
    .filter((t) => t && !seen.has(t.toLowerCase()) && !!seen.add(t.toLowerCase()))
    .join(', ');
}

const unitWords = (n: { pairs: number; groups: number; mentees: number }) => `${plural(n.pairs, PAIRS)}, ${plural(n.groups, GROUPS)}, ${plural(n.mentees, MENTEES)}`;

function period(settings: Settings, date: CalendarDate | null): string {
  const end = String(settings.pairsEnd ?? '').trim();
  const year = String(settings.academicYear ?? '').trim();
  if (end) return date ? `на период с ${numericDate(date)} по ${end}` : `на период со дня издания приказа по ${end}`;
  return year ? `на ${year} учебный год` : 'на учебный год';
}

/** What the pairs order is filled with; counts come from the one definition of a pair and a group. */
export function pairsOrderData(input: PairsOrderInput): { data: TemplateData; missing: string[] } {
  const { settings, rows } = input;
  const { values, flags, missing } = requisiteValues(settings, input.order, input.nameOverrides);
  const count = countUnits(rows.flatMap((r) => r.mentees.map((m) => ({ mentorId: r.mentorId, menteeId: m.id, form: r.form }))));
  const options = { orgShortName: String(settings.orgShortName) };
  const t = (s: string) => typeset(s, options);
  Object.assign(values, {
    срок_пар: t(period(settings, input.order.date)),
    итого: t(unitWords(count)),
    итого_по_формам: t(count.byForm.map((f) => `«${f.form}» — ${unitWords(f)}`).join('; ')),
    без_пары: t(plural(input.unmatched, PERSONS)),
  });
  if (!String(settings.pairsEnd ?? '').trim()) missing.push('срок работы пар и групп (по какую дату)');
  return {
    data: {
      values,
      flags: { ...flags, есть_сотрудники: input.staffMentors > 0, есть_без_пары: input.unmatched > 0 },
      tables: {
        пары: rows.map((r, i) => ({
          '№': String(i + 1),
          форма: r.form,
          наставник: t([r.mentor, r.mentorDetails].filter(Boolean).join(', ')),
          наставляемые: t(numbered(r.mentees.map((m) => [m.name, m.details].filter(Boolean).join(', ')))),
          запрос: t(numbered(r.mentees.map((m) => distinct(m.request) || '—'))),
        })),
        ознакомление: input.staff.map((s, i) => ({ '№': String(i + 1), фио: t(s.name), должность: t(s.position) })),
      },
    },
    missing,
  };
}

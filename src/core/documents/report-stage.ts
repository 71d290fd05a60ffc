/**
 * The monitoring справка of each stage for МКУ «УСР» (roadmap 1.6, 2.4, 3.6, 4.3, 5.4, 6.3;
 * documents.md §5): цель, сроки, методы; the documents in force with their date and № as the
 * curator recorded them (never invented); the stage's counts from the workbook (target groups as
 * counts only, nobody named); conclusions and next tasks from the figures, plus lines the curator
 * writes on. One template serves the six stages: the stage is a value, not a separate template.
 */
import { Settings } from '../settings';
import { DocumentSpec, body, p } from './model';
import { listTable } from './order-requisites';
import { REPORT_FLAGS, REPORT_VALUE_FIELDS, penLine, reportFoot, reportHead, reportSpec, reportValues, section } from './report-common';
import { TableInfo, TemplateData, TemplateFields, columns } from './template/data';
import { ROADMAP, ROADMAP_STAGES } from '../domain/roadmap';
import { NounForms, plural, typeset } from '../language';

export type StageNumber = 1 | 2 | 3 | 4 | 5 | 6;
export const STAGE_NUMBERS: readonly StageNumber[] = [1, 2, 3, 4, 5, 6];
/** The roadmap row each stage's справка evidences. */
export const STAGE_ITEMS: Readonly<Record<StageNumber, string>> = { 1: '1.6', 2: '2.4', 3: '3.6', 4: '4.3', 5: '5.4', 6: '6.3' };

export const NORMATIVE_TABLE: TableInfo = {
  name: 'документы',
  about: 'строка таблицы нормативного обеспечения',
  required: true,
  columns: columns(['показатель', 'Показатель'], ['наличие', 'Наличие'], ['реквизиты', 'Реквизиты (дата, №)']),
};

export const COUNTS_TABLE: TableInfo = {
  name: 'показатели',
  about: 'строка таблицы количественных показателей этапа',
  required: true,
  columns: columns(['показатель', 'Показатель'], ['значение', 'Значение']),
};

export const STAGE_FIELDS: TemplateFields = {
  values: [
    ...REPORT_VALUE_FIELDS,
    { name: 'этап', about: 'номер этапа (1–6)', required: true },
    { name: 'этап_название', about: 'название этапа по дорожной карте', required: true },
    { name: 'пункт', about: 'пункт дорожной карты (мониторинг этапа)', required: true },
    { name: 'получатель', about: 'получатель справки (МКУ «УСР»)' },
    { name: 'дата', about: 'дата справки', required: true },
    { name: 'цель', about: 'цель мониторинга этапа', required: true },
    { name: 'сроки', about: 'сроки мониторинга', required: true },
    { name: 'методы', about: 'методы мониторинга', required: true },
    { name: 'выводы', about: 'выводы по показателям этапа', required: true },
    { name: 'задачи', about: 'задачи на следующий этап', required: true },
  ],
  flags: REPORT_FLAGS,
  tables: [NORMATIVE_TABLE, COUNTS_TABLE],
};

/** The default template; the curator may edit it in «Шаблоны». */
export function stageTemplate(settings: Settings): DocumentSpec {
  return reportSpec(settings, 'Шаблон — Справка по итогам мониторинга этапа реализации целевой модели наставничества', [
    ...reportHead('СПРАВКА', [
      'по итогам мониторинга реализации целевой модели наставничества',
      'в {{организация_кратко}}',
      'этап {{этап}} «{{этап_название}}» (пункт {{пункт}} дорожной карты)',
      '{{период}}',
    ]),
    p('{{дата}}', { align: 'LEFT', spaceAfter: 6 }),
    p('Для {{получатель}}', { align: 'LEFT', spaceAfter: 12 }),
    section('1. Цель, сроки и методы мониторинга'),
    body('Цель: {{цель}}'),
    body('Сроки: {{сроки}}'),
    body('Методы: {{методы}}'),
    section('2. Нормативное обеспечение'),
    listTable(NORMATIVE_TABLE, { widths: [210, 90, 168], align: [undefined, 'CENTER'] }),
    section('3. Количественные показатели этапа'),
    listTable(COUNTS_TABLE, { widths: [340, 128], align: [undefined, 'CENTER'] }),
    section('4. Выводы'),
    body('{{выводы}}'),
    p('(дополняет куратор)', { align: 'LEFT', size: 10 }),
    penLine(),
    penLine(),
    section('5. Задачи на следующий этап'),
    body('{{задачи}}'),
    penLine(),
    penLine(),
    ...reportFoot(),
  ]);
}

/** A row of «Документы»: what it is and what the curator recorded after the director signed it. */
export interface RegisteredOrder {
  kind: string;
  title: string;
  /** «09.02.2027», or '' while not recorded. */
  signed: string;
  number: string;
}

/** The stage's figures, each counted from the workbook by the server; null where a source is absent. */
export interface StageCounts {
  mentees: number;
  menteesByCategory: ReadonlyArray<{ category: string; n: number }>;
  menteesWithRequest: number;
  menteesConsented: number;
  /** Mentees with an entry diagnostic answer (2.3). */
  menteesDiagnosed: number;
  targetGroups: ReadonlyArray<{ name: string; n: number }>;
  mentors: number;
  mentorsByCategory: ReadonlyArray<{ category: string; n: number }>;
  mentorsConsented: number;
  mentorsDiagnosed: number;
  /** «Школа наставников» statuses with their counts. */
  training: ReadonlyArray<{ status: string; n: number }>;
  /** Pairs and groups counted in the year, by form. */
  forms: ReadonlyArray<{ form: string; pairs: number; groups: number; mentees: number }>;
  /** Mentees with «без пары». */
  unmatched: number;
  /** Meetings on «Встречи» in the year. */
  meetings: number;
  /** Pairs and groups with at least one meeting in the year. */
  unitsMet: number;
  /** «Встречи: пар с отставанием» on «Мониторинг», or null when it has not been refreshed. */
  behind: number | null;
  /** Rows of «Обратная связь» in the year, and the people who answered. */
  feedback: number;
  respondents: number;
  /** The 6.2 satisfaction rows of «Мониторинг» as they stand (text), by role group. */
  satisfaction: ReadonlyArray<{ label: string; value: string }>;
}

export interface StageInput {
  settings: Settings;
  stage: StageNumber;
  /** «за 2026/2027 учебный год». */
  period: string;
  academicYear: string;
  /** The day of the справка: «16.06.2027». */
  date: string;
  register: readonly RegisteredOrder[];
  /** Roadmap rows of the stage with their status as the curator set it. */
  roadmap: ReadonlyArray<{ number: string; status: string }>;
  counts: StageCounts;
}

export interface StageResult {
  data: TemplateData;
  /** Documents in the register not signed yet (their «Вид»), for the curator's summary. */
  unsigned: string[];
  missing: string[];
}

const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
const UNITS: NounForms = ['пары и группы', 'пар и групп', 'пар и групп'];
const MENTEES: NounForms = ['наставляемый', 'наставляемых', 'наставляемых'];
const MENTORS: NounForms = ['наставник', 'наставника', 'наставников'];
/** After «из»: «из 1 мероприятия», «из 3 мероприятий», «из 21 мероприятия». */
const ITEMS_OF: NounForms = ['мероприятия', 'мероприятий', 'мероприятий'];
const NO_DATA = 'сведений в рабочей книге нет';

/** What each stage checks: the aim (roadmap's task of the stage) and the methods. */
const STAGE_TEXT: Readonly<Record<StageNumber, { aim: string; methods: string }>> = {
  1: {
    aim: 'оценка наличия пакета документов для запуска программы наставничества и ведения информационной кампании (пункты 1.1, 1.3, 1.4 дорожной карты)',
    methods: 'анализ документов (реестр «Документы» рабочей книги программы), анализ выполнения мероприятий дорожной карты.',
  },
  2: {
    aim: 'оценка сформированности базы наставляемых с перечнем запросов и входной диагностики наставляемых',
    methods: 'анализ базы наставляемых, анкет наставляемых и согласий на обработку персональных данных, входная диагностика (анкеты), анализ документов.',
  },
  3: {
    aim: 'оценка сформированности базы наставников, которые могут участвовать в программе наставничества',
    methods: 'анализ базы наставников, анкет потенциальных наставников и согласий на обработку персональных данных, входная диагностика (анкеты), анализ документов.',
  },
  4: {
    aim: 'оценка сформированности базы готовых к работе наставников, прошедших обучение в «Школе наставников»',
    methods: 'анализ базы наставников и сведений об обучении в «Школе наставников», анализ документов.',
  },
  5: {
    aim: 'оценка формирования наставнических пар и групп и сопровождения наставляемых, не сформировавших пару',
    methods: 'анализ приказов об утверждении наставнических пар (групп), базы наставляемых, анализ документов.',
  },
  6: {
    aim: 'оценка организации работы наставнических пар и групп: регулярности встреч и обратной связи участников',
    methods: 'анализ журнала встреч, ежемесячная обратная связь участников (анкеты), данные листа «Мониторинг», анализ документов.',
  },
};

/** The check-list rows (documents.md §5.3) a register row can evidence, matched on «Вид» and title. */
const CHECKLIST: ReadonlyArray<{ label: string; match: RegExp; setting?: 'regulationOrder' | 'programmeOrder' }> = [
  { label: 'Приказ о внедрении целевой модели наставничества', match: /о внедрении/ },
  { label: 'Приказ о назначении куратора', match: /назначении куратора/ },
  { label: 'Положение о наставничестве', match: /положени[еяи] о наставничестве/, setting: 'regulationOrder' },
  { label: 'Программа наставничества', match: /(утверждении|утверждена).*программ|^программа наставничества/, setting: 'programmeOrder' },
  { label: 'Дорожная карта внедрения целевой модели наставничества', match: /дорожн(ая|ой) карт/ },
  { label: 'Приказ об утверждении списков наставников, наставляемых и форм наставничества', match: /утверждении списков наставников/ },
  { label: 'Приказ об организации «Школы наставников»', match: /школы наставников/ },
  { label: 'Приказ(ы) об утверждении наставнических пар (групп)', match: /утверждении наставнических пар/ },
];

/** «от 09.02.2027 № 131-о/д» — only what the curator recorded; a missing part is said in words. */
function requisites(o: RegisteredOrder): string {
  if (o.signed && o.number) return `от ${o.signed} № ${o.number}`;
  if (o.signed) return `от ${o.signed}, номер не внесён`;
  return 'не подписан: дата и номер не внесены';
}

function normativeRows(input: StageInput): { rows: Array<Record<string, string>>; unsigned: string[] } {
  const unsigned: string[] = [];
  const rows = CHECKLIST.map((item) => {
    const found = input.register.filter((o) => item.match.test(norm(`${o.kind} ${o.title}`)));
    if (found.length) {
      const signed = found.filter((o) => o.signed);
      for (const o of found.filter((x) => !x.signed)) unsigned.push(o.kind || o.title);
      return {
        показатель: item.label,
        наличие: signed.length ? 'да' : 'не подписан',
        реквизиты: found.map(requisites).join('; '),
      };
    }
    const typed = item.setting ? String(input.settings[item.setting] ?? '').trim() : '';
    if (typed) return { показатель: item.label, наличие: 'да', реквизиты: typed };
    return { показатель: item.label, наличие: 'нет сведений', реквизиты: `${NO_DATA}: впишите от руки` };
  });
  const c = input.counts;
  rows.push({
    показатель: 'База наставников и наставляемых',
    наличие: c.mentors + c.mentees ? 'да' : 'нет',
    реквизиты: `листы «Наставники» (${c.mentors}) и «Наставляемые» (${c.mentees})`,
  });
  rows.push({ показатель: 'Раздел «Наставничество» на официальном сайте', наличие: 'нет сведений', реквизиты: `${NO_DATA}: впишите ссылку` });
  rows.push({ показатель: 'Локальный акт о поощрении наставников', наличие: 'нет сведений', реквизиты: `${NO_DATA}: впишите от руки` });
  return { rows, unsigned: [...new Set(unsigned)] };
}

type Row = { показатель: string; значение: string };
const row = (показатель: string, value: number | string): Row => ({ показатель, значение: String(value) });

function countRows(input: StageInput): Row[] {
  const c = input.counts;
  const done = input.roadmap.filter((r) => norm(r.status) === 'выполнено').length;
  const rows: Row[] = [row(`Мероприятий этапа по дорожной карте (выполнено / всего)`, `${done} / ${input.roadmap.length}`)];
  switch (input.stage) {
    case 1:
      rows.push(row('Наставляемых в базе', c.mentees), row('Наставников в базе', c.mentors));
      break;
    case 2:
      rows.push(row('Наставляемых в базе, всего', c.mentees));
      for (const k of c.menteesByCategory) rows.push(row(`в том числе ${k.category}`, k.n));
      rows.push(
        row('Наставляемых с запросом (темы или запрос указаны)', c.menteesWithRequest),
        row('Наставляемых с действующим согласием на обработку ПДн', c.menteesConsented),
        row('Наставляемых, прошедших входную диагностику', c.menteesDiagnosed),
      );
      for (const g of c.targetGroups) rows.push(row(`Целевая группа: ${g.name.charAt(0).toLowerCase()}${g.name.slice(1)}`, g.n));
      break;
    case 3:
      rows.push(row('Наставников в базе, всего', c.mentors));
      for (const k of c.mentorsByCategory) rows.push(row(`в том числе ${k.category}`, k.n));
      rows.push(row('Наставников с действующим согласием на обработку ПДн', c.mentorsConsented), row('Наставников, прошедших входную диагностику', c.mentorsDiagnosed));
      break;
    case 4:
      rows.push(row('Наставников в базе, всего', c.mentors));
      for (const t of c.training) rows.push(row(`«Школа наставников»: ${t.status}`, t.n));
      break;
    case 5: {
      for (const f of c.forms) rows.push(row(`Форма «${f.form}»: пар / групп / наставляемых в них`, `${f.pairs} / ${f.groups} / ${f.mentees}`));
      const t = totals(c);
      rows.push(row('Итого: пар / групп / наставляемых в них', `${t.pairs} / ${t.groups} / ${t.mentees}`), row('Наставляемых без пары', c.unmatched));
      break;
    }
    case 6: {
      const t = totals(c);
      rows.push(
        row('Наставнических пар и групп', t.pairs + t.groups),
        row('Проведено встреч (журнал встреч)', c.meetings),
        row('Пар и групп, проводивших встречи', c.unitsMet),
        row('Пар и групп, отстающих от графика встреч', c.behind === null ? 'нет данных: мониторинг не обновлён' : c.behind),
        row('Ответов ежемесячной обратной связи', c.feedback),
        row('Участников, ответивших на обратную связь', c.respondents),
      );
      for (const s of c.satisfaction) rows.push(row(s.label, s.value));
      break;
    }
  }
  return rows;
}

function totals(c: StageCounts) {
  return c.forms.reduce((s, f) => ({ pairs: s.pairs + f.pairs, groups: s.groups + f.groups, mentees: s.mentees + f.mentees }), { pairs: 0, groups: 0, mentees: 0 });
}

/** Generated conclusions and tasks: each sentence from a figure; a stage with no data says so. */
function conclusions(input: StageInput, unsigned: readonly string[]): { findings: string[]; tasks: string[] } {
  const c = input.counts;
  const findings: string[] = [];
  const tasks: string[] = [];
  const year = input.academicYear;
  const done = input.roadmap.filter((r) => norm(r.status) === 'выполнено').length;
  findings.push(
    input.roadmap.length ? `На листе «Дорожная карта» выполненными отмечены ${done} из ${plural(input.roadmap.length, ITEMS_OF)} этапа.` : 'Мероприятий этапа на листе «Дорожная карта» нет.',
  );
  if (unsigned.length) {
    findings.push(`Не подписаны (дата и номер не внесены в «Документы»): ${unsigned.map((u) => `«${u}»`).join(', ')}.`);
    tasks.push('Внести дату подписания и номер приказов на лист «Документы» после подписания руководителем.');
  }
  switch (input.stage) {
    case 1:
      tasks.push('Сформировать базы наставляемых и наставников (этапы 2 и 3 дорожной карты).');
      break;
    case 2:
      if (!c.mentees) {
        findings.push(`В ${year} учебном году база наставляемых не сформирована: наставляемых нет.`);
        tasks.push('Провести анкетирование желающих стать наставляемыми и собрать согласия на обработку персональных данных.');
        break;
      }
      findings.push(`В базе наставляемых ${plural(c.mentees, MENTEES)}, из них с указанным запросом — ${c.menteesWithRequest}, с действующим согласием — ${c.menteesConsented}.`);
      findings.push(`Входную диагностику прошли ${c.menteesDiagnosed} из ${c.mentees}.`);
      if (c.mentees > c.menteesConsented) tasks.push(`Получить согласия на обработку персональных данных (${c.mentees - c.menteesConsented} без действующего согласия).`);
      if (c.mentees > c.menteesDiagnosed) tasks.push(`Провести входную диагностику для наставляемых, не прошедших её (${c.mentees - c.menteesDiagnosed}).`);
      tasks.push('Подобрать кандидатов в наставники по запросам наставляемых (этап 3).');
      break;
    case 3:
      if (!c.mentors) {
        findings.push(`В ${year} учебном году база наставников не сформирована: наставников нет.`);
        tasks.push('Провести анкетирование потенциальных наставников и собрать согласия на обработку персональных данных.');
        break;
      }
      findings.push(`В базе наставников ${plural(c.mentors, MENTORS)}, из них с действующим согласием — ${c.mentorsConsented}; входную диагностику прошли ${c.mentorsDiagnosed}.`);
      if (c.mentors > c.mentorsConsented) tasks.push(`Получить согласия на обработку персональных данных (${c.mentors - c.mentorsConsented} без действующего согласия).`);
      tasks.push('Отобрать наставников для программы и организовать их обучение в «Школе наставников» (этап 4).');
      break;
    case 4: {
      const trained = c.training.find((t) => t.status === 'обучен')?.n ?? 0;
      if (!c.mentors) {
        findings.push('Наставников в базе нет: обучать некого.');
        tasks.push('Сформировать базу наставников (этап 3).');
        break;
      }
      findings.push(`Обучены в «Школе наставников»: ${plural(trained, MENTORS)} из ${c.mentors} в базе.`);
      const waiting = c.training.filter((t) => ['направлен', 'обучается', 'не обучен'].includes(t.status)).reduce((s, t) => s + t.n, 0);
      if (waiting) tasks.push(`Завершить обучение наставников, ещё не прошедших «Школу наставников» (${waiting}).`);
      tasks.push('Сформировать наставнические пары и группы из готовых к работе наставников (этап 5).');
      break;
    }
    case 5: {
      const t = totals(c);
      if (!t.pairs && !t.groups) {
        findings.push(`В ${year} учебном году наставнических пар и групп, утверждённых приказом, нет.`);
        tasks.push('Провести групповую встречу наставников и наставляемых и сформировать пары и группы.');
        break;
      }
      const used = c.forms.filter((f) => f.pairs + f.groups).map((f) => `«${f.form}»`);
      findings.push(`Сформировано пар — ${t.pairs}, групп — ${t.groups} по ${used.length === 1 ? 'форме' : 'формам'} ${used.join(', ')}; в них наставляемых — ${t.mentees}.`);
      findings.push(c.unmatched ? `Наставляемых без пары: ${c.unmatched}.` : 'Наставляемых без пары нет.');
      if (c.unmatched) tasks.push(`Продолжить поиск наставника для наставляемых без пары (${c.unmatched}), пункт 5.3 дорожной карты.`);
      tasks.push('Организовать встречи пар и групп и составить индивидуальные планы развития (этап 6).');
      break;
    }
    case 6: {
      const t = totals(c);
      if (!t.pairs && !t.groups) {
        findings.push(`В ${year} учебном году наставнических пар и групп нет: работа пар не велась.`);
        tasks.push('Сформировать наставнические пары и группы (этап 5).');
        break;
      }
      findings.push(c.meetings ? `Проведено встреч: ${c.meetings}; встречались ${c.unitsMet} из ${plural(t.pairs + t.groups, UNITS)}.` : `Встреч в журнале за ${year} учебный год нет.`);
      if (c.behind === null) findings.push('Отставание от графика встреч не оценено: мониторинг не обновлялся.');
      else findings.push(c.behind ? `Пар и групп, отстающих от графика встреч: ${c.behind}.` : 'Пар и групп, отстающих от графика встреч, нет.');
      findings.push(c.feedback ? `Ответов ежемесячной обратной связи — ${c.feedback}, ответивших участников — ${c.respondents}.` : 'Ответов ежемесячной обратной связи нет.');
      if (c.behind) tasks.push(`Разобрать с наставниками причины отставания (${c.behind}) и восстановить график встреч.`);
      if (!c.feedback) tasks.push('Организовать ежемесячную обратную связь участников.');
      tasks.push('Провести итоговые встречи и итоговую диагностику, подвести итоги работы пар и групп (этап 7).');
      break;
    }
  }
  return { findings, tasks };
}

export function stageData(input: StageInput, overrides?: Parameters<typeof reportValues>[3]): StageResult {
  const shared = reportValues(input.settings, input.period, input.academicYear, overrides);
  const item = STAGE_ITEMS[input.stage];
  const monitoring = ROADMAP.find((r) => r.number === item);
  const normative = normativeRows(input);
  const { findings, tasks } = conclusions(input, normative.unsigned);
  const t = (s: string) => typeset(s, { orgShortName: String(input.settings.orgShortName ?? '').trim() });
  // A template value is one paragraph (line breaks in it become spaces): sentences, not a numbered list run together.
  const numbered = (lines: string[]) => lines.join(' ');
  const values: Record<string, string> = {
    ...shared.values,
    этап: String(input.stage),
    этап_название: ROADMAP_STAGES[input.stage - 1],
    пункт: item,
    получатель: t(String(input.settings.municipalAgency ?? '').trim() || 'МКУ «УСР»'),
    дата: input.date,
    цель: t(STAGE_TEXT[input.stage].aim + '.'),
    сроки: t(`${input.academicYear} учебный год; срок справки по дорожной карте — ${monitoring?.deadline ?? 'не указан'}.`),
    методы: t(STAGE_TEXT[input.stage].methods),
    выводы: t(numbered(findings)),
    задачи: t(numbered(tasks)),
  };
  return {
    data: {
      values,
      flags: shared.flags,
      tables: {
        документы: normative.rows.map((r) => ({ показатель: t(r.показатель), наличие: r.наличие, реквизиты: t(r.реквизиты) })),
        показатели: countRows(input).map((r) => ({ показатель: t(r.показатель), значение: r.значение })),
      },
    },
    unsigned: normative.unsigned,
    missing: shared.missing,
  };
}

/** For the curator's summary: the orders to record once signed. */
export const unsignedNote = (kinds: readonly string[]) =>
  `Не подписаны или не внесены дата и номер: ${kinds.map((k) => `«${k}»`).join(', ')} — впишите «Дата подписания» и «Номер» на листе «Документы» и сформируйте справку снова.`;

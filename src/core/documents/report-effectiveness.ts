/**
 * The effectiveness report on 15 November and 15 June (roadmap 7.3, documents.md §6): the six
 * Р-145 indicators as «Мониторинг» has them for that date — the same text, numerator and
 * denominator, so the report equals the workbook — the pairs and groups by form, the mentors
 * trained. A figure that is missing is said in words, and the curator is told what to enter.
 */
import { SETTINGS, SettingKey, Settings } from '../settings';
import { DocumentSpec, body, p } from './model';
import { CalendarDate, numericDate } from './dates';
import { listTable } from './order-requisites';
import { REPORT_FLAGS, REPORT_VALUE_FIELDS, penLine, reportFoot, reportHead, reportSpec, reportValues, section } from './report-common';
import { TableInfo, TemplateData, TemplateFields, columns } from './template/data';
import { DENOMINATORS, INDICATOR_TITLES, type IndicatorCode, readDenominator } from '../monitoring/indicators';
import { NounForms, plural, typeset } from '../language';
import { RU } from '../strings';

export const INDICATORS_TABLE: TableInfo = {
  name: 'показатели',
  about: 'строка таблицы показателей эффективности',
  required: true,
  columns: columns(['№', '№'], ['показатель', 'Показатель'], ['план', 'План, %'], ['значение', 'Факт, %'], ['выполнение', '% от плана'], ['числитель', 'Числитель'], ['знаменатель', 'Знаменатель']),
};

export const FORMS_TABLE: TableInfo = {
  name: 'формы',
  about: 'строка таблицы пар и групп по формам наставничества',
  required: true,
  columns: columns(['форма', 'Форма наставничества'], ['пар', 'Пар'], ['групп', 'Групп'], ['наставников', 'Наставников'], ['наставляемых', 'Наставляемых']),
};

export const EFFECTIVENESS_FIELDS: TemplateFields = {
  values: [
    ...REPORT_VALUE_FIELDS,
    { name: 'общие_сведения', about: 'формы наставничества, число пар и групп, обученные наставники', required: true },
    { name: 'примечания_к_показателям', about: 'источник и расчёт показателей, по номерам строк таблицы' },
    { name: 'итого_пар', about: 'всего пар' },
    { name: 'итого_групп', about: 'всего групп' },
    { name: 'итого_наставников', about: 'всего наставников' },
    { name: 'итого_наставляемых', about: 'всего наставляемых' },
    { name: 'выводы', about: 'сколько показателей вычислено и чего не хватает', required: true },
  ],
  flags: REPORT_FLAGS,
  tables: [INDICATORS_TABLE, FORMS_TABLE],
};

/** The default template; the curator may edit it in «Шаблоны». */
export function effectivenessTemplate(settings: Settings): DocumentSpec {
  return reportSpec(settings, 'Шаблон — Отчёт о реализации целевой модели наставничества (показатели эффективности)', [
    ...reportHead('ОТЧЁТ', ['о реализации целевой модели наставничества', 'в {{организация_кратко}} {{период}}']),
    section('1. Общие сведения'),
    body('{{общие_сведения}}'),
    section('2. Показатели эффективности (распоряжение Минпросвещения России от 25.12.2019 № Р-145)'),
    body(
      'Доли 1–4: числитель — по листу «Пары и группы» и базам участников, знаменатель — введён куратором на листе «Мониторинг» на отчётную дату. Доли 5–6: ответившие с оценкой удовлетворённости не ниже порога из числа ответивших. План — значения, установленные организацией на листе «Настройки»; «% от плана» — факт, делённый на план.',
    ),
    // Ten points, seven columns: «Знаменатель» fits whole on A4; the notes follow the table, numbered by row.
    { ...listTable(INDICATORS_TABLE, { widths: [22, 150, 46, 50, 52, 68, 78], align: ['CENTER', undefined, 'CENTER', 'CENTER', 'CENTER', 'CENTER', 'CENTER'] }), size: 10 },
    p('{{примечания_к_показателям}}', { size: 10, align: 'JUSTIFY', spaceBefore: 4 }),
    section('3. Наставнические пары и группы по формам наставничества'),
    listTable(FORMS_TABLE, {
      widths: [150, 55, 55, 100, 108],
      align: [undefined, 'CENTER', 'CENTER', 'CENTER', 'CENTER'],
      trailer: [['Итого', '{{итого_пар}}', '{{итого_групп}}', '{{итого_наставников}}', '{{итого_наставляемых}}']],
    }),
    section('4. Выводы'),
    body('{{выводы}}'),
    penLine(),
    penLine(),
    ...reportFoot(),
  ]);
}

/** A row of «Мониторинг» as it stands. */
export interface MonitoringLine {
  stage: string;
  indicator: string;
  value: string;
  comment: string;
}

export interface FormCount {
  form: string;
  pairs: number;
  groups: number;
  mentors: number;
  mentees: number;
}

export interface EffectivenessInput {
  settings: Settings;
  date: CalendarDate;
  monitoring: readonly MonitoringLine[];
  forms: readonly FormCount[];
  mentors: number;
  /** Mentors with «Школа наставников» = «обучен». */
  trained: number;
}

export interface EffectivenessRow {
  number: number;
  title: string;
  /** The organisation's plan from «Настройки» («70», «12,5»), or in words why there is none. */
  plan: string;
  /** Fact ÷ plan («124,3 %»), or «—» when either is missing (never a division by zero). */
  done: string;
  value: string;
  numerator: string;
  denominator: string;
  note: string;
}

export interface EffectivenessResult {
  data: TemplateData;
  rows: EffectivenessRow[];
  /** What the curator should enter on «Мониторинг» (the rows' names), empty when nothing is missing. */
  toEnter: string[];
  /** Denominators typed but not whole numbers above zero. */
  toFix: string[];
  /** Denominators typed after the last «Обновить мониторинг»: refresh, then generate again. */
  stale: string[];
  /** What «Настройки» lack for a document signed as is. */
  missing: string[];
  /** Plans typed in «Настройки» that are not a number from 0 to 100. */
  badPlans: string[];
  /** Indicators with a value. */
  computed: number;
}

const ORDER: readonly IndicatorCode[] = ['mentees10to18', 'mentors15to19', 'youngTeachers', 'partners', 'menteeSatisfaction', 'mentorSatisfaction'];

/** Where the organisation keeps each indicator's plan. */
export const PLAN_SETTINGS: Readonly<Record<IndicatorCode, SettingKey>> = {
  mentees10to18: 'planMentees10to18',
  mentors15to19: 'planMentors15to19',
  youngTeachers: 'planYoungTeachers',
  partners: 'planPartners',
  menteeSatisfaction: 'planMenteeSatisfaction',
  mentorSatisfaction: 'planMentorSatisfaction',
};

const NOT_SET = 'не установлено';

/** A plan as typed in «Настройки»: «70», «12,5», «70 %»; null when blank; 'bad' when not 0–100. */
export function readPlan(raw: unknown): number | null | 'bad' {
  const t = String(raw ?? '').trim();
  if (!t) return null;
  const m = /^(\d+(?:[.,]\d+)?)\s*%?$/.exec(t);
  if (!m) return 'bad';
  const n = Number(m[1].replace(',', '.'));
  return n <= 100 ? n : 'bad';
}

/** The fact as a percentage: from numerator and denominator when both are known, else from the value «8,7 %». */
function factPercent(row: { value: string; numerator: string; denominator: string }): number | null {
  if (/^\d+$/.test(row.numerator) && /^\d+$/.test(row.denominator) && Number(row.denominator) > 0) return (100 * Number(row.numerator)) / Number(row.denominator);
  const m = /^(\d+(?:,\d+)?)\s*%$/.exec(row.value.trim());
  return m ? Number(m[1].replace(',', '.')) : null;
}

const oneDecimal = (n: number) => String(Math.round(n * 10) / 10).replace('.', ',');
const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase().replace(/ё/g, 'е');
const MENTORS: NounForms = ['наставник', 'наставника', 'наставников'];
const INDICATORS: NounForms = ['показатель', 'показателя', 'показателей'];

/** «нет данных: знаменатель не введён — укажите …»: the fact stays, the advice goes to the summary. */
const factOnly = (value: string) => value.split(' — ')[0].trim();

/** The counts of a row's comment, as «Обновить мониторинг» writes them (RU.monitoring.counts / satisfactionCounts). */
function countsOf(comment: string): { numerator: string; denominator: string; rest: string[] } {
  const parts = comment
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  const joined = parts.join('; ');
  const plain = /Числитель: (\d+); знаменатель: (\d+|не введён)/.exec(joined);
  if (plain) {
    const rest = joined
      .replace(plain[0], '')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    return { numerator: plain[1], denominator: plain[2], rest };
  }
  const i = parts.findIndex((s) => /:\s*\d+ из \d+/.test(s));
  if (i >= 0) {
    const m = /^(.*):\s*(\d+) из (\d+)/.exec(parts[i])!;
    return { numerator: m[2], denominator: m[3] === '0' ? 'нет ответов' : m[3], rest: [m[1], ...parts.filter((_s, k) => k !== i)] };
  }
  return { numerator: '—', denominator: '—', rest: parts };
}

/** «Примечания: 2 — знаменатель не введён; 5 — доля ответивших на 8 и выше из 10 …»: each row's why and how. */
function notesText(rows: readonly EffectivenessRow[]): string {
  const notes = rows
    .map((r) => {
      const why = /^\d/.test(r.value) ? '' : r.value.replace(/^нет данных:?\s*/, '');
      const lower = (x: string) => `${x.charAt(0).toLowerCase()}${x.slice(1)}`;
      const text = [why, r.note].filter(Boolean).map(lower).join('; ');
      return text ? `${r.number} — ${text}` : '';
    })
    .filter(Boolean);
  return notes.length ? `Примечания к таблице: ${notes.join('; ')}.` : '';
}

/** The report's data from «Мониторинг» and the counts; null when «Мониторинг» has no indicators on that date. */
export function effectivenessData(input: EffectivenessInput, overrides?: Parameters<typeof reportValues>[3]): EffectivenessResult | null {
  const dateText = numericDate(input.date);
  const lines = new Map(input.monitoring.filter((l) => l.stage.trim() === '7.3').map((l) => [norm(l.indicator), l]));
  const found = ORDER.map((code, i) => lines.get(norm(RU.monitoring.indicatorRow(i + 1, INDICATOR_TITLES[code], dateText))));
  if (found.every((l) => !l)) return null;

  const rows: EffectivenessRow[] = ORDER.map((code, i) => {
    const line = found[i];
    const plan = readPlan(input.settings[PLAN_SETTINGS[code]]);
    const planText = typeof plan === 'number' ? oneDecimal(plan) : NOT_SET;
    const base = !line
      ? { value: 'нет данных: показатель не вычислен — обновите мониторинг', numerator: '—', denominator: '—', note: '' }
      : (() => {
          const counts = countsOf(line.comment);
          return { value: factOnly(line.value.trim() || 'нет данных'), numerator: counts.numerator, denominator: counts.denominator, note: counts.rest.join('; ') };
        })();
    const fact = /^\d/.test(base.value) ? factPercent(base) : null;
    const done = typeof plan === 'number' && plan > 0 && fact !== null ? `${oneDecimal((100 * fact) / plan)} %` : '—';
    return { number: i + 1, title: INDICATOR_TITLES[code], plan: planText, done, ...base };
  });
  const badPlans = ORDER.filter((code) => readPlan(input.settings[PLAN_SETTINGS[code]]) === 'bad').map(
    (code) => `«${SETTINGS.find((d) => d.key === PLAN_SETTINGS[code])!.label}»: «${String(input.settings[PLAN_SETTINGS[code]]).trim()}»`,
  );

  const toEnter: string[] = [];
  const toFix: string[] = [];
  const stale: string[] = [];
  DENOMINATORS.forEach((def, i) => {
    if (/^\d/.test(rows[i].value)) return;
    const label = RU.monitoring.denominatorRow(def.label, dateText);
    const cell = lines.get(norm(label))?.value ?? '';
    // Typed after the last «Обновить мониторинг»: the indicator row does not know it yet.
    if (!cell.trim()) toEnter.push(`«${label}»`);
    else if (readDenominator(cell).ok) stale.push(`«${label}»`);
    else toFix.push(`«${label}»`);
  });
  const computed = rows.filter((r) => /^\d/.test(r.value)).length;

  const settings = input.settings;
  const year = String(settings.academicYear ?? '').trim();
  const shared = reportValues(settings, `на ${dateText}`, year, overrides);
  const total = input.forms.reduce((s, f) => ({ pairs: s.pairs + f.pairs, groups: s.groups + f.groups, mentors: s.mentors + f.mentors, mentees: s.mentees + f.mentees }), {
    pairs: 0,
    groups: 0,
    mentors: 0,
    mentees: 0,
  });
  const used = input.forms.filter((f) => f.pairs + f.groups > 0).map((f) => `«${f.form}»`);
  const general = [
    used.length
      ? `${year ? `В ${year} учебном году` : 'В текущем учебном году'} в ${settings.orgShortName || 'организации'} реализуются формы наставничества: ${used.join(', ')}.`
      : 'Наставнических пар и групп, утверждённых приказом, нет.',
    used.length ? `На ${dateText} наставнических пар — ${total.pairs}, групп — ${total.groups}; в них наставников — ${total.mentors}, наставляемых — ${total.mentees}.` : '',
    input.mentors ? `Обучены в «Школе наставников»: ${plural(input.trained, MENTORS)} из ${input.mentors} в базе наставников.` : 'Наставников в базе нет.',
    'Значения показателей — по листу «Мониторинг» рабочей книги программы на отчётную дату; у каждой доли указаны числитель и знаменатель.',
  ]
    .filter(Boolean)
    .join(' ');
  const conclusions = [
    `На ${dateText} вычислено ${computed} из ${plural(rows.length, INDICATORS)} эффективности.`,
    toEnter.length ? `Не хватает данных для ${toEnter.length === 1 ? 'одного показателя' : `${toEnter.length} показателей`}: на листе «Мониторинг» не введены знаменатели ${toEnter.join(', ')}.` : '',
    toFix.length ? `Знаменатели ${toFix.join(', ')} не являются целым числом больше нуля.` : '',
    rows.slice(4).some((r) => !/^\d/.test(r.value)) ? 'Уровень удовлетворённости не вычислен: нет ответов участников на ежемесячную обратную связь до отчётной даты.' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const t = (s: string) => typeset(s, { orgShortName: String(settings.orgShortName ?? '').trim() });
  const values: Record<string, string> = {
    ...shared.values,
    общие_сведения: t(general),
    итого_пар: String(total.pairs),
    итого_групп: String(total.groups),
    итого_наставников: String(total.mentors),
    итого_наставляемых: String(total.mentees),
    выводы: t(conclusions),
    примечания_к_показателям: t(notesText(rows)),
  };
  return {
    data: {
      values,
      flags: shared.flags,
      tables: {
        // A fact that is missing reads «нет данных» in its narrow column; why goes to the notes.
        показатели: rows.map((r) => ({
          '№': String(r.number),
          показатель: t(r.title),
          план: r.plan,
          значение: /^\d/.test(r.value) ? r.value.replace(/\s*%$/, '') : 'нет данных',
          выполнение: r.done,
          числитель: r.numerator,
          знаменатель: r.denominator,
        })),
        формы: input.forms.map((f) => ({ форма: f.form, пар: String(f.pairs), групп: String(f.groups), наставников: String(f.mentors), наставляемых: String(f.mentees) })),
      },
    },
    rows,
    toEnter,
    toFix,
    stale,
    missing: shared.missing,
    badPlans,
    computed,
  };
}

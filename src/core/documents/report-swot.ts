/**
 * The SWOT analysis of the programme (roadmap 7.1, documents.md §7): one 2×2 grid per form of
 * mentoring used — «Сильные стороны | Слабые стороны» over «Возможности | Угрозы» — filled from the
 * SWOT questionnaire's answers on «Опросы»: open answers as anonymous lines, «да / нет» items as the
 * share of «да» with n, ratings as a mean with n. The answers carry no names and none is added.
 * The grids are rows of one table (one insert, however many forms), the curator's notes are lines
 * she writes on in the Doc.
 */
import { Settings } from '../settings';
import { DocumentSpec, body, p } from './model';
import { REPORT_FLAGS, REPORT_VALUE_FIELDS, penLine, reportFoot, reportHead, reportSpec, reportValues, section } from './report-common';
import { TableInfo, TemplateData, TemplateFields, columns } from './template/data';
import { SWOT_QUADRANTS, SWOT_QUESTIONNAIRE, type SwotQuadrant } from '../monitoring/items';
import { readRating } from '../monitoring/figures';
import type { CellValue } from '../monitoring/types';
import { NBSP, NounForms, decimal, plural, typeset } from '../language';

export const SWOT_TABLE: TableInfo = {
  name: 'swot',
  about: 'строка таблицы SWOT-анализа (по три строки на форму наставничества)',
  required: true,
  columns: columns(['позитивные', 'Позитивные факторы'], ['негативные', 'Негативные факторы']),
};

export const SWOT_FIELDS: TemplateFields = {
  values: [...REPORT_VALUE_FIELDS, { name: 'вывод', about: 'заключение: по каким формам есть ответы, по каким нет', required: true }],
  flags: REPORT_FLAGS,
  tables: [SWOT_TABLE],
};

export function swotTemplate(settings: Settings): DocumentSpec {
  return reportSpec(settings, 'Шаблон — SWOT-анализ программы наставничества', [
    ...reportHead('SWOT-АНАЛИЗ', ['программы наставничества', '{{организация_кратко}} {{период}}']),
    body(
      'Анализ проведён по каждой форме наставничества по ответам на SWOT-анкету (методические рекомендации МР-42/02): внутренние факторы — сильные и слабые стороны, внешние — возможности и угрозы. Развёрнутые ответы приведены без имён, доли и средние баллы — с числом ответов (n).',
    ),
    section('1. SWOT-анализ по формам наставничества'),
    { kind: 'table', header: ['Позитивные факторы', 'Негативные факторы'], rows: [['{{swot.позитивные}}', '{{swot.негативные}}']], widths: [234, 234] },
    section('2. Заключение'),
    body('{{вывод}}'),
    section('3. Примечания куратора'),
    p('(заполняет куратор в этом документе)', { align: 'LEFT', size: 10 }),
    penLine(),
    penLine(),
    penLine(),
    ...reportFoot(),
  ]);
}

/** One answered item of the SWOT questionnaire, a row of «Опросы» (no person in it). */
export interface SwotAnswer {
  /** Who filled the questionnaire and when: the answers of one filled questionnaire share it. */
  respondent: string;
  form: string;
  item: string;
  value: CellValue;
  comment: string;
}

export interface SwotInput {
  settings: Settings;
  /** «за 2026/2027 учебный год». */
  period: string;
  academicYear: string;
  /** Forms of mentoring used in the period (of the pairs), in the order to print. */
  forms: readonly string[];
  answers: readonly SwotAnswer[];
}

/** «по 1 анкете», «по 3 анкетам»: filled questionnaires, not the answers to their questions. */
const QUESTIONNAIRES: NounForms = ['анкете', 'анкетам', 'анкетам'];
const FORMS: NounForms = ['форме', 'формам', 'формам'];
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s*[-–—]\s*/g, ' – ')
    .replace(/\s+/g, ' ')
    .trim();
const ITEMS = new Map(SWOT_QUESTIONNAIRE.items.map((i) => [i.code, i]));

function yes(value: CellValue): boolean | null {
  const v = norm(String(value ?? ''));
  if (v === 'да') return true;
  if (v === 'нет') return false;
  return null;
}

/** The lines of one quadrant of one form: measured items first (in the questionnaire's order), then open answers. */
function quadrantLines(answers: readonly SwotAnswer[], quadrant: SwotQuadrant): string[] {
  const lines: string[] = [];
  const own = answers.filter((a) => ITEMS.get(a.item)?.quadrant === quadrant);
  for (const item of SWOT_QUESTIONNAIRE.items.filter((i) => i.quadrant === quadrant)) {
    const of = own.filter((a) => a.item === item.code);
    if (item.kind === 'yesno') {
      const read = of.map((a) => yes(a.value)).filter((v): v is boolean => v !== null);
      if (read.length) lines.push(`${item.label}: «да» — ${decimal((100 * read.filter(Boolean).length) / read.length, 0)}${NBSP}% (n${NBSP}=${NBSP}${read.length})`);
    } else if (item.kind === 'scale') {
      const read = of.map((a) => readRating(a.value)).flatMap((r) => (r.ok === true ? [r.value] : []));
      if (read.length) lines.push(`${item.label}: в среднем ${decimal(read.reduce((s, v) => s + v, 0) / read.length, 1)} из${NBSP}10 (n${NBSP}=${NBSP}${read.length})`);
    } else {
      for (const a of of) {
        const t = (a.comment || String(a.value ?? '')).replace(/\s+/g, ' ').trim();
        if (t) lines.push(`• ${t}`);
      }
    }
  }
  return lines;
}

const cellOf = (title: string, lines: string[]) => [title, ...(lines.length ? lines : ['ответов нет'])].join('\n');

export interface SwotResult {
  data: TemplateData;
  /** Forms used with no SWOT answer, for the curator's summary. */
  unanswered: string[];
  missing: string[];
}

export function swotData(input: SwotInput, overrides?: Parameters<typeof reportValues>[3]): SwotResult {
  const shared = reportValues(input.settings, input.period, input.academicYear, overrides);
  const byForm = new Map<string, SwotAnswer[]>();
  for (const a of input.answers) {
    if (!ITEMS.has(a.item)) continue;
    const key = norm(a.form);
    byForm.set(key, [...(byForm.get(key) ?? []), a]);
  }
  // Forms used, then forms answered about that had no pair this year (the team may still have assessed them).
  const forms = [...input.forms];
  for (const a of input.answers) if (a.form.trim() && ITEMS.has(a.item) && !forms.some((f) => norm(f) === norm(a.form))) forms.push(a.form.trim());
  const rows: Array<Record<string, string>> = [];
  const unanswered: string[] = [];
  const [s, w, o, t] = SWOT_QUADRANTS;
  for (const form of forms) {
    const answers = byForm.get(norm(form)) ?? [];
    if (!answers.length) {
      unanswered.push(form);
      rows.push({ позитивные: `Форма «${form}»`, негативные: 'SWOT-анкета по этой форме не заполнена: данных для анализа нет' });
      continue;
    }
    const filled = new Set(answers.map((a) => a.respondent)).size;
    rows.push({ позитивные: `Форма «${form}»`, негативные: `по ${plural(filled, QUESTIONNAIRES)}` });
    rows.push({ позитивные: cellOf(s.title, quadrantLines(answers, s.code)), негативные: cellOf(w.title, quadrantLines(answers, w.code)) });
    rows.push({ позитивные: cellOf(o.title, quadrantLines(answers, o.code)), негативные: cellOf(t.title, quadrantLines(answers, t.code)) });
  }
  const answered = forms.length - unanswered.length;
  const conclusion = [
    forms.length
      ? `SWOT-анализ ${input.period} проведён по ${plural(answered, FORMS)} наставничества из ${forms.length}.`
      : `В ${input.academicYear} учебном году нет ни наставнических пар, ни ответов на SWOT-анкету: анализировать нечего.`,
    unanswered.length
      ? `По ${unanswered.length === 1 ? 'форме' : 'формам'} ${unanswered.map((f) => `«${f}»`).join(', ')} SWOT-анкета не заполнена — анализ по ${unanswered.length === 1 ? 'ней' : 'ним'} не проведён.`
      : '',
    answered ? 'Сильные стороны и возможности следует закрепить в программе на следующий год, слабые стороны и угрозы — учесть в плане мероприятий.' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const ty = (x: string) => typeset(x, { orgShortName: String(input.settings.orgShortName ?? '').trim() });
  return {
    data: { values: { ...shared.values, вывод: ty(conclusion) }, flags: shared.flags, tables: { swot: rows } },
    unanswered,
    missing: shared.missing,
  };
}

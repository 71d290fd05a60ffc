/**
 * The satisfaction and impact report for an academic year (roadmap 7.2, documents.md §10): 10a
 * satisfaction by item and role (monthly feedback and the May survey), 10b entry vs exit per item
 * and form, 10c the «да / нет» items of the exit diagnostics and the May survey, 10d by form, and a
 * few open answers of the May survey without names.
 *
 * Every mean, share and Δ comes from the computations «Мониторинг» uses (feedbackStats,
 * diagnosticsStats), so the report equals the workbook. Figures are text with a decimal comma and
 * non-breaking spaces; a figure that cannot be computed is said in words.
 */
import { Settings } from '../settings';
import { DocumentSpec, body } from './model';
import { listTable } from './order-requisites';
import { REPORT_FLAGS, REPORT_VALUE_FIELDS, penLine, reportFoot, reportHead, reportSpec, reportValues, section } from './report-common';
import { TableInfo, TemplateData, TemplateFields, columns } from './template/data';
import { FEEDBACK_ITEMS, MAY_SURVEY, MONITORING_ITEMS, type MonitoringItem } from '../monitoring/items';
import { groupByTheme } from '../monitoring/themes';
import { ALL_ITEMS, ALL_KEY, FORM_UNKNOWN, type GroupStats, diagnosticsStats, feedbackStats, readRole } from '../monitoring/stats';
import { ROLES, type CellValue, type DiagnosticRow, type FeedbackRow, type Figure, type Role } from '../monitoring/types';
import { NBSP, NounForms, decimal, plural, typeset } from '../language';
import { signed } from '../../shared/numbers';

export const ITEMS_TABLE: TableInfo = {
  name: 'оценки',
  about: 'строка таблицы удовлетворённости по вопросам (10а)',
  required: true,
  // A row per question and role: seven columns of «Наставляемые: …» headers break words on an A4 page.
  columns: columns(['вопрос', 'Вопрос'], ['роль', 'Кто отвечал'], ['балл', 'Средний балл'], ['доля', 'Доля ответов не ниже порога'], ['n', 'n']),
};

/** A question's figures for both roles, as two rows of the table (the question named once). */
function byRole(r: Record<string, string>): Array<Record<string, string>> {
  return [
    { вопрос: r.вопрос, роль: 'наставляемые', балл: r.наставляемые_балл, доля: r.наставляемые_доля, n: r.наставляемые_n },
    { вопрос: '', роль: 'наставники', балл: r.наставники_балл, доля: r.наставники_доля, n: r.наставники_n },
  ];
}

export const DELTA_TABLE: TableInfo = {
  name: 'динамика',
  about: 'строка таблицы входной и итоговой диагностики (10б)',
  required: true,
  columns: columns(['показатель', 'Показатель'], ['форма', 'Форма'], ['входная', 'Входная (ср.)'], ['итоговая', 'Итоговая (ср.)'], ['изменение', 'Δ'], ['n', 'n']),
};

export const YESNO_TABLE: TableInfo = {
  name: 'да_нет',
  about: 'строка таблицы вопросов «да / нет» (10в)',
  required: true,
  columns: columns(['вопрос', 'Вопрос'], ['роль', 'Кто отвечал'], ['да', 'Да, %'], ['нет', 'Нет, %'], ['n', 'n']),
};

export const BY_FORM_TABLE: TableInfo = {
  name: 'по_формам',
  about: 'строка таблицы удовлетворённости по формам наставничества (10г)',
  required: true,
  columns: columns(
    ['форма', 'Форма наставничества'],
    ['пар', 'Пар и групп'],
    ['ответили', 'Ответили'],
    ['наставляемые', 'Удовлетворённость наставляемых, %'],
    ['наставники', 'Удовлетворённость наставников, %'],
  ),
};

export const OPEN_TABLE: TableInfo = {
  name: 'ответы',
  about: 'тема открытых ответов майского опроса: число ответов и примеры без имён',
  required: true,
  columns: columns(['тема', 'Тема ответов'], ['ответов', 'Ответов'], ['примеры', 'Примеры ответов (без имён)']),
};

export const SATISFACTION_FIELDS: TemplateFields = {
  values: [
    ...REPORT_VALUE_FIELDS,
    { name: 'общие_сведения', about: 'источники данных, порог удовлетворённости, число ответивших', required: true },
    { name: 'уровень', about: 'уровень удовлетворённости наставляемых и наставников (показатели 5 и 6)', required: true },
    { name: 'открытые_ответы', about: 'сколько открытых ответов и какие не приведены', required: true },
    { name: 'выводы', about: 'что показали данные и чего не хватает', required: true },
  ],
  flags: REPORT_FLAGS,
  tables: [ITEMS_TABLE, DELTA_TABLE, YESNO_TABLE, BY_FORM_TABLE, OPEN_TABLE],
};

/** The default template; the curator may edit it in «Шаблоны». */
export function satisfactionTemplate(settings: Settings): DocumentSpec {
  const center = 'CENTER' as const;
  return reportSpec(settings, 'Шаблон — Отчёт об удовлетворённости участников и влиянии программы', [
    ...reportHead('ОТЧЁТ', ['об удовлетворённости участников и влиянии программы наставничества', '{{организация_кратко}} {{период}}']),
    section('1. Общие сведения'),
    body('{{общие_сведения}}'),
    section('2. Удовлетворённость участников по вопросам'),
    body('{{уровень}}'),
    { ...listTable(ITEMS_TABLE, { widths: [180, 90, 60, 80, 50], align: [undefined, undefined, center, center, center] }), size: 10 },
    section('3. Входная и итоговая диагностика'),
    body('Сравниваются только участники, прошедшие и входную, и итоговую анкету (n); Δ — среднее изменение (итоговая − входная) по шкале 1–10.'),
    { ...listTable(DELTA_TABLE, { widths: [150, 96, 62, 62, 50, 34], align: [undefined, undefined, center, center, center, center] }), size: 10 },
    section('4. Вопросы «да / нет» итоговой диагностики и майского опроса'),
    { ...listTable(YESNO_TABLE, { widths: [200, 100, 56, 56, 48], align: [undefined, undefined, center, center, center] }), size: 10 },
    section('5. Удовлетворённость по формам наставничества'),
    { ...listTable(BY_FORM_TABLE, { widths: [140, 60, 68, 100, 100], align: [undefined, center, center, center, center] }), size: 10 },
    section('6. Открытые ответы майского опроса (без имён)'),
    body('{{открытые_ответы}}'),
    { ...listTable(OPEN_TABLE, { widths: [140, 58, 270], align: [undefined, center] }), size: 10 },
    section('7. Выводы'),
    body('{{выводы}}'),
    penLine(),
    penLine(),
    ...reportFoot(),
  ]);
}

/** One answer of the May survey, a row of «Опросы» (a code of the person, never a name). */
export interface SurveyAnswer {
  personId: string;
  pairId: string;
  role: string;
  form: string;
  item: string;
  value: CellValue;
  comment: string;
}

/** A rated item of the diagnostics with its yes/no answers too: the row as «Диагностика» holds it. */
export type DiagnosticAnswer = DiagnosticRow;

export interface SatisfactionInput {
  settings: Settings;
  /** «за 2026/2027 учебный год». */
  period: string;
  academicYear: string;
  /** Forms of mentoring in the programme's order. */
  forms: readonly string[];
  /** Pairs and groups that worked in the year, by form. */
  units: ReadonlyArray<{ form: string }>;
  /** The year's monthly feedback, pairs known (as «Мониторинг» reads it). */
  feedback: readonly FeedbackRow[];
  /** The year's diagnostics, every item kind. */
  diagnostics: readonly DiagnosticAnswer[];
  /** The year's May survey answers. */
  survey: readonly SurveyAnswer[];
  /** «Порог удовлетворённости» as «Настройки» holds it. */
  threshold: CellValue;
  /** Names of the people in the bases: an open answer mentioning one is left out. */
  names?: readonly string[];
}

export interface SatisfactionResult {
  data: TemplateData;
  /** The satisfaction shares of the monthly feedback per role, as «Мониторинг» 6.2 has them. */
  level: Record<Role, Figure>;
  /** Nothing at all to report on in the year. */
  empty: boolean;
  /** Open answers left out because they mention someone by name. */
  named: number;
  missing: string[];
}

const MAX_THEMES = 5;
const ROLE_PLURAL: Record<Role, string> = { наставляемый: 'наставляемые', наставник: 'наставники' };
const PEOPLE: NounForms = ['участник', 'участника', 'участников'];
const ANSWERS: NounForms = ['ответ', 'ответа', 'ответов'];
const MENTEES_GEN: NounForms = ['наставляемого', 'наставляемых', 'наставляемых'];
const MENTORS_GEN: NounForms = ['наставника', 'наставников', 'наставников'];

const pct = (f: Figure, digits = 1) => (f.ok ? `${decimal(f.value * 100, digits)}${NBSP}%` : 'нет данных');
const num = (f: Figure | undefined) => (f && f.ok ? decimal(f.value, 1) : 'нет данных');
const count = (n: number) => (n ? String(n) : '0');
const norm = (s: string) => s.trim().toLowerCase().replace(/ё/g, 'е');

/** The May survey's items as an item bank the diagnostics computation reads (phase «итоговая»). */
function surveyBank(satisfactionOf: string): Record<Role, MonitoringItem[]> {
  const bank = (role: Role) =>
    MAY_SURVEY.items
      .filter((i) => !i.roles || i.roles.includes(role))
      .map((i): MonitoringItem => ({ code: i.code, kind: i.kind, label: i.label, exit: i.text, required: i.required, ...(i.code === satisfactionOf ? { satisfaction: true } : {}) }));
  return { наставляемый: bank('наставляемый'), наставник: bank('наставник') };
}

interface ItemFigure {
  mean: Figure | undefined;
  share: Figure;
  n: number;
}

/** Per role: the mean with n from the group's item, the share at or above the threshold from the same per-person means. */
function itemFigures(groupOf: (role: Role) => GroupStats | undefined, code: string): Record<Role, ItemFigure> {
  const out = {} as Record<Role, ItemFigure>;
  for (const role of ROLES) {
    const g = groupOf(role);
    const item = g?.items.find((i) => i.code === code);
    out[role] = { mean: item?.mean, share: g?.satisfaction.share ?? { ok: false, reason: 'нет данных' }, n: item?.n ?? 0 };
  }
  return out;
}

function itemRow(label: string, f: Record<Role, ItemFigure>): Record<string, string> {
  return {
    вопрос: label,
    наставляемые_балл: num(f['наставляемый'].mean),
    наставляемые_доля: pct(f['наставляемый'].share),
    наставляемые_n: count(f['наставляемый'].n),
    наставники_балл: num(f['наставник'].mean),
    наставники_доля: pct(f['наставник'].share),
    наставники_n: count(f['наставник'].n),
  };
}

/**
 * 10a. The share «at or above the threshold» of an item is the satisfaction level of that item: the
 * same computation runs with the item in the satisfaction column (feedback) or marked as the
 * satisfaction item (survey), so each share counts respondents exactly as «Мониторинг» does.
 */
function satisfactionRows(input: SatisfactionInput): { rows: Array<Record<string, string>>; level: Record<Role, Figure>; respondents: Record<Role, number>; threshold: number; note?: string } {
  const rows: Array<Record<string, string>> = [];
  const base = feedbackStats(input.feedback, { threshold: input.threshold });
  const all = (groups: readonly GroupStats[]) => (role: Role) => groups.find((g) => g.scope === 'all' && g.role === role && (g.phase === undefined || g.phase === 'итоговая'));
  for (const item of FEEDBACK_ITEMS.filter((i) => i.kind === 'scale')) {
    const code = item.code as 'satisfaction' | 'quality' | 'impact';
    const stats =
      code === 'satisfaction'
        ? base
        : feedbackStats(
            input.feedback.map((r) => ({ ...r, satisfaction: r[code] })),
            { threshold: input.threshold },
          );
    const shares = itemFigures(all(stats.groups), 'satisfaction');
    const means = itemFigures(all(base.groups), code);
    rows.push(
      itemRow(`Ежемесячная обратная связь: ${item.label.toLowerCase()}`, {
        наставляемый: { ...means['наставляемый'], share: shares['наставляемый'].share },
        наставник: { ...means['наставник'], share: shares['наставник'].share },
      }),
    );
  }
  const surveyRows: DiagnosticRow[] = input.survey.map((a) => ({ personId: a.personId, pairId: a.pairId, role: a.role, form: a.form, phase: 'итоговая', itemCode: a.item, value: a.value }));
  for (const item of MAY_SURVEY.items.filter((i) => i.kind === 'scale')) {
    const stats = diagnosticsStats(surveyRows, { threshold: input.threshold, bank: surveyBank(item.code) });
    rows.push(itemRow(`Майский опрос: ${item.label.toLowerCase()}`, itemFigures(all(stats.groups), item.code)));
  }
  const level = {} as Record<Role, Figure>;
  const respondents = {} as Record<Role, number>;
  for (const role of ROLES) {
    const g = all(base.groups)(role);
    level[role] = g?.satisfaction.share ?? { ok: false, reason: 'нет данных' };
    respondents[role] = g?.satisfaction.respondents ?? 0;
  }
  rows.push({
    вопрос: 'Уровень удовлетворённости, % (ежемесячная обратная связь)',
    наставляемые_балл: '',
    наставляемые_доля: pct(level['наставляемый']),
    наставляемые_n: count(respondents['наставляемый']),
    наставники_балл: '',
    наставники_доля: pct(level['наставник']),
    наставники_n: count(respondents['наставник']),
  });
  return { rows, level, respondents, threshold: base.threshold.value, ...(base.threshold.note ? { note: base.threshold.note } : {}) };
}

/** 10b. Entry vs exit per role and item, for all forms and for each form. */
function deltaRows(input: SatisfactionInput): { rows: Array<Record<string, string>>; both: Record<Role, number> } {
  const stats = diagnosticsStats(input.diagnostics, { threshold: input.threshold });
  const known = input.forms;
  const formKeys = [...new Set(stats.deltas.filter((d) => d.scope === 'form').map((d) => d.key))].sort((a, b) => rank(known, a) - rank(known, b) || (a < b ? -1 : 1));
  const rows: Array<Record<string, string>> = [];
  const both = { наставляемый: 0, наставник: 0 } as Record<Role, number>;
  for (const role of ROLES) {
    for (const [scope, key, name] of [['all', ALL_KEY, 'все формы'] as const, ...formKeys.map((k) => ['form', k, k] as const)]) {
      const own = stats.deltas.filter((d) => d.scope === scope && d.key === key && d.role === role);
      for (const d of own) {
        if (scope === 'all' && d.code === ALL_ITEMS) both[role] = d.n;
        rows.push({
          показатель: `${ROLE_PLURAL[role]}: ${d.code === ALL_ITEMS ? 'все вопросы шкалы 1–10' : d.label.toLowerCase()}`,
          форма: name === FORM_UNKNOWN ? 'форма не указана' : name,
          входная: d.n ? num(d.entry) : 'нет данных',
          итоговая: d.n ? num(d.exit) : 'нет данных',
          изменение: d.delta.ok ? signed(d.delta.value, 1) : deltaReason(d.delta.reason),
          n: count(d.n),
        });
      }
    }
  }
  return { rows, both };
}

function deltaReason(reason: string): string {
  if (/итоговой диагностики ещё не было/.test(reason)) return 'нет итоговой анкеты';
  if (/входной диагностики не было/.test(reason)) return 'нет входной анкеты';
  return 'нет прошедших обе анкеты';
}

const rank = (known: readonly string[], form: string) => {
  const i = known.findIndex((k) => norm(k) === norm(form));
  return i < 0 ? known.length : i;
};

function yesOrNo(value: CellValue): boolean | null {
  const v = norm(String(value ?? ''));
  return v === 'да' ? true : v === 'нет' ? false : null;
}

/** «да» and «нет» of one item: each person once, their last answer. */
function yesNoRow(label: string, role: Role, answers: ReadonlyArray<{ who: string; value: CellValue }>): Record<string, string> {
  const last = new Map<string, boolean>();
  for (const a of answers) {
    const v = yesOrNo(a.value);
    if (v !== null) last.set(a.who, v);
  }
  const n = last.size;
  const yes = [...last.values()].filter(Boolean).length;
  const share = (k: number) => (n ? `${decimal((100 * k) / n, 1)}${NBSP}%` : 'нет ответов');
  return { вопрос: label, роль: ROLE_PLURAL[role], да: share(yes), нет: share(n - yes), n: count(n) };
}

/** 10c. The yes/no items asked at exit, then those of the May survey. */
function yesNoRows(input: SatisfactionInput): Array<Record<string, string>> {
  const rows: Array<Record<string, string>> = [];
  const who = (personId: string, pairId: string, role: string) => personId.trim() || `${pairId.trim()}|${role}`;
  for (const role of ROLES) {
    for (const item of MONITORING_ITEMS[role].filter((i) => i.kind === 'yesno' && i.exit)) {
      const answers = input.diagnostics
        .filter((d) => readRole(d.role) === role && norm(d.phase) === 'итоговая' && d.itemCode.trim() === item.code)
        .map((d) => ({ who: who(d.personId, d.pairId, role), value: d.value }));
      if (answers.length || item.required) rows.push(yesNoRow(`Итоговая диагностика: ${item.label.toLowerCase()}`, role, answers));
    }
  }
  for (const role of ROLES) {
    for (const item of MAY_SURVEY.items.filter((i) => i.kind === 'yesno' && (!i.roles || i.roles.includes(role)))) {
      const answers = input.survey.filter((a) => readRole(a.role) === role && a.item.trim() === item.code).map((a) => ({ who: who(a.personId, a.pairId, role), value: a.value }));
      rows.push(yesNoRow(`Майский опрос: ${item.label.toLowerCase()}`, role, answers));
    }
  }
  return rows;
}

/** 10d. Per form: pairs and groups of the year, people who answered the feedback, the satisfaction shares. */
function formRows(input: SatisfactionInput): Array<Record<string, string>> {
  const stats = feedbackStats(input.feedback, { threshold: input.threshold });
  const forms = [...input.forms];
  for (const u of input.units) if (u.form && !forms.some((f) => norm(f) === norm(u.form))) forms.push(u.form);
  for (const g of stats.groups) if (g.scope === 'form' && !forms.some((f) => norm(f) === norm(g.key))) forms.push(g.key);
  return forms
    .map((form) => {
      const group = (role: Role) => stats.groups.find((g) => g.scope === 'form' && norm(g.key) === norm(form) && g.role === role);
      const units = input.units.filter((u) => norm(u.form) === norm(form)).length;
      const answered = ROLES.reduce((s, r) => s + (group(r)?.respondents ?? 0), 0);
      const share = (role: Role) => {
        const g = group(role);
        return g && g.satisfaction.respondents ? `${pct(g.satisfaction.share)} (n${NBSP}=${NBSP}${g.satisfaction.respondents})` : 'нет ответов';
      };
      return {
        units,
        answered,
        row: { форма: form === FORM_UNKNOWN ? 'форма не указана' : form, пар: count(units), ответили: count(answered), наставляемые: share('наставляемый'), наставники: share('наставник') },
      };
    })
    .filter((f) => f.units || f.answered)
    .map((f) => f.row);
}

/** Name words (surnames, first names) to look for in open answers: whole words, any ending. */
function nameStems(names: readonly string[]): RegExp | null {
  const stems = new Set<string>();
  for (const name of names)
    for (const word of name.split(/[\s.]+/))
      if (word.length >= 4)
        stems.add(
          norm(word)
            .slice(0, Math.max(4, word.length - 2))
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        );
  return stems.size ? new RegExp(`(^|[^а-яa-z])(${[...stems].join('|')})[а-яa-z]*`, 'i') : null;
}

/**
 * The open answers of the May survey grouped into themes with counts and a few examples each
 * (documents.md §10); an answer naming someone counts in its theme but is never quoted.
 */
function openAnswers(input: SatisfactionInput): { text: string; rows: Array<Record<string, string>>; named: number } {
  const open = new Set(MAY_SURVEY.items.filter((i) => i.kind === 'open').map((i) => i.code));
  const names = nameStems(input.names ?? []);
  const answers: string[] = [];
  const namedTexts = new Set<string>();
  for (const a of input.survey) {
    if (!open.has(a.item.trim())) continue;
    const t = (a.comment || String(a.value ?? '')).replace(/\s+/g, ' ').trim();
    if (!t) continue;
    answers.push(t);
    if (names && names.test(norm(t))) namedTexts.add(norm(t));
  }
  const named = answers.filter((t) => namedTexts.has(norm(t))).length;
  const themes = groupByTheme(answers, { max: MAX_THEMES, quotable: (t) => !namedTexts.has(norm(t)) });
  const one = (n: number) => n % 10 === 1 && n % 100 !== 11;
  const text = [
    answers.length
      ? `На вопрос «Что стоит изменить в программе в следующем году?» ${one(answers.length) ? 'дан' : 'даны'} ${plural(answers.length, ANSWERS)}. Они сгруппированы по темам (ответ может относиться к нескольким темам), примеры приведены без имён; все ответы — на листе «Опросы».`
      : 'Открытых ответов в майском опросе нет.',
    named
      ? `${one(named) ? 'Ответ' : 'Ответы'}, где упомянуты люди по имени (${plural(named, ANSWERS)}), ${one(named) ? 'учтён' : 'учтены'} в темах, но не ${one(named) ? 'приводится' : 'приводятся'}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const rows = themes.map((th) => ({
    тема: `${th.theme.charAt(0).toUpperCase()}${th.theme.slice(1)}`,
    ответов: String(th.count),
    примеры: th.examples.length ? th.examples.map((e) => `«${e}»`).join('; ') : '—',
  }));
  return { text, rows: rows.length ? rows : [{ тема: '—', ответов: '0', примеры: '—' }], named };
}

export function satisfactionData(input: SatisfactionInput, overrides?: Parameters<typeof reportValues>[3]): SatisfactionResult {
  const shared = reportValues(input.settings, input.period, input.academicYear, overrides);
  const sat = satisfactionRows(input);
  const delta = deltaRows(input);
  const yesNo = yesNoRows(input);
  const byForm = formRows(input);
  const open = openAnswers(input);
  const t = (s: string) => typeset(s, { orgShortName: String(input.settings.orgShortName ?? '').trim() });

  const feedbackPeople = ROLES.reduce((s, r) => s + sat.respondents[r], 0);
  const surveyPeople = new Set(input.survey.map((a) => a.personId.trim() || `${a.pairId}|${a.role}`)).size;
  const diagnosticsPeople = new Set(input.diagnostics.map((d) => d.personId.trim() || `${d.pairId}|${d.role}`)).size;
  const empty = !input.feedback.length && !input.survey.length && !input.diagnostics.length;
  const threshold = decimal(sat.threshold);

  const general = empty
    ? `В ${input.academicYear} учебном году ни ежемесячной обратной связи, ни диагностики, ни майского опроса нет: данных для отчёта нет. Таблицы ниже оставлены пустыми по строкам.`
    : [
        `Отчёт составлен ${input.period} по листам «Обратная связь» (ежемесячная обратная связь), «Диагностика» (входная и итоговая анкеты) и «Опросы» (майский опрос удовлетворённости) рабочей книги программы; фамилии участников в отчёт не включаются.`,
        `Пар и групп, работавших в году: ${input.units.length}.`,
        `Ежемесячную обратную связь дали ${plural(feedbackPeople, PEOPLE)}, диагностику прошли ${plural(diagnosticsPeople, PEOPLE)}, в майском опросе ${surveyPeople ? `ответили ${plural(surveyPeople, PEOPLE)}` : 'ответов нет'}.`,
        `Удовлетворёнными считаются ответившие на ${threshold} и выше из${NBSP}10 (порог из листа «Настройки»); средний балл и доля считаются по участникам: ответы одного человека за год сначала усредняются.`,
        sat.note ? `${sat.note}.` : '',
      ]
        .filter(Boolean)
        .join(' ');

  const levelText = (role: Role) => {
    const f = sat.level[role];
    return f.ok ? `${ROLE_PLURAL[role]} — ${pct(f)} (n${NBSP}=${NBSP}${sat.respondents[role]})` : `${ROLE_PLURAL[role]} — нет данных: никто не ответил на вопрос об удовлетворённости`;
  };
  const level = `Уровень удовлетворённости участием в программе по ежемесячной обратной связи (доля ответивших на ${threshold} и выше из${NBSP}10): ${levelText('наставляемый')}; ${levelText('наставник')}.`;

  const conclusions = empty
    ? 'Проведите ежемесячную обратную связь, итоговую диагностику и майский опрос, затем сформируйте отчёт снова.'
    : [
        ROLES.every((r) => sat.level[r].ok) ? `Уровень удовлетворённости наставляемых — ${pct(sat.level['наставляемый'])}, наставников — ${pct(sat.level['наставник'])}.` : '',
        ...ROLES.map((r) => (sat.level[r].ok ? '' : `Удовлетворённость: ${ROLE_PLURAL[r]} не ответили ни разу — уровень не вычислен.`)),
        ...ROLES.map((r) =>
          delta.both[r]
            ? `Изменение за год (итоговая − входная анкета) оценено для ${plural(delta.both[r], r === 'наставник' ? MENTORS_GEN : MENTEES_GEN)}.`
            : `Влияние программы на ${r === 'наставник' ? 'наставников' : 'наставляемых'} не оценено: нет участников, прошедших и входную, и итоговую анкету.`,
        ),
        surveyPeople ? '' : 'Майский опрос не проведён или его ответы не импортированы.',
      ]
        .filter(Boolean)
        .join(' ');

  return {
    data: {
      values: { ...shared.values, общие_сведения: t(general), уровень: t(level), открытые_ответы: t(open.text), выводы: t(conclusions) },
      flags: shared.flags,
      tables: {
        оценки: sat.rows.flatMap(byRole),
        динамика: delta.rows.length ? delta.rows : [{ показатель: 'Диагностика в этом году не проводилась: данных нет', форма: '', входная: '', итоговая: '', изменение: '', n: '0' }],
        да_нет: yesNo,
        ответы: open.rows,
        по_формам: byForm.length ? byForm : [{ форма: 'Пар и групп и ответов обратной связи нет', пар: '0', ответили: '0', наставляемые: '', наставники: '' }],
      },
    },
    level: sat.level,
    empty,
    named: open.named,
    missing: shared.missing,
  };
}

/** What the curator reads after the report is made. */
export const SATISFACTION_TEXT = {
  empty: (year: string) => `В ${year} учебном году нет ни обратной связи, ни диагностики, ни ответов майского опроса: в отчёте это сказано словами.`,
  named: (n: number) =>
    `${plural(n, ['открытый ответ', 'открытых ответа', 'открытых ответов'])} майского опроса с именами людей ${n % 10 === 1 && n % 100 !== 11 ? 'учтён' : 'учтены'} в темах, но в отчёте не ${n % 10 === 1 && n % 100 !== 11 ? 'приводится' : 'приводятся'}.`,
} as const;

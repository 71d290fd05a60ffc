/**
 * «Справка о лучших наставниках» (roadmap 7.5): how the list was made (the criteria with their
 * weights and sources), the mentors proposed for an award with every figure and point behind them,
 * the full ranking of the year's mentors, lines for the curator's notes. Only mentors with consent
 * to processing are named; the others are a count. The scoring is core/reports/best-mentors.ts.
 */
import { Settings } from '../settings';
import { DocumentSpec, body, p } from './model';
import { listTable } from './order-requisites';
import { REPORT_FLAGS, REPORT_VALUE_FIELDS, penLine, reportFoot, reportHead, reportSpec, reportValues, section } from './report-common';
import { TableInfo, TemplateData, TemplateFields, columns } from './template/data';
import { type NameOverrides, type NounForms, bySex, declineName, plural, sexOf, typeset } from '../language';
import { CRITERIA, type BestMentorsResult, type MentorScore, TIE_RULE, criteriaError, points } from '../reports/best-mentors';

export const CRITERIA_TABLE: TableInfo = {
  name: 'критерии',
  about: 'строка таблицы критериев: критерий, вес, как считается, источник',
  required: true,
  columns: columns(['критерий', 'Критерий'], ['вес', 'Вес'], ['доля', 'Доля от 0 до 1'], ['источник', 'Откуда данные']),
};

export const PROPOSED_TABLE: TableInfo = {
  name: 'предлагаемые',
  about: 'строка таблицы предлагаемых к награждению: по строке на критерий, итог — последней строкой',
  required: true,
  columns: columns(['№', '№'], ['наставник', 'Наставник (ФИО, должность или категория)'], ['форма', 'Форма'], ['показатели', 'Показатели'], ['баллы', 'Баллы']),
};

export const RANKING_TABLE: TableInfo = {
  name: 'рейтинг',
  about: 'строка рейтинга наставников года',
  required: true,
  columns: columns(['№', '№'], ['наставник', 'Наставник'], ['форма', 'Форма'], ['по_критериям', 'Баллы по критериям'], ['баллы', 'Баллы']),
};

export const BEST_MENTORS_FIELDS: TemplateFields = {
  values: [
    ...REPORT_VALUE_FIELDS,
    { name: 'общие_сведения', about: 'откуда данные, сколько наставников в году и в рейтинге, сколько без согласия', required: true },
    { name: 'как_считается', about: 'как считаются баллы, минимум ответов, правило при равных баллах', required: true },
    { name: 'предложение', about: 'кого предлагается отметить (ФИО в винительном падеже) и их баллы', required: true },
  ],
  flags: REPORT_FLAGS,
  tables: [CRITERIA_TABLE, PROPOSED_TABLE, RANKING_TABLE],
};

/** The default template; the curator may edit it in «Шаблоны». */
export function bestMentorsTemplate(settings: Settings): DocumentSpec {
  const center = 'CENTER' as const;
  return reportSpec(settings, 'Шаблон — Справка о лучших наставниках', [
    ...reportHead('СПРАВКА', ['о лучших наставниках программы наставничества', 'и предложениях к награждению', '{{организация_кратко}} {{период}}']),
    section('1. Общие сведения'),
    body('{{общие_сведения}}'),
    section('2. Критерии'),
    body('{{как_считается}}'),
    { ...listTable(CRITERIA_TABLE, { widths: [112, 36, 150, 170], align: [undefined, center] }), size: 10 },
    section('3. Предлагаемые к награждению'),
    body('{{предложение}}'),
    { ...listTable(PROPOSED_TABLE, { widths: [24, 120, 80, 200, 44], align: [center, undefined, undefined, undefined, center] }), size: 10 },
    section('4. Рейтинг наставников за учебный год'),
    { ...listTable(RANKING_TABLE, { widths: [24, 130, 80, 190, 44], align: [center, undefined, undefined, undefined, center] }), size: 10 },
    section('5. Замечания куратора'),
    p('(заполняет куратор в этом документе)', { align: 'LEFT', size: 10 }),
    penLine(),
    penLine(),
    penLine(),
    ...reportFoot(),
  ]);
}

export interface BestMentorsDocInput {
  settings: Settings;
  /** «за 2026/2027 учебный год». */
  period: string;
  academicYear: string;
  /** «31.05.2027»: the day the figures are counted to. */
  countedTo: string;
  result: BestMentorsResult;
}

const MENTORS: NounForms = ['наставник', 'наставника', 'наставников'];
const POINTS: NounForms = ['балл', 'балла', 'баллов'];
const name = (m: MentorScore) => m.mentor.name.trim() || m.mentor.id;
const role = (m: MentorScore) => m.mentor.position.trim() || m.mentor.category.trim();
const who = (m: MentorScore) => [name(m), role(m)].filter(Boolean).join(', ');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const defOf = (k: string) => CRITERIA.find((c) => c.key === k)!;

/** 1, 21, 101 take a singular verb: «работал 21 наставник». */
const one = (n: number) => n % 10 === 1 && n % 100 !== 11;

/** «N наставник без согласия … не включён»: a count only. */
export function withoutConsentText(n: number): string {
  return `${plural(n, MENTORS)} без согласия на обработку персональных данных в рейтинг не ${one(n) ? 'включён' : 'включены'}.`;
}

/** The first below the cut has the points of the last proposed: both named, the rule said. */
function tieText(r: BestMentorsResult, overrides?: NameOverrides): string {
  const last = r.ranked[r.propose - 1];
  const next = r.ranked[r.propose];
  const did = bySex(sexOf(name(next)), { male: 'набрал', female: 'набрала', unknown: 'набрал(а)' });
  return `Столько же баллов (${points(next.score)}), сколько у ${declineName(name(last), 'genitive', overrides)}, ${did} ${declineName(name(next), 'nominative', overrides)} (${next.rank}-е место): порядок определило правило равных баллов; куратор может предложить обоих.`;
}

/** A criterion of a mentor as a row: its figure, the share times the weight, the points. */
function partText(part: MentorScore['parts'][number]): string {
  const def = defOf(part.key);
  const how = part.share === null ? ' — не учитывается' : `; ${points(Math.round(part.share * 100))} × ${points(part.weight * 100)}`;
  return `${capital(def.name)}: ${part.figure}${how}`;
}

function proposedRows(result: BestMentorsResult): Array<Record<string, string>> {
  const rows: Array<Record<string, string>> = [];
  for (const m of result.proposed) {
    m.parts.forEach((part, i) => {
      rows.push({ '№': i === 0 ? String(m.rank) : '', наставник: i === 0 ? who(m) : '', форма: i === 0 ? m.facts.forms.join(', ') : '', показатели: partText(part), баллы: points(part.points) });
    });
    rows.push({ '№': '', наставник: '', форма: '', показатели: `Итого (наставляемых — ${m.facts.mentees}, пар и групп — ${m.facts.units})`, баллы: points(m.score) });
  }
  return rows;
}

function rankingRow(m: MentorScore): Record<string, string> {
  const parts = m.parts.map((part) => `${defOf(part.key).short} ${part.share === null ? `— ${part.figure}` : points(part.points)}`);
  return { '№': String(m.rank), наставник: who(m), форма: m.facts.forms.join(', '), по_критериям: parts.join('; '), баллы: points(m.score) };
}

export function bestMentorsData(input: BestMentorsDocInput, overrides?: NameOverrides): { data: TemplateData; missing: string[] } {
  const shared = reportValues(input.settings, input.period, input.academicYear, overrides);
  const r = input.result;
  const t = (s: string) => typeset(s, { orgShortName: String(input.settings.orgShortName ?? '').trim() });
  const total = r.ranked.length + r.withoutConsent;
  const max = points(r.maxScore);

  const general = total
    ? [
        `Справка составлена ${input.period} по листам «Пары и группы», «Встречи», «Обратная связь», «Диагностика» и «Наставники» рабочей книги программы; данные учтены по ${input.countedTo}.`,
        `В ${input.academicYear} учебном году с наставляемыми ${one(total) ? 'работал' : 'работали'} ${plural(total, MENTORS)}; в рейтинг ${one(r.ranked.length) ? 'включён' : 'включены'} ${plural(r.ranked.length, MENTORS)}.`,
        r.withoutConsent ? withoutConsentText(r.withoutConsent) : '',
      ]
        .filter(Boolean)
        .join(' ')
    : `В ${input.academicYear} учебном году наставнических пар и групп не было: рейтинг составить не из чего, предложить к награждению некого.`;

  const how = [
    `Рейтинг составлен по критериям из листа «Настройки» (строка «Лучшие наставники: критерии и веса»). По каждому критерию считается доля от 0 до 1 его шкалы; баллы — доля, умноженная на вес; наибольшая сумма — ${max}.`,
    `Удовлетворённость и рост учитываются, если ответили не менее ${r.minAnswers} ${r.minAnswers % 10 === 1 && r.minAnswers % 100 !== 11 ? 'наставляемого' : 'наставляемых'}; иначе критерий баллов не даёт, и в показателях наставника сказано почему («мало ответов», n — число ответивших).`,
    `Порядок: ${TIE_RULE}.`,
    r.criteriaError ? criteriaError(r.criteriaError) : '',
  ]
    .filter(Boolean)
    .join(' ');

  const proposal = r.proposed.length
    ? [
        `Предлагается отметить по итогам ${input.academicYear} учебного года ${r.proposed.length === 1 ? 'наставника' : 'наставников'}: ${r.proposed
          .map((m) => `${declineName(name(m), 'accusative', overrides)} (${plural(m.score / 100, POINTS)} из ${max})`)
          .join(', ')}.`,
        r.tieAtCut ? tieText(r, overrides) : '',
      ]
        .filter(Boolean)
        .join(' ')
    : r.ranked.length
      ? 'Ни один наставник в рейтинге не набрал баллов: предложить к награждению некого. Проверьте листы «Встречи», «Обратная связь» и «Диагностика».'
      : total
        ? 'Все наставники года без согласия на обработку персональных данных: назвать в справке никого нельзя.'
        : 'Предложить к награждению некого: наставнических пар и групп в году не было.';

  const criteriaRows = r.criteria.map((c) => {
    const def = defOf(c.key);
    return { критерий: capital(def.name), вес: points(c.weight * 100), доля: def.scale, источник: def.source };
  });
  const empty = (text: string, tableCols: readonly string[]) => Object.fromEntries(tableCols.map((c, i) => [c, i === 1 ? text : '']));
  return {
    data: {
      values: { ...shared.values, общие_сведения: t(general), как_считается: t(how), предложение: t(proposal) },
      flags: shared.flags,
      tables: {
        критерии: criteriaRows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, t(v)]))),
        предлагаемые: r.proposed.length
          ? proposedRows(r).map((row) => mapValues(row, t))
          : [
              empty(
                'Предложений нет',
                PROPOSED_TABLE.columns.map((c) => c.name),
              ),
            ],
        рейтинг: r.ranked.length
          ? r.ranked.map((m) => mapValues(rankingRow(m), t))
          : [
              empty(
                total ? 'Наставников с согласием нет' : 'Наставников в году не было',
                RANKING_TABLE.columns.map((c) => c.name),
              ),
            ],
      },
    },
    missing: shared.missing,
  };
}

const mapValues = (row: Record<string, string>, f: (s: string) => string) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, f(v)]));

/** What the curator reads after the report is made. */
export const BEST_MENTORS_TEXT = {
  empty: (year: string) => `В ${year} учебном году наставнических пар и групп нет: в справке это сказано словами.`,
  proposed: (n: number, of: number) => `Предложено к награждению: ${plural(n, MENTORS)} из ${of} в рейтинге.`,
  withoutConsent: withoutConsentText,
  criteria: criteriaError,
} as const;

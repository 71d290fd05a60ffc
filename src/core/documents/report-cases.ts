/**
 * «Банк кейсов (лучших практик наставничества)» (roadmap 7.6, documents.md §9): the pairs and
 * groups the curator marked on «Пары и группы» («Кейс»), a summary table, then one card per case on
 * a page of its own. Every line of a card comes from the workbook or from the pair's ИПР; what
 * nobody recorded is a line for the curator's pen, never invented text.
 *
 * Names: a person is named only with the consent «есть» (with publication); anyone else is «наставник»
 * or «наставляемый (обучающийся, 7 класс)», and their name is masked in every free text people typed
 * (requests, the ИПР, feedback comments).
 */
import { Settings } from '../settings';
import { DocumentSpec, body } from './model';
import { CalendarDate, numericDate } from './dates';
import { listTable } from './order-requisites';
import { REPORT_FLAGS, REPORT_VALUE_FIELDS, reportFoot, reportHead, reportSpec, reportValues, section } from './report-common';
import { NEW_PAGE, TableInfo, TemplateData, TemplateFields, columns } from './template/data';
import { MENTORING_FORMS } from '../domain/forms-of-mentoring';
import { CONSENT } from '../intake/consent';
import { MEETING_KINDS, meetingKind } from '../monitoring/cadence';
import { academicYearOf, compareDates, daysBetween } from '../monitoring/calendar';
import { ALL_ITEMS, diagnosticsStats, feedbackStats } from '../monitoring/stats';
import { ROLES, type DiagnosticRow, type FeedbackRow, type Figure, type Role } from '../monitoring/types';
import { NBSP, NounForms, YEARS, decimal, plural, typeset } from '../language';
import { signed } from '../../shared/numbers';
import { MEETING_CYCLE } from './development-plan';

export const CASES_TABLE: TableInfo = {
  name: 'кейсы',
  about: 'строка сводной таблицы кейсов',
  required: true,
  columns: columns(['№', '№'], ['название', 'Название кейса'], ['форма', 'Форма наставничества'], ['результат', 'Результат'], ['год', 'Учебный год']),
};

export const CARDS_TABLE: TableInfo = {
  name: 'карточки',
  about: 'строка карточки кейса (каждая карточка — на своей странице)',
  required: true,
  columns: columns(['поле', 'Поле'], ['содержание', 'Содержание']),
};

export const CASES_FIELDS: TemplateFields = {
  values: [...REPORT_VALUE_FIELDS, { name: 'общие_сведения', about: 'сколько кейсов, откуда сведения, как отметить пару как кейс', required: true }],
  flags: REPORT_FLAGS,
  tables: [CASES_TABLE, CARDS_TABLE],
};

/** The default template; the curator may edit it in «Шаблоны». */
export function casesTemplate(settings: Settings): DocumentSpec {
  const center = 'CENTER' as const;
  return reportSpec(settings, 'Шаблон — Банк кейсов (лучших практик наставничества)', [
    ...reportHead('БАНК КЕЙСОВ', ['лучших практик наставничества', '{{организация_кратко}} {{период}}']),
    section('1. Общие сведения'),
    body('{{общие_сведения}}'),
    section('2. Сводная таблица кейсов'),
    { ...listTable(CASES_TABLE, { widths: [26, 150, 96, 150, 56], align: [center, undefined, undefined, undefined, center] }), size: 10 },
    section('3. Карточки кейсов'),
    body('Каждая карточка — на отдельной странице.'),
    // One card per page: each card's first row starts a page (NEW_PAGE), the header row repeated.
    { ...listTable(CARDS_TABLE, { widths: [150, 318] }), size: 11 },
    ...reportFoot(),
  ]);
}

/** A participant as the bases hold them; `consent` is the base's «Согласие». */
export interface CasePerson {
  id: string;
  name: string;
  category: string;
  grade: string;
  age: number | null;
  experience: number | null;
  position: string;
  association: string;
  consent: string;
  /** Mentees: their own topics and request (free text, masked). */
  topics?: string[];
  request?: string;
}

export interface CaseMeeting {
  date: CalendarDate | null;
  type: string;
  minutes: number | null;
}

/** What the ИПР Doc held: `absent` — no link; `missing` — the link leads nowhere (deleted, no access). */
export type CasePlan = { state: 'absent' } | { state: 'missing'; url: string } | { state: 'read'; url: string; goal: string[]; tasks: string[]; results: string[] };

export interface CaseInput {
  /** The pair's ID or the group's. */
  id: string;
  group: boolean;
  form: string;
  /** «Название кейса» as the curator typed it (may be empty). */
  title: string;
  mentor: CasePerson | null;
  mentees: CasePerson[];
  /** The order date (or «Дата начала»). */
  start: CalendarDate | null;
  /** «Дата окончания» of the pair, if set. */
  end: CalendarDate | null;
  status: string;
  endReason: string;
  meetings: readonly CaseMeeting[];
  /** The pair's rows of «Диагностика» and «Обратная связь» (pairId = this case's ID). */
  diagnostics: readonly DiagnosticRow[];
  feedback: readonly FeedbackRow[];
  /** Feedback comments (free text, masked). */
  comments: readonly string[];
  plan: CasePlan;
}

export interface CasesInput {
  settings: Settings;
  period: string;
  academicYear: string;
  today: CalendarDate;
  cases: readonly CaseInput[];
  /** Every person of the bases: whose names must not appear in free text. */
  people: ReadonlyArray<{ name: string; consent: string }>;
  /** Pairs and groups marked «Кейс» but left out (not approved, or of another year). */
  skipped?: readonly string[];
}

export interface CasesResult {
  data: TemplateData;
  /** Cases whose ИПР link leads nowhere (IDs). */
  missingPlans: string[];
  /** Names masked in free text (count of replacements). */
  masked: number;
  missing: string[];
}

const MEETINGS: NounForms = ['встреча', 'встречи', 'встреч'];
const HOURS: NounForms = ['час', 'часа', 'часов'];
const PEOPLE: NounForms = ['человек', 'человека', 'человек'];
const CASES: NounForms = ['кейс', 'кейса', 'кейсов'];
const norm = (s: string) => s.trim().toLowerCase().replace(/ё/g, 'е');
const PEN = '_'.repeat(36);
const pen = PEN;
export const MASK = '[имя скрыто]';

/** Only «есть» allows publishing a name (notes.md: dissemination needs its own consent). */
export const publishable = (consent: string) => norm(consent) === norm(CONSENT.valid);

/**
 * The words of the names that must not be published, as one pattern: a word of four letters or
 * more matches with any ending («Петров», «Петрова», «Петровым»), a shorter one as a whole word.
 */
export function namePattern(names: readonly string[]): RegExp | null {
  const long = new Set<string>();
  const short = new Set<string>();
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const name of names)
    for (const word of name.split(/[\s.,()-]+/)) {
      const w = norm(word);
      if (w.length >= 4) long.add(esc(w.slice(0, Math.max(4, w.length - 2))));
      else if (w.length >= 2) short.add(esc(w));
    }
  const parts = [...[...long].map((s) => `${s}[а-яa-z]*`), ...[...short].map((s) => `${s}(?![а-яa-z])`)];
  return parts.length ? new RegExp(`(^|[^а-яa-zё])(${parts.join('|')})`, 'gi') : null;
}

/** People's text with every unpublishable name masked; counts what it masked. */
export function masker(pattern: RegExp | null): { mask: (text: string) => string; count: () => number } {
  let n = 0;
  return {
    mask: (text: string) => {
      if (!pattern) return text;
      // Matching on a copy with «ё» as «е», so the positions stay those of the original.
      const plain = text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
      let out = '';
      let last = 0;
      for (const m of plain.matchAll(pattern)) {
        const start = m.index! + m[1].length;
        out += text.slice(last, start) + MASK;
        last = start + m[2].length;
        n += 1;
      }
      return out + text.slice(last);
    },
    count: () => n,
  };
}

/** «обучающийся, 7 класс, 13 лет», «педагог, стаж 2 года, изостудия»: who a person is, without the name. */
export function aboutPerson(p: CasePerson): string {
  const teacher = /педагог/.test(p.category);
  return [
    teacher && p.position ? p.position : p.category,
    p.grade ? (/^\d+$/.test(p.grade.trim()) ? `${p.grade.trim()} класс` : p.grade.trim()) : '',
    !teacher && p.age !== null ? plural(p.age, YEARS) : '',
    teacher && p.experience !== null ? `стаж ${plural(p.experience, YEARS)}` : '',
    p.association,
  ]
    .filter(Boolean)
    .join(', ');
}

function personLine(role: string, p: CasePerson): string {
  const about = aboutPerson(p);
  return publishable(p.consent) && p.name.trim() ? `${role}: ${p.name.trim()}${about ? `, ${about}` : ''}` : `${role} (${about || 'сведений нет'})`;
}

const MENTEES_GEN: NounForms = ['наставляемого', 'наставляемых', 'наставляемых'];
const CATEGORY_PLURAL: Readonly<Record<string, string>> = { обучающийся: 'обучающиеся', педагог: 'педагоги', студент: 'студенты' };

/** The group in one line: how many, their categories, grades and ages as ranges. */
function groupSummary(mentees: readonly CasePerson[]): string {
  const range = (values: number[], one: (n: number) => string, many: (a: number, b: number) => string) => {
    if (!values.length) return '';
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    return lo === hi ? one(lo) : many(lo, hi);
  };
  const grades = mentees.map((m) => Number(m.grade.trim())).filter((g) => Number.isInteger(g) && g > 0);
  const ages = mentees.map((m) => m.age).filter((a): a is number => a !== null);
  const categories = [...new Set(mentees.map((m) => m.category).filter(Boolean))].map((c) => CATEGORY_PLURAL[c] ?? c);
  const about = [
    categories.join(', '),
    range(
      grades,
      (g) => `${g} класс`,
      (a, b) => `${a}–${b} классы`,
    ),
    range(
      ages,
      (a) => plural(a, YEARS),
      (a, b) => `${a}–${plural(b, YEARS)}`,
    ),
  ].filter(Boolean);
  return `группа из ${plural(mentees.length, MENTEES_GEN)}${about.length ? `: ${about.join(', ')}` : ''}`;
}

const ROLE_WORD: Record<Role, string> = { наставляемый: 'наставляемый', наставник: 'наставник' };
const num = (f: Figure) => (f.ok ? decimal(f.value, 1) : 'нет данных');

/** The form and its role model as «Формы наставничества» defines it. */
function formText(form: string): string {
  const def = MENTORING_FORMS.find((f) => norm(f.name) === norm(form));
  if (!form.trim()) return 'форма не указана';
  return def ? `${form}; ролевая модель: наставник — ${def.mentorRole}, наставляемый — ${def.menteeRole}` : form;
}

export const defaultCaseTitle = (id: string, form: string) => `Кейс ${id}${form.trim() ? `: «${form.trim()}»` : ''}`;

function periodText(c: CaseInput, today: CalendarDate): string {
  if (!c.start) return 'дата начала (приказа) не указана';
  const ended = norm(c.status) === 'завершена';
  if (c.end && (ended || compareDates(c.end, today) <= 0)) return `с ${numericDate(c.start)} по ${numericDate(c.end)}`;
  return `с ${numericDate(c.start)}, работа продолжается (на ${numericDate(today)})`;
}

/** Meetings by kind in the cycle's order, hours, first and last dates, the pace against 1–2 a week. */
export function meetingsText(meetings: readonly CaseMeeting[]): { text: string; count: number } {
  const dated = meetings.filter((m) => m.date);
  if (!meetings.length) return { text: 'Встречи на листе «Встречи» не отмечены.', count: 0 };
  const byKind = new Map<string, number>();
  for (const m of meetings) {
    const k = meetingKind(m.type) ?? 'другие';
    byKind.set(k, (byKind.get(k) ?? 0) + 1);
  }
  const order = [...MEETING_KINDS, 'другие'];
  const cycle = new Map<string, string>(MEETING_KINDS.map((k, i) => [k, MEETING_CYCLE[i].kind.toLowerCase()]));
  const kinds = order.filter((k) => byKind.has(k)).map((k) => `${cycle.get(k) ?? 'другие встречи'} — ${byKind.get(k)}`);
  const minutes = meetings.map((m) => m.minutes).filter((x): x is number => x !== null && x > 0);
  const sorted = dated.map((m) => m.date!).sort(compareDates);
  const parts = [`Проведено ${plural(meetings.length, MEETINGS)} (${kinds.join(', ')}).`];
  if (minutes.length) {
    const hours = minutes.reduce((s, x) => s + x, 0) / 60;
    const rounded = Math.round(hours * 10) / 10;
    parts.push(
      `Всего ${Number.isInteger(rounded) ? plural(rounded, HOURS) : `${decimal(rounded, 1)} часа`}${minutes.length < meetings.length ? ` (длительность указана у ${minutes.length} из ${meetings.length})` : ''}.`,
    );
  } else parts.push('Длительность встреч не указана.');
  if (sorted.length) {
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    parts.push(sorted.length > 1 ? `Первая встреча — ${numericDate(first)}, последняя — ${numericDate(last)}.` : `Встреча — ${numericDate(first)}.`);
    const weeks = (daysBetween(first, last) + 1) / 7;
    if (sorted.length > 1 && weeks >= 1) {
      const rate = sorted.length / weeks;
      const pace = rate >= 1 ? 'в темпе программы (1–2 встречи в неделю)' : 'реже, чем 1–2 встречи в неделю по программе';
      parts.push(`В среднем ${decimal(Math.round(rate * 10) / 10, 1)} встречи в неделю — ${pace}.`);
    }
  }
  return { text: parts.join(' '), count: meetings.length };
}

/** Δ per item and role for the pair's people who answered both phases; the overall Δ for the summary. */
function deltaText(c: CaseInput): { lines: string[]; overall: string } {
  const stats = diagnosticsStats(
    c.diagnostics.map((d) => ({ ...d, pairId: c.id })),
    {},
  );
  const own = stats.deltas.filter((d) => d.scope === 'pair');
  const lines: string[] = [];
  let overall = '';
  for (const role of ROLES) {
    for (const d of own.filter((x) => x.role === role && x.n > 0 && x.delta.ok)) {
      const n = `n${NBSP}=${NBSP}${d.n}`;
      if (d.code === ALL_ITEMS) {
        if (role === 'наставляемый' || !overall) overall = `Δ анкет ${role === 'наставник' ? 'наставника' : 'наставляемых'}: ${signed((d.delta as { value: number }).value, 1)} (${n})`;
        continue;
      }
      lines.push(`${ROLE_WORD[role]}, «${d.label}»: ${num(d.entry)} → ${num(d.exit)} (Δ ${signed((d.delta as { value: number }).value, 1)}; ${n})`);
    }
  }
  if (!lines.length) {
    const phases = new Set(c.diagnostics.map((d) => norm(d.phase)));
    lines.push(!phases.size ? 'Входной и итоговой диагностики нет.' : phases.has('итоговая') ? 'Нет участников, прошедших и входную, и итоговую диагностику.' : 'Итоговой диагностики ещё не было.');
  }
  return { lines, overall };
}

/** The mean satisfaction of the monthly feedback per role, with the people and answers it counts. */
function satisfactionText(c: CaseInput): { text: string; short: string } {
  const stats = feedbackStats(
    c.feedback.map((f) => ({ ...f, pairId: c.id })),
    {},
  );
  const parts: string[] = [];
  let short = '';
  for (const role of ROLES) {
    const g = stats.groups.find((x) => x.scope === 'pair' && x.role === role);
    const item = g?.items.find((i) => i.code === 'satisfaction');
    if (!item || !item.n || !item.mean.ok) continue;
    parts.push(`${ROLE_WORD[role]} — ${num(item.mean)} из${NBSP}10 (${plural(item.n, PEOPLE)}, ответов: ${item.answers})`);
    if (!short) short = `удовлетворённость ${num(item.mean)}`;
  }
  return { text: parts.length ? `Удовлетворённость по ежемесячной обратной связи: ${parts.join('; ')}.` : 'Ежемесячной обратной связи нет.', short };
}

function statusText(c: CaseInput): string {
  const s = c.status.trim() || 'не указан';
  const reason = c.endReason.trim();
  return reason ? `${s}; причина завершения: ${reason}` : s;
}

function planLink(plan: CasePlan): string {
  if (plan.state === 'absent') return 'ИПР не составлен (ссылки на листе «Пары и группы» нет).';
  if (plan.state === 'missing') return `Документ ИПР удалён или недоступен (ссылка на листе «Пары и группы»: ${plan.url}).`;
  return plan.url;
}

export function casesData(input: CasesInput, overrides?: Parameters<typeof reportValues>[3]): CasesResult {
  const shared = reportValues(input.settings, input.period, input.academicYear, overrides);
  const t = (s: string) => typeset(s, { orgShortName: String(input.settings.orgShortName ?? '').trim() });
  const hidden = input.people.filter((p) => p.name.trim() && !publishable(p.consent)).map((p) => p.name);
  const { mask, count } = masker(namePattern(hidden));
  const free = (s: string) => mask(s.replace(/\s+/g, ' ').trim());
  const curator = String(input.settings.curatorName ?? '').trim();

  const summary: Array<Record<string, string>> = [];
  const cards: Array<Record<string, string>> = [];
  const missingPlans: string[] = [];
  input.cases.forEach((c, i) => {
    const title = c.title.trim() ? free(c.title) : defaultCaseTitle(c.id, c.form);
    const meetings = meetingsText(c.meetings);
    const delta = deltaText(c);
    const sat = satisfactionText(c);
    const year = c.start ? academicYearOf(c.start) : null;
    // In a group each mentee has a number: the request is told by it, not by a name.
    const label = (k: number) => (c.mentees.length > 1 ? `Наставляемый ${k + 1}` : 'Наставляемый');
    const participants = [
      c.mentor ? personLine('Наставник', c.mentor) : 'Наставник: сведений нет',
      ...(c.group ? [`Состав: ${groupSummary(c.mentees)}`] : []),
      ...c.mentees.map((m, k) => personLine(label(k), m)),
    ];
    const requests = c.mentees.flatMap((m, k) => {
      const topics = (m.topics ?? []).map(free).filter(Boolean);
      const request = free(m.request ?? '');
      const own = [topics.length ? `темы: ${topics.join(', ')}` : '', request ? `со слов наставляемого: ${request}` : ''].filter(Boolean).join('; ');
      if (!own) return [];
      return [c.mentees.length > 1 ? `${label(k)}: ${own}` : own];
    });
    const plan = c.plan;
    if (plan.state === 'missing') missingPlans.push(c.id);
    const planPart = (lines: string[], none: string) => (plan.state === 'read' && lines.length ? lines.map(free).join('\n') : none);
    const planNone = (read: string) => (plan.state === 'read' ? read : plan.state === 'missing' ? 'ИПР удалён или недоступен' : 'ИПР не составлен');
    const goal = [
      `Цель: ${planPart(plan.state === 'read' ? plan.goal : [], planNone('в ИПР не заполнена'))}`,
      `Задачи: ${planPart(plan.state === 'read' ? plan.tasks : [], planNone('в ИПР не заполнены'))}`,
    ].join('\n');
    const noResults = plan.state === 'read' ? 'Итоги выполнения плана в ИПР не заполнены.' : plan.state === 'missing' ? 'ИПР удалён или недоступен.' : 'ИПР не составлен.';
    const results = plan.state === 'read' && plan.results.length ? `Итоги выполнения плана (из ИПР):\n${plan.results.map(free).join('\n')}` : `${noResults}\n${PEN}\n${PEN}`;
    // The same words from several months are one review.
    const comments = [
      ...new Map(
        c.comments
          .map(free)
          .filter(Boolean)
          .map((x) => [x.toLowerCase().replace(/\s+/g, ' ').trim(), x]),
      ).values(),
    ].slice(0, 3);
    const rows: Array<[string, string]> = [
      ['Код кейса', `${c.id} (${c.group ? 'группа' : 'пара'})`],
      ['Название кейса', title],
      ['Форма наставничества, ролевая модель', formText(c.form)],
      ['Участники', participants.join('\n')],
      ['Период работы', periodText(c, input.today)],
      ['Запрос / проблема на входе', requests.length ? requests.join('\n') : 'Запрос на листе «Наставляемые» не записан.'],
      ['Цель и задачи (из ИПР)', goal],
      ['Содержание: этапы, формы, длительность', meetings.text],
      ['Результаты: количественные', [...delta.lines, sat.text].join('\n')],
      ['Результаты: качественные', results],
      ['Продукты (проект, выступление, методическая разработка)', pen],
      ['Отзывы участников', comments.length ? comments.map((x) => `«${x}»`).join('\n') : pen],
      ['Ресурсы (партнёры, оборудование)', pen],
      ['Возможность тиражирования', pen],
      ['Статус пары (группы)', statusText(c)],
      ['Индивидуальный план развития (ИПР)', planLink(plan)],
      ['Куратор, дата', `${curator || '________________'}, ${numericDate(input.today)}`],
    ];
    rows.forEach(([поле, содержание], k) => cards.push({ ...(k === 0 ? { [NEW_PAGE]: '' } : {}), поле: t(поле), содержание: t(содержание) }));
    summary.push({
      '№': String(i + 1),
      название: t(title),
      форма: t(c.form || 'не указана'),
      результат: t([plural(meetings.count, MEETINGS), delta.overall, sat.short].filter(Boolean).join('; ')),
      год: year !== null ? `${year}/${year + 1}` : input.academicYear,
    });
  });

  const n = input.cases.length;
  const general = n
    ? `В банк включены ${plural(n, CASES)} — пары и группы, отмеченные куратором в столбце «Кейс» листа «Пары и группы». Каждая карточка составлена по листам «Наставляемые», «Наставники», «Встречи», «Диагностика», «Обратная связь» и по индивидуальному плану развития пары; строки, по которым сведений нет, оставлены для заполнения. Имена участников приводятся только при согласии на распространение (публикацию) персональных данных; остальные названы по роли.`
    : input.skipped?.length
      ? `Отмеченные в столбце «Кейс» пары и группы (${input.skipped.join(', ')}) в банк этого учебного года не вошли: они не утверждены приказом или работали в другом учебном году. Чтобы включить пару или группу, отметьте её флажком в столбце «Кейс» листа «Пары и группы» (для группы — в любой её строке), затем сформируйте банк кейсов снова.`
      : 'Пары и группы для банка кейсов не отмечены. Чтобы включить пару или группу, отметьте её флажком в столбце «Кейс» листа «Пары и группы» (для группы — в любой её строке), при желании впишите «Название кейса», затем сформируйте банк кейсов снова.';
  return {
    data: {
      values: { ...shared.values, общие_сведения: t(general) },
      flags: shared.flags,
      tables: {
        кейсы: summary.length ? summary : [{ '№': '—', название: 'Кейсы не отмечены', форма: '', результат: '', год: '' }],
        карточки: cards.length ? cards : [{ поле: 'Карточки', содержание: 'Кейсы не отмечены: карточек нет.' }],
      },
    },
    missingPlans,
    masked: count(),
    missing: shared.missing,
  };
}

const PLAN_SECTIONS = ['1. Общие сведения', '3. Цель', '4. Задачи', '5. График встреч', '6. Содержание работы', '7. Ожидаемые результаты', '8. Итоги выполнения плана'];
const sectionOf = (line: string) => PLAN_SECTIONS.find((s) => norm(line).replace(/\s+/g, ' ') === norm(s));

/** Lines of the plan's template that are not the mentor's words (hints, the choice to underline). */
const TEMPLATE_LINES = [
  /^одно предложение: чего наставляемый достигнет/,
  /^отметка о выполнении плана: выполнен полностью \/ выполнен частично \/ не выполнен/,
  /^план составлен /,
  /^с планом ознакомлены/,
];

/** A line with the pen's underscores and the template's own prefix taken away; '' when nothing was written. */
function written(line: string): string {
  const s = line
    .replace(/«_+»\s*_+\s*20_+\s*г\.?/g, '')
    .replace(/_+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const rest = s.replace(/^(\d+\.|Достигнутые результаты:|Оценка наставника:|Самооценка наставляемого:|Рекомендации:|Итоговая встреча проведена:)\s*/i, '').trim();
  return rest.replace(/^[.,:;—-]+$/, '') ? s : '';
}

/**
 * The mentor's words under «3. Цель», «4. Задачи» and «8. Итоги выполнения плана» of an ИПР, from its
 * top-level paragraphs in order (tables are not passed). Blank lines of the template are left out.
 */
export function planSections(paragraphs: readonly string[]): { goal: string[]; tasks: string[]; results: string[] } {
  const out = { goal: [] as string[], tasks: [] as string[], results: [] as string[] };
  let current: keyof typeof out | null = null;
  for (const raw of paragraphs) {
    const line = raw.replace(/\s+/g, ' ').trim();
    const heading = sectionOf(line);
    if (heading) {
      current = heading.startsWith('3.') ? 'goal' : heading.startsWith('4.') ? 'tasks' : heading.startsWith('8.') ? 'results' : null;
      continue;
    }
    if (!current || !line) continue;
    if (/^(план составлен|с планом ознакомлены)/i.test(line)) {
      current = null;
      continue;
    }
    if (TEMPLATE_LINES.some((r) => r.test(norm(line)))) continue;
    const w = written(line);
    if (w) out[current].push(w);
  }
  return out;
}

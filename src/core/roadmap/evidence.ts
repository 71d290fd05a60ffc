/**
 * What the workbook shows about each roadmap activity: a status where the evidence decides it
 * ('выполнено' when complete for the academic year, 'в работе' when partly there), the evidence in
 * Russian with counts, and the Doc that proves it. Activities the workbook cannot evidence (the
 * information campaign, the round table …) return null: the curator's status stays.
 *
 * The server reads the sheets once into RoadmapFacts; everything here is pure.
 */
import { type CalendarDate, numericDate } from '../documents/dates';
import { compareDates } from '../monitoring/calendar';
import { plural } from '../language';

export type EvidenceStatus = 'выполнено' | 'в работе';

export interface Evidence {
  /** null: the evidence is only shown, the status stays the curator's (ongoing activities). */
  status: EvidenceStatus | null;
  /** «База наставляемых: 66 человек, из них с согласием 63». */
  text: string;
  /** The Doc that proves it, '' when the evidence is a sheet or a count. */
  link: string;
  /** When it was done (the Doc made or signed), for «Дата выполнения». */
  doneOn: CalendarDate | null;
}

/** One current (not replaced) row of «Документы». */
export interface DocumentFact {
  /** «Вид» as the register writes it. */
  kind: string;
  title: string;
  url: string;
  created: CalendarDate | null;
  signed: CalendarDate | null;
  number: string;
  /** The reporting date in the title («… на 15.11.2026»), for the effectiveness report. */
  periodDate: CalendarDate | null;
}

export interface BaseFacts {
  /** People with an ID in the base. */
  total: number;
  /** With a valid consent to the processing of personal data. */
  consented: number;
  /** Still waiting for a consent (none yet, or a parent's signature): refusals are settled. */
  pending: number;
  /** With an entry diagnostics answer this academic year. */
  entryDiagnostics: number;
}

export interface RoadmapFacts {
  /** The academic year by its first calendar year (2026 = 2026/2027). */
  year: number;
  today: CalendarDate;
  mentees: BaseFacts & {
    /** Mentees with consent and no mentor (status «в базе» or «без пары»). */
    withoutMentor: number;
  };
  mentors: BaseFacts & {
    /** «Школа наставников»: trained or not required. */
    trained: number;
    /** Sent to training or in training. */
    training: number;
  };
  partners: number;
  programmes: number;
  /** Rows of «Анализ запросов». */
  analysisRows: number;
  /** Participants whose choices after the group meeting are in «Предпочтения». */
  preferences: number;
  pairs: {
    proposed: number;
    /** Approved, active or finished. */
    approved: number;
    active: number;
    finished: number;
  };
  /** «Мониторинг» 6.1 «Встречи: пар с отставанием»; null when monitoring was not refreshed. */
  meetingsBehind: number | null;
  meetings: number;
  feedback: { thisMonth: number; thisYear: number };
  /** «Положение …» and «Программа …» orders from «Настройки» (text as typed). */
  regulationOrder: string;
  programmeOrder: string;
  /** The day of the latest successful export for the platform «Наставник» this year. */
  exportedOn: CalendarDate | null;
  documents: readonly DocumentFact[];
}

/** «Вид» of the register for the documents the roadmap looks for (register.ts, reports registry). */
export const EVIDENCE_KINDS = {
  orderLists: 'Приказ об утверждении списков наставников, наставляемых и форм наставничества',
  orderTraining: 'Приказ об организации «Школы наставников»',
  orderPairs: 'Приказ об утверждении наставнических пар (групп)',
  effectiveness: 'Отчёт о реализации целевой модели наставничества (показатели эффективности)',
  swot: 'SWOT-анализ программы наставничества',
  satisfaction: 'Отчёт об удовлетворённости участников и влиянии программы',
  bestMentors: 'Лучшие наставники (предложения к награждению)',
  cases: 'Банк кейсов (лучших практик наставничества)',
  stage: (n: number) => `Справка по итогам мониторинга, этап ${n} `,
} as const;

const PEOPLE = ['человек', 'человека', 'человек'] as const;
const count = (n: number) => plural(n, PEOPLE);

type Rule = (f: RoadmapFacts) => Evidence | null;

const none = (): null => null;

function evidence(status: EvidenceStatus | null, text: string, link = '', doneOn: CalendarDate | null = null): Evidence {
  return { status, text, link, doneOn };
}

/** The year's latest document of a kind (by creation; a signed one before an unsigned one of the same day). */
function latest(f: RoadmapFacts, matches: (d: DocumentFact) => boolean): DocumentFact | null {
  const inYear = f.documents.filter((d) => matches(d) && d.created && academicYear(d.created) === f.year);
  inYear.sort((a, b) => compareDates(a.created!, b.created!) || Number(!!a.signed) - Number(!!b.signed));
  return inYear[inYear.length - 1] ?? null;
}

const academicYear = (d: CalendarDate) => (d.month >= 9 ? d.year : d.year - 1);

/** An order: made and signed → done; made, not signed yet → in progress. */
function order(kind: string, what: string, extra: (f: RoadmapFacts) => string = () => ''): Rule {
  return (f) => {
    const doc = latest(f, (d) => d.kind === kind);
    if (!doc) return null;
    const more = extra(f);
    if (doc.signed) return evidence('выполнено', `${what}: подписан ${numericDate(doc.signed)}${doc.number ? ` № ${doc.number}` : ''}${more}`, doc.url, doc.signed);
    return evidence('в работе', `${what}: сформирован ${numericDate(doc.created!)}, не подписан (дата подписания и номер — в «Документах»)${more}`, doc.url);
  };
}

/** A report or справка: made this year → done. */
function report(kind: string | ((d: DocumentFact) => boolean), what: string): Rule {
  const matches = typeof kind === 'string' ? (d: DocumentFact) => d.kind === kind : kind;
  return (f) => {
    const doc = latest(f, matches);
    // «сформирован» would have to agree with справка, анализ, отчёт, банк: the date says it without a verb.
    return doc ? evidence('выполнено', `${what}: дата формирования ${numericDate(doc.created!)}`, doc.url, doc.created) : null;
  };
}

const stageReport = (n: number) => report((d) => d.kind.startsWith(EVIDENCE_KINDS.stage(n)), `Справка по этапу ${n}`);

/** A base with consents: everyone settled (consent given or refused) → done. */
function base(which: 'mentees' | 'mentors', title: string): Rule {
  return (f) => {
    const b = f[which];
    if (!b.total) return null;
    const text = `${title}: ${count(b.total)}, из них с согласием ${b.consented}${b.pending ? `; ждут согласия ${b.pending}` : ''}`;
    return evidence(b.pending ? 'в работе' : 'выполнено', text);
  };
}

function diagnostics(which: 'mentees' | 'mentors', title: string): Rule {
  return (f) => {
    const b = f[which];
    if (!b.entryDiagnostics) return null;
    const text = `${title}: ${b.entryDiagnostics} из ${b.consented} с согласием`;
    return evidence(b.entryDiagnostics >= b.consented ? 'выполнено' : 'в работе', text);
  };
}

/** The effectiveness report (7.3) is due twice a year: done when the report on the next date is made. */
const effectiveness: Rule = (f) => {
  const docs = f.documents.filter((d) => d.kind === EVIDENCE_KINDS.effectiveness && d.periodDate && academicYear(d.periodDate) === f.year);
  if (!docs.length) return null;
  docs.sort((a, b) => compareDates(a.periodDate!, b.periodDate!));
  const last = docs[docs.length - 1];
  const dates = docs.map((d) => numericDate(d.periodDate!)).filter((d, i, all) => all.indexOf(d) === i);
  const june = last.periodDate!.month >= 6 && last.periodDate!.month <= 8;
  const text = `Отчёт о показателях эффективности: ${dates.map((d) => `на ${d}`).join(', ')}`;
  return evidence(june ? 'выполнено' : 'в работе', text, last.url, june ? last.created : null);
};

/**
 * Each activity of ROADMAP and where its evidence is (null: the curator's alone — the workbook
 * holds nothing that shows it).
 */
export const EVIDENCE_RULES: Readonly<Record<string, Rule>> = {
  '1.1': (f) => {
    const both = [f.regulationOrder && `положение — ${f.regulationOrder}`, f.programmeOrder && `программа — ${f.programmeOrder}`].filter(Boolean);
    if (!both.length) return null;
    return evidence(both.length === 2 ? 'выполнено' : 'в работе', `Утверждены (по «Настройкам»): ${both.join('; ')}`);
  },
  '1.2': order(EVIDENCE_KINDS.orderLists, 'Приказ об утверждении списков'),
  '1.3': none, // information campaign: outside the workbook
  '1.4': none, // social networks and the website
  '1.5': none, // agreements are signed on paper; partners are counted in 3.1
  '1.6': stageReport(1),
  '2.1': base('mentees', 'База наставляемых'),
  '2.2': (f) => (f.analysisRows ? evidence('выполнено', `«Анализ запросов»: ${plural(f.analysisRows, ['строка', 'строки', 'строк'])}`) : null),
  '2.3': diagnostics('mentees', 'Входная диагностика наставляемых'),
  '2.4': stageReport(2),
  '3.1': (f) => (f.partners ? evidence(null, `Партнёров в базе: ${f.partners}`) : null),
  '3.2': base('mentors', 'База наставников'),
  '3.3': (f) => (f.mentors.total && f.mentees.total ? evidence(null, `Наставников в базе: ${f.mentors.total}, наставляемых: ${f.mentees.total}`) : null),
  '3.4': diagnostics('mentors', 'Входная диагностика наставников'),
  '3.5': (f) => (f.programmes ? evidence(null, `Программ в базе: ${f.programmes}`) : null),
  '3.6': stageReport(3),
  '4.1': order(EVIDENCE_KINDS.orderTraining, 'Приказ о «Школе наставников»'),
  '4.2': (f) => {
    const m = f.mentors;
    if (!m.trained && !m.training) return null;
    const text = `«Школа наставников»: обучено ${m.trained} из ${m.total}${m.training ? `, обучаются ${m.training}` : ''}`;
    return evidence(m.trained >= m.total ? 'выполнено' : 'в работе', text);
  },
  '4.3': stageReport(4),
  '5.1': (f) => {
    if (!f.preferences && !f.pairs.proposed && !f.pairs.approved) return null;
    const text = `Выбор после групповой встречи: ${count(f.preferences)}; пар и групп предложено ${f.pairs.proposed}, утверждено ${f.pairs.approved}`;
    return evidence(f.pairs.approved ? 'выполнено' : 'в работе', text);
  },
  '5.2': order(EVIDENCE_KINDS.orderPairs, 'Приказ об утверждении пар', (f) => `; пар и групп утверждено: ${f.pairs.approved}`),
  '5.3': (f) => {
    if (!f.pairs.approved) return null;
    const n = f.mentees.withoutMentor;
    return n ? evidence('в работе', `Без наставника: ${count(n)}`) : evidence('выполнено', 'Все наставляемые с согласием — в парах или группах');
  },
  '5.4': stageReport(5),
  '6.1': (f) => {
    if (!f.pairs.active && !f.pairs.finished) return null;
    const behind = f.meetingsBehind === null ? 'отставание не считалось («Обновить мониторинг»)' : `пар с отставанием: ${f.meetingsBehind}`;
    const text = `Встреч записано: ${f.meetings}; активных пар: ${f.pairs.active}; ${behind}`;
    return evidence(f.pairs.active ? 'в работе' : 'выполнено', text);
  },
  '6.2': (f) => {
    if (!f.feedback.thisYear) return null;
    const text = `Обратная связь: в этом месяце ${plural(f.feedback.thisMonth, ['ответ', 'ответа', 'ответов'])}, за учебный год ${f.feedback.thisYear}`;
    return evidence('в работе', text);
  },
  '6.3': stageReport(6),
  '7.1': report(EVIDENCE_KINDS.swot, 'SWOT-анализ'),
  '7.2': report(EVIDENCE_KINDS.satisfaction, 'Отчёт об удовлетворённости'),
  '7.3': effectiveness,
  '7.4': (f) => (f.exportedOn ? evidence('выполнено', `Выгрузка для платформы «Наставник»: ${numericDate(f.exportedOn)}`, '', f.exportedOn) : null),
  '7.5': report(EVIDENCE_KINDS.bestMentors, 'Справка о лучших наставниках'),
  '7.6': report(EVIDENCE_KINDS.cases, 'Банк кейсов'),
};

/** The evidence of one activity, or null when the workbook has none (the curator's status stays). */
export function evidenceFor(number: string, facts: RoadmapFacts): Evidence | null {
  const rule = EVIDENCE_RULES[number.trim()];
  return rule ? rule(facts) : null;
}

/**
 * The report kinds the curator can generate («Сформировать отчёт…»), their periods and the titles
 * that make versions visible. Pure: the server adds each kind's template and data builder
 * (src/server/reports.ts). A new kind is one entry here and one there.
 */
import { type CalendarDate, numericDate } from '../documents/dates';
import { academicYearOf, compareDates, reportingDatesOf } from '../monitoring/calendar';
import { STAGE_ITEMS, STAGE_NUMBERS } from '../documents/report-stage';
import { ROADMAP_STAGES } from '../domain/roadmap';

/** How a kind's period is chosen: a reporting date (15.11 / 15.06) or an academic year. */
export type PeriodKind = 'reportingDate' | 'academicYear';

export interface ReportKindInfo {
  /** Identity of the kind: the register's «Вид» is `name`, the template's key is `report-${key}`. */
  key: string;
  /** What the curator reads in the dialog and in «Документы». */
  name: string;
  /** The base of every title of this kind: the period follows it. */
  title: string;
  /** The roadmap rows («Дорожная карта», «№») the report evidences: its link is written there. */
  roadmap: readonly string[];
  period: PeriodKind;
  /** A covering letter to the recipient may go with it («с сопроводительным письмом»): the stage справки. */
  cover?: true;
}

export const REPORT_KINDS: readonly ReportKindInfo[] = [
  {
    key: 'effectiveness',
    name: 'Отчёт о реализации целевой модели наставничества (показатели эффективности)',
    title: 'Отчёт о реализации целевой модели наставничества',
    roadmap: ['7.3'],
    period: 'reportingDate',
  },
  {
    key: 'swot',
    name: 'SWOT-анализ программы наставничества',
    title: 'SWOT-анализ программы наставничества',
    roadmap: ['7.1'],
    period: 'academicYear',
  },
  {
    key: 'satisfaction',
    name: 'Отчёт об удовлетворённости участников и влиянии программы',
    title: 'Отчёт об удовлетворённости участников и влиянии программы наставничества',
    roadmap: ['7.2'],
    period: 'academicYear',
  },
  {
    key: 'best-mentors',
    name: 'Лучшие наставники (предложения к награждению)',
    title: 'Справка о лучших наставниках программы наставничества',
    roadmap: ['7.5'],
    period: 'academicYear',
  },
  // The monitoring справка of each stage for МКУ «УСР» (one template, report-stage.ts).
  ...STAGE_NUMBERS.map((n): ReportKindInfo => ({
    key: `stage-${n}`,
    name: `Справка по итогам мониторинга, этап ${n} «${ROADMAP_STAGES[n - 1]}»`,
    title: `Справка по итогам мониторинга реализации целевой модели наставничества, этап ${n}`,
    roadmap: [STAGE_ITEMS[n]],
    period: 'academicYear',
    cover: true,
  })),
  {
    key: 'order-lists',
    name: 'Приказ об утверждении списков наставников, наставляемых и форм наставничества',
    title: 'Приказ об утверждении списков наставников, наставляемых и форм наставничества',
    roadmap: ['1.2'],
    period: 'academicYear',
  },
  {
    key: 'cases',
    name: 'Банк кейсов (лучших практик наставничества)',
    title: 'Банк кейсов (лучших практик наставничества)',
    roadmap: ['7.6'],
    period: 'academicYear',
  },
];

export function reportKind(key: string): ReportKindInfo | null {
  return REPORT_KINDS.find((k) => k.key === key) ?? null;
}

export interface Period {
  /** '2027-06-15' for a reporting date, '2026' for the academic year 2026/2027. */
  key: string;
  /** «на 15.06.2027», «за 2026/2027 учебный год». */
  label: string;
  /** The reporting date; for an academic year, its last day (31 August). */
  date: CalendarDate;
  academicYear: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const yearText = (y: number) => `${y}/${y + 1}`;

function datePeriod(d: CalendarDate): Period {
  return { key: `${d.year}-${pad(d.month)}-${pad(d.day)}`, label: `на ${numericDate(d)}`, date: d, academicYear: academicYearOf(d) };
}

function yearPeriod(y: number): Period {
  return { key: String(y), label: `за ${yearText(y)} учебный год`, date: { year: y + 1, month: 8, day: 31 }, academicYear: y };
}

/**
 * The periods offered on `today`, newest first (the first is the default): the reporting dates
 * already reached in this academic year and the last one, or this academic year and the last one.
 */
export function periodsOf(kind: ReportKindInfo, today: CalendarDate): Period[] {
  const year = academicYearOf(today);
  if (kind.period === 'academicYear') return [yearPeriod(year), yearPeriod(year - 1)];
  return [...reportingDatesOf(year - 1), ...reportingDatesOf(year)]
    .filter((d) => compareDates(d, today) <= 0)
    .reverse()
    .map(datePeriod);
}

/** A period key from the dialog, checked against what is offered; null when it is not one of them. */
export function periodOf(kind: ReportKindInfo, today: CalendarDate, key: string | undefined): Period | null {
  const offered = periodsOf(kind, today);
  if (key === undefined || key === '') return offered[0] ?? null;
  return offered.find((p) => p.key === key) ?? null;
}

/** «Отчёт … на 15.06.2027»: the title of the first version, the base of the later ones. */
export const baseTitle = (kind: ReportKindInfo, period: Period) => `${kind.title} ${period.label}`;

/** The title of version N: the first has none, so a report made once reads as a plain document. */
export const versionTitle = (base: string, version: number) => (version > 1 ? `${base}, версия ${version}` : base);

/** What an earlier version is renamed to when version N is made: it stays, marked as replaced. */
export const replacedTitle = (title: string, version: number) => `${title} (заменён версией ${version})`;

const REPLACED = /\s*\(заменён версией \d+\)$/;

/** Whether a title is a version of this base, and which one (the first has no number). */
export function versionOf(base: string, title: string): { version: number; replaced: boolean } | null {
  const replaced = REPLACED.test(title);
  const own = title.replace(REPLACED, '');
  if (own === base) return { version: 1, replaced };
  const m = /^, версия (\d+)$/.exec(own.slice(base.length));
  return own.startsWith(base) && m ? { version: Number(m[1]), replaced } : null;
}

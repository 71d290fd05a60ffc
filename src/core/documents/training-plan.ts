import { CalendarDate } from './dates';
import { isDateCell, readCalendarDate } from './cell-date';

/** One theme of the «Школа наставников» (documents.md §3), as the sheet seeds it. */
export interface TrainingTheme {
  theme: string;
  form: string;
  hours: number;
}

/**
 * The default thematic plan: the seed of the sheet «Школа наставников». The curator edits the
 * sheet (dates, leaders, her own themes); orders read the sheet, not this list.
 */
export const TRAINING_PLAN: readonly TrainingTheme[] = [
  { theme: 'Роль наставника, этика наставничества', form: 'лекция', hours: 2 },
  { theme: 'Цикл встреч: знакомство, пробная встреча, планирование, регулярные и итоговая встречи', form: 'практикум', hours: 2 },
  { theme: 'Работа с запросом и целями наставляемого, индивидуальный план развития', form: 'тренинг', hours: 2 },
  { theme: 'Обратная связь и мотивация', form: 'тренинг', hours: 2 },
  { theme: 'Документы пары; персональные данные участников (152-ФЗ)', form: 'лекция', hours: 1 },
  { theme: 'Разбор кейсов наставничества', form: 'разбор кейсов', hours: 2 },
];

export interface TrainingPlanRow {
  theme: string;
  form: string;
  hours: number | null;
  date: CalendarDate | null;
  leader: string;
}

export interface TrainingPlan {
  rows: TrainingPlanRow[];
  /** In Russian, each naming the sheet's row, for the curator to fix. */
  problems: string[];
}

/** A sheet's cells as the plan reads them: a row number (as the curator sees it) and the values. */
export interface TrainingPlanCells {
  row: number;
  theme: unknown;
  form: unknown;
  hours: unknown;
  date: unknown;
  leader: unknown;
}

const SHEET_NAME = 'Школа наставников';

const text = (v: unknown) =>
  String(v ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The plan's rows as the curator filled them. A row without a theme is skipped (and said so if
 * it holds anything else); a date or hours that cannot be read are left empty and reported.
 * `dateOf` turns a cell's Date into the calendar day of the spreadsheet's time zone.
 */
export function parseTrainingPlan(cells: readonly TrainingPlanCells[], dateOf: (d: Date) => CalendarDate): TrainingPlan {
  const rows: TrainingPlanRow[] = [];
  const problems: string[] = [];
  const where = (row: number) => `«${SHEET_NAME}», строка ${row}`;
  for (const c of cells) {
    const theme = text(c.theme);
    const rest = [c.form, c.hours, c.date, c.leader].map((v) => (isDateCell(v) ? 'дата' : text(v)));
    if (!theme) {
      if (rest.some(Boolean)) problems.push(`${where(c.row)}: не указана тема — строка не включена в план.`);
      continue;
    }
    let hours: number | null = null;
    const hoursText = text(c.hours);
    if (typeof c.hours === 'number' && Number.isFinite(c.hours) && c.hours > 0) hours = c.hours;
    else if (/^\d+([.,]\d+)?$/.test(hoursText) && Number(hoursText.replace(',', '.')) > 0) hours = Number(hoursText.replace(',', '.'));
    else if (hoursText) problems.push(`${where(c.row)}: «Часы» — «${hoursText}» не число; часы темы оставлены пустыми.`);
    const read = readCalendarDate(c.date, dateOf);
    if (read === 'invalid') problems.push(`${where(c.row)}: «Дата» — «${text(c.date)}» не дата (нужно, например, 12.11.2026); дата темы оставлена пустой.`);
    const date = read === 'invalid' ? null : read;
    rows.push({ theme, form: text(c.form), hours, date, leader: text(c.leader) });
  }
  return { rows, problems };
}

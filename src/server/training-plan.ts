import { TrainingPlan, parseTrainingPlan } from '../core/documents/training-plan';
import { dayIn } from './register';
import { loadTable } from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The thematic plan of the «Школа наставников» as the curator keeps it on its sheet (one read).
 * Without the sheet (a workbook set up before it existed) the plan is empty and says why.
 */
export function readTrainingPlan(ss: Spreadsheet): TrainingPlan {
  const loaded = loadTable(ss, 'trainingPlan', false);
  if (!loaded) return { rows: [], problems: ['Нет листа «Школа наставников»: выполните «Настроить рабочую книгу» и заполните на нём даты и ведущих занятий.'] };
  const t = loaded.table;
  const cells = t.rows.map((_r, i) => ({ row: i + 2, theme: t.get(i, 'theme'), form: t.get(i, 'form'), hours: t.get(i, 'hours'), date: t.get(i, 'date'), leader: t.get(i, 'leader') }));
  return parseTrainingPlan(cells, dayIn(ss));
}

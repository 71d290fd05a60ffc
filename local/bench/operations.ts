import type { ScriptRunner } from '../emulator/runner';
import type { Workspace } from '../emulator/workspace';

/** One add-on operation measured at a given number of rows in the bases. */
export interface BenchOperation {
  name: string;
  /** Brings a fresh workspace to the state the operation starts from, with `rows` rows. */
  prepare(ws: Workspace, runner: ScriptRunner, rows: number): void;
  run(runner: ScriptRunner): unknown;
}

/** Fills a sheet's data rows straight into the model (fast, uncounted): the curator's years of data. */
export function fillRows(ws: Workspace, sheetName: string, rows: number, valueOf: (header: string, row: number) => unknown): void {
  const sheet = ws.spreadsheet.findSheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const width = sheet.lastColumn();
  const header = Array.from({ length: width }, (_v, c) => String(sheet.cell(1, c + 1)?.v ?? ''));
  const start = sheet.lastRow() + 1;
  sheet.maxRows = Math.max(sheet.maxRows, start + rows);
  for (let r = 0; r < rows; r++) {
    header.forEach((h, c) => {
      const v = valueOf(h, r);
      if (v !== '' && v !== undefined && v !== null) sheet.setCell(start + r, c + 1, { v: v as string | number | boolean | Date });
    });
  }
}

const personValue = (prefix: string) => (header: string, row: number): unknown => {
  switch (header) {
    case 'ID': return `${prefix}-${String(row + 1).padStart(5, '0')}`;
    case 'ФИО': return `Участник ${row + 1}`;
    case 'Возраст': return 7 + (row % 12);
    case 'Объединение': return `Объединение ${row % 12}`;
    case 'Запрос': return 'Подготовиться к конкурсу';
    case 'Интересы': return 'рисование, музыка';
    case 'Статус': return 'в базе';
    case 'Комментарий куратора': return row % 7 === 0 ? 'позвонить родителям' : '';
    default: return '';
  }
};

export const OPERATIONS: BenchOperation[] = [
  {
    name: 'onOpen',
    prepare(ws, runner, rows) {
      runner.call('setupWorkbook');
      fillRows(ws, 'Наставляемые', rows, personValue('НЯ'));
    },
    run: (runner) => runner.onOpen('LIMITED'),
  },
  {
    name: 'setupWorkbook (repair of a full workbook)',
    prepare(ws, runner, rows) {
      runner.call('setupWorkbook');
      fillRows(ws, 'Наставляемые', rows, personValue('НЯ'));
      fillRows(ws, 'Наставники', Math.ceil(rows / 4), personValue('НК'));
      fillRows(ws, 'Журнал', rows, (h, r) => (h === 'Действие' ? 'Импорт анкет' : h === 'Подробности' ? `запись ${r}` : ''));
    },
    run: (runner) => runner.call('setupWorkbook'),
  },
];

import { submitAsParticipant, ParticipantAnswer } from '../../local/emulator/forms/submit';
import { freshAddon, look } from './addon';
import type { ScriptRunner } from '../../local/emulator/runner';
import type { Workspace } from '../../local/emulator/workspace';

export type Outcome = { ok: boolean; message: string; [key: string]: unknown };

/** A workbook set up with the questionnaires created, as after the first day of stage 2. */
export function programme(options: { now?: string } = {}) {
  const { ws, runner } = freshAddon({ now: options.now ?? '2026-10-01T07:00:00Z' });
  runner.call('setupWorkbook');
  const created = runner.call('createQuestionnaires') as Outcome;
  return { ws, runner, created };
}

let minute = 0;

/** A participant fills a form; the linked sheet gets the row and (if installed) the trigger fires. */
export function submit(ws: Workspace, runner: ScriptRunner | null, form: string, answers: Record<string, ParticipantAnswer>) {
  minute += 1;
  const timestamp = new Date(Date.UTC(2026, 9, 2, 6, 0) + minute * 60000);
  const result = submitAsParticipant(ws, form, answers, { timestamp });
  if (runner && result.sheetEvent) runner.fireFormSubmit(result.sheetEvent);
  return result;
}

export const pupil = (name: string, extra: Record<string, ParticipantAnswer> = {}): Record<string, ParticipantAnswer> => ({
  'Кто вы?': 'обучающийся',
  'Фамилия, имя, отчество': name,
  'Класс (для обучающихся)': '7А',
  'Возраст, полных лет (для обучающихся)': '13',
  'Объединение (студия, кружок), в котором вы занимаетесь или работаете': 'Изостудия «Северное сияние»',
  'С чем вам нужна помощь наставника?': ['подготовка к конкурсу, олимпиаде, выставке'],
  'Расскажите о своём запросе подробнее': 'Хочу подготовиться к областной выставке',
  'Ваши интересы и увлечения': ['рисование и живопись', 'анимация'],
  'Какая форма наставничества вам подходит?': 'ученик – ученик',
  'Удобный формат встреч': 'очно',
  'Когда вам удобно встречаться?': { Понедельник: ['после 15:00'], Среда: ['после 15:00', '12:00–15:00'] },
  'Телефон или e-mail для связи': '+7 911 000-00-01',
  ...extra,
});

export const teacherMentee = (name: string, years: string): Record<string, ParticipantAnswer> => ({
  'Кто вы?': 'педагог (молодой специалист или новый сотрудник)',
  'Фамилия, имя, отчество': name,
  'Объединение (студия, кружок), в котором вы занимаетесь или работаете': 'Театральная студия «Маска»',
  'Педагогический стаж, полных лет': years,
  'С чем вам нужна помощь наставника в работе?': ['методика занятий'],
  'В какой форме наставничества вы хотели бы участвовать?': 'педагог – педагог',
  'Удобный формат встреч': 'очно',
  'Телефон или e-mail для связи': 'teacher@example.ru',
});

export const partnerMentor = (name: string, organisation: string): Record<string, ParticipantAnswer> => ({
  'Кто вы?': 'сотрудник организации-партнёра',
  'Фамилия, имя, отчество': name,
  'Организация (для сотрудников партнёров и студентов)': organisation,
  Должность: 'инженер',
  'Стаж работы, полных лет': '12',
  'В чём вы можете помочь наставляемому?': ['профориентация', 'робототехника'],
  'В каких формах наставничества вы готовы участвовать?': ['работодатель – ученик'],
  'Скольких наставляемых вы готовы сопровождать?': '2',
  'Удобный формат встреч': 'смешанный',
  'Готовы ли вы пройти обучение в «Школе наставников»?': 'готов (готова) пройти',
  'Телефон или e-mail для связи': 'engineer@example.ru',
});

export function table(ws: Workspace, sheet: string): Array<Record<string, unknown>> {
  return look(ws, (ss) => {
    const values = ss.getSheetByName(sheet)!.getDataRange().getValues();
    const [header, ...rows] = values;
    return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
  });
}

/** The curator edits cells of the row whose `key` column holds `value`, by header. */
export function setCells(ws: Workspace, sheetName: string, key: string, value: string, cells: Record<string, unknown>): void {
  look(ws, (ss) => {
    const sheet = ss.getSheetByName(sheetName)!;
    const [header, ...rows] = sheet.getDataRange().getValues();
    const row = rows.findIndex((r) => r[header.indexOf(key)] === value);
    if (row < 0) throw new Error(`no row ${key}=${value} on ${sheetName}`);
    for (const [h, v] of Object.entries(cells)) {
      const column = header.indexOf(h);
      if (column < 0) throw new Error(`no column ${h} on ${sheetName}`);
      sheet.getRange(row + 2, column + 1).setValue(v);
    }
  });
}

/** Rows typed under the last row of a sheet, by header. */
export function typeRows(ws: Workspace, sheetName: string, rows: Array<Record<string, unknown>>): void {
  look(ws, (ss) => {
    const sheet = ss.getSheetByName(sheetName)!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const start = sheet.getLastRow() + 1;
    rows.forEach((r, k) => {
      for (const [h, v] of Object.entries(r)) {
        const c = header.indexOf(h);
        if (c < 0) throw new Error(`no column ${h} on ${sheetName}`);
        sheet.getRange(start + k, c + 1).setValue(v);
      }
    });
  });
}

/** IDs of the approved and active pairs and groups («Пары и группы»; a group once, by its ID). */
export function unitIds(ws: Workspace): string[] {
  const out = new Set<string>();
  for (const r of table(ws, 'Пары и группы')) if (['утверждена', 'активна'].includes(String(r['Статус']))) out.add(String(r['Группа'] || r.ID));
  return [...out];
}

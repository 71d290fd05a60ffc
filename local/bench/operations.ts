import type { ScriptRunner } from '../emulator/runner';
import type { Workspace } from '../emulator/workspace';
import type { SheetModel } from '../emulator/sheets/model';
import { FEEDBACK_ITEMS } from '../../src/core/monitoring/items';
import { CODE_TITLE, PAIR_TITLE, ROLE_TITLE } from '../../src/core/questionnaires/monitoring-forms';

/** One add-on operation measured at a given number of rows in the bases. */
export interface BenchOperation {
  name: string;
  /** Brings a fresh workspace to the state the operation starts from, with `rows` rows. */
  prepare(ws: Workspace, runner: ScriptRunner, rows: number): void;
  run(runner: ScriptRunner): unknown;
  /** Why the run did not do what it measures (answers refused instead of imported), or null. */
  verify?(ws: Workspace, rows: number): string | null;
}

/** At most a few answers of `rows` may be refused (the bench plants some malformed ones). */
function imported(sheetName: string) {
  return (ws: Workspace, rows: number): string | null => {
    const got = Math.max(0, (ws.spreadsheet.findSheet(sheetName)?.lastRow() ?? 1) - 1);
    return got >= rows * 0.97 ? null : `«${sheetName}» has ${got} rows of ${rows} answers`;
  };
}

function header(sheet: SheetModel): string[] {
  return Array.from({ length: sheet.lastColumn() }, (_v, c) => String(sheet.cell(1, c + 1)?.v ?? ''));
}

/** Fills a sheet's data rows straight into the model (fast, uncounted): the curator's years of data. */
export function fillRows(ws: Workspace, sheetName: string, rows: number, valueOf: (header: string, row: number) => unknown): void {
  const sheet = ws.spreadsheet.findSheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  fillSheet(sheet, rows, valueOf);
}

function fillSheet(sheet: SheetModel, rows: number, valueOf: (header: string, row: number) => unknown): void {
  const titles = header(sheet);
  const start = sheet.lastRow() + 1;
  sheet.maxRows = Math.max(sheet.maxRows, start + rows);
  for (let r = 0; r < rows; r++) {
    titles.forEach((h, c) => {
      const v = valueOf(h, r);
      if (v !== '' && v !== undefined && v !== null) sheet.setCell(start + r, c + 1, { v: v as string | number | boolean | Date });
    });
  }
}

const ASSOCIATIONS = ['Изостудия', 'Робототехника', 'Театральная студия', 'Вокальная студия', 'Шахматный клуб', 'Фотостудия'];
const FORMS = ['педагог – ученик', 'ученик – ученик', 'работодатель – ученик', 'педагог – педагог'];

const personValue =
  (prefix: string) =>
  (h: string, row: number): unknown => {
    switch (h) {
      case 'ID':
        return `${prefix}-${String(row + 1).padStart(5, '0')}`;
      case 'ФИО':
        return `Участник ${prefix} ${row + 1}`;
      case 'Возраст':
        return 7 + (row % 12);
      case 'Объединение':
        return ASSOCIATIONS[row % ASSOCIATIONS.length];
      case 'Запрос':
        return 'Подготовиться к конкурсу';
      case 'Интересы':
        return row % 2 ? 'рисование и живопись, музыка и вокал' : 'робототехника';
      case 'Статус':
        return 'в базе';
      case 'Комментарий куратора':
        return row % 7 === 0 ? 'позвонить родителям' : '';
      default:
        return '';
    }
  };

/** A base ready for matching: consent given, forms spread, pupils of every class. */
const matchable =
  (prefix: string, mentor: boolean) =>
  (h: string, row: number): unknown => {
    const form = FORMS[row % FORMS.length];
    switch (h) {
      case 'Категория':
        return form === 'педагог – педагог' || (mentor && form !== 'ученик – ученик' && form !== 'работодатель – ученик')
          ? 'педагог'
          : mentor && form === 'работодатель – ученик'
            ? 'сотрудник партнёра'
            : 'обучающийся';
      case 'Класс / год обучения':
        return mentor ? '' : `${1 + (row % 8)}`;
      case 'Класс (для обучающихся)':
        return mentor && form === 'ученик – ученик' ? '10' : '';
      case 'Стаж, лет':
        return mentor ? 12 : form === 'педагог – педагог' ? 1 : '';
      case 'Желаемая форма':
        return form;
      case 'Формы наставничества':
        return form;
      case 'Организация':
        return mentor && form === 'работодатель – ученик' ? 'ООО «Партнёр»' : '';
      case 'Темы запроса':
        return 'подготовка к конкурсу, олимпиаде, выставке';
      case 'Компетенции':
        return row % 3 ? 'подготовка к конкурсу, олимпиаде, выставке, выбор профессии' : 'проект или исследование';
      case 'Готов взять наставляемых':
        return 5;
      case 'Формат встреч':
        return row % 3 ? 'очно' : 'смешанный';
      case 'Удобное время':
        return row % 2 ? 'пн после 15:00, ср после 15:00' : 'вт после 15:00';
      case 'Согласие':
        return 'есть';
      case 'Школа наставников':
        return 'обучен';
      default:
        return personValue(prefix)(h, row);
    }
  };

function responseSheet(ws: Workspace, question: string): SheetModel {
  const sheet = ws.spreadsheet.sheets.find((s) => s.formUrl && header(s).includes(question));
  if (!sheet) throw new Error(`no response sheet with ${question}`);
  return sheet;
}

/** Responses exactly as Google writes them: a Date, then answers as typed, checkboxes joined by ", ". */
function fillResponses(ws: Workspace, rows: number): void {
  const sheet = responseSheet(ws, 'С чем вам нужна помощь наставника?');
  const base = Date.UTC(2026, 9, 1, 6);
  fillSheet(sheet, rows, (h, r) => {
    switch (h) {
      case 'Отметка времени':
        return new Date(base + r * 60000);
      case 'Кто вы?':
        return 'обучающийся';
      case 'Фамилия, имя, отчество':
        return `Обучающийся ${r + 1}`;
      case 'Класс (для обучающихся)':
        return `${1 + (r % 11)}А`;
      case 'Возраст, полных лет (для обучающихся)':
        return 7 + (r % 11);
      case 'Объединение (студия, кружок), в котором вы занимаетесь или работаете':
        return ASSOCIATIONS[r % ASSOCIATIONS.length];
      case 'С чем вам нужна помощь наставника?':
        return 'подготовка к конкурсу, олимпиаде, выставке, выбор профессии';
      case 'Расскажите о своём запросе подробнее':
        return r % 50 === 0 ? '=HYPERLINK("x")' : 'Хочу подготовиться к выставке';
      case 'Ваши интересы и увлечения':
        return 'рисование и живопись, анимация';
      case 'Какая форма наставничества вам подходит?':
        return 'педагог – ученик';
      case 'Удобный формат встреч':
        return 'очно';
      case 'Когда вам удобно встречаться? [Понедельник]':
        return 'после 15:00';
      case 'Телефон или e-mail для связи':
        return `+7 911 000-${String(r % 10000).padStart(4, '0')}`;
      default:
        return '';
    }
  });
}

/** The clock when a year of answers is in: none of them is dated ahead of it. */
const AFTER_THE_YEAR = new Date('2027-06-01T07:00:00Z');
const KINDS = ['знакомство', 'пробная', 'планирование', 'регулярная', 'итоговая'];
/** One pair or group per ten meetings of the year: the scale of a district's programme. */
const pairsFor = (meetings: number) => Math.max(1, Math.ceil(meetings / 10));
const pairId = (r: number) => `ПА-${String(r + 1).padStart(5, '0')}`;
const mentorId = (r: number) => `НК-${String(r + 1).padStart(5, '0')}`;
const menteeId = (r: number) => `НЯ-${String(r + 1).padStart(5, '0')}`;
/** Pairs approved on 5 October, each mentor with consent: what the meeting and feedback forms refer to. */
function approvedPairs(ws: Workspace, pairs: number): void {
  fillRows(ws, 'Наставники', pairs, (h, r) => (h === 'ID' ? mentorId(r) : h === 'ФИО' ? `Наставник ${r + 1}` : h === 'Согласие' ? 'есть' : h === 'Статус' ? 'в паре' : ''));
  fillRows(ws, 'Наставляемые', pairs, (h, r) => (h === 'ID' ? menteeId(r) : h === 'ФИО' ? `Наставляемый ${r + 1}` : h === 'Согласие' ? 'есть' : h === 'Статус' ? 'в паре' : ''));
  // Consent as the curator records it: the import recomputes «Согласие» on the bases from this sheet.
  fillRows(ws, 'Согласия', 2 * pairs, (h, r) => {
    const person = r % 2 ? mentorId(Math.floor(r / 2)) : menteeId(Math.floor(r / 2));
    if (h === 'ID') return `СГ-${String(r + 1).padStart(5, '0')}`;
    if (h === 'ID участника') return person;
    if (h === 'ФИО участника') return `Участник ${person}`;
    if (h === 'Подписант') return 'участник';
    if (h === 'ФИО подписанта') return `Участник ${person}`;
    if (h === 'Дата согласия') return new Date(Date.UTC(2026, 8, 20));
    return h === 'Обработка ПДн' ? 'да' : h === 'Распространение (публикация)' ? 'нет' : '';
  });
  fillRows(ws, 'Пары и группы', pairs, (h, r) => {
    switch (h) {
      case 'ID':
        return pairId(r);
      case 'ID наставника':
        return mentorId(r);
      case 'ID наставляемого':
        return menteeId(r);
      case 'Форма':
        return FORMS[r % FORMS.length];
      case 'Статус':
        return 'утверждена';
      case 'Дата начала':
        return new Date(Date.UTC(2026, 9, 5, 0));
      default:
        return '';
    }
  });
}

/** A year of meeting reports as the form writes them, a few of them malformed (refused, not lost). */
function fillMeetingReports(ws: Workspace, rows: number): void {
  const pairs = pairsFor(rows);
  const sheet = responseSheet(ws, 'Что сделали на встрече');
  const base = Date.UTC(2026, 9, 6, 6);
  fillSheet(sheet, rows, (h, r) => {
    const pair = r % pairs;
    const week = Math.floor(r / pairs);
    switch (h) {
      case 'Отметка времени':
        return new Date(base + r * 60000);
      case 'Код наставника':
        return mentorId(pair);
      case 'Пара или группа':
        return r % 97 === 0 ? 'ПА-99999' : pairId(pair);
      case 'Вид встречи':
        return KINDS[Math.min(week, 3)];
      case 'Дата встречи':
        return new Date(Date.UTC(2026, 9, 6 + (week % 50), 0));
      case 'Длительность, минут':
        return 45;
      case 'Формат':
        return 'очно';
      case 'Что сделали на встрече':
        return r % 50 === 0 ? '=HYPERLINK("x")' : `Встреча ${week + 1}: разобрали задание`;
      default:
        return '';
    }
  });
}

/** A year of monthly feedback through the personal links: code, pair and role as the link fills them. */
function fillFeedbackAnswers(ws: Workspace, rows: number): void {
  const pairs = pairsFor(rows);
  // Several forms ask for the code; only the feedback form asks this.
  const sheet = responseSheet(ws, FEEDBACK_ITEMS[0].text);
  // Each round everyone answers once, a round a day: the same answer twice in a day would be one.
  const people = 2 * pairs;
  const base = Date.UTC(2026, 9, 6, 6);
  const rated = new Map(FEEDBACK_ITEMS.map((item) => [item.text, item]));
  fillSheet(sheet, rows, (h, r) => {
    const k = r % people;
    const pair = k % pairs;
    const mentor = k >= pairs;
    if (h === 'Отметка времени') return new Date(base + Math.floor(r / people) * 86400000 + k * 1000);
    if (h === CODE_TITLE) return mentor ? mentorId(pair) : menteeId(pair);
    if (h === PAIR_TITLE) return r % 89 === 0 ? 'ПА-99999' : pairId(pair);
    if (h === ROLE_TITLE) return mentor ? 'наставник' : 'наставляемый';
    const item = rated.get(h);
    if (!item) return '';
    if (item.kind === 'scale') return 5 + (r % 6);
    return r % 40 === 0 ? '=HYPERLINK("x")' : r % 3 === 0 ? 'Всё понравилось' : '';
  });
}

/** A year of meetings and feedback for `pairs` pairs, straight into the sheets, and «Мониторинг» refreshed. */
function yearOfWork(ws: Workspace, runner: ScriptRunner | null, pairs: number, rows: number): void {
  fillRows(ws, 'Встречи', rows, (h, r) => {
    const week = Math.floor(r / pairs);
    if (h === 'ID') return `ВС-${String(r + 1).padStart(5, '0')}`;
    if (h === 'Пара / группа') return pairId(r % pairs);
    if (h === 'Дата') return new Date(Date.UTC(2026, 9, 6 + (week % 50), 0));
    if (h === 'Тип встречи') return KINDS[Math.min(week, 3)];
    return h === 'Длительность, мин' ? 45 : '';
  });
  fillRows(ws, 'Обратная связь', rows, (h, r) => {
    const pair = r % pairs;
    if (h === 'ID') return `ОС-${String(r + 1).padStart(5, '0')}`;
    if (h === 'Дата') return new Date(Date.UTC(2026, 10 + (Math.floor(r / pairs) % 6), 1, 0));
    if (h === 'Пара / группа') return pairId(pair);
    if (h === 'ID участника') return r % 2 ? mentorId(pair) : menteeId(pair);
    if (h === 'Роль') return r % 2 ? 'наставник' : 'наставляемый';
    // A few ratings a person typed by hand outside the scale: left out, never averaged.
    if (h.endsWith('(1–10)')) return r % 113 === 0 ? 12 : 5 + (r % 6);
    return '';
  });
  if (runner) runner.call('refreshMonitoring');
}

/** The Docs and Drive calls of a run: what must not grow with the pairs (one insert per table). */
export const docsCallsOf = (calls: Record<string, number>) =>
  Object.entries(calls)
    .filter(([k]) => /^(Docs|Document|Body|Table|Paragraph|Text|Drive)/.test(k))
    .reduce((a, [, n]) => a + n, 0);

/** The report's Doc exists: a figure for a run that made no Doc would measure nothing. */
const reportMade = (title: string) => (ws: Workspace) => (ws.drive.byMime('application/vnd.google-apps.document').some((d) => !d.trashed && d.name.startsWith(title)) ? null : `no Doc «${title}…»`);

/** «Сформировать отчёт…» for one kind, with `rows` approved pairs and a year of their work. */
function reportOperation(kind: string, period: string, title: string): BenchOperation {
  return {
    name: `generateReport ${kind} (pairs = rows)`,
    prepare(ws, runner, rows) {
      ws.now = () => new Date('2027-06-16T07:00:00Z');
      runner.call('setupWorkbook');
      approvedPairs(ws, rows);
      yearOfWork(ws, runner, rows, rows);
    },
    run: (runner) => runner.call('generateReport', [kind, { period }]),
    verify: reportMade(title),
  };
}

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
  {
    name: 'importResponses (all responses new)',
    prepare(ws, runner, rows) {
      runner.call('setupWorkbook');
      runner.call('createQuestionnaires');
      fillResponses(ws, rows);
    },
    run: (runner) => runner.call('importResponses'),
  },
  {
    name: 'importResponses (nothing new)',
    prepare(ws, runner, rows) {
      runner.call('setupWorkbook');
      runner.call('createQuestionnaires');
      fillResponses(ws, rows);
      runner.call('importResponses');
    },
    run: (runner) => runner.call('importResponses'),
  },
  {
    name: 'computeMatches (mentors = rows / 10)',
    prepare(ws, runner, rows) {
      runner.call('setupWorkbook');
      fillRows(ws, 'Партнёры', 1, (h) => (h === 'Организация' ? 'ООО «Партнёр»' : h === 'Соглашение (№, дата)' ? '№ 1 от 01.09.2026' : h === 'ID' ? 'ПР-0001' : ''));
      fillRows(ws, 'Наставляемые', rows, matchable('НЯ', false));
      fillRows(ws, 'Наставники', Math.max(4, Math.ceil(rows / 10)), matchable('НК', true));
    },
    run: (runner) => runner.call('computeMatches'),
  },
  {
    name: 'importResponses (meeting reports, pairs = rows / 10)',
    prepare(ws, runner, rows) {
      ws.now = () => AFTER_THE_YEAR;
      runner.call('setupWorkbook');
      runner.call('createQuestionnaires');
      approvedPairs(ws, pairsFor(rows));
      fillMeetingReports(ws, rows);
    },
    run: (runner) => runner.call('importResponses'),
    verify: imported('Встречи'),
  },
  {
    name: 'refreshMonitoring (meetings and feedback = rows, pairs = rows / 10)',
    prepare(ws, runner, rows) {
      ws.now = () => AFTER_THE_YEAR;
      runner.call('setupWorkbook');
      const pairs = pairsFor(rows);
      approvedPairs(ws, pairs);
      yearOfWork(ws, null, pairs, rows);
    },
    run: (runner) => runner.call('refreshMonitoring'),
  },
  {
    name: 'importResponses (monthly feedback, pairs = rows / 10)',
    prepare(ws, runner, rows) {
      ws.now = () => AFTER_THE_YEAR;
      runner.call('setupWorkbook');
      runner.call('createQuestionnaires');
      approvedPairs(ws, pairsFor(rows));
      fillFeedbackAnswers(ws, rows);
    },
    run: (runner) => runner.call('importResponses'),
    verify: imported('Обратная связь'),
  },
  {
    // Thousands of pairs, not only thousands of answers: what found the search per pair.
    name: 'refreshMonitoring (pairs = rows, a meeting and a feedback each)',
    prepare(ws, runner, rows) {
      ws.now = () => AFTER_THE_YEAR;
      runner.call('setupWorkbook');
      approvedPairs(ws, rows);
      yearOfWork(ws, null, rows, rows);
    },
    run: (runner) => runner.call('refreshMonitoring'),
  },
  {
    name: 'refreshRoadmap (pairs = rows, a meeting and a feedback each)',
    prepare(ws, runner, rows) {
      ws.now = () => AFTER_THE_YEAR;
      runner.call('setupWorkbook');
      approvedPairs(ws, rows);
      yearOfWork(ws, null, rows, rows);
    },
    run: (runner) => runner.call('refreshRoadmap'),
  },
  {
    name: 'dashboardData (pairs = rows, a meeting and a feedback each)',
    prepare(ws, runner, rows) {
      ws.now = () => AFTER_THE_YEAR;
      runner.call('setupWorkbook');
      approvedPairs(ws, rows);
      yearOfWork(ws, null, rows, rows);
    },
    run: (runner) => runner.call('dashboardData'),
  },
  reportOperation('effectiveness', '2027-06-15', 'Отчёт о реализации целевой модели наставничества'),
  reportOperation('satisfaction', '2026', 'Отчёт об удовлетворённости участников'),
  reportOperation('stage-6', '2026', 'Справка по итогам мониторинга'),
  reportOperation('order-lists', '2026', 'Приказ об утверждении списков'),
  reportOperation('best-mentors', '2026', 'Справка о лучших наставниках'),
  reportOperation('cases', '2026', 'Банк кейсов'),
];

import { CalendarDate, numericDate, yearEnd } from '../core/documents/dates';
import { parseDateText, readCalendarDate } from '../core/documents/cell-date';
import { compareDates } from '../core/monitoring/calendar';
import { BaseTable } from '../core/intake/table';
import { PAIRS, plural } from '../core/language';
import { SETTINGS } from '../core/settings';
import { sheetDef } from '../core/workbook/sheets';
import { runAction, toast } from './curator';
import { CuratorError } from './errors';
import { drive, programmeFolderId } from './drive';
import { dayOfIn } from './import';
import { plainObject } from './matching';
import { Progress } from './progress';
import { recordDocument } from './register';
import { refreshRoadmapRows } from './roadmap';
import { loadSettings } from './settings';
import { ensureSheet } from './setup';
import { loadTable, saveTable } from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const NEW_YEAR_MENU = 'Начать новый учебный год…';
const TITLE = 'Новый учебный год';
const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
/** The kind in «Документы»: the archive is found there by it. */
export const ARCHIVE_KIND = 'Архив учебного года';

/**
 * What happens to each sheet when a year ends. Everything of the year is first in the archive
 * copy; the live workbook keeps what the next year builds on.
 * - clear: last year's rows go (the archive has them);
 * - reset: rows stay, last year's statuses and dates go (see resetBases, resetRoadmap);
 * - keep: untouched.
 */
export const YEAR_RULES: ReadonlyArray<{ key: string; rule: 'clear' | 'reset' | 'keep'; why: string }> = [
  { key: 'pairs', rule: 'clear', why: 'пары утверждаются приказом на каждый учебный год; пара прошлого года остаётся в «Прежний наставник (ID)» и предлагается подбором первой' },
  { key: 'meetings', rule: 'clear', why: 'встречи прошлого года — в архиве' },
  { key: 'feedback', rule: 'clear', why: 'обратная связь собирается заново каждый месяц' },
  { key: 'diagnostics', rule: 'clear', why: 'входная и итоговая диагностика — своя в каждом году' },
  { key: 'surveys', rule: 'clear', why: 'майский опрос и SWOT — свои в каждом году' },
  { key: 'surveyLinks', rule: 'clear', why: 'личные ссылки называли пары прошлого года' },
  { key: 'monitoring', rule: 'clear', why: 'мониторинг пересчитывается пунктом «Обновить мониторинг»' },
  { key: 'preferences', rule: 'clear', why: 'выбор после групповой встречи делается заново' },
  { key: 'mentees', rule: 'reset', why: 'база остаётся; статусы «в паре», «без пары», «завершил(а)» → «в базе», наставник → «Прежний наставник (ID)»' },
  { key: 'mentors', rule: 'reset', why: 'база остаётся; статус → «в базе», «Школа наставников» сохраняется, ссылки для отчётов о встречах — заново' },
  { key: 'roadmap', rule: 'reset', why: 'статусы → «не начато», «Основание», «Документ», даты выполнения и свои сроки прошлого года очищены' },
  { key: 'settings', rule: 'reset', why: '«Учебный год» — следующий' },
  { key: 'partners', rule: 'keep', why: 'база партнёров и соглашения' },
  { key: 'programmes', rule: 'keep', why: 'база программ' },
  { key: 'consents', rule: 'keep', why: 'согласия действуют до отзыва' },
  { key: 'groupMembers', rule: 'keep', why: 'отметки целевых групп' },
  { key: 'documents', rule: 'keep', why: 'реестр документов — вместе со ссылкой на архив' },
  { key: 'importErrors', rule: 'keep', why: 'неразобранные замечания импорта' },
  { key: 'log', rule: 'keep', why: 'журнал действий' },
];

const CLEARED = YEAR_RULES.filter((r) => r.rule === 'clear').map((r) => r.key);

/** Pair statuses of a pair that worked this year (the others never started). */
const WORKED = ['утверждена', 'активна', 'завершена'];
const RUNNING = ['утверждена', 'активна'];
/** A person's status that means «was in this year's round»: back to the base for the next one. */
const BACK_TO_BASE = ['в паре', 'без пары', 'завершил(а)'];

type Stage = 'planned' | 'copying' | 'archived' | 'filed' | 'registered' | 'bases' | 'cleared' | 'year' | 'roadmap';
const ORDER: Stage[] = ['planned', 'copying', 'archived', 'filed', 'registered', 'bases', 'cleared', 'year', 'roadmap'];
const past = (stage: Stage, step: Stage) => ORDER.indexOf(stage) >= ORDER.indexOf(step);

interface NewYearRun {
  v: 1;
  from: string;
  to: string;
  stage: Stage;
  archive: { id: string; url: string; name: string } | null;
  /** What the summary counts, fixed when the bases were reset (a re-run must say the same). */
  counted?: { previous: number; mentees: number; mentors: number; rows: Record<string, number> };
}

const RECORD = 'newYearRun';
/** The last year started and its summary: a second click in the same year only repeats it. */
const LAST = 'newYearLast';

export interface NewYearOptions {
  /** The curator has read what will happen (the dialog, or a caller that showed its own). */
  confirmed: boolean;
  /** Start although pairs are still at work (the curator confirmed the warning). */
  force: boolean;
}

function optionsOf(value: unknown): NewYearOptions {
  // A menu click may pass Google's event object: only a plain request with these keys counts.
  if (!plainObject(value)) return { confirmed: false, force: false };
  return { confirmed: value.confirmed === true, force: value.force === true };
}

/** «2026/2027» → [2026, 2027]; anything else is a clear refusal. */
function parseYear(text: string): [number, number] {
  const m = /^\s*(\d{4})\s*[/\-–—]\s*(\d{4})\s*$/.exec(text);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) {
    throw new CuratorError(`В «Настройках» в строке «Учебный год» должно быть, например, 2026/2027 (сейчас: «${text || 'пусто'}»). Исправьте и повторите.`);
  }
  return [Number(m[1]), Number(m[2])];
}

const nextYear = (from: string) => {
  const [a, b] = parseYear(from);
  return `${a + 1}/${b + 1}`;
};

const cell = (t: BaseTable, i: number, key: string) => String(t.get(i, key) ?? '').trim();

function today(ss: Spreadsheet): CalendarDate {
  return dayOfIn(ss.getSpreadsheetTimeZone())(new Date());
}

/** Pairs still at work today: approved or active, before their end date (or the year's end, 31 May). */
function runningPairs(ss: Spreadsheet, pairs: BaseTable, year: string, pairsEnd: string, now: CalendarDate): { count: number; until: CalendarDate | null } {
  const dateOf = dayOfIn(ss.getSpreadsheetTimeZone());
  const fallback = parseDateText(pairsEnd) ?? yearEnd(year, now);
  let count = 0;
  let until: CalendarDate | null = null;
  pairs.rows.forEach((_r, i) => {
    if (!RUNNING.includes(cell(pairs, i, 'status'))) return;
    const read = readCalendarDate(pairs.get(i, 'end'), dateOf);
    const end = read && read !== 'invalid' ? read : fallback;
    if (compareDates(now, end) >= 0) return;
    count++;
    if (!until || compareDates(end, until) > 0) until = end;
  });
  return { count, until };
}

/** The rows the archive would keep: none means there is no year to archive. */
function rowsOfYear(ss: Spreadsheet): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of CLEARED) {
    const sheet = ss.getSheetByName(sheetDef(key).name);
    out[key] = sheet ? Math.max(0, sheet.getLastRow() - 1) : 0;
  }
  return out;
}

const unfinishedText = (n: number, until: CalendarDate | null) =>
  `Учебный год ещё не закончен: ${plural(n, PAIRS)} в работе${until ? ` до ${numericDate(until)}` : ''}. Дождитесь окончания работы пар или подтвердите начало нового года вопреки этому (в диалоге — «Да»).`;

/** The dialog's text: what will happen, in the curator's words. */
function dialogText(from: string, to: string, archiveName: string, unfinished: string): string {
  return [
    unfinished ? `⚠ ${unfinished}\n` : '',
    `Будет начат учебный год ${to}. Что произойдёт:`,
    `1. Вся таблица за ${from} будет скопирована в папку программы на Диске: «${archiveName}» — ничего не потеряется.`,
    '2. Будут очищены листы года: «Пары и группы», «Встречи», «Обратная связь», «Диагностика», «Опросы», «Ссылки на анкеты», «Мониторинг», «Предпочтения».',
    '3. Базы наставников, наставляемых, партнёров, программ и согласия останутся. Статусы «в паре», «без пары», «завершил(а)» станут «в базе» («выбыл(а)» — без изменений); обучение в «Школе наставников» сохранится.',
    '4. Наставник прошлого года запишется наставляемому в «Прежний наставник (ID)»: подбор предложит продолжить с тем же наставником.',
    `5. «Дорожная карта» начнётся заново (статусы «не начато», сроки — на ${to}); «Учебный год» в «Настройках» станет ${to}.`,
    '',
    'Начать новый учебный год?',
  ].join('\n');
}

const archiveName = (short: string, year: string) => `Архив — ${short || 'наставничество'} — ${year}`;

/**
 * Menu «Начать новый учебный год…». From the menu it first asks (outside the lock: a dialog
 * suspends the script); a caller that asked already passes `{confirmed: true}` (and `force: true`
 * to start while pairs are still at work).
 */
export function startNewYear(options?: unknown) {
  let opts = optionsOf(options);
  if (!opts.confirmed) {
    const asked = ask();
    if (!asked) {
      const message = 'Новый учебный год не начат: ничего не изменено.';
      try {
        toast(message, TITLE);
      } catch (_error) {
        // No Ui: the outcome carries the message.
      }
      return { ok: false as const, message };
    }
    opts = asked;
  }
  return runAction(TITLE, () => startNewYearNow(opts));
}

/** The confirmation dialog; null when the curator declined (or there is no one to ask). */
function ask(): NewYearOptions | null {
  const ss = SpreadsheetApp.getActive();
  let text: string;
  let unfinished = false;
  try {
    const { settings } = loadSettings(ss);
    const from = String(settings.academicYear ?? '').trim();
    const to = nextYear(from);
    const pairs = loadTable(ss, 'pairs', false);
    const running = pairs ? runningPairs(ss, pairs.table, from, String(settings.pairsEnd ?? ''), today(ss)) : { count: 0, until: null };
    unfinished = running.count > 0;
    text = dialogText(from, to, archiveName(String(settings.orgShortName ?? ''), from), unfinished ? unfinishedText(running.count, running.until) : '');
  } catch (_error) {
    // The action itself will say what is wrong (an unreadable year, a missing sheet).
    text = 'Будет начат следующий учебный год: таблица будет скопирована в архив, листы года очищены, статусы сброшены. Начать?';
  }
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(NEW_YEAR_MENU.replace('…', ''), text, ui.ButtonSet.YES_NO);
  return answer === ui.Button.YES ? { confirmed: true, force: unfinished } : null;
}

/**
 * The new academic year, in steps a re-run picks up after a failure at any call: the archive
 * copy (its id recorded the moment it exists, found again by name if the record was lost), the
 * copy filed in the programme folder and in «Документы»; only then the bases reset, the roadmap
 * reset, the year's sheets cleared and «Учебный год» moved on.
 */
export function startNewYearNow(opts: NewYearOptions): { message: string; archiveUrl: string; year: string } {
  const ss = SpreadsheetApp.getActive();
  const props = PropertiesService.getDocumentProperties();
  const store = new Progress<NewYearRun>(props, RECORD);
  const { settings } = loadSettings(ss);
  const current = String(settings.academicYear ?? '').trim();
  let run = store.value && store.value.v === 1 ? store.value : null;

  if (!run) {
    const last = props.getProperty(LAST);
    const done = last ? (JSON.parse(last) as { year: string; message: string; url: string }) : null;
    if (done && done.year === current) {
      return { message: `Учебный год ${current} уже начат, повторно ничего не сделано. ${done.message}`, archiveUrl: done.url, year: current };
    }
    const to = nextYear(current);
    const rows = rowsOfYear(ss);
    if (!Object.values(rows).some((n) => n > 0)) {
      throw new CuratorError(`Архивировать нечего: в листах года (пары, встречи, обратная связь, диагностика, опросы, мониторинг) нет ни одной строки за ${current}. Новый учебный год не начат.`);
    }
    const pairs = loadTable(ss, 'pairs');
    const running = runningPairs(ss, pairs!.table, current, String(settings.pairsEnd ?? ''), today(ss));
    if (running.count && !opts.force) throw new CuratorError(unfinishedText(running.count, running.until));
    run = { v: 1, from: current, to, stage: 'planned', archive: null };
    store.save(run);
  }
  const record = run;
  const step = (stage: Stage) => {
    record.stage = stage;
    store.saveSurely(record);
  };

  // 1. The archive: a copy of the whole spreadsheet, recorded before anything else happens.
  if (!record.archive) {
    const name = archiveName(String(settings.orgShortName ?? ''), record.from);
    let id = record.stage === 'copying' ? findByName(name) : null;
    let url = id ? `https://docs.google.com/spreadsheets/d/${id}/edit` : '';
    if (!id) {
      step('copying');
      const copy = ss.copy(name);
      id = copy.getId();
      url = copy.getUrl();
    }
    record.archive = { id, url, name };
    step('archived');
  }
  const archive = record.archive;
  if (!past(record.stage, 'filed')) {
    fileInFolder(archive.id);
    step('filed');
  }
  if (!past(record.stage, 'registered')) {
    recordDocument(ss, { id: archive.id, kind: ARCHIVE_KIND, title: archive.name, url: archive.url, created: new Date() });
    step('registered');
  }

  // 2. The live workbook, only now that the archive exists.
  if (!past(record.stage, 'bases')) {
    // Counted before anything is written: a re-run after a partial save must report the same.
    const rows = record.counted?.rows ?? rowsOfYear(ss);
    resetBases(ss, (counts) => {
      if (record.counted) return;
      record.counted = { ...counts, rows };
      store.saveSurely(record);
    });
    step('bases');
  }
  if (!past(record.stage, 'cleared')) {
    clearYearSheets(ss);
    step('cleared');
  }
  if (!past(record.stage, 'year')) {
    moveYear(ss, record.to);
    step('year');
  }
  if (!past(record.stage, 'roadmap')) {
    // One step: a re-run after a failure midway resets again, so the tracker writes exactly what a clean run does.
    resetRoadmap(ss);
    refreshRoadmapRows(ss, newYearDay(ss, record.to));
    step('roadmap');
  }

  const counted = record.counted ?? { previous: 0, mentees: 0, mentors: 0, rows: {} };
  const cleared = CLEARED.filter((k) => (counted.rows[k] ?? 0) > 0)
    .map((k) => `«${sheetDef(k).name}» — ${counted.rows[k]}`)
    .join(', ');
  const message = [
    `Начат учебный год ${record.to}.`,
    `Архив ${record.from}: «${archive.name}» в папке программы — ${archive.url}.`,
    cleared ? `Очищены листы года (строк): ${cleared}.` : '',
    `Статусы сброшены на «в базе»: наставляемых — ${counted.mentees}, наставников — ${counted.mentors}; «Школа наставников» сохранена.`,
    counted.previous ? `«Прежний наставник (ID)» заполнен у ${plural(counted.previous, ['наставляемого', 'наставляемых', 'наставляемых'])}: подбор предложит продолжить с тем же наставником.` : '',
    'Перед подбором отметьте «выбыл(а)» тех, кто ушёл из программы (например, выпускников).',
    `«Дорожная карта» начата заново: статусы «не начато», сроки — на ${record.to} учебный год.`,
  ]
    .filter(Boolean)
    .join(' ');
  props.setProperty(LAST, JSON.stringify({ year: record.to, message, url: archive.url }));
  store.clear();
  return { message, archiveUrl: archive.url, year: record.to };
}

/**
 * The day the roadmap is computed for: today, or 1 September of the new year while it has not
 * begun (the curator starts it in June), so the deadlines and evidence are the new year's.
 */
function newYearDay(ss: Spreadsheet, to: string): Date {
  const [first] = parseYear(to);
  const start = { year: first, month: 9, day: 1 };
  // Noon UTC is that same calendar day in every zone the spreadsheet can have.
  return compareDates(today(ss), start) < 0 ? new Date(Date.UTC(first, 8, 1, 12)) : new Date();
}

/** The archive made by a run that failed before recording its id, found by its exact name. */
function findByName(name: string): string | null {
  const quoted = name.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  // A failure here fails the run (a re-run asks again): never a second copy for want of an answer.
  const list = drive().Files!.list({ q: `name = '${quoted}' and mimeType = '${SPREADSHEET_MIME}' and trashed = false`, fields: 'files(id)', pageSize: 5 });
  return (list.files ?? []).map((f) => f.id ?? '').find((id) => id !== '') ?? null;
}

/** Into the programme folder (the copy is made in the root of My Drive). */
function fileInFolder(id: string): void {
  const folderId = programmeFolderId();
  const file = drive().Files!.get(id, { fields: 'parents' }) as { parents?: string[] };
  const parents = file.parents ?? [];
  if (parents.includes(folderId)) return;
  const move: { addParents: string; removeParents?: string } = { addParents: folderId };
  if (parents.length) move.removeParents = parents.join(',');
  drive().Files!.update({}, id, null as unknown as GoogleAppsScript.Base.Blob, move);
}

/** Each mentee's mentor of this year: the last pair that worked and did not break up early. */
function previousMentors(pairs: BaseTable): Map<string, string> {
  const out = new Map<string, string>();
  pairs.rows.forEach((_r, i) => {
    if (!WORKED.includes(cell(pairs, i, 'status')) || cell(pairs, i, 'endReason')) return;
    const mentee = cell(pairs, i, 'menteeId');
    const mentor = cell(pairs, i, 'mentorId');
    if (mentee && mentor) out.set(mentee, mentor);
  });
  return out;
}

/** The bases stay; last year's statuses, partners and links go (see YEAR_RULES). */
function resetBases(ss: Spreadsheet, remember: (counts: { previous: number; mentees: number; mentors: number }) => void): void {
  const previous = previousMentors(loadTable(ss, 'pairs')!.table);
  // A workbook set up before the column existed gets it first.
  ensureSheet(ss, sheetDef('mentees'));
  const mentees = loadTable(ss, 'mentees')!;
  const mentors = loadTable(ss, 'mentors')!;
  const m = mentees.table;
  let menteesBack = 0;
  m.rows.forEach((_r, i) => {
    const id = cell(m, i, 'id');
    if (!id) return;
    const was = previous.get(id) ?? '';
    if (cell(m, i, 'previousMentor') !== was) m.set(i, 'previousMentor', was);
    if (BACK_TO_BASE.includes(cell(m, i, 'status'))) {
      m.set(i, 'status', 'в базе');
      menteesBack++;
    }
    for (const key of ['mentor', 'matchNote', 'start', 'end']) if (cell(m, i, key)) m.set(i, key, '');
  });
  const t = mentors.table;
  let mentorsBack = 0;
  t.rows.forEach((_r, i) => {
    if (!cell(t, i, 'id')) return;
    if (BACK_TO_BASE.includes(cell(t, i, 'status'))) {
      t.set(i, 'status', 'в базе');
      mentorsBack++;
    }
    // The list of mentees and the personal links named last year's pairs.
    for (const key of ['mentees', 'meetingLink', 'linkSent']) if (cell(t, i, key)) t.set(i, key, '');
  });
  remember({ previous: [...previous.keys()].filter((id) => m.find('id', id).length).length, mentees: menteesBack, mentors: mentorsBack });
  saveTable(mentees);
  saveTable(mentors);
}

/** Every activity starts again: «не начато», no evidence, no document, no dates of last year. */
function resetRoadmap(ss: Spreadsheet): void {
  const roadmap = loadTable(ss, 'roadmap')!;
  const t = roadmap.table;
  t.rows.forEach((_r, i) => {
    if (!cell(t, i, 'number')) return;
    if (cell(t, i, 'status') !== 'не начато') t.set(i, 'status', 'не начато');
    // «Срок (дата)» goes too: the tracker computes it for the new year right after.
    for (const key of ['evidence', 'document', 'doneOn', 'dueOverride', 'due']) if (cell(t, i, key)) t.set(i, key, '');
  });
  saveTable(roadmap);
}

/** The year's sheets lose their rows (headers, formats and rules stay); one call per sheet. */
function clearYearSheets(ss: Spreadsheet): void {
  for (const key of CLEARED) {
    const sheet = ss.getSheetByName(sheetDef(key).name);
    if (!sheet) continue;
    const last = sheet.getLastRow();
    const width = sheet.getLastColumn();
    if (last > 1 && width > 0) sheet.getRange(2, 1, last - 1, width).clearContent();
  }
}

/** «Учебный год» in «Настройках» becomes the new one. */
function moveYear(ss: Spreadsheet, to: string): void {
  const settings = loadTable(ss, 'settings')!;
  const label = SETTINGS.find((s) => s.key === 'academicYear')!.label;
  const t = settings.table;
  const row = t.rows.findIndex((_r, i) => cell(t, i, 'label') === label);
  if (row < 0) throw new CuratorError('В «Настройках» нет строки «Учебный год»: выберите «Настроить рабочую книгу» и повторите.');
  t.set(row, 'value', to);
  saveTable(settings);
}

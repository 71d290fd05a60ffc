/**
 * Menu «Выгрузка для платформы «Наставник»» (roadmap 7.4): the participants with a valid consent
 * and their pairs, as the sheet «Выгрузка «Наставник»» (rewritten whole each run) and as one CSV
 * file in the programme folder, updated in place on every run. The columns and their order are the
 * curator's, in «Настройки».
 */
import { toCsv } from '../core/export/csv';
import { DayCell, PLATFORM_FILE, PLATFORM_MIME, PLATFORM_SHEET, PlatformPair, PlatformPerson, PlatformRole, exportable, parseColumns, platformRows, platformTable } from '../core/export/platform';
import { EXPORT_TEXT } from '../core/export/strings';
import { ConsentIndex, consentOf, indexConsents, isMinor, readConsents } from '../core/intake/consent';
import { BaseTable } from '../core/intake/table';
import { RU } from '../core/strings';
import { CuratorError, runAction } from './curator';
import { withRoadmap } from './roadmap';
import { drive, filesNamed, programmeFolderId } from './drive';
import { alive, trash } from './templates';
import { loadSettings } from './settings';
import { loadTable, writeCells } from './tables';

/** Document property: the CSV file's id, recorded before anything is written into it. */
const FILE_PROPERTY = 'platformExportFile';

export interface PlatformExportResult {
  message: string;
  mentors: number;
  mentees: number;
  rows: number;
  fileId: string;
  url: string;
}

const cell = (t: BaseTable, i: number, key: string) => String(t.get(i, key) ?? '').trim();

function peopleOf(t: BaseTable, role: PlatformRole, consents: ConsentIndex): PlatformPerson[] {
  return t.rows.map((_r, i) => {
    const id = cell(t, i, 'id');
    const name = cell(t, i, 'name');
    // The consent in force now, from «Согласия»: a withdrawal typed there counts before any import.
    const { status } = consentOf({ id, name, minor: isMinor(t.get(i, 'category'), t.get(i, 'age')) }, consents);
    return {
      id,
      name,
      role,
      category: cell(t, i, 'category'),
      organisation: role === 'наставник' ? cell(t, i, 'organisation') : '',
      position: role === 'наставник' ? cell(t, i, 'position') : '',
      grade: cell(t, i, 'grade'),
      association: cell(t, i, 'association'),
      status: cell(t, i, 'status'),
      training: role === 'наставник' ? cell(t, i, 'training') : '',
      consent: status,
    };
  });
}

function pairsOf(t: BaseTable): PlatformPair[] {
  return t.rows.map((_r, i) => {
    // A Date as the sheet gives it, or text typed by hand: the export formats or trims either.
    const date = (key: string) => (t.get(i, key) ?? '') as DayCell;
    return {
      id: cell(t, i, 'id'),
      unit: cell(t, i, 'group') || cell(t, i, 'id'),
      form: cell(t, i, 'form'),
      mentorId: cell(t, i, 'mentorId'),
      menteeId: cell(t, i, 'menteeId'),
      status: cell(t, i, 'status'),
      start: date('start'),
      end: date('end'),
    };
  });
}

/** The export sheet holds exactly `grid`: written through the inert path, then whatever is left of an earlier, longer export cleared. */
function writeSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, grid: string[][]): void {
  const sheet = ss.getSheetByName(PLATFORM_SHEET) ?? ss.insertSheet(PLATFORM_SHEET);
  const width = grid[0].length;
  writeCells(sheet, 1, 1, grid);
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow > grid.length) sheet.getRange(grid.length + 1, 1, lastRow - grid.length, Math.max(lastColumn, width)).clearContent();
  if (lastColumn > width) sheet.getRange(1, width + 1, grid.length, lastColumn - width).clearContent();
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
}

/** The recorded file, if it is still there and not in the bin. */
function recordedFile(): string | null {
  return alive(PropertiesService.getDocumentProperties().getProperty(FILE_PROPERTY));
}

/**
 * The one CSV file of the export: the recorded one; else one a failed run made (found by its name
 * in the programme folder); else a new empty one, recorded before its content is written. A file
 * whose id cannot be recorded goes to the bin, so a re-run never leaves two.
 */
function csvFile(): string {
  const known = recordedFile();
  if (known) return known;
  const folder = programmeFolderId();
  const found = filesNamed(PLATFORM_FILE, PLATFORM_MIME, folder)[0];
  const id = found ?? drive().Files!.create({ name: PLATFORM_FILE, mimeType: PLATFORM_MIME, parents: [folder] }, undefined as unknown as GoogleAppsScript.Base.Blob, { fields: 'id' }).id!;
  try {
    PropertiesService.getDocumentProperties().setProperty(FILE_PROPERTY, id);
  } catch (error) {
    if (!found) trash(id);
    throw error;
  }
  return id;
}

function participants(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): PlatformPerson[] {
  const consents = indexConsents(readConsents(loadTable(ss, 'consents')!.table));
  return [...peopleOf(loadTable(ss, 'mentors')!.table, 'наставник', consents), ...peopleOf(loadTable(ss, 'mentees')!.table, 'наставляемый', consents)];
}

function exportNow(): PlatformExportResult {
  const ss = SpreadsheetApp.getActive();
  const { settings } = loadSettings(ss);
  const parsed = parseColumns(String(settings.platformColumns ?? ''));
  if ('error' in parsed) throw new CuratorError(parsed.error);

  const people = participants(ss);
  const rows = platformRows(people, pairsOf(loadTable(ss, 'pairs')!.table));
  const timeZone = ss.getSpreadsheetTimeZone();
  const grid = platformTable(parsed.columns, rows, {
    organisation: String(settings.orgShortName),
    formatDate: (d) => Utilities.formatDate(d, timeZone, 'dd.MM.yyyy'),
  });

  writeSheet(ss, grid);
  const fileId = csvFile();
  // Utilities.newBlob encodes a string as UTF-8, the BOM (U+FEFF) as EF BB BF: no TextEncoder needed.
  drive().Files!.update({}, fileId, Utilities.newBlob(toCsv(grid), PLATFORM_MIME, PLATFORM_FILE));

  const named = people.filter(exportable);
  const mentors = named.filter((p) => p.role === 'наставник').length;
  const mentees = named.length - mentors;
  const noConsent = people.filter((p) => p.id && p.name && !exportable(p)).length;
  const url = `https://drive.google.com/file/d/${fileId}/view`;
  const message = EXPORT_TEXT.summary({ mentors, mentees, rows: rows.length, noConsent, sheet: PLATFORM_SHEET, file: PLATFORM_FILE, url });
  return { message, mentors, mentees, rows: rows.length, fileId, url };
}

/**
 * After every import: an export made earlier that still holds someone who may no longer be
 * exported (consent withdrawn or refused since) is made again at once, sheet and file, so a
 * withdrawal reaches the export without the curator remembering it. Checked from what the export
 * holds, not from what this import changed: a run cut short is caught by the next one. Returns
 * a line for the import's summary, or '' when nothing had to change.
 */
export function keepExportConsented(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const sheet = ss.getSheetByName(PLATFORM_SHEET);
  if (!sheet || sheet.getLastRow() < 2) return '';
  const [header, ...rows] = sheet.getDataRange().getValues();
  const idColumns = header.map((h, c) => (/^ID\b/.test(String(h)) ? c : -1)).filter((c) => c >= 0);
  const allowed = new Set(
    participants(ss)
      .filter(exportable)
      .map((p) => p.id),
  );
  const stale = rows.some((r) => idColumns.some((c) => String(r[c] ?? '').trim() !== '' && !allowed.has(String(r[c]).trim())));
  if (!stale) return '';
  try {
    exportNow();
    return EXPORT_TEXT.refreshedAfterWithdrawal;
  } catch (error) {
    // The columns setting is broken: the export cannot be remade, so what names the person goes.
    sheet.getRange(2, 1, sheet.getLastRow() - 1, Math.max(1, sheet.getLastColumn())).clearContent();
    const file = recordedFile();
    if (file) trash(file);
    return `${EXPORT_TEXT.clearedAfterWithdrawal} ${error instanceof CuratorError ? error.message : ''}`.trim();
  }
}

/** Menu «Выгрузка для платформы «Наставник»». */
export function exportForPlatform() {
  return runAction(RU.action.platformExport, withRoadmap(RU.action.platformExport, exportNow));
}

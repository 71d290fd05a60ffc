import * as fs from 'fs';
import type { ConditionalFormatModel } from '../emulator/sheets/conditional';
import * as path from 'path';
import type { DocumentModel } from '../emulator/docs/model';
import { DriveEntry, MIME, StoredBytes, isStoredBytes } from '../emulator/drive-store';
import { formFromJson, formToJson } from '../emulator/forms/persist';
import type { FormModel } from '../emulator/forms/model';
import { GridRange } from '../emulator/sheets/a1';
import { ProtectionModel, SheetModel, SpreadsheetModel, ValidationRuleModel } from '../emulator/sheets/model';
import { MailRecord, TriggerRecord, Workspace } from '../emulator/workspace';
import { documentToDocx, docxToDocument } from './docx';
import { spreadsheetToXlsx, xlsxToSpreadsheet } from './xlsx';
import { readNames, withNames } from './names';

/**
 * The local workspace folder (DESIGN.md): spreadsheet.xlsx, drive/ (Docs as .docx, Forms as
 * .form.json, folders as folders), mail/ (one JSON per message), state.json (properties,
 * triggers, time zones, and what .xlsx cannot carry for Google).
 */

interface SheetMeta {
  name: string;
  id: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  formUrl: string | null;
  columnWidths: Array<[number, number]>;
  validations: Array<{ range: GridRange; rule: ValidationRuleModel | null }>;
  protections: ProtectionModel[];
  /** Absent in workspaces saved before conditional formats were kept. */
  conditionalFormats?: ConditionalFormatModel[];
}

interface DriveMeta {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  created: string;
  trashed: boolean;
  /** Path under drive/, for files with content. */
  file?: string;
}

export interface StateFile {
  version: 1;
  spreadsheet: {
    id: string;
    name: string;
    timeZone: string;
    locale: string;
    activeSheet: number;
    nextSheetId: number;
    nextProtectionId: number;
    sheets: SheetMeta[];
  };
  scriptTimeZone: string;
  userEmail: string;
  idCounter: number;
  properties: { script: Record<string, string>; document: Record<string, string>; user: Record<string, string> };
  triggers: TriggerRecord[];
  drive: DriveMeta[];
  usage: { mailRecipientsToday: number; documentsToday: number };
}

/** Names that are safe as file names on every OS, kept readable (Cyrillic stays). */
function safeName(name: string): string {
  return (
    name
      // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .replace(/^\.+/, '_')
      .slice(0, 150) || '_'
  );
}

const EXT: Record<string, string> = { [MIME.document]: '.docx', [MIME.form]: '.form.json', [MIME.spreadsheet]: '.xlsx' };

function sheetMeta(s: SheetModel): SheetMeta {
  return {
    name: s.name,
    id: s.id,
    maxRows: s.maxRows,
    maxColumns: s.maxColumns,
    frozenRows: s.frozenRows,
    frozenColumns: s.frozenColumns,
    hidden: s.hidden,
    tabColor: s.tabColor,
    formUrl: s.formUrl,
    columnWidths: [...s.columnWidths],
    validations: s.validations,
    protections: s.protections,
    conditionalFormats: s.conditionalFormats,
  };
}

async function encode(entry: DriveEntry): Promise<Buffer | null> {
  if (entry.mimeType === MIME.document) return documentToDocx(entry.content as DocumentModel, { title: entry.name });
  if (entry.mimeType === MIME.form) return Buffer.from(formToJson(entry.content as FormModel), 'utf8');
  // A copy of the workbook (the archive of a finished year) as .xlsx, like the workbook itself.
  if (entry.mimeType === MIME.spreadsheet && entry.content instanceof SpreadsheetModel) return spreadsheetToXlsx(entry.content);
  // An uploaded file (the platform export's CSV): its bytes as they are.
  if (isStoredBytes(entry.content)) return Buffer.from(entry.content.bytes);
  return null;
}

async function decode(mimeType: string, data: Buffer, meta?: { id: string; name: string }): Promise<unknown> {
  if (mimeType === MIME.document) return docxToDocument(data);
  if (mimeType === MIME.spreadsheet) {
    const book = new SpreadsheetModel({ id: meta?.id ?? '', name: meta?.name ?? '', timeZone: 'Europe/Moscow', locale: 'ru_RU' });
    book.sheets = [];
    await xlsxToSpreadsheet(data, book);
    return book;
  }
  if (mimeType === MIME.form) return formFromJson(data.toString('utf8'));
  if (mimeType !== MIME.folder && !mimeType.startsWith('application/vnd.google-apps.')) return { bytes: [...data] } satisfies StoredBytes;
  return undefined;
}

export async function saveWorkspace(ws: Workspace, dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const book = ws.spreadsheet;
  fs.writeFileSync(path.join(dir, 'spreadsheet.xlsx'), await spreadsheetToXlsx(book));

  // drive/ is rewritten whole so that deleted or renamed files do not linger.
  const driveDir = path.join(dir, 'drive');
  fs.rmSync(driveDir, { recursive: true, force: true });
  fs.mkdirSync(driveDir, { recursive: true });
  const used = new Set<string>();
  const drive: DriveMeta[] = [];
  const names = readNames(dir);
  for (const entry of ws.drive.entries.values()) {
    const meta: DriveMeta = {
      id: entry.id,
      name: entry.name,
      mimeType: entry.mimeType,
      parents: entry.parents,
      created: entry.created.toISOString(),
      trashed: entry.trashed,
    };
    const folder = path.join(driveDir, ...ws.drive.folderPath(entry).map(safeName));
    if (entry.mimeType === MIME.folder) {
      fs.mkdirSync(path.join(folder, safeName(entry.name)), { recursive: true });
    } else {
      const data = await encode(entry);
      if (data) {
        const ext = EXT[entry.mimeType] ?? '';
        let file = path.join(folder, safeName(entry.name) + ext);
        for (let n = 2; used.has(file.toLowerCase()); n++) file = path.join(folder, `${safeName(entry.name)} (${n})${ext}`);
        used.add(file.toLowerCase());
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, data);
        meta.file = path.relative(driveDir, file).split(path.sep).join('/');
        // Pseudonymous mode: an offline copy with the names from names.csv, for printing only.
        const named = entry.mimeType === MIME.document ? withNames(entry.content as DocumentModel, names) : null;
        if (named) fs.writeFileSync(file.replace(/\.docx$/, ' (с именами).docx'), await documentToDocx(named, { title: entry.name }));
      }
    }
    drive.push(meta);
  }

  const mailDir = path.join(dir, 'mail');
  fs.rmSync(mailDir, { recursive: true, force: true });
  fs.mkdirSync(mailDir, { recursive: true });
  ws.mail.forEach((m, i) => fs.writeFileSync(path.join(mailDir, `${String(i + 1).padStart(4, '0')}.json`), JSON.stringify(m, null, 2)));

  const state: StateFile = {
    version: 1,
    spreadsheet: {
      id: book.id,
      name: book.name,
      timeZone: book.timeZone,
      locale: book.locale,
      activeSheet: book.activeSheet,
      nextSheetId: book.nextSheetId,
      nextProtectionId: book.nextProtectionId,
      sheets: book.sheets.map(sheetMeta),
    },
    scriptTimeZone: ws.scriptTimeZone,
    userEmail: ws.userEmail,
    idCounter: ws.ids.state,
    properties: {
      script: Object.fromEntries(ws.properties.script),
      document: Object.fromEntries(ws.properties.document),
      user: Object.fromEntries(ws.properties.user),
    },
    triggers: ws.triggers,
    drive,
    usage: { mailRecipientsToday: ws.mailRecipientsToday, documentsToday: ws.documentsToday },
  };
  fs.writeFileSync(path.join(dir, 'state.json'), JSON.stringify(state, null, 2));
}

/** Loads a workspace folder; a missing folder gives a fresh workspace. */
export async function loadWorkspace(dir: string, fresh: () => Workspace = () => new Workspace()): Promise<Workspace> {
  const ws = fresh();
  const statePath = path.join(dir, 'state.json');
  if (!fs.existsSync(statePath)) return ws;
  const state = JSON.parse(fs.readFileSync(statePath, 'utf8')) as StateFile;
  const s = state.spreadsheet;
  const book = new SpreadsheetModel({ id: s.id, name: s.name, timeZone: s.timeZone, locale: s.locale });
  book.sheets = s.sheets.map((meta) => {
    const sheet = new SheetModel(meta.id, meta.name);
    sheet.maxRows = meta.maxRows;
    sheet.maxColumns = meta.maxColumns;
    sheet.frozenRows = meta.frozenRows;
    sheet.frozenColumns = meta.frozenColumns;
    sheet.hidden = meta.hidden;
    sheet.tabColor = meta.tabColor;
    sheet.formUrl = meta.formUrl;
    for (const [c, w] of meta.columnWidths) sheet.columnWidths.set(c, w);
    sheet.validations = meta.validations;
    sheet.protections = meta.protections;
    sheet.conditionalFormats = meta.conditionalFormats ?? [];
    return sheet;
  });
  book.activeSheet = s.activeSheet;
  book.nextSheetId = s.nextSheetId;
  book.nextProtectionId = s.nextProtectionId;
  const xlsxPath = path.join(dir, 'spreadsheet.xlsx');
  if (fs.existsSync(xlsxPath)) await xlsxToSpreadsheet(fs.readFileSync(xlsxPath), book);
  ws.spreadsheet = book;

  ws.scriptTimeZone = state.scriptTimeZone;
  ws.userEmail = state.userEmail;
  ws.ids.state = state.idCounter;
  for (const name of ['script', 'document', 'user'] as const) {
    for (const [k, v] of Object.entries(state.properties[name])) ws.properties[name].set(k, v);
  }
  ws.triggers = state.triggers;
  ws.mailRecipientsToday = state.usage.mailRecipientsToday;
  ws.documentsToday = state.usage.documentsToday;
  for (const meta of state.drive) {
    const content = meta.file ? await decode(meta.mimeType, fs.readFileSync(path.join(dir, 'drive', meta.file)), meta) : undefined;
    ws.drive.add({
      id: meta.id,
      name: meta.name,
      mimeType: meta.mimeType,
      parents: meta.parents,
      created: new Date(meta.created),
      trashed: meta.trashed,
      content,
    });
  }
  const mailDir = path.join(dir, 'mail');
  if (fs.existsSync(mailDir)) {
    for (const file of fs
      .readdirSync(mailDir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      ws.mail.push(JSON.parse(fs.readFileSync(path.join(mailDir, file), 'utf8')) as MailRecord);
    }
  }
  return ws;
}

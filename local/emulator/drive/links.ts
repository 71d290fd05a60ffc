import { DriveEntry, MIME } from '../drive-store';
import type { Workspace } from '../workspace';

/** The id Drive answers for "My Drive"; the store keeps root files with no parents. */
export const ROOT_ID = 'root';
/** What the root folder is called for a Russian-speaking user. */
export const ROOT_NAME = 'Мой диск';

/** The link Drive gives a file or folder (File.getUrl(), webViewLink). */
export function driveUrl(entry: Pick<DriveEntry, 'id' | 'mimeType'>): string {
  switch (entry.mimeType) {
    case MIME.folder:
      return `https://drive.google.com/drive/folders/${entry.id}`;
    case MIME.document:
      return `https://docs.google.com/document/d/${entry.id}/edit?usp=drivesdk`;
    case MIME.spreadsheet:
      return `https://docs.google.com/spreadsheets/d/${entry.id}/edit?usp=drivesdk`;
    case MIME.form:
      return `https://docs.google.com/forms/d/${entry.id}/edit?usp=drivesdk`;
    default:
      return `https://drive.google.com/file/d/${entry.id}/view?usp=drivesdk`;
  }
}

/** Parent ids as Drive reports them: a root file has the root as its parent. */
export function parentIds(entry: DriveEntry): string[] {
  return entry.parents.length ? [...entry.parents] : [ROOT_ID];
}

/** Entries Drive shows that the store does not keep (the root, the bound spreadsheet): read-only here. */
const virtualEntries = new WeakSet<DriveEntry>();

export function isVirtual(entry: DriveEntry): boolean {
  return virtualEntries.has(entry);
}

export const VIRTUAL_ERROR = 'The local workspace keeps "My Drive" and the bound spreadsheet outside its Drive store: they cannot be renamed, moved, trashed or deleted here.';

export function rootEntry(): DriveEntry {
  const entry: DriveEntry = { id: ROOT_ID, name: ROOT_NAME, mimeType: MIME.folder, parents: [], created: new Date(0), trashed: false };
  virtualEntries.add(entry);
  return entry;
}

/** The spreadsheet the add-on is bound to, as a file in the root of Drive. */
export function spreadsheetEntry(ws: Workspace): DriveEntry {
  const entry: DriveEntry = { id: ws.spreadsheet.id, name: ws.spreadsheet.name, mimeType: MIME.spreadsheet, parents: [], created: new Date(0), trashed: false };
  virtualEntries.add(entry);
  return entry;
}

/** Every file Drive has for this user: the store's entries and the bound spreadsheet. */
export function allEntries(ws: Workspace): DriveEntry[] {
  return [spreadsheetEntry(ws), ...ws.drive.entries.values()];
}

/** A stored entry, or the bound spreadsheet, by id. */
export function findEntry(ws: Workspace, id: string): DriveEntry | undefined {
  return ws.drive.get(id) ?? (id === ws.spreadsheet.id ? spreadsheetEntry(ws) : undefined);
}

import { DriveEntry, MIME } from '../drive-store';

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

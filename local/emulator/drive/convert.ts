/**
 * Drive's import of an uploaded .docx into a Google Doc (Files.create with a Google Docs mimeType
 * and a media blob): the package is unzipped and its WordprocessingML read into a DocumentModel,
 * keeping what Google Docs keeps (page-number fields, the first-page header, pinned header rows,
 * rows that do not split, page breaks before paragraphs, tab stops, line spacing).
 */
import { readDocxXml } from '../../persist/docx-read';
import type { DocumentModel } from '../docs/model';
import { unzipSync } from './unzip';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Why an upload did not convert; the caller turns it into the API's 400. */
export class ConversionError extends Error {}

/** The model of an uploaded .docx, given Apps Script's bytes (signed or not). */
export function convertDocx(bytes: ArrayLike<number>): DocumentModel {
  const data = Uint8Array.from(Array.from(bytes, (b) => b & 255));
  let parts: Map<string, Buffer>;
  try {
    parts = unzipSync(data);
  } catch (e) {
    throw new ConversionError(`the upload is not a .docx package (${(e as Error).message})`);
  }
  try {
    return readDocxXml((path) => parts.get(path)?.toString('utf8'));
  } catch (e) {
    throw new ConversionError(`the .docx could not be read (${(e as Error).message})`);
  }
}

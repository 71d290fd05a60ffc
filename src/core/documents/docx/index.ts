import { DocumentSpec } from '../model';
import { appProps, contentTypes, coreProps, documentRels, documentXml, firstPageHeader, layout, packageRels, pageNumberHeader, settings, styles } from './parts';
import { utf8 } from './utf8';
import { zip } from './zip';

/**
 * A DocumentSpec as a .docx, in plain TypeScript for Apps Script's V8 (no Buffer, zlib or
 * TextEncoder). It carries what DocumentApp cannot make: page numbers from page 2, repeated header
 * rows, rows that never split, page breaks before attachments, right tab stops. Deterministic: the
 * same spec gives the same bytes.
 */
export function docxBytes(spec: DocumentSpec): number[] {
  const l = layout(spec);
  const parts: Array<[string, string]> = [
    ['[Content_Types].xml', contentTypes(l)],
    ['_rels/.rels', packageRels()],
    ['word/document.xml', documentXml(spec, l)],
    ['word/_rels/document.xml.rels', documentRels(l)],
    ['word/styles.xml', styles(l)],
    ['word/settings.xml', settings()],
    ...(l.pageNumbers
      ? ([
          ['word/header1.xml', pageNumberHeader(l)],
          ['word/header2.xml', firstPageHeader()],
        ] as Array<[string, string]>)
      : []),
    ['docProps/core.xml', coreProps(spec)],
    ['docProps/app.xml', appProps()],
  ];
  return zip(parts.map(([name, xml]) => ({ name, data: utf8(xml) })));
}

/** Apps Script's Byte[] is signed (−128..127): `Utilities.newBlob(toSignedBytes(docxBytes(spec)), …)`. */
export function toSignedBytes(bytes: number[]): number[] {
  return bytes.map((b) => (b > 127 ? b - 256 : b));
}

export { crc32 } from './crc32';
export { utf8 } from './utf8';
export { zip } from './zip';
export type { ZipEntry } from './zip';

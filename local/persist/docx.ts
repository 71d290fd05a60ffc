/**
 * A Google Doc of the local workspace as a .docx file and back.
 *
 * Writing uses the `docx` package and lays the document out as Google Docs would export it (page
 * size and margins, Google's named styles, fonts, lists, tables, page breaks, header/footer).
 * Reading parses the WordprocessingML itself (./docx-read). Word units are coarser than DocumentApp's
 * points (twips, half-points), so the exact model also travels in a custom XML part; on reading it
 * is used only when re-rendering it gives the very XML in the file, i.e. nobody edited the file
 * since. A file edited in Word or LibreOffice is read from its XML alone.
 */
import JSZip from 'jszip';
import type { DocumentModel } from '../emulator/docs/model';
import { readDocxParts } from './docx-read';
import { renderDocx } from './docx-write';

const MODEL_NS = 'urn:mentoring-sheets:document-model:1';
const CUSTOM_XML = 'customXml/item1.xml';
/** The parts whose XML must match for the embedded model to be trusted. */
const CHECKED_PARTS = /^word\/(document|numbering|header\d*|footer\d*)\.xml$/;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Adds the model as a custom XML part, registered the way Word registers its own. */
async function embedModel(zip: JSZip, model: DocumentModel): Promise<void> {
  zip.file(CUSTOM_XML, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><documentModel xmlns="${MODEL_NS}">${escapeXml(JSON.stringify(model))}</documentModel>`);
  zip.file(
    'customXml/itemProps1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6D2E4C1A-3B5F-4E8A-9C71-0F2D8B6A5E13}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${MODEL_NS}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  zip.file(
    'customXml/_rels/item1.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>',
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace('</Types>', '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>'),
  );
  const relsPath = 'word/_rels/document.xml.rels';
  const rels = await zip.file(relsPath)!.async('string');
  zip.file(
    relsPath,
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdModel1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>',
    ),
  );
}

async function embeddedModel(zip: JSZip): Promise<DocumentModel | null> {
  const xml = await zip.file(CUSTOM_XML)?.async('string');
  if (!xml || !xml.includes(MODEL_NS)) return null;
  const match = /<documentModel[^>]*>([\s\S]*)<\/documentModel>/.exec(xml);
  if (!match) return null;
  try {
    return JSON.parse(unescapeXml(match[1])) as DocumentModel;
  } catch {
    return null;
  }
}

async function checkedParts(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) if (CHECKED_PARTS.test(name)) out.set(name, await zip.file(name)!.async('string'));
  return out;
}

/** The .docx bytes of a document (title goes to the file's properties). */
export async function documentToDocx(model: DocumentModel, options: { title?: string } = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await renderDocx(model, options));
  await embedModel(zip, model);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Reads the XML of a .docx into a model, ignoring any embedded model (what Word or LibreOffice edits leave). */
export async function docxXmlToDocument(buffer: Buffer | Uint8Array): Promise<DocumentModel> {
  return readDocxParts(await JSZip.loadAsync(buffer));
}

/** The document a .docx holds: the exact embedded model when the file is as written, else its XML. */
export async function docxToDocument(buffer: Buffer | Uint8Array): Promise<DocumentModel> {
  const zip = await JSZip.loadAsync(buffer);
  const parsed = await readDocxParts(zip);
  const embedded = await embeddedModel(zip);
  if (!embedded) return parsed;
  const fromModel = await checkedParts(await JSZip.loadAsync(await renderDocx(embedded, {})));
  const inFile = await checkedParts(zip);
  const same = fromModel.size === inFile.size && [...fromModel].every(([name, xml]) => inFile.get(name) === xml);
  return same ? embedded : parsed;
}

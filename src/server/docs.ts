import { Block, DocumentSpec } from '../core/documents/model';
import { moveToProgrammeFolder } from './drive';

const PT_PER_MM = 72 / 25.4;
/** ГОСТ Р 7.0.97: paragraph indent 1,25 см. */
const FIRST_LINE_INDENT = 12.5 * PT_PER_MM;
const A4 = { width: 595.276, height: 841.89 };

type Body = GoogleAppsScript.Document.Body;

function paragraph(target: Body, block: Extract<Block, { kind: 'paragraph' }>, spec: DocumentSpec, reuse: GoogleAppsScript.Document.Paragraph | null) {
  const text = block.runs.map((r) => r.text).join('');
  if (reuse) reuse.setText(text);
  const para = reuse ?? target.appendParagraph(text);
  const attrs: Record<string, unknown> = {};
  attrs[DocumentApp.Attribute.FONT_FAMILY as unknown as string] = spec.font;
  attrs[DocumentApp.Attribute.FONT_SIZE as unknown as string] = block.size ?? spec.size;
  attrs[DocumentApp.Attribute.BOLD as unknown as string] = false;
  para.setAttributes(attrs);
  para.setAlignment(DocumentApp.HorizontalAlignment[block.align ?? 'JUSTIFY']);
  para.setIndentFirstLine(block.firstLineIndent ? FIRST_LINE_INDENT : 0);
  para.setSpacingAfter(block.spaceAfter ?? 0).setLineSpacing(1);
  // Bold only where the layout asks for it (document type, heading, «ПРИКАЗЫВАЮ:»).
  let at = 0;
  for (const run of block.runs) {
    if (run.bold && run.text) para.editAsText().setBold(at, at + run.text.length - 1, true);
    at += run.text.length;
  }
}

function table(target: Body, block: Extract<Block, { kind: 'table' }>, spec: DocumentSpec) {
  const cells = [...(block.header ? [block.header] : []), ...block.rows];
  if (!cells.length) return;
  const t = target.appendTable(cells);
  // Whole-table formatting in a few calls, however many rows the table has.
  const text = t.editAsText();
  text
    .setFontFamily(spec.font)
    .setFontSize(block.size ?? spec.tableSize)
    .setBold(false);
  if (block.plain) t.setBorderWidth(0);
  if (block.header) t.getRow(0).editAsText().setBold(true);
  block.widths?.forEach((w, i) => t.setColumnWidth(i, w));
}

export interface DocRef {
  id: string;
  url: string;
}

type Doc = GoogleAppsScript.Document.Document;

/** A Doc's address, as Document.getUrl() gives it (one call fewer that could fail). */
const docUrl = (id: string) => `https://docs.google.com/document/d/${id}/edit`;

/**
 * Creates the Google Doc for a spec and hands its id to `created` at once, before anything else
 * can fail: the caller records it so a re-run renders into this Doc instead of making a second.
 */
export function createDocument(title: string, created: (ref: DocRef) => void): Doc {
  const doc = DocumentApp.create(title);
  // The id is all a re-run needs, and asking again costs nothing; the URL follows from it.
  let id: string;
  try {
    id = doc.getId();
  } catch (_error) {
    id = doc.getId();
  }
  created({ id, url: docUrl(id) });
  return doc;
}

/**
 * Renders a spec into a Doc (a new one, or one an interrupted run left half done: its body is
 * cleared first, so rendering again gives the same document), closes it and files it.
 */
export function renderInto(doc: Doc, spec: DocumentSpec, reused: boolean): DocRef {
  const target = doc.getBody();
  if (reused) target.clear();
  target
    .setPageWidth(A4.width)
    .setPageHeight(A4.height)
    .setMarginLeft(spec.margins.left * PT_PER_MM)
    .setMarginRight(spec.margins.right * PT_PER_MM)
    .setMarginTop(spec.margins.top * PT_PER_MM)
    .setMarginBottom(spec.margins.bottom * PT_PER_MM);
  // An empty body holds one empty paragraph: the first block reuses it.
  let first: GoogleAppsScript.Document.Paragraph | null = target.getParagraphs()[0] ?? null;
  for (const block of spec.blocks) {
    if (block.kind === 'paragraph') {
      paragraph(target, block, spec, first);
      first = null;
    } else if (block.kind === 'table') table(target, block, spec);
    else target.appendPageBreak();
  }
  const id = doc.getId();
  const url = docUrl(id);
  doc.saveAndClose();
  // Drive hiccups are common and the move is harmless to repeat: one more try before giving up.
  if (!moveToProgrammeFolder(id)) moveToProgrammeFolder(id);
  return { id, url };
}

/** Opens a Doc an earlier run created (its id comes from a record the operation kept). */
export function openDocument(id: string): Doc {
  return DocumentApp.openById(id);
}

/** Renders a document spec into a new Google Doc in the programme folder; returns its id and URL. */
export function renderDocument(spec: DocumentSpec): DocRef {
  return renderInto(
    createDocument(spec.title, () => undefined),
    spec,
    false,
  );
}

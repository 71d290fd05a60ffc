/**
 * A DocumentModel as the Docs API (v1) shows it: structural elements with UTF-16 start/end indexes
 * counted Google's way. The body starts with a section break (0..1); a paragraph spans its text, one
 * index per page break, rule or page number, and 1 for its closing newline; a table takes 1 at its
 * start, 1 per row, 1 per cell before the cell's content, and 1 at its end. Headers and footers are
 * segments of their own, counted from 0.
 */
import type { Block, DocumentModel, ParagraphStyle, SectionName, TableBlock, TextBlock, TextStyle } from './model';

/** Segment ids the emulator gives headers and footers (Google's look like "kix.…"). */
export const SEGMENT_IDS: Record<Exclude<SectionName, 'body'>, string> = {
  header: 'kix.header-default',
  firstPageHeader: 'kix.header-first',
  footer: 'kix.footer-default',
};

type Json = Record<string, unknown>;

const NAMED_STYLE: Record<string, string> = {
  HEADING1: 'HEADING_1',
  HEADING2: 'HEADING_2',
  HEADING3: 'HEADING_3',
  HEADING4: 'HEADING_4',
  HEADING5: 'HEADING_5',
  HEADING6: 'HEADING_6',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
};
const ALIGNMENT: Record<string, string> = { LEFT: 'START', CENTER: 'CENTER', RIGHT: 'END', JUSTIFY: 'JUSTIFIED' };

const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });

function color(hex: string): Json {
  const n = parseInt(hex.slice(1), 16);
  return { color: { rgbColor: { red: ((n >> 16) & 255) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255 } } };
}

function textStyle(s: TextStyle): Json {
  const out: Json = {};
  if (s.bold !== undefined) out.bold = s.bold;
  if (s.italic !== undefined) out.italic = s.italic;
  if (s.underline !== undefined) out.underline = s.underline;
  if (s.strikethrough !== undefined) out.strikethrough = s.strikethrough;
  if (s.fontSize !== undefined) out.fontSize = pt(s.fontSize);
  if (s.fontFamily !== undefined) out.weightedFontFamily = { fontFamily: s.fontFamily, weight: 400 };
  if (s.foregroundColor !== undefined) out.foregroundColor = color(s.foregroundColor);
  if (s.backgroundColor !== undefined) out.backgroundColor = color(s.backgroundColor);
  return out;
}

function paragraphStyle(s: ParagraphStyle): Json {
  const out: Json = { namedStyleType: s.heading ? NAMED_STYLE[s.heading] : 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' };
  if (s.alignment) out.alignment = ALIGNMENT[s.alignment];
  if (s.lineSpacing !== undefined) out.lineSpacing = Math.round(s.lineSpacing * 10000) / 100;
  if (s.spacingBefore !== undefined) out.spaceAbove = pt(s.spacingBefore);
  if (s.spacingAfter !== undefined) out.spaceBelow = pt(s.spacingAfter);
  if (s.indentStart !== undefined) out.indentStart = pt(s.indentStart);
  if (s.indentEnd !== undefined) out.indentEnd = pt(s.indentEnd);
  if (s.indentFirstLine !== undefined) out.indentFirstLine = pt(s.indentFirstLine);
  if (s.pageBreakBefore) out.pageBreakBefore = true;
  if (s.keepWithNext) out.keepWithNext = true;
  if (s.tabStops?.length) out.tabStops = s.tabStops.map((t) => ({ offset: pt(t.offset), alignment: t.alignment }));
  return out;
}

/** Where each table of a segment starts, for requests that name a table by its start index. */
export type TableStarts = Map<number, TableBlock>;

/** Lays out one segment (body, a header or footer) from `start`, recording table starts. */
class Segment {
  readonly tables: TableStarts = new Map();
  constructor(private pos: number) {}

  content(blocks: Block[]): Json[] {
    return blocks.map((b) => (b.kind === 'table' ? this.table(b) : this.paragraph(b)));
  }

  private paragraph(block: TextBlock): Json {
    const startIndex = this.pos;
    const elements: Json[] = [];
    const element = (length: number, body: Json) => {
      elements.push({ startIndex: this.pos, endIndex: this.pos + length, ...body });
      this.pos += length;
    };
    for (const inline of block.content) {
      if (inline.kind === 'text') {
        // A line break inside a paragraph is a vertical tab in the Docs API.
        if (inline.text) element(inline.text.length, { textRun: { content: inline.text.replace(/\r/g, '\u000b'), textStyle: textStyle(inline.style) } });
      } else if (inline.kind === 'pageBreak') element(1, { pageBreak: { textStyle: {} } });
      else if (inline.kind === 'horizontalRule') element(1, { horizontalRule: { textStyle: {} } });
      else element(1, { autoText: { type: 'PAGE_NUMBER', textStyle: textStyle(inline.style ?? {}) } });
    }
    // The closing newline belongs to the last text run, or is a run of its own.
    const last = elements[elements.length - 1] as { textRun?: { content: string }; endIndex: number } | undefined;
    if (last?.textRun) {
      last.textRun.content += '\n';
      last.endIndex += 1;
      this.pos += 1;
    } else element(1, { textRun: { content: '\n', textStyle: {} } });
    const paragraph: Json = { elements, paragraphStyle: paragraphStyle(block.style) };
    if (block.kind === 'listItem') paragraph.bullet = { listId: block.listId, nestingLevel: block.nestingLevel, textStyle: {} };
    return { startIndex, endIndex: this.pos, paragraph };
  }

  private table(table: TableBlock): Json {
    const startIndex = this.pos;
    this.tables.set(startIndex, table);
    this.pos += 1;
    const columns = table.rows.reduce((n, r) => Math.max(n, r.cells.length), 0);
    const tableRows = table.rows.map((row, r) => {
      const rowStart = this.pos;
      this.pos += 1;
      const tableCells = row.cells.map((cell) => {
        const cellStart = this.pos;
        this.pos += 1;
        const content = this.content(cell.children);
        const style: Json = { rowSpan: 1, columnSpan: 1 };
        if (cell.style.backgroundColor) style.backgroundColor = color(cell.style.backgroundColor);
        if (cell.style.paddingTop !== undefined) style.paddingTop = pt(cell.style.paddingTop);
        if (cell.style.paddingBottom !== undefined) style.paddingBottom = pt(cell.style.paddingBottom);
        if (cell.style.paddingLeft !== undefined) style.paddingLeft = pt(cell.style.paddingLeft);
        if (cell.style.paddingRight !== undefined) style.paddingRight = pt(cell.style.paddingRight);
        if (cell.style.verticalAlignment) style.contentAlignment = cell.style.verticalAlignment === 'CENTER' ? 'MIDDLE' : cell.style.verticalAlignment;
        return { startIndex: cellStart, endIndex: this.pos, content, tableCellStyle: style };
      });
      const tableRowStyle: Json = { minRowHeight: row.minimumHeight ? pt(row.minimumHeight) : { unit: 'PT' } };
      if (r < (table.pinnedHeaderRows ?? 0)) tableRowStyle.tableHeader = true;
      if (row.preventOverflow) tableRowStyle.preventOverflow = true;
      return { startIndex: rowStart, endIndex: this.pos, tableCells, tableRowStyle };
    });
    this.pos += 1;
    const tableColumnProperties = Array.from({ length: columns }, (_, c) => {
      const w = table.columnWidths[c];
      return w === null || w === undefined ? { widthType: 'EVENLY_DISTRIBUTED' } : { widthType: 'FIXED_WIDTH', width: pt(w) };
    });
    return { startIndex, endIndex: this.pos, table: { rows: table.rows.length, columns, tableRows, tableStyle: { tableColumnProperties } } };
  }
}

/** The blocks of a segment by its id ('' = the body), or null when the document has no such segment. */
export function segmentBlocks(model: DocumentModel, segmentId: string): Block[] | null {
  if (segmentId === '') return model.body;
  for (const [section, id] of Object.entries(SEGMENT_IDS) as Array<[Exclude<SectionName, 'body'>, string]>) if (id === segmentId) return model[section] ?? null;
  return null;
}

/** Table start indexes of one segment, counted as `documentResource` counts them. */
export function tableStarts(model: DocumentModel, segmentId: string): TableStarts | null {
  const blocks = segmentBlocks(model, segmentId);
  if (!blocks) return null;
  const segment = new Segment(segmentId === '' ? 1 : 0);
  segment.content(blocks);
  return segment.tables;
}

/** The Document resource of Docs.Documents.get. */
export function documentResource(documentId: string, title: string, model: DocumentModel): Json {
  const body = new Segment(1);
  const content = [{ endIndex: 1, sectionBreak: { sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT', sectionType: 'CONTINUOUS' } } }, ...body.content(model.body)];
  const headers: Json = {};
  const footers: Json = {};
  const { page } = model;
  const documentStyle: Json = {
    background: { color: {} },
    pageNumberStart: 1,
    pageSize: { width: pt(page.width), height: pt(page.height) },
    marginTop: pt(page.marginTop),
    marginBottom: pt(page.marginBottom),
    marginLeft: pt(page.marginLeft),
    marginRight: pt(page.marginRight),
    useFirstPageHeaderFooter: model.useFirstPageHeaderFooter === true,
  };
  if (model.header) {
    headers[SEGMENT_IDS.header] = { headerId: SEGMENT_IDS.header, content: new Segment(0).content(model.header) };
    documentStyle.defaultHeaderId = SEGMENT_IDS.header;
  }
  if (model.useFirstPageHeaderFooter && model.firstPageHeader) {
    headers[SEGMENT_IDS.firstPageHeader] = { headerId: SEGMENT_IDS.firstPageHeader, content: new Segment(0).content(model.firstPageHeader) };
    documentStyle.firstPageHeaderId = SEGMENT_IDS.firstPageHeader;
  }
  if (model.footer) {
    footers[SEGMENT_IDS.footer] = { footerId: SEGMENT_IDS.footer, content: new Segment(0).content(model.footer) };
    documentStyle.defaultFooterId = SEGMENT_IDS.footer;
  }
  const out: Json = { documentId, title, body: { content }, documentStyle };
  if (Object.keys(headers).length) out.headers = headers;
  if (Object.keys(footers).length) out.footers = footers;
  return out;
}

import { Align, Block, DocumentSpec, Run } from '../model';
import { escapeAttr, escapeText } from './xml';
import { A4, CELL_MARGIN, DEFAULT_TAB_STOP, FIRST_LINE_INDENT, FOOTER_DISTANCE, HEADER_DISTANCE, SINGLE_LINE, halfPoints, mmToTwips, positive, ptToTwips } from './units';

/**
 * The OOXML parts of a .docx, as strings. Element order inside pPr, rPr, tblPr, tcPr and sectPr
 * follows the schema's sequences: Word refuses a file whose children are out of order, even where
 * LibreOffice is lenient.
 */
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DEFAULT_FONT = 'Times New Roman';
/** A paragraph Word needs after a table (at the end of the body, or between two tables so they do not merge): 1 pt high. */
const SEPARATOR_SIZE = 1;

/** What every part needs to know about the page, resolved once from the spec. */
export interface Layout {
  font: string;
  size: number;
  tableSize: number;
  margins: { left: number; right: number; top: number; bottom: number };
  /** Twips between the margins: the right tab stop and the full-width table. */
  textWidth: number;
  pageNumbers: boolean;
}

export function layout(spec: DocumentSpec): Layout {
  const margin = (mm: number, fallback: number) => mmToTwips(typeof mm === 'number' && Number.isFinite(mm) && mm >= 0 ? mm : fallback);
  const margins = { left: margin(spec.margins.left, 30), right: margin(spec.margins.right, 15), top: margin(spec.margins.top, 20), bottom: margin(spec.margins.bottom, 20) };
  const size = positive(spec.size, 14);
  return {
    font: String(spec.font ?? '').trim() || DEFAULT_FONT,
    size,
    tableSize: positive(spec.tableSize, size),
    margins,
    textWidth: A4.width - margins.left - margins.right,
    pageNumbers: !!spec.pageNumbers,
  };
}

// --- Package plumbing ------------------------------------------------------------------------------

export function contentTypes(l: Layout): string {
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-${type}"/>`;
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('/word/document.xml', 'officedocument.wordprocessingml.document.main+xml') +
    override('/word/styles.xml', 'officedocument.wordprocessingml.styles+xml') +
    override('/word/settings.xml', 'officedocument.wordprocessingml.settings+xml') +
    (l.pageNumbers ? override('/word/header1.xml', 'officedocument.wordprocessingml.header+xml') + override('/word/header2.xml', 'officedocument.wordprocessingml.header+xml') : '') +
    override('/docProps/core.xml', 'package.core-properties+xml') +
    override('/docProps/app.xml', 'officedocument.extended-properties+xml') +
    '</Types>'
  );
}

const relationships = (rels: Array<[string, string, string]>) =>
  XML_HEAD +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('') +
  '</Relationships>';

export function packageRels(): string {
  return relationships([
    ['rId1', `${REL}/officeDocument`, 'word/document.xml'],
    ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
    ['rId3', `${REL}/extended-properties`, 'docProps/app.xml'],
  ]);
}

const HEADER_DEFAULT = 'rId3';
const HEADER_FIRST = 'rId4';

export function documentRels(l: Layout): string {
  return relationships([
    ['rId1', `${REL}/styles`, 'styles.xml'],
    ['rId2', `${REL}/settings`, 'settings.xml'],
    ...(l.pageNumbers
      ? ([
          [HEADER_DEFAULT, `${REL}/header`, 'header1.xml'],
          [HEADER_FIRST, `${REL}/header`, 'header2.xml'],
        ] as Array<[string, string, string]>)
      : []),
  ]);
}

export function coreProps(spec: DocumentSpec): string {
  return (
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeText(String(spec.title ?? ''))}</dc:title><dc:language>ru-RU</dc:language>` +
    '</cp:coreProperties>'
  );
}

export function appProps(): string {
  return XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>mentoring-sheets</Application></Properties>';
}

// --- Styles and settings ---------------------------------------------------------------------------

const spacing = (before: number, after: number) => `<w:spacing w:before="${before}" w:after="${after}" w:line="${SINGLE_LINE}" w:lineRule="auto"/>`;
const size = (pt: number) => `<w:sz w:val="${halfPoints(pt)}"/><w:szCs w:val="${halfPoints(pt)}"/>`;
const border = (side: string, on: boolean) => (on ? `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>` : `<w:${side} w:val="none" w:sz="0" w:space="0" w:color="auto"/>`);
const borders = (on: boolean) => `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => border(side, on)).join('')}</w:tblBorders>`;

export function styles(l: Layout): string {
  const font = escapeAttr(l.font);
  return (
    XML_HEAD +
    `<w:styles xmlns:w="${W}">` +
    '<w:docDefaults>' +
    `<w:rPrDefault><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:cs="${font}" w:eastAsia="${font}"/>${size(l.size)}<w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:widowControl/>${spacing(0, 0)}</w:pPr></w:pPrDefault>` +
    '</w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>' +
    `<w:pPr>${spacing(0, 0)}</w:pPr><w:tblPr>${borders(true)}</w:tblPr></w:style>` +
    '</w:styles>'
  );
}

export function settings(): string {
  return (
    XML_HEAD +
    `<w:settings xmlns:w="${W}">` +
    `<w:zoom w:percent="100"/><w:defaultTabStop w:val="${DEFAULT_TAB_STOP}"/><w:characterSpacingControl w:val="doNotCompress"/>` +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '<w:themeFontLang w:val="ru-RU"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>' +
    '</w:settings>'
  );
}

// --- Headers: the page number from page 2 -----------------------------------------------------------

/** The default header: the page number centred, a PAGE field with a cached «1» that every reader recomputes. */
export function pageNumberHeader(l: Layout): string {
  return (
    XML_HEAD +
    `<w:hdr xmlns:w="${W}" xmlns:r="${R}"><w:p><w:pPr>${spacing(0, 0)}<w:jc w:val="center"/><w:rPr>${size(l.size)}</w:rPr></w:pPr>` +
    // The begin/instr/separate/end form is what Word itself writes, and what importers know best.
    [`<w:fldChar w:fldCharType="begin"/>`, `<w:instrText xml:space="preserve"> PAGE </w:instrText>`, `<w:fldChar w:fldCharType="separate"/>`, '<w:t>2</w:t>', `<w:fldChar w:fldCharType="end"/>`]
      .map((inner) => `<w:r><w:rPr>${size(l.size)}</w:rPr>${inner}</w:r>`)
      .join('') +
    `</w:p></w:hdr>`
  );
}

/** The first page's header (titlePg): empty, page 1 carries no number (ГОСТ Р 7.0.97). */
export function firstPageHeader(): string {
  return XML_HEAD + `<w:hdr xmlns:w="${W}" xmlns:r="${R}"><w:p><w:pPr>${spacing(0, 0)}</w:pPr></w:p></w:hdr>`;
}

// --- The body --------------------------------------------------------------------------------------

type ParagraphBlock = Extract<Block, { kind: 'paragraph' }>;
type TableBlock = Extract<Block, { kind: 'table' }>;

const JC: Record<Align, string> = { LEFT: 'left', CENTER: 'center', RIGHT: 'right', JUSTIFY: 'both' };

/** One w:r per Run, so a `{{field}}` mark inside a run is never split; '\t' and '\n' become w:tab and w:br. */
function run(r: Run, pt: number, font: string): string {
  // The font on every run too: importers that ignore docDefaults (Drive's converter may) keep it.
  const fonts = `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:cs="${font}" w:eastAsia="${font}"/>`;
  const props = `<w:rPr>${fonts}${r.bold ? '<w:b/><w:bCs/>' : ''}${size(pt)}</w:rPr>`;
  const content = String(r.text ?? '')
    .replace(/\r\n?/g, '\n')
    .split(/(\t|\n)/)
    .map((part) => (part === '\t' ? '<w:tab/>' : part === '\n' ? '<w:br/>' : part ? `<w:t xml:space="preserve">${escapeText(part)}</w:t>` : ''))
    .join('');
  return `<w:r>${props}${content}</w:r>`;
}

interface ParagraphFormat {
  align?: Align;
  firstLineIndent?: boolean;
  indentLeft?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  pageBreakBefore?: boolean;
  keepNext?: boolean;
  tabRight?: boolean;
  /** Points, resolved. */
  size: number;
  /** The paragraph mark is bold (header cells), so an empty one is as tall as its row's text. */
  bold?: boolean;
}

function paragraphXml(runs: Run[], f: ParagraphFormat, l: Layout): string {
  const before = ptToTwips(Math.max(0, Number(f.spaceBefore) || 0));
  const after = ptToTwips(Math.max(0, Number(f.spaceAfter) || 0));
  const left = f.indentLeft ? ptToTwips(Math.max(0, Number(f.indentLeft) || 0)) : 0;
  const ind = left || f.firstLineIndent ? `<w:ind${left ? ` w:left="${left}"` : ''}${f.firstLineIndent ? ` w:firstLine="${FIRST_LINE_INDENT}"` : ''}/>` : '';
  const pPr =
    (f.keepNext ? '<w:keepNext/>' : '') +
    (f.pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
    (f.tabRight ? `<w:tabs><w:tab w:val="right" w:pos="${l.textWidth}"/></w:tabs>` : '') +
    spacing(before, after) +
    ind +
    `<w:jc w:val="${JC[f.align ?? 'LEFT'] ?? 'left'}"/>` +
    `<w:rPr>${f.bold ? '<w:b/><w:bCs/>' : ''}${size(f.size)}</w:rPr>`;
  return `<w:p><w:pPr>${pPr}</w:pPr>${runs.map((r) => run(r, f.size, escapeAttr(l.font))).join('')}</w:p>`;
}

function paragraph(block: ParagraphBlock, l: Layout): string {
  return paragraphXml(block.runs ?? [], { ...block, size: positive(block.size, l.size) }, l);
}

/** Column widths in twips: the spec's points, shrunk to the text width if they overflow it; equal shares when absent. */
export function columnWidths(table: TableBlock, columns: number, l: Layout): number[] {
  const given = table.widths && table.widths.length === columns && table.widths.every((w) => Number.isFinite(w) && w > 0) ? table.widths.map(ptToTwips) : null;
  const total = given ? given.reduce((a, b) => a + b, 0) : l.textWidth;
  if (given && total <= l.textWidth) return given;
  const shares = given ?? new Array<number>(columns).fill(1);
  const sum = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((w) => Math.floor((w * l.textWidth) / sum));
  widths[widths.length - 1] += l.textWidth - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function table(block: TableBlock, l: Layout): string {
  const rows = (block.rows ?? []).map((r) => r ?? []);
  const columns = Math.max(1, block.header ? block.header.length : 0, ...rows.map((r) => r.length));
  const widths = columnWidths(block, columns, l);
  const pt = positive(block.size, l.tableSize);
  const plain = !!block.plain;
  const tblPr =
    (plain ? '' : '<w:tblStyle w:val="TableGrid"/>') +
    `<w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/>` +
    borders(!plain) +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>` +
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>';
  const cell = (text: string, i: number, header: boolean) => {
    // A cell's '\n' starts a new paragraph: its lines then align and wrap as paragraphs of their own.
    const lines = String(text ?? '')
      .replace(/\r\n?/g, '\n')
      .split('\n');
    const align: Align = header ? 'CENTER' : (block.align?.[i] ?? 'LEFT');
    const paragraphs = lines.map((line) => paragraphXml(line ? [{ text: line, bold: header }] : [], { align, size: pt, bold: header }, l)).join('');
    return `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/>${header ? '<w:vAlign w:val="center"/>' : ''}</w:tcPr>${paragraphs}</w:tc>`;
  };
  // Every row is kept whole on its page; the header row repeats on each page the table reaches.
  const row = (cells: string[], header: boolean) => `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${widths.map((_, i) => cell(cells[i] ?? '', i, header)).join('')}</w:tr>`;
  return (
    `<w:tbl><w:tblPr>${tblPr}</w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    (block.header ? row(block.header, true) : '') +
    rows.map((r) => row(r, false)).join('') +
    '</w:tbl>'
  );
}

function sectionProperties(l: Layout): string {
  const m = l.margins;
  return (
    '<w:sectPr>' +
    (l.pageNumbers ? `<w:headerReference w:type="default" r:id="${HEADER_DEFAULT}"/><w:headerReference w:type="first" r:id="${HEADER_FIRST}"/>` : '') +
    `<w:pgSz w:w="${A4.width}" w:h="${A4.height}"/>` +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${HEADER_DISTANCE}" w:footer="${FOOTER_DISTANCE}" w:gutter="0"/>` +
    `<w:cols w:space="${DEFAULT_TAB_STOP}"/>` +
    (l.pageNumbers ? '<w:titlePg/>' : '') +
    '</w:sectPr>'
  );
}

export function documentXml(spec: DocumentSpec, l: Layout): string {
  const blocks = spec.blocks ?? [];
  const separator = paragraphXml([], { size: SEPARATOR_SIZE }, l);
  const body = blocks
    .map((block, i) => {
      if (block.kind === 'paragraph') return paragraph(block, l);
      // Word merges two adjacent tables and wants a paragraph after the last one.
      const next = blocks[i + 1];
      return table(block, l) + (!next || next.kind === 'table' ? separator : '');
    })
    .join('');
  return XML_HEAD + `<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}${sectionProperties(l)}</w:body></w:document>`;
}

/**
 * .docx → DocumentModel, from the WordprocessingML itself (document.xml, numbering.xml, the
 * default and first-page headers, the footer). It reads back everything ./docx-write writes, and
 * the common shapes of files saved by Word or LibreOffice: PAGE fields become page numbers, tblHeader
 * rows pinned header rows, cantSplit rows rows that never split. What the model cannot hold (images,
 * other fields' codes, comments) is left out; another field keeps the text it shows.
 */
import { XMLParser } from 'fast-xml-parser';
import type JSZip from 'jszip';
import {
  A4,
  Block,
  CellStyle,
  DEFAULT_MARGIN,
  DocumentModel,
  GlyphName,
  Inline,
  ListItemBlock,
  ParagraphBlock,
  ParagraphStyle,
  TableBlock,
  TableCellModel,
  TableRowModel,
  TabStop,
  TextStyle,
  emptyParagraph,
} from '../emulator/docs/model';
import { HEADING_STYLE } from './docx-write';

/** One element of fast-xml-parser's ordered output: {tag: children, ':@': attributes}. */
type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
});

function tagOf(node: XNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}
function kids(node: XNode | undefined): XNode[] {
  if (!node) return [];
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XNode[]) : [];
}
function attr(node: XNode | undefined, name: string): string | undefined {
  const attrs = node?.[':@'] as Record<string, string> | undefined;
  return attrs?.[name];
}
function child(node: XNode | undefined, tag: string): XNode | undefined {
  return kids(node).find((k) => tagOf(k) === tag);
}
function textOf(node: XNode): string {
  return kids(node)
    .map((k) => (typeof k['#text'] === 'string' || typeof k['#text'] === 'number' ? String(k['#text']) : ''))
    .join('');
}
function num(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
/** Twips → points. */
function pt(value: string | undefined): number | undefined {
  const n = num(value);
  return n === undefined ? undefined : n / 20;
}
/** An on/off property: present means on unless its value says off. */
function onOff(node: XNode | undefined): boolean | undefined {
  if (!node) return undefined;
  const v = attr(node, 'w:val');
  return !(v === 'false' || v === '0' || v === 'off');
}
function color(value: string | undefined): string | undefined {
  return value && value !== 'auto' ? `#${value.toLowerCase()}` : undefined;
}

const STYLE_HEADING = Object.fromEntries(Object.entries(HEADING_STYLE).map(([name, style]) => [style, name])) as Record<string, NonNullable<ParagraphStyle['heading']>>;
const JUSTIFICATION: Record<string, ParagraphStyle['alignment']> = {
  left: 'LEFT',
  start: 'LEFT',
  center: 'CENTER',
  right: 'RIGHT',
  end: 'RIGHT',
  both: 'JUSTIFY',
  distribute: 'JUSTIFY',
};
const TAB_ALIGNMENT: Record<string, TabStop['alignment']> = { left: 'START', start: 'START', decimal: 'START', center: 'CENTER', right: 'END', end: 'END' };

/** A field code that shows the current page number: `PAGE`, `PAGE \\* Arabic`, `PAGE \\* MERGEFORMAT`. */
function isPageField(instr: string): boolean {
  return /^\s*PAGE(\s|$)/.test(instr);
}

function pageNumber(style: TextStyle): Inline {
  return Object.keys(style).length ? { kind: 'pageNumber', style: { ...style } } : { kind: 'pageNumber' };
}

const FORMATS: Record<string, GlyphName> = {
  decimal: 'NUMBER',
  upperLetter: 'LATIN_UPPER',
  lowerLetter: 'LATIN_LOWER',
  upperRoman: 'ROMAN_UPPER',
  lowerRoman: 'ROMAN_LOWER',
};

interface Numbering {
  /** numId → list id and glyph per level. */
  lists: Map<string, { listId: string; glyphs: Map<number, GlyphName> }>;
}

function readNumbering(xml: string | undefined): Numbering {
  const lists: Numbering['lists'] = new Map();
  if (!xml) return { lists };
  const root = (parser.parse(xml) as XNode[]).find((n) => tagOf(n) === 'w:numbering');
  const abstract = new Map<string, { name?: string; glyphs: Map<number, GlyphName> }>();
  for (const node of kids(root)) {
    if (tagOf(node) !== 'w:abstractNum') continue;
    const glyphs = new Map<number, GlyphName>();
    for (const lvl of kids(node).filter((k) => tagOf(k) === 'w:lvl')) {
      const format = attr(child(lvl, 'w:numFmt'), 'w:val') ?? 'decimal';
      const text = attr(child(lvl, 'w:lvlText'), 'w:val') ?? '';
      const glyph: GlyphName = format === 'bullet' ? (text === '○' ? 'HOLLOW_BULLET' : text === '■' || text === '▪' ? 'SQUARE_BULLET' : 'BULLET') : (FORMATS[format] ?? 'NUMBER');
      glyphs.set(Number(attr(lvl, 'w:ilvl') ?? 0), glyph);
    }
    abstract.set(attr(node, 'w:abstractNumId') ?? '', { name: attr(child(node, 'w:name'), 'w:val'), glyphs });
  }
  for (const node of kids(root)) {
    if (tagOf(node) !== 'w:num') continue;
    const numId = attr(node, 'w:numId') ?? '';
    const def = abstract.get(attr(child(node, 'w:abstractNumId'), 'w:val') ?? '');
    if (def) lists.set(numId, { listId: def.name ?? `docx-list-${numId}`, glyphs: def.glyphs });
  }
  return { lists };
}

class Reader {
  constructor(private readonly numbering: Numbering) {}

  blocks(nodes: XNode[]): Block[] {
    const out: Block[] = [];
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:p') out.push(this.paragraph(node));
      else if (tag === 'w:tbl') out.push(this.table(node));
      else if (tag === 'w:sdt') out.push(...this.blocks(kids(child(node, 'w:sdtContent'))));
    }
    return out;
  }

  private textStyle(rPr: XNode | undefined): TextStyle {
    const s: TextStyle = {};
    if (!rPr) return s;
    const set = <K extends keyof TextStyle>(key: K, value: TextStyle[K] | undefined) => {
      if (value !== undefined) s[key] = value;
    };
    set('bold', onOff(child(rPr, 'w:b')));
    set('italic', onOff(child(rPr, 'w:i')));
    set('strikethrough', onOff(child(rPr, 'w:strike')));
    const u = child(rPr, 'w:u');
    if (u) s.underline = attr(u, 'w:val') !== 'none';
    const fonts = child(rPr, 'w:rFonts');
    set('fontFamily', attr(fonts, 'w:ascii') ?? attr(fonts, 'w:hAnsi') ?? attr(fonts, 'w:cs'));
    const size = num(attr(child(rPr, 'w:sz'), 'w:val'));
    if (size !== undefined) s.fontSize = size / 2;
    set('foregroundColor', color(attr(child(rPr, 'w:color'), 'w:val')));
    set('backgroundColor', color(attr(child(rPr, 'w:shd'), 'w:fill')));
    return s;
  }

  /** Fields open in the paragraph being read (begin … separate … end may span runs). */
  private fields: Array<{ instr: string; result: boolean }> = [];

  private inPageField(): boolean {
    return this.fields.some((f) => isPageField(f.instr));
  }

  /** The inlines of one run: text (with '\r' for line breaks, '\t' for tabs) split by page breaks and page numbers. */
  private run(node: XNode, out: Inline[]): void {
    const style = this.textStyle(child(node, 'w:rPr'));
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', text, style: { ...style } });
      text = '';
    };
    for (const k of kids(node)) {
      const tag = tagOf(k);
      if (tag === 'w:fldChar') {
        const type = attr(k, 'w:fldCharType');
        if (type === 'begin') this.fields.push({ instr: '', result: false });
        else if (type === 'separate' && this.fields.length) this.fields[this.fields.length - 1].result = true;
        else if (type === 'end') {
          const field = this.fields.pop();
          if (field && isPageField(field.instr) && !this.inPageField()) {
            flush();
            out.push(pageNumber(style));
          }
        }
        continue;
      }
      if (tag === 'w:instrText') {
        if (this.fields.length) this.fields[this.fields.length - 1].instr += textOf(k);
        continue;
      }
      // Field codes are not text; a page number's shown result is replaced by the page number itself.
      const field = this.fields[this.fields.length - 1];
      if ((field && !field.result) || this.inPageField()) continue;
      if (tag === 'w:t') text += textOf(k);
      else if (tag === 'w:tab') text += '\t';
      else if (tag === 'w:cr') text += '\r';
      else if (tag === 'w:noBreakHyphen') text += '\u2011';
      else if (tag === 'w:br') {
        if (attr(k, 'w:type') === 'page') {
          flush();
          out.push({ kind: 'pageBreak' });
        } else text += '\r';
      }
    }
    flush();
  }

  private inlines(nodes: XNode[], out: Inline[]): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:r') this.run(node, out);
      else if (tag === 'w:fldSimple' && isPageField(attr(node, 'w:instr') ?? '')) out.push(pageNumber(this.textStyle(child(child(node, 'w:r'), 'w:rPr'))));
      else if (['w:hyperlink', 'w:ins', 'w:smartTag', 'w:fldSimple', 'w:customXml'].includes(tag)) this.inlines(kids(node), out);
    }
  }

  private paragraphStyle(pPr: XNode | undefined): ParagraphStyle {
    const s: ParagraphStyle = {};
    if (!pPr) return s;
    const heading = STYLE_HEADING[attr(child(pPr, 'w:pStyle'), 'w:val') ?? ''];
    if (heading) s.heading = heading;
    const alignment = JUSTIFICATION[attr(child(pPr, 'w:jc'), 'w:val') ?? ''];
    if (alignment) s.alignment = alignment;
    const ind = child(pPr, 'w:ind');
    if (ind) {
      const left = pt(attr(ind, 'w:left') ?? attr(ind, 'w:start'));
      const right = pt(attr(ind, 'w:right') ?? attr(ind, 'w:end'));
      const first = pt(attr(ind, 'w:firstLine'));
      const hanging = pt(attr(ind, 'w:hanging'));
      if (left !== undefined) s.indentStart = left;
      if (right !== undefined) s.indentEnd = right;
      if (first !== undefined) s.indentFirstLine = (left ?? 0) + first;
      else if (hanging !== undefined) s.indentFirstLine = (left ?? 0) - hanging;
    }
    const spacing = child(pPr, 'w:spacing');
    if (spacing) {
      const before = pt(attr(spacing, 'w:before'));
      const after = pt(attr(spacing, 'w:after'));
      const line = num(attr(spacing, 'w:line'));
      const rule = attr(spacing, 'w:lineRule');
      if (before !== undefined) s.spacingBefore = before;
      if (after !== undefined) s.spacingAfter = after;
      // "auto" (or no rule) is a multiple of one line; exact and atLeast heights have no DocumentApp equivalent.
      if (line !== undefined && (rule === undefined || rule === 'auto')) s.lineSpacing = line / 240;
    }
    const pageBreakBefore = onOff(child(pPr, 'w:pageBreakBefore'));
    if (pageBreakBefore) s.pageBreakBefore = true;
    const keepNext = onOff(child(pPr, 'w:keepNext'));
    if (keepNext) s.keepWithNext = true;
    const tabs: TabStop[] = [];
    for (const tab of kids(child(pPr, 'w:tabs'))) {
      const alignment = TAB_ALIGNMENT[attr(tab, 'w:val') ?? ''];
      const offset = pt(attr(tab, 'w:pos'));
      if (tagOf(tab) === 'w:tab' && alignment && offset !== undefined) tabs.push({ offset, alignment });
    }
    if (tabs.length) s.tabStops = tabs.sort((a, b) => a.offset - b.offset);
    return s;
  }

  paragraph(node: XNode): ParagraphBlock | ListItemBlock {
    this.fields = [];
    const pPr = child(node, 'w:pPr');
    const style = this.paragraphStyle(pPr);
    const content: Inline[] = [];
    this.inlines(kids(node), content);
    const bottom = child(child(pPr, 'w:pBdr'), 'w:bottom');
    if (bottom && !['none', 'nil'].includes(attr(bottom, 'w:val') ?? '')) content.push({ kind: 'horizontalRule' });
    const numPr = child(pPr, 'w:numPr');
    const numId = attr(child(numPr, 'w:numId'), 'w:val');
    const list = numId && numId !== '0' ? this.numbering.lists.get(numId) : undefined;
    if (list) {
      const level = Number(attr(child(numPr, 'w:ilvl'), 'w:val') ?? 0);
      return { kind: 'listItem', style, content, listId: list.listId, glyphType: list.glyphs.get(level) ?? 'NUMBER', nestingLevel: level };
    }
    return { kind: 'paragraph', style, content };
  }

  private cell(node: XNode, table: TableBlock, column: number): TableCellModel {
    const tcPr = child(node, 'w:tcPr');
    const style: CellStyle = {};
    const tcW = child(tcPr, 'w:tcW');
    if (attr(tcW, 'w:type') === 'dxa' && table.columnWidths[column] == null) table.columnWidths[column] = pt(attr(tcW, 'w:w')) ?? null;
    const fill = color(attr(child(tcPr, 'w:shd'), 'w:fill'));
    if (fill) style.backgroundColor = fill;
    const mar = child(tcPr, 'w:tcMar');
    const side = (name: string) => pt(attr(child(mar, `w:${name}`), 'w:w'));
    const paddings: Array<[keyof CellStyle, string, string]> = [
      ['paddingTop', 'top', 'top'],
      ['paddingBottom', 'bottom', 'bottom'],
      ['paddingLeft', 'left', 'start'],
      ['paddingRight', 'right', 'end'],
    ];
    for (const [key, a, b] of paddings) {
      const v = side(a) ?? side(b);
      if (v !== undefined) (style as Record<string, unknown>)[key] = v;
    }
    const v = attr(child(tcPr, 'w:vAlign'), 'w:val');
    if (v === 'top' || v === 'center' || v === 'bottom') style.verticalAlignment = v === 'top' ? 'TOP' : v === 'center' ? 'CENTER' : 'BOTTOM';
    const children = this.blocks(kids(node));
    return { style, children: children.length ? children : [emptyParagraph()] };
  }

  table(node: XNode): TableBlock {
    const table: TableBlock = { kind: 'table', style: {}, columnWidths: [], rows: [] };
    const top = child(child(child(node, 'w:tblPr'), 'w:tblBorders'), 'w:top');
    if (top) {
      const none = ['none', 'nil'].includes(attr(top, 'w:val') ?? '');
      table.style.borderWidth = none ? 0 : (num(attr(top, 'w:sz')) ?? 4) / 8;
      const c = color(attr(top, 'w:color'));
      if (!none && c) table.style.borderColor = c;
    }
    let headerRows = 0;
    let leading = true;
    for (const tr of kids(node).filter((k) => tagOf(k) === 'w:tr')) {
      const row: TableRowModel = { cells: [] };
      const trPr = child(tr, 'w:trPr');
      const height = child(trPr, 'w:trHeight');
      const h = pt(attr(height, 'w:val'));
      if (h !== undefined && attr(height, 'w:hRule') !== 'exact') row.minimumHeight = h;
      if (onOff(child(trPr, 'w:cantSplit'))) row.preventOverflow = true;
      // Only an unbroken run of leading rows repeats (as in Word and Docs).
      if (leading && onOff(child(trPr, 'w:tblHeader'))) headerRows += 1;
      else leading = false;
      kids(tr)
        .filter((k) => tagOf(k) === 'w:tc')
        .forEach((tc, c) => {
          while (table.columnWidths.length <= c) table.columnWidths.push(null);
          row.cells.push(this.cell(tc, table, c));
        });
      table.rows.push(row);
    }
    if (headerRows) table.pinnedHeaderRows = headerRows;
    return table;
  }
}

function parseXml(xml: string, rootTag: string): XNode | undefined {
  return (parser.parse(xml) as XNode[]).find((n) => tagOf(n) === rootTag);
}

/** A .docx part's text by its path in the package (e.g. 'word/document.xml'), or undefined when absent. */
export type PartReader = (path: string) => string | undefined;

/** Not a WordprocessingML package: the message conversion fails with. */
export const NOT_A_DOCX = 'Not a .docx file: word/document.xml is missing';

/** A section's blocks; a header holding only one empty paragraph reads as "no content". */
function isBlank(blocks: Block[]): boolean {
  if (blocks.length !== 1) return false;
  const only = blocks[0];
  return only.kind === 'paragraph' && only.content.length === 0 && Object.keys(only.style).length === 0;
}

/** Reads the document, numbering, headers and footer of a .docx from its parts, synchronously. */
export function readDocxXml(read: PartReader): DocumentModel {
  const documentXml = read('word/document.xml');
  if (!documentXml) throw new Error(NOT_A_DOCX);
  const reader = new Reader(readNumbering(read('word/numbering.xml')));
  const body = child(parseXml(documentXml, 'w:document'), 'w:body');
  const blocks = reader.blocks(kids(body));
  const sectPr =
    child(body, 'w:sectPr') ??
    [...kids(body)]
      .reverse()
      .map((n) => child(child(n, 'w:pPr'), 'w:sectPr'))
      .find(Boolean);

  const relsXml = read('word/_rels/document.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const rel of kids(parseXml(relsXml, 'Relationships'))) targets.set(attr(rel, 'Id') ?? '', attr(rel, 'Target') ?? '');
  const section = (tag: 'w:headerReference' | 'w:footerReference', root: string, type: 'default' | 'first'): Block[] | null => {
    const ref = kids(sectPr).find((k) => tagOf(k) === tag && (attr(k, 'w:type') ?? 'default') === type);
    const target = targets.get(attr(ref, 'r:id') ?? '');
    const xml = target ? read(`word/${target.replace(/^\/?word\//, '')}`) : undefined;
    if (!xml) return null;
    const list = reader.blocks(kids(parseXml(xml, root)));
    return list.length ? list : [emptyParagraph()];
  };

  const size = child(sectPr, 'w:pgSz');
  const margin = child(sectPr, 'w:pgMar');
  const model: DocumentModel = {
    page: {
      width: pt(attr(size, 'w:w')) ?? A4.width,
      height: pt(attr(size, 'w:h')) ?? A4.height,
      marginTop: pt(attr(margin, 'w:top')) ?? DEFAULT_MARGIN,
      marginBottom: pt(attr(margin, 'w:bottom')) ?? DEFAULT_MARGIN,
      marginLeft: pt(attr(margin, 'w:left')) ?? DEFAULT_MARGIN,
      marginRight: pt(attr(margin, 'w:right')) ?? DEFAULT_MARGIN,
    },
    body: blocks.length ? blocks : [emptyParagraph()],
    header: section('w:headerReference', 'w:hdr', 'default'),
    footer: section('w:footerReference', 'w:ftr', 'default'),
  };
  if (onOff(child(sectPr, 'w:titlePg'))) {
    const first = section('w:headerReference', 'w:hdr', 'first');
    model.useFirstPageHeaderFooter = true;
    model.firstPageHeader = first && !isBlank(first) ? first : null;
  }
  return model;
}

/** Reads the document, numbering, headers and footer parts of an opened .docx. */
export async function readDocxParts(zip: JSZip): Promise<DocumentModel> {
  const parts = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir && /\.(xml|rels)$/.test(name)) parts.set(name, await file.async('string'));
  return readDocxXml((path) => parts.get(path));
}

/**
 * A Google Doc as the emulator keeps it: plain JSON (no classes, no undefined values), so it can sit
 * in a DriveEntry, be deep-compared in tests and be saved as .docx. Units are DocumentApp's: points
 * for lengths, a multiplier for line spacing, '#rrggbb' for colours. Enumerations are stored by
 * their DocumentApp names. An attribute that is absent is "not set" (inherited from the style).
 */

export const HEADINGS = ['NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE'] as const;
export type HeadingName = (typeof HEADINGS)[number];

export const ALIGNMENTS = ['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'] as const;
export type AlignmentName = (typeof ALIGNMENTS)[number];

export const GLYPHS = ['BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER'] as const;
export type GlyphName = (typeof GLYPHS)[number];

export const VERTICAL_ALIGNMENTS = ['TOP', 'CENTER', 'BOTTOM'] as const;
export type VerticalAlignmentName = (typeof VERTICAL_ALIGNMENTS)[number];

export interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  fontFamily?: string;
  /** Points. */
  fontSize?: number;
  foregroundColor?: string;
  backgroundColor?: string;
}

export interface TextRun {
  kind: 'text';
  /** Never contains '\n': DocumentApp turns it into '\r', a line break inside the paragraph. */
  text: string;
  style: TextStyle;
}
export interface PageBreakInline {
  kind: 'pageBreak';
}
export interface HorizontalRuleInline {
  kind: 'horizontalRule';
}
/** Auto text: the current page number (a PAGE field in .docx, autoText PAGE_NUMBER in the Docs API). */
export interface PageNumberInline {
  kind: 'pageNumber';
  /** Absent = the paragraph's default look. */
  style?: TextStyle;
}
export type Inline = TextRun | PageBreakInline | HorizontalRuleInline | PageNumberInline;

export const TAB_ALIGNMENTS = ['START', 'CENTER', 'END'] as const;
export type TabAlignmentName = (typeof TAB_ALIGNMENTS)[number];

export interface TabStop {
  /** Points from the paragraph's start edge. */
  offset: number;
  alignment: TabAlignmentName;
}

export interface ParagraphStyle {
  /** Absent = NORMAL. */
  heading?: Exclude<HeadingName, 'NORMAL'>;
  alignment?: AlignmentName;
  /** Left edge of every line but the first, from the margin. */
  indentStart?: number;
  indentEnd?: number;
  /** Left edge of the first line, from the margin (absolute, as in DocumentApp, not relative to indentStart). */
  indentFirstLine?: number;
  spacingBefore?: number;
  spacingAfter?: number;
  /** Multiplier: 1, 1.15, 1.5, 2. */
  lineSpacing?: number;
  /** The paragraph starts a new page (no separate break paragraph). */
  pageBreakBefore?: boolean;
  keepWithNext?: boolean;
  /** Custom tab stops, by offset; text holds '\t' where a tab is typed (as getText() shows it). */
  tabStops?: TabStop[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  style: ParagraphStyle;
  content: Inline[];
}

export interface ListItemBlock {
  kind: 'listItem';
  style: ParagraphStyle;
  content: Inline[];
  /** Items sharing a listId are numbered together. */
  listId: string;
  glyphType: GlyphName;
  nestingLevel: number;
}

export interface CellStyle {
  backgroundColor?: string;
  paddingTop?: number;
  paddingBottom?: number;
  paddingLeft?: number;
  paddingRight?: number;
  verticalAlignment?: VerticalAlignmentName;
}

export interface TableCellModel {
  style: CellStyle;
  /** Never empty: a cell holds at least one paragraph. */
  children: Block[];
}

export interface TableRowModel {
  minimumHeight?: number;
  /** The row is never split across pages (Docs' preventOverflow, Word's cantSplit). */
  preventOverflow?: boolean;
  cells: TableCellModel[];
}

export interface TableStyle {
  /** Points; 0 = no borders. Absent = Google's default (1 pt). */
  borderWidth?: number;
  borderColor?: string;
}

export interface TableBlock {
  kind: 'table';
  style: TableStyle;
  /** One per column (the widest row); null = not set (columns share the page width). */
  columnWidths: Array<number | null>;
  rows: TableRowModel[];
  /** Leading rows repeated at the top of every page (Docs' pinned header rows, Word's tblHeader). */
  pinnedHeaderRows?: number;
}

export type Block = ParagraphBlock | ListItemBlock | TableBlock;
export type TextBlock = ParagraphBlock | ListItemBlock;

export interface PageSetup {
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
}

export interface DocumentModel {
  page: PageSetup;
  /** Never empty, and always ends with a paragraph or list item (Docs' section rule). */
  body: Block[];
  /** null until Document.addHeader(). The default header: every page, or every page but the first. */
  header: Block[] | null;
  footer: Block[] | null;
  /** True: page 1 shows `firstPageHeader` instead of `header` (Word's titlePg). Absent = false. */
  useFirstPageHeaderFooter?: boolean;
  /** The first page's own header; null or absent with the flag set = page 1 has an empty header. */
  firstPageHeader?: Block[] | null;
}

/** The sections a block can live in, in the order the emulator searches them. */
export const SECTIONS = ['body', 'header', 'footer', 'firstPageHeader'] as const;
export type SectionName = (typeof SECTIONS)[number];

export function sectionBlocks(model: DocumentModel, section: SectionName): Block[] | null {
  return model[section] ?? null;
}

/** A4 in points (Google Docs' own figures) with Google's default one-inch margins. */
export const A4 = { width: 595.276, height: 841.89 } as const;
export const DEFAULT_MARGIN = 72;

/** Google's default table look, used when a table does not set its own. */
export const TABLE_DEFAULTS = { borderWidth: 1, borderColor: '#000000', padding: 5 } as const;

export function emptyParagraph(): ParagraphBlock {
  return { kind: 'paragraph', style: {}, content: [] };
}

export function createDocumentModel(): DocumentModel {
  return {
    page: { ...A4, marginTop: DEFAULT_MARGIN, marginBottom: DEFAULT_MARGIN, marginLeft: DEFAULT_MARGIN, marginRight: DEFAULT_MARGIN },
    body: [emptyParagraph()],
    header: null,
    footer: null,
  };
}

export function isTextBlock(block: Block): block is TextBlock {
  return block.kind === 'paragraph' || block.kind === 'listItem';
}

/** The text of one paragraph (page breaks, rules and page numbers carry none), like Paragraph.getText(). */
export function paragraphText(block: TextBlock): string {
  let out = '';
  for (const inline of block.content) if (inline.kind === 'text') out += inline.text;
  return out;
}

/** Every paragraph and list item in reading order, descending into table cells. */
export function flattenParagraphs(blocks: Block[]): TextBlock[] {
  const out: TextBlock[] = [];
  const visit = (list: Block[]) => {
    for (const block of list) {
      if (isTextBlock(block)) out.push(block);
      else for (const row of block.rows) for (const cell of row.cells) visit(cell.children);
    }
  };
  visit(blocks);
  return out;
}

/** Text of a run of blocks: each paragraph (table cells included) on its own line, as getText() gives it. */
export function blocksText(blocks: Block[]): string {
  return flattenParagraphs(blocks).map(paragraphText).join('\n');
}

/** Like Body.getText(). */
export function documentText(model: DocumentModel): string {
  return blocksText(model.body);
}

export function tableText(table: TableBlock): string {
  return blocksText([table]);
}

/** Number of columns of a table: its widest row. */
export function columnCount(table: TableBlock): number {
  return table.rows.reduce((n, row) => Math.max(n, row.cells.length), 0);
}

/** Deep copy (the model is plain JSON). */
export function cloneModel<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

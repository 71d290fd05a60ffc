/**
 * DocumentModel → .docx with the `docx` package, looking like the Google Doc: Google's default
 * look (Arial 11, line spacing 1.15, its heading sizes), A4 or whatever the page says, numbered and
 * bulleted lists, tables with Google's 1 pt borders and 5 pt cell padding.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  EmptyElement,
  Footer,
  Header,
  HeadingLevel,
  IBorderOptions,
  ILevelsOptions,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ParagraphChild,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import { Block, DocumentModel, GlyphName, Inline, TABLE_DEFAULTS, TabAlignmentName, TableBlock, TextBlock, TextRun as ModelRun, TextStyle, columnCount } from '../emulator/docs/model';

/** Points → twentieths of a point, Word's unit for lengths. */
export const twips = (pt: number): number => Math.round(pt * 20);
/** Line-spacing multiplier → Word's 240ths of a line. */
export const lines = (multiplier: number): number => Math.round(multiplier * 240);

/** `<w:br/>`: a line break inside a run (DocumentApp's '\r'). */
class LineBreak extends EmptyElement {
  constructor() {
    super('w:br');
  }
}

export const HEADING_STYLE: Record<string, string> = {
  HEADING1: HeadingLevel.HEADING_1,
  HEADING2: HeadingLevel.HEADING_2,
  HEADING3: HeadingLevel.HEADING_3,
  HEADING4: HeadingLevel.HEADING_4,
  HEADING5: HeadingLevel.HEADING_5,
  HEADING6: HeadingLevel.HEADING_6,
  TITLE: HeadingLevel.TITLE,
  SUBTITLE: 'Subtitle',
};

const ALIGNMENT = {
  LEFT: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.JUSTIFIED,
} as const;

const TAB = { START: TabStopType.LEFT, CENTER: TabStopType.CENTER, END: TabStopType.RIGHT } as const satisfies Record<TabAlignmentName, unknown>;

const VERTICAL = { TOP: VerticalAlign.TOP, CENTER: VerticalAlign.CENTER, BOTTOM: VerticalAlign.BOTTOM } as const;

/** How each glyph is written as a numbering level; the reader maps these back. */
export const GLYPH_LEVELS: Record<GlyphName, { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (level: number) => string }> = {
  NUMBER: { format: LevelFormat.DECIMAL, text: (n) => `%${n + 1}.` },
  LATIN_UPPER: { format: LevelFormat.UPPER_LETTER, text: (n) => `%${n + 1}.` },
  LATIN_LOWER: { format: LevelFormat.LOWER_LETTER, text: (n) => `%${n + 1}.` },
  ROMAN_UPPER: { format: LevelFormat.UPPER_ROMAN, text: (n) => `%${n + 1}.` },
  ROMAN_LOWER: { format: LevelFormat.LOWER_ROMAN, text: (n) => `%${n + 1}.` },
  BULLET: { format: LevelFormat.BULLET, text: () => '●' },
  HOLLOW_BULLET: { format: LevelFormat.BULLET, text: () => '○' },
  SQUARE_BULLET: { format: LevelFormat.BULLET, text: () => '■' },
};

const hex = (color: string): string => color.replace('#', '').toUpperCase();

function border(widthPt: number, color: string): IBorderOptions {
  return widthPt > 0 ? { style: BorderStyle.SINGLE, size: Math.max(1, Math.round(widthPt * 8)), color: hex(color) } : { style: BorderStyle.NONE, size: 0, color: 'auto' };
}

/** Collects the lists met while writing: one numbering definition per list and glyph. */
class Lists {
  readonly refs: Array<{ reference: string; listId: string; glyph: GlyphName }> = [];
  private readonly byKey = new Map<string, string>();

  reference(listId: string, glyph: GlyphName): string {
    const key = `${listId}\u0000${glyph}`;
    let ref = this.byKey.get(key);
    if (!ref) {
      ref = `list-${this.refs.length + 1}`;
      this.byKey.set(key, ref);
      this.refs.push({ reference: ref, listId, glyph });
    }
    return ref;
  }

  levels(glyph: GlyphName): ILevelsOptions[] {
    const { format, text } = GLYPH_LEVELS[glyph];
    return Array.from({ length: 9 }, (_, n) => ({
      level: n,
      format,
      text: text(n),
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 720 * (n + 1), hanging: 360 } } },
    }));
  }
}

class Writer {
  readonly lists = new Lists();

  blocks(list: Block[], availTwips: number): Array<Paragraph | Table> {
    // Word has no table without rows (DocumentApp's appendTable() before any appendTableRow()).
    return list.map((b) => (b.kind !== 'table' ? this.paragraph(b) : b.rows.length ? this.table(b, availTwips) : new Paragraph({})));
  }

  private run(run: ModelRun): TextRun {
    const children: Array<string | LineBreak | Tab> = [];
    run.text.split(/(\r|\t)/).forEach((piece) => {
      if (piece === '\r') children.push(new LineBreak());
      else if (piece === '\t') children.push(new Tab());
      else if (piece) children.push(piece);
    });
    return new TextRun({ children, ...runStyle(run.style) });
  }

  private inline(inline: Inline): ParagraphChild | null {
    if (inline.kind === 'text') return this.run(inline);
    if (inline.kind === 'pageBreak') return new PageBreak();
    // A PAGE field (begin, instrText, separate, end) that Word and LibreOffice fill in per page.
    if (inline.kind === 'pageNumber') return new TextRun({ children: [PageNumber.CURRENT], ...runStyle(inline.style ?? {}) });
    return null; // a horizontal rule is the paragraph's bottom border
  }

  paragraph(block: TextBlock): Paragraph {
    const s = block.style;
    const indent: { left?: number; right?: number; firstLine?: number; hanging?: number } = {};
    if (s.indentStart !== undefined) indent.left = twips(s.indentStart);
    if (s.indentEnd !== undefined) indent.right = twips(s.indentEnd);
    if (s.indentFirstLine !== undefined) {
      const relative = twips(s.indentFirstLine) - twips(s.indentStart ?? 0);
      if (relative >= 0) indent.firstLine = relative;
      else indent.hanging = -relative;
    }
    const spacing: { before?: number; after?: number; line?: number; lineRule?: (typeof LineRuleType)['AUTO'] } = {};
    if (s.spacingBefore !== undefined) spacing.before = twips(s.spacingBefore);
    if (s.spacingAfter !== undefined) spacing.after = twips(s.spacingAfter);
    // "auto": a multiple of the font's line; without it LibreOffice reads w:line as an exact height.
    if (s.lineSpacing !== undefined) Object.assign(spacing, { line: lines(s.lineSpacing), lineRule: LineRuleType.AUTO });
    const rule = block.content.some((i) => i.kind === 'horizontalRule');
    return new Paragraph({
      children: block.content.map((i) => this.inline(i)).filter((c): c is ParagraphChild => c !== null),
      ...(s.heading && { style: HEADING_STYLE[s.heading] }),
      ...(s.alignment && { alignment: ALIGNMENT[s.alignment] }),
      ...(Object.keys(indent).length && { indent }),
      ...(Object.keys(spacing).length && { spacing }),
      ...(block.kind === 'listItem' && { numbering: { reference: this.lists.reference(block.listId, block.glyphType), level: block.nestingLevel } }),
      ...(rule && { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } } }),
      ...(s.pageBreakBefore && { pageBreakBefore: true }),
      ...(s.keepWithNext && { keepNext: true }),
      ...(s.tabStops?.length && { tabStops: s.tabStops.map((t) => ({ type: TAB[t.alignment], position: twips(t.offset) })) }),
    });
  }

  /** Columns without a width share what the explicit ones leave of the available width. */
  private grid(table: TableBlock, availTwips: number): number[] {
    const n = columnCount(table);
    const widths = Array.from({ length: n }, (_, c) => table.columnWidths[c] ?? null);
    const fixed = widths.reduce<number>((sum, w) => sum + (w === null ? 0 : twips(w)), 0);
    const free = widths.filter((w) => w === null).length;
    const share = free ? Math.max(360, Math.floor((availTwips - fixed) / free)) : 0;
    return widths.map((w) => (w === null ? share : twips(w)));
  }

  table(table: TableBlock, availTwips: number): Table {
    const grid = this.grid(table, availTwips);
    const width = table.style.borderWidth ?? TABLE_DEFAULTS.borderWidth;
    const color = table.style.borderColor ?? TABLE_DEFAULTS.borderColor;
    const b = border(width, color);
    const padding = twips(TABLE_DEFAULTS.padding);
    const allFree = table.columnWidths.every((w) => w === null);
    return new Table({
      columnWidths: grid.length ? grid : [availTwips],
      width: allFree ? { size: 100, type: WidthType.PERCENTAGE } : { size: grid.reduce((a, w) => a + w, 0), type: WidthType.DXA },
      borders: { top: b, bottom: b, left: b, right: b, insideHorizontal: b, insideVertical: b },
      margins: { top: padding, bottom: padding, left: padding, right: padding },
      rows: table.rows.map(
        (row, r) =>
          new TableRow({
            ...(row.minimumHeight !== undefined && { height: { value: twips(row.minimumHeight), rule: 'atLeast' as const } }),
            ...(r < (table.pinnedHeaderRows ?? 0) && { tableHeader: true }),
            ...(row.preventOverflow && { cantSplit: true }),
            // Word wants a cell in every row: a row still without cells gets an empty one.
            children: (row.cells.length ? row.cells : [{ style: {}, children: [] }]).map((cell, c) => {
              const s = cell.style;
              const explicit = table.columnWidths[c];
              const margins: { top?: number; bottom?: number; left?: number; right?: number } = {};
              if (s.paddingTop !== undefined) margins.top = twips(s.paddingTop);
              if (s.paddingBottom !== undefined) margins.bottom = twips(s.paddingBottom);
              if (s.paddingLeft !== undefined) margins.left = twips(s.paddingLeft);
              if (s.paddingRight !== undefined) margins.right = twips(s.paddingRight);
              const inner = (grid[c] ?? availTwips) - twips((s.paddingLeft ?? TABLE_DEFAULTS.padding) + (s.paddingRight ?? TABLE_DEFAULTS.padding));
              const children = this.blocks(cell.children, inner);
              // Word wants every cell to end with a paragraph.
              if (!cell.children.length || cell.children[cell.children.length - 1].kind === 'table') children.push(new Paragraph({}));
              return new TableCell({
                children,
                // An explicit width is written in twips; "auto" marks a column Docs sizes itself.
                width: explicit === null || explicit === undefined ? { size: 0, type: WidthType.AUTO } : { size: twips(explicit), type: WidthType.DXA },
                ...(s.backgroundColor && { shading: { type: ShadingType.CLEAR, fill: hex(s.backgroundColor), color: 'auto' } }),
                ...(Object.keys(margins).length && { margins }),
                ...(s.verticalAlignment && { verticalAlign: VERTICAL[s.verticalAlignment] }),
              });
            }),
          }),
      ),
    });
  }
}

/** A run's look in the package's terms (only what the model sets). */
function runStyle(s: TextStyle) {
  return {
    ...(s.bold !== undefined && { bold: s.bold }),
    ...(s.italic !== undefined && { italics: s.italic }),
    ...(s.underline !== undefined && { underline: { type: s.underline ? UnderlineType.SINGLE : UnderlineType.NONE } }),
    ...(s.strikethrough !== undefined && { strike: s.strikethrough }),
    ...(s.fontFamily !== undefined && { font: s.fontFamily }),
    ...(s.fontSize !== undefined && { size: Math.round(s.fontSize * 2) }),
    ...(s.foregroundColor !== undefined && { color: hex(s.foregroundColor) }),
    ...(s.backgroundColor !== undefined && { shading: { type: ShadingType.CLEAR, fill: hex(s.backgroundColor), color: 'auto' } }),
  };
}

/** Google Docs' named styles, so headings and normal text look as they do in Docs. */
function googleStyles() {
  const heading = (sizePt: number, beforePt: number, afterPt: number, color = '000000', italics = false) => ({
    run: { size: sizePt * 2, bold: false, italics, color, font: 'Arial' },
    paragraph: { spacing: { before: beforePt * 20, after: afterPt * 20 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: { run: { font: 'Arial', size: 22 }, paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO, before: 0, after: 0 } } },
      title: heading(26, 0, 3),
      heading1: heading(20, 20, 6),
      heading2: heading(16, 18, 6),
      heading3: heading(14, 16, 4, '434343'),
      heading4: heading(12, 14, 4, '666666'),
      heading5: heading(11, 12, 4, '666666'),
      heading6: heading(11, 12, 4, '666666', true),
    },
    paragraphStyles: [
      {
        id: 'Subtitle',
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: 30, color: '666666', font: 'Arial' },
        paragraph: { spacing: { before: 0, after: 320 }, keepNext: true, keepLines: true },
      },
    ],
  };
}

/** Names each list's numbering definition after its listId, so reading gives the same lists back. */
async function nameLists(buffer: Buffer, refs: Lists['refs']): Promise<Buffer> {
  if (!refs.length) return buffer;
  const zip = await JSZip.loadAsync(buffer);
  const path = 'word/numbering.xml';
  const xml = await zip.file(path)!.async('string');
  // The package writes its own bullet definition first (id 1), then ours in order (ids 2, 3, ...).
  const named = xml.replace(/(<w:abstractNum w:abstractNumId="(\d+)"[^>]*>)(<w:multiLevelType [^>]*\/>)?/g, (all, open: string, id: string, multi = '') => {
    const ref = refs[Number(id) - 2];
    return ref ? `${open}${multi}<w:name w:val="${ref.listId.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"/>` : all;
  });
  zip.file(path, named);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The .docx of a model, without the embedded model (see ./docx). */
export async function renderDocx(model: DocumentModel, options: { title?: string }): Promise<Buffer> {
  const { page } = model;
  const writer = new Writer();
  const avail = twips(page.width - page.marginLeft - page.marginRight);
  const body = writer.blocks(model.body, avail);
  const header = model.header && new Header({ children: writer.blocks(model.header, avail) });
  const footer = model.footer && new Footer({ children: writer.blocks(model.footer, avail) });
  // Page 1's own header (titlePg); written even when empty, so no renderer falls back to the default one.
  const first = model.useFirstPageHeaderFooter ? new Header({ children: model.firstPageHeader ? writer.blocks(model.firstPageHeader, avail) : [new Paragraph({})] }) : null;
  const landscape = page.width > page.height;
  const doc = new Document({
    creator: 'mentoring-sheets',
    ...(options.title && { title: options.title }),
    styles: googleStyles(),
    numbering: { config: writer.lists.refs.map((r) => ({ reference: r.reference, levels: writer.lists.levels(r.glyph) })) },
    sections: [
      {
        properties: {
          page: {
            // The package takes portrait figures and swaps them for landscape.
            size: landscape
              ? { width: twips(page.height), height: twips(page.width), orientation: PageOrientation.LANDSCAPE }
              : { width: twips(page.width), height: twips(page.height), orientation: PageOrientation.PORTRAIT },
            margin: { top: twips(page.marginTop), bottom: twips(page.marginBottom), left: twips(page.marginLeft), right: twips(page.marginRight) },
          },
          ...(first && { titlePage: true }),
        },
        ...((header || first) && { headers: { ...(header && { default: header }), ...(first && { first }) } }),
        ...(footer && { footers: { default: footer } }),
        children: body,
      },
    ],
  });
  return nameLists(await Packer.toBuffer(doc), writer.lists.refs);
}

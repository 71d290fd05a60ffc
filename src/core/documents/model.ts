/**
 * Generated documents as data: the layout of a document kind (ГОСТ Р 7.0.97-2025 requisites,
 * domain/documents.md) built and tested without Google. A spec is written once as a .docx (core
 * docx writer) and converted by Drive into the curator's editable template; its texts may hold
 * `{{field}}` marks that are filled on every run (./template).
 */
export type Align = 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFY';

export interface Run {
  /** '\t' is a tab (to the paragraph's tab stop), '\n' a line break inside the paragraph. */
  text: string;
  bold?: boolean;
}

export interface ParagraphOptions {
  align?: Align;
  /** ГОСТ paragraph indent, 1,25 см. */
  firstLineIndent?: boolean;
  /** Points; absent = the spec's body size. */
  size?: number;
  /** Points after / before the paragraph. */
  spaceAfter?: number;
  spaceBefore?: number;
  /** Starts a new page (attachments), instead of a break paragraph that could leave a blank page. */
  pageBreakBefore?: boolean;
  /** Kept on the page of the next paragraph (a title and its table, a signature and its line). */
  keepNext?: boolean;
  /**
   * A right-aligned tab stop at the right margin: «дата\t№ 12» and «Директор\tИ.О. Фамилия» put the
   * second part flush right on the same line (documents.md §0.1 items 4 and 9).
   */
  tabRight?: boolean;
  /** Left indent in points: the attachment mark and grifs, a left-aligned block in the upper right. */
  indentLeft?: number;
}

export type Block =
  | ({ kind: 'paragraph'; runs: Run[] } & ParagraphOptions)
  /**
   * A table; `header` is repeated on every page and no row splits across pages. `plain` = no
   * borders. Cells may hold '\n' (several lines in one cell).
   */
  | { kind: 'table'; header: string[] | null; rows: string[][]; widths?: number[]; plain?: boolean; size?: number; align?: Array<Align | undefined> };

export interface DocumentSpec {
  title: string;
  font: string;
  size: number;
  tableSize: number;
  /** Millimetres: left 30 for documents kept over 10 years (orders are). */
  margins: { left: number; right: number; top: number; bottom: number };
  /** Page numbers centred at the top from page 2 on (ГОСТ Р 7.0.97, documents.md §0). */
  pageNumbers: boolean;
  blocks: Block[];
}

type Options = ParagraphOptions;

export const p = (text: string, options: Options = {}): Block => ({ kind: 'paragraph', runs: [{ text }], ...options });
export const bold = (text: string, options: Options = {}): Block => ({ kind: 'paragraph', runs: [{ text, bold: true }], ...options });
export const body = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }], align: 'JUSTIFY', firstLineIndent: true });

/** The plain text of a document, for tests and previews. */
export function specText(spec: DocumentSpec): string {
  return spec.blocks
    .map((b) => (b.kind === 'paragraph' ? `${b.pageBreakBefore ? '\f' : ''}${b.runs.map((r) => r.text).join('')}` : [b.header ?? [], ...b.rows].map((r) => r.join('\t')).join('\n')))
    .join('\n');
}

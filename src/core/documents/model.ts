/**
 * Generated documents as data: a small model the server renders with DocumentApp, so the layout
 * (ГОСТ Р 7.0.97-2025 requisites, domain/documents.md) is built and tested without Google.
 */
export type Align = 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFY';

export interface Run {
  text: string;
  bold?: boolean;
}

export type Block =
  | { kind: 'paragraph'; runs: Run[]; align?: Align; firstLineIndent?: boolean; size?: number; spaceAfter?: number; keepLeft?: boolean }
  /** A table with a header row; `plain` = no borders (layout only, e.g. date and number). */
  | { kind: 'table'; header: string[] | null; rows: string[][]; widths?: number[]; plain?: boolean; size?: number }
  | { kind: 'pageBreak' };

export interface DocumentSpec {
  title: string;
  font: string;
  size: number;
  tableSize: number;
  /** Millimetres: left 30 for documents kept over 10 years (orders are). */
  margins: { left: number; right: number; top: number; bottom: number };
  blocks: Block[];
}

export const p = (text: string, options: Omit<Extract<Block, { kind: 'paragraph' }>, 'kind' | 'runs'> = {}): Block => ({ kind: 'paragraph', runs: [{ text }], ...options });
export const bold = (text: string, options: Omit<Extract<Block, { kind: 'paragraph' }>, 'kind' | 'runs'> = {}): Block => ({ kind: 'paragraph', runs: [{ text, bold: true }], ...options });
export const body = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }], align: 'JUSTIFY', firstLineIndent: true });

/** The plain text of a document, for tests and previews. */
export function specText(spec: DocumentSpec): string {
  return spec.blocks.map((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.kind === 'table' ? [b.header ?? [], ...b.rows].map((r) => r.join('\t')).join('\n') : '\f')).join('\n');
}

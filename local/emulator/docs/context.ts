import { strict, unwrap } from '../calls';
import type { DriveEntry } from '../drive-store';
import type { Workspace } from '../workspace';
import { Block, DocumentModel, SECTIONS, SectionName, TableBlock, TableCellModel, TableRowModel, isTextBlock, sectionBlocks } from './model';

/** Texts of the real DocumentApp errors the fakes copy (UI shows them prefixed with "Exception: "). */
export const DOC_ERRORS = {
  closed: 'Document is closed, its contents cannot be updated.',
  lastParagraph: "Can't remove the last paragraph in a document section.",
  missing: "Document is missing (perhaps it was deleted, or you don't have read access?)",
  quota: 'Service invoked too many times for one day: docs create.',
  detached: 'Element must be detached.',
  headerExists: 'Document tab already contains a header.',
  footerExists: 'Document tab already contains a footer.',
  childIndex: (index: number, count: number) => `Child index (${index}) must be less than the number of child elements (${count}).`,
  insertIndex: (index: number, count: number) => `Child index (${index}) must be less than or equal to the number of child elements (${count}).`,
  textIndex: (index: number, length: number) => `Index (${index}) must be less than the content length (${length}).`,
  // The two below are the emulator's wording: the real texts are not known.
  lastCellParagraph: "Can't remove the last paragraph in a table cell.",
  pageBreakInCell: 'A page break cannot be inserted inside a table cell.',
};

/** One opened Document: saveAndClose() closes this handle and every element taken from it. */
export interface DocContext {
  ws: Workspace;
  entry: DriveEntry;
  closed: boolean;
}

export function modelOf(ctx: DocContext): DocumentModel {
  return ctx.entry.content as DocumentModel;
}

/** Members a script must not see: the fake's own fields, and helpers named `_x` (`__x` is the emulator's API). */
function internal(obj: object, prop: string | symbol): boolean {
  if (typeof prop !== 'string' || prop.startsWith('__')) return false;
  return prop.startsWith('_') || Object.prototype.hasOwnProperty.call(obj, prop);
}

/**
 * Hides a fake's internals and, when `ctx` is given, makes every method refuse to run once the
 * document is closed. Methods run on the fake itself; returning it returns this proxy.
 */
export function shielded<T extends object>(target: T, ctx?: DocContext): T {
  return new Proxy(target, {
    has(obj, prop) {
      return !internal(obj, prop) && Reflect.has(obj, prop);
    },
    get(obj, prop, receiver) {
      if (internal(obj, prop)) return undefined;
      const value: unknown = Reflect.get(obj, prop, obj);
      if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop.startsWith('__')) return fn.bind(obj);
      return function (...args: unknown[]) {
        if (ctx?.closed) throw new Error(DOC_ERRORS.closed);
        const result = fn.apply(obj, args);
        return result === obj ? receiver : result;
      };
    },
  });
}

/** The object handed to script code: counted as `${service}.${method}`, strict, closed-aware. */
export function expose<T extends object, R>(ctx: DocContext, service: string, fake: T): R {
  return strict(service, shielded(fake, ctx), ctx.ws.calls) as unknown as R;
}

/** Fakes carry their model node behind `__node()` (not counted, not real API). */
export interface NodeCarrier {
  __node(): object;
}

/** The model node behind an element a script passed back in, or undefined for anything else. */
export function nodeOf(value: unknown): object | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = unwrap(value) as Partial<NodeCarrier>;
  return typeof raw.__node === 'function' ? raw.__node() : undefined;
}

/** Nodes made by copy() or removed from their parent: only these may be inserted again. */
export const detachedNodes = new WeakSet<object>();

export type Owner = { kind: 'section'; section: SectionName } | { kind: 'cell'; cell: TableCellModel; row: TableRowModel; table: TableBlock };

export interface Place {
  list: Block[];
  index: number;
  owner: Owner;
}

/** Where a block sits in the document, or null when it is detached. */
export function locate(model: DocumentModel, node: object): Place | null {
  let found: Place | null = null;
  const visit = (list: Block[], owner: Owner): boolean => {
    for (let i = 0; i < list.length; i++) {
      const block = list[i];
      if (block === node) {
        found = { list, index: i, owner };
        return true;
      }
      if (block.kind === 'table') {
        for (const row of block.rows) for (const cell of row.cells) if (visit(cell.children, { kind: 'cell', cell, row, table: block })) return true;
      }
    }
    return false;
  };
  for (const section of SECTIONS) {
    const list = sectionBlocks(model, section);
    if (list && visit(list, { kind: 'section', section })) break;
  }
  return found;
}

/** The table holding a row or cell, with the row's index. */
export function locateRow(model: DocumentModel, target: TableRowModel | TableCellModel): { table: TableBlock; row: TableRowModel; rowIndex: number; cellIndex: number } | null {
  const tables: TableBlock[] = [];
  const collect = (list: Block[]) => {
    for (const block of list) {
      if (block.kind !== 'table') continue;
      tables.push(block);
      for (const row of block.rows) for (const cell of row.cells) collect(cell.children);
    }
  };
  for (const section of SECTIONS) collect(sectionBlocks(model, section) ?? []);
  for (const table of tables) {
    for (let r = 0; r < table.rows.length; r++) {
      const row = table.rows[r];
      if (row === target) return { table, row, rowIndex: r, cellIndex: -1 };
      const c = row.cells.indexOf(target as TableCellModel);
      if (c >= 0) return { table, row, rowIndex: r, cellIndex: c };
    }
  }
  return null;
}

/**
 * Takes a block out of its parent, keeping Docs' rules: a section (body, header, footer) always
 * ends with a paragraph, and a table cell keeps at least one.
 */
export function removeBlock(model: DocumentModel, node: object): void {
  const place = locate(model, node);
  if (!place) return;
  const { list, index, owner } = place;
  const block = list[index];
  if (owner.kind === 'section' && index === list.length - 1 && isTextBlock(block)) throw new Error(DOC_ERRORS.lastParagraph);
  if (owner.kind === 'cell' && list.filter(isTextBlock).length === 1 && isTextBlock(block)) throw new Error(DOC_ERRORS.lastCellParagraph);
  list.splice(index, 1);
  detachedNodes.add(block);
}

/** Checks a 0-based child index for reading. */
export function checkChildIndex(index: unknown, count: number): number {
  const i = Number(index);
  if (!Number.isInteger(i) || i < 0 || i >= count) throw new Error(DOC_ERRORS.childIndex(i, count));
  return i;
}

/** Checks a 0-based index for inserting (the end is allowed). */
export function checkInsertIndex(index: unknown, count: number): number {
  const i = Number(index);
  if (!Number.isInteger(i) || i < 0 || i > count) throw new Error(DOC_ERRORS.insertIndex(i, count));
  return i;
}

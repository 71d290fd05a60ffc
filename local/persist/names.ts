import * as fs from 'fs';
import * as path from 'path';
import { Block, DocumentModel, cloneModel } from '../emulator/docs/model';

/**
 * The pseudonymous mode keeps participant codes in Google; the names stay on the organisation's own
 * computer, in `names.csv` of the local workspace (`код;ФИО` per line). Nothing here is ever sent to
 * Google: it only makes offline copies of the generated documents with the names put back, for
 * printing and signing.
 */
export const NAMES_FILE = 'names.csv';

export function readNames(dir: string): Map<string, string> {
  const file = path.join(dir, NAMES_FILE);
  const names = new Map<string, string>();
  if (!fs.existsSync(file)) return names;
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const [code, name] = line.split(/[;\t]/).map((s) => s?.trim() ?? '');
    if (code && name && !/^код$/i.test(code)) names.set(code, name);
  }
  return names;
}

function replaceCodes(text: string, names: ReadonlyMap<string, string>, pattern: RegExp): string {
  return text.replace(pattern, (code) => names.get(code) ?? code);
}

function mergeBlocks(blocks: Block[], names: ReadonlyMap<string, string>, pattern: RegExp): number {
  let replaced = 0;
  for (const block of blocks) {
    if (block.kind === 'table') {
      for (const row of block.rows) for (const cell of row.cells) replaced += mergeBlocks(cell.children, names, pattern);
      continue;
    }
    for (const inline of block.content) {
      if (inline.kind !== 'text') continue;
      const next = replaceCodes(inline.text, names, pattern);
      if (next !== inline.text) replaced += 1;
      inline.text = next;
    }
  }
  return replaced;
}

/** A copy of the document with participant codes replaced by names; null when no code occurs. */
export function withNames(model: DocumentModel, names: ReadonlyMap<string, string>): DocumentModel | null {
  if (!names.size) return null;
  const codes = [...names.keys()].sort((a, b) => b.length - a.length).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${codes.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const copy = cloneModel(model);
  const replaced = mergeBlocks(copy.body, names, pattern) + mergeBlocks(copy.header ?? [], names, pattern) + mergeBlocks(copy.footer ?? [], names, pattern);
  return replaced ? copy : null;
}

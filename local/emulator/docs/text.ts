/**
 * Rich text: character ranges over the runs of one or more paragraphs, and the Text element
 * (editAsText(), Paragraph.appendText()) that edits them.
 */
import { Attributes, Patch, applyPatch, boolArg, colorArg, numberArg, stringArg, textAttributesOf, textPatchFromAttributes } from './attributes';
import { DOC_ERRORS } from './context';
import { ElementType, signatureError } from './enums';
import { Inline, TextBlock, TextRun, TextStyle } from './model';

type Text = GoogleAppsScript.Document.Text;

/** Text added by appendText() is its own Text element: its runs carry the element's tag. */
const runTags = new WeakMap<TextRun, object>();

export function newRun(text: string, style: TextStyle, tag?: object): TextRun {
  const run: TextRun = { kind: 'text', text: paragraphSafe(text), style: { ...style } };
  if (tag) runTags.set(run, tag);
  return run;
}

/** Paragraphs may not hold '\n': DocumentApp turns it into '\r', a line break in the paragraph. */
export function paragraphSafe(text: string): string {
  return text.replace(/\r\n|\n/g, '\r');
}

function isText(inline: Inline): inline is TextRun {
  return inline.kind === 'text';
}

/** The style a new run at the end of a paragraph takes: that of the text before it, as typing does. */
export function trailingStyle(block: TextBlock): TextStyle {
  const runs = block.content.filter(isText);
  return runs.length ? { ...runs[runs.length - 1].style } : {};
}

/** What a Text element covers. Several paragraphs are joined by '\n' (Body.editAsText()). */
export interface TextScope {
  paragraphs(): TextBlock[];
  /** Only runs with this tag belong to the scope. */
  tag?: object;
  /** How setText/appendText rebuild a multi-paragraph scope (its container's own rules). */
  container?: { setText(text: string): void; appendText(text: string): void };
}

function inScope(run: TextRun, scope: TextScope): boolean {
  return !scope.tag || runTags.get(run) === scope.tag;
}

function scopeRuns(block: TextBlock, scope: TextScope): TextRun[] {
  return block.content.filter((i): i is TextRun => isText(i) && inScope(i, scope));
}

export function scopeText(scope: TextScope): string {
  return scope
    .paragraphs()
    .map((p) =>
      scopeRuns(p, scope)
        .map((r) => r.text)
        .join(''),
    )
    .join('\n');
}

/** Drops empty runs (a deleted range leaves none behind). */
function tidy(block: TextBlock): void {
  block.content = block.content.filter((i) => !isText(i) || i.text.length > 0);
}

/** Applies `patch` to characters start..end (inclusive) of the scope, splitting runs at the edges. */
function restyle(scope: TextScope, start: number, end: number, patch: Patch<TextStyle>): void {
  let offset = 0;
  scope.paragraphs().forEach((block, k) => {
    if (k > 0) offset += 1; // the '\n' between paragraphs carries no style
    const next: Inline[] = [];
    for (const inline of block.content) {
      if (!isText(inline) || !inScope(inline, scope)) {
        next.push(inline);
        continue;
      }
      const a = offset;
      const len = inline.text.length;
      offset += len;
      if (a + len - 1 < start || a > end) {
        next.push(inline);
        continue;
      }
      const from = Math.max(start, a) - a;
      const to = Math.min(end, a + len - 1) - a + 1;
      const tag = runTags.get(inline);
      if (from > 0) next.push(newRun(inline.text.slice(0, from), inline.style, tag));
      const middle = newRun(inline.text.slice(from, to), inline.style, tag);
      applyPatch(middle.style, patch);
      next.push(middle);
      if (to < len) next.push(newRun(inline.text.slice(to), inline.style, tag));
    }
    block.content = next;
  });
}

/** Style of every character-bearing run in the scope. */
function scopeStyles(scope: TextScope): TextStyle[] {
  return scope.paragraphs().flatMap((p) => scopeRuns(p, scope).map((r) => r.style));
}

function styleAt(scope: TextScope, offset: number): TextStyle {
  let at = 0;
  for (const [k, block] of scope.paragraphs().entries()) {
    if (k > 0) {
      if (offset === at) return {};
      at += 1;
    }
    for (const run of scopeRuns(block, scope)) {
      if (offset < at + run.text.length) return run.style;
      at += run.text.length;
    }
  }
  return {};
}

function checkOffset(offset: unknown, length: number, method: string): number {
  if (typeof offset !== 'number' || !Number.isInteger(offset)) throw signatureError(method, [offset]);
  if (offset < 0 || offset >= length) throw new Error(DOC_ERRORS.textIndex(offset, length));
  return offset;
}

function checkRange(start: unknown, end: unknown, length: number, method: string): [number, number] {
  const s = checkOffset(start, length, method);
  const e = checkOffset(end, length, method);
  // The emulator's wording: the real text for a reversed range is not known.
  if (s > e) throw new Error(`Start offset (${s}) must not be after end offset (${e}).`);
  return [s, e];
}

/** Inserts text at an offset of a one-paragraph scope, in the style of the character before it. */
function insertInParagraph(scope: TextScope, offset: number, text: string): void {
  const [block] = scope.paragraphs();
  const safe = paragraphSafe(text);
  if (!safe) return;
  let at = 0;
  let previous: TextRun | null = null;
  for (const run of scopeRuns(block, scope)) {
    if (offset <= at + run.text.length && (offset > at || offset === 0)) {
      const local = offset - at;
      run.text = run.text.slice(0, local) + safe + run.text.slice(local);
      return;
    }
    at += run.text.length;
    previous = run;
  }
  // Empty scope: a new run at the end of the paragraph (or after the scope's last run).
  const run = newRun(safe, previous ? previous.style : trailingStyle(block), scope.tag);
  const index = previous ? block.content.indexOf(previous) + 1 : block.content.length;
  block.content.splice(index, 0, run);
}

function deleteInParagraph(scope: TextScope, start: number, end: number): void {
  const [block] = scope.paragraphs();
  let at = 0;
  for (const run of scopeRuns(block, scope)) {
    const a = at;
    at += run.text.length;
    const from = Math.max(start, a) - a;
    const to = Math.min(end, at - 1) - a + 1;
    if (to > from) run.text = run.text.slice(0, from) + run.text.slice(to);
  }
  tidy(block);
}

function setParagraphText(scope: TextScope, text: string): void {
  const [block] = scope.paragraphs();
  const runs = scopeRuns(block, scope);
  const style = runs.length ? runs[0].style : scope.tag ? {} : trailingStyle(block);
  const index = runs.length ? block.content.indexOf(runs[0]) : block.content.length;
  block.content = block.content.filter((i) => !(isText(i) && runs.includes(i)));
  const safe = paragraphSafe(text);
  if (safe) block.content.splice(Math.min(index, block.content.length), 0, newRun(safe, style, scope.tag));
}

type TextApi = Pick<
  Text,
  | 'getText'
  | 'setText'
  | 'appendText'
  | 'insertText'
  | 'deleteText'
  | 'getType'
  | 'editAsText'
  | 'setBold'
  | 'isBold'
  | 'setItalic'
  | 'isItalic'
  | 'setUnderline'
  | 'isUnderline'
  | 'setStrikethrough'
  | 'isStrikethrough'
  | 'setFontSize'
  | 'getFontSize'
  | 'setFontFamily'
  | 'getFontFamily'
  | 'setForegroundColor'
  | 'getForegroundColor'
  | 'setBackgroundColor'
  | 'getBackgroundColor'
  | 'setAttributes'
  | 'getAttributes'
  | 'replaceText'
>;

/** The Text element. Offsets are 0-based and end-inclusive, as in DocumentApp. */
export class FakeText implements TextApi {
  constructor(private readonly scope: TextScope) {}

  private get _single(): boolean {
    return this.scope.paragraphs().length === 1 && !this.scope.container;
  }

  /** `setX(value)` for the whole text or `setX(start, endInclusive, value)` for a range. */
  private _style(method: string, args: unknown[], parse: (v: unknown) => Patch<TextStyle>): Text {
    const name = `Text.${method}`;
    if (args.length === 1) {
      const patch = parse(args[0]);
      const length = scopeText(this.scope).length;
      if (length > 0) restyle(this.scope, 0, length - 1, patch);
    } else if (args.length === 3) {
      const [start, end] = checkRange(args[0], args[1], scopeText(this.scope).length, name);
      restyle(this.scope, start, end, parse(args[2]));
    } else {
      throw signatureError(name, args);
    }
    return this as unknown as Text;
  }

  private _read<K extends keyof TextStyle>(key: K, offset: unknown, method: string): TextStyle[K] | null {
    if (offset === undefined || offset === null) {
      const values = new Set(scopeStyles(this.scope).map((s) => s[key]));
      const [only] = [...values];
      return values.size === 1 && only !== undefined ? only : null;
    }
    const at = checkOffset(offset, scopeText(this.scope).length, `Text.${method}`);
    return styleAt(this.scope, at)[key] ?? null;
  }

  getType(): GoogleAppsScript.Document.ElementType {
    return ElementType.TEXT as unknown as GoogleAppsScript.Document.ElementType;
  }
  editAsText(): Text {
    return this as unknown as Text;
  }
  getText(): string {
    return scopeText(this.scope);
  }
  setText(text: string): Text {
    const value = stringArg(text, 'Text.setText');
    if (this.scope.container) this.scope.container.setText(value);
    else setParagraphText(this.scope, value);
    return this as unknown as Text;
  }
  appendText(text: string): Text {
    const value = stringArg(text, 'Text.appendText');
    if (this.scope.container) this.scope.container.appendText(value);
    else insertInParagraph(this.scope, scopeText(this.scope).length, value);
    return this as unknown as Text;
  }
  insertText(offset: number, text: string): Text {
    this._requireSingle('insertText');
    const length = scopeText(this.scope).length;
    if (typeof offset !== 'number' || !Number.isInteger(offset)) throw signatureError('Text.insertText', [offset, text]);
    if (offset < 0 || offset > length) throw new Error(DOC_ERRORS.textIndex(offset, length));
    insertInParagraph(this.scope, offset, stringArg(text, 'Text.insertText'));
    return this as unknown as Text;
  }
  deleteText(startOffset: number, endOffsetInclusive: number): Text {
    this._requireSingle('deleteText');
    const [start, end] = checkRange(startOffset, endOffsetInclusive, scopeText(this.scope).length, 'Text.deleteText');
    deleteInParagraph(this.scope, start, end);
    return this as unknown as Text;
  }

  /** Every match of an RE2 pattern in each paragraph of the scope; the replacement is literal. */
  replaceText(searchPattern: string, replacement: string): Text {
    const find = patternFinder(stringArg(searchPattern, 'Text.replaceText'), 'Text.replaceText');
    const text = stringArg(replacement, 'Text.replaceText');
    for (const block of this.scope.paragraphs()) replaceMatches(block, find, text);
    return this as unknown as Text;
  }

  private _requireSingle(method: string): void {
    if (!this._single) throw new Error(`Text.${method} across several paragraphs is not supported in the local Apps Script workspace`);
  }

  setBold(...args: unknown[]): Text {
    return this._style('setBold', args, (v) => ({ bold: boolArg(v, 'Text.setBold') }));
  }
  isBold(offset?: number | null): boolean {
    return this._read('bold', offset, 'isBold') as boolean;
  }
  setItalic(...args: unknown[]): Text {
    return this._style('setItalic', args, (v) => ({ italic: boolArg(v, 'Text.setItalic') }));
  }
  isItalic(offset?: number | null): boolean {
    return this._read('italic', offset, 'isItalic') as boolean;
  }
  setUnderline(...args: unknown[]): Text {
    return this._style('setUnderline', args, (v) => ({ underline: boolArg(v, 'Text.setUnderline') }));
  }
  isUnderline(offset?: number | null): boolean {
    return this._read('underline', offset, 'isUnderline') as boolean;
  }
  setStrikethrough(...args: unknown[]): Text {
    return this._style('setStrikethrough', args, (v) => ({ strikethrough: boolArg(v, 'Text.setStrikethrough') }));
  }
  isStrikethrough(offset?: number | null): boolean {
    return this._read('strikethrough', offset, 'isStrikethrough') as boolean;
  }
  setFontSize(...args: unknown[]): Text {
    return this._style('setFontSize', args, (v) => ({ fontSize: numberArg(v, 'Text.setFontSize') }));
  }
  getFontSize(offset?: number | null): number {
    return this._read('fontSize', offset, 'getFontSize') as number;
  }
  setFontFamily(...args: unknown[]): Text {
    return this._style('setFontFamily', args, (v) => ({ fontFamily: stringArg(v, 'Text.setFontFamily') }));
  }
  getFontFamily(offset?: number | null): string {
    return this._read('fontFamily', offset, 'getFontFamily') as string;
  }
  setForegroundColor(...args: unknown[]): Text {
    return this._style('setForegroundColor', args, (v) => ({ foregroundColor: colorArg(v, 'Text.setForegroundColor') }));
  }
  getForegroundColor(offset?: number | null): string {
    return this._read('foregroundColor', offset, 'getForegroundColor') as string;
  }
  setBackgroundColor(...args: unknown[]): Text {
    return this._style('setBackgroundColor', args, (v) => ({ backgroundColor: colorArg(v, 'Text.setBackgroundColor') }));
  }
  getBackgroundColor(offset?: number | null): string {
    return this._read('backgroundColor', offset, 'getBackgroundColor') as string;
  }
  setAttributes(...args: unknown[]): Text {
    return this._style('setAttributes', args, (v) => textPatchFromAttributes(v, 'Text.setAttributes'));
  }
  getAttributes(offset?: number | null): Attributes {
    if (offset === undefined || offset === null) return textAttributesOf(scopeStyles(this.scope));
    const at = checkOffset(offset, scopeText(this.scope).length, 'Text.getAttributes');
    return textAttributesOf([styleAt(this.scope, at)]);
  }
}

/** Applies a text-style change to every character of some paragraphs (container setAttributes). */
export function restyleAll(paragraphs: TextBlock[], patch: Patch<TextStyle>): void {
  for (const block of paragraphs) for (const inline of block.content) if (isText(inline)) applyPatch(inline.style, patch);
}

/** Where a search finds its matches in one stretch of text: [start, end) pairs, in order, not overlapping. */
export type Finder = (text: string) => Array<[number, number]>;

/**
 * Replaces every match in one paragraph. Matches never cross a page break, rule or page number
 * (DocumentApp matches "each text block" on its own). The replacement is inserted as typed, in
 * the style of the first character it replaces. Returns the number of matches replaced.
 */
export function replaceMatches(block: TextBlock, find: Finder, replacement: string): number {
  const out: Inline[] = [];
  let count = 0;
  let segment: TextRun[] = [];
  const flush = () => {
    const runs = segment;
    segment = [];
    if (!runs.length) return;
    const matches = find(runs.map((r) => r.text).join(''));
    if (!matches.length) {
      out.push(...runs);
      return;
    }
    count += matches.length;
    const total = runs.reduce((n, r) => n + r.text.length, 0);
    const copy = (from: number, to: number) => {
      let at = 0;
      for (const run of runs) {
        const a = at;
        at += run.text.length;
        const s = Math.max(from, a);
        const e = Math.min(to, at);
        if (e > s) out.push(newRun(run.text.slice(s - a, e - a), run.style, runTags.get(run)));
      }
    };
    const runAt = (offset: number): TextRun => {
      let at = 0;
      for (const run of runs) {
        at += run.text.length;
        if (offset < at) return run;
      }
      return runs[runs.length - 1];
    };
    let pos = 0;
    for (const [start, end] of matches) {
      copy(pos, start);
      const first = runAt(start);
      if (replacement) out.push(newRun(replacement, first.style, runTags.get(first)));
      pos = end;
    }
    copy(pos, total);
  };
  for (const inline of block.content) {
    if (isText(inline)) segment.push(inline);
    else {
      flush();
      out.push(inline);
    }
  }
  flush();
  block.content = out;
  tidy(block);
  return count;
}

/** A finder for a DocumentApp pattern (RE2 syntax: no backreferences, no lookaround). */
export function patternFinder(pattern: string, method: string): Finder {
  // The emulator's wording: Google refuses what RE2 cannot compile, with its own text.
  const invalid = () => new Error(`Invalid regular expression pattern ${pattern} (${method}).`);
  if (/\\[1-9]|\(\?<?[=!]/.test(pattern)) throw invalid();
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'g');
  } catch {
    throw invalid();
  }
  return (text) => {
    const out: Array<[number, number]> = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex += 1;
        continue;
      }
      out.push([m.index, m.index + m[0].length]);
    }
    return out;
  };
}

/** A finder for literal text (the Docs API's replaceAllText): no pattern characters, optionally any case. */
export function literalFinder(needle: string, matchCase: boolean): Finder {
  const re = new RegExp(needle.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'), matchCase ? 'g' : 'gi');
  return (text) => {
    const out: Array<[number, number]> = [];
    for (const m of text.matchAll(re)) out.push([m.index, m.index + m[0].length]);
    return out;
  };
}

/**
 * Attribute values: argument checks shared by the setters, and the DocumentApp.Attribute maps that
 * setAttributes()/getAttributes() use (keys are attribute names, as String(Attribute.BOLD) gives).
 */
import { EnumValue, GlyphType, HorizontalAlignment, ParagraphHeading, VerticalAlignment, enumName, signatureError } from './enums';
import { ALIGNMENTS, GLYPHS, HEADINGS, ParagraphStyle, TextStyle, VERTICAL_ALIGNMENTS } from './model';

export type AttributeValue = boolean | number | string | EnumValue | null;
export type Attributes = Record<string, AttributeValue>;

/** A change to a style: a value sets, null clears (back to inherited). */
export type Patch<T> = { [K in keyof T]?: T[K] | null };

export function applyPatch<T extends object>(target: T, patch: Patch<T>): void {
  for (const [key, value] of Object.entries(patch) as Array<[keyof T, T[keyof T] | null | undefined]>) {
    if (value === undefined) continue;
    if (value === null) delete target[key];
    else target[key] = value;
  }
}

export function boolArg(value: unknown, method: string): boolean {
  if (typeof value !== 'boolean') throw signatureError(method, [value]);
  return value;
}

export function numberArg(value: unknown, method: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw signatureError(method, [value]);
  return value;
}

export function stringArg(value: unknown, method: string): string {
  if (typeof value !== 'string') throw signatureError(method, [value]);
  return value;
}

/** '#abc' or '#aabbcc' (CSS notation, as DocumentApp takes it), kept as lower-case '#aabbcc'. */
export function colorArg(value: unknown, method: string): string {
  const text = stringArg(value, method).trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  throw new Error(`Invalid color: ${String(value)} (DocumentApp takes CSS notation such as '#1a2b3c').`);
}

export function headingArg(value: unknown, method: string) {
  return enumName('ParagraphHeading', value, method, HEADINGS);
}
export function alignmentArg(value: unknown, method: string) {
  return enumName('HorizontalAlignment', value, method, ALIGNMENTS);
}
export function glyphArg(value: unknown, method: string) {
  return enumName('GlyphType', value, method, GLYPHS);
}
export function verticalAlignmentArg(value: unknown, method: string) {
  return enumName('VerticalAlignment', value, method, VERTICAL_ALIGNMENTS);
}

/** Attributes the emulator does not model: setting one to a value is refused rather than dropped. */
const UNSUPPORTED = new Set(['CODE', 'LINK_URL', 'LEFT_TO_RIGHT', 'HEIGHT']);

/** A setter per attribute name an element understands; the value is never null here. */
export type AttributeHandlers = Record<string, (value: unknown) => void>;
/** A clearer per attribute name (called for null values). */
export type AttributeClearers = Record<string, () => void>;

/**
 * setAttributes(): null clears an attribute, attributes that do not apply to the element are
 * ignored (as copying getAttributes() of another element onto this one expects), and attributes
 * the emulator does not model are refused.
 */
export function setAttributes(attributes: unknown, method: string, handlers: AttributeHandlers, clearers: AttributeClearers): void {
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) throw signatureError(method, [attributes]);
  for (const [key, value] of Object.entries(attributes as Record<string, unknown>)) {
    if (value === null || value === undefined) {
      clearers[key]?.();
      continue;
    }
    const handler = handlers[key];
    if (handler) handler(value);
    else if (UNSUPPORTED.has(key)) throw new Error(`Attribute ${key} is not supported in the local Apps Script workspace`);
  }
}

// ---- text attributes ----

export const TEXT_ATTRIBUTES = {
  BOLD: 'bold',
  ITALIC: 'italic',
  UNDERLINE: 'underline',
  STRIKETHROUGH: 'strikethrough',
  FONT_FAMILY: 'fontFamily',
  FONT_SIZE: 'fontSize',
  FOREGROUND_COLOR: 'foregroundColor',
  BACKGROUND_COLOR: 'backgroundColor',
} as const satisfies Record<string, keyof TextStyle>;

/** The text-style change an attributes object asks for (unknown keys left out). */
export function textPatchFromAttributes(attributes: unknown, method: string, skip: readonly string[] = []): Patch<TextStyle> {
  const patch: Patch<TextStyle> = {};
  const handlers: AttributeHandlers = {
    BOLD: (v) => (patch.bold = boolArg(v, method)),
    ITALIC: (v) => (patch.italic = boolArg(v, method)),
    UNDERLINE: (v) => (patch.underline = boolArg(v, method)),
    STRIKETHROUGH: (v) => (patch.strikethrough = boolArg(v, method)),
    FONT_FAMILY: (v) => (patch.fontFamily = stringArg(v, method)),
    FONT_SIZE: (v) => (patch.fontSize = numberArg(v, method)),
    FOREGROUND_COLOR: (v) => (patch.foregroundColor = colorArg(v, method)),
    BACKGROUND_COLOR: (v) => (patch.backgroundColor = colorArg(v, method)),
  };
  const clearers: AttributeClearers = {};
  for (const [name, key] of Object.entries(TEXT_ATTRIBUTES)) clearers[name] = () => (patch[key] = null);
  for (const name of skip) {
    delete handlers[name];
    delete clearers[name];
  }
  setAttributes(attributes, method, handlers, clearers);
  return patch;
}

/** Text attributes of a stretch of text: a value when every character shares it, else null. */
export function textAttributesOf(styles: TextStyle[]): Attributes {
  const out: Attributes = {};
  for (const [name, key] of Object.entries(TEXT_ATTRIBUTES)) {
    const values = new Set(styles.map((s) => s[key]));
    const [only] = [...values];
    out[name] = values.size === 1 && only !== undefined ? only : null;
  }
  return out;
}

// ---- paragraph attributes ----

export const PARAGRAPH_ATTRIBUTES = {
  HORIZONTAL_ALIGNMENT: 'alignment',
  INDENT_START: 'indentStart',
  INDENT_END: 'indentEnd',
  INDENT_FIRST_LINE: 'indentFirstLine',
  SPACING_BEFORE: 'spacingBefore',
  SPACING_AFTER: 'spacingAfter',
  LINE_SPACING: 'lineSpacing',
  HEADING: 'heading',
} as const satisfies Record<string, keyof ParagraphStyle>;

export function paragraphPatchFromAttributes(attributes: unknown, method: string): Patch<ParagraphStyle> {
  const patch: Patch<ParagraphStyle> = {};
  const handlers: AttributeHandlers = {
    HORIZONTAL_ALIGNMENT: (v) => (patch.alignment = alignmentArg(v, method)),
    INDENT_START: (v) => (patch.indentStart = numberArg(v, method)),
    INDENT_END: (v) => (patch.indentEnd = numberArg(v, method)),
    INDENT_FIRST_LINE: (v) => (patch.indentFirstLine = numberArg(v, method)),
    SPACING_BEFORE: (v) => (patch.spacingBefore = numberArg(v, method)),
    SPACING_AFTER: (v) => (patch.spacingAfter = numberArg(v, method)),
    LINE_SPACING: (v) => (patch.lineSpacing = numberArg(v, method)),
    HEADING: (v) => {
      const heading = headingArg(v, method);
      patch.heading = heading === 'NORMAL' ? null : heading;
    },
  };
  const clearers: AttributeClearers = {};
  for (const [name, key] of Object.entries(PARAGRAPH_ATTRIBUTES)) clearers[name] = () => (patch[key] = null);
  setAttributes(attributes, method, handlers, clearers);
  return patch;
}

export function paragraphAttributesOf(style: ParagraphStyle): Attributes {
  return {
    HEADING: ParagraphHeading[style.heading ?? 'NORMAL'],
    HORIZONTAL_ALIGNMENT: style.alignment ? HorizontalAlignment[style.alignment] : null,
    INDENT_START: style.indentStart ?? null,
    INDENT_END: style.indentEnd ?? null,
    INDENT_FIRST_LINE: style.indentFirstLine ?? null,
    SPACING_BEFORE: style.spacingBefore ?? null,
    SPACING_AFTER: style.spacingAfter ?? null,
    LINE_SPACING: style.lineSpacing ?? null,
  };
}

export { GlyphType, VerticalAlignment };

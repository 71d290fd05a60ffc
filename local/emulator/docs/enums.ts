/**
 * DocumentApp enumerations. Real enum values are objects (String(v) gives the name, and a plain
 * string passed instead fails the method signature), so the fakes use frozen singletons too:
 * `getHeading() === DocumentApp.ParagraphHeading.HEADING1` holds, and 'HEADING1' is refused.
 */
import { ALIGNMENTS, GLYPHS, HEADINGS, VERTICAL_ALIGNMENTS } from './model';

export class EnumValue {
  constructor(
    private readonly enumName: string,
    private readonly valueName: string,
    private readonly index: number,
  ) {
    Object.freeze(this);
  }
  name(): string {
    return this.valueName;
  }
  ordinal(): number {
    return this.index;
  }
  toString(): string {
    return this.valueName;
  }
  toJSON(): string {
    return this.valueName;
  }
  /** Which enumeration the value belongs to, for argument checks. */
  of(enumName: string): boolean {
    return this.enumName === enumName;
  }
}

type EnumObject<K extends string> = Readonly<Record<K, EnumValue>>;

function makeEnum<K extends string>(enumName: string, names: readonly K[]): EnumObject<K> {
  const out = {} as Record<K, EnumValue>;
  names.forEach((name, i) => (out[name] = new EnumValue(enumName, name, i)));
  return Object.freeze(out);
}

export const ATTRIBUTE_NAMES = [
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
] as const;
export type AttributeName = (typeof ATTRIBUTE_NAMES)[number];

export const ELEMENT_TYPES = [
  'BODY_SECTION',
  'COMMENT_SECTION',
  'DATE',
  'DOCUMENT',
  'EQUATION',
  'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL',
  'FOOTER_SECTION',
  'FOOTNOTE',
  'FOOTNOTE_SECTION',
  'HEADER_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_DRAWING',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'PERSON',
  'RICH_LINK',
  'TABLE',
  'TABLE_CELL',
  'TABLE_OF_CONTENTS',
  'TABLE_ROW',
  'TEXT',
  'UNSUPPORTED',
] as const;
export type ElementTypeName = (typeof ELEMENT_TYPES)[number];

export const Attribute = makeEnum('Attribute', ATTRIBUTE_NAMES);
export const ElementType = makeEnum('ElementType', ELEMENT_TYPES);
export const GlyphType = makeEnum('GlyphType', GLYPHS);
export const HorizontalAlignment = makeEnum('HorizontalAlignment', ALIGNMENTS);
export const ParagraphHeading = makeEnum('ParagraphHeading', HEADINGS);
export const VerticalAlignment = makeEnum('VerticalAlignment', VERTICAL_ALIGNMENTS);
export const TextAlignment = makeEnum('TextAlignment', ['NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT'] as const);

/** Apps Script's type names in "The parameters (...) don't match" errors. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof EnumValue) return `${value.name()}`;
  if (Array.isArray(value)) return 'Object[]';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'boolean':
      return 'Boolean';
    case 'number':
      return 'number';
    case 'undefined':
      return 'undefined';
    default:
      return 'Object';
  }
}

/** The error Apps Script throws when arguments do not fit any overload of a method. */
export function signatureError(method: string, args: readonly unknown[]): Error {
  return new Error(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for DocumentApp.${method}.`);
}

/** The name of an enum value of the given enumeration, or a signature error. */
export function enumName<K extends string>(enumName: string, value: unknown, method: string, allowed: readonly K[]): K {
  if (value instanceof EnumValue && value.of(enumName) && (allowed as readonly string[]).includes(value.name())) return value.name() as K;
  throw signatureError(method, [value]);
}

export function enumOf<K extends string>(object: EnumObject<K>, name: K): EnumValue {
  return object[name];
}

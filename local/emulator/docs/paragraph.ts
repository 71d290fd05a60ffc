/** Paragraph and ListItem (a paragraph in a list), and the page breaks and rules inside them. */
import {
  Attributes,
  alignmentArg,
  applyPatch,
  glyphArg,
  headingArg,
  numberArg,
  paragraphAttributesOf,
  paragraphPatchFromAttributes,
  stringArg,
  textAttributesOf,
  textPatchFromAttributes,
  AttributeHandlers,
  setAttributes as applyAttributes,
} from './attributes';
import { DOC_ERRORS, DocContext, NodeCarrier, detachedNodes, expose, locate, modelOf, nodeOf, removeBlock } from './context';
import { ElementType, GlyphType, HorizontalAlignment, ParagraphHeading, signatureError } from './enums';
import { HorizontalRuleInline, ListItemBlock, PageBreakInline, ParagraphBlock, ParagraphStyle, TextBlock, TextStyle, cloneModel, paragraphText } from './model';
import { FakeText, newRun, patternFinder, replaceMatches, restyleAll, trailingStyle } from './text';

type Paragraph = GoogleAppsScript.Document.Paragraph;
type ListItem = GoogleAppsScript.Document.ListItem;
type Text = GoogleAppsScript.Document.Text;

export function wrapText(ctx: DocContext, fake: FakeText): Text {
  return expose(ctx, 'Text', fake);
}

/** The fake for a paragraph or list item of the document. */
export function wrapTextBlock(ctx: DocContext, block: TextBlock): Paragraph | ListItem {
  return block.kind === 'listItem' ? expose<FakeListItem, ListItem>(ctx, 'ListItem', new FakeListItem(ctx, block)) : expose<FakeParagraph, Paragraph>(ctx, 'Paragraph', new FakeParagraph(ctx, block));
}

/** Members Paragraph and ListItem share (the names are the same in both interfaces). */
type Shared =
  | 'getType'
  | 'getText'
  | 'setText'
  | 'appendText'
  | 'editAsText'
  | 'clear'
  | 'copy'
  | 'removeFromParent'
  | 'setHeading'
  | 'getHeading'
  | 'setAlignment'
  | 'getAlignment'
  | 'setIndentStart'
  | 'getIndentStart'
  | 'setIndentEnd'
  | 'getIndentEnd'
  | 'setIndentFirstLine'
  | 'getIndentFirstLine'
  | 'setSpacingBefore'
  | 'getSpacingBefore'
  | 'setSpacingAfter'
  | 'getSpacingAfter'
  | 'setLineSpacing'
  | 'getLineSpacing'
  | 'setAttributes'
  | 'getAttributes'
  | 'appendPageBreak'
  | 'appendHorizontalRule'
  | 'replaceText';

abstract class FakeTextBlock<B extends TextBlock, Api> implements NodeCarrier {
  protected abstract readonly service: 'Paragraph' | 'ListItem';

  constructor(
    protected readonly ctx: DocContext,
    protected readonly block: B,
  ) {}

  __node(): object {
    return this.block;
  }

  /** This fake typed as the Apps Script element (the proxies hand scripts the proxy instead). */
  protected _api(): Api {
    return this as unknown as Api;
  }

  protected _set<K extends keyof ParagraphStyle>(key: K, value: ParagraphStyle[K] | undefined): Api {
    if (value === undefined) delete this.block.style[key];
    else this.block.style[key] = value;
    return this._api();
  }

  getText(): string {
    return paragraphText(this.block);
  }
  setText(text: string): void {
    new FakeText({ paragraphs: () => [this.block] }).setText(stringArg(text, `${this.service}.setText`));
    this.block.content = this.block.content.filter((i) => i.kind === 'text');
  }
  appendText(text: string | Text): Text {
    // A Text element of its own, styled like the text before it (as typing would be).
    const tag = {};
    this.block.content.push(newRun(stringArg(text, `${this.service}.appendText`), trailingStyle(this.block), tag));
    this.block.content = this.block.content.filter((i) => i.kind !== 'text' || i.text.length > 0);
    return wrapText(this.ctx, new FakeText({ paragraphs: () => [this.block], tag }));
  }
  editAsText(): Text {
    return wrapText(this.ctx, new FakeText({ paragraphs: () => [this.block] }));
  }
  clear(): Api {
    this.block.content = [];
    return this._api();
  }
  /** Every match of an RE2 pattern in this paragraph; the replacement is inserted literally. */
  replaceText(searchPattern: string, replacement: string): Api {
    const method = `${this.service}.replaceText`;
    replaceMatches(this.block, patternFinder(stringArg(searchPattern, method), method), stringArg(replacement, method));
    return this._api();
  }
  removeFromParent(): Api {
    removeBlock(modelOf(this.ctx), this.block);
    return this._api();
  }

  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): Api {
    const name = headingArg(heading, `${this.service}.setHeading`);
    return this._set('heading', name === 'NORMAL' ? undefined : name);
  }
  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return ParagraphHeading[this.block.style.heading ?? 'NORMAL'] as unknown as GoogleAppsScript.Document.ParagraphHeading;
  }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): Api {
    return this._set('alignment', alignmentArg(alignment, `${this.service}.setAlignment`));
  }
  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    const a = this.block.style.alignment;
    return (a ? HorizontalAlignment[a] : null) as unknown as GoogleAppsScript.Document.HorizontalAlignment;
  }
  setIndentStart(indentStart: number): Api {
    return this._set('indentStart', numberArg(indentStart, `${this.service}.setIndentStart`));
  }
  getIndentStart(): number {
    return this.block.style.indentStart ?? (null as unknown as number);
  }
  setIndentEnd(indentEnd: number): Api {
    return this._set('indentEnd', numberArg(indentEnd, `${this.service}.setIndentEnd`));
  }
  getIndentEnd(): number {
    return this.block.style.indentEnd ?? (null as unknown as number);
  }
  setIndentFirstLine(indentFirstLine: number): Api {
    return this._set('indentFirstLine', numberArg(indentFirstLine, `${this.service}.setIndentFirstLine`));
  }
  getIndentFirstLine(): number {
    return this.block.style.indentFirstLine ?? (null as unknown as number);
  }
  setSpacingBefore(spacingBefore: number): Api {
    return this._set('spacingBefore', numberArg(spacingBefore, `${this.service}.setSpacingBefore`));
  }
  getSpacingBefore(): number {
    return this.block.style.spacingBefore ?? (null as unknown as number);
  }
  setSpacingAfter(spacingAfter: number): Api {
    return this._set('spacingAfter', numberArg(spacingAfter, `${this.service}.setSpacingAfter`));
  }
  getSpacingAfter(): number {
    return this.block.style.spacingAfter ?? (null as unknown as number);
  }
  setLineSpacing(multiplier: number): Api {
    return this._set('lineSpacing', numberArg(multiplier, `${this.service}.setLineSpacing`));
  }
  getLineSpacing(): number {
    return this.block.style.lineSpacing ?? (null as unknown as number);
  }

  /** Paragraph and text attributes (text ones apply to the whole paragraph). */
  setAttributes(attributes: unknown): Api {
    const method = `${this.service}.setAttributes`;
    const paragraphPatch = paragraphPatchFromAttributes(attributes, method);
    const textPatch = textPatchFromAttributes(attributes, method);
    applyPatch(this.block.style, paragraphPatch);
    restyleAll([this.block], textPatch);
    return this._api();
  }
  getAttributes(): Attributes {
    const styles: TextStyle[] = this.block.content.flatMap((i) => (i.kind === 'text' ? [i.style] : []));
    return { ...textAttributesOf(styles), ...paragraphAttributesOf(this.block.style) };
  }

  /** A detached deep copy; it can be appended or inserted elsewhere. */
  copy(): Api {
    const clone = cloneModel(this.block);
    detachedNodes.add(clone);
    return wrapTextBlock(this.ctx, clone) as unknown as Api;
  }

  appendPageBreak(pageBreak?: GoogleAppsScript.Document.PageBreak | null): GoogleAppsScript.Document.PageBreak {
    if (pageBreak !== undefined && pageBreak !== null) throw signatureError(`${this.service}.appendPageBreak`, [pageBreak]);
    const place = locate(modelOf(this.ctx), this.block);
    if (place?.owner.kind === 'cell') throw new Error(DOC_ERRORS.pageBreakInCell);
    const inline: PageBreakInline = { kind: 'pageBreak' };
    this.block.content.push(inline);
    return wrapInline(this.ctx, this.block, inline) as GoogleAppsScript.Document.PageBreak;
  }
  appendHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    const inline: HorizontalRuleInline = { kind: 'horizontalRule' };
    this.block.content.push(inline);
    return wrapInline(this.ctx, this.block, inline) as GoogleAppsScript.Document.HorizontalRule;
  }
}

export class FakeParagraph extends FakeTextBlock<ParagraphBlock, Paragraph> implements Pick<Paragraph, Shared | 'asParagraph'> {
  protected readonly service = 'Paragraph';

  getType(): GoogleAppsScript.Document.ElementType {
    return ElementType.PARAGRAPH as unknown as GoogleAppsScript.Document.ElementType;
  }
  asParagraph(): Paragraph {
    return this._api();
  }
}

export class FakeListItem
  extends FakeTextBlock<ListItemBlock, ListItem>
  implements Pick<ListItem, Shared | 'asListItem' | 'setGlyphType' | 'getGlyphType' | 'setNestingLevel' | 'getNestingLevel' | 'setListId' | 'getListId'>
{
  protected readonly service = 'ListItem';

  getType(): GoogleAppsScript.Document.ElementType {
    return ElementType.LIST_ITEM as unknown as GoogleAppsScript.Document.ElementType;
  }
  asListItem(): ListItem {
    return this._api();
  }
  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): ListItem {
    this.block.glyphType = glyphArg(glyphType, 'ListItem.setGlyphType');
    return this._api();
  }
  getGlyphType(): GoogleAppsScript.Document.GlyphType {
    return GlyphType[this.block.glyphType] as unknown as GoogleAppsScript.Document.GlyphType;
  }
  setNestingLevel(nestingLevel: number): ListItem {
    const level = numberArg(nestingLevel, 'ListItem.setNestingLevel');
    // The emulator's wording; Docs lists have nine levels (0-8).
    if (!Number.isInteger(level) || level < 0 || level > 8) throw new Error(`Nesting level (${level}) must be between 0 and 8.`);
    this.block.nestingLevel = level;
    return this._api();
  }
  getNestingLevel(): number {
    return this.block.nestingLevel;
  }
  /** Joins the list of another list item (DocumentApp takes the item, not an id). */
  setListId(listItem: ListItem): ListItem {
    const other = nodeOf(listItem) as ListItemBlock | undefined;
    if (!other || other.kind !== 'listItem') throw signatureError('ListItem.setListId', [listItem]);
    this.block.listId = other.listId;
    return this._api();
  }
  getListId(): string {
    return this.block.listId;
  }
  override setAttributes(attributes: unknown): ListItem {
    super.setAttributes(attributes);
    const method = 'ListItem.setAttributes';
    const handlers: AttributeHandlers = {
      GLYPH_TYPE: (v) => (this.block.glyphType = glyphArg(v, method)),
      NESTING_LEVEL: (v) => this.setNestingLevel(numberArg(v, method)),
      LIST_ID: (v) => (this.block.listId = stringArg(v, method)),
    };
    applyAttributes(attributes, method, handlers, {});
    return this._api();
  }
  override getAttributes(): Attributes {
    return { ...super.getAttributes(), GLYPH_TYPE: GlyphType[this.block.glyphType], NESTING_LEVEL: this.block.nestingLevel, LIST_ID: this.block.listId };
  }
}

// ---- page breaks and horizontal rules: leaves inside a paragraph ----

class FakeInline implements NodeCarrier {
  constructor(
    private readonly block: TextBlock,
    private readonly inline: PageBreakInline | HorizontalRuleInline,
  ) {}
  __node(): object {
    return this.inline;
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return (this.inline.kind === 'pageBreak' ? ElementType.PAGE_BREAK : ElementType.HORIZONTAL_RULE) as unknown as GoogleAppsScript.Document.ElementType;
  }
  removeFromParent(): GoogleAppsScript.Document.PageBreak & GoogleAppsScript.Document.HorizontalRule {
    this.block.content = this.block.content.filter((i) => i !== this.inline);
    return this as unknown as GoogleAppsScript.Document.PageBreak & GoogleAppsScript.Document.HorizontalRule;
  }
}

class FakePageBreak extends FakeInline implements Pick<GoogleAppsScript.Document.PageBreak, 'getType' | 'removeFromParent'> {}
class FakeHorizontalRule extends FakeInline implements Pick<GoogleAppsScript.Document.HorizontalRule, 'getType' | 'removeFromParent'> {}

export function wrapInline(ctx: DocContext, block: TextBlock, inline: PageBreakInline | HorizontalRuleInline): GoogleAppsScript.Document.PageBreak | GoogleAppsScript.Document.HorizontalRule {
  return inline.kind === 'pageBreak'
    ? expose<FakePageBreak, GoogleAppsScript.Document.PageBreak>(ctx, 'PageBreak', new FakePageBreak(block, inline))
    : expose<FakeHorizontalRule, GoogleAppsScript.Document.HorizontalRule>(ctx, 'HorizontalRule', new FakeHorizontalRule(block, inline));
}

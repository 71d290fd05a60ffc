/** The body, header and footer sections of a document. */
import { Attributes, AttributeHandlers, numberArg, setAttributes as applyAttributes } from './attributes';
import { DocContext, checkInsertIndex, expose } from './context';
import { ContainerMembers, FakeContainer, wrapBlock } from './elements';
import { ElementType, signatureError } from './enums';
import { Block, DocumentModel, ListItemBlock, ParagraphBlock, flattenParagraphs } from './model';
import { wrapInline, wrapTextBlock } from './paragraph';

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type ListItem = GoogleAppsScript.Document.ListItem;
type Table = GoogleAppsScript.Document.Table;
type ElementTypeEnum = GoogleAppsScript.Document.ElementType;

/** Body, header and footer search their whole content; a table cell has no such methods. */
type SectionMembers = ContainerMembers | 'getParagraphs' | 'getListItems' | 'getTables';

/** Body, header and footer. */
abstract class FakeSectionBase<Api> extends FakeContainer<Api> {
  protected readonly inCell = false;

  getParagraphs(): Paragraph[] {
    return flattenParagraphs(this._blocks()).map((b) => wrapTextBlock(this.ctx, b) as Paragraph);
  }
  getListItems(): ListItem[] {
    return flattenParagraphs(this._blocks())
      .filter((b): b is ListItemBlock => b.kind === 'listItem')
      .map((b) => wrapTextBlock(this.ctx, b) as ListItem);
  }
  getTables(): Table[] {
    const out: Table[] = [];
    const visit = (list: Block[]) => {
      for (const block of list) {
        if (block.kind !== 'table') continue;
        out.push(wrapBlock(this.ctx, block) as unknown as Table);
        for (const row of block.rows) for (const cell of row.cells) visit(cell.children);
      }
    };
    visit(this._blocks());
    return out;
  }
}

// ---- sections ----

type BodyApi = Pick<
  Body,
  | SectionMembers
  | 'appendPageBreak'
  | 'insertPageBreak'
  | 'setMarginTop'
  | 'setMarginBottom'
  | 'setMarginLeft'
  | 'setMarginRight'
  | 'getMarginTop'
  | 'getMarginBottom'
  | 'getMarginLeft'
  | 'getMarginRight'
  | 'setPageWidth'
  | 'setPageHeight'
  | 'getPageWidth'
  | 'getPageHeight'
  | 'asBody'
>;

const PAGE_ATTRIBUTES = {
  MARGIN_TOP: 'marginTop',
  MARGIN_BOTTOM: 'marginBottom',
  MARGIN_LEFT: 'marginLeft',
  MARGIN_RIGHT: 'marginRight',
  PAGE_WIDTH: 'width',
  PAGE_HEIGHT: 'height',
} as const;

export class FakeBody extends FakeSectionBase<Body> implements BodyApi {
  protected readonly service = 'Body';

  protected _blocks(): Block[] {
    return this._model.body;
  }
  __node(): object {
    return this._model.body;
  }
  getType(): ElementTypeEnum {
    return ElementType.BODY_SECTION as unknown as ElementTypeEnum;
  }
  asBody(): Body {
    return this._api();
  }

  appendPageBreak(pageBreak?: GoogleAppsScript.Document.PageBreak): GoogleAppsScript.Document.PageBreak {
    if (pageBreak !== undefined) throw signatureError('Body.appendPageBreak', [pageBreak]);
    return this.insertPageBreak(this._blocks().length);
  }
  /** A page break sits in a paragraph of its own. */
  insertPageBreak(childIndex: number, pageBreak?: GoogleAppsScript.Document.PageBreak | null): GoogleAppsScript.Document.PageBreak {
    if (pageBreak !== undefined && pageBreak !== null) throw signatureError('Body.insertPageBreak', [childIndex, pageBreak]);
    const index = checkInsertIndex(childIndex, this._blocks().length);
    const block: ParagraphBlock = { kind: 'paragraph', style: {}, content: [{ kind: 'pageBreak' }] };
    this._place(index, block);
    return wrapInline(this.ctx, block, block.content[0] as { kind: 'pageBreak' }) as GoogleAppsScript.Document.PageBreak;
  }

  private _page(key: keyof DocumentModel['page'], value: unknown, method: string): Body {
    const n = numberArg(value, `Body.${method}`);
    // The emulator's wording: Docs refuses negative sizes.
    if (n < 0) throw new Error(`Invalid argument: ${method} must not be negative.`);
    this._model.page[key] = n;
    return this._api();
  }
  setMarginTop(marginTop: number): Body {
    return this._page('marginTop', marginTop, 'setMarginTop');
  }
  setMarginBottom(marginBottom: number): Body {
    return this._page('marginBottom', marginBottom, 'setMarginBottom');
  }
  setMarginLeft(marginLeft: number): Body {
    return this._page('marginLeft', marginLeft, 'setMarginLeft');
  }
  setMarginRight(marginRight: number): Body {
    return this._page('marginRight', marginRight, 'setMarginRight');
  }
  setPageWidth(pageWidth: number): Body {
    return this._page('width', pageWidth, 'setPageWidth');
  }
  setPageHeight(pageHeight: number): Body {
    return this._page('height', pageHeight, 'setPageHeight');
  }
  getMarginTop(): number {
    return this._model.page.marginTop;
  }
  getMarginBottom(): number {
    return this._model.page.marginBottom;
  }
  getMarginLeft(): number {
    return this._model.page.marginLeft;
  }
  getMarginRight(): number {
    return this._model.page.marginRight;
  }
  getPageWidth(): number {
    return this._model.page.width;
  }
  getPageHeight(): number {
    return this._model.page.height;
  }

  setAttributes(attributes: unknown): Body {
    const method = 'Body.setAttributes';
    const handlers: AttributeHandlers = {};
    for (const [name, key] of Object.entries(PAGE_ATTRIBUTES)) handlers[name] = (v) => this._page(key, v, name);
    applyAttributes(attributes, method, handlers, {});
    this._applyContentAttributes(attributes, method);
    return this._api();
  }
  getAttributes(): Attributes {
    const out: Attributes = this._contentAttributes();
    for (const [name, key] of Object.entries(PAGE_ATTRIBUTES)) out[name] = this._model.page[key];
    return out;
  }
}

type HeaderSection = GoogleAppsScript.Document.HeaderSection;
type FooterSection = GoogleAppsScript.Document.FooterSection;
type SectionApi<S> = Pick<S, Extract<SectionMembers, keyof S>>;

/** Header or footer: a section like the body, without page settings. */
abstract class FakeSection<Api> extends FakeSectionBase<Api> {
  protected abstract readonly which: 'header' | 'footer';

  protected _blocks(): Block[] {
    const list = this._model[this.which];
    // The emulator's wording: the section went away while this handle was held.
    if (!list) throw new Error(`The document has no ${this.which}.`);
    return list;
  }
  __node(): object {
    return this._blocks();
  }
  setAttributes(attributes: unknown): Api {
    this._applyContentAttributes(attributes, `${this.service}.setAttributes`);
    return this._api();
  }
  getAttributes(): Attributes {
    return this._contentAttributes();
  }
}

export class FakeHeaderSection extends FakeSection<HeaderSection> implements SectionApi<HeaderSection> {
  protected readonly service = 'HeaderSection';
  protected readonly which = 'header';
  getType(): ElementTypeEnum {
    return ElementType.HEADER_SECTION as unknown as ElementTypeEnum;
  }
}

export class FakeFooterSection extends FakeSection<FooterSection> implements SectionApi<FooterSection> {
  protected readonly service = 'FooterSection';
  protected readonly which = 'footer';
  getType(): ElementTypeEnum {
    return ElementType.FOOTER_SECTION as unknown as ElementTypeEnum;
  }
}

export function wrapBody(ctx: DocContext): Body {
  return expose(ctx, 'Body', new FakeBody(ctx));
}

export function wrapHeader(ctx: DocContext): HeaderSection {
  return expose(ctx, 'HeaderSection', new FakeHeaderSection(ctx));
}

export function wrapFooter(ctx: DocContext): FooterSection {
  return expose(ctx, 'FooterSection', new FakeFooterSection(ctx));
}

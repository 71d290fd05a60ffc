import { strict } from '../calls';
import { formatDatePattern } from '../time';
import type { Workspace } from '../workspace';
import { withHeaderRename } from './destination';
import { AnswerValue, FormItemModel, FormModel, ItemTypeName, NAVIGATION_TYPES, NavigationModel, NavigationType } from './model';

/**
 * Form items: one generic Item (what getItems() returns, with the as*Item() casts) and one typed
 * class per ItemType (what add*Item() and the casts return), each exposing only its real members.
 */

type Item = GoogleAppsScript.Forms.Item;
type Choice = GoogleAppsScript.Forms.Choice;
type ItemResponse = GoogleAppsScript.Forms.ItemResponse;

export const ITEM_ERRORS = {
  /** Text seen in real scripts (asListItem() on a page break). */
  conversion: (type: string) => `Invalid conversion for item type: ${type}`,
  /** Chosen text: createResponse() with a value the item cannot take. */
  invalidResponse: (title: string) => `Invalid response submitted to item "${title}".`,
  /** Chosen text: setBounds outside what Google Forms offers (low 0 or 1, high 2 to 10). */
  bounds: 'Invalid bounds for a scale item: the lower bound must be 0 or 1 and the upper bound from 2 to 10.',
  signature: (cls: string, method: string) => `The parameters don't match the method signature for FormApp.${cls}.${method}.`,
};

/** What every item fake needs from its form. */
export interface FormContext {
  ws: Workspace;
  readonly model: FormModel;
}

/** The Apps Script class name of each item type (also the service name calls are counted under). */
export const ITEM_CLASS: Record<ItemTypeName, string> = {
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  CHECKBOX: 'CheckboxItem',
  LIST: 'ListItem',
  SCALE: 'ScaleItem',
  GRID: 'GridItem',
  CHECKBOX_GRID: 'CheckboxGridItem',
  DATE: 'DateItem',
  SECTION_HEADER: 'SectionHeaderItem',
  PAGE_BREAK: 'PageBreakItem',
};

/** The item model behind any item fake handed to a script (generic or typed). */
export function itemIdOf(item: unknown): number {
  const probe = item as { __itemId?: () => number } | null;
  if (!probe || typeof probe.__itemId !== 'function') throw new Error('Invalid argument: item');
  return probe.__itemId();
}

function stringList(values: unknown, cls: string, method: string): string[] {
  if (!Array.isArray(values)) throw new Error(ITEM_ERRORS.signature(cls, method));
  return values.map((v) => String(v));
}

abstract class ItemBase<Self> {
  constructor(
    protected readonly ctx: FormContext,
    protected readonly item: FormItemModel,
  ) {}

  __itemId(): number {
    return this.item.id;
  }

  protected self(): Self {
    return this as unknown as Self;
  }

  getId(): number {
    return this.item.id;
  }
  getTitle(): string {
    return this.item.title;
  }
  setTitle(title: string): Self {
    // A linked response sheet follows the rename (apps-script-notes §4.1).
    withHeaderRename(this.ctx.ws, this.ctx.model, this.item, () => {
      this.item.title = String(title);
    });
    return this.self();
  }
  getHelpText(): string {
    return this.item.helpText;
  }
  setHelpText(text: string): Self {
    this.item.helpText = String(text);
    return this.self();
  }
  getType(): GoogleAppsScript.Forms.ItemType {
    return this.item.type as unknown as GoogleAppsScript.Forms.ItemType;
  }
  getIndex(): number {
    return this.ctx.model.items.indexOf(this.item);
  }
}

abstract class QuestionBase<Self> extends ItemBase<Self> {
  isRequired(): boolean {
    return this.item.required;
  }
  setRequired(enabled: boolean): Self {
    this.item.required = Boolean(enabled);
    return this.self();
  }
  protected respond(answer: AnswerValue): ItemResponse {
    return wrapItemResponse(this.ctx, this.item, answer);
  }
  protected invalid(): Error {
    return new Error(ITEM_ERRORS.invalidResponse(this.item.title));
  }
}

/**
 * A navigation argument as Apps Script takes it: a PageBreakItem of this form (GO_TO_PAGE to it)
 * or a PageNavigationType; anything else does not match the method's signature.
 */
function navigationOf(ctx: FormContext, target: unknown, cls: string, method: string): NavigationModel {
  if (typeof target === 'string' && (NAVIGATION_TYPES as readonly string[]).includes(target)) {
    // GO_TO_PAGE needs the page itself: Google refuses the bare type.
    if (target === 'GO_TO_PAGE') throw new Error(ITEM_ERRORS.signature(cls, method));
    return { type: target as NavigationType };
  }
  const probe = target as { __itemId?: () => number } | null;
  if (!probe || typeof probe.__itemId !== 'function') throw new Error(ITEM_ERRORS.signature(cls, method));
  const id = probe.__itemId();
  const page = ctx.model.items.find((it) => it.id === id);
  if (!page || page.type !== 'PAGE_BREAK') throw new Error(ITEM_ERRORS.signature(cls, method));
  return { type: 'GO_TO_PAGE', pageId: id };
}

/** The page break a GO_TO_PAGE navigation names, as the typed item; null when it is gone. */
function pageOf(ctx: FormContext, navigation: NavigationModel | null | undefined): GoogleAppsScript.Forms.PageBreakItem | null {
  if (!navigation || navigation.type !== 'GO_TO_PAGE') return null;
  const page = ctx.model.items.find((it) => it.id === navigation.pageId && it.type === 'PAGE_BREAK');
  return page ? wrapTypedItem<GoogleAppsScript.Forms.PageBreakItem>(ctx, page) : null;
}

export class FakeChoice implements Pick<Choice, 'getValue' | 'isCorrectAnswer' | 'getGotoPage' | 'getPageNavigationType'> {
  constructor(
    private readonly value: string,
    private readonly navigation: NavigationModel | null = null,
    private readonly ctx: FormContext | null = null,
  ) {}
  __value(): string {
    return this.value;
  }
  __navigation(): NavigationModel | null {
    return this.navigation ? { ...this.navigation } : null;
  }
  getValue(): string {
    return this.value;
  }
  isCorrectAnswer(): boolean {
    return false;
  }
  /** The page a navigation choice jumps to; null for a plain choice. */
  getGotoPage(): GoogleAppsScript.Forms.PageBreakItem {
    return (this.ctx ? pageOf(this.ctx, this.navigation) : null) as GoogleAppsScript.Forms.PageBreakItem;
  }
  /** The navigation type of a navigation choice; null for a plain choice. */
  getPageNavigationType(): GoogleAppsScript.Forms.PageNavigationType {
    return (this.navigation?.type ?? null) as unknown as GoogleAppsScript.Forms.PageNavigationType;
  }
}

abstract class ChoiceBase<Self> extends QuestionBase<Self> {
  /**
   * createChoice(value), (value, isCorrect) for quizzes, and — on MultipleChoiceItem and ListItem
   * only — (value, pageBreakItem) or (value, PageNavigationType): a choice that picks the next page.
   */
  createChoice(value: string, option?: unknown): Choice {
    let navigation: NavigationModel | null = null;
    if (option !== undefined && typeof option !== 'boolean') {
      if (this.item.type !== 'MULTIPLE_CHOICE' && this.item.type !== 'LIST') throw new Error(ITEM_ERRORS.signature(ITEM_CLASS[this.item.type], 'createChoice'));
      navigation = navigationOf(this.ctx, option, ITEM_CLASS[this.item.type], 'createChoice');
    }
    return this.wrapChoice(String(value), navigation);
  }
  private wrapChoice(value: string, navigation: NavigationModel | null): Choice {
    return strict('Choice', new FakeChoice(value, navigation, this.ctx), this.ctx.ws.calls) as unknown as Choice;
  }
  getChoices(): Choice[] {
    // Internal calls go to the raw fake, so only the script's own getChoices() is counted.
    return (this.item.choices ?? []).map((v, i) => this.wrapChoice(v, this.item.choiceNavigation?.[i] ?? null));
  }
  /** Plain choices: any navigation the choices had is gone, as in Google. */
  setChoiceValues(values: string[]): Self {
    this.item.choices = stringList(values, ITEM_CLASS[this.item.type], 'setChoiceValues');
    delete this.item.choiceNavigation;
    return this.self();
  }
  setChoices(choices: Choice[]): Self {
    if (!Array.isArray(choices)) throw new Error(ITEM_ERRORS.signature(ITEM_CLASS[this.item.type], 'setChoices'));
    const made = choices.map((c) => {
      const probe = c as unknown as { __value?: () => string; __navigation?: () => NavigationModel | null };
      if (typeof probe.__value !== 'function') throw new Error(ITEM_ERRORS.signature(ITEM_CLASS[this.item.type], 'setChoices'));
      return { value: probe.__value(), navigation: probe.__navigation?.() ?? null };
    });
    this.item.choices = made.map((c) => c.value);
    if (made.some((c) => c.navigation)) this.item.choiceNavigation = made.map((c) => c.navigation);
    else delete this.item.choiceNavigation;
    return this.self();
  }
  /** A value is valid when it is a choice, or any text when the «Другое» option is on. */
  protected validChoice(value: string): boolean {
    return (this.item.choices ?? []).includes(value) || (this.item.otherOption === true && value !== '');
  }
}

type Common = 'getId' | 'getTitle' | 'getHelpText' | 'getType' | 'getIndex' | 'setTitle' | 'setHelpText';
type Question = Common | 'isRequired' | 'setRequired' | 'createResponse';
type Choices = Question | 'createChoice' | 'getChoices' | 'setChoiceValues' | 'setChoices';

type TextItem = GoogleAppsScript.Forms.TextItem;
export class FakeTextItem extends QuestionBase<TextItem> implements Pick<TextItem, Question> {
  createResponse(response: string): ItemResponse {
    return this.respond(String(response));
  }
}

type ParagraphTextItem = GoogleAppsScript.Forms.ParagraphTextItem;
export class FakeParagraphTextItem extends QuestionBase<ParagraphTextItem> implements Pick<ParagraphTextItem, Question> {
  createResponse(response: string): ItemResponse {
    return this.respond(String(response));
  }
}

type MultipleChoiceItem = GoogleAppsScript.Forms.MultipleChoiceItem;
export class FakeMultipleChoiceItem extends ChoiceBase<MultipleChoiceItem> implements Pick<MultipleChoiceItem, Choices | 'showOtherOption' | 'hasOtherOption'> {
  showOtherOption(enabled: boolean): MultipleChoiceItem {
    this.item.otherOption = Boolean(enabled);
    return this.self();
  }
  hasOtherOption(): boolean {
    return this.item.otherOption === true;
  }
  createResponse(response: string): ItemResponse {
    const value = String(response);
    if (!this.validChoice(value)) throw this.invalid();
    return this.respond(value);
  }
}

type CheckboxItem = GoogleAppsScript.Forms.CheckboxItem;
export class FakeCheckboxItem extends ChoiceBase<CheckboxItem> implements Pick<CheckboxItem, Choices | 'showOtherOption' | 'hasOtherOption'> {
  showOtherOption(enabled: boolean): CheckboxItem {
    this.item.otherOption = Boolean(enabled);
    return this.self();
  }
  hasOtherOption(): boolean {
    return this.item.otherOption === true;
  }
  createResponse(responses: string[]): ItemResponse {
    const values = stringList(responses, 'CheckboxItem', 'createResponse');
    if (!values.every((v) => this.validChoice(v))) throw this.invalid();
    return this.respond(values);
  }
}

type ListItem = GoogleAppsScript.Forms.ListItem;
export class FakeListItem extends ChoiceBase<ListItem> implements Pick<ListItem, Choices> {
  createResponse(response: string): ItemResponse {
    const value = String(response);
    if (!this.validChoice(value)) throw this.invalid();
    return this.respond(value);
  }
}

type ScaleItem = GoogleAppsScript.Forms.ScaleItem;
export class FakeScaleItem extends QuestionBase<ScaleItem> implements Pick<ScaleItem, Question | 'setBounds' | 'getLowerBound' | 'getUpperBound' | 'setLabels' | 'getLeftLabel' | 'getRightLabel'> {
  setBounds(lower: number, upper: number): ScaleItem {
    if (!(lower === 0 || lower === 1) || !Number.isInteger(upper) || upper < 2 || upper > 10) throw new Error(ITEM_ERRORS.bounds);
    this.item.lowerBound = lower;
    this.item.upperBound = upper;
    return this.self();
  }
  getLowerBound(): number {
    return this.item.lowerBound ?? 1;
  }
  getUpperBound(): number {
    return this.item.upperBound ?? 5;
  }
  setLabels(lower: string, upper: string): ScaleItem {
    this.item.leftLabel = String(lower);
    this.item.rightLabel = String(upper);
    return this.self();
  }
  getLeftLabel(): string {
    return this.item.leftLabel ?? '';
  }
  getRightLabel(): string {
    return this.item.rightLabel ?? '';
  }
  createResponse(response: number): ItemResponse {
    const n = Number(response);
    if (!Number.isInteger(n) || n < this.getLowerBound() || n > this.getUpperBound()) throw this.invalid();
    return this.respond(String(n));
  }
}

type GridMembers = Question | 'setRows' | 'getRows' | 'setColumns' | 'getColumns';

abstract class GridBase<Self> extends QuestionBase<Self> {
  setRows(rows: string[]): Self {
    const next = stringList(rows, ITEM_CLASS[this.item.type], 'setRows');
    // Row titles are part of the headers "Title [Row]", so the linked sheet follows.
    withHeaderRename(this.ctx.ws, this.ctx.model, this.item, () => {
      this.item.rows = next;
    });
    return this.self();
  }
  getRows(): string[] {
    return [...(this.item.rows ?? [])];
  }
  setColumns(columns: string[]): Self {
    this.item.columns = stringList(columns, ITEM_CLASS[this.item.type], 'setColumns');
    return this.self();
  }
  getColumns(): string[] {
    return [...(this.item.columns ?? [])];
  }
  protected validColumn(value: string): boolean {
    return (this.item.columns ?? []).includes(value);
  }
}

type GridItem = GoogleAppsScript.Forms.GridItem;
export class FakeGridItem extends GridBase<GridItem> implements Pick<GridItem, GridMembers> {
  /** One value per row; null (or '') = no answer in that row. */
  createResponse(responses: string[]): ItemResponse {
    if (!Array.isArray(responses) || responses.length !== (this.item.rows ?? []).length) throw this.invalid();
    const values = responses.map((v) => (v === null || v === undefined ? '' : String(v)));
    if (!values.every((v) => v === '' || this.validColumn(v))) throw this.invalid();
    return this.respond(values);
  }
}

type CheckboxGridItem = GoogleAppsScript.Forms.CheckboxGridItem;
export class FakeCheckboxGridItem extends GridBase<CheckboxGridItem> implements Pick<CheckboxGridItem, GridMembers> {
  /** One list per row; null = no answer in that row. */
  createResponse(responses: string[][]): ItemResponse {
    if (!Array.isArray(responses) || responses.length !== (this.item.rows ?? []).length) throw this.invalid();
    const values = responses.map((row) => (row === null || row === undefined ? [] : stringList(row, 'CheckboxGridItem', 'createResponse')));
    if (!values.every((row) => row.every((v) => this.validColumn(v)))) throw this.invalid();
    return this.respond(values);
  }
}

type DateItem = GoogleAppsScript.Forms.DateItem;
export class FakeDateItem extends QuestionBase<DateItem> implements Pick<DateItem, Question | 'includesYear' | 'setIncludesYear'> {
  includesYear(): boolean {
    return this.item.includesYear !== false;
  }
  setIncludesYear(enableYear: boolean): DateItem {
    this.item.includesYear = Boolean(enableYear);
    return this.self();
  }
  /** Stored as "YYYY-MM-DD" (what getResponse() returns), the day in the script's time zone. */
  createResponse(response: Date): ItemResponse {
    if (!(response instanceof Date) || Number.isNaN(response.getTime())) throw this.invalid();
    return this.respond(formatDatePattern(response, this.ctx.ws.scriptTimeZone, 'yyyy-MM-dd'));
  }
}

type SectionHeaderItem = GoogleAppsScript.Forms.SectionHeaderItem;
export class FakeSectionHeaderItem extends ItemBase<SectionHeaderItem> implements Pick<SectionHeaderItem, Common> {}

type PageBreakItem = GoogleAppsScript.Forms.PageBreakItem;
export class FakePageBreakItem extends ItemBase<PageBreakItem> implements Pick<PageBreakItem, Common | 'setGoToPage' | 'getGoToPage' | 'getPageNavigationType'> {
  /** Where the form goes after the page before this break, when the respondent reaches it in order. */
  setGoToPage(target: PageBreakItem | GoogleAppsScript.Forms.PageNavigationType): PageBreakItem {
    const navigation = navigationOf(this.ctx, target, 'PageBreakItem', 'setGoToPage');
    if (navigation.type === 'CONTINUE') delete this.item.goToPage;
    else this.item.goToPage = navigation;
    return this.self();
  }
  getGoToPage(): PageBreakItem {
    return pageOf(this.ctx, this.item.goToPage) as PageBreakItem;
  }
  getPageNavigationType(): GoogleAppsScript.Forms.PageNavigationType {
    return (this.item.goToPage?.type ?? 'CONTINUE') as unknown as GoogleAppsScript.Forms.PageNavigationType;
  }
}

const TYPED: Record<ItemTypeName, new (ctx: FormContext, item: FormItemModel) => object> = {
  TEXT: FakeTextItem,
  PARAGRAPH_TEXT: FakeParagraphTextItem,
  MULTIPLE_CHOICE: FakeMultipleChoiceItem,
  CHECKBOX: FakeCheckboxItem,
  LIST: FakeListItem,
  SCALE: FakeScaleItem,
  GRID: FakeGridItem,
  CHECKBOX_GRID: FakeCheckboxGridItem,
  DATE: FakeDateItem,
  SECTION_HEADER: FakeSectionHeaderItem,
  PAGE_BREAK: FakePageBreakItem,
};

/** The typed item (TextItem, CheckboxItem, ...) for a model, counted under its class name. */
export function wrapTypedItem<T>(ctx: FormContext, item: FormItemModel): T {
  return strict(ITEM_CLASS[item.type], new TYPED[item.type](ctx, item), ctx.ws.calls) as unknown as T;
}

type ItemApi = Pick<
  Item,
  | Common
  | 'asTextItem'
  | 'asParagraphTextItem'
  | 'asMultipleChoiceItem'
  | 'asCheckboxItem'
  | 'asListItem'
  | 'asScaleItem'
  | 'asGridItem'
  | 'asCheckboxGridItem'
  | 'asDateItem'
  | 'asSectionHeaderItem'
  | 'asPageBreakItem'
>;

/** The generic Item: what Form.getItems() and ItemResponse.getItem() return. */
export class FakeItem extends ItemBase<Item> implements ItemApi {
  private cast<T>(type: ItemTypeName): T {
    if (this.item.type !== type) throw new Error(ITEM_ERRORS.conversion(this.item.type));
    return wrapTypedItem<T>(this.ctx, this.item);
  }
  asTextItem(): TextItem {
    return this.cast('TEXT');
  }
  asParagraphTextItem(): ParagraphTextItem {
    return this.cast('PARAGRAPH_TEXT');
  }
  asMultipleChoiceItem(): MultipleChoiceItem {
    return this.cast('MULTIPLE_CHOICE');
  }
  asCheckboxItem(): CheckboxItem {
    return this.cast('CHECKBOX');
  }
  asListItem(): ListItem {
    return this.cast('LIST');
  }
  asScaleItem(): ScaleItem {
    return this.cast('SCALE');
  }
  asGridItem(): GridItem {
    return this.cast('GRID');
  }
  asCheckboxGridItem(): CheckboxGridItem {
    return this.cast('CHECKBOX_GRID');
  }
  asDateItem(): DateItem {
    return this.cast('DATE');
  }
  asSectionHeaderItem(): SectionHeaderItem {
    return this.cast('SECTION_HEADER');
  }
  asPageBreakItem(): PageBreakItem {
    return this.cast('PAGE_BREAK');
  }
}

export function wrapItem(ctx: FormContext, item: FormItemModel): Item {
  return strict('Item', new FakeItem(ctx, item), ctx.ws.calls) as unknown as Item;
}

/** An answer to one item, made by createResponse() or read from a stored response. */
export class FakeItemResponse implements Pick<ItemResponse, 'getItem' | 'getResponse'> {
  constructor(
    private readonly ctx: FormContext,
    private readonly item: FormItemModel,
    private readonly answer: AnswerValue,
  ) {}
  __itemId(): number {
    return this.item.id;
  }
  __answer(): AnswerValue {
    return copyAnswer(this.answer);
  }
  getItem(): Item {
    return wrapItem(this.ctx, this.item);
  }
  getResponse(): string[][] | string[] | string {
    return copyAnswer(this.answer);
  }
}

export function copyAnswer(answer: AnswerValue): AnswerValue {
  if (typeof answer === 'string') return answer;
  return (answer as Array<string | string[]>).map((v) => (Array.isArray(v) ? [...v] : v)) as AnswerValue;
}

export function wrapItemResponse(ctx: FormContext, item: FormItemModel, answer: AnswerValue): ItemResponse {
  return strict('ItemResponse', new FakeItemResponse(ctx, item, copyAnswer(answer)), ctx.ws.calls) as unknown as ItemResponse;
}

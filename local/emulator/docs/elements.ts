/**
 * Elements that hold blocks (the base of Body, header and footer in ./sections; table cells) and tables. Children
 * are 0-based; a section and a cell always end with a paragraph, as in Docs.
 */
import {
  Attributes,
  AttributeHandlers,
  AttributeClearers,
  applyPatch,
  colorArg,
  numberArg,
  paragraphPatchFromAttributes,
  setAttributes as applyAttributes,
  stringArg,
  textAttributesOf,
  textPatchFromAttributes,
  verticalAlignmentArg,
} from './attributes';
import { DOC_ERRORS, DocContext, NodeCarrier, checkChildIndex, checkInsertIndex, detachedNodes, expose, locateRow, modelOf, nodeOf, removeBlock } from './context';
import { ElementType, VerticalAlignment, signatureError } from './enums';
import {
  Block,
  CellStyle,
  DocumentModel,
  ListItemBlock,
  ParagraphBlock,
  TableBlock,
  TableCellModel,
  TableRowModel,
  TextBlock,
  blocksText,
  cloneModel,
  columnCount,
  emptyParagraph,
  flattenParagraphs,
  isTextBlock,
} from './model';
import { wrapInline, wrapText, wrapTextBlock } from './paragraph';
import { FakeText, newRun, patternFinder, replaceMatches, restyleAll, trailingStyle } from './text';

type Paragraph = GoogleAppsScript.Document.Paragraph;
type ListItem = GoogleAppsScript.Document.ListItem;
type Table = GoogleAppsScript.Document.Table;
type TableRow = GoogleAppsScript.Document.TableRow;
type TableCell = GoogleAppsScript.Document.TableCell;
type Element = GoogleAppsScript.Document.Element;
type Text = GoogleAppsScript.Document.Text;
type ElementTypeEnum = GoogleAppsScript.Document.ElementType;

// The emulator's wording for cases whose real texts are not known.
const ERRORS = {
  notAChild: 'Element is not a child of this element.',
  raggedTable: 'Every row of the table must have the same number of cells.',
};

export function wrapBlock(ctx: DocContext, block: Block): Element {
  if (block.kind === 'table') return expose<FakeTable, Table>(ctx, 'Table', new FakeTable(ctx, block)) as unknown as Element;
  return wrapTextBlock(ctx, block) as unknown as Element;
}

function paragraphOf(text: string): ParagraphBlock {
  return { kind: 'paragraph', style: {}, content: text ? [newRun(text, {})] : [] };
}

function cellOf(text: string): TableCellModel {
  return { style: {}, children: [paragraphOf(text)] };
}

function tableOf(cells: unknown, method: string): TableBlock {
  if (cells === undefined || cells === null) return { kind: 'table', style: {}, columnWidths: [], rows: [] };
  if (!Array.isArray(cells) || !cells.every((row) => Array.isArray(row) && row.every((c) => typeof c === 'string'))) throw signatureError(method, [cells]);
  const rows = cells as string[][];
  if (rows.some((row) => row.length !== rows[0].length)) throw new Error(ERRORS.raggedTable);
  return {
    kind: 'table',
    style: {},
    columnWidths: rows.length ? rows[0].map(() => null) : [],
    rows: rows.map((row) => ({ cells: row.map(cellOf) })),
  };
}

/** An element argument must be a detached copy of the right kind; it is inserted as a fresh copy. */
function incoming(value: unknown, kinds: ReadonlyArray<Block['kind']>, method: string): Block | null {
  if (typeof value === 'string') return null;
  const node = nodeOf(value) as Block | undefined;
  if (!node || !kinds.includes(node.kind)) throw signatureError(method, [value]);
  if (!detachedNodes.has(node)) throw new Error(DOC_ERRORS.detached);
  return cloneModel(node);
}

function newListId(ctx: DocContext): string {
  return `kix.${ctx.ws.ids.next('').slice(0, 12).toLowerCase()}`;
}

/** Shared by sections and cells: the list of blocks and the rules for changing it. */
export abstract class FakeContainer<Api> implements NodeCarrier {
  protected abstract readonly service: string;
  protected abstract readonly inCell: boolean;

  constructor(protected readonly ctx: DocContext) {}

  protected abstract _blocks(): Block[];
  abstract __node(): object;

  protected _api(): Api {
    return this as unknown as Api;
  }
  protected get _model(): DocumentModel {
    return modelOf(this.ctx);
  }

  /** Inserts blocks at an index; a table at the very end is followed by an empty paragraph. */
  protected _place(index: number, block: Block): Block {
    const list = this._blocks();
    list.splice(index, 0, block);
    if (block.kind === 'table' && index === list.length - 1) list.push(emptyParagraph());
    return block;
  }

  getNumChildren(): number {
    return this._blocks().length;
  }
  getChild(childIndex: number): Element {
    const list = this._blocks();
    return wrapBlock(this.ctx, list[checkChildIndex(childIndex, list.length)]);
  }
  getChildIndex(child: Element): number {
    const index = this._blocks().indexOf(nodeOf(child) as Block);
    if (index < 0) throw new Error(ERRORS.notAChild);
    return index;
  }
  getText(): string {
    return blocksText(this._blocks());
  }
  /** Replaces the contents with plain text, one paragraph per line, keeping the first paragraph's style. */
  setText(text: string): Api {
    const lines = stringArg(text, `${this.service}.setText`).split(/\r\n|\n/);
    const first = this._blocks().find(isTextBlock) ?? paragraphOf('');
    new FakeText({ paragraphs: () => [first] }).setText(lines[0]);
    first.content = first.content.filter((i) => i.kind === 'text');
    const rest = lines.slice(1).map((line) => ({ ...paragraphOf(''), style: { ...first.style }, content: line ? [newRun(line, trailingStyle(first))] : [] }));
    this._blocks().splice(0, this._blocks().length, first, ...rest);
    return this._api();
  }
  clear(): Api {
    this._blocks().splice(0, this._blocks().length, emptyParagraph());
    return this._api();
  }
  /** Every match of an RE2 pattern, paragraph by paragraph (table cells included); the replacement is literal. */
  replaceText(searchPattern: string, replacement: string): Api {
    const method = `${this.service}.replaceText`;
    const find = patternFinder(stringArg(searchPattern, method), method);
    const text = stringArg(replacement, method);
    for (const block of flattenParagraphs(this._blocks())) replaceMatches(block, find, text);
    return this._api();
  }
  editAsText(): Text {
    return wrapText(
      this.ctx,
      new FakeText({
        paragraphs: () => flattenParagraphs(this._blocks()),
        container: { setText: (t) => void this.setText(t), appendText: (t) => this._appendPlainText(t) },
      }),
    );
  }
  /** Text.appendText on the whole container: '\n' starts new paragraphs. */
  private _appendPlainText(text: string): void {
    const [head, ...lines] = text.split(/\r\n|\n/);
    const list = this._blocks();
    const last = list[list.length - 1] as TextBlock;
    new FakeText({ paragraphs: () => [last] }).appendText(head);
    for (const line of lines) list.push({ kind: 'paragraph', style: {}, content: line ? [newRun(line, trailingStyle(last))] : [] });
  }

  appendParagraph(textOrParagraph: string | Paragraph): Paragraph {
    return this._insertParagraphAt(this._blocks().length, textOrParagraph, 'appendParagraph');
  }
  insertParagraph(childIndex: number, textOrParagraph: string | Paragraph): Paragraph {
    return this._insertParagraphAt(checkInsertIndex(childIndex, this._blocks().length), textOrParagraph, 'insertParagraph');
  }
  private _insertParagraphAt(index: number, arg: unknown, method: string): Paragraph {
    const name = `${this.service}.${method}`;
    const block = incoming(arg, ['paragraph'], name) ?? paragraphOf(stringArg(arg, name));
    return wrapTextBlock(this.ctx, this._place(index, block) as ParagraphBlock) as Paragraph;
  }

  appendListItem(textOrListItem: string | ListItem): ListItem {
    return this._insertListItemAt(this._blocks().length, textOrListItem, 'appendListItem');
  }
  insertListItem(childIndex: number, textOrListItem: string | ListItem): ListItem {
    return this._insertListItemAt(checkInsertIndex(childIndex, this._blocks().length), textOrListItem, 'insertListItem');
  }
  /** A new item continues the list just before it (same list, glyph and level), else starts a numbered list. */
  private _insertListItemAt(index: number, arg: unknown, method: string): ListItem {
    const name = `${this.service}.${method}`;
    let block = incoming(arg, ['listItem'], name) as ListItemBlock | null;
    if (!block) {
      const text = stringArg(arg, name);
      const previous = this._blocks()[index - 1];
      const list = previous?.kind === 'listItem' ? previous : null;
      block = {
        kind: 'listItem',
        style: {},
        content: text ? [newRun(text, {})] : [],
        listId: list ? list.listId : newListId(this.ctx),
        glyphType: list ? list.glyphType : 'NUMBER',
        nestingLevel: list ? list.nestingLevel : 0,
      };
    }
    return wrapTextBlock(this.ctx, this._place(index, block) as ListItemBlock) as ListItem;
  }

  appendTable(cellsOrTable?: unknown): Table {
    return this._insertTableAt(this._blocks().length, cellsOrTable, 'appendTable');
  }
  insertTable(childIndex: number, cellsOrTable?: unknown): Table {
    return this._insertTableAt(checkInsertIndex(childIndex, this._blocks().length), cellsOrTable, 'insertTable');
  }
  private _insertTableAt(index: number, arg: unknown, method: string): Table {
    const name = `${this.service}.${method}`;
    const block = (typeof arg === 'object' && arg !== null && !Array.isArray(arg) ? incoming(arg, ['table'], name) : null) ?? tableOf(arg, name);
    return wrapBlock(this.ctx, this._place(index, block)) as unknown as Table;
  }

  appendHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    return this.insertHorizontalRule(this._blocks().length);
  }
  insertHorizontalRule(childIndex: number): GoogleAppsScript.Document.HorizontalRule {
    const index = checkInsertIndex(childIndex, this._blocks().length);
    const block: ParagraphBlock = { kind: 'paragraph', style: {}, content: [{ kind: 'horizontalRule' }] };
    this._place(index, block);
    return wrapInline(this.ctx, block, block.content[0] as { kind: 'horizontalRule' }) as GoogleAppsScript.Document.HorizontalRule;
  }

  removeChild(child: Element): Api {
    const node = nodeOf(child);
    if (!node || !this._blocks().includes(node as Block)) throw new Error(ERRORS.notAChild);
    removeBlock(this._model, node);
    return this._api();
  }

  /** Text and paragraph attributes go to every paragraph inside. */
  protected _applyContentAttributes(attributes: unknown, method: string): void {
    const paragraphs = flattenParagraphs(this._blocks());
    const paragraphPatch = paragraphPatchFromAttributes(attributes, method);
    for (const p of paragraphs) applyPatch(p.style, paragraphPatch);
    restyleAll(paragraphs, textPatchFromAttributes(attributes, method, this.inCell ? ['BACKGROUND_COLOR'] : []));
  }
  protected _contentAttributes(): Attributes {
    return textAttributesOf(flattenParagraphs(this._blocks()).flatMap((p) => p.content.flatMap((i) => (i.kind === 'text' ? [i.style] : []))));
  }
}

export type ContainerMembers =
  | 'getNumChildren'
  | 'getChild'
  | 'getChildIndex'
  | 'getText'
  | 'setText'
  | 'clear'
  | 'replaceText'
  | 'editAsText'
  | 'appendParagraph'
  | 'insertParagraph'
  | 'appendListItem'
  | 'insertListItem'
  | 'appendTable'
  | 'insertTable'
  | 'appendHorizontalRule'
  | 'insertHorizontalRule'
  | 'removeChild'
  | 'getType'
  | 'setAttributes'
  | 'getAttributes';
// ---- tables ----

type TableApi = Pick<
  Table,
  | 'getNumRows'
  | 'getRow'
  | 'appendTableRow'
  | 'insertTableRow'
  | 'removeRow'
  | 'getCell'
  | 'getNumChildren'
  | 'getChild'
  | 'setBorderWidth'
  | 'getBorderWidth'
  | 'setBorderColor'
  | 'getBorderColor'
  | 'setColumnWidth'
  | 'getColumnWidth'
  | 'setAttributes'
  | 'getAttributes'
  | 'getText'
  | 'editAsText'
  | 'removeFromParent'
  | 'copy'
  | 'getType'
  | 'asTable'
>;

export class FakeTable implements TableApi, NodeCarrier {
  constructor(
    private readonly ctx: DocContext,
    private readonly table: TableBlock,
  ) {}

  private _api(): Table {
    return this as unknown as Table;
  }
  __node(): object {
    return this.table;
  }
  getType(): ElementTypeEnum {
    return ElementType.TABLE as unknown as ElementTypeEnum;
  }
  asTable(): Table {
    return this._api();
  }
  getNumRows(): number {
    return this.table.rows.length;
  }
  getNumChildren(): number {
    return this.table.rows.length;
  }
  getRow(rowIndex: number): TableRow {
    return wrapRow(this.ctx, this.table.rows[checkChildIndex(rowIndex, this.table.rows.length)]);
  }
  getChild(childIndex: number): Element {
    return this.getRow(childIndex) as unknown as Element;
  }
  getCell(rowIndex: number, cellIndex: number): TableCell {
    const row = this.table.rows[checkChildIndex(rowIndex, this.table.rows.length)];
    return wrapCell(this.ctx, row.cells[checkChildIndex(cellIndex, row.cells.length)]);
  }
  appendTableRow(tableRow?: TableRow): TableRow {
    return this.insertTableRow(this.table.rows.length, tableRow);
  }
  insertTableRow(childIndex: number, tableRow?: TableRow | null): TableRow {
    const index = checkInsertIndex(childIndex, this.table.rows.length);
    let row: TableRowModel = { cells: [] };
    if (tableRow !== undefined && tableRow !== null) {
      const node = nodeOf(tableRow) as TableRowModel | undefined;
      if (!node || !Array.isArray(node.cells)) throw signatureError('Table.insertTableRow', [childIndex, tableRow]);
      if (!detachedNodes.has(node)) throw new Error(DOC_ERRORS.detached);
      row = cloneModel(node);
    }
    this.table.rows.splice(index, 0, row);
    fitColumns(this.table);
    return wrapRow(this.ctx, row);
  }
  removeRow(rowIndex: number): TableRow {
    const [row] = this.table.rows.splice(checkChildIndex(rowIndex, this.table.rows.length), 1);
    detachedNodes.add(row);
    return wrapRow(this.ctx, row);
  }
  setBorderWidth(width: number): Table {
    const w = numberArg(width, 'Table.setBorderWidth');
    if (w < 0) throw new Error('Invalid argument: width must not be negative.');
    this.table.style.borderWidth = w;
    return this._api();
  }
  getBorderWidth(): number {
    return this.table.style.borderWidth ?? (null as unknown as number);
  }
  setBorderColor(color: string): Table {
    this.table.style.borderColor = colorArg(color, 'Table.setBorderColor');
    return this._api();
  }
  getBorderColor(): string {
    return this.table.style.borderColor ?? (null as unknown as string);
  }
  setColumnWidth(columnIndex: number, width: number): Table {
    const index = checkChildIndex(columnIndex, columnCount(this.table));
    fitColumns(this.table);
    this.table.columnWidths[index] = numberArg(width, 'Table.setColumnWidth');
    return this._api();
  }
  getColumnWidth(columnIndex: number): number {
    const index = checkChildIndex(columnIndex, columnCount(this.table));
    return this.table.columnWidths[index] ?? (null as unknown as number);
  }
  setAttributes(attributes: unknown): Table {
    const method = 'Table.setAttributes';
    const handlers: AttributeHandlers = {
      BORDER_WIDTH: (v) => this.setBorderWidth(numberArg(v, method)),
      BORDER_COLOR: (v) => this.setBorderColor(stringArg(v, method)),
    };
    const clearers: AttributeClearers = { BORDER_WIDTH: () => delete this.table.style.borderWidth, BORDER_COLOR: () => delete this.table.style.borderColor };
    applyAttributes(attributes, method, handlers, clearers);
    const paragraphs = flattenParagraphs([this.table]);
    restyleAll(paragraphs, textPatchFromAttributes(attributes, method));
    const paragraphPatch = paragraphPatchFromAttributes(attributes, method);
    for (const p of paragraphs) applyPatch(p.style, paragraphPatch);
    return this._api();
  }
  getAttributes(): Attributes {
    const styles = flattenParagraphs([this.table]).flatMap((p) => p.content.flatMap((i) => (i.kind === 'text' ? [i.style] : [])));
    return { ...textAttributesOf(styles), BORDER_WIDTH: this.table.style.borderWidth ?? null, BORDER_COLOR: this.table.style.borderColor ?? null };
  }
  getText(): string {
    return blocksText([this.table]);
  }
  editAsText(): Text {
    return wrapText(this.ctx, new FakeText({ paragraphs: () => flattenParagraphs([this.table]) }));
  }
  removeFromParent(): Table {
    removeBlock(modelOf(this.ctx), this.table);
    return this._api();
  }
  copy(): Table {
    const clone = cloneModel(this.table);
    detachedNodes.add(clone);
    return wrapBlock(this.ctx, clone) as unknown as Table;
  }
}

/** Keeps one column width per column of the widest row. */
function fitColumns(table: TableBlock): void {
  const n = columnCount(table);
  while (table.columnWidths.length < n) table.columnWidths.push(null);
}

function wrapRow(ctx: DocContext, row: TableRowModel): TableRow {
  return expose(ctx, 'TableRow', new FakeTableRow(ctx, row));
}

function wrapCell(ctx: DocContext, cell: TableCellModel): TableCell {
  return expose(ctx, 'TableCell', new FakeTableCell(ctx, cell));
}

type RowApi = Pick<
  TableRow,
  | 'getCell'
  | 'getNumCells'
  | 'getNumChildren'
  | 'getChild'
  | 'appendTableCell'
  | 'insertTableCell'
  | 'removeCell'
  | 'getText'
  | 'editAsText'
  | 'getParentTable'
  | 'setMinimumHeight'
  | 'getMinimumHeight'
  | 'getType'
  | 'asTableRow'
  | 'removeFromParent'
  | 'setAttributes'
  | 'getAttributes'
>;

export class FakeTableRow implements RowApi, NodeCarrier {
  constructor(
    private readonly ctx: DocContext,
    private readonly row: TableRowModel,
  ) {}

  private _api(): TableRow {
    return this as unknown as TableRow;
  }
  private _parent(): TableBlock | null {
    return locateRow(modelOf(this.ctx), this.row)?.table ?? null;
  }
  __node(): object {
    return this.row;
  }
  getType(): ElementTypeEnum {
    return ElementType.TABLE_ROW as unknown as ElementTypeEnum;
  }
  asTableRow(): TableRow {
    return this._api();
  }
  getNumCells(): number {
    return this.row.cells.length;
  }
  getNumChildren(): number {
    return this.row.cells.length;
  }
  getCell(cellIndex: number): TableCell {
    return wrapCell(this.ctx, this.row.cells[checkChildIndex(cellIndex, this.row.cells.length)]);
  }
  getChild(childIndex: number): Element {
    return this.getCell(childIndex) as unknown as Element;
  }
  appendTableCell(textContentsOrCell?: string | TableCell | null): TableCell {
    return this.insertTableCell(this.row.cells.length, textContentsOrCell);
  }
  insertTableCell(childIndex: number, textContentsOrCell?: string | TableCell | null): TableCell {
    const index = checkInsertIndex(childIndex, this.row.cells.length);
    let cell: TableCellModel;
    if (textContentsOrCell === undefined || textContentsOrCell === null) cell = cellOf('');
    else if (typeof textContentsOrCell === 'string') cell = cellOf(textContentsOrCell);
    else {
      const node = nodeOf(textContentsOrCell) as TableCellModel | undefined;
      if (!node || !Array.isArray(node.children)) throw signatureError('TableRow.insertTableCell', [childIndex, textContentsOrCell]);
      if (!detachedNodes.has(node)) throw new Error(DOC_ERRORS.detached);
      cell = cloneModel(node);
    }
    this.row.cells.splice(index, 0, cell);
    const table = this._parent();
    if (table) fitColumns(table);
    return wrapCell(this.ctx, cell);
  }
  removeCell(cellIndex: number): TableCell {
    const [cell] = this.row.cells.splice(checkChildIndex(cellIndex, this.row.cells.length), 1);
    detachedNodes.add(cell);
    return wrapCell(this.ctx, cell);
  }
  getText(): string {
    return this.row.cells.map((c) => blocksText(c.children)).join('\n');
  }
  editAsText(): Text {
    return wrapText(this.ctx, new FakeText({ paragraphs: () => this.row.cells.flatMap((c) => flattenParagraphs(c.children)) }));
  }
  getParentTable(): Table {
    const table = this._parent();
    return (table ? wrapBlock(this.ctx, table) : null) as unknown as Table;
  }
  setMinimumHeight(minHeight: number): TableRow {
    this.row.minimumHeight = numberArg(minHeight, 'TableRow.setMinimumHeight');
    return this._api();
  }
  getMinimumHeight(): number {
    return this.row.minimumHeight ?? (null as unknown as number);
  }
  removeFromParent(): TableRow {
    const table = this._parent();
    if (table) {
      table.rows.splice(table.rows.indexOf(this.row), 1);
      detachedNodes.add(this.row);
    }
    return this._api();
  }
  setAttributes(attributes: unknown): TableRow {
    const method = 'TableRow.setAttributes';
    applyAttributes(attributes, method, { MINIMUM_HEIGHT: (v) => this.setMinimumHeight(numberArg(v, method)) }, { MINIMUM_HEIGHT: () => delete this.row.minimumHeight });
    restyleAll(
      this.row.cells.flatMap((c) => flattenParagraphs(c.children)),
      textPatchFromAttributes(attributes, method),
    );
    return this._api();
  }
  getAttributes(): Attributes {
    const styles = this.row.cells.flatMap((c) => flattenParagraphs(c.children)).flatMap((p) => p.content.flatMap((i) => (i.kind === 'text' ? [i.style] : [])));
    return { ...textAttributesOf(styles), MINIMUM_HEIGHT: this.row.minimumHeight ?? null };
  }
}

const CELL_PADDINGS = { PADDING_TOP: 'paddingTop', PADDING_BOTTOM: 'paddingBottom', PADDING_LEFT: 'paddingLeft', PADDING_RIGHT: 'paddingRight' } as const;

type CellApi = Pick<
  TableCell,
  | Exclude<ContainerMembers, 'asTableCell'>
  | 'setWidth'
  | 'getWidth'
  | 'setBackgroundColor'
  | 'getBackgroundColor'
  | 'setPaddingTop'
  | 'setPaddingBottom'
  | 'setPaddingLeft'
  | 'setPaddingRight'
  | 'getPaddingTop'
  | 'getPaddingBottom'
  | 'getPaddingLeft'
  | 'getPaddingRight'
  | 'setVerticalAlignment'
  | 'getVerticalAlignment'
  | 'getParentRow'
  | 'getParentTable'
  | 'getRowSpan'
  | 'getColSpan'
  | 'asTableCell'
  | 'removeFromParent'
>;

export class FakeTableCell extends FakeContainer<TableCell> implements CellApi {
  protected readonly service = 'TableCell';
  protected readonly inCell = true;

  constructor(
    ctx: DocContext,
    private readonly cell: TableCellModel,
  ) {
    super(ctx);
  }
  protected _blocks(): Block[] {
    return this.cell.children;
  }
  __node(): object {
    return this.cell;
  }
  private _where() {
    return locateRow(this._model, this.cell);
  }
  getType(): ElementTypeEnum {
    return ElementType.TABLE_CELL as unknown as ElementTypeEnum;
  }
  asTableCell(): TableCell {
    return this._api();
  }
  /** In Docs a cell is as wide as its column: the width is the table's column width. */
  setWidth(width: number): TableCell {
    const w = numberArg(width, 'TableCell.setWidth');
    const at = this._where();
    if (at) {
      fitColumns(at.table);
      at.table.columnWidths[at.cellIndex] = w;
    }
    return this._api();
  }
  getWidth(): number {
    const at = this._where();
    return (at ? (at.table.columnWidths[at.cellIndex] ?? null) : null) as unknown as number;
  }
  setBackgroundColor(color: string): TableCell {
    this.cell.style.backgroundColor = colorArg(color, 'TableCell.setBackgroundColor');
    return this._api();
  }
  getBackgroundColor(): string {
    return this.cell.style.backgroundColor ?? (null as unknown as string);
  }
  private _pad(key: keyof typeof CELL_PADDINGS, value: unknown, method: string): TableCell {
    this.cell.style[CELL_PADDINGS[key]] = numberArg(value, `TableCell.${method}`);
    return this._api();
  }
  setPaddingTop(paddingTop: number): TableCell {
    return this._pad('PADDING_TOP', paddingTop, 'setPaddingTop');
  }
  setPaddingBottom(paddingBottom: number): TableCell {
    return this._pad('PADDING_BOTTOM', paddingBottom, 'setPaddingBottom');
  }
  setPaddingLeft(paddingLeft: number): TableCell {
    return this._pad('PADDING_LEFT', paddingLeft, 'setPaddingLeft');
  }
  setPaddingRight(paddingRight: number): TableCell {
    return this._pad('PADDING_RIGHT', paddingRight, 'setPaddingRight');
  }
  getPaddingTop(): number {
    return this.cell.style.paddingTop ?? (null as unknown as number);
  }
  getPaddingBottom(): number {
    return this.cell.style.paddingBottom ?? (null as unknown as number);
  }
  getPaddingLeft(): number {
    return this.cell.style.paddingLeft ?? (null as unknown as number);
  }
  getPaddingRight(): number {
    return this.cell.style.paddingRight ?? (null as unknown as number);
  }
  setVerticalAlignment(alignment: GoogleAppsScript.Document.VerticalAlignment): TableCell {
    this.cell.style.verticalAlignment = verticalAlignmentArg(alignment, 'TableCell.setVerticalAlignment');
    return this._api();
  }
  getVerticalAlignment(): GoogleAppsScript.Document.VerticalAlignment {
    const v = this.cell.style.verticalAlignment;
    return (v ? VerticalAlignment[v] : null) as unknown as GoogleAppsScript.Document.VerticalAlignment;
  }
  getParentRow(): TableRow {
    const at = this._where();
    return (at ? wrapRow(this.ctx, at.row) : null) as unknown as TableRow;
  }
  getParentTable(): Table {
    const at = this._where();
    return (at ? wrapBlock(this.ctx, at.table) : null) as unknown as Table;
  }
  getRowSpan(): number {
    return 1;
  }
  getColSpan(): number {
    return 1;
  }
  removeFromParent(): TableCell {
    const at = this._where();
    if (at) {
      at.row.cells.splice(at.cellIndex, 1);
      detachedNodes.add(this.cell);
    }
    return this._api();
  }
  /** BACKGROUND_COLOR is the cell's shading here; other text and paragraph attributes go to its paragraphs. */
  setAttributes(attributes: unknown): TableCell {
    const method = 'TableCell.setAttributes';
    const style = this.cell.style;
    const handlers: AttributeHandlers = {
      BACKGROUND_COLOR: (v) => (style.backgroundColor = colorArg(v, method)),
      VERTICAL_ALIGNMENT: (v) => (style.verticalAlignment = verticalAlignmentArg(v, method)),
      WIDTH: (v) => this.setWidth(numberArg(v, method)),
    };
    const clearers: AttributeClearers = { BACKGROUND_COLOR: () => delete style.backgroundColor, VERTICAL_ALIGNMENT: () => delete style.verticalAlignment };
    for (const [name, key] of Object.entries(CELL_PADDINGS)) {
      handlers[name] = (v) => (style[key] = numberArg(v, method));
      clearers[name] = () => delete style[key];
    }
    applyAttributes(attributes, method, handlers, clearers);
    this._applyContentAttributes(attributes, method);
    return this._api();
  }
  getAttributes(): Attributes {
    const s: CellStyle = this.cell.style;
    return {
      ...this._contentAttributes(),
      BACKGROUND_COLOR: s.backgroundColor ?? null,
      PADDING_TOP: s.paddingTop ?? null,
      PADDING_BOTTOM: s.paddingBottom ?? null,
      PADDING_LEFT: s.paddingLeft ?? null,
      PADDING_RIGHT: s.paddingRight ?? null,
      VERTICAL_ALIGNMENT: s.verticalAlignment ? VerticalAlignment[s.verticalAlignment] : null,
      WIDTH: this.getWidth(),
    };
  }
}

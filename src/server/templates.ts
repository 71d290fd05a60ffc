/**
 * Documents from curator-editable templates. Each kind has a default template, made once as a
 * .docx (the only way to get page numbers, repeated header rows and unsplit rows under the
 * drive.file and documents scopes) and converted by Drive into a Google Doc in «Шаблоны». Every
 * document is a copy of it, filled with DocumentApp (conditions, item numbers, tables in one
 * insert each) and finished with one Docs API batch (header rows pinned, rows kept whole, values
 * replaced literally).
 */
import { DocumentSpec } from '../core/documents/model';
import { TemplateData, TemplateFields } from '../core/documents/template/data';
import { FillPlan, OutlineItem, TableStep, pagesOf, planFill } from '../core/documents/template/plan';
import { docxBytes, toSignedBytes } from '../core/documents/docx';
import { Settings } from '../core/settings';
import { drive, filesNamed, isNotFound, programmeFolderId } from './drive';
import { errorMessage } from './errors';

const GOOGLE_DOC = 'application/vnd.google-apps.document';
const FOLDER = 'application/vnd.google-apps.folder';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const TEMPLATES_FOLDER = 'Шаблоны';
const FOLDER_PROPERTY = 'templatesFolder';

export interface TemplateKind {
  /** Property key and identity of the kind, e.g. 'order-pairs'. */
  key: string;
  /** The default template; its `title` is the template's name in «Шаблоны». */
  spec: (settings: Settings) => DocumentSpec;
  fields: TemplateFields;
}

export interface DocRef {
  id: string;
  url: string;
}

export const docUrl = (id: string) => `https://docs.google.com/document/d/${id}/edit`;

const props = () => PropertiesService.getDocumentProperties();

/** A file id a property remembers, if the file is still there and not in the bin. */
export function alive(id: string | null): string | null {
  if (!id) return null;
  try {
    const file = drive().Files!.get(id, { fields: 'id,trashed' }) as { id?: string; trashed?: boolean };
    return file.id && !file.trashed ? file.id : null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** «Шаблоны» inside the programme folder, made once; a folder made by a failed run is found by its name. */
function templatesFolderId(): string {
  const known = alive(props().getProperty(FOLDER_PROPERTY));
  if (known) return known;
  const parent = programmeFolderId();
  const id =
    filesNamed(TEMPLATES_FOLDER, FOLDER, parent)[0] ??
    drive().Files!.create({ name: TEMPLATES_FOLDER, mimeType: FOLDER, parents: [parent] }, undefined as unknown as GoogleAppsScript.Base.Blob, { fields: 'id' }).id!;
  props().setProperty(FOLDER_PROPERTY, id);
  return id;
}

/**
 * The kind's template: the curator's (edited or not) if it is there, else the default one written
 * now. A template deleted by hand is made again; one made by a failed run is adopted by its name.
 */
export function ensureTemplate(kind: TemplateKind, settings: Settings): { id: string; created: boolean } {
  const key = `template:${kind.key}`;
  const known = alive(props().getProperty(key));
  if (known) return { id: known, created: false };
  const spec = kind.spec(settings);
  const folder = templatesFolderId();
  let id = filesNamed(spec.title, GOOGLE_DOC, folder)[0];
  const created = !id;
  if (!id) {
    const blob = Utilities.newBlob(toSignedBytes(docxBytes(spec)), DOCX, `${spec.title}.docx`);
    id = drive().Files!.create({ name: spec.title, mimeType: GOOGLE_DOC, parents: [folder] }, blob, { fields: 'id' }).id!;
  }
  props().setProperty(key, id);
  return { id, created };
}

/**
 * A new document: a copy of the template in the programme folder. A copy a failed run made under
 * the same title is reused rather than doubled (titles carry the operation's moment).
 */
export function copyTemplate(templateId: string, title: string): DocRef {
  const folder = programmeFolderId();
  const id = filesNamed(title, GOOGLE_DOC, folder)[0] ?? drive().Files!.copy({ name: title, parents: [folder] }, templateId, { fields: 'id' }).id!;
  return { id, url: docUrl(id) };
}

type Body = GoogleAppsScript.Document.Body;
type Element = GoogleAppsScript.Document.Element;

function outlineOf(body: Body): { items: OutlineItem[]; elements: Element[] } {
  const items: OutlineItem[] = [];
  const elements: Element[] = [];
  const n = body.getNumChildren();
  for (let i = 0; i < n; i++) {
    const el = body.getChild(i);
    elements.push(el);
    const type = el.getType();
    if (type === DocumentApp.ElementType.PARAGRAPH) items.push({ kind: 'paragraph', text: el.asParagraph().getText() });
    else if (type === DocumentApp.ElementType.LIST_ITEM) items.push({ kind: 'paragraph', text: el.asListItem().getText() });
    else if (type === DocumentApp.ElementType.TABLE) {
      const t = el.asTable();
      const cells: string[][] = [];
      // Each count read once: every call is a round trip in Apps Script.
      const rows = t.getNumRows();
      for (let r = 0; r < rows; r++) {
        const row = t.getRow(r);
        const texts: string[] = [];
        const n = row.getNumCells();
        for (let c = 0; c < n; c++) texts.push(row.getCell(c).getText());
        cells.push(texts);
      }
      items.push({ kind: 'table', cells });
    } else items.push({ kind: 'other' });
  }
  return { items, elements };
}

/** A literal text as a pattern for replaceText (which takes a regular expression). */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The template table's look, carried over to the table that replaces it. */
function lookOf(table: GoogleAppsScript.Document.Table) {
  const widths: Array<number | null> = [];
  const first = table.getRow(0);
  const n = first.getNumCells();
  for (let c = 0; c < n; c++) widths.push(table.getColumnWidth(c) || null);
  const text = first.getCell(0).editAsText();
  return { widths, border: table.getBorderWidth(), size: text.getFontSize(), font: text.getFontFamily() };
}

function insertFilled(body: Body, at: number, cells: string[][], headerRows: number, look: ReturnType<typeof lookOf> | null): void {
  if (!cells.length) return;
  const table = body.insertTable(at, cells);
  const text = table.editAsText();
  if (look?.font) text.setFontFamily(look.font);
  if (look?.size) text.setFontSize(look.size);
  text.setBold(false);
  for (let r = 0; r < headerRows && r < cells.length; r++) table.getRow(r).editAsText().setBold(true);
  if (look) {
    if (typeof look.border === 'number') table.setBorderWidth(look.border);
    look.widths.forEach((w, c) => {
      if (w) table.setColumnWidth(c, w);
    });
  }
}

/**
 * A filled table at `at`: one insert, or, when its data starts new pages (the case bank's cards),
 * one insert per page with a page break before it. Returns the header rows of each table made.
 */
function insertPages(body: Body, at: number, step: TableStep, look: ReturnType<typeof lookOf> | null): number[] {
  const pages = pagesOf(step);
  // From the last, each at the same index: they end up in order.
  for (let k = pages.length - 1; k >= 0; k--) {
    insertFilled(body, at, pages[k].cells, step.header.length, look);
    if (pages[k].pageBreak) body.insertPageBreak(at);
  }
  return pages.map(() => step.header.length);
}

/**
 * Fills a copy of a template: what DocumentApp does well (paragraphs that go, item numbers, whole
 * tables in one insert each), then saves. Returns the plan: the values still to replace and the
 * header rows of each table, for `finishDocument`.
 */
export function fillDocument(id: string, fields: TemplateFields, data: TemplateData): { plan: FillPlan; headerRows: Array<number | null> } {
  const doc = DocumentApp.openById(id);
  const body = doc.getBody();
  const { items, elements } = outlineOf(body);
  const sections = [doc.getHeader(), doc.getFooter()].filter((section) => !!section);
  const extra = sections.map((section) => section.getText());
  const plan = planFill(items, data, fields, extra);
  const headerRows: Array<number | null> = [];
  items.forEach((item, i) => {
    const step = item.kind === 'table' ? plan.tables.get(i) : undefined;
    if (step) headerRows.push(...pagesOf(step).map(() => step.header.length));
    else if (item.kind === 'table') headerRows.push(null);
  });
  // From the end, so the indexes of what is still to do do not move.
  for (let i = items.length - 1; i >= 0; i--) {
    const step = plan.paragraphs.get(i);
    if (step) {
      const paragraph = elements[i] as GoogleAppsScript.Document.Paragraph;
      if (step.drop) {
        if (body.getNumChildren() > 1) paragraph.removeFromParent();
        else paragraph.setText('');
        continue;
      }
      for (const raw of step.strip) paragraph.replaceText(`${literal(raw)}\\s*`, '');
      if (step.counter) paragraph.replaceText(literal(step.counter.raw), step.counter.value);
    }
    const table = plan.tables.get(i);
    if (table) {
      const old = elements[i].asTable();
      const look = lookOf(old);
      insertPages(body, i, table, look);
      old.removeFromParent();
    }
  }
  for (const table of plan.appended) headerRows.push(...insertPages(body, body.getNumChildren(), table, null));
  // An empty value is removed here: the Docs API may read an empty replacement as a missing one.
  for (const [raw, value] of plan.values) {
    if (value) continue;
    body.replaceText(literal(raw), '');
    for (const section of sections) section.replaceText(literal(raw), '');
  }
  doc.saveAndClose();
  return { plan, headerRows };
}

/** The Docs API, declared in the manifest; absent means it was not enabled. */
function docsApi(): NonNullable<typeof Docs> {
  if (typeof Docs === 'undefined' || !Docs) throw new Error('Расширенная служба Docs не подключена (appsscript.json → enabledAdvancedServices).');
  return Docs;
}

/**
 * One Docs API batch: header rows pinned and rows kept whole on every filled table (DocumentApp
 * cannot), then every value mark replaced literally, in the body, the tables and the headers.
 */
export function finishDocument(id: string, filled: { plan: FillPlan; headerRows: Array<number | null> }): void {
  const api = docsApi();
  const content = api.Documents!.get(id).body?.content ?? [];
  const starts = content.filter((e) => e.table).map((e) => e.startIndex ?? 0);
  // @types/google-apps-script predates pinTableHeaderRows and preventOverflow: the API's own shapes.
  const requests: Array<Record<string, unknown>> = [];
  starts.forEach((index, t) => {
    const header = filled.headerRows[t];
    if (header === null || header === undefined) return;
    const tableStartLocation = { index };
    requests.push({ pinTableHeaderRows: { tableStartLocation, pinnedHeaderRowsCount: header } });
    requests.push({ updateTableRowStyle: { tableStartLocation, tableRowStyle: { preventOverflow: true }, fields: 'preventOverflow' } });
  });
  for (const [raw, value] of filled.plan.values) if (value) requests.push({ replaceAllText: { containsText: { text: raw, matchCase: true }, replaceText: value } });
  if (requests.length) api.Documents!.batchUpdate({ requests } as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, id);
}

/** Puts a Doc nobody links to in the Drive bin (the curator can still restore it). */
export function trash(id: string): void {
  try {
    drive().Files!.update({ trashed: true }, id);
  } catch (error) {
    console.warn(`Документ ${id} не перемещён в корзину: ${errorMessage(error)}`);
  }
}

/**
 * DocumentApp over the workspace's Drive: each Google Doc is a DriveEntry (MIME.document) whose
 * content is a DocumentModel. Element fakes live in ./elements and ./paragraph.
 */
import { strict } from '../calls';
import { DriveEntry, MIME } from '../drive-store';
import type { Workspace } from '../workspace';
import { stringArg } from './attributes';
import { DOC_ERRORS, DocContext, expose, modelOf, shielded } from './context';
import { wrapBody, wrapFooter, wrapHeader } from './sections';
import { Attribute, ElementType, GlyphType, HorizontalAlignment, ParagraphHeading, TextAlignment, VerticalAlignment } from './enums';
import { DocumentModel, createDocumentModel, emptyParagraph } from './model';

export { DOC_ERRORS } from './context';

type DocumentApp = GoogleAppsScript.Document.DocumentApp;
type Document = GoogleAppsScript.Document.Document;
type HeaderSection = GoogleAppsScript.Document.HeaderSection;
type FooterSection = GoogleAppsScript.Document.FooterSection;

export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

type DocumentApi = Pick<Document, 'getId' | 'getName' | 'setName' | 'getUrl' | 'getBody' | 'saveAndClose' | 'getHeader' | 'addHeader' | 'getFooter' | 'addFooter'>;

class FakeDocument implements DocumentApi {
  constructor(private readonly ctx: DocContext) {}

  private get _model(): DocumentModel {
    return modelOf(this.ctx);
  }
  getId(): string {
    return this.ctx.entry.id;
  }
  getName(): string {
    return this.ctx.entry.name;
  }
  setName(name: string): Document {
    this.ctx.entry.name = stringArg(name, 'Document.setName');
    return this as unknown as Document;
  }
  getUrl(): string {
    return documentUrl(this.ctx.entry.id);
  }
  getBody(): GoogleAppsScript.Document.Body {
    return wrapBody(this.ctx);
  }
  /** Changes are already in the model; what closes is this handle and every element from it. */
  saveAndClose(): void {
    this.ctx.closed = true;
  }
  /** null until addHeader(). */
  getHeader(): HeaderSection {
    return (this._model.header ? wrapHeader(this.ctx) : null) as unknown as HeaderSection;
  }
  addHeader(): HeaderSection {
    if (this._model.header) throw new Error(DOC_ERRORS.headerExists);
    this._model.header = [emptyParagraph()];
    return wrapHeader(this.ctx);
  }
  getFooter(): FooterSection {
    return (this._model.footer ? wrapFooter(this.ctx) : null) as unknown as FooterSection;
  }
  addFooter(): FooterSection {
    if (this._model.footer) throw new Error(DOC_ERRORS.footerExists);
    this._model.footer = [emptyParagraph()];
    return wrapFooter(this.ctx);
  }
}

type AppApi = Pick<DocumentApp, 'create' | 'openById' | 'openByUrl' | 'Attribute' | 'ElementType' | 'GlyphType' | 'HorizontalAlignment' | 'ParagraphHeading' | 'VerticalAlignment' | 'TextAlignment'>;

function asEnum<T>(value: unknown): T {
  return value as T;
}

class FakeDocumentApp implements AppApi {
  constructor(private readonly ws: Workspace) {}

  // Getters, not fields: the fake's own fields are hidden from scripts.
  get Attribute() {
    return asEnum<typeof GoogleAppsScript.Document.Attribute>(Attribute);
  }
  get ElementType() {
    return asEnum<typeof GoogleAppsScript.Document.ElementType>(ElementType);
  }
  get GlyphType() {
    return asEnum<typeof GoogleAppsScript.Document.GlyphType>(GlyphType);
  }
  get HorizontalAlignment() {
    return asEnum<typeof GoogleAppsScript.Document.HorizontalAlignment>(HorizontalAlignment);
  }
  get ParagraphHeading() {
    return asEnum<typeof GoogleAppsScript.Document.ParagraphHeading>(ParagraphHeading);
  }
  get VerticalAlignment() {
    return asEnum<typeof GoogleAppsScript.Document.VerticalAlignment>(VerticalAlignment);
  }
  get TextAlignment() {
    return asEnum<typeof GoogleAppsScript.Document.TextAlignment>(TextAlignment);
  }

  private _open(entry: DriveEntry): Document {
    if (!entry.content) entry.content = createDocumentModel(); // e.g. made empty through Drive.Files.create
    const ctx: DocContext = { ws: this.ws, entry, closed: false };
    return expose(ctx, 'Document', new FakeDocument(ctx));
  }

  /** Counts toward the "documents created" daily quota. */
  create(name: string): Document {
    const title = stringArg(name, 'DocumentApp.create');
    if (this.ws.documentsToday >= this.ws.quotas.documentsPerDay) throw new Error(DOC_ERRORS.quota);
    this.ws.documentsToday += 1;
    const entry = this.ws.drive.add({
      id: this.ws.ids.next('1'),
      name: title,
      mimeType: MIME.document,
      parents: [],
      created: this.ws.now(),
      trashed: false,
      content: createDocumentModel(),
    });
    return this._open(entry);
  }
  openById(id: string): Document {
    const entry = this.ws.drive.get(stringArg(id, 'DocumentApp.openById'));
    if (!entry || entry.mimeType !== MIME.document) throw new Error(DOC_ERRORS.missing);
    return this._open(entry);
  }
  openByUrl(url: string): Document {
    const match = /\/document\/d\/([A-Za-z0-9_-]+)/.exec(stringArg(url, 'DocumentApp.openByUrl'));
    if (!match) throw new Error(DOC_ERRORS.missing);
    return this.openById(match[1]);
  }
}

export function createDocumentApp(ws: Workspace): DocumentApp {
  return strict('DocumentApp', shielded(new FakeDocumentApp(ws)), ws.calls) as unknown as DocumentApp;
}

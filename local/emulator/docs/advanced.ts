/**
 * The advanced Docs service, v1 (`Docs.Documents.get` / `batchUpdate`), over the same DocumentModel
 * DocumentApp edits. batchUpdate is atomic: the requests run in order on a copy first, and only when
 * every one succeeds do they run on the document itself. Request kinds the emulator does not model
 * are refused by name rather than ignored.
 */
import { strict } from '../calls';
import { MIME } from '../drive-store';
import { GoogleJsonResponseException } from '../drive/advanced';
import type { Workspace } from '../workspace';
import { shielded } from './context';
import { DocumentModel, SECTIONS, TableBlock, cloneModel, flattenParagraphs, sectionBlocks } from './model';
import { documentResource, tableStarts } from './structure';
import { literalFinder, replaceMatches } from './text';

type Json = Record<string, unknown>;

export const DOCS_API_ERRORS = {
  notFound: 'Requested entity was not found.',
  notADoc: 'This operation is not supported for this document',
  noRequests: 'Must specify at least one request.',
  noRequestSet: (i: number) => `Invalid requests[${i}]: No request set.`,
  unknownField: (name: string, at: string) => `Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field.`,
  oneof: (name: string) => `Invalid JSON payload received. Oneof field 'request' is already set. Cannot set '${name}'`,
  emptySearch: (i: number) => `Invalid requests[${i}].replaceAllText: The containsText text must not be empty.`,
  noReplacement: (i: number) => `Invalid requests[${i}].replaceAllText: replacement text parameter is required but not specified.`,
  unallowedField: (i: number, kind: string, field: string) => `Invalid requests[${i}].${kind}: Unallowed field: ${field}`,
  // The texts below are the emulator's wording: Google's own are not known.
  noTable: (i: number, kind: string, index: unknown) => `Invalid requests[${i}].${kind}: The table start location ${String(index)} does not point to the start of a table.`,
  noLocation: (i: number, kind: string) => `Invalid requests[${i}].${kind}: tableStartLocation must be specified.`,
  badSegment: (i: number, kind: string, id: string) => `Invalid requests[${i}].${kind}: The segment id ${id} is not in the document.`,
  pinnedCount: (i: number, rows: number) => `Invalid requests[${i}].pinTableHeaderRows: pinnedHeaderRowsCount must be between 0 and the number of rows (${rows}).`,
  noFields: (i: number) => `Invalid requests[${i}].updateTableRowStyle: At least one field must be listed in 'fields' (use '*' for all).`,
  rowIndex: (i: number, index: unknown, rows: number) => `Invalid requests[${i}].updateTableRowStyle: Row index ${String(index)} is out of range (the table has ${rows} rows).`,
  badValue: (i: number, kind: string, what: string) => `Invalid requests[${i}].${kind}: Invalid value for ${what}.`,
};

/** Every request kind of the Docs API v1; the emulator runs the ones in HANDLED. */
const KNOWN_KINDS = [
  'replaceAllText',
  'insertText',
  'updateTextStyle',
  'createParagraphBullets',
  'deleteParagraphBullets',
  'createNamedRange',
  'deleteNamedRange',
  'updateParagraphStyle',
  'deleteContentRange',
  'insertInlineImage',
  'insertTable',
  'insertTableRow',
  'insertTableColumn',
  'deleteTableRow',
  'deleteTableColumn',
  'insertPageBreak',
  'deletePositionedObject',
  'updateTableColumnProperties',
  'updateTableCellStyle',
  'updateTableRowStyle',
  'replaceImage',
  'updateDocumentStyle',
  'mergeTableCells',
  'unmergeTableCells',
  'createHeader',
  'createFooter',
  'createFootnote',
  'replaceNamedRangeContent',
  'updateSectionStyle',
  'insertSectionBreak',
  'deleteHeader',
  'deleteFooter',
  'pinTableHeaderRows',
  'insertPerson',
  'insertDate',
  'addDocumentTab',
  'deleteTab',
  'updateDocumentTabProperties',
] as const;

const ROW_STYLE_FIELDS = ['minRowHeight', 'preventOverflow'] as const;

class Fail extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Runs one request on a model; returns its reply. */
type Handler = (model: DocumentModel, body: Json, i: number) => Json;

function locateTable(model: DocumentModel, body: Json, i: number, kind: string): TableBlock {
  const location = body.tableStartLocation;
  if (!isObject(location)) throw new Fail(400, DOCS_API_ERRORS.noLocation(i, kind));
  const segmentId = location.segmentId === undefined ? '' : String(location.segmentId);
  const starts = tableStarts(model, segmentId);
  if (!starts) throw new Fail(400, DOCS_API_ERRORS.badSegment(i, kind, segmentId));
  const table = typeof location.index === 'number' ? starts.get(location.index) : undefined;
  if (!table) throw new Fail(400, DOCS_API_ERRORS.noTable(i, kind, location.index));
  return table;
}

const HANDLERS: Record<string, Handler> = {
  pinTableHeaderRows(model, body, i) {
    const table = locateTable(model, body, i, 'pinTableHeaderRows');
    const count = body.pinnedHeaderRowsCount ?? 0; // proto3: an absent count is 0 (unpin)
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > table.rows.length) throw new Fail(400, DOCS_API_ERRORS.pinnedCount(i, table.rows.length));
    if (count) table.pinnedHeaderRows = count;
    else delete table.pinnedHeaderRows;
    return {};
  },

  updateTableRowStyle(model, body, i) {
    const kind = 'updateTableRowStyle';
    const table = locateTable(model, body, i, kind);
    const fields = typeof body.fields === 'string' ? body.fields.split(',').map((f) => f.trim()) : [];
    if (!fields.filter(Boolean).length) throw new Fail(400, DOCS_API_ERRORS.noFields(i));
    const names = fields.includes('*') ? [...ROW_STYLE_FIELDS] : fields;
    for (const f of names) if (!(ROW_STYLE_FIELDS as readonly string[]).includes(f)) throw new Fail(400, DOCS_API_ERRORS.unallowedField(i, kind, f));
    const style = body.tableRowStyle ?? {};
    if (!isObject(style)) throw new Fail(400, DOCS_API_ERRORS.badValue(i, kind, 'tableRowStyle'));
    const indices = body.rowIndices === undefined ? table.rows.map((_, r) => r) : body.rowIndices;
    if (!Array.isArray(indices)) throw new Fail(400, DOCS_API_ERRORS.badValue(i, kind, 'rowIndices'));
    for (const r of indices) if (typeof r !== 'number' || !Number.isInteger(r) || r < 0 || r >= table.rows.length) throw new Fail(400, DOCS_API_ERRORS.rowIndex(i, r, table.rows.length));
    let height: number | undefined;
    if (names.includes('minRowHeight') && style.minRowHeight !== undefined) {
      const dim = style.minRowHeight;
      if (!isObject(dim) || (dim.magnitude !== undefined && typeof dim.magnitude !== 'number') || (dim.unit !== undefined && dim.unit !== 'PT'))
        throw new Fail(400, DOCS_API_ERRORS.badValue(i, kind, 'minRowHeight'));
      height = (dim.magnitude as number | undefined) || undefined;
    }
    if (names.includes('preventOverflow') && style.preventOverflow !== undefined && typeof style.preventOverflow !== 'boolean')
      throw new Fail(400, DOCS_API_ERRORS.badValue(i, kind, 'preventOverflow'));
    for (const r of indices as number[]) {
      const row = table.rows[r];
      // A listed field missing from the style is reset to its default, as a field mask means.
      if (names.includes('minRowHeight')) {
        if (height) row.minimumHeight = height;
        else delete row.minimumHeight;
      }
      if (names.includes('preventOverflow')) {
        if (style.preventOverflow === true) row.preventOverflow = true;
        else delete row.preventOverflow;
      }
    }
    return {};
  },

  replaceAllText(model, body, i) {
    const contains = body.containsText;
    const text = isObject(contains) ? contains.text : undefined;
    if (typeof text !== 'string' || text === '') throw new Fail(400, DOCS_API_ERRORS.emptySearch(i));
    if (typeof body.replaceText !== 'string') throw new Fail(400, DOCS_API_ERRORS.noReplacement(i));
    const find = literalFinder(text, isObject(contains) && contains.matchCase === true);
    let changed = 0;
    for (const section of SECTIONS) for (const block of flattenParagraphs(sectionBlocks(model, section) ?? [])) changed += replaceMatches(block, find, body.replaceText);
    // proto3 leaves a zero out of the reply, as Google's does.
    return { replaceAllText: changed ? { occurrencesChanged: changed } : {} };
  },
};

function runAll(model: DocumentModel, requests: unknown[]): Json[] {
  return requests.map((request, i) => {
    if (!isObject(request)) throw new Fail(400, DOCS_API_ERRORS.noRequestSet(i));
    const keys = Object.keys(request).filter((k) => request[k] !== undefined && request[k] !== null);
    if (!keys.length) throw new Fail(400, DOCS_API_ERRORS.noRequestSet(i));
    for (const key of keys) if (!(KNOWN_KINDS as readonly string[]).includes(key)) throw new Fail(400, DOCS_API_ERRORS.unknownField(key, `requests[${i}]`));
    if (keys.length > 1) throw new Fail(400, DOCS_API_ERRORS.oneof(keys[1]));
    const kind = keys[0];
    const handler = HANDLERS[kind];
    if (!handler) throw new Error(`Docs.Documents.batchUpdate: the request ${kind} is not supported in the local workspace (supported: ${Object.keys(HANDLERS).join(', ')})`);
    const body = request[kind];
    if (!isObject(body)) throw new Fail(400, DOCS_API_ERRORS.badValue(i, kind, kind));
    return handler(model, body, i);
  });
}

type Documents = GoogleAppsScript.Docs.Collection.DocumentsCollection;
type DocsDocument = GoogleAppsScript.Docs.Schema.Document;
type BatchResponse = GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse;
type BatchRequest = GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest;

class FakeDocuments implements Pick<Documents, 'get' | 'batchUpdate'> {
  constructor(private readonly ws: Workspace) {}

  private _fail(method: string, code: number, message: string): never {
    throw new GoogleJsonResponseException(`docs.documents.${method}`, code, message);
  }

  private _model(method: string, documentId: unknown): { id: string; title: string; model: DocumentModel } {
    if (typeof documentId !== 'string') throw new Error(`The parameters (${typeof documentId}) don't match the method signature for Docs.Documents.${method}.`);
    const entry = this.ws.drive.get(documentId);
    if (!entry || entry.trashed) return this._fail(method, 404, DOCS_API_ERRORS.notFound);
    if (entry.mimeType !== MIME.document) return this._fail(method, 400, DOCS_API_ERRORS.notADoc);
    return { id: entry.id, title: entry.name, model: entry.content as DocumentModel };
  }

  /** The whole document; `fields` and `suggestionsViewMode` are accepted and the full resource returned. */
  get(documentId: string, optionalArgs?: object): DocsDocument;
  get(documentId: string, options?: Record<string, unknown>): DocsDocument {
    const optionalArgs = options ?? {};
    for (const key of Object.keys(optionalArgs)) {
      if (!['fields', 'suggestionsViewMode', 'includeTabsContent'].includes(key)) throw new Error(`Docs.Documents.get: the optional argument "${key}" is not supported in the local workspace`);
    }
    if (optionalArgs.includeTabsContent === true) throw new Error('Docs.Documents.get: includeTabsContent is not supported in the local workspace (documents have one tab)');
    const { id, title, model } = this._model('get', documentId);
    return cloneModel(documentResource(id, title, model)) as DocsDocument;
  }

  /** Runs the requests in order, all or nothing. */
  batchUpdate(resource: BatchRequest, documentId: string): BatchResponse {
    if (!isObject(resource)) throw new Error(`The parameters (${typeof resource}) don't match the method signature for Docs.Documents.batchUpdate.`);
    for (const key of Object.keys(resource)) if (key !== 'requests' && key !== 'writeControl') this._fail('batchUpdate', 400, DOCS_API_ERRORS.unknownField(key, ''));
    if (resource.writeControl !== undefined) throw new Error('Docs.Documents.batchUpdate: writeControl is not supported in the local workspace');
    const { id, model } = this._model('batchUpdate', documentId);
    const requests = resource.requests;
    if (!Array.isArray(requests) || !requests.length) return this._fail('batchUpdate', 400, DOCS_API_ERRORS.noRequests);
    try {
      runAll(cloneModel(model), requests);
    } catch (e) {
      if (e instanceof Fail) this._fail('batchUpdate', e.code, e.message);
      throw e;
    }
    // Every request succeeded on the copy: the same requests now change the document itself.
    const replies = runAll(model, requests);
    return { documentId: id, replies, writeControl: {} } as BatchResponse;
  }
}

class FakeDocs {
  private readonly documents: Documents;
  constructor(ws: Workspace) {
    this.documents = strict('Docs.Documents', shielded(new FakeDocuments(ws)), ws.calls) as unknown as Documents;
  }
  get Documents(): Documents {
    return this.documents;
  }
}

/** The `Docs` global (advanced service userSymbol Docs, serviceId docs, v1); calls count as Docs.Documents.<method>. */
export function createDocsAdvanced(ws: Workspace): GoogleAppsScript.Docs {
  return strict('Docs', shielded(new FakeDocs(ws)), ws.calls) as unknown as GoogleAppsScript.Docs;
}

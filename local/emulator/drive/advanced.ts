/**
 * The advanced Drive service, v3 (`Drive.Files.*`), which the add-on uses under drive.file for
 * the programme folder. Responses follow the REST API: without `fields` a file is
 * {kind, id, name, mimeType}; ask for more with `fields` ('id,parents,webViewLink', 'files(id,name)', '*').
 */
import { strict } from '../calls';
import { shielded } from '../docs/context';
import { DocumentModel, cloneModel, createDocumentModel } from '../docs/model';
import { DriveEntry, MIME, StoredBytes } from '../drive-store';
import type { Workspace } from '../workspace';
import { ROOT_ID, VIRTUAL_ERROR, allEntries, driveUrl, findEntry, isVirtual, parentIds } from './links';
import { ConversionError, DOCX_MIME, convertDocx } from './convert';
import { compileQuery } from './query';

type Files = GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection;
type FileResource = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type FileList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;
type Blob = GoogleAppsScript.Base.Blob;

/** Apps Script's error for a failed advanced-service call; String(e) reads "GoogleJsonResponseException: API call to …". */
export class GoogleJsonResponseException extends Error {
  override name = 'GoogleJsonResponseException';
  readonly details: { code: number; message: string };
  constructor(method: string, code: number, message: string) {
    super(`API call to ${method} failed with error: ${message}`);
    this.details = { code, message };
  }
}

export const DRIVE_API_ERRORS = {
  notFound: (id: string) => `File not found: ${id}.`,
  /** Drive's 400 (reason conversionUnsupportedConversionPath) for an upload it cannot turn into the asked type. */
  conversionUnsupported: 'Conversion of the uploaded content to the requested output type is not supported.',
  /** The emulator's wording: what Drive answers for a damaged .docx is not known. */
  conversionFailed: (why: string) => `The uploaded file could not be converted to a Google Doc: ${why}.`,
  /** The emulator's wording for copying a folder, which Drive does not do. */
  folderCopy: 'Folders cannot be copied.',
  parentsNotWritable: 'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
  parentLimit: 'Increasing the number of parents is not allowed',
};

/** Drive's own types (Docs, Sheets, Forms, folders …): their content is not uploaded bytes. */
const isGoogleType = (mimeType: string) => mimeType.startsWith('application/vnd.google-apps.');

/** The File fields the emulator keeps; any other field in a mask is refused. */
const FILE_FIELDS = ['kind', 'id', 'name', 'mimeType', 'parents', 'webViewLink', 'createdTime', 'modifiedTime', 'trashed'] as const;
const DEFAULT_FILE_FIELDS = ['kind', 'id', 'name', 'mimeType'];
const LIST_FIELDS = ['kind', 'nextPageToken', 'incompleteSearch', 'files'];

/** A field mask: `a,b(c,d)` → {a: true, b: {c: true, d: true}}; `a/b` is `a(b)`. */
type Mask = { [field: string]: true | Mask };

function parseMask(text: string, fail: (why: string) => never): Mask {
  let i = 0;
  const list = (): Mask => {
    const out: Mask = {};
    for (;;) {
      while (text[i] === ' ') i++;
      const m = /^[A-Za-z_*][A-Za-z0-9_]*(\/[A-Za-z_*][A-Za-z0-9_]*)*/.exec(text.slice(i));
      if (!m) fail(`Invalid field selection ${text}`);
      i += m[0].length;
      const path = m[0].split('/');
      while (text[i] === ' ') i++;
      let leaf: true | Mask = true;
      if (text[i] === '(') {
        i++;
        leaf = list();
        if (text[i] !== ')') fail(`Invalid field selection ${text}`);
        i++;
      }
      let node = out;
      path.forEach((name, k) => {
        if (k === path.length - 1) node[name] = leaf;
        else node = (node[name] = node[name] === true || node[name] === undefined ? {} : node[name]) as Mask;
      });
      while (text[i] === ' ') i++;
      if (text[i] !== ',') return out;
      i++;
    }
  };
  const mask = list();
  if (i < text.length) fail(`Invalid field selection ${text}`);
  return mask;
}

function pick(resource: Record<string, unknown>, fields: readonly string[], mask: Mask | true, allowed: readonly string[], fail: (why: string) => never): Record<string, unknown> {
  if (mask === true || mask['*'] === true) return Object.fromEntries(fields.filter((f) => f in resource).map((f) => [f, resource[f]]));
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(mask)) {
    if (!allowed.includes(name)) fail(`Invalid field selection ${name} (the local workspace keeps: ${allowed.join(', ')})`);
    if (name in resource) out[name] = resource[name];
  }
  return out;
}

class FakeFiles implements Pick<Files, 'create' | 'copy' | 'get' | 'update' | 'list' | 'remove'> {
  constructor(private readonly ws: Workspace) {}

  private _fail(method: string, code: number, message: string): never {
    throw new GoogleJsonResponseException(`drive.files.${method}`, code, message);
  }

  /** The whole File resource as the REST API would give it with fields=*. */
  private _resource(entry: DriveEntry): Record<string, unknown> {
    return {
      kind: 'drive#file',
      id: entry.id,
      name: entry.name,
      mimeType: entry.mimeType,
      parents: parentIds(entry),
      webViewLink: driveUrl(entry),
      createdTime: entry.created.toISOString(),
      modifiedTime: entry.created.toISOString(),
      trashed: entry.trashed,
    };
  }

  private _shape(method: string, entry: DriveEntry, fields: unknown): FileResource {
    const fail = (why: string): never => this._fail(method, 400, why);
    if (fields === undefined) return pick(this._resource(entry), DEFAULT_FILE_FIELDS, true, FILE_FIELDS, fail) as FileResource;
    if (typeof fields !== 'string') return fail(`Invalid value for fields: ${String(fields)}`);
    return pick(this._resource(entry), FILE_FIELDS, parseMask(fields, fail), FILE_FIELDS, fail) as FileResource;
  }

  private _args(method: string, args: unknown, known: readonly string[]): Record<string, unknown> {
    if (args === undefined || args === null) return {};
    if (typeof args !== 'object' || Array.isArray(args)) return this._fail(method, 400, `Invalid optional arguments: ${String(args)}`);
    const out = args as Record<string, unknown>;
    for (const key of Object.keys(out)) {
      if (!known.includes(key)) throw new Error(`Drive.Files.${method}: the optional argument "${key}" is not supported in the local workspace (supported: ${known.join(', ')})`);
    }
    return out;
  }

  private _entry(method: string, id: unknown): DriveEntry {
    const entry = typeof id === 'string' ? findEntry(this.ws, id) : undefined;
    if (!entry) return this._fail(method, 404, DRIVE_API_ERRORS.notFound(String(id)));
    return entry;
  }

  /** A folder id (or 'root') as the store keeps it: root → no parent. */
  private _folder(method: string, id: string): string | null {
    if (id === ROOT_ID) return null;
    const folder = this.ws.drive.get(id);
    if (!folder || folder.mimeType !== MIME.folder) return this._fail(method, 404, DRIVE_API_ERRORS.notFound(id));
    return folder.id;
  }

  private _resourceArg(method: string, resource: unknown, writable: readonly string[]): Record<string, unknown> {
    if (typeof resource !== 'object' || resource === null || Array.isArray(resource))
      throw new Error(`The parameters (${typeof resource}) don't match the method signature for Drive.Files.${method}.`);
    const out = resource as Record<string, unknown>;
    for (const key of Object.keys(out)) {
      if (key === 'parents' && method === 'update') this._fail(method, 403, DRIVE_API_ERRORS.parentsNotWritable);
      if (!writable.includes(key)) throw new Error(`Drive.Files.${method}: the File field "${key}" is not supported in the local workspace (Drive v3 fields it keeps: ${writable.join(', ')})`);
    }
    return out;
  }

  private _noMedia(method: string, mediaData: unknown): void {
    if (mediaData !== undefined && mediaData !== null) throw new Error(`Drive.Files.${method}: uploading content is not supported in the local workspace`);
  }

  /** The one parent a new file or copy goes to (a folder id or 'root'); undefined when not given. */
  private _parents(method: string, value: unknown): string[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((p) => typeof p !== 'string')) return this._fail(method, 400, 'Invalid value for parents');
    if (value.length > 1) return this._fail(method, 403, DRIVE_API_ERRORS.parentLimit);
    return value.map((p: string) => this._folder(method, p)).filter((p): p is string => p !== null);
  }

  /**
   * Creates a file or, with the folder MIME type, a folder; `parents` places it. With a media blob
   * and the Google Docs MIME type, a .docx upload is converted into a Google Doc (Drive's import);
   * an upload to any other Google type is refused; any other upload is kept byte for byte, its type
   * the resource's or else the blob's (Drive's rule).
   */
  create(resource: FileResource, mediaData?: Blob | null, optionalArgs?: Record<string, unknown>): FileResource {
    const r = this._resourceArg('create', resource, ['name', 'mimeType', 'parents']);
    const args = this._args('create', optionalArgs, ['fields', 'supportsAllDrives', 'supportsTeamDrives']);
    const placed = this._parents('create', r.parents) ?? [];
    const media = mediaData !== undefined && mediaData !== null ? this._media('create', mediaData) : null;
    const mimeType = typeof r.mimeType === 'string' ? r.mimeType : (media?.type ?? 'application/octet-stream');
    let content: DocumentModel | StoredBytes | undefined;
    if (media) {
      if (mimeType === MIME.document) content = this._convert(mediaData!);
      else if (isGoogleType(mimeType)) this._noMedia('create', mediaData);
      else content = { bytes: media.bytes };
    }
    const entry = this.ws.drive.add({
      id: this.ws.ids.next('1'),
      name: typeof r.name === 'string' ? r.name : 'Untitled',
      mimeType,
      parents: placed,
      created: this.ws.now(),
      trashed: false,
      // A Google Doc made without content is empty, as DocumentApp would open it.
      content: content ?? (mimeType === MIME.document ? createDocumentModel() : undefined),
    });
    return this._shape('create', entry, args.fields);
  }

  /** An uploaded blob's bytes (0..255) and type; reading it is the upload itself, not a script call of its own. */
  private _media(method: string, media: unknown): { bytes: number[]; type: string | null } {
    if (typeof media !== 'object' || media === null || typeof (media as Partial<Blob>).getBytes !== 'function') {
      throw new Error(`The parameters don't match the method signature for Drive.Files.${method}.`);
    }
    const blob = media as Blob;
    return this.ws.calls.untracked(() => ({ bytes: blob.getBytes().map((b) => b & 255), type: blob.getContentType() }));
  }

  /** The Google Doc an uploaded .docx blob becomes. */
  private _convert(media: Blob): DocumentModel {
    if (typeof media !== 'object' || typeof (media as Partial<Blob>).getBytes !== 'function') throw new Error("The parameters don't match the method signature for Drive.Files.create.");
    // Reading the blob is the upload itself, not a script call of its own.
    const { bytes, type } = this.ws.calls.untracked(() => ({ bytes: media.getBytes(), type: media.getContentType() }));
    if (type !== DOCX_MIME) return this._fail('create', 400, DRIVE_API_ERRORS.conversionUnsupported);
    try {
      return convertDocx(bytes);
    } catch (e) {
      if (e instanceof ConversionError) return this._fail('create', 400, DRIVE_API_ERRORS.conversionFailed(e.message));
      throw e;
    }
  }

  /**
   * Copies a Google Doc: a deep copy of its content under a new id. Without `name` the copy is
   * "Copy of …"; without `parents` it goes where the original is (Drive v3's rule).
   */
  copy(resource: FileResource, fileId: string, optionalArgs?: Record<string, unknown>): FileResource {
    const source = this._entry('copy', fileId);
    const r = this._resourceArg('copy', resource, ['name', 'parents']);
    const args = this._args('copy', optionalArgs, ['fields', 'supportsAllDrives', 'supportsTeamDrives']);
    if (source.mimeType === MIME.folder) return this._fail('copy', 403, DRIVE_API_ERRORS.folderCopy);
    if (source.mimeType !== MIME.document || isVirtual(source)) throw new Error(`Drive.Files.copy: copying ${source.mimeType} files is not supported in the local workspace (Google Docs only)`);
    const placed = this._parents('copy', r.parents) ?? [...source.parents];
    const entry = this.ws.drive.add({
      id: this.ws.ids.next('1'),
      name: typeof r.name === 'string' ? r.name : `Copy of ${source.name}`,
      mimeType: source.mimeType,
      parents: placed,
      created: this.ws.now(),
      trashed: false,
      content: cloneModel((source.content as DocumentModel | undefined) ?? createDocumentModel()),
    });
    return this._shape('copy', entry, args.fields);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mirrors the @types overload, so the fake implements it
  get(fileId: string, optionalArgs: Record<string, any> & { alt: 'media' }): string;
  get(fileId: string, optionalArgs?: Record<string, unknown>): FileResource;
  get(fileId: string, optionalArgs?: Record<string, unknown>): FileResource | string {
    const args = this._args('get', optionalArgs, ['fields', 'supportsAllDrives', 'supportsTeamDrives', 'alt']);
    if (args.alt !== undefined) throw new Error('Drive.Files.get: alt=media (downloading content) is not supported in the local workspace');
    return this._shape('get', this._entry('get', fileId), args.fields);
  }

  /**
   * Renames, trashes and moves (addParents / removeParents, comma-separated ids). With a media blob
   * it replaces the content of a file that is not a Google type, keeping its id, name and type.
   */
  update(resource: FileResource, fileId: string, mediaData?: Blob | null, optionalArgs?: Record<string, unknown>): FileResource {
    const entry = this._entry('update', fileId);
    if (isVirtual(entry)) throw new Error(VIRTUAL_ERROR);
    const r = this._resourceArg('update', resource, ['name', 'trashed', 'mimeType']);
    const media = mediaData !== undefined && mediaData !== null ? this._media('update', mediaData) : null;
    if (media && isGoogleType(entry.mimeType)) this._noMedia('update', mediaData);
    const args = this._args('update', optionalArgs, ['fields', 'addParents', 'removeParents', 'supportsAllDrives', 'supportsTeamDrives']);
    if (r.mimeType !== undefined && r.mimeType !== entry.mimeType) throw new Error('Drive.Files.update: changing mimeType is not supported in the local workspace');
    const ids = (v: unknown) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    let parents = parentIds(entry);
    const removed = ids(args.removeParents);
    parents = parents.filter((p) => !removed.includes(p));
    for (const id of ids(args.addParents)) {
      this._folder('update', id);
      if (!parents.includes(id)) parents.push(id);
    }
    if (parents.length > 1) return this._fail('update', 403, DRIVE_API_ERRORS.parentLimit);
    if (typeof r.name === 'string') entry.name = r.name;
    if (typeof r.trashed === 'boolean') entry.trashed = r.trashed;
    if (media) entry.content = { bytes: media.bytes };
    entry.parents = parents.filter((p) => p !== ROOT_ID);
    return this._shape('update', entry, args.fields);
  }

  /** Searches with `q`; trashed files are included unless the query says `trashed = false`, as in Drive. */
  list(optionalArgs?: Record<string, unknown>): FileList {
    const args = this._args('list', optionalArgs, ['q', 'fields', 'pageSize', 'pageToken', 'orderBy', 'spaces', 'corpora', 'supportsAllDrives', 'includeItemsFromAllDrives']);
    const fail = (why: string): never => this._fail('list', 400, why);
    const q = args.q === undefined ? '' : String(args.q);
    const match = compileQuery(q, (why) => fail(`Invalid Value (q: ${why})`));
    let found = allEntries(this.ws).filter(match);
    if (args.orderBy !== undefined) found = this._order(found, String(args.orderBy));
    const pageSize = args.pageSize === undefined ? 100 : Number(args.pageSize);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) fail(`Invalid value for pageSize: ${String(args.pageSize)}`);
    const start = args.pageToken === undefined ? 0 : Number(args.pageToken);
    if (!Number.isInteger(start) || start < 0) fail(`Invalid value for pageToken: ${String(args.pageToken)}`);
    const page = found.slice(start, start + pageSize);
    const full: Record<string, unknown> = { kind: 'drive#fileList', incompleteSearch: false, files: page };
    if (start + pageSize < found.length) full.nextPageToken = String(start + pageSize);
    const mask: Mask = args.fields === undefined ? { kind: true, nextPageToken: true, incompleteSearch: true, files: true } : parseMask(String(args.fields), fail);
    const out = pick(full, LIST_FIELDS, mask, LIST_FIELDS, fail);
    if (out.files) {
      const fileMask = mask.files ?? mask['*'];
      out.files = page.map((e) =>
        fileMask === true || fileMask === undefined
          ? pick(this._resource(e), args.fields === undefined ? DEFAULT_FILE_FIELDS : FILE_FIELDS, true, FILE_FIELDS, fail)
          : pick(this._resource(e), FILE_FIELDS, fileMask, FILE_FIELDS, fail),
      );
    }
    return out as FileList;
  }

  private _order(entries: DriveEntry[], orderBy: string): DriveEntry[] {
    const keys = orderBy.split(',').map((part) => {
      const [field, dir] = part.trim().split(/\s+/);
      if (!['name', 'createdTime', 'modifiedTime'].includes(field) || (dir !== undefined && dir !== 'desc')) {
        throw new Error(`Drive.Files.list: orderBy "${orderBy}" is not supported in the local workspace (name, createdTime, modifiedTime, each optionally "desc")`);
      }
      return { field, desc: dir === 'desc' };
    });
    return [...entries].sort((a, b) => {
      for (const { field, desc } of keys) {
        const c = field === 'name' ? a.name.localeCompare(b.name) : a.created.getTime() - b.created.getTime();
        if (c) return desc ? -c : c;
      }
      return 0;
    });
  }

  /** Deletes for good (not to the trash), a folder with everything in it. */
  remove(fileId: string, optionalArgs?: Record<string, unknown>): void {
    const entry = this._entry('delete', fileId);
    if (isVirtual(entry)) throw new Error(VIRTUAL_ERROR);
    this._args('remove', optionalArgs, ['supportsAllDrives', 'supportsTeamDrives']);
    const drop = (id: string) => {
      this.ws.drive.entries.delete(id);
      for (const child of [...this.ws.drive.entries.values()]) if (child.parents.includes(id)) drop(child.id);
    };
    drop(entry.id);
  }
}

/** The `Drive` global: only Files is emulated (counted as Drive.Files.<method>). */
class FakeDrive implements Pick<GoogleAppsScript.Drive, 'Files'> {
  private readonly files: Files;
  constructor(ws: Workspace) {
    this.files = strict('Drive.Files', shielded(new FakeFiles(ws)), ws.calls) as unknown as Files;
  }
  get Files(): Files {
    return this.files;
  }
}

export function createDriveAdvanced(ws: Workspace): GoogleAppsScript.Drive {
  return strict('Drive', shielded(new FakeDrive(ws)), ws.calls) as unknown as GoogleAppsScript.Drive;
}

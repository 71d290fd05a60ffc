/**
 * DriveApp over the workspace's DriveStore. (The add-on itself uses the advanced Drive service
 * under drive.file; DriveApp is here for tests, tools and code that reads what was made.)
 */
import { strict, unwrap } from '../calls';
import { shielded } from '../docs/context';
import { DriveEntry, MIME } from '../drive-store';
import type { Workspace } from '../workspace';
import { ROOT_ID, VIRTUAL_ERROR, allEntries, driveUrl, findEntry, isVirtual, rootEntry } from './links';

type DriveApp = GoogleAppsScript.Drive.DriveApp;
type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;
type FileIterator = GoogleAppsScript.Drive.FileIterator;
type FolderIterator = GoogleAppsScript.Drive.FolderIterator;

/** Real DriveApp texts (the UI prefixes them with "Exception: "). */
export const DRIVE_ERRORS = {
  noItem: 'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
  iteratorEnd: 'Cannot retrieve the next object: iterator has reached the end.',
};

function checkString(value: unknown, method: string): string {
  if (typeof value !== 'string') throw new Error(`The parameters (${value === null ? 'null' : typeof value}) don't match the method signature for DriveApp.${method}.`);
  return value;
}

/** The shared view: entries by id (the root is virtual), and the fakes handed to scripts. */
class DriveView {
  constructor(readonly ws: Workspace) {}

  root(): DriveEntry {
    return rootEntry();
  }
  entry(id: string): DriveEntry | undefined {
    return id === ROOT_ID ? this.root() : findEntry(this.ws, id);
  }
  /** Everything directly in a folder; trashed items included, as DriveApp's iterators include them. */
  children(folderId: string): DriveEntry[] {
    return this.all().filter((e) => (folderId === ROOT_ID ? e.parents.length === 0 : e.parents.includes(folderId)));
  }
  all(): DriveEntry[] {
    return allEntries(this.ws);
  }
  newFolder(name: string, parent: string): DriveEntry {
    return this.ws.drive.add({ id: this.ws.ids.next('1'), name, mimeType: MIME.folder, parents: parent === ROOT_ID ? [] : [parent], created: this.ws.now(), trashed: false });
  }
  file(entry: DriveEntry): File {
    return strict('File', shielded(new FakeFile(this, entry)), this.ws.calls) as unknown as File;
  }
  folder(entry: DriveEntry): Folder {
    return strict('Folder', shielded(new FakeFolder(this, entry)), this.ws.calls) as unknown as Folder;
  }
  files(entries: DriveEntry[]): FileIterator {
    return strict('FileIterator', shielded(new FakeIterator(entries.map((e) => () => this.file(e)))), this.ws.calls) as unknown as FileIterator;
  }
  folders(entries: DriveEntry[]): FolderIterator {
    return strict('FolderIterator', shielded(new FakeIterator(entries.map((e) => () => this.folder(e)))), this.ws.calls) as unknown as FolderIterator;
  }
}

class FakeIterator<T> implements Pick<FileIterator, 'hasNext'> {
  private position = 0;
  constructor(private readonly items: Array<() => T>) {}
  hasNext(): boolean {
    return this.position < this.items.length;
  }
  next(): T {
    if (this.position >= this.items.length) throw new Error(DRIVE_ERRORS.iteratorEnd);
    return this.items[this.position++]();
  }
}

function entryOf(value: unknown): DriveEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = unwrap(value) as { __entry?: () => DriveEntry };
  return typeof raw.__entry === 'function' ? raw.__entry() : undefined;
}

/** What File and Folder share. */
abstract class FakeItem<Api> {
  constructor(
    protected readonly view: DriveView,
    protected readonly item: DriveEntry,
  ) {}
  protected _api(): Api {
    return this as unknown as Api;
  }
  /** The Drive entry behind a File or Folder a script passes back in (not counted). */
  __entry(): DriveEntry {
    return this.item;
  }
  getId(): string {
    return this.item.id;
  }
  getName(): string {
    return this.item.name;
  }
  protected _writable(): DriveEntry {
    if (isVirtual(this.item)) throw new Error(VIRTUAL_ERROR);
    return this.item;
  }
  setName(name: string): Api {
    this._writable().name = checkString(name, 'File.setName');
    return this._api();
  }
  getUrl(): string {
    return driveUrl(this.item);
  }
  getDateCreated(): GoogleAppsScript.Base.Date {
    return new Date(this.item.created.getTime());
  }
  getParents(): FolderIterator {
    if (this.item.id === ROOT_ID) return this.view.folders([]);
    const parents = this.item.parents.length ? this.item.parents : [ROOT_ID];
    return this.view.folders(parents.map((id) => this.view.entry(id)).filter((e): e is DriveEntry => !!e));
  }
  isTrashed(): boolean {
    return this.item.trashed;
  }
  setTrashed(trashed: boolean): Api {
    if (typeof trashed !== 'boolean') throw new Error(`The parameters (${typeof trashed}) don't match the method signature for DriveApp.File.setTrashed.`);
    this._writable().trashed = trashed;
    return this._api();
  }
  /** Drive items have one parent: moving replaces it. */
  moveTo(destination: Folder): Api {
    const folder = entryOf(destination);
    if (!folder || folder.mimeType !== MIME.folder) throw new Error(`The parameters (${typeof destination}) don't match the method signature for DriveApp.File.moveTo.`);
    this._writable().parents = folder.id === ROOT_ID ? [] : [folder.id];
    return this._api();
  }
}

type FileApi = Pick<File, 'getId' | 'getName' | 'setName' | 'getUrl' | 'getMimeType' | 'getParents' | 'moveTo' | 'setTrashed' | 'isTrashed' | 'getDateCreated'>;

export class FakeFile extends FakeItem<File> implements FileApi {
  getMimeType(): string {
    return this.item.mimeType;
  }
}

type FolderApi = Pick<
  Folder,
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getUrl'
  | 'getParents'
  | 'moveTo'
  | 'setTrashed'
  | 'isTrashed'
  | 'getDateCreated'
  | 'getFiles'
  | 'getFolders'
  | 'getFilesByName'
  | 'getFoldersByName'
  | 'getFilesByType'
  | 'createFolder'
>;

export class FakeFolder extends FakeItem<Folder> implements FolderApi {
  private _kids(folders: boolean): DriveEntry[] {
    return this.view.children(this.item.id).filter((e) => (e.mimeType === MIME.folder) === folders);
  }
  getFiles(): FileIterator {
    return this.view.files(this._kids(false));
  }
  getFolders(): FolderIterator {
    return this.view.folders(this._kids(true));
  }
  getFilesByName(name: string): FileIterator {
    const wanted = checkString(name, 'Folder.getFilesByName');
    return this.view.files(this._kids(false).filter((e) => e.name === wanted));
  }
  getFoldersByName(name: string): FolderIterator {
    const wanted = checkString(name, 'Folder.getFoldersByName');
    return this.view.folders(this._kids(true).filter((e) => e.name === wanted));
  }
  getFilesByType(mimeType: string): FileIterator {
    const wanted = checkString(mimeType, 'Folder.getFilesByType');
    return this.view.files(this._kids(false).filter((e) => e.mimeType === wanted));
  }
  createFolder(name: string): Folder {
    return this.view.folder(this.view.newFolder(checkString(name, 'Folder.createFolder'), this.item.id));
  }
}

type AppApi = Pick<DriveApp, 'getFileById' | 'getFolderById' | 'getRootFolder' | 'getFilesByName' | 'getFoldersByName' | 'getFiles' | 'getFolders' | 'getFilesByType' | 'createFolder'>;

class FakeDriveApp implements AppApi {
  constructor(private readonly view: DriveView) {}

  getFileById(id: string): File {
    const entry = findEntry(this.view.ws, checkString(id, 'getFileById'));
    if (!entry) throw new Error(DRIVE_ERRORS.noItem);
    return this.view.file(entry);
  }
  getFolderById(id: string): Folder {
    const entry = this.view.entry(checkString(id, 'getFolderById'));
    if (!entry || entry.mimeType !== MIME.folder) throw new Error(DRIVE_ERRORS.noItem);
    return this.view.folder(entry);
  }
  getRootFolder(): Folder {
    return this.view.folder(this.view.root());
  }
  /** Searches the whole Drive (trashed items included, as DriveApp does). */
  getFilesByName(name: string): FileIterator {
    const wanted = checkString(name, 'getFilesByName');
    return this.view.files(this.view.all().filter((e) => e.mimeType !== MIME.folder && e.name === wanted));
  }
  getFoldersByName(name: string): FolderIterator {
    const wanted = checkString(name, 'getFoldersByName');
    return this.view.folders(this.view.all().filter((e) => e.mimeType === MIME.folder && e.name === wanted));
  }
  getFiles(): FileIterator {
    return this.view.files(this.view.all().filter((e) => e.mimeType !== MIME.folder));
  }
  getFolders(): FolderIterator {
    return this.view.folders(this.view.all().filter((e) => e.mimeType === MIME.folder));
  }
  getFilesByType(mimeType: string): FileIterator {
    const wanted = checkString(mimeType, 'getFilesByType');
    return this.view.files(this.view.all().filter((e) => e.mimeType === wanted));
  }
  createFolder(name: string): Folder {
    return this.view.folder(this.view.newFolder(checkString(name, 'createFolder'), ROOT_ID));
  }
}

export function createDriveApp(ws: Workspace): DriveApp {
  return strict('DriveApp', shielded(new FakeDriveApp(new DriveView(ws))), ws.calls) as unknown as DriveApp;
}

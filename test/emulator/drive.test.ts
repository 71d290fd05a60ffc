import { createDocumentApp } from '../../local/emulator/docs/fakes';
import { MIME } from '../../local/emulator/drive-store';
import { DRIVE_API_ERRORS, DRIVE_ERRORS, GoogleJsonResponseException, createDriveAdvanced, createDriveApp } from '../../local/emulator/drive/fakes';
import { Workspace } from '../../local/emulator/workspace';
import { thrown } from '../helpers/thrown';

function setup() {
  const ws = new Workspace();
  return { ws, DriveApp: createDriveApp(ws), Drive: createDriveAdvanced(ws), DocumentApp: createDocumentApp(ws) };
}

describe('DriveApp', () => {
  test('folders, files, parents and moving', () => {
    const { DriveApp, DocumentApp } = setup();
    const programme = DriveApp.createFolder('Наставничество 2025');
    const orders = programme.createFolder('Приказы');
    const doc = DocumentApp.create('Приказ № 1');
    const file = DriveApp.getFileById(doc.getId());
    expect(file.getMimeType()).toBe(MIME.document);
    expect(file.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit?usp=drivesdk`);
    expect(file.getParents().next().getName()).toBe('Мой диск');
    file.moveTo(orders);
    expect(file.getParents().next().getId()).toBe(orders.getId());
    expect(orders.getFiles().next().getName()).toBe('Приказ № 1');
    expect(programme.getFolders().next().getName()).toBe('Приказы');
    expect(programme.getUrl()).toBe(`https://drive.google.com/drive/folders/${programme.getId()}`);
    expect(DriveApp.getRootFolder().getFolders().next().getId()).toBe(programme.getId());
    expect(file.getDateCreated()).toBeInstanceOf(Date);
  });

  test('iterators end with the real error', () => {
    const { DriveApp } = setup();
    const it = DriveApp.getFoldersByName('нет такой');
    expect(it.hasNext()).toBe(false);
    expect(() => it.next()).toThrow('Cannot retrieve the next object: iterator has reached the end.');
    expect(DRIVE_ERRORS.iteratorEnd).toBe('Cannot retrieve the next object: iterator has reached the end.');
  });

  test('a missing id', () => {
    const { DriveApp } = setup();
    const text = 'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
    expect(() => DriveApp.getFileById('missing')).toThrow(text);
    expect(() => DriveApp.getFolderById('missing')).toThrow(text);
  });

  test('trash: the item stays findable, flagged as trashed (DriveApp lists trashed items too)', () => {
    const { DriveApp } = setup();
    const folder = DriveApp.createFolder('Старое');
    folder.setTrashed(true);
    expect(DriveApp.getFolderById(folder.getId()).isTrashed()).toBe(true);
    const found = DriveApp.getFoldersByName('Старое');
    expect(found.next().isTrashed()).toBe(true);
  });

  test('calls are counted per class and method; fault injection', () => {
    const { ws, DriveApp } = setup();
    const folder = DriveApp.createFolder('A');
    folder.getName();
    expect(ws.calls.count('DriveApp.createFolder')).toBe(1);
    expect(ws.calls.count('Folder.getName')).toBe(1);
    ws.calls.failOn('DriveApp.getFolderById', { message: 'Service error: Drive' });
    expect(() => DriveApp.getFolderById(folder.getId())).toThrow('Service error: Drive');
    expect(() => (DriveApp as unknown as Record<string, () => unknown>).searchFiles()).toThrow('DriveApp.searchFiles is not available in the local Apps Script workspace');
  });
});

describe('Drive (advanced service, v3)', () => {
  test('create a folder, a doc inside it, and find them with q', () => {
    const { ws, Drive, DocumentApp } = setup();
    const folder = Drive.Files.create({ name: 'Наставничество', mimeType: MIME.folder }, null as unknown as GoogleAppsScript.Base.Blob, { fields: 'id,name,mimeType,parents,webViewLink,createdTime' });
    expect(folder).toEqual({
      id: folder.id,
      name: 'Наставничество',
      mimeType: MIME.folder,
      parents: ['root'],
      webViewLink: `https://drive.google.com/drive/folders/${folder.id}`,
      createdTime: ws.drive.get(folder.id!)!.created.toISOString(),
    });
    const doc = Drive.Files.create({ name: "Приказ 'О парах'", mimeType: MIME.document, parents: [folder.id!] });
    expect(doc).toEqual({ kind: 'drive#file', id: doc.id, name: "Приказ 'О парах'", mimeType: MIME.document });
    // A Doc created through Drive opens in DocumentApp, empty.
    expect(DocumentApp.openById(doc.id!).getBody().getText()).toBe('');

    const q = `name = 'Приказ \\'О парах\\'' and '${folder.id}' in parents and trashed = false and mimeType = '${MIME.document}'`;
    const list = Drive.Files.list({ q, fields: 'files(id,name,parents)' });
    expect(list).toEqual({ files: [{ id: doc.id, name: "Приказ 'О парах'", parents: [folder.id] }] });
    // The bound spreadsheet ('Наставничество' by default) is a root file too.
    expect(Drive.Files.list({ q: `'root' in parents and mimeType = '${MIME.folder}'` }).files!.map((f) => f.name)).toEqual(['Наставничество']);
    expect(Drive.Files.list({ q: "name contains 'парах'" }).files).toHaveLength(1);
    expect(Drive.Files.list({ q: "mimeType != 'application/vnd.google-apps.folder'" }).files!.map((f) => f.name)).toEqual(['Наставничество', "Приказ 'О парах'"]);
  });

  test('get: default fields, fields mask, missing id', () => {
    const { Drive } = setup();
    const f = Drive.Files.create({ name: 'a', mimeType: MIME.folder });
    expect(Drive.Files.get(f.id!)).toEqual({ kind: 'drive#file', id: f.id, name: 'a', mimeType: MIME.folder });
    expect(Drive.Files.get(f.id!, { fields: 'parents, trashed' })).toEqual({ parents: ['root'], trashed: false });
    const e = thrown(() => Drive.Files.get('nope'));
    expect(e).toBeInstanceOf(GoogleJsonResponseException);
    expect(String(e)).toBe('GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: nope.');
    expect(e.message).toBe(`API call to drive.files.get failed with error: ${DRIVE_API_ERRORS.notFound('nope')}`);
    expect(() => Drive.Files.get(f.id!, { fields: 'owners' })).toThrow('Invalid field selection owners');
  });

  test('update: rename, move with addParents/removeParents, one parent only', () => {
    const { Drive, DriveApp } = setup();
    const a = Drive.Files.create({ name: 'A', mimeType: MIME.folder });
    const doc = Drive.Files.create({ name: 'Справка', mimeType: MIME.document });
    expect(() => Drive.Files.update({}, doc.id!, null as unknown as GoogleAppsScript.Base.Blob, { addParents: a.id })).toThrow(
      'API call to drive.files.update failed with error: Increasing the number of parents is not allowed',
    );
    const moved = Drive.Files.update({ name: 'Справка за май' }, doc.id!, null as unknown as GoogleAppsScript.Base.Blob, { addParents: a.id, removeParents: 'root', fields: 'name,parents' });
    expect(moved).toEqual({ name: 'Справка за май', parents: [a.id] });
    expect(DriveApp.getFolderById(a.id!).getFiles().next().getName()).toBe('Справка за май');
    expect(() => Drive.Files.update({ parents: [a.id!] }, doc.id!)).toThrow('The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.');
    expect(() => Drive.Files.update({}, doc.id!, null as unknown as GoogleAppsScript.Base.Blob, { addParents: 'nope', removeParents: a.id })).toThrow('File not found: nope.');
    Drive.Files.update({ trashed: true }, doc.id!);
    expect(Drive.Files.list({ q: `trashed = false and mimeType != '${MIME.spreadsheet}'` }).files!.map((f) => f.name)).toEqual(['A']);
    expect(Drive.Files.list({ q: 'trashed = true' }).files!.map((f) => f.name)).toEqual(['Справка за май']);
  });

  test('list: unknown q syntax is refused with a readable message; paging', () => {
    const { Drive } = setup();
    for (let i = 0; i < 3; i++) Drive.Files.create({ name: `f${i}`, mimeType: MIME.folder });
    expect(() => Drive.Files.list({ q: "name = 'a' or name = 'b'" })).toThrow(/"or" is not supported in the local workspace/);
    expect(() => Drive.Files.list({ q: "modifiedTime > '2020-01-01'" })).toThrow(/is not supported in the local workspace/);
    expect(() => Drive.Files.list({ q: "name = 'a" })).toThrow(/a quoted string is not closed/);
    const first = Drive.Files.list({ q: `mimeType = '${MIME.folder}'`, pageSize: 2, orderBy: 'name desc', fields: 'nextPageToken,files(name)' });
    expect(first.files!.map((f) => f.name)).toEqual(['f2', 'f1']);
    const second = Drive.Files.list({ q: `mimeType = '${MIME.folder}'`, pageSize: 2, pageToken: first.nextPageToken, orderBy: 'name desc' });
    expect(second.files!.map((f) => f.name)).toEqual(['f0']);
    expect(second.nextPageToken).toBeUndefined();
  });

  test('create refuses v2 fields and uploads; missing parent', () => {
    const { Drive } = setup();
    expect(() => Drive.Files.create({ title: 'x' } as GoogleAppsScript.Drive_v3.Drive.V3.Schema.File)).toThrow('the File field "title" is not supported');
    expect(() => Drive.Files.create({ name: 'x', parents: ['nope'] })).toThrow('API call to drive.files.create failed with error: File not found: nope.');
  });

  test('the bound spreadsheet is a root file, readable but not changed through Drive here', () => {
    const { ws, Drive, DriveApp } = setup();
    expect(Drive.Files.get(ws.spreadsheet.id, { fields: 'name,mimeType,parents' })).toEqual({ name: 'Наставничество', mimeType: MIME.spreadsheet, parents: ['root'] });
    expect(DriveApp.getFileById(ws.spreadsheet.id).getParents().next().getName()).toBe('Мой диск');
    const folder = Drive.Files.create({ name: 'Папка', mimeType: MIME.folder });
    expect(() => Drive.Files.update({}, ws.spreadsheet.id, null as unknown as GoogleAppsScript.Base.Blob, { addParents: folder.id, removeParents: 'root' })).toThrow(
      'cannot be renamed, moved, trashed or deleted here',
    );
    expect(() => DriveApp.getRootFolder().setTrashed(true)).toThrow('cannot be renamed, moved, trashed or deleted here');
  });

  test('remove deletes a folder with its content; calls are counted as Drive.Files.*', () => {
    const { ws, Drive } = setup();
    const a = Drive.Files.create({ name: 'A', mimeType: MIME.folder });
    Drive.Files.create({ name: 'B', mimeType: MIME.document, parents: [a.id!] });
    Drive.Files.remove(a.id!);
    expect(ws.drive.entries.size).toBe(0);
    expect(ws.calls.count('Drive.Files.create')).toBe(2);
    expect(ws.calls.count('Drive.Files.remove')).toBe(1);
    ws.calls.failOn('Drive.Files.list', { message: 'API call to drive.files.list failed with error: Internal Error' });
    expect(() => Drive.Files.list()).toThrow('Internal Error');
  });
});

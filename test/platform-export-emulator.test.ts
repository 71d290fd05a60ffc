/**
 * What the CSV export relies on in Apps Script, pinned in the emulator: Utilities.newBlob encodes a
 * string as Java does (UTF-8, the BOM as EF BB BF and kept by getDataAsString, a lone surrogate as
 * «?»), and Drive v3 keeps an upload of a non-Google type byte for byte, replacing it in place on
 * Files.update with a blob (same id, name and type).
 */
import { createDriveAdvanced } from '../local/emulator/drive/fakes';
import { isStoredBytes } from '../local/emulator/drive-store';
import { createUtilities } from '../local/emulator/services/utilities';
import { Workspace } from '../local/emulator/workspace';
import { thrown } from './helpers/thrown';

function setup() {
  const ws = new Workspace();
  return { ws, Drive: createDriveAdvanced(ws), Utilities: createUtilities(ws) };
}

const bytesOf = (ws: Workspace, id: string) => {
  const content = ws.drive.get(id)!.content;
  if (!isStoredBytes(content)) throw new Error('no bytes stored');
  return Buffer.from(content.bytes);
};

describe('Utilities.newBlob as Apps Script encodes a string', () => {
  test('UTF-8 with the BOM as EF BB BF; getDataAsString keeps the BOM', () => {
    const { Utilities } = setup();
    const blob = Utilities.newBlob('\uFEFFФИО;ID\r\n', 'text/csv', 'x.csv');
    expect(blob.getBytes().slice(0, 3)).toEqual([-17, -69, -65]);
    expect(Buffer.from(blob.getBytes().map((b) => b & 255)).toString('hex')).toBe('efbbbfd0a4d098d09e3b49440d0a');
    expect(blob.getDataAsString()).toBe('\uFEFFФИО;ID\r\n');
    expect(blob.getContentType()).toBe('text/csv');
    expect(blob.getName()).toBe('x.csv');
  });

  test('a lone surrogate becomes «?» as in Java, a whole emoji stays', () => {
    const { Utilities } = setup();
    expect(Utilities.newBlob('a\uD83Db').getDataAsString()).toBe('a?b');
    expect(Utilities.newBlob('a\uDE00').getDataAsString()).toBe('a?');
    expect(Utilities.newBlob('😀').getBytes().length).toBe(4);
  });
});

describe('Drive v3 keeps uploads of other types', () => {
  test('create with a CSV blob stores its bytes; update with a blob replaces them under the same id', () => {
    const { ws, Drive, Utilities } = setup();
    const folder = Drive.Files.create({ name: 'Папка', mimeType: 'application/vnd.google-apps.folder' }).id!;
    const made = Drive.Files.create({ name: 'Выгрузка.csv', mimeType: 'text/csv', parents: [folder] }, Utilities.newBlob('\uFEFFa;b\r\n', 'text/csv', 'Выгрузка.csv'), {
      fields: 'id,name,mimeType,parents',
    });
    expect(made).toEqual({ id: made.id, name: 'Выгрузка.csv', mimeType: 'text/csv', parents: [folder] });
    expect(bytesOf(ws, made.id!).toString('utf8')).toBe('\uFEFFa;b\r\n');
    const updated = Drive.Files.update({}, made.id!, Utilities.newBlob('\uFEFFв;г\r\n', 'text/csv', 'другое имя.csv'), { fields: 'id,name,mimeType' });
    expect(updated).toEqual({ id: made.id, name: 'Выгрузка.csv', mimeType: 'text/csv' });
    expect(bytesOf(ws, made.id!).toString('utf8')).toBe('\uFEFFв;г\r\n');
    expect([...ws.drive.entries.values()].filter((e) => e.mimeType === 'text/csv')).toHaveLength(1);
  });

  test("without a MIME type in the resource the blob's type is taken; an empty create has no content until updated", () => {
    const { ws, Drive, Utilities } = setup();
    const typed = Drive.Files.create({ name: 'b.csv' }, Utilities.newBlob('x', 'text/csv'), { fields: 'id,mimeType' });
    expect(typed.mimeType).toBe('text/csv');
    const empty = Drive.Files.create({ name: 'c.csv', mimeType: 'text/csv' }, undefined as unknown as GoogleAppsScript.Base.Blob, { fields: 'id' }).id!;
    expect(ws.drive.get(empty)!.content).toBeUndefined();
    Drive.Files.update({}, empty, Utilities.newBlob('y', 'text/csv'));
    expect(bytesOf(ws, empty).toString('utf8')).toBe('y');
  });

  test('a Google Doc takes no content through update', () => {
    const { Drive, Utilities } = setup();
    const doc = Drive.Files.create({ name: 'Док', mimeType: 'application/vnd.google-apps.document' }).id!;
    expect(thrown(() => Drive.Files.update({}, doc, Utilities.newBlob('x', 'text/plain'))).message).toContain('uploading content is not supported');
  });
});

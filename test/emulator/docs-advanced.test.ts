/**
 * The advanced Docs service over documents filled with DocumentApp: indexes as Google counts them,
 * batchUpdate's requests, its errors and its all-or-nothing rule; and the DocumentApp calls the
 * template filler relies on.
 */
import { DOCS_API_ERRORS, createDocsAdvanced } from '../../local/emulator/docs/advanced';
import { DOC_ERRORS, createDocumentApp } from '../../local/emulator/docs/fakes';
import { DocumentModel, TableBlock } from '../../local/emulator/docs/model';
import { createAppsScriptGlobals } from '../../local/emulator/globals';
import { Workspace } from '../../local/emulator/workspace';
import { thrown } from '../helpers/thrown';

function setup() {
  const ws = new Workspace();
  return { ws, Docs: createDocsAdvanced(ws), DocumentApp: createDocumentApp(ws) };
}

type Json = Record<string, unknown>;

/** @types/google-apps-script predates pinTableHeaderRows and preventOverflow: requests go in as plain objects. */
function batchUpdate(Docs: GoogleAppsScript.Docs, resource: { requests: object[] }, id: string) {
  return Docs.Documents.batchUpdate(resource as GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, id);
}

/** A filled order: a heading, a 3-row table of pairs, a signature line with a tab; a page-number header. */
function order() {
  const s = setup();
  const doc = s.DocumentApp.create('Приказ');
  const body = doc.getBody();
  body.getChild(0).asParagraph().setText('Ab');
  const table = body.appendTable([
    ['№', 'Пара'],
    ['1', 'Иванова — Петров'],
    ['2', 'Сидорова — Котов'],
  ]);
  body.appendParagraph('Директор\tИ. И. Иванова');
  const header = doc.addHeader();
  header.getChild(0).asParagraph().appendText('Стр. ');
  const model = s.ws.drive.get(doc.getId())!.content as DocumentModel;
  (model.header![0] as { content: unknown[] }).content.push({ kind: 'pageNumber' });
  const id = doc.getId();
  doc.saveAndClose();
  return { ...s, id, model, table: model.body[1] as TableBlock, tableHandle: table };
}

describe('Docs.Documents.get', () => {
  test("indexes follow Google's rules: section break 0..1, a paragraph is its text + 1, a table 1 + per row 1 + per cell 1 + content + 1", () => {
    const { Docs, id } = order();
    const doc = Docs.Documents.get(id, { fields: 'body,headers,documentStyle' }) as unknown as Json;
    const content = (doc.body as { content: Json[] }).content;
    expect(content.map((e) => [e.startIndex, e.endIndex, Object.keys(e).find((k) => !/Index$/.test(k))])).toEqual([
      [undefined, 1, 'sectionBreak'],
      [1, 4, 'paragraph'], // "Ab\n"
      [4, 60, 'table'], // 1 + rows (10 + 22 + 22) + 1
      [60, 61, 'paragraph'], // the paragraph Docs keeps after a table appended at the end
      [61, 84, 'paragraph'], // "Директор\tИ. И. Иванова\n" (23)
    ]);
    const table = content[2].table as {
      rows: number;
      columns: number;
      tableRows: Array<{ startIndex: number; endIndex: number; tableCells: Array<{ startIndex: number; endIndex: number; content: Json[] }> }>;
    };
    expect([table.rows, table.columns]).toEqual([3, 2]);
    // Row 0 starts at 5; cell "№" at 6 holds "№\n" 7..9; cell "Пара" at 9 holds 10..15.
    expect(table.tableRows[0]).toMatchObject({
      startIndex: 5,
      endIndex: 15,
      tableCells: [
        { startIndex: 6, endIndex: 9 },
        { startIndex: 9, endIndex: 15 },
      ],
    });
    expect(table.tableRows[0].tableCells[0].content[0]).toMatchObject({ startIndex: 7, endIndex: 9, paragraph: { elements: [{ textRun: { content: '№\n' } }] } });
    expect(table.tableRows[2]).toMatchObject({ startIndex: 37, endIndex: 59 });
    expect(doc.documentStyle).toMatchObject({ defaultHeaderId: 'kix.header-default', useFirstPageHeaderFooter: false, pageSize: { width: { unit: 'PT' } } });
    const header = (doc.headers as Record<string, { content: Json[] }>)['kix.header-default'].content[0];
    expect(header).toMatchObject({
      startIndex: 0,
      endIndex: 7,
      paragraph: {
        elements: [
          { startIndex: 0, endIndex: 5, textRun: { content: 'Стр. ' } },
          { startIndex: 5, endIndex: 6, autoText: { type: 'PAGE_NUMBER' } },
          { startIndex: 6, endIndex: 7, textRun: { content: '\n' } },
        ],
      },
    });
  });

  test('a missing document is a 404; a folder is not a document', () => {
    const { ws, Docs } = setup();
    expect(thrown(() => Docs.Documents.get('nope')).message).toBe(`API call to docs.documents.get failed with error: ${DOCS_API_ERRORS.notFound}`);
    const folder = createAppsScriptGlobals(ws).DriveApp.createFolder('Папка');
    expect(thrown(() => Docs.Documents.get(folder.getId())).message).toBe(`API call to docs.documents.get failed with error: ${DOCS_API_ERRORS.notADoc}`);
  });
});

describe('Docs.Documents.batchUpdate', () => {
  test('pins header rows and keeps rows whole at the table start get reported; replies in order', () => {
    const { Docs, id, table } = order();
    const start = ((Docs.Documents.get(id).body!.content as Json[]).find((e) => e.table) as { startIndex: number }).startIndex;
    const res = batchUpdate(
      Docs,
      {
        requests: [
          { pinTableHeaderRows: { tableStartLocation: { index: start }, pinnedHeaderRowsCount: 1 } },
          { updateTableRowStyle: { tableStartLocation: { index: start }, tableRowStyle: { preventOverflow: true }, fields: 'preventOverflow' } },
          { updateTableRowStyle: { tableStartLocation: { index: start }, rowIndices: [0], tableRowStyle: { minRowHeight: { magnitude: 20, unit: 'PT' } }, fields: 'minRowHeight' } },
        ],
      },
      id,
    );
    expect(res).toEqual({ documentId: id, replies: [{}, {}, {}], writeControl: {} });
    expect(table.pinnedHeaderRows).toBe(1);
    expect(table.rows.map((r) => [r.preventOverflow, r.minimumHeight])).toEqual([
      [true, 20],
      [true, undefined],
      [true, undefined],
    ]);
    const rows = ((Docs.Documents.get(id).body!.content as Json[]).find((e) => e.table) as { table: { tableRows: Array<{ tableRowStyle: Json }> } }).table.tableRows;
    expect(rows.map((r) => r.tableRowStyle)).toEqual([
      { minRowHeight: { magnitude: 20, unit: 'PT' }, tableHeader: true, preventOverflow: true },
      { minRowHeight: { unit: 'PT' }, preventOverflow: true },
      { minRowHeight: { unit: 'PT' }, preventOverflow: true },
    ]);
    // A listed field missing from the style is reset; unpinning with 0.
    batchUpdate(
      Docs,
      {
        requests: [
          { updateTableRowStyle: { tableStartLocation: { index: start }, rowIndices: [2], tableRowStyle: {}, fields: '*' } },
          { pinTableHeaderRows: { tableStartLocation: { index: start }, pinnedHeaderRowsCount: 0 } },
        ],
      },
      id,
    );
    expect(table.rows[2].preventOverflow).toBeUndefined();
    expect(table.pinnedHeaderRows).toBeUndefined();
  });

  test('replaceAllText is literal ($1, backslashes, regex characters), any case unless matchCase, in body, cells and headers', () => {
    const { ws, Docs, DocumentApp, id } = order();
    const doc = DocumentApp.openById(id);
    const body = doc.getBody();
    body.appendParagraph('{{name}} и {{NAME}}; цена (.*) $x');
    body.getChild(1).asTable().getCell(1, 1).setText('{{name}}');
    doc.getHeader().appendParagraph('{{name}}');
    doc.saveAndClose();
    const res = batchUpdate(
      Docs,
      {
        requests: [
          { replaceAllText: { containsText: { text: '{{name}}' }, replaceText: 'Иванова $1 \\ $& .*' } },
          { replaceAllText: { containsText: { text: '(.*)', matchCase: true }, replaceText: '[X]' } },
          { replaceAllText: { containsText: { text: 'нет такого', matchCase: true }, replaceText: '!' } },
        ],
      },
      id,
    );
    expect(res.replies).toEqual([{ replaceAllText: { occurrencesChanged: 4 } }, { replaceAllText: { occurrencesChanged: 1 } }, { replaceAllText: {} }]);
    const text = DocumentApp.openById(id).getBody().getText();
    expect(text).toContain('Иванова $1 \\ $& .* и Иванова $1 \\ $& .*; цена [X] $x');
    expect(DocumentApp.openById(id).getBody().getChild(1).asTable().getCell(1, 1).getText()).toBe('Иванова $1 \\ $& .*');
    expect(DocumentApp.openById(id).getHeader().getText()).toBe('Стр. \nИванова $1 \\ $& .*');
    // The page number beside the header text survives.
    const model = ws.drive.get(id)!.content as DocumentModel;
    expect(model.header![0]).toMatchObject({ content: [{ kind: 'text', text: 'Стр. ' }, { kind: 'pageNumber' }] });
  });

  test("errors read as Google's: not a table start, bad counts, unknown and empty requests, missing fields", () => {
    const { Docs, id } = order();
    const fail = (requests: unknown[]) => thrown(() => batchUpdate(Docs, { requests: requests as object[] }, id)).message.replace('API call to docs.documents.batchUpdate failed with error: ', '');
    expect(fail([{ pinTableHeaderRows: { tableStartLocation: { index: 5 }, pinnedHeaderRowsCount: 1 } }])).toBe(DOCS_API_ERRORS.noTable(0, 'pinTableHeaderRows', 5));
    expect(fail([{ pinTableHeaderRows: { tableStartLocation: { index: 4 }, pinnedHeaderRowsCount: 4 } }])).toBe(DOCS_API_ERRORS.pinnedCount(0, 3));
    expect(fail([{ replaceAllText: { containsText: { text: 'a' }, replaceText: 'b' } }, {}])).toBe('Invalid requests[1]: No request set.');
    expect(fail([{ frobnicate: {} }])).toBe(`Invalid JSON payload received. Unknown name "frobnicate" at 'requests[0]': Cannot find field.`);
    expect(fail([{ updateTableRowStyle: { tableStartLocation: { index: 4 }, tableRowStyle: { preventOverflow: true } } }])).toBe(DOCS_API_ERRORS.noFields(0));
    expect(fail([{ updateTableRowStyle: { tableStartLocation: { index: 4 }, tableRowStyle: {}, fields: 'tableHeader' } }])).toBe(
      'Invalid requests[0].updateTableRowStyle: Unallowed field: tableHeader',
    );
    expect(fail([{ updateTableRowStyle: { tableStartLocation: { index: 4 }, rowIndices: [3], tableRowStyle: {}, fields: '*' } }])).toBe(DOCS_API_ERRORS.rowIndex(0, 3, 3));
    expect(fail([{ replaceAllText: { containsText: { text: '' }, replaceText: 'x' } }])).toBe('Invalid requests[0].replaceAllText: The containsText text must not be empty.');
    expect(fail([])).toBe('Must specify at least one request.');
    // A real request kind the emulator does not model is refused by name, never ignored.
    expect(thrown(() => batchUpdate(Docs, { requests: [{ insertText: { text: 'x', location: { index: 1 } } }] }, id)).message).toMatch(/insertText is not supported in the local workspace/);
  });

  test('the batch is all or nothing: a failing request leaves the earlier ones undone', () => {
    const { ws, Docs, id, table } = order();
    const before = JSON.stringify(ws.drive.get(id)!.content);
    const e = thrown(() =>
      batchUpdate(
        Docs,
        {
          requests: [
            { replaceAllText: { containsText: { text: 'Директор' }, replaceText: 'И. о. директора' } },
            { pinTableHeaderRows: { tableStartLocation: { index: 4 }, pinnedHeaderRowsCount: 1 } },
            { pinTableHeaderRows: { tableStartLocation: { index: 99 }, pinnedHeaderRowsCount: 1 } },
          ],
        },
        id,
      ),
    );
    expect(e.name).toBe('GoogleJsonResponseException');
    expect(e.message).toContain('Invalid requests[2].pinTableHeaderRows');
    expect(JSON.stringify(ws.drive.get(id)!.content)).toBe(before);
    expect(table.pinnedHeaderRows).toBeUndefined();
  });

  test('indexes of later requests see earlier ones: a table moved by a replacement is found at its new start', () => {
    const { Docs, id, table } = order();
    batchUpdate(
      Docs,
      {
        requests: [{ replaceAllText: { containsText: { text: 'Ab', matchCase: true }, replaceText: 'Abcd' } }, { pinTableHeaderRows: { tableStartLocation: { index: 6 }, pinnedHeaderRowsCount: 1 } }],
      },
      id,
    );
    expect(table.pinnedHeaderRows).toBe(1);
  });

  test('calls are counted as Docs.Documents.<method> and can be made to fail', () => {
    const { ws, id } = order();
    const { Docs } = createAppsScriptGlobals(ws);
    ws.calls.reset();
    ws.calls.failOn('Docs.Documents.batchUpdate', { message: 'Service error: Docs' });
    const request = { requests: [{ pinTableHeaderRows: { tableStartLocation: { index: 4 }, pinnedHeaderRowsCount: 1 } }] };
    expect(thrown(() => batchUpdate(Docs, request, id)).message).toBe('Service error: Docs');
    Docs.Documents.get(id);
    batchUpdate(Docs, request, id);
    expect(ws.calls.snapshot()).toEqual({ 'Docs.Documents.batchUpdate': 2, 'Docs.Documents.get': 1 });
  });
});

describe('DocumentApp calls the template filler uses', () => {
  test('replaceText takes an RE2 pattern per paragraph and inserts the replacement as typed', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Шаблон');
    const body = doc.getBody();
    const p = body.getChild(0).asParagraph();
    p.setText('Назначить {{mentor}} наставником {{mentee}}');
    p.editAsText().setBold(10, 19, true);
    p.replaceText('\\{\\{mentor\\}\\}', 'Петрову $1 \\1 Е.\u00a0А.');
    expect(p.getText()).toBe('Назначить Петрову $1 \\1 Е.\u00a0А. наставником {{mentee}}');
    // The replacement takes the look of the text it replaced.
    expect(p.editAsText().isBold(10)).toBe(true);
    expect(p.editAsText().isBold(40)).toBeFalsy();
    body.appendParagraph('{{a}} {{b}}');
    body.replaceText('\\{\\{[a-z]+\\}\\}', '—');
    expect(body.getText()).toBe('Назначить Петрову $1 \\1 Е.\u00a0А. наставником —\n— —');
    expect(() => body.replaceText('(a)\\1', 'x')).toThrow(/Invalid regular expression pattern/);
  });

  test('tables inserted at a marker, measured and removed; the last paragraph of the body cannot go', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Шаблон');
    const body = doc.getBody();
    body.getChild(0).asParagraph().setText('Шапка');
    const marker = body.appendParagraph('[[таблица пар]]');
    body.appendParagraph('Подпись');
    const at = body.getChildIndex(marker);
    const table = body.insertTable(at, [
      ['№', 'Наставник'],
      ['1', 'Иванова'],
    ]);
    marker.removeFromParent();
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(1).getType()).toBe(DocumentApp.ElementType.TABLE);
    expect(table.getNumRows()).toBe(2);
    expect(table.getRow(1).getNumCells()).toBe(2);
    table.setColumnWidth(0, 30).setBorderWidth(1);
    expect(table.getColumnWidth(0)).toBe(30);
    table.getRow(0).editAsText().setBold(true);
    table.editAsText().setFontFamily('Times New Roman').setFontSize(12);
    expect(table.getCell(0, 1).getText()).toBe('Наставник');
    const last = body.getChild(2).asParagraph();
    expect(() => last.removeFromParent()).toThrow(DOC_ERRORS.lastParagraph);
    table.removeFromParent();
    expect(body.getText()).toBe('Шапка\nПодпись');
    doc.saveAndClose();
    expect(() => body.getText()).toThrow(DOC_ERRORS.closed);
  });
});

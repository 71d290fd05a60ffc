import { MIME } from '../../local/emulator/drive-store';
import { DOC_ERRORS, createDocumentApp } from '../../local/emulator/docs/fakes';
import { FakeTable, FakeTableCell, FakeTableRow } from '../../local/emulator/docs/elements';
import { FakeBody, FakeFooterSection, FakeHeaderSection } from '../../local/emulator/docs/sections';
import { FakeListItem, FakeParagraph } from '../../local/emulator/docs/paragraph';
import { FakeText } from '../../local/emulator/docs/text';
import { DocumentModel, documentText } from '../../local/emulator/docs/model';
import { Workspace } from '../../local/emulator/workspace';

type Doc = GoogleAppsScript.Document.Document;

function setup() {
  const ws = new Workspace();
  const DocumentApp = createDocumentApp(ws);
  const doc = DocumentApp.create('Приказ');
  return { ws, DocumentApp, doc, body: doc.getBody() };
}

function modelOf(ws: Workspace, doc: Doc): DocumentModel {
  return ws.drive.get(doc.getId())!.content as DocumentModel;
}

// Compile-time: no fake offers a public member its real interface lacks (`__x` are the emulator's).
type Extras<F, R> = Exclude<keyof F, keyof R | `__${string}`>;
function noExtras<F, R>(_ok: [Extras<F, R>] extends [never] ? true : Extras<F, R>): void {}
noExtras<FakeBody, GoogleAppsScript.Document.Body>(true);
noExtras<FakeHeaderSection, GoogleAppsScript.Document.HeaderSection>(true);
noExtras<FakeFooterSection, GoogleAppsScript.Document.FooterSection>(true);
noExtras<FakeTableCell, GoogleAppsScript.Document.TableCell>(true);
noExtras<FakeTableRow, GoogleAppsScript.Document.TableRow>(true);
noExtras<FakeTable, GoogleAppsScript.Document.Table>(true);
noExtras<FakeParagraph, GoogleAppsScript.Document.Paragraph>(true);
noExtras<FakeListItem, GoogleAppsScript.Document.ListItem>(true);
noExtras<FakeText, GoogleAppsScript.Document.Text>(true);

describe('DocumentApp.create / openById / openByUrl', () => {
  test('a new document is a Drive entry in the root holding one empty paragraph', () => {
    const { ws, doc, body } = setup();
    const entry = ws.drive.get(doc.getId())!;
    expect(entry).toMatchObject({ name: 'Приказ', mimeType: MIME.document, parents: [], trashed: false });
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    expect(body.getNumChildren()).toBe(1);
    expect(body.getChild(0).getType()).toBe(DocumentAppEnum(ws).ElementType.PARAGRAPH);
    expect(body.getText()).toBe('');
    expect(ws.documentsToday).toBe(1);
  });

  test('openById and openByUrl see the same content; setName renames the Drive file', () => {
    const { ws, DocumentApp, doc } = setup();
    doc.getBody().appendParagraph('Текст');
    doc.setName('Приказ № 5');
    expect(ws.drive.get(doc.getId())!.name).toBe('Приказ № 5');
    expect(DocumentApp.openById(doc.getId()).getBody().getText()).toBe('\nТекст');
    expect(DocumentApp.openByUrl(doc.getUrl()).getName()).toBe('Приказ № 5');
  });

  test('a missing document', () => {
    const { DocumentApp } = setup();
    expect(() => DocumentApp.openById('nope')).toThrow(DOC_ERRORS.missing);
    expect(DOC_ERRORS.missing).toBe("Document is missing (perhaps it was deleted, or you don't have read access?)");
  });

  test('the daily quota of created documents', () => {
    const { ws, DocumentApp } = setup();
    ws.quotas.documentsPerDay = 2;
    DocumentApp.create('второй');
    expect(() => DocumentApp.create('третий')).toThrow('Service invoked too many times for one day: docs create.');
    expect(ws.documentsToday).toBe(2);
    expect(ws.drive.byMime(MIME.document)).toHaveLength(2);
  });

  test('fault injection and call counting', () => {
    const { ws, DocumentApp, body } = setup();
    body.appendParagraph('a');
    body.appendParagraph('b').editAsText().setBold(true);
    expect(ws.calls.count('DocumentApp.create')).toBe(1);
    expect(ws.calls.count('Document.getBody')).toBe(1);
    expect(ws.calls.count('Body.appendParagraph')).toBe(2);
    expect(ws.calls.count('Paragraph.editAsText')).toBe(1);
    expect(ws.calls.count('Text.setBold')).toBe(1);
    ws.calls.failOn('DocumentApp.create', { message: 'Service Documents failed while accessing document' });
    expect(() => DocumentApp.create('x')).toThrow('Service Documents failed while accessing document');
    expect(DocumentApp.create('y').getName()).toBe('y');
  });

  test('members the fake lacks throw instead of being silently wrong', () => {
    const { body, doc } = setup();
    const p = body.appendParagraph('a') as unknown as Record<string, () => unknown>;
    expect(() => p.setBold()).toThrow('Paragraph.setBold is not available in the local Apps Script workspace');
    expect(() => (doc as unknown as Record<string, () => unknown>).getCursor()).toThrow('Document.getCursor is not available');
    // The fake's own fields and helpers are not members either.
    expect(() => (body as unknown as Record<string, unknown>).ctx).toThrow('Body.ctx is not available');
    expect(() => (body as unknown as Record<string, () => unknown>)._blocks()).toThrow('Body._blocks is not available');
    expect(() => ((body as unknown as Record<string, unknown>).foo = 1)).toThrow('Cannot assign to Body.foo');
    // A table cell has no getParagraphs() in Apps Script, though Body has.
    const cell = body.appendTable([['x']]).getCell(0, 0) as unknown as Record<string, () => unknown>;
    expect(() => cell.getParagraphs()).toThrow('TableCell.getParagraphs is not available');
  });
});

function DocumentAppEnum(ws: Workspace) {
  return createDocumentApp(ws);
}

describe('Body: children, text and the last-paragraph rule', () => {
  test('getText joins paragraphs with \\n; clear leaves one empty paragraph', () => {
    const { body } = setup();
    body.appendParagraph('p1');
    body.insertParagraph(0, 'p0');
    expect(body.getText()).toBe('p0\n\np1');
    expect(body.getNumChildren()).toBe(3);
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
    body.appendParagraph('A new paragraph.');
    expect(body.getText()).toBe('\nA new paragraph.');
  });

  test("can't remove the last paragraph of a section", () => {
    const { body } = setup();
    expect(() => body.getChild(0).removeFromParent()).toThrow("Can't remove the last paragraph in a document section.");
    const p = body.appendParagraph('last');
    expect(() => body.removeChild(p)).toThrow(DOC_ERRORS.lastParagraph);
    body.getChild(0).removeFromParent(); // not the last one: fine
    expect(body.getText()).toBe('last');
  });

  test('0-based child indices and their out-of-range errors', () => {
    const { body } = setup();
    body.appendParagraph('x');
    expect(body.getChild(1).asParagraph().getText()).toBe('x');
    expect(() => body.getChild(2)).toThrow('Child index (2) must be less than the number of child elements (2).');
    expect(() => body.getChild(-1)).toThrow('Child index (-1) must be less than the number of child elements (2).');
    expect(() => body.insertParagraph(3, 'y')).toThrow('Child index (3) must be less than or equal to the number of child elements (2).');
    body.insertParagraph(2, 'end');
    expect(body.getChildIndex(body.getChild(2))).toBe(2);
  });

  test('"\\n" inside a paragraph becomes a line break "\\r"', () => {
    const { body } = setup();
    const p = body.appendParagraph('МАОДО ЦДТ «Хибины»\nг. Кировск');
    expect(p.getText()).toBe('МАОДО ЦДТ «Хибины»\rг. Кировск');
    expect(body.getNumChildren()).toBe(2);
  });

  test('setText makes one paragraph per line', () => {
    const { body } = setup();
    body.setText('a\nb');
    expect(body.getNumChildren()).toBe(2);
    expect(body.getText()).toBe('a\nb');
  });

  test('page breaks and horizontal rules sit in paragraphs of their own', () => {
    const { ws, doc, body } = setup();
    body.appendParagraph('page 1');
    const pb = body.appendPageBreak();
    expect(pb.getType()).toBe(createDocumentApp(ws).ElementType.PAGE_BREAK);
    body.appendHorizontalRule();
    expect(body.getNumChildren()).toBe(4);
    expect(body.getText()).toBe('\npage 1\n\n');
    expect(modelOf(ws, doc).body[2]).toEqual({ kind: 'paragraph', style: {}, content: [{ kind: 'pageBreak' }] });
    pb.removeFromParent();
    expect(modelOf(ws, doc).body[2]).toEqual({ kind: 'paragraph', style: {}, content: [] });
  });

  test('margins and page size in points', () => {
    const { body } = setup();
    expect(body.getPageWidth()).toBeCloseTo(595.276);
    expect(body.getMarginLeft()).toBe(72);
    const mm = 72 / 25.4;
    body
      .setMarginLeft(30 * mm)
      .setMarginRight(15 * mm)
      .setMarginTop(20 * mm)
      .setMarginBottom(20 * mm);
    expect(body.getMarginLeft()).toBeCloseTo(85.04, 2);
    const DocumentApp = { Attribute: { PAGE_WIDTH: 'PAGE_WIDTH' } };
    body.setAttributes({ [DocumentApp.Attribute.PAGE_WIDTH]: 841.89 });
    expect(body.getPageWidth()).toBe(841.89);
  });
});

describe('Paragraph and Text formatting', () => {
  test('paragraph attributes: heading, alignment, indents, spacing', () => {
    const { ws, doc, body, DocumentApp } = setup();
    const p = body
      .appendParagraph('ПРИКАЗ')
      .setHeading(DocumentApp.ParagraphHeading.HEADING1)
      .setAlignment(DocumentApp.HorizontalAlignment.CENTER)
      .setIndentFirstLine(35.4)
      .setIndentStart(0)
      .setSpacingBefore(6)
      .setSpacingAfter(12)
      .setLineSpacing(1.5);
    expect(p.getHeading()).toBe(DocumentApp.ParagraphHeading.HEADING1);
    expect(String(p.getAlignment())).toBe('CENTER');
    expect(p.getIndentFirstLine()).toBe(35.4);
    expect(p.getLineSpacing()).toBe(1.5);
    expect(modelOf(ws, doc).body[1]).toMatchObject({
      style: { heading: 'HEADING1', alignment: 'CENTER', indentFirstLine: 35.4, indentStart: 0, spacingBefore: 6, spacingAfter: 12, lineSpacing: 1.5 },
    });
    p.setHeading(DocumentApp.ParagraphHeading.NORMAL);
    expect(modelOf(ws, doc).body[1].kind === 'paragraph' && modelOf(ws, doc).body[1]).toMatchObject({ style: { alignment: 'CENTER' } });
    expect(p.getHeading()).toBe(DocumentApp.ParagraphHeading.NORMAL);
  });

  test('enums are objects: a plain string fails the method signature', () => {
    const { body } = setup();
    const p = body.appendParagraph('x');
    expect(() => p.setHeading('HEADING1' as unknown as GoogleAppsScript.Document.ParagraphHeading)).toThrow(
      "The parameters (String) don't match the method signature for DocumentApp.Paragraph.setHeading.",
    );
  });

  test('editAsText: whole and ranged setters, end offset inclusive', () => {
    const { ws, doc, body } = setup();
    const text = body.appendParagraph('Директор И.О. Фамилия').editAsText();
    text.setFontFamily('Times New Roman').setFontSize(14);
    text.setBold(0, 7, true);
    expect(text.isBold(0)).toBe(true);
    expect(text.isBold(8)).toBe(null);
    expect(text.isBold()).toBe(null); // mixed
    expect(text.getFontSize()).toBe(14);
    expect(modelOf(ws, doc).body[1]).toEqual({
      kind: 'paragraph',
      style: {},
      content: [
        { kind: 'text', text: 'Директор', style: { fontFamily: 'Times New Roman', fontSize: 14, bold: true } },
        { kind: 'text', text: ' И.О. Фамилия', style: { fontFamily: 'Times New Roman', fontSize: 14 } },
      ],
    });
    expect(() => text.setBold(0, 21, true)).toThrow('Index (21) must be less than the content length (21).');
    text.setForegroundColor('#FF0000');
    expect(text.getForegroundColor()).toBe('#ff0000');
  });

  test('appendText returns its own Text, styled like the text before it', () => {
    const { body } = setup();
    const p = body.appendParagraph('ПРИКАЗЫВАЮ:');
    p.editAsText().setBold(true);
    const tail = p.appendText(' пункт');
    expect(tail.getText()).toBe(' пункт');
    expect(tail.isBold()).toBe(true); // inherited, as typing would be
    tail.setBold(false);
    expect(p.editAsText().isBold(0)).toBe(true);
    expect(p.editAsText().isBold(12)).toBe(false);
    expect(p.getText()).toBe('ПРИКАЗЫВАЮ: пункт');
  });

  test('Text insert, delete and setText', () => {
    const { body } = setup();
    const t = body.appendParagraph('от 05.06.2025').editAsText();
    t.insertText(0, 'Приказ ');
    t.deleteText(7, 9);
    expect(t.getText()).toBe('Приказ 05.06.2025');
    t.setText('№ 246');
    expect(t.getText()).toBe('№ 246');
  });

  test('Body.editAsText spans paragraphs joined by \\n; appendText there starts new paragraphs', () => {
    const { body } = setup();
    body.appendParagraph('ab');
    body.appendParagraph('cd');
    const text = body.editAsText();
    expect(text.getText()).toBe('\nab\ncd');
    text.setBold(2, 4, true); // 'b', the break, 'c'
    expect(body.getChild(1).asParagraph().editAsText().isBold(1)).toBe(true);
    expect(body.getChild(1).asParagraph().editAsText().isBold(0)).toBe(null);
    expect(body.getChild(2).asParagraph().editAsText().isBold(0)).toBe(true);
    text.appendText('e\nf');
    expect(body.getText()).toBe('\nab\ncde\nf');
    expect(body.getNumChildren()).toBe(4);
    expect(() => text.insertText(0, 'x')).toThrow('Text.insertText across several paragraphs is not supported in the local Apps Script workspace');
  });

  test('setAttributes / getAttributes with Attribute keys', () => {
    const { body, DocumentApp } = setup();
    const style: Record<string, unknown> = {};
    style[String(DocumentApp.Attribute.FONT_FAMILY)] = 'Times New Roman';
    style[String(DocumentApp.Attribute.FONT_SIZE)] = 12;
    style[String(DocumentApp.Attribute.HORIZONTAL_ALIGNMENT)] = DocumentApp.HorizontalAlignment.JUSTIFY;
    const p = body.appendParagraph('исполнитель').setAttributes(style);
    const attrs = p.getAttributes();
    expect(attrs.FONT_SIZE).toBe(12);
    expect(attrs.HORIZONTAL_ALIGNMENT).toBe(DocumentApp.HorizontalAlignment.JUSTIFY);
    expect(attrs.BOLD).toBe(null);
    expect(() => p.setAttributes({ LINK_URL: 'https://x' })).toThrow('Attribute LINK_URL is not supported');
  });

  test('body setAttributes applies text attributes to every paragraph', () => {
    const { body } = setup();
    body.appendParagraph('a');
    body.appendTable([['b']]);
    body.setAttributes({ FONT_FAMILY: 'Times New Roman', FONT_SIZE: 14 });
    expect(body.editAsText().getFontFamily()).toBe('Times New Roman');
    expect(body.getTables()[0].getCell(0, 0).editAsText().getFontSize()).toBe(14);
  });
});

describe('lists', () => {
  test('consecutive items share a list; the default glyph is NUMBER', () => {
    const { body, DocumentApp } = setup();
    const a = body.appendListItem('Утвердить');
    const b = body.appendListItem('Назначить');
    expect(a.getListId()).toBe(b.getListId());
    expect(a.getGlyphType()).toBe(DocumentApp.GlyphType.NUMBER);
    b.setGlyphType(DocumentApp.GlyphType.BULLET).setNestingLevel(1);
    expect(b.getNestingLevel()).toBe(1);
    body.appendParagraph('между');
    const c = body.appendListItem('новый список');
    expect(c.getListId()).not.toBe(a.getListId());
    c.setListId(a);
    expect(c.getListId()).toBe(a.getListId());
    expect(body.getListItems()).toHaveLength(3);
    expect(body.getChild(1).getType()).toBe(DocumentApp.ElementType.LIST_ITEM);
  });
});

describe('tables', () => {
  test('appendTable(cells): rows, cells, text; a table at the end is followed by an empty paragraph', () => {
    const { body } = setup();
    const t = body.appendTable([
      ['№', 'ФИО'],
      ['1', 'Иванова А.А.'],
    ]);
    expect(t.getNumRows()).toBe(2);
    expect(t.getRow(1).getCell(1).getText()).toBe('Иванова А.А.');
    expect(t.getCell(0, 1).getText()).toBe('ФИО');
    expect(t.getText()).toBe('№\nФИО\n1\nИванова А.А.');
    expect(body.getNumChildren()).toBe(3);
    expect(body.getText()).toBe('\n№\nФИО\n1\nИванова А.А.\n');
    expect(() => t.getRow(2)).toThrow('Child index (2) must be less than the number of child elements (2).');
  });

  test('building a table row by row; widths, borders, cell styles', () => {
    const { ws, doc, body, DocumentApp } = setup();
    const t = body.appendTable();
    const row = t.appendTableRow();
    row.appendTableCell('Директор');
    row.appendTableCell('И.О. Фамилия');
    t.setBorderWidth(0).setColumnWidth(0, 300);
    const cell = t.getCell(0, 1);
    cell.setWidth(150).setBackgroundColor('#EEEEEE').setPaddingTop(2).setVerticalAlignment(DocumentApp.VerticalAlignment.BOTTOM);
    cell.getChild(0).asParagraph().setAlignment(DocumentApp.HorizontalAlignment.RIGHT);
    cell.appendParagraph('второй абзац');
    expect(cell.getNumChildren()).toBe(2);
    expect(cell.getWidth()).toBe(150);
    expect(t.getColumnWidth(0)).toBe(300);
    const model = modelOf(ws, doc).body[1];
    expect(model).toMatchObject({
      kind: 'table',
      style: { borderWidth: 0 },
      columnWidths: [300, 150],
      rows: [{ cells: [{ style: {} }, { style: { backgroundColor: '#eeeeee', paddingTop: 2, verticalAlignment: 'BOTTOM' } }] }],
    });
    expect(() => cell.getChild(0).removeFromParent()).not.toThrow();
    expect(() => cell.getChild(0).removeFromParent()).toThrow(DOC_ERRORS.lastCellParagraph);
  });

  test('page breaks are refused inside a table cell', () => {
    const { body } = setup();
    const p = body
      .appendTable([['x']])
      .getCell(0, 0)
      .getChild(0)
      .asParagraph();
    expect(() => p.appendPageBreak()).toThrow(DOC_ERRORS.pageBreakInCell);
  });

  test('copy() makes a detached element that can be inserted; attached ones are refused', () => {
    const { body } = setup();
    const p = body.appendParagraph('шаблон');
    expect(() => body.appendParagraph(p)).toThrow('Element must be detached.');
    const again = body.appendParagraph(p.copy());
    again.setText('копия');
    expect(body.getText()).toBe('\nшаблон\nкопия');
    const table = body.appendTable([['a']]);
    body.insertTable(0, table.copy());
    expect(body.getTables()).toHaveLength(2);
  });
});

describe('header, footer, saveAndClose', () => {
  test('getHeader is null until addHeader; a second addHeader throws', () => {
    const { doc } = setup();
    expect(doc.getHeader()).toBeNull();
    const header = doc.addHeader();
    header.appendParagraph('МАОДО ЦДТ «Хибины»');
    expect(doc.getHeader().getText()).toBe('\nМАОДО ЦДТ «Хибины»');
    expect(() => doc.addHeader()).toThrow('Document tab already contains a header.');
    const footer = doc.addFooter();
    expect(() => doc.addFooter()).toThrow('Document tab already contains a footer.');
    expect(footer.getNumChildren()).toBe(1);
    expect(() => footer.getChild(0).removeFromParent()).toThrow(DOC_ERRORS.lastParagraph);
  });

  test('after saveAndClose the document and its elements refuse use; openById gives a fresh handle', () => {
    const { DocumentApp, doc, body } = setup();
    const p = body.appendParagraph('готово');
    const text = p.editAsText();
    const id = doc.getId();
    doc.saveAndClose();
    const closed = 'Document is closed, its contents cannot be updated.';
    expect(() => doc.getBody()).toThrow(closed);
    expect(() => body.appendParagraph('x')).toThrow(closed);
    expect(() => p.setText('y')).toThrow(closed);
    expect(() => text.setBold(true)).toThrow(closed);
    expect(() => doc.getId()).toThrow(closed);
    const reopened = DocumentApp.openById(id);
    expect(reopened.getBody().getText()).toBe('\nготово');
  });

  test('documentText follows Body.getText', () => {
    const { ws, doc, body } = setup();
    body.appendParagraph('a');
    body.appendTable([['b', 'c']]);
    expect(documentText(modelOf(ws, doc))).toBe(body.getText());
  });
});

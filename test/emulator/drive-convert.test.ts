/**
 * A .docx template uploaded with Drive.Files.create becomes a Google Doc that keeps its print
 * layout; Drive.Files.copy makes independent copies; the offline .docx writes that layout back.
 */
import JSZip from 'jszip';
import { createDocsAdvanced } from '../../local/emulator/docs/advanced';
import { createDocumentApp } from '../../local/emulator/docs/fakes';
import { DocumentModel, TableBlock, TextBlock, documentText } from '../../local/emulator/docs/model';
import { MIME } from '../../local/emulator/drive-store';
import { DOCX_MIME } from '../../local/emulator/drive/convert';
import { DRIVE_API_ERRORS, createDriveAdvanced } from '../../local/emulator/drive/fakes';
import { createUtilities } from '../../local/emulator/services/utilities';
import { Workspace } from '../../local/emulator/workspace';
import { docxXmlToDocument, documentToDocx } from '../../local/persist/docx';
import { thrown } from '../helpers/thrown';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const run = (text: string, rPr = '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr>') => `<w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const row = (cells: string[], header: boolean) =>
  `<w:tr><w:trPr>${header ? '<w:tblHeader/>' : ''}<w:cantSplit/></w:trPr>${cells.map((c) => `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr><w:p>${run(c)}</w:p></w:tc>`).join('')}</w:tr>`;

/** A template as the server's writer makes it: PAGE field in the default header, titlePg, pinned header row, unsplit rows. */
function templateParts(pageField: 'simple' | 'complex'): Record<string, string> {
  const page =
    pageField === 'simple'
      ? '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
      : '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
  const body = [
    `<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>${run('ПРИКАЗ', '<w:rPr><w:b/><w:sz w:val="28"/></w:rPr>')}</w:p>`,
    `<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9355"/></w:tabs></w:pPr>${run('{{date}}')}<w:r><w:tab/></w:r>${run('№ {{number}}')}</w:p>`,
    `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>${row(['№', 'Наставник', 'Наставляемый'], true)}${row(['{{row}}', '', ''], false)}</w:tbl>`,
    `<w:p><w:pPr><w:keepNext/><w:spacing w:line="276" w:lineRule="auto"/></w:pPr>${run('Директор\tИ.\u00a0И.\u00a0Иванова')}</w:p>`,
    `<w:p><w:pPr><w:pageBreakBefore/><w:jc w:val="right"/></w:pPr>${run('Приложение 1')}</w:p>`,
    '<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:titlePg/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>',
  ].join('');
  return {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/_rels/document.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    'word/header1.xml': `<?xml version="1.0" encoding="UTF-8"?><w:hdr ${W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${page}</w:p></w:hdr>`,
  };
}

async function zip(parts: Record<string, string>, compression: 'STORE' | 'DEFLATE'): Promise<number[]> {
  const z = new JSZip();
  for (const [name, text] of Object.entries(parts)) z.file(name, text);
  const bytes = await z.generateAsync({ type: 'nodebuffer', compression });
  return [...bytes].map((b) => (b > 127 ? b - 256 : b)); // Apps Script's Byte[] is signed
}

function setup() {
  const ws = new Workspace();
  return { ws, Drive: createDriveAdvanced(ws), Docs: createDocsAdvanced(ws), DocumentApp: createDocumentApp(ws), Utilities: createUtilities(ws) };
}

const modelOf = (ws: Workspace, id: string) => ws.drive.get(id)!.content as DocumentModel;

describe('Drive.Files.create converts an uploaded .docx into a Google Doc', () => {
  test.each([
    ['stored, PAGE as fldSimple', 'STORE', 'simple'],
    ['deflated, PAGE as begin/instr/separate/end', 'DEFLATE', 'complex'],
  ] as const)('%s: page numbers from page 2, pinned header row, unsplit rows, page break before, tab stops', async (_label, compression, field) => {
    const { ws, Drive, DocumentApp, Utilities } = setup();
    const folder = Drive.Files.create({ name: 'Шаблоны', mimeType: MIME.folder });
    const blob = Utilities.newBlob(await zip(templateParts(field), compression), DOCX_MIME, 'Приказ о парах.docx');
    const file = Drive.Files.create({ name: 'Шаблон: приказ о парах', mimeType: MIME.document, parents: [folder.id!] }, blob, { fields: 'id' });
    expect(Object.keys(file)).toEqual(['id']);

    const model = modelOf(ws, file.id!);
    // Page 1 has its own, empty header; every later page shows the page number, centred.
    expect(model.useFirstPageHeaderFooter).toBe(true);
    expect(model.firstPageHeader ?? null).toBeNull();
    expect(model.header).toEqual([{ kind: 'paragraph', style: { alignment: 'CENTER' }, content: [{ kind: 'pageNumber' }] }]);
    expect(model.page).toMatchObject({ marginLeft: 85.05, marginRight: 42.5, marginTop: 56.7 });

    const [title, requisites, table, signature, attachment] = model.body as [TextBlock, TextBlock, TableBlock, TextBlock, TextBlock];
    expect(title.style).toEqual({ alignment: 'CENTER', spacingAfter: 0, lineSpacing: 1 });
    expect(requisites.style.tabStops).toEqual([{ offset: 467.75, alignment: 'END' }]);
    expect(table.pinnedHeaderRows).toBe(1);
    expect(table.rows.map((r) => r.preventOverflow)).toEqual([true, true]);
    expect(table.columnWidths).toEqual([150, 150, 150]);
    expect(signature.style).toEqual({ keepWithNext: true, lineSpacing: 1.15 });
    expect(attachment.style).toEqual({ pageBreakBefore: true, alignment: 'RIGHT' });

    // DocumentApp sees the converted text, tabs as '\t' (as Google's getText shows them).
    const body = DocumentApp.openById(file.id!).getBody();
    expect(body.getChild(1).asParagraph().getText()).toBe('{{date}}\t№ {{number}}');
    expect(body.getChild(2).asTable().getRow(0).getCell(1).getText()).toBe('Наставник');
    expect(ws.drive.get(file.id!)!.parents).toEqual([folder.id]);
  });

  test('a blob that is not a .docx, or not declared as one, is refused with a 400 and nothing is created', async () => {
    const { ws, Drive, Utilities } = setup();
    const before = ws.drive.entries.size;
    const garbage = Utilities.newBlob('это не docx', DOCX_MIME, 'x.docx');
    const e1 = thrown(() => Drive.Files.create({ name: 'x', mimeType: MIME.document }, garbage));
    expect(e1.message).toMatch(/^API call to drive\.files\.create failed with error: The uploaded file could not be converted to a Google Doc: the upload is not a \.docx package/);
    const noDocument = Utilities.newBlob(await zip({ 'word/other.xml': '<x/>' }, 'STORE'), DOCX_MIME, 'y.docx');
    expect(thrown(() => Drive.Files.create({ name: 'y', mimeType: MIME.document }, noDocument)).message).toContain('word/document.xml is missing');
    const text = Utilities.newBlob('plain', 'text/csv', 'z.csv');
    expect(thrown(() => Drive.Files.create({ name: 'z', mimeType: MIME.document }, text)).message).toBe(`API call to drive.files.create failed with error: ${DRIVE_API_ERRORS.conversionUnsupported}`);
    // Any other Google type takes no upload here (a CSV kept as a CSV is stored: see platform-export-emulator.test.ts).
    expect(thrown(() => Drive.Files.create({ name: 'w', mimeType: MIME.form }, text)).message).toContain('uploading content is not supported');
    expect(ws.drive.entries.size).toBe(before);
  });

  test('the upload counts as one Drive.Files.create call and can be made to fail', async () => {
    const { ws, Drive, Utilities } = setup();
    const blob = Utilities.newBlob(await zip(templateParts('simple'), 'DEFLATE'), DOCX_MIME, 't.docx');
    ws.calls.reset();
    ws.calls.failOn('Drive.Files.create', { message: 'Service error: Drive' });
    expect(thrown(() => Drive.Files.create({ name: 't', mimeType: MIME.document }, blob)).message).toBe('Service error: Drive');
    Drive.Files.create({ name: 't', mimeType: MIME.document }, blob);
    expect(ws.calls.snapshot()).toEqual({ 'Drive.Files.create': 2 });
  });
});

describe('Drive.Files.copy', () => {
  test('a deep copy with a new id, the given name and parent; the template stays as it was', async () => {
    const { ws, Drive, DocumentApp, Utilities } = setup();
    const templates = Drive.Files.create({ name: 'Шаблоны', mimeType: MIME.folder });
    const orders = Drive.Files.create({ name: 'Приказы', mimeType: MIME.folder });
    const blob = Utilities.newBlob(await zip(templateParts('simple'), 'DEFLATE'), DOCX_MIME, 't.docx');
    const template = Drive.Files.create({ name: 'Шаблон', mimeType: MIME.document, parents: [templates.id!] }, blob, { fields: 'id' });
    const copy = Drive.Files.copy({ name: 'Приказ № 12', parents: [orders.id!] }, template.id!, { fields: 'id,name,parents,mimeType' });
    expect(copy).toEqual({ id: expect.any(String), name: 'Приказ № 12', parents: [orders.id], mimeType: MIME.document });
    expect(copy.id).not.toBe(template.id);
    expect(modelOf(ws, copy.id!)).toEqual(modelOf(ws, template.id!));

    const doc = DocumentApp.openById(copy.id!);
    doc.getBody().replaceText('\\{\\{number\\}\\}', '12');
    doc.saveAndClose();
    expect(documentText(modelOf(ws, copy.id!))).toContain('№ 12');
    expect(documentText(modelOf(ws, template.id!))).toContain('№ {{number}}');

    // Without a name and parents: "Copy of …" next to the original.
    const plain = Drive.Files.copy({}, template.id!, { fields: 'name,parents' });
    expect(plain).toEqual({ name: 'Copy of Шаблон', parents: [templates.id] });
  });

  test('a missing file is a 404, a folder cannot be copied, two parents are refused', () => {
    const { Drive, DocumentApp } = setup();
    const folder = Drive.Files.create({ name: 'A', mimeType: MIME.folder });
    const other = Drive.Files.create({ name: 'B', mimeType: MIME.folder });
    const doc = DocumentApp.create('Документ');
    expect(thrown(() => Drive.Files.copy({}, 'nope')).message).toBe('API call to drive.files.copy failed with error: File not found: nope.');
    expect(thrown(() => Drive.Files.copy({}, folder.id!)).message).toBe(`API call to drive.files.copy failed with error: ${DRIVE_API_ERRORS.folderCopy}`);
    expect(thrown(() => Drive.Files.copy({ parents: [folder.id!, other.id!] }, doc.getId())).message).toContain(DRIVE_API_ERRORS.parentLimit);
    expect(thrown(() => Drive.Files.copy({ parents: ['nope'] }, doc.getId())).message).toContain('File not found: nope.');
  });
});

describe('Utilities and Apps Script bytes', () => {
  test('Byte[] is signed both ways; a value outside -128..127 is refused', () => {
    const { Utilities } = setup();
    const blob = Utilities.newBlob([-1, 0, 127, -128], 'application/octet-stream', 'b.bin');
    expect(blob.getBytes()).toEqual([-1, 0, 127, -128]);
    expect(Utilities.newBlob('Ё', 'text/plain').getBytes()).toEqual([-48, -127]);
    expect(Utilities.base64Decode('/wA=')).toEqual([-1, 0]);
    expect(Utilities.base64Encode([-1, 0])).toBe('/wA=');
    expect(() => Utilities.newBlob([200])).toThrow("The parameters (number[]) don't match the method signature for Utilities.newBlob.");
    expect(() => Utilities.newBlob([1.5])).toThrow(/don't match the method signature/);
  });
});

describe('the offline .docx keeps the print layout', () => {
  test('tblHeader, cantSplit, a PAGE field in the header, titlePg, lineRule auto; reading it back gives the model', async () => {
    const { ws, Drive, Utilities } = setup();
    const blob = Utilities.newBlob(await zip(templateParts('complex'), 'DEFLATE'), DOCX_MIME, 't.docx');
    const file = Drive.Files.create({ name: 'Шаблон', mimeType: MIME.document }, blob);
    const model = modelOf(ws, file.id!);
    const bytes = await documentToDocx(model, { title: 'Шаблон' });
    const z = await JSZip.loadAsync(bytes);
    const xml = await z.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:trPr>(?=[^]*?<w:tblHeader\/>)(?=[^]*?<w:cantSplit\/>)[^]*?<\/w:trPr>/);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml.match(/<w:cantSplit\/>/g)).toHaveLength(2);
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toContain('<w:pageBreakBefore/>');
    expect(xml).toContain('<w:keepNext/>');
    expect(xml).toMatch(/<w:tab w:val="right" w:pos="9355"\/>/);
    // Every line spacing is a multiple of a line, never an exact height.
    const spacings = xml.match(/<w:spacing [^>]*w:line="\d+"[^>]*\/>/g) ?? [];
    expect(spacings.length).toBeGreaterThan(0);
    for (const s of spacings) expect(s).toContain('w:lineRule="auto"');
    const headers = await Promise.all(
      Object.keys(z.files)
        .filter((n) => /^word\/header\d+\.xml$/.test(n))
        .map((n) => z.file(n)!.async('string')),
    );
    expect(headers.filter((h) => /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/.test(h))).toHaveLength(1);
    expect(xml).toMatch(/<w:headerReference w:type="first"/);

    // The writer spells out Google's default table borders, which reading then keeps as set.
    const expected = JSON.parse(JSON.stringify(model)) as DocumentModel;
    (expected.body[2] as TableBlock).style = { borderWidth: 1, borderColor: '#000000' };
    expect(await docxXmlToDocument(bytes)).toEqual(expected);
  });
});

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { createDocumentApp } from '../../local/emulator/docs/fakes';
import { DocumentModel, documentText } from '../../local/emulator/docs/model';
import { Workspace } from '../../local/emulator/workspace';
import { docxToDocument, docxXmlToDocument, documentToDocx } from '../../local/persist/docx';
import { renderDocx } from '../../local/persist/docx-write';

const MM = 72 / 25.4;
const CM = 72 / 2.54;

/** A приказ as documents.md §0 describes it, built the way the add-on builds it: through DocumentApp. */
function buildOrder(): { ws: Workspace; model: DocumentModel; id: string } {
  const ws = new Workspace();
  const DocumentApp = createDocumentApp(ws);
  const doc = DocumentApp.create('Приказ «Об утверждении наставнических пар»');
  const body = doc.getBody();
  body
    .setMarginLeft(30 * MM)
    .setMarginRight(15 * MM)
    .setMarginTop(20 * MM)
    .setMarginBottom(20 * MM);
  const { Attribute, HorizontalAlignment: H, ParagraphHeading, GlyphType, VerticalAlignment } = DocumentApp;
  const tnr: Record<string, unknown> = { [String(Attribute.FONT_FAMILY)]: 'Times New Roman', [String(Attribute.FONT_SIZE)]: 14 };

  const name = body.getChild(0).asParagraph();
  name.setText('Муниципальное автономное образовательное учреждение дополнительного образования\n«Центр детского творчества «Хибины»');
  name.setAlignment(H.CENTER).setAttributes(tnr);
  body.appendParagraph('ПРИКАЗ').setAlignment(H.CENTER).setAttributes(tnr).editAsText().setBold(true);

  // Date left, number right: a borderless table, as Docs has no tab stops in DocumentApp.
  const requisites = body.appendTable([['05.06.2025', '№ 246-о/д']]);
  requisites.setBorderWidth(0).setAttributes(tnr);
  requisites.getCell(0, 1).getChild(0).asParagraph().setAlignment(H.RIGHT);
  body.appendParagraph('г. Кировск').setAlignment(H.CENTER).setAttributes(tnr);
  body.appendParagraph('Об утверждении наставнических пар (групп)\nна 2025/2026 учебный год').setAttributes(tnr).setSpacingBefore(12).setSpacingAfter(12);

  const basis = body.appendParagraph('В соответствии с распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145, в целях реализации целевой модели наставничества');
  basis
    .setAlignment(H.JUSTIFY)
    .setIndentFirstLine(1.25 * CM)
    .setLineSpacing(1.15)
    .setAttributes(tnr);
  body.appendParagraph('ПРИКАЗЫВАЮ:').setAttributes(tnr).editAsText().setBold(true);
  const i1 = body.appendListItem('Утвердить наставнические пары (приложение 1).').setAttributes(tnr).setAlignment(H.JUSTIFY);
  body.appendListItem('Назначить куратором Петрову Е.В., методиста.').setAttributes(tnr);
  const sub = body.appendListItem('подпункт с маркером').setGlyphType(GlyphType.BULLET).setNestingLevel(1);
  sub.setListId(i1);
  // A new item continues like the one before it (a nested bullet), so this one sets its own level.
  const ctrl = body.appendListItem('Контроль за исполнением приказа оставляю за собой.').setAttributes(tnr).setNestingLevel(0).setGlyphType(GlyphType.NUMBER);
  ctrl.editAsText().setItalic(0, 7, true).setUnderline(9, 16, true).setStrikethrough(18, 20, true).setForegroundColor(0, 3, '#1a2b3c').setBackgroundColor(5, 6, '#ffff00');
  ctrl.setIndentStart(36).setIndentFirstLine(18).setIndentEnd(4.5);

  const signature = body.appendTable([['Директор', 'И.О.\u00a0Фамилия']]);
  signature.setBorderWidth(0).setAttributes(tnr);
  signature.getCell(0, 1).getChild(0).asParagraph().setAlignment(H.RIGHT);
  const mark = body.appendParagraph('Петрова Елена Викторовна\n8 (81531) 5-67-89\tкуратор');
  mark.setAttributes({ FONT_FAMILY: 'Times New Roman', FONT_SIZE: 10 }).setSpacingBefore(36);

  // Attachment on a new page: a grid with a header row.
  body.appendPageBreak();
  const grif = body.appendParagraph('Приложение № 1\nк приказу МАОДО ЦДТ «Хибины»\nот 05.06.2025 № 246-о/д');
  grif.setIndentStart(280).setAttributes(tnr);
  body.appendParagraph('Наставнические пары').setHeading(ParagraphHeading.HEADING2).setAlignment(H.CENTER);
  const t = body.appendTable([
    ['№', 'Наставник', 'Наставляемый', 'Форма'],
    ['1', 'Иванова А.А.', 'Сидоров П.', 'ученик – ученик'],
    ['2', 'Кузнецов В.В.', 'Смирнова О.', 'педагог – педагог'],
  ]);
  t.setAttributes({ FONT_FAMILY: 'Times New Roman', FONT_SIZE: 12 }).setBorderColor('#333333').setBorderWidth(0.5);
  t.setColumnWidth(0, 28.35);
  t.getRow(0).setMinimumHeight(20);
  for (let c = 0; c < 4; c++) {
    const cell = t.getCell(0, c);
    cell.setBackgroundColor('#d9d9d9').setVerticalAlignment(VerticalAlignment.CENTER).editAsText().setBold(true);
  }
  t.getCell(1, 1).setPaddingLeft(7.5).appendParagraph('стаж 12 лет').editAsText().setFontSize(10);
  const nested = t.getCell(2, 3).appendTable([['вложенная', 'таблица']]);
  nested.getCell(0, 0).setText('вложенная');
  body.appendHorizontalRule();
  body.appendParagraph('TITLE').setHeading(ParagraphHeading.TITLE);
  body.appendParagraph('Subtitle').setHeading(ParagraphHeading.SUBTITLE);
  body.appendListItem('A').setGlyphType(GlyphType.LATIN_UPPER);
  body.appendListItem('ii').setGlyphType(GlyphType.ROMAN_LOWER).setNestingLevel(2);
  body.appendListItem('square').setGlyphType(GlyphType.SQUARE_BULLET).setNestingLevel(0);
  body.appendListItem('hollow').setGlyphType(GlyphType.HOLLOW_BULLET).setHeading(ParagraphHeading.HEADING3);

  const header = doc.addHeader();
  header.getChild(0).asParagraph().setText('МАОДО ЦДТ «Хибины»');
  header.getChild(0).asParagraph().setAlignment(H.RIGHT).editAsText().setFontSize(9).setItalic(true);
  const footer = doc.addFooter();
  footer.appendTable([['лист ознакомления', '']]);
  const id = doc.getId();
  doc.saveAndClose();
  return { ws, id, model: ws.drive.get(id)!.content as DocumentModel };
}

/**
 * Differences between a model read from XML and the model written, allowing for Word's units
 * (lengths to 1/20 pt) and for Google's table defaults the XML spells out (1 pt black borders).
 */
function lookDifferences(read: unknown, written: unknown, at = '$'): string[] {
  if (typeof read === 'number' && typeof written === 'number') return Math.abs(read - written) <= 0.026 ? [] : [`${at}: ${read} vs ${written}`];
  if (Array.isArray(read) && Array.isArray(written)) {
    if (read.length !== written.length) return [`${at}: ${read.length} items vs ${written.length}`];
    return read.flatMap((r, i) => lookDifferences(r, written[i], `${at}[${i}]`));
  }
  if (read && written && typeof read === 'object' && typeof written === 'object') {
    const r = read as Record<string, unknown>;
    const w = written as Record<string, unknown>;
    const tableDefaults: Record<string, unknown> = at.endsWith('.style') && 'borderWidth' in r ? { borderWidth: 1, borderColor: '#000000' } : {};
    const keys = new Set([...Object.keys(r), ...Object.keys(w)]);
    return [...keys].flatMap((k) => lookDifferences(r[k], k in w ? w[k] : tableDefaults[k], `${at}.${k}`));
  }
  return read === written ? [] : [`${at}: ${JSON.stringify(read)} vs ${JSON.stringify(written)}`];
}

async function xmlParts(buffer: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (/^word\/(document|numbering|header\d*|footer\d*)\.xml$/.test(name)) out[name] = await zip.file(name)!.async('string');
  return out;
}

describe('Google Doc ⇄ .docx', () => {
  test('saving and loading gives the very same model back (lossless)', async () => {
    const { model } = buildOrder();
    const buffer = await documentToDocx(model, { title: 'Приказ' });
    const back = await docxToDocument(buffer);
    expect(back).toStrictEqual(model);
  });

  test('the XML alone carries everything: reading it and writing again gives the same XML', async () => {
    const { model } = buildOrder();
    const buffer = await documentToDocx(model);
    const parsed = await docxXmlToDocument(buffer);
    expect(documentText(parsed)).toBe(documentText(model));
    expect(lookDifferences(parsed, model)).toEqual([]);
    expect(await xmlParts(await renderDocx(parsed, {}))).toEqual(await xmlParts(buffer));
    // Spot checks on what the XML says, in Word's units turned back into points.
    expect(parsed.page.marginLeft).toBeCloseTo(85.05, 2);
    expect(parsed.page.width).toBeCloseTo(595.3, 1);
    const basis = parsed.body.find((b) => b.kind === 'paragraph' && b.style.alignment === 'JUSTIFY');
    expect(basis).toMatchObject({ style: { indentFirstLine: 35.45, lineSpacing: 1.15 } });
    expect(basis && basis.kind !== 'table' && basis.content[0]).toMatchObject({ style: { fontFamily: 'Times New Roman', fontSize: 14 } });
    const items = parsed.body.filter((b) => b.kind === 'listItem');
    expect(items.map((b) => b.kind === 'listItem' && [b.glyphType, b.nestingLevel])).toEqual([
      ['NUMBER', 0],
      ['NUMBER', 0],
      ['BULLET', 1],
      ['NUMBER', 0],
      ['LATIN_UPPER', 0],
      ['ROMAN_LOWER', 2],
      ['SQUARE_BULLET', 0],
      ['HOLLOW_BULLET', 0],
    ]);
    const ids = items.map((b) => b.kind === 'listItem' && b.listId);
    const modelIds = model.body.filter((b) => b.kind === 'listItem').map((b) => b.kind === 'listItem' && b.listId);
    expect(ids).toEqual(modelIds);
    expect(ids[2]).toBe(ids[0]);
    expect(ids[3]).toBe(ids[0]);
  });

  test('an edited file is read from its XML, not from the embedded model', async () => {
    const { model } = buildOrder();
    const zip = await JSZip.loadAsync(await documentToDocx(model));
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('ПРИКАЗЫВАЮ:', 'ПРИКАЗЫВАЮ (исправлено):'));
    const back = await docxToDocument(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(documentText(back)).toContain('ПРИКАЗЫВАЮ (исправлено):');
    expect(documentText(back)).toBe(documentText(model).replace('ПРИКАЗЫВАЮ:', 'ПРИКАЗЫВАЮ (исправлено):'));
  });

  test('landscape pages and an empty document survive too', async () => {
    const ws = new Workspace();
    const DocumentApp = createDocumentApp(ws);
    const doc = DocumentApp.create('Мониторинг');
    doc.getBody().setPageWidth(841.89).setPageHeight(595.276);
    const model = ws.drive.get(doc.getId())!.content as DocumentModel;
    const buffer = await documentToDocx(model);
    expect(await docxToDocument(buffer)).toStrictEqual(model);
    const parsed = await docxXmlToDocument(buffer);
    expect(parsed.page.width).toBeGreaterThan(parsed.page.height);
    expect(parsed.body).toEqual([{ kind: 'paragraph', style: {}, content: [] }]);
    const xml = (await xmlParts(buffer))['word/document.xml'];
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  test('tables still being built (no rows, a row without cells) are written as valid Word XML', async () => {
    const ws = new Workspace();
    const doc = createDocumentApp(ws).create('Черновик');
    doc.getBody().appendTable();
    doc.getBody().appendTable().appendTableRow();
    const model = ws.drive.get(doc.getId())!.content as DocumentModel;
    const buffer = await documentToDocx(model);
    expect(await docxToDocument(buffer)).toStrictEqual(model);
    const xml = (await xmlParts(buffer))['word/document.xml'];
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(xml).toMatch(/<w:tr>(<w:trPr>.*?<\/w:trPr>)?<w:tc>/);
  });

  // LibreOffice can open .docx only with its Writer part (Debian: libreoffice-writer or libreoffice-writer-nogui).
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
  const writer = fs.existsSync('/usr/lib/libreoffice/program/libswlo.so');
  (soffice && writer ? test : test.skip)('LibreOffice opens the file: it converts to PDF and its text is the document text', async () => {
    const { model } = buildOrder();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docx-'));
    try {
      const file = path.join(dir, 'prikaz.docx');
      fs.writeFileSync(file, await documentToDocx(model, { title: 'Приказ' }));
      const env = { ...process.env, HOME: dir };
      const run = (format: string) =>
        execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', format, '--outdir', dir, file], { env, timeout: 120000, stdio: 'pipe' });
      run('pdf');
      const pdf = fs.readFileSync(path.join(dir, 'prikaz.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(5000);
      run('txt:Text (encoded):UTF8');
      const text = fs.readFileSync(path.join(dir, 'prikaz.txt'), 'utf8');
      for (const phrase of ['ПРИКАЗ', 'ПРИКАЗЫВАЮ:', 'Утвердить наставнические пары', 'Контроль за исполнением приказа', 'Наставнические пары']) expect(text).toContain(phrase);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  if (!soffice || !writer) {
    console.warn(`LibreOffice ${soffice ? 'Writer' : '(soffice)'} not installed: the .docx → PDF conversion check is skipped (apt-get install libreoffice-writer-nogui).`);
  }
});

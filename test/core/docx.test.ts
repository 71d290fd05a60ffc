import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import ts from 'typescript';
import * as vm from 'vm';
import * as esbuild from 'esbuild';
import JSZip from 'jszip';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Block, DocumentSpec, bold, body, p } from '../../src/core/documents/model';
import { crc32, docxBytes, toSignedBytes, utf8, zip } from '../../src/core/documents/docx';
import { xmlSafe } from '../../src/core/documents/docx/xml';

// --- Reading a .docx back -------------------------------------------------------------------------
type XNode = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: true });
const tagOf = (n: XNode) => Object.keys(n).find((k) => k !== ':@') ?? '';
const kids = (n: XNode) => (Array.isArray(n[tagOf(n)]) ? (n[tagOf(n)] as XNode[]) : []);
const attr = (n: XNode, name: string) => (n[':@'] as Record<string, string> | undefined)?.[`@_${name}`];
const all = (nodes: XNode[], tag: string): XNode[] => nodes.flatMap((n) => [...(tagOf(n) === tag ? [n] : []), ...all(kids(n), tag)]);
const first = (nodes: XNode[], tag: string) => all(nodes, tag)[0];

/** The text of a paragraph as the model wrote it: w:t, w:tab → '\t', w:br → '\n'. */
function paragraphText(p: XNode): string {
  let text = '';
  for (const n of kids(p)) {
    const tag = tagOf(n);
    if (tag === 'w:r')
      for (const k of kids(n)) {
        const t = tagOf(k);
        if (t === 'w:t')
          text += kids(k)
            .map((x) => String(x['#text'] ?? ''))
            .join('');
        else if (t === 'w:tab') text += '\t';
        else if (t === 'w:br') text += '\n';
      }
    else if (tag === 'w:fldSimple') text += paragraphText(n);
  }
  return text;
}

interface Docx {
  files: Map<string, string>;
  xml: (name: string) => XNode[];
  body: () => XNode[];
}

async function open(bytes: number[]): Promise<Docx> {
  const archive = await JSZip.loadAsync(Uint8Array.from(bytes));
  const files = new Map<string, string>();
  for (const name of Object.keys(archive.files)) files.set(name, await archive.files[name].async('string'));
  const xml = (name: string) => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`no ${name}`);
    return parser.parse(text) as XNode[];
  };
  return { files, xml, body: () => kids(first(xml('word/document.xml'), 'w:body')) };
}

const spec = (blocks: Block[], over: Partial<DocumentSpec> = {}): DocumentSpec => ({
  title: 'Приказ об утверждении наставнических пар (групп) 2026/2027',
  font: 'Times New Roman',
  size: 14,
  tableSize: 12,
  margins: { left: 30, right: 15, top: 20, bottom: 20 },
  pageNumbers: true,
  blocks,
  ...over,
});

/** A4 11906 twips wide, less 30 mm (1701) and 15 mm (850). */
const TEXT_WIDTH = 9355;

const order = (): DocumentSpec =>
  spec([
    p('Муниципальное автономное образовательное учреждение дополнительного образования «Центр детского творчества «Хибины»', { align: 'CENTER' }),
    bold('ПРИКАЗ', { align: 'CENTER', spaceAfter: 18 }),
    p('01.10.2026\t№\u00a0123-о/д', { tabRight: true, spaceAfter: 6 }),
    body('В соответствии с распоряжением Министерства просвещения Российской Федерации от\u00a025.12.2019 №\u00a0Р-145'),
    bold('ПРИКАЗЫВАЮ:', { align: 'LEFT', spaceBefore: 6, keepNext: true }),
    { kind: 'paragraph', runs: [{ text: '{{руководитель_должность}}' }, { text: '\t' }, { text: '{{руководитель}}', bold: true }], tabRight: true, spaceBefore: 42 },
    p('Приложение', { pageBreakBefore: true, indentLeft: 236 }),
    {
      kind: 'table',
      header: ['№', 'Наставник', 'Наставляемый(-е)'],
      rows: [
        ['1', 'Громов Олег Павлович', '1) Сидорова Анна\n2) Орлов Глеб'],
        ['2', 'Белова Ирина Сергеевна', 'Лебедев Иван Ильич'],
      ],
      widths: [28, 200, 240],
      align: ['CENTER'],
    },
    p('Всего: 1 пара, 1 группа.'),
    { kind: 'table', header: null, rows: [['Директор', 'И.О.\u00a0Фамилия']], plain: true },
  ]);

describe('the package', () => {
  test('holds the parts of a .docx, each declared in [Content_Types].xml and valid XML', async () => {
    const docx = await open(docxBytes(order()));
    const names = [...docx.files.keys()].sort();
    expect(names).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'word/_rels/document.xml.rels',
        'word/document.xml',
        'word/header1.xml',
        'word/header2.xml',
        'word/settings.xml',
        'word/styles.xml',
      ].sort(),
    );
    for (const [name, text] of docx.files) expect([name, XMLValidator.validate(text)]).toEqual([name, true]);
    const types = docx.files.get('[Content_Types].xml')!;
    for (const name of names.filter((n) => !n.endsWith('.rels') && n !== '[Content_Types].xml')) expect(types).toContain(`PartName="/${name}"`);
    expect(types).toContain('PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"');
    expect(types).toContain('Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"');
    // Word expects the content types first.
    const archive = await JSZip.loadAsync(Uint8Array.from(docxBytes(order())));
    expect(Object.keys(archive.files)[0]).toBe('[Content_Types].xml');
  });

  test('the title and language are in the document properties, the title escaped', async () => {
    const docx = await open(docxBytes(spec([], { title: 'Отчёт «A & B» <черновик>' })));
    const core = docx.xml('docProps/core.xml');
    expect(
      kids(first(core, 'dc:title'))
        .map((n) => n['#text'])
        .join(''),
    ).toBe('Отчёт «A & B» <черновик>');
    expect(
      kids(first(core, 'dc:language'))
        .map((n) => n['#text'])
        .join(''),
    ).toBe('ru-RU');
  });

  test('the same spec gives the same bytes; another title gives other bytes', () => {
    const a = docxBytes(order());
    expect(docxBytes(order())).toEqual(a);
    expect(docxBytes({ ...order(), title: 'Другой' })).not.toEqual(a);
    expect(a.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)).toBe(true);
  });

  test('unzip -t finds no error', () => {
    const unzip = ['/usr/bin/unzip', '/bin/unzip', '/usr/local/bin/unzip'].find((f) => fs.existsSync(f));
    if (!unzip) return; // not installed here: jszip above reads the archive
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'docx-')), 'order.docx');
    fs.writeFileSync(file, Uint8Array.from(docxBytes(order())));
    const out = execFileSync(unzip, ['-t', file]).toString();
    expect(out).toMatch(/No errors detected/);
  });
});

describe('page numbers from page 2, centred at the top', () => {
  test('the default header is a centred PAGE field in the body size; the first page has an empty header (titlePg)', async () => {
    const docx = await open(docxBytes(order()));
    const header = docx.xml('word/header1.xml');
    // The complex field form, as Word writes it: begin, the PAGE instruction, separate, end.
    expect(all(header, 'w:fldChar').map((n) => attr(n, 'w:fldCharType'))).toEqual(['begin', 'separate', 'end']);
    expect(docx.files.get('word/header1.xml')).toMatch(/<w:instrText xml:space="preserve"> PAGE <\/w:instrText>/);
    expect(attr(first(header, 'w:jc'), 'w:val')).toBe('center');
    expect(all(header, 'w:sz').map((n) => attr(n, 'w:val'))).toContain('28');
    expect(docx.files.get('word/header2.xml')).not.toContain('PAGE');
    expect(all(docx.xml('word/header2.xml'), 'w:t')).toHaveLength(0);

    const sect = first(docx.body(), 'w:sectPr');
    expect(all([sect], 'w:titlePg')).toHaveLength(1);
    const rels = new Map(all(docx.xml('word/_rels/document.xml.rels'), 'Relationship').map((r) => [attr(r, 'Id'), attr(r, 'Target')]));
    const refs = new Map(all([sect], 'w:headerReference').map((h) => [attr(h, 'w:type'), rels.get(attr(h, 'r:id'))]));
    expect(refs).toEqual(
      new Map([
        ['default', 'header1.xml'],
        ['first', 'header2.xml'],
      ]),
    );
  });

  test('without page numbers: no headers, no titlePg', async () => {
    const docx = await open(docxBytes({ ...order(), pageNumbers: false }));
    expect([...docx.files.keys()].filter((n) => n.includes('header'))).toEqual([]);
    expect(docx.files.get('word/document.xml')).not.toMatch(/headerReference|titlePg/);
    expect(docx.files.get('[Content_Types].xml')).not.toContain('header');
    expect(docx.files.get('word/_rels/document.xml.rels')).not.toContain('header');
  });
});

describe('the page', () => {
  test('A4 portrait with the spec margins in twips and header/footer 708', async () => {
    const docx = await open(docxBytes(spec([p('x')], { margins: { left: 30, right: 10, top: 20, bottom: 25 } })));
    const sect = [first(docx.body(), 'w:sectPr')];
    expect([attr(first(sect, 'w:pgSz'), 'w:w'), attr(first(sect, 'w:pgSz'), 'w:h')]).toEqual(['11906', '16838']);
    const m = first(sect, 'w:pgMar');
    expect(['w:left', 'w:right', 'w:top', 'w:bottom', 'w:header', 'w:footer'].map((k) => attr(m, k))).toEqual(['1701', '567', '1134', '1417', '708', '708']);
  });

  test('styles: the spec font on all four scripts, its size in half-points, Russian, single spacing, TableGrid with 0.5 pt black borders', async () => {
    const docx = await open(docxBytes(spec([], { font: 'PT Astra Serif', size: 13 })));
    const styles = docx.xml('word/styles.xml');
    const defaults = first(styles, 'w:docDefaults');
    const fonts = first([defaults], 'w:rFonts');
    expect(['w:ascii', 'w:hAnsi', 'w:cs', 'w:eastAsia'].map((k) => attr(fonts, k))).toEqual(Array(4).fill('PT Astra Serif'));
    expect(attr(first([defaults], 'w:sz'), 'w:val')).toBe('26');
    expect(attr(first([defaults], 'w:lang'), 'w:val')).toBe('ru-RU');
    const spacing = first([defaults], 'w:spacing');
    expect([attr(spacing, 'w:after'), attr(spacing, 'w:line'), attr(spacing, 'w:lineRule')]).toEqual(['0', '240', 'auto']);
    const grid = all(styles, 'w:style').find((s) => attr(s, 'w:styleId') === 'TableGrid')!;
    const sides = kids(first([grid], 'w:tblBorders'));
    expect(sides.map(tagOf)).toEqual(['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV']);
    for (const s of sides) expect([attr(s, 'w:val'), attr(s, 'w:sz'), attr(s, 'w:color')]).toEqual(['single', '4', '000000']);
    expect(all(styles, 'w:style').some((s) => attr(s, 'w:styleId') === 'Normal' && attr(s, 'w:default') === '1')).toBe(true);
    const settings = docx.files.get('word/settings.xml')!;
    expect(settings).toContain('w:defaultTabStop');
    expect(settings).not.toContain('evenAndOddHeaders');
  });

  test('a broken size or font from settings falls back instead of writing an invalid number', async () => {
    const docx = await open(docxBytes(spec([p('x')], { font: ' ', size: NaN, tableSize: 0 })));
    expect(docx.files.get('word/document.xml')).not.toMatch(/NaN|w:val="0"/);
    expect(attr(first(docx.xml('word/styles.xml'), 'w:rFonts'), 'w:ascii')).toBe('Times New Roman');
  });
});

describe('paragraphs', () => {
  const paragraphs = async (blocks: Block[]) => all((await open(docxBytes(spec(blocks)))).body(), 'w:p');
  const pPr = (p: XNode) => first([p], 'w:pPr');

  test('alignment, ГОСТ indent, left indent, spacing in twips, keepNext, sizes and bold runs', async () => {
    const [a, b, c, d] = await paragraphs([
      p('центр', { align: 'CENTER', spaceBefore: 6, spaceAfter: 12 }),
      body('Текст приказа.'),
      p('Приложение', { align: 'RIGHT', indentLeft: 236, keepNext: true }),
      { kind: 'paragraph', runs: [{ text: 'Исп. ' }, { text: 'Петрова', bold: true }], size: 10 },
    ]);
    expect(attr(first([a], 'w:jc'), 'w:val')).toBe('center');
    expect([attr(first([a], 'w:spacing'), 'w:before'), attr(first([a], 'w:spacing'), 'w:after')]).toEqual(['120', '240']);
    expect(attr(first([b], 'w:jc'), 'w:val')).toBe('both');
    expect(attr(first([b], 'w:ind'), 'w:firstLine')).toBe('709');
    expect(attr(first([c], 'w:jc'), 'w:val')).toBe('right');
    expect(attr(first([c], 'w:ind'), 'w:left')).toBe('4720');
    expect(all([pPr(c)], 'w:keepNext')).toHaveLength(1);
    expect(all([pPr(a)], 'w:keepNext')).toHaveLength(0);
    expect(attr(first([d], 'w:jc'), 'w:val')).toBe('left');
    const runs = all([d], 'w:r');
    expect(runs.map((r) => attr(first([r], 'w:sz'), 'w:val'))).toEqual(['20', '20']);
    expect(runs.map((r) => all([r], 'w:b').length)).toEqual([0, 1]);
    expect(attr(first(all([a], 'w:r'), 'w:sz'), 'w:val')).toBe('28');
  });

  test('pageBreakBefore only where the spec asks', async () => {
    const ps = await paragraphs([p('Приказ'), p('Приложение № 1', { pageBreakBefore: true }), p('к приказу')]);
    expect(ps.map((x) => all([x], 'w:pageBreakBefore').length)).toEqual([0, 1, 0]);
    // a break paragraph would risk a blank page: the property is on the paragraph itself
    expect(all(ps, 'w:br').filter((b) => attr(b, 'w:type') === 'page')).toHaveLength(0);
  });

  test('a right tab stop at the text width, a tab and a line break in the text', async () => {
    const [date, plainP] = await paragraphs([p('01.10.2026\t№\u00a0123\nг.\u00a0Кировск', { tabRight: true }), p('без табуляции')]);
    const tab = first([first([date], 'w:tabs')], 'w:tab');
    expect([attr(tab, 'w:val'), attr(tab, 'w:pos')]).toEqual(['right', String(TEXT_WIDTH)]);
    expect(paragraphText(date)).toBe('01.10.2026\t№\u00a0123\nг.\u00a0Кировск');
    expect(all([plainP], 'w:tabs')).toHaveLength(0);
  });

  test('single proportional line spacing wherever a line is set; never an exact height', async () => {
    const docx = await open(docxBytes(order()));
    for (const name of ['word/document.xml', 'word/styles.xml', 'word/header1.xml', 'word/header2.xml']) {
      const spacings = all(docx.xml(name), 'w:spacing').filter((s) => attr(s, 'w:line') !== undefined);
      expect(spacings.length).toBeGreaterThan(0);
      for (const s of spacings) expect([name, attr(s, 'w:line'), attr(s, 'w:lineRule')]).toEqual([name, '240', 'auto']);
      expect(docx.files.get(name)).not.toMatch(/lineRule="(exact|atLeast)"/);
    }
  });

  test('an empty paragraph is written and valid', async () => {
    const docx = await open(docxBytes(spec([p(''), { kind: 'paragraph', runs: [] }, p('x')])));
    const ps = all(docx.body(), 'w:p');
    expect(ps.map(paragraphText)).toEqual(['', '', 'x']);
    expect(XMLValidator.validate(docx.files.get('word/document.xml')!)).toBe(true);
  });

  test('each Run is one w:r, so a {{placeholder}} is written verbatim and never split', async () => {
    const docx = await open(docxBytes(order()));
    const signature = all(docx.body(), 'w:p').find((x) => paragraphText(x).includes('{{руководитель}}'))!;
    expect(all([signature], 'w:r')).toHaveLength(3);
    expect(
      all([signature], 'w:t').map((t) =>
        kids(t)
          .map((x) => x['#text'])
          .join(''),
      ),
    ).toEqual(['{{руководитель_должность}}', '{{руководитель}}']);
    expect(docx.files.get('word/document.xml')).toContain('>{{руководитель}}</w:t>');
  });

  test('Cyrillic, «ёлочки» and non-breaking spaces come back unchanged, as UTF-8 not entities', async () => {
    const text = 'Приказ «Об утверждении наставнических пар (групп)» от\u00a001.10.2026 №\u00a0123 — Ёлкина\u00a0Е.\u00a0Ю.';
    const docx = await open(docxBytes(spec([p(text)])));
    expect(all(docx.body(), 'w:p').map(paragraphText)).toEqual([text]);
    expect(docx.files.get('word/document.xml')).toContain(text);
    expect(docx.files.get('word/document.xml')).not.toMatch(/&#\d+;/);
  });

  test('XML-hostile text is escaped and control characters are dropped', async () => {
    const text = 'a<b>&amp;c ]]> "q" \'s\' \u0001\u0008\u000b\u000c\u001f\ufffe\uffff\ud800 end';
    const docx = await open(docxBytes(spec([p(text), { kind: 'table', header: ['<h>'], rows: [['x & y\u0002']] }], { title: '<&\u0003>' })));
    const xml = docx.files.get('word/document.xml')!;
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain(']]>');
    expect(all(docx.body(), 'w:p').map(paragraphText)).toEqual(['a<b>&amp;c ]]> "q" \'s\'  end', '<h>', 'x & y', '']);
    expect(XMLValidator.validate(docx.files.get('docProps/core.xml')!)).toBe(true);
  });

  test('any text reads back as written, less what XML forbids (property)', async () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 60 });
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: 1, maxLength: 4 }), anyText, async (runs, cell) => {
        const docx = await open(
          docxBytes(
            spec([
              { kind: 'paragraph', runs: runs.map((text) => ({ text })) },
              { kind: 'table', header: null, rows: [[cell]] },
            ]),
          ),
        );
        const xml = docx.files.get('word/document.xml')!;
        expect(XMLValidator.validate(xml)).toBe(true);
        const expected = (s: string) => xmlSafe(s).replace(/\r\n?/g, '\n');
        const [para, ...cellParas] = all(docx.body(), 'w:p');
        expect(paragraphText(para)).toBe(expected(runs.join('')));
        // the cell's lines are paragraphs; the last paragraph is the separator after the table
        expect(cellParas.slice(0, -1).map(paragraphText).join('\n')).toBe(expected(cell));
      }),
      { numRuns: 150 },
    );
  });
});

describe('tables', () => {
  const tables = async (blocks: Block[]) => {
    const docx = await open(docxBytes(spec(blocks)));
    return { docx, tables: all(docx.body(), 'w:tbl') };
  };
  const rowsOf = (t: XNode) => kids(t).filter((n) => tagOf(n) === 'w:tr');

  test('the header row repeats on every page and is bold; every row stays whole', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [String(i + 1), `Наставник ${i + 1}`, 'Наставляемый\nвторой']);
    const { tables: ts } = await tables([
      { kind: 'table', header: ['№', 'Наставник', 'Наставляемый(-е)'], rows },
      { kind: 'table', header: null, rows: [['a', 'b']] },
    ]);
    const [list, plainT] = ts;
    const trs = rowsOf(list);
    expect(trs).toHaveLength(41);
    expect(trs.map((tr) => all([tr], 'w:tblHeader').length)).toEqual([1, ...Array(40).fill(0)]);
    expect(trs.map((tr) => all([tr], 'w:cantSplit').length)).toEqual(Array(41).fill(1));
    expect(all(rowsOf(plainT), 'w:tblHeader')).toHaveLength(0);
    expect(all(rowsOf(plainT), 'w:cantSplit')).toHaveLength(1);
    expect(all([trs[0]], 'w:r').every((r) => all([r], 'w:b').length === 1)).toBe(true);
    expect(all([trs[1]], 'w:b')).toHaveLength(0);
  });

  test('fixed layout, a grid column and a cell width per column, widths in twips, 1 mm cell margins', async () => {
    const { tables: ts } = await tables([{ kind: 'table', header: ['№', 'ФИО'], rows: [['1', 'Петрова']], widths: [28, 200] }]);
    const t = ts[0];
    expect(attr(first([t], 'w:tblLayout'), 'w:type')).toBe('fixed');
    expect(all([t], 'w:gridCol').map((g) => attr(g, 'w:w'))).toEqual(['560', '4000']);
    expect(attr(first([t], 'w:tblW'), 'w:w')).toBe('4560');
    expect(rowsOf(t).map((tr) => all([tr], 'w:tcW').map((w) => attr(w, 'w:w')))).toEqual([
      ['560', '4000'],
      ['560', '4000'],
    ]);
    const mar = first([t], 'w:tblCellMar');
    expect([attr(first([mar], 'w:left'), 'w:w'), attr(first([mar], 'w:right'), 'w:w')]).toEqual(['57', '57']);
  });

  test('no widths: the text width in equal columns; widths wider than the text are shrunk to it', async () => {
    const { tables: ts } = await tables([
      { kind: 'table', header: null, rows: [['a', 'b', 'c']] },
      { kind: 'table', header: null, rows: [['a', 'b']], widths: [300, 300] },
    ]);
    for (const t of ts) {
      const cols = all([t], 'w:gridCol').map((g) => Number(attr(g, 'w:w')));
      expect(cols.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
      expect(attr(first([t], 'w:tblW'), 'w:w')).toBe(String(TEXT_WIDTH));
      expect(Math.max(...cols) - Math.min(...cols)).toBeLessThanOrEqual(1);
    }
  });

  test('borders single 0.5 pt, or none on a plain table', async () => {
    const { tables: ts } = await tables([
      { kind: 'table', header: ['a'], rows: [['b']] },
      { kind: 'table', header: null, rows: [['Директор', 'И.О.\u00a0Фамилия']], plain: true },
    ]);
    expect(all([first([ts[0]], 'w:tblBorders')], 'w:insideH').map((b) => [attr(b, 'w:val'), attr(b, 'w:sz')])).toEqual([['single', '4']]);
    expect(kids(first([ts[1]], 'w:tblBorders')).map((b) => attr(b, 'w:val'))).toEqual(Array(6).fill('none'));
  });

  test("a cell's lines are separate paragraphs, aligned by column, in the table size", async () => {
    const { tables: ts } = await tables([{ kind: 'table', header: ['№', 'Наставляемые'], rows: [['1', '1) Сидорова Анна\n2) Орлов Глеб']], align: ['CENTER'], size: 11 }]);
    const [head, row] = rowsOf(ts[0]);
    const cells = kids(row).filter((n) => tagOf(n) === 'w:tc');
    expect(all([cells[1]], 'w:p').map(paragraphText)).toEqual(['1) Сидорова Анна', '2) Орлов Глеб']);
    expect(all([cells[0]], 'w:jc').map((j) => attr(j, 'w:val'))).toEqual(['center']);
    expect(all([cells[1]], 'w:jc').map((j) => attr(j, 'w:val'))).toEqual(['left', 'left']);
    expect(all([row], 'w:r').map((r) => attr(first([r], 'w:sz'), 'w:val'))).toEqual(['22', '22', '22']);
    expect(all([head], 'w:tc')).toHaveLength(2);
  });

  test('the spec table size applies when the table has none; short rows get empty cells', async () => {
    const { tables: ts } = await tables([{ kind: 'table', header: ['a', 'b', 'c'], rows: [['1']] }]);
    const row = rowsOf(ts[0])[1];
    expect(all([row], 'w:tc')).toHaveLength(3);
    expect(all([row], 'w:sz').every((s) => attr(s, 'w:val') === '24')).toBe(true);
  });

  test('a paragraph follows a table at the end and between two tables; none is added before a paragraph', async () => {
    const t: Block = { kind: 'table', header: null, rows: [['x']] };
    const docx = await open(docxBytes(spec([t, t, p('после'), t])));
    expect(docx.body().map(tagOf)).toEqual(['w:tbl', 'w:p', 'w:tbl', 'w:p', 'w:tbl', 'w:p', 'w:sectPr']);
  });
});

describe('bytes and zip', () => {
  test('CRC-32 of the standard check string and of nothing', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
    expect(crc32([])).toBe(0);
  });

  test('UTF-8 as Node encodes it, surrogate pairs included; a lone surrogate becomes U+FFFD', () => {
    for (const s of ['Ёлкина «Хибины»\u00a0№', '𝄞 emoji 😀', 'a\u0000b']) expect(utf8(s)).toEqual([...Buffer.from(s, 'utf8')]);
    expect(utf8('\ud800x')).toEqual([0xef, 0xbf, 0xbd, 0x78]);
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => expect(utf8(s)).toEqual([...Buffer.from(s, 'utf8')])));
  });

  test('a zip with a Cyrillic file name reads back with jszip', async () => {
    const bytes = zip([
      { name: 'шаблоны/приказ.txt', data: utf8('Приказ') },
      { name: 'empty', data: [] },
    ]);
    const archive = await JSZip.loadAsync(Uint8Array.from(bytes));
    expect(await archive.file('шаблоны/приказ.txt')!.async('string')).toBe('Приказ');
    expect(await archive.file('empty')!.async('string')).toBe('');
    const date = archive.file('empty')!.date;
    expect([date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()]).toEqual([1980, 0, 1]);
  });

  test('toSignedBytes gives the signed bytes Apps Script wants', () => {
    expect(toSignedBytes([0, 1, 127, 128, 200, 255])).toEqual([0, 1, 127, -128, -56, -1]);
    const bytes = docxBytes(order());
    const signed = toSignedBytes(bytes);
    expect(signed.every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(signed.map((b) => b & 0xff)).toEqual(bytes);
  });
});

const NOT_IN_APPS_SCRIPT = ['Buffer', 'TextEncoder', 'TextDecoder', 'setTimeout', 'setInterval', 'process', 'require', 'Uint8Array', 'globalThis'];

describe('the bundle rule', () => {
  test('bundled as the server bundle is (es2020), it runs in a bare V8 context and gives the same bytes', () => {
    const entry = path.join(__dirname, '..', '..', 'src', 'core', 'documents', 'docx', 'index.ts');
    const out = esbuild.buildSync({ entryPoints: [entry], bundle: true, write: false, format: 'iife', globalName: 'docx', target: 'es2020', platform: 'neutral', logLevel: 'silent' });
    const context = vm.createContext({ spec: order() });
    vm.runInContext(out.outputFiles[0].text, context);
    expect(vm.runInContext('[typeof require, typeof Buffer, typeof TextEncoder, typeof setTimeout].join()', context)).toBe('undefined,undefined,undefined,undefined');
    const bytes = vm.runInContext('docx.docxBytes(spec)', context) as number[];
    expect(Array.from(bytes)).toEqual(docxBytes(order()));
  });

  test('the writer imports nothing but other core modules (no Node, no npm package)', () => {
    const dir = path.join(__dirname, '..', '..', 'src', 'core', 'documents', 'docx');
    const core = path.join(__dirname, '..', '..', 'src', 'core');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      const specifiers = [...source.matchAll(/(?:import|export)\s[^;]*?from\s+'([^']+)'/g), ...source.matchAll(/\b(?:import|require)\s*\(\s*'([^']+)'/g)].map((m) => m[1]);
      for (const s of specifiers) {
        expect([file, s.startsWith('.')]).toEqual([file, true]);
        expect([file, path.resolve(dir, s).startsWith(core + path.sep)]).toEqual([file, true]);
      }
      // Identifiers, not comments: a comment may well say what the code avoids.
      const used: string[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isIdentifier(node) && NOT_IN_APPS_SCRIPT.includes(node.text)) used.push(node.text);
        ts.forEachChild(node, visit);
      };
      visit(ts.createSourceFile(file, source, ts.ScriptTarget.ES2020, true));
      expect([file, used]).toEqual([file, []]);
    }
  });
});

import fc from 'fast-check';
import { CSV_BOM, csvField, defuse, toCsv } from '../../../src/core/export/csv';
import { parseCsv } from './rfc4180';

/** Text with everything that makes CSV hard: separators, quotes, line breaks, formula starts, Cyrillic, emoji. */
const nasty = fc.array(fc.constantFrom(';', '"', '\r', '\n', '\r\n', '=', '+', '-', '@', '\t', ',', ' ', "'", 'Ё', 'щ', 'A', '1', '😀', '＝'), { maxLength: 12 }).map((parts) => parts.join(''));
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), nasty);
const table = fc.integer({ min: 1, max: 6 }).chain((width) => fc.array(fc.array(text, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }));

const body = (csv: string) => {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  return csv.slice(CSV_BOM.length);
};

describe('CSV for Excel and LibreOffice', () => {
  test('round trip: any table read back by an RFC 4180 reader is the table, formula starts defused', () => {
    fc.assert(
      fc.property(table, (rows) => {
        expect(parseCsv(body(toCsv(rows)))).toEqual(rows.map((row) => row.map(defuse)));
      }),
      { numRuns: 500 },
    );
  });

  test('no field read back starts a formula, whatever the text', () => {
    fc.assert(
      fc.property(table, (rows) => {
        for (const field of parseCsv(body(toCsv(rows))).flat()) expect(/^[=+\-@\t\r＝＋－＠]/.test(field)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test('only fields that need it are quoted; quotes are doubled', () => {
    expect(csvField('Иванова Анна')).toBe('Иванова Анна');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(csvField('a,b')).toBe('a,b');
  });

  test('a field a spreadsheet would run gets an apostrophe; the text is kept', () => {
    expect(csvField('=HYPERLINK("http://x";"y")')).toBe(`"'=HYPERLINK(""http://x"";""y"")"`);
    expect(csvField('+7 900 000-00-00')).toBe("'+7 900 000-00-00");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('＝1+1')).toBe("'＝1+1");
    // Not at the start: nothing to run.
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField("'quoted")).toBe("'quoted");
  });

  test('the file: BOM, «;», CRLF after every record, Cyrillic as is', () => {
    const csv = toCsv([
      ['Роль', 'ФИО'],
      ['наставник', 'Ёлкина Щ.'],
    ]);
    expect(csv).toBe('\uFEFFРоль;ФИО\r\nнаставник;Ёлкина Щ.\r\n');
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

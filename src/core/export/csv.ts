/**
 * CSV that Excel and LibreOffice open as is in a Russian locale: UTF-8 with a BOM (without it Excel
 * reads the bytes as Windows-1251), «;» between fields (Excel's separator where the decimal mark is
 * a comma), CRLF after every record, RFC 4180 quoting. A field that a spreadsheet would read as a
 * formula gets an apostrophe in front: the file leaves the add-on and is opened elsewhere.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_EOL = '\r\n';

/** What Excel, LibreOffice and Sheets may start a formula with (OWASP's list, with the full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A field as a spreadsheet must show it: text, never a formula. */
export function defuse(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field: defused, then quoted (quotes doubled) if it holds the separator, a quote or a line break. */
export function csvField(value: string): string {
  const safe = defuse(value);
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file's text: the BOM, then every record with CRLF after it. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(CSV_SEPARATOR) + CSV_EOL).join('');
}

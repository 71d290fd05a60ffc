/** A1 notation, as Sheets reads and writes it. */

export interface GridRange {
  row: number; // 1-based
  column: number;
  numRows: number;
  numColumns: number;
}

export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function toA1(range: GridRange): string {
  const start = `${columnLetter(range.column)}${range.row}`;
  if (range.numRows === 1 && range.numColumns === 1) return start;
  return `${start}:${columnLetter(range.column + range.numColumns - 1)}${range.row + range.numRows - 1}`;
}

/** Quotes a sheet name for a reference when it needs it: 'My sheet'!A1, inner ' doubled. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface ParsedA1 {
  sheetName?: string;
  range: GridRange;
}

/**
 * Parses "A1", "A1:C3", "A:C" (whole columns), "2:4" (whole rows) with an optional sheet prefix.
 * Whole columns or rows extend to the sheet's current size, given by `maxRows`/`maxColumns`.
 */
export function parseA1(text: string, maxRows: number, maxColumns: number): ParsedA1 | null {
  let sheetName: string | undefined;
  let ref = text.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    const raw = ref.slice(0, bang);
    sheetName = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    ref = ref.slice(bang + 1);
  }
  const m = /^\$?([A-Za-z]*)\$?(\d*)(?::\$?([A-Za-z]*)\$?(\d*))?$/.exec(ref);
  if (!m || (!m[1] && !m[2])) return null;
  const [, c1, r1, c2, r2] = m;
  const hasEnd = m[3] !== undefined || m[4] !== undefined;
  const column = c1 ? columnNumber(c1) : 1;
  const row = r1 ? Number(r1) : 1;
  const endColumn = hasEnd ? (c2 ? columnNumber(c2) : maxColumns) : c1 ? column : maxColumns;
  const endRow = hasEnd ? (r2 ? Number(r2) : maxRows) : r1 ? row : maxRows;
  if (row < 1 || column < 1 || endRow < row || endColumn < column) return null;
  return { sheetName, range: { row, column, numRows: endRow - row + 1, numColumns: endColumn - column + 1 } };
}

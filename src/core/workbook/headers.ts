import { ColumnDef } from './types';

/** Headers compare the way a person reads them: case, spacing, ё/е and trailing «*» do not matter. */
export function normalizeHeader(text: unknown): string {
  return String(text ?? '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\*+$/, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** 1-based column of each def found in a header row (0 when absent). */
export function locateColumns(header: ReadonlyArray<unknown>, columns: readonly ColumnDef[]): Map<string, number> {
  const positions = new Map<string, number>();
  const byText = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key && !byText.has(key)) byText.set(key, i + 1);
  });
  for (const col of columns) {
    const names = [col.header, ...(col.aliases ?? [])].map(normalizeHeader);
    positions.set(col.key, names.map((n) => byText.get(n) ?? 0).find((p) => p > 0) ?? 0);
  }
  return positions;
}

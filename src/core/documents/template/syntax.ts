/**
 * The field marks a curator sees and may move in a template (Google Doc in «Шаблоны»):
 * - `{{имя}}` — a value (organisation, date, the curator's name in a case…);
 * - `{{если:имя}}` at the start of a paragraph — the paragraph stays only when the condition holds;
 * - `{{п}}` — the paragraph's item number, counted over the kept paragraphs that have one;
 * - `{{таблица.столбец}}` in a table row — that row is repeated for every row of the table's data.
 * Names are Russian words; spaces inside the braces and the letter case do not matter.
 */
export type Token =
  { kind: 'value'; raw: string; name: string } | { kind: 'if'; raw: string; name: string } | { kind: 'counter'; raw: string } | { kind: 'cell'; raw: string; table: string; column: string };

const TOKEN = /\{\{([^{}]{1,80})\}\}/g;
export const COUNTER = 'п';

const norm = (s: string) => s.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, '_');

export function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const inner = m[1];
    const cond = /^\s*если\s*:(.+)$/i.exec(inner);
    if (cond) out.push({ kind: 'if', raw, name: norm(cond[1]) });
    else if (norm(inner) === COUNTER) out.push({ kind: 'counter', raw });
    else if (/^[^.]+\.[^.]+$/.test(inner.trim())) {
      const [table, column] = inner.split('.');
      out.push({ kind: 'cell', raw, table: norm(table), column: norm(column) });
    } else out.push({ kind: 'value', raw, name: norm(inner) });
  }
  return out;
}

/** How a curator writes a field: for notes and the template's help. */
export const fieldMark = (name: string) => `{{${name}}}`;

import { NEW_PAGE, TemplateData, TemplateFields, FieldInfo } from './data';
import { Token, fieldMark, tokensOf } from './syntax';

/** A template as the filler sees it: its top-level paragraphs and tables, in order. */
export type OutlineItem = { kind: 'paragraph'; text: string } | { kind: 'table'; cells: string[][] } | { kind: 'other' };

export interface ParagraphStep {
  drop: boolean;
  /** Raw `{{если:…}}` marks to remove from a kept paragraph. */
  strip: string[];
  /** `{{п}}` and the item number that replaces it. */
  counter: { raw: string; value: string } | null;
}

export interface TableStep {
  name: string;
  /** The rows above the marker row, as the curator wrote them (field marks in them are values). */
  header: string[][];
  rows: string[][];
  /** Rows below the marker row («Итого»…), kept after the data. */
  trailer: string[][];
  /** Indexes of `rows` that start a new page (data rows holding NEW_PAGE); usually none. */
  breaks?: number[];
}

/**
 * The tables a step becomes, in order: one, or one per page when data rows start new pages; each
 * has the header rows, the last the trailer. `pageBreak`: a page break goes before that table.
 */
export function pagesOf(step: TableStep): Array<{ pageBreak: boolean; cells: string[][] }> {
  const breaks = [...new Set(step.breaks ?? [])].filter((b) => b >= 0 && b < step.rows.length).sort((a, b) => a - b);
  const starts = breaks[0] === 0 ? breaks : [0, ...breaks];
  return starts.map((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] : step.rows.length;
    return { pageBreak: breaks.includes(start), cells: [...step.header, ...step.rows.slice(start, end), ...(k === starts.length - 1 ? step.trailer : [])] };
  });
}

const breaksOf = (rows: ReadonlyArray<Record<string, string>>) => rows.flatMap((row, i) => (NEW_PAGE in row ? [i] : []));

export interface FillPlan {
  paragraphs: Map<number, ParagraphStep>;
  tables: Map<number, TableStep>;
  /** Required tables whose marker row the curator removed: added at the end so nothing is lost. */
  appended: TableStep[];
  /** Each raw value mark found in the template and its text (replaced literally everywhere). */
  values: Map<string, string>;
  /** In Russian, for the curator: what the template lacked or did not understand. */
  notes: string[];
}

/** People's text never becomes a mark: «{{» in an answer would otherwise be filled like the template's own. */
const inert = (text: string) => text.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }');

function cellText(template: string, row: Record<string, string>, tokens: Token[]): string {
  let out = template;
  for (const t of tokens) if (t.kind === 'cell') out = out.split(t.raw).join(inert(row[t.column] ?? ''));
  return out;
}

/**
 * What filling a template takes: which paragraphs go, the item numbers, the tables' rows, and
 * the values of the marks found. `extra` are texts outside the body (headers, footers).
 */
export function planFill(outline: OutlineItem[], data: TemplateData, fields: TemplateFields, extra: string[] = []): FillPlan {
  const plan: FillPlan = { paragraphs: new Map(), tables: new Map(), appended: [], values: new Map(), notes: [] };
  const seen = new Set<string>();
  const unknown = new Set<string>();
  const knownValues = new Set(fields.values.map((f) => f.name));
  const knownFlags = new Set(fields.flags.map((f) => f.name));
  const value = (t: Token) => {
    if (t.kind !== 'value') return;
    seen.add(t.name);
    // One line: Docs would turn a line break in a replacement into a new paragraph.
    if (knownValues.has(t.name) || t.name in data.values) plan.values.set(t.raw, inert(data.values[t.name] ?? '').replace(/\s*\n\s*/g, ' '));
    else unknown.add(t.raw);
  };
  let counter = 0;
  outline.forEach((item, index) => {
    if (item.kind === 'paragraph') {
      const tokens = tokensOf(item.text);
      if (!tokens.length) return;
      const conditions = tokens.filter((t): t is Extract<Token, { kind: 'if' }> => t.kind === 'if');
      for (const c of conditions) {
        seen.add(`если:${c.name}`);
        if (!knownFlags.has(c.name) && !(c.name in data.flags)) unknown.add(c.raw);
      }
      const drop = conditions.some((c) => data.flags[c.name] !== true);
      const mark = tokens.find((t) => t.kind === 'counter');
      plan.paragraphs.set(index, { drop, strip: conditions.map((c) => c.raw), counter: mark && !drop ? { raw: mark.raw, value: String(++counter) } : null });
      if (!drop) tokens.forEach(value);
      return;
    }
    if (item.kind !== 'table') return;
    const marker = item.cells.findIndex((row) => row.some((c) => tokensOf(c).some((t) => t.kind === 'cell')));
    item.cells.forEach((row, r) => {
      if (r !== marker) row.forEach((c) => tokensOf(c).forEach(value));
    });
    if (marker < 0) return;
    const template = item.cells[marker];
    const tokens = template.flatMap((c) => tokensOf(c));
    const names = [...new Set(tokens.filter((t): t is Extract<Token, { kind: 'cell' }> => t.kind === 'cell').map((t) => t.table))];
    const name = names[0];
    const info = fields.tables.find((t) => t.name === name);
    seen.add(`таблица:${name}`);
    if (!info || names.length > 1)
      plan.notes.push(
        `В таблице шаблона поля ${names.map((n) => `«${n}»`).join(', ')}: ${info ? 'в одной строке можно использовать поля только одной таблицы' : 'такой таблицы нет'}; строка оставлена как есть.`,
      );
    if (!info) return;
    for (const t of tokens) if (t.kind === 'cell' && t.table === name && !info.columns.some((c) => c.name === t.column)) unknown.add(t.raw);
    const rows = (data.tables[name] ?? []).map((row) => template.map((c) => cellText(c, row, tokensOf(c))));
    const breaks = breaksOf(data.tables[name] ?? []);
    plan.tables.set(index, { name, header: item.cells.slice(0, marker), rows, trailer: item.cells.slice(marker + 1), ...(breaks.length ? { breaks } : {}) });
  });
  for (const text of extra) tokensOf(text).forEach(value);

  const missing = (f: FieldInfo, mark: string) => `В шаблоне нет поля ${mark} (${f.about}).`;
  for (const f of fields.values) if (f.required && !seen.has(f.name)) plan.notes.push(`${missing(f, fieldMark(f.name))} Документ сформирован без него.`);
  for (const t of fields.tables) {
    if (seen.has(`таблица:${t.name}`)) continue;
    if (!t.required) continue;
    plan.notes.push(`${missing(t, fieldMark(`${t.name}.…`))} Таблица добавлена в конец документа.`);
    const rows = data.tables[t.name] ?? [];
    const breaks = breaksOf(rows);
    plan.appended.push({
      name: t.name,
      header: [t.columns.map((c) => c.about)],
      rows: rows.map((row) => t.columns.map((c) => inert(row[c.name] ?? ''))),
      trailer: [],
      ...(breaks.length ? { breaks } : {}),
    });
  }
  if (unknown.size) plan.notes.push(`В шаблоне есть непонятные поля: ${[...unknown].join(', ')}; они оставлены в документе как есть — исправьте их в шаблоне.`);
  return plan;
}

import { Cell, normalizeName } from '../core/intake/table';
import { isDate, parseResponse } from '../core/questionnaires/read';
import { questionnaires } from '../core/questionnaires/definitions';
import { Source, findSources } from './sources';
import { questionnaireContext } from './questionnaires';
import { loadTable, writeCells } from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What a response row of a withdrawn person says after anonymisation; such rows are never read again. */
export const ANONYMISED_RESPONSE = 'обезличено';

/** A response row to change: found again by its content, since rows may have moved since it was read. */
export interface ScrubTarget {
  source: Source;
  /** 0-based index in source.values (0 = header). */
  index: number;
  /** The whole answer goes (the person's own response), or only the cells `rewrite` changes. */
  whole: boolean;
  rewrite?: (cells: Cell[]) => Cell[];
}

/** The response row key the ledger remembers, for each data row of a source (null: not a response). */
export function responseKey(source: Source, cells: readonly Cell[], index: number): string | null {
  const { response } = parseResponse(source.def, source.layout, cells, index + 1);
  return response ? `${source.def.key}:${response.fingerprint}` : null;
}

function sameRow(a: readonly Cell[], b: readonly Cell[], source: Source): boolean {
  const ts = source.layout.timestamp - 1;
  const name = source.layout.columns.get('name');
  const t = (v: Cell | undefined) => (isDate(v) ? String(v.getTime()) : String(v ?? ''));
  if (t(a[ts]) !== t(b[ts])) return false;
  return typeof name !== 'number' || normalizeName(a[name - 1]) === normalizeName(b[name - 1]);
}

function anonymisedRow(source: Source, cells: readonly Cell[]): Cell[] {
  const line = cells.map((v, c) => (c === source.layout.timestamp - 1 ? v : ''));
  const nameCol = source.layout.columns.get('name');
  if (typeof nameCol === 'number') line[nameCol - 1] = ANONYMISED_RESPONSE;
  return line;
}

/**
 * Rewrites response rows in their sheets. Each sheet is read again first and every row found by
 * its content (time and name), so a row another response or the curator moved meanwhile is never
 * the one blanked. Returns the rows changed.
 */
export function scrubRows(targets: readonly ScrubTarget[]): number {
  let changed = 0;
  const bySheet = new Map<Source, ScrubTarget[]>();
  for (const t of targets) bySheet.set(t.source, [...(bySheet.get(t.source) ?? []), t]);
  for (const [source, list] of bySheet) {
    const fresh = source.sheet.getDataRange().getValues() as Cell[][];
    for (const t of list) {
      const original = source.values[t.index];
      const at = fresh[t.index] && sameRow(fresh[t.index], original, source) ? t.index : fresh.findIndex((row, i) => i > 0 && sameRow(row, original, source));
      if (at < 1) continue;
      const line = t.whole ? anonymisedRow(source, fresh[at]) : t.rewrite!(fresh[at]);
      if (line.every((v, c) => v === fresh[at][c])) continue;
      writeCells(source.sheet, at + 1, 1, [line]);
      changed += 1;
    }
  }
  return changed;
}

/**
 * Deletes the Form's own stored copies of these response rows: every form keeps its responses
 * whatever its destination, and re-linking would bring them back. A response is the one submitted
 * in the same second as the row, with the row's name among its answers if several share the second.
 */
export function deleteFormResponses(targets: readonly ScrubTarget[]): number {
  let deleted = 0;
  const byForm = new Map<string, ScrubTarget[]>();
  for (const t of targets) if (t.source.formId) byForm.set(t.source.formId, [...(byForm.get(t.source.formId) ?? []), t]);
  for (const [formId, list] of byForm) {
    const times = list.map((t) => t.source.values[t.index][t.source.layout.timestamp - 1]).filter(isDate);
    if (!times.length) continue;
    const form = FormApp.openById(formId);
    const since = new Date(times.reduce((min, d) => Math.min(min, d.getTime()), Infinity) - 1000);
    const responses = form.getResponses(since);
    const seconds = new Map<number, GoogleAppsScript.Forms.FormResponse[]>();
    for (const r of responses) {
      const s = Math.floor(r.getTimestamp().getTime() / 1000);
      seconds.set(s, [...(seconds.get(s) ?? []), r]);
    }
    for (const t of list) {
      const cells = t.source.values[t.index];
      const ts = cells[t.source.layout.timestamp - 1];
      if (!isDate(ts)) continue;
      let candidates = seconds.get(Math.floor(ts.getTime() / 1000)) ?? [];
      const nameCol = t.source.layout.columns.get('name');
      if (candidates.length > 1 && typeof nameCol === 'number') {
        const name = normalizeName(cells[nameCol - 1]);
        candidates = candidates.filter((r) => r.getItemResponses().some((ir) => normalizeName(String(ir.getResponse())) === name));
      }
      for (const r of candidates.slice(0, 1)) {
        form.deleteResponse(r.getId());
        deleted += 1;
      }
    }
  }
  return deleted;
}

/**
 * Deletes the responses these people gave to the chosen questionnaires, from the response sheets
 * and from the Forms (post-meeting preferences at approval, as the form promises). The ledger
 * says whose response each row is.
 */
export function purgeResponses(ss: Spreadsheet, personIds: ReadonlySet<string>, options: { forms: readonly string[] }): { rows: number; formResponses: number } {
  if (!personIds.size) return { rows: 0, formResponses: 0 };
  const ledger = loadTable(ss, 'ledger', false)?.table;
  if (!ledger) return { rows: 0, formResponses: 0 };
  const owner = new Map<string, string>();
  ledger.rows.forEach((_r, i) => owner.set(String(ledger.get(i, 'key')), String(ledger.get(i, 'personId'))));
  const defs = questionnaires(questionnaireContext(ss));
  const { sources } = findSources(ss, Object.fromEntries(Object.entries(defs).filter(([key]) => options.forms.includes(key))));
  const targets: ScrubTarget[] = [];
  for (const source of sources) {
    const nameCol = source.layout.columns.get('name');
    source.values.forEach((cells, index) => {
      if (index === 0 || (typeof nameCol === 'number' && cells[nameCol - 1] === ANONYMISED_RESPONSE)) return;
      const key = responseKey(source, cells, index);
      if (key && personIds.has(owner.get(key) ?? '')) targets.push({ source, index, whole: true });
    });
  }
  // The Form first: once the row is blanked its time and name can no longer find the response.
  const formResponses = deleteFormResponses(targets);
  return { rows: scrubRows(targets), formResponses };
}

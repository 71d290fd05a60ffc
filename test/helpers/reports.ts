import { SHEET } from '../../src/core/workbook/sheets';
import { documentText } from '../../local/emulator/docs/model';
import type { DocumentModel } from '../../local/emulator/docs/model';
import type { Workspace } from '../../local/emulator/workspace';
import { workspaceState } from './faults';
import { table } from './programme';
import { typeRows } from '../../local/demo/hands';

const DOC = 'application/vnd.google-apps.document';

/** The Docs (not in the bin) whose names start with `prefix`. */
export const docs = (ws: Workspace, prefix: string) => ws.drive.byMime(DOC).filter((d) => !d.trashed && d.name.startsWith(prefix));

/** A Doc's text as a person reads it (NO-BREAK SPACES as spaces). */
export const text = (d: { content?: unknown }) => documentText(d.content as DocumentModel).replace(/\u00a0/g, ' ');

/** The calls of Docs and Drive: what must not grow with the number of pairs. */
export const docsCalls = (calls: Record<string, number>) => Object.fromEntries(Object.entries(calls).filter(([k]) => /^(Docs|Document|Body|Table|Paragraph|Text|Drive)/.test(k)));

/**
 * The state after any number of generations of one report: a run the curator repeats (after a
 * failure she saw, even one that came after the Doc was done) is a new version by design, so the
 * versions are checked for consistency — the Docs are versions 1…N once each, only the newest not
 * marked replaced, the register lists exactly them, the roadmap row links the newest, all with the
 * same content (unless the report quotes the roadmap, which its own first version changes: a stage
 * справка counts the stage's activities done) — and everything else must equal a clean run.
 */
export function versionedState(ws: Workspace, base: string, roadmap: string, options: { sameContent?: boolean } = {}) {
  const made = docs(ws, base);
  const n = made.length;
  const expected = Array.from({ length: n }, (_v, k) => {
    const title = k === 0 ? base : `${base}, версия ${k + 1}`;
    return k === n - 1 ? title : `${title} (заменён версией ${k + 2})`;
  }).sort();
  const register = table(ws, 'Документы').filter((r) => String(r['Документ']).startsWith(base));
  const latest = register.find((r) => !String(r['Документ']).includes('(заменён'));
  const byId = new Map(made.map((d) => [d.id, d.name]));
  const texts = new Set(made.map(text));
  const consistent =
    n > 0 &&
    JSON.stringify(made.map((d) => d.name).sort()) === JSON.stringify(expected) &&
    register.length === n &&
    register.every((r) => byId.get(String(r['ID документа'])) === r['Документ']) &&
    table(ws, SHEET.roadmap).find((r) => r['№'] === roadmap)!['Документ'] === latest?.['Ссылка'] &&
    (options.sameContent === false || texts.size === 1);
  const rest = workspaceState(ws, ['sheets', 'drive', 'properties', 'mail'], { ignoreSheets: [SHEET.log, 'Документы', SHEET.roadmap] });
  const drive = (rest.drive as Array<{ name: string }>).filter((e) => !e.name.startsWith(base));
  return { consistent, content: [...texts][0], rest: { ...rest, drive } };
}

/** 300 more approved pairs of the form the first approved pair has: what must not change a report's Docs calls. */
export function addApprovedPairs(ws: Workspace, n = 300): void {
  const form = String(table(ws, SHEET.pairs).find((r) => r['Статус'] === 'утверждена')!['Форма']);
  typeRows(
    ws,
    SHEET.pairs,
    Array.from({ length: n }, (_v, k) => ({ ID: `ПА-${9000 + k}`, 'ID наставника': `НК-${9000 + k}`, 'ID наставляемого': `НЯ-${9000 + k}`, Форма: form, Статус: 'утверждена' })),
  );
}

/** The curator deletes a table from a report's template (its rows' placeholders start with `table.`). */
export function deleteTemplateTable(ws: Workspace, templateTitle: string, tableName: string): void {
  const template = ws.drive.byMime(DOC).find((d) => d.name === templateTitle)!;
  if (!template) throw new Error(`no template «${templateTitle}»`);
  const model = template.content as DocumentModel;
  model.body = model.body.filter((b) => !(b.kind === 'table' && JSON.stringify(b).includes(`${tableName}.`)));
}

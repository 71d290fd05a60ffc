/**
 * The covering letter that goes with a stage справка to МКУ «УСР» (documents.md §0.4): a second
 * Doc of the same report run, planned into the run record before anything is made (its title,
 * the letters it replaces, its data), so a re-run after a fault finishes the same letter and
 * never makes a second. Its version is the справка's: «…, версия 2» of both pair up.
 */
import { COVER_FIELDS, COVER_KIND_PREFIX, coverData, coverKind, coverTemplate, coverTitle } from '../core/documents/cover-letter';
import { TemplateData } from '../core/documents/template/data';
import { normalizeName } from '../core/intake/table';
import { replacedTitle, versionOf, versionTitle } from '../core/reports/registry';
import { Settings } from '../core/settings';
import { DocRecord, produceDocument } from './documents';
import { drive, isNotFound } from './drive';
import { DocumentEntry } from './register';
import { text } from './report-context';
import { loadNameOverrides } from './settings';
import { loadTable } from './tables';
import { DocRef, TemplateKind } from './templates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const COVER_LETTER: TemplateKind = { key: 'report-cover-letter', spec: coverTemplate, fields: COVER_FIELDS };

/** The letter's part of a report run, recorded before the letter exists. */
export interface CoverRun extends DocRecord {
  title: string;
  /** «Вид» in «Документы». */
  kind: string;
  /** The current letters of the same stage and year: renamed «(заменён версией N)» once this one exists. */
  replaces: Array<{ id: string; url: string; title: string }>;
  data: TemplateData;
  /** What «Настройки» lack (pen lines in the letter), for the summary. */
  missing: string[];
}

/** The stage of a kind key «stage-N»; null for kinds without a letter. */
export function stageOfKind(key: string): number | null {
  const m = /^stage-(\d)$/.exec(key);
  return m ? Number(m[1]) : null;
}

/** The letters in «Документы» that are versions of this base and not yet replaced. */
function currentLetters(ss: Spreadsheet, base: string): CoverRun['replaces'] {
  const t = loadTable(ss, 'documents', false)?.table;
  const out: CoverRun['replaces'] = [];
  t?.rows.forEach((_r, i) => {
    if (!normalizeName(text(t, i, 'kind')).startsWith(normalizeName(COVER_KIND_PREFIX))) return;
    const title = text(t, i, 'title');
    const v = versionOf(base, title);
    if (v && !v.replaced && text(t, i, 'id')) out.push({ id: text(t, i, 'id'), url: text(t, i, 'url'), title });
  });
  return out;
}

/** The letter of a stage справка's run: version `version` of its title, its data from «Настройки» now. */
export function planCover(ss: Spreadsheet, settings: Settings, stage: number, periodLabel: string, version: number): CoverRun {
  const base = coverTitle(stage, periodLabel);
  const { data, missing } = coverData({ settings, stage, period: periodLabel }, loadNameOverrides(ss).overrides);
  return { title: versionTitle(base, version), kind: coverKind(settings), replaces: currentLetters(ss, base), data, missing, doc: null };
}

/** Makes (or finds, on a re-run) the letter; `save` records the whole run. */
export function produceCover(save: () => void, cover: CoverRun, settings: Settings): { ref: DocRef; notes: string[] } {
  return produceDocument({ saveSurely: save }, cover, COVER_LETTER, cover.title, settings, () => cover.data);
}

/** Renames the letters this one replaces (idempotent) and gives the register rows of all of them. */
export function finishCover(cover: CoverRun, version: number, created: Date): DocumentEntry[] {
  const doc = cover.doc!;
  const renamed = cover.replaces.map((r) => ({ ...r, title: replacedTitle(r.title, version) }));
  for (const r of renamed) {
    try {
      drive().Files!.update({ name: r.title }, r.id);
    } catch (error) {
      // Deleted by hand: its register row still says it was replaced.
      if (!isNotFound(error)) throw error;
    }
  }
  return [...renamed.map((r) => ({ id: r.id, kind: cover.kind, title: r.title, url: r.url, created })), { id: doc.id, kind: cover.kind, title: cover.title, url: doc.url, created }];
}

import { Settings, readSettings } from '../core/settings';
import { NameOverrides, nameOverrides } from '../core/language';
import { loadTable } from './tables';
import { locateColumns } from '../core/workbook/headers';
import { SHEET, sheetDef } from '../core/workbook/sheets';
import { SYNONYM_SEED, SynonymRow } from '../core/pairing/synonyms';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The settings in force (defaults for anything missing or unreadable), in one read. */
export function loadSettings(ss: Spreadsheet): { settings: Settings; problems: string[] } {
  const sheet = ss.getSheetByName(SHEET.settings);
  if (!sheet || sheet.getLastRow() < 2) return readSettings([]);
  return readSettings(sheet.getRange(2, 1, sheet.getLastRow() - 1, 2).getValues());
}

export interface FormOfMentoring {
  name: string;
  maxMentees: number;
  active: boolean;
}

/** The forms of mentoring from «Формы наставничества», in the curator's order. */
export function loadForms(ss: Spreadsheet): FormOfMentoring[] {
  const sheet = ss.getSheetByName(SHEET.forms);
  if (!sheet || sheet.getLastRow() < 2) return [];
  const [header, ...rows] = sheet.getDataRange().getValues();
  const at = locateColumns(header, sheetDef('forms').columns);
  const col = (key: string) => (at.get(key) ?? 0) - 1;
  return rows
    .filter((r) => String(r[col('name')] ?? '').trim())
    .map((r) => ({
      name: String(r[col('name')]).trim(),
      maxMentees: Number(r[col('maxMentees')]) || 1,
      active: col('active') < 0 || String(r[col('active')]).trim().toLowerCase() !== 'нет',
    }));
}

/** The curator's corrected forms of names («Склонение ФИО»); unreadable rows come back as problems. */
export function loadNameOverrides(ss: Spreadsheet): { overrides: NameOverrides; problems: string[] } {
  const loaded = loadTable(ss, 'nameForms', false);
  if (!loaded) return nameOverrides([]);
  const t = loaded.table;
  const entries = t.rows
    .map((_r, i) => ({ name: String(t.get(i, 'name') ?? ''), grammaticalCase: String(t.get(i, 'case') ?? ''), form: String(t.get(i, 'form') ?? '') }))
    .filter((e) => e.name.trim() || e.form.trim());
  const { overrides, problems } = nameOverrides(entries);
  return { overrides, problems: problems.map((p) => `«${SHEET.nameForms}»: ${p}`) };
}

/**
 * The rows of «Синонимы запросов»; the seeded list while the sheet (or one of its two columns) is
 * missing, as in a workbook set up before the sheet existed. Rows without both cells are skipped:
 * clearing «Означает то же, что» is how the curator cancels a row.
 */
export function loadSynonyms(ss: Spreadsheet): SynonymRow[] {
  const loaded = loadTable(ss, 'synonyms', false);
  if (!loaded || !loaded.table.has('term') || !loaded.table.has('meaning')) return SYNONYM_SEED.map((r) => ({ ...r }));
  const t = loaded.table;
  return t.rows.map((_r, i) => ({ term: String(t.get(i, 'term') ?? '').trim(), meaning: String(t.get(i, 'meaning') ?? '').trim() })).filter((r) => r.term && r.meaning);
}

import { Cell, normalizeName } from '../core/intake/table';
import { SheetLayout, locateQuestions } from '../core/questionnaires/read';
import { QuestionnaireDef } from '../core/questionnaires/types';
import { RU } from '../core/strings';
import { storedForms } from './questionnaires';
import { loadTable } from './tables';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A response sheet of one questionnaire, read once. */
export interface Source {
  def: QuestionnaireDef;
  sheet: Sheet;
  /** Read once: names are used for every response and error row. */
  name: string;
  values: Cell[][];
  /** Question key → another header that holds its answers (a hand-made form, a renamed question). */
  mapped: Map<string, string>;
  /** The add-on's own Google Form behind the sheet (none for a hand-made form's sheet). */
  formId: string;
  layout: SheetLayout;
}

export const sourceLabel = (s: Source) => `${s.def.title} («${s.name}»)`;

/** Answers whose sheet lost its header row, or the column of the name or role, cannot be read safely. */
export function unreadable(source: Source): string | null {
  const header = source.values[0] ?? [];
  const { layout, def } = source;
  if (!header.some((h) => /^(отметка времени|timestamp)$/i.test(String(h).trim()))) return RU.importing.noHeaderRow;
  for (const key of ['name', 'category', 'role', 'mentorCode', 'pair']) {
    const q = def.questions.find((d) => d.key === key);
    if (q && !layout.columns.has(key)) return RU.importing.identityColumnMissing(q.title);
  }
  return null;
}

/**
 * Questions renamed in the Form move their column's header with them: the Form's item ids (kept
 * when the questionnaires were created) give each question's current title.
 */
function renamedQuestions(formId: string, items: Record<string, unknown> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!items || !Object.keys(items).length) return out;
  let form: GoogleAppsScript.Forms.Form;
  try {
    form = FormApp.openById(formId);
  } catch (_error) {
    return out;
  }
  const titleById = new Map(form.getItems().map((item) => [String(item.getId()), item.getTitle()]));
  for (const [key, id] of Object.entries(items)) {
    const title = titleById.get(String(id));
    if (title) out.set(key, title);
  }
  return out;
}

function source(def: QuestionnaireDef, sheet: Sheet, formId: string, mapped: Map<string, string>): Source {
  const values = sheet.getDataRange().getValues() as Cell[][];
  return { def, sheet, name: sheet.getName(), values, mapped, formId, layout: locateQuestions(values[0] ?? [], def, mapped) };
}

/**
 * The linked response sheets of the add-on's questionnaires and the curator's mapped ones, each
 * read once, and what went missing: a questionnaire whose sheet was deleted or unlinked.
 */
export function findSources(ss: Spreadsheet, defs: Record<string, QuestionnaireDef>): { sources: Source[]; problems: string[] } {
  const stored = storedForms();
  const sheets = ss.getSheets();
  const urls = sheets.map((s) => s.getFormUrl() ?? '');
  const sources: Source[] = [];
  const problems: string[] = [];
  for (const def of Object.values(defs)) {
    const entry = stored[def.key] as { id?: string; sheet?: string; items?: Record<string, unknown> } | undefined;
    const id = entry?.id;
    if (!id) continue;
    const i = urls.findIndex((u) => u.includes(id));
    if (i < 0) {
      const unlinked = !!entry?.sheet && sheets.some((s) => s.getName() === entry.sheet);
      problems.push(unlinked ? RU.importing.sheetUnlinked(def.title, entry!.sheet!) : RU.importing.sheetMissing(def.title));
      continue;
    }
    let found = source(def, sheets[i], id, new Map());
    if (found.layout.missing.length) {
      const renamed = renamedQuestions(id, entry?.items);
      if (renamed.size) found = { ...found, mapped: renamed, layout: locateQuestions(found.values[0] ?? [], def, renamed) };
    }
    sources.push(found);
  }
  return { sources: [...sources, ...handMadeSources(ss, defs, sheets, sources)], problems };
}

/** Response sheets of the curator's own forms, mapped once on «Сопоставление анкет». */
function handMadeSources(ss: Spreadsheet, defs: Record<string, QuestionnaireDef>, sheets: Sheet[], linked: Source[]): Source[] {
  const mapping = loadTable(ss, 'formMapping', false)?.table;
  if (!mapping) return [];
  const byTitle = new Map(Object.values(defs).map((d) => [normalizeName(d.title), d]));
  const found = new Map<string, { def: QuestionnaireDef; sheet: Sheet; mapped: Map<string, string> }>();
  mapping.rows.forEach((_r, i) => {
    const sheetName = String(mapping.get(i, 'sheet')).trim();
    const def = byTitle.get(normalizeName(mapping.get(i, 'questionnaire')));
    if (!sheetName || !def || linked.some((s) => s.name === sheetName)) return;
    let entry = found.get(sheetName);
    if (!entry) {
      const sheet = sheets.find((s) => s.getName() === sheetName);
      if (!sheet) return;
      entry = { def, sheet, mapped: new Map() };
      found.set(sheetName, entry);
    }
    const column = String(mapping.get(i, 'column')).trim();
    const question = def.questions.find((q) => normalizeName(q.title) === normalizeName(mapping.get(i, 'question')));
    if (column && question) entry.mapped.set(question.key, column);
  });
  return [...found.values()].map((e) => source(e.def, e.sheet, '', e.mapped));
}

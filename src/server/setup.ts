import { REQUIRED_SETTINGS, SETTINGS, readSettings } from '../core/settings';
import { RU } from '../core/strings';
import { SheetPlan, SheetSnapshot, describePlans, hasWork, planSheet, sheetProtectionDescription } from '../core/workbook/setup-plan';
import { locateColumns } from '../core/workbook/headers';
import { SHEET, WORKBOOK } from '../core/workbook/sheets';
import { SheetDef } from '../core/workbook/types';
import { runAction, toast } from './curator';
import { buildRule } from './rules';
import { writeCells } from './tables';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BACKGROUND = '#e8eaed';

/** Reads what planning needs from an existing sheet: a handful of calls whatever its size. */
function snapshot(sheet: Sheet, def: SheetDef): SheetSnapshot {
  const lastColumn = sheet.getLastColumn();
  const lastRow = sheet.getLastRow();
  const header = lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0] : [];
  let seedKeys: unknown[] = [];
  if (def.seed && lastRow > 1) {
    const keyDef = def.columns.find((c) => c.key === def.seed!.key)!;
    const column = locateColumns(header, [keyDef]).get(keyDef.key) ?? 0;
    if (column > 0)
      seedKeys = sheet
        .getRange(2, column, lastRow - 1, 1)
        .getValues()
        .map((r) => r[0]);
  }
  const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  return {
    name: def.name,
    header,
    lastRow,
    maxRows: sheet.getMaxRows(),
    seedKeys,
    protectionDescriptions: protections.map((p) => p.getDescription()),
    // Only a finished protection counts (see applyPlan): a half-made one is made again.
    sheetProtected: sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).some((p) => p.getDescription() === sheetProtectionDescription(def)),
    frozenRows: sheet.getFrozenRows(),
    lists: listsOf(sheet, lastColumn),
  };
}

/** The dropdown lists of the first data row, one call for the whole row. */
function listsOf(sheet: Sheet, lastColumn: number): Array<string[] | null> {
  if (lastColumn < 1 || sheet.getMaxRows() < 2) return [];
  return sheet
    .getRange(2, 1, 1, lastColumn)
    .getDataValidations()[0]
    .map((rule) => {
      if (!rule || rule.getCriteriaType() !== SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST) return null;
      const [values] = rule.getCriteriaValues();
      return Array.isArray(values) ? values.map(String) : null;
    });
}

function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

const PENDING = 'setupPending';

/** What a setup run was doing when it stopped: per sheet, whether it created it and the columns it added. */
type Pending = Record<string, { create: boolean; keys: string[] }>;

function readPending(props: GoogleAppsScript.Properties.Properties): Pending {
  try {
    const parsed = JSON.parse(props.getProperty(PENDING) ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Pending) : {};
  } catch (_error) {
    return {};
  }
}

/**
 * A plan for a sheet a failed run had started: the columns it added count as added again, so their
 * header style, notes, widths, formats and rules (which a finished header alone does not prove)
 * are applied once more, and a created sheet gets its colour and visibility.
 */
function resumePlan(plan: SheetPlan, pending: Pending[string] | undefined): SheetPlan {
  if (!pending) return plan;
  const keys = new Set(pending.keys);
  const columns = plan.columns.map((c) => (keys.has(c.def.key) ? { ...c, added: true } : c));
  const added = columns.filter((c) => c.added).sort((a, b) => a.column - b.column);
  const contiguous = added.every((c, i) => c.column === added[0].column + i);
  return {
    ...plan,
    create: plan.create || pending.create,
    columns,
    newHeaders: added.length && contiguous ? { column: added[0].column, headers: added.map((c) => c.def.header), notes: added.map((c) => c.def.note ?? '') } : plan.newHeaders,
    validations: columns.filter((c) => c.added && c.def.rule).map((c) => ({ column: c.column, rule: c.def.rule! })),
    textColumns: columns.filter((c) => c.added && c.def.text).map((c) => c.column),
  };
}

function applyPlan(sheet: Sheet, plan: SheetPlan, headerOf: (name: string) => unknown[], resuming: boolean): void {
  const width = Math.max(...plan.columns.map((c) => c.column));
  const rowsNeeded = plan.seedRows ? plan.seedRows.appendAt + plan.seedRows.rows.length - 1 : 1;
  ensureSize(sheet, rowsNeeded, width);
  const maxRows = sheet.getMaxRows();
  const dataRows = Math.max(1, maxRows - 1);

  // Text format first, so that what is written next is kept as typed.
  for (const column of plan.textColumns) sheet.getRange(2, column, dataRows, 1).setNumberFormat('@');

  if (plan.newHeaders) {
    const { column, headers, notes } = plan.newHeaders;
    const range = sheet.getRange(1, column, 1, headers.length);
    range.setValues([headers]).setNotes([notes]).setFontWeight('bold').setBackground(HEADER_BACKGROUND).setWrap(true).setVerticalAlignment('middle');
    for (const c of plan.columns) if (c.added && c.def.width) sheet.setColumnWidth(c.column, c.def.width);
  }
  if (plan.freezeHeader) sheet.setFrozenRows(1);
  if (plan.create && plan.def.tabColor) sheet.setTabColor(plan.def.tabColor);
  if (plan.create && plan.def.hidden) sheet.hideSheet();

  if (plan.seedRows) {
    const { appendAt, width: seedWidth, rows } = plan.seedRows;
    // The same write path as people's text: «30.08» in «Срок» stays text, not a date Sheets guessed.
    writeCells(
      sheet,
      appendAt,
      1,
      rows.map((r) => Array.from({ length: seedWidth }, (_v, c) => r[c] ?? '')),
    );
  }

  const ss = SpreadsheetApp.getActive();
  for (const { column, rule } of plan.validations) {
    const built = buildRule(ss, rule, headerOf);
    if (built) sheet.getRange(2, column, dataRows, 1).setDataValidation(built);
  }

  // A protection a failed run made but did not describe is finished, not doubled.
  const loose = resuming && plan.protectColumns.length ? sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).filter((p) => p.getDescription() === '') : [];
  for (const { column, description } of plan.protectColumns) {
    const i = loose.findIndex((p) => p.getRange().getColumn() === column && p.getRange().getNumColumns() === 1);
    const protection = i >= 0 ? loose.splice(i, 1)[0] : sheet.getRange(1, column, maxRows, 1).protect();
    // The curator owns the file and may still edit; the warning stops accidental edits. The
    // description goes last: it is what tells a re-run the protection is finished.
    protection.setWarningOnly(true).setDescription(description);
  }
  if (plan.protectSheet) {
    // The description goes last: it is what tells a re-run the protection is finished.
    const protection = sheet.protect();
    restrictToCurator(protection);
    protection.setDescription(plan.protectSheet);
  }
}

/**
 * Google's sample for a sheet only the curator edits: make sure the user running setup is an
 * editor first — removing everyone throws when that user's right comes from a group otherwise
 * (Class Protection). A hidden e-mail ('' under some policies) cannot be added: then the owner
 * and the current user, whom removeEditors never drops, still edit.
 */
function restrictToCurator(protection: GoogleAppsScript.Spreadsheet.Protection): void {
  const me = Session.getEffectiveUser();
  if (me.getEmail()) protection.addEditor(me);
  protection.removeEditors(protection.getEditors());
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

export interface SetupResult {
  message: string;
  created: string[];
  changes: string[];
  /** Settings the documents need that are still empty. */
  settingsToFill: string[];
  /** Values on «Настройки» that could not be read (their defaults are used). */
  settingsProblems: string[];
}

function setupWorkbookNow(): SetupResult {
  const ss = SpreadsheetApp.getActive();
  toast(RU.progress.setupReading);
  const existing = new Map(ss.getSheets().map((s) => [s.getName(), s]));
  const props = PropertiesService.getDocumentProperties();
  const pending = readPending(props);
  const plans = WORKBOOK.map((def) => {
    const sheet = existing.get(def.name);
    return resumePlan(planSheet(def, sheet ? snapshot(sheet, def) : null), pending[def.name]);
  });
  const headers = new Map<string, unknown[]>();
  // Validation ranges on other sheets need their final headers, known from the plans.
  for (const plan of plans) {
    const row: unknown[] = [];
    for (const c of plan.columns) row[c.column - 1] = c.def.header;
    headers.set(
      plan.def.name,
      Array.from(row, (h) => h ?? ''),
    );
  }
  const headerOf = (name: string) => headers.get(name) ?? [];

  if (plans.some((p) => p.create || p.newHeaders || p.seedRows)) toast(RU.progress.setupWriting);
  const untouchedDefault = existing.get('Лист1') ?? existing.get('Sheet1') ?? null;
  // Recorded before the first write: a run that fails midway is finished by the next one.
  const started: Pending = { ...pending };
  for (const plan of plans.filter(hasWork)) {
    const keys = new Set([...(pending[plan.def.name]?.keys ?? []), ...plan.columns.filter((c) => c.added).map((c) => c.def.key)]);
    started[plan.def.name] = { create: plan.create, keys: [...keys] };
  }
  const resuming = Object.keys(pending).length > 0;
  if (plans.some(hasWork)) props.setProperty(PENDING, JSON.stringify(started));
  for (const plan of plans) {
    if (!hasWork(plan)) continue;
    const sheet = existing.get(plan.def.name) ?? ss.insertSheet(plan.def.name, ss.getSheets().length);
    applyPlan(sheet, plan, headerOf, resuming);
  }
  // A new spreadsheet's empty «Лист1» would only confuse; a sheet with anything in it stays.
  if (untouchedDefault && untouchedDefault.getLastRow() === 0 && untouchedDefault.getLastColumn() === 0) {
    ss.deleteSheet(untouchedDefault);
  }
  const first = ss.getSheetByName(WORKBOOK[0].name);
  if (first && plans[0].create) ss.setActiveSheet(first);
  if (resuming || plans.some(hasWork)) props.deleteProperty(PENDING);

  const changes = describePlans(plans);
  const { empty, problems } = checkSettings(ss.getSheetByName(SHEET.settings));
  const message = [...changes, ...(empty.length ? [RU.settingsToFill(empty)] : []), ...problems].join(' ');
  return { message, created: plans.filter((p) => p.create).map((p) => p.def.name), changes, settingsToFill: empty, settingsProblems: problems };
}

/** The settings orders and справки cannot do without, if still empty, and unreadable values. */
function checkSettings(sheet: Sheet | null): { empty: string[]; problems: string[] } {
  if (!sheet || sheet.getLastRow() < 2) return { empty: [], problems: [] };
  const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, 2).getValues();
  const { settings, problems } = readSettings(rows);
  const empty = REQUIRED_SETTINGS.filter((key) => settings[key] === '').map((key) => `«${SETTINGS.find((s) => s.key === key)!.label}»`);
  return { empty, problems };
}

/**
 * One sheet of the workbook, created or finished exactly as setup does it, for an action that
 * needs a sheet an older workbook lacks or a failed creation left half made (its setup record).
 */
export function ensureSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, def: SheetDef): Sheet {
  const props = PropertiesService.getDocumentProperties();
  const pending = readPending(props);
  const existing = ss.getSheetByName(def.name);
  if (existing && !pending[def.name]) {
    const width = existing.getLastColumn();
    const header = width > 0 ? existing.getRange(1, 1, 1, width).getValues()[0] : [];
    const found = locateColumns(header, def.columns);
    if (def.columns.every((c) => (found.get(c.key) ?? 0) > 0)) return existing;
  }
  const plan = resumePlan(planSheet(def, existing ? snapshot(existing, def) : null), pending[def.name]);
  if (existing && !hasWork(plan) && !pending[def.name]) return existing;
  const keys = new Set([...(pending[def.name]?.keys ?? []), ...plan.columns.filter((c) => c.added).map((c) => c.def.key)]);
  props.setProperty(PENDING, JSON.stringify({ ...pending, [def.name]: { create: plan.create, keys: [...keys] } }));
  const sheet = existing ?? ss.insertSheet(def.name, ss.getSheets().length);
  const headerOf = (name: string) => {
    const other = ss.getSheetByName(name);
    return other && other.getLastColumn() > 0 ? other.getRange(1, 1, 1, other.getLastColumn()).getValues()[0] : [];
  };
  applyPlan(sheet, plan, headerOf, !!pending[def.name]);
  const rest = readPending(props);
  delete rest[def.name];
  if (Object.keys(rest).length) props.setProperty(PENDING, JSON.stringify(rest));
  else props.deleteProperty(PENDING);
  return sheet;
}

/** Menu «Настроить рабочую книгу»: creates the programme workbook or repairs what is missing. */
export function setupWorkbook() {
  return runAction(RU.action.setup, setupWorkbookNow);
}

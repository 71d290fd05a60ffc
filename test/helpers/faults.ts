import { SHEET } from '../../src/core/workbook/sheets';
/**
 * Fault sweep: an operation must survive a failure at any service call. For each call the clean
 * run made, a fresh workspace makes exactly that call fail, the operation runs (it must answer
 * `{ok: false}` in Russian, never throw), the curator runs it again, and the end state must be the
 * clean run's. Ids differ between runs (every create draws from one counter), so states are
 * compared after ids are replaced by stable labels (see `workspaceState`).
 */
import type { ScriptRunner } from '../../local/emulator/runner';
import { readBuild, startRunner } from '../../local/emulator/session';
import type { Workspace } from '../../local/emulator/workspace';
import { MIME } from '../../local/emulator/drive-store';
import type { FormModel } from '../../local/emulator/forms/model';
import type { SheetModel } from '../../local/emulator/sheets/model';

export interface Fresh {
  ws: Workspace;
  runner: ScriptRunner;
}

export interface SweepOptions<S> {
  /** A fresh workspace at the state the operation starts from (called once per fault). */
  setup: () => Fresh;
  /** The public function and its arguments, as the menu or the sidebar calls it. */
  operation: { name: string; args?: unknown[] };
  /** The state compared with the clean run's; JSON-like, ids already replaced by labels. */
  snapshot: (ws: Workspace) => S;
  /** Faults at most (sampled evenly beyond that); every method keeps its first, middle and last call. */
  maxFaults?: number;
  /** Runs after the failed one, stopping at the first that succeeds. */
  maxReruns?: number;
  /** Methods not to fail (e.g. ones the test knows are outside this operation's contract). */
  skip?: (method: string) => boolean;
  /** Text of the injected error. */
  message?: string;
}

export interface FaultDiff {
  /** "Service.method#k": the k-th call of that method (1-based) was made to fail. */
  fault: string;
  problem: string;
}

export interface SweepReport {
  /** Service calls of the clean run, by method. */
  calls: Record<string, number>;
  cleanCalls: number;
  faults: number;
  diffs: FaultDiff[];
}

type Outcome = { ok?: unknown; message?: unknown };

/** A copy sharing nothing mutable with the original; class instances keep their prototypes. */
export function deepClone<T>(value: T, memo = new Map<unknown, unknown>()): T {
  if (value === null || typeof value !== 'object') return value;
  if (memo.has(value)) return memo.get(value) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof Map) {
    const out = new Map();
    memo.set(value, out);
    for (const [k, v] of value) out.set(deepClone(k, memo), deepClone(v, memo));
    return out as T;
  }
  if (value instanceof Set) {
    const out = new Set();
    memo.set(value, out);
    for (const v of value) out.add(deepClone(v, memo));
    return out as T;
  }
  // Arrays and plain objects are the models' own data (no cycles there): no memo, which is the cost.
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      // Sheets hold tens of thousands of small cells: plain leaves need no memo.
      out[i] = item === null || typeof item !== 'object' ? item : deepClone(item, memo);
    }
    return out as T;
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      out[key] = item === null || typeof item !== 'object' ? item : deepClone(item, memo);
    }
    return out as T;
  }
  const out = Object.create(proto) as Record<PropertyKey, unknown>;
  memo.set(value, out);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    if ('value' in descriptor) descriptor.value = deepClone(descriptor.value, memo);
    Object.defineProperty(out, key, descriptor);
  }
  return out as T;
}

let build: ReturnType<typeof readBuild> | null = null;

/**
 * A setup for `faultSweep` that prepares the starting state once (e.g. a set-up workbook) and hands
 * out copies of it, each with its own runner: a copy costs far less than replaying the setup.
 */
export function cachedSetup(prepare: () => Fresh): () => Fresh {
  let base: Workspace | null = null;
  return () => {
    build ??= readBuild();
    base ??= prepare().ws;
    const ws = deepClone(base);
    ws.calls.reset();
    ws.calls.clearFaults();
    return { ws, runner: startRunner(ws, build) };
  };
}

const CYRILLIC = /[А-Яа-яЁё]/;

function callOperation(fresh: Fresh, op: SweepOptions<unknown>['operation']): { outcome?: Outcome; thrown?: string } {
  try {
    return { outcome: fresh.runner.call(op.name, op.args ?? []) as Outcome };
  } catch (error) {
    return { thrown: (error as { message?: string })?.message ?? String(error) };
  }
}

/**
 * Which occurrences of each method to fail: all of them if the budget allows, else a spread that
 * keeps to the budget — every method at least once (its first call), then its last and middle
 * calls and evenly spaced ones, each method's share in proportion to its calls.
 */
export function faultPlan(calls: Record<string, number>, maxFaults: number): Array<[string, number]> {
  const total = Object.values(calls).reduce((a, b) => a + b, 0);
  const plan: Array<[string, number]> = [];
  for (const [method, count] of Object.entries(calls)) {
    const budget = total <= maxFaults ? count : Math.min(count, Math.max(1, Math.round((maxFaults * count) / total)));
    const picks = new Set<number>();
    const spread = Array.from({ length: budget }, (_v, j) => Math.max(1, Math.round(((j + 1) * count) / (budget + 1))));
    const linear = Array.from({ length: count }, (_v, k) => k + 1);
    for (const k of [1, count, Math.ceil(count / 2), ...spread, ...linear]) if (picks.size < budget) picks.add(k);
    for (const k of [...picks].sort((x, y) => x - y)) plan.push([method, k]);
  }
  return plan;
}

/** Paths where two JSON-like values differ (at most `limit`), for a readable report. */
export function differences(a: unknown, b: unknown, path = '', out: string[] = [], limit = 5): string[] {
  if (out.length >= limit) return out;
  if (Object.is(a, b)) return out;
  if (a instanceof Date && b instanceof Date) {
    if (a.getTime() !== b.getTime()) out.push(`${path || '.'}: ${a.toISOString()} ≠ ${b.toISOString()}`);
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path || '.'}: length ${a.length} ≠ ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) differences(a[i], b[i], `${path}[${i}]`, out, limit);
    return out;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of [...keys].sort()) {
      differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`, out, limit);
    }
    return out;
  }
  out.push(`${path || '.'}: ${short(a)} ≠ ${short(b)}`);
  return out;
}

function short(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export function faultSweep<S>(options: SweepOptions<S>): SweepReport {
  const maxFaults = options.maxFaults ?? 300;
  const maxReruns = options.maxReruns ?? 2;
  const message = options.message ?? "We're sorry, a server error occurred. Please wait a bit and try again.";
  const op = options.operation;

  const clean = options.setup();
  const before = clean.ws.calls.snapshot();
  const first = callOperation(clean, op);
  const after = clean.ws.calls.snapshot();
  const calls: Record<string, number> = {};
  for (const [method, n] of Object.entries(after)) if (n - (before[method] ?? 0) > 0) calls[method] = n - (before[method] ?? 0);
  const expected = options.snapshot(clean.ws);
  const diffs: FaultDiff[] = [];
  if (first.thrown || first.outcome?.ok !== true) {
    diffs.push({ fault: 'none', problem: `the clean run did not succeed: ${first.thrown ?? short(first.outcome)}` });
  }
  // Running a finished operation again must change nothing either.
  const again = callOperation(clean, op);
  const againDiff = differences(options.snapshot(clean.ws), expected);
  if (again.thrown || again.outcome?.ok !== true) diffs.push({ fault: 'none', problem: `a second clean run failed: ${again.thrown ?? short(again.outcome)}` });
  if (againDiff.length) diffs.push({ fault: 'none', problem: `a second clean run changed the state: ${againDiff.join('; ')}` });

  const plan = faultPlan(calls, maxFaults).filter(([method]) => !options.skip?.(method));
  for (const [method, k] of plan) {
    const fault = `${method}#${k}`;
    const fresh = options.setup();
    const start = fresh.ws.calls.count(method);
    fresh.ws.calls.failOn(method, { after: k - 1, message });
    const failed = callOperation(fresh, op);
    fresh.ws.calls.clearFaults();
    const fired = fresh.ws.calls.count(method) - start >= k;
    if (!fired) {
      // The run took another path than the clean one before reaching the k-th call: nothing to test.
      diffs.push({ fault, problem: 'the fault never fired (the run is not deterministic)' });
      continue;
    }
    if (failed.thrown !== undefined) {
      diffs.push({ fault, problem: `threw instead of answering: ${failed.thrown.split('\n')[0]}` });
    } else if (failed.outcome?.ok === false) {
      const text = String(failed.outcome.message ?? '');
      if (!CYRILLIC.test(text)) diffs.push({ fault, problem: `the message is not Russian: ${short(text)}` });
    } else if (failed.outcome?.ok !== true) {
      diffs.push({ fault, problem: `answered neither ok nor {ok:false}: ${short(failed.outcome)}` });
    }
    let rerun = failed;
    for (let i = 0; i < maxReruns && !(rerun.outcome?.ok === true && i > 0); i++) rerun = callOperation(fresh, op);
    if (rerun.thrown !== undefined || rerun.outcome?.ok !== true) {
      diffs.push({ fault, problem: `the re-run did not succeed: ${rerun.thrown ?? short(rerun.outcome?.message)}` });
    }
    const found = differences(options.snapshot(fresh.ws), expected);
    if (found.length) diffs.push({ fault, problem: `end state differs: ${found.join('; ')}` });
  }
  return { calls, cleanCalls: Object.values(calls).reduce((a, b) => a + b, 0), faults: plan.length, diffs };
}

// --- state snapshots -------------------------------------------------------------------------------

/**
 * Stable labels for every id in the workspace: Drive files by kind, name and rank among equals
 * (creation order), the spreadsheet, and Form item ids by form label and item title.
 */
export function idLabels(ws: Workspace): Map<string, string> {
  const labels = new Map<string, string>([[ws.spreadsheet.id, '<spreadsheet>']]);
  const seen = new Map<string, number>();
  const entries = [...ws.drive.entries.values()].sort((a, b) => a.created.getTime() - b.created.getTime());
  for (const entry of entries) {
    const kind = Object.entries(MIME).find(([, mime]) => mime === entry.mimeType)?.[0] ?? entry.mimeType;
    const base = `${kind}:${entry.name}${entry.trashed ? ' (trashed)' : ''}`;
    const rank = (seen.get(base) ?? 0) + 1;
    seen.set(base, rank);
    const label = `<${base}${rank > 1 ? ` #${rank}` : ''}>`;
    labels.set(entry.id, label);
    if (entry.mimeType === MIME.form) {
      for (const item of (entry.content as FormModel).items) labels.set(String(item.id), `<item ${label} ${item.title}>`);
    }
  }
  return labels;
}

/** Replaces ids (also inside URLs and JSON text) with their labels, recursively. */
export function relabel(value: unknown, labels: Map<string, string>): unknown {
  if (typeof value === 'string') {
    // Ids are runs of [A-Za-z0-9_-] (Drive) or 9-10 digits (items): look tokens up, no big regex.
    const out = value.length < 9 ? value : value.replace(/[A-Za-z0-9_-]{9,}/g, (token) => labels.get(token) ?? token);
    // JSON kept in a property: relabel its structure, so numbers (item ids) are covered too.
    if (/^[[{]/.test(out)) {
      try {
        return { json: relabel(JSON.parse(value), labels) };
      } catch (_error) {
        return out;
      }
    }
    return out;
  }
  if (typeof value === 'number') return labels.get(String(value)) ?? value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => relabel(v, labels));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[labels.get(k) ?? k] = relabel(v, labels);
    return out;
  }
  return value;
}

/**
 * The rules in force: a rule set again on a range replaces the earlier one there (as in Sheets),
 * though the emulator keeps both records; a record wholly inside a later one is dropped.
 */
function effectiveValidations(sheet: SheetModel): SheetModel['validations'] {
  const kept: SheetModel['validations'] = [];
  for (let i = sheet.validations.length - 1; i >= 0; i--) {
    const v = sheet.validations[i];
    const r = v.range;
    const hidden = kept.some(
      (k) => k.range.row <= r.row && k.range.column <= r.column && k.range.row + k.range.numRows >= r.row + r.numRows && k.range.column + k.range.numColumns >= r.column + r.numColumns,
    );
    if (!hidden) kept.push(v);
  }
  return kept.filter((v) => v.rule !== null);
}

function sortedBy<T>(items: T[]): T[] {
  return items
    .map((item) => [JSON.stringify(item), item] as const)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([, item]) => item);
}

/**
 * Cells as runs down each column of equal content ([column, first row, last row, content]):
 * set-up sheets carry text formats on every row, and the runs keep the state small.
 */
function cellRuns(sheet: SheetModel): unknown[] {
  const byColumn = new Map<number, Array<[number, string]>>();
  sheet.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return;
      const v = cell.v instanceof Date ? cell.v.toISOString() : cell.v;
      const plain = v === '' && !cell.f && !cell.note && !cell.style;
      if (plain && !cell.fmt) return;
      const key = plain ? `fmt ${cell.fmt}` : JSON.stringify([v, cell.f ?? '', cell.fmt ?? '', cell.note ?? '', cell.style ?? {}]);
      const list = byColumn.get(c + 1) ?? [];
      list.push([r + 1, key]);
      byColumn.set(c + 1, list);
    }),
  );
  const runs: unknown[] = [];
  for (const column of [...byColumn.keys()].sort((a, b) => a - b)) {
    let run: [number, number, number, string] | null = null;
    for (const [row, key] of byColumn.get(column)!) {
      if (run && run[2] === row - 1 && run[3] === key) run[2] = row;
      else {
        if (run) runs.push(run);
        run = [column, row, row, key];
      }
    }
    if (run) runs.push(run);
  }
  return runs;
}

function sheetState(sheet: SheetModel) {
  const cells = cellRuns(sheet);
  return {
    name: sheet.name,
    size: [sheet.maxRows, sheet.maxColumns],
    frozen: [sheet.frozenRows, sheet.frozenColumns],
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    widths: [...sheet.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
    cells,
    validations: sortedBy(effectiveValidations(sheet)),
    protections: sortedBy(sheet.protections.map((p) => ({ ...p, id: undefined, editors: [...p.editors].sort() }))),
    formUrl: sheet.formUrl,
    // A chart is the same chart whatever id a re-run gave it: its type, data, options and place.
    charts: sheet.charts.map((c) => ({ type: c.type, ranges: c.ranges, options: c.options, position: c.position })),
  };
}

function formState(form: FormModel) {
  return {
    title: form.title,
    description: form.description,
    confirmationMessage: form.confirmationMessage,
    published: form.published,
    acceptingResponses: form.acceptingResponses,
    collectEmail: form.collectEmail,
    destinationId: form.destinationId,
    destinationSheet: form.destinationSheet,
    items: form.items.map((item) => ({ ...item, id: undefined })),
    responses: form.responses.length,
  };
}

export type StatePart = 'sheets' | 'drive' | 'properties' | 'triggers' | 'mail';

/**
 * What a curator and the add-on would notice: every sheet (values, formulas, formats, notes,
 * validations, protections), Drive (files by folder, forms in full), the three property stores,
 * installed triggers and mail sent; ids relabelled. Pick parts to compare only those; a history
 * sheet such as «Журнал» legitimately gains a row per run and can be left out by name.
 */
export function workspaceState(
  ws: Workspace,
  parts: readonly StatePart[] = ['sheets', 'drive', 'properties', 'triggers', 'mail'],
  options: { ignoreSheets?: readonly string[] } = {},
): Record<string, unknown> {
  const labels = idLabels(ws);
  const state: Record<string, unknown> = {};
  const ignored = new Set(options.ignoreSheets ?? []);
  if (parts.includes('sheets')) state.sheets = ws.spreadsheet.sheets.map((s) => (ignored.has(s.name) ? { name: s.name } : sheetState(s)));
  if (parts.includes('drive')) {
    state.drive = [...ws.drive.entries.values()]
      .filter((e) => !e.trashed)
      .map((e) => ({
        id: e.id,
        name: e.name,
        mimeType: e.mimeType,
        folder: ws.drive.folderPath(e).join('/'),
        form: e.mimeType === MIME.form ? formState(e.content as FormModel) : undefined,
      }))
      .sort((a, b) => (labels.get(a.id) ?? a.id).localeCompare(labels.get(b.id) ?? b.id));
  }
  if (parts.includes('properties')) {
    state.properties = Object.fromEntries(Object.entries(ws.properties).map(([store, map]) => [store, Object.fromEntries([...map.entries()].sort())]));
  }
  if (parts.includes('triggers')) state.triggers = ws.triggers.map((t) => ({ handler: t.handler, eventType: t.eventType, source: t.source, sourceId: t.sourceId }));
  if (parts.includes('mail')) state.mail = ws.mail.map((m) => ({ ...m }));
  return relabel(JSON.parse(JSON.stringify(state)), labels) as Record<string, unknown>;
}

/** What must come out the same however many failures came between: sheets, Drive, properties and mail, all but «Журнал», which records each run. */
export function stateWithoutLog(ws: Workspace): Record<string, unknown> {
  return workspaceState(ws, ['sheets', 'drive', 'properties', 'mail'], { ignoreSheets: [SHEET.log] });
}

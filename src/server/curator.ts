import { RU } from '../core/strings';
import { CuratorError, errorMessage, errorStack, russianReason } from './errors';
import { appendLog } from './log';

export { CuratorError, errorMessage } from './errors';

export type ActionOutcome<T> = (T & { ok: true }) | { ok: false; message: string };

type Lock = GoogleAppsScript.Lock.Lock;

function ui(): GoogleAppsScript.Base.Ui | null {
  // Triggers run without a Ui; asking for it there throws.
  try {
    return SpreadsheetApp.getUi();
  } catch (_error) {
    return null;
  }
}

export function toast(text: string, title?: string): void {
  SpreadsheetApp.getActive().toast(text, title ?? RU.menu.title, 5);
}

/**
 * The document lock serialises the add-on's operations on this spreadsheet. Google returns null
 * outside a containing document; the script lock then still keeps two runs apart.
 */
function operationLock(): Lock {
  let lock: Lock | null;
  try {
    lock = LockService.getDocumentLock();
  } catch (_error) {
    lock = null;
  }
  return lock ?? LockService.getScriptLock();
}

/** Work that a trigger could not do because the lock was held; the holder does it before letting go. */
const PENDING = 'pendingCatchUp';
const catchUps = new Map<string, { title: string; work: () => { message: string } }>();

/** Registers work that a blocked trigger may hand over to whichever operation holds the lock. */
export function registerCatchUp(key: string, title: string, work: () => { message: string }): void {
  catchUps.set(key, { title, work });
}

function pendingKeys(): string[] {
  const raw = PropertiesService.getDocumentProperties().getProperty(PENDING);
  return raw ? raw.split(',').filter((k) => catchUps.has(k)) : [];
}

function markPending(key: string): void {
  const props = PropertiesService.getDocumentProperties();
  const keys = new Set((props.getProperty(PENDING) ?? '').split(',').filter(Boolean));
  keys.add(key);
  props.setProperty(PENDING, [...keys].join(','));
}

/** Runs the catch-ups blocked triggers left, still under the lock; their failure is only logged. */
function runCatchUps(): void {
  let keys: string[];
  try {
    keys = pendingKeys();
    if (!keys.length) return;
    PropertiesService.getDocumentProperties().deleteProperty(PENDING);
  } catch (error) {
    console.error(`catch-up: ${errorStack(error) ?? errorMessage(error)}`);
    return;
  }
  for (const key of keys) {
    const { title, work } = catchUps.get(key)!;
    try {
      appendLog(title, work().message);
    } catch (error) {
      console.error(`${title}: ${errorStack(error) ?? errorMessage(error)}`);
      try {
        // Not done: leave it for the next run to pick up.
        markPending(key);
        appendLog(title, RU.errors.failed(title, russianReason(error)));
      } catch (_logError) {
        // The execution log has the details.
      }
    }
  }
}

/** A courtesy (a toast, a log row) whose failure must not change what the curator is told. */
function bestEffort(work: () => void): void {
  try {
    work();
  } catch (error) {
    console.warn(errorMessage(error));
  }
}

function failureMessage(title: string, error: unknown): string {
  return error instanceof CuratorError ? errorMessage(error) : RU.errors.failed(title, russianReason(error));
}

/** Lets go of the lock after the spreadsheet has taken every write. */
function release(lock: Lock): void {
  try {
    SpreadsheetApp.flush();
  } catch (_error) {
    // Writes that failed to apply were already reported by the work itself.
  }
  try {
    lock.releaseLock();
  } catch (error) {
    // Google frees the lock when the execution ends anyway; the work itself is done.
    console.warn(`releaseLock: ${errorMessage(error)}`);
  }
}

export interface ActionOptions {
  /** Called from a sidebar: the sidebar shows the outcome; an alert would only block the script. */
  sidebar?: boolean;
}

/**
 * Runs work under the operation lock: its outcome, with a success or failure logged in «Журнал»
 * while the lock is held, then the work blocked triggers handed over, then the lock released.
 * `locked` says whether the lock was ever had (without it nothing may be written).
 */
function underLock<T extends { message: string }>(title: string, work: () => T, before: () => void): { outcome: ActionOutcome<T>; locked: boolean } {
  let lock: Lock | null = null;
  let outcome: ActionOutcome<T>;
  try {
    const candidate = operationLock();
    if (!candidate.tryLock(30000)) throw new CuratorError(RU.errors.busy);
    lock = candidate;
    before();
    const result = work();
    SpreadsheetApp.flush();
    outcome = { ...result, ok: true as const };
  } catch (error) {
    console.error(`${title}: ${errorStack(error) ?? errorMessage(error)}`);
    outcome = { ok: false, message: failureMessage(title, error) };
  }
  if (!lock) return { outcome, locked: false };
  // The work is done or not: a «Журнал» row that cannot be written changes neither.
  const message = outcome.message;
  bestEffort(() => appendLog(title, message));
  try {
    runCatchUps();
  } finally {
    release(lock);
  }
  return { outcome, locked: true };
}

/**
 * Runs one curator action: one at a time (the lock), progress as toasts, a short Russian summary
 * at the end. A failure is shown only after the lock is released: an alert suspends the script
 * until closed, and triggers must not wait for the curator meanwhile.
 */
export function runAction<T extends { message: string }>(title: string, work: () => T, options: ActionOptions = {}): ActionOutcome<T> {
  const { outcome } = underLock(title, work, () => {
    if (!options.sidebar) bestEffort(() => toast(RU.progress.started, title));
  });
  show(title, outcome, options);
  return outcome;
}

function show(title: string, outcome: { ok: boolean; message: string }, options: ActionOptions): void {
  if (options.sidebar) return;
  try {
    if (outcome.ok) toast(outcome.message, RU.done(title));
    else {
      const shown = ui();
      if (shown) shown.alert(title, outcome.message, shown.ButtonSet.OK);
      else toast(outcome.message, title);
    }
  } catch (error) {
    // No Ui here (a trigger or the local runner): the returned outcome carries the message.
    console.warn(`${title}: ${errorMessage(error)}`);
  }
}

/**
 * Runs work from an installable trigger: no Ui, and a failure must not be thrown back (Apps
 * Script would only e-mail it): it goes to «Журнал». If another operation holds the lock, the work
 * is handed over: that operation runs it before letting go, so no response waits for the curator.
 * Writing to «Журнал» without the lock could overwrite the holder's rows, so a hand-over is quiet.
 */
export function runInTrigger(key: string, title: string, work: () => { message: string }): void {
  const { locked } = underLock(title, work, () => undefined);
  if (!locked) bestEffort(() => markPending(key));
}

/**
 * A menu item that only opens something (a sidebar): no lock; if Google refuses, the curator
 * gets the same Russian alert as for any action instead of Google's English.
 */
export function runUi(title: string, work: () => void): void {
  try {
    work();
  } catch (error) {
    console.error(`${title}: ${errorStack(error) ?? errorMessage(error)}`);
    show(title, { ok: false, message: failureMessage(title, error) }, {});
  }
}

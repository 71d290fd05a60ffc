import { RU } from '../core/strings';
import { appendLog } from './log';

/** A service's error may come from another realm than ours, so read it by shape, not instanceof. */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

function errorStack(error: unknown): string | undefined {
  const stack = (error as { stack?: unknown } | null)?.stack;
  return typeof stack === 'string' ? stack : undefined;
}

/** An expected problem whose Russian message is meant for the curator as is. */
export class CuratorError extends Error {}

export type ActionOutcome<T> = (T & { ok: true }) | { ok: false; message: string };

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
 * Runs one curator action: one at a time (document lock), progress as toasts, a short Russian
 * summary at the end, and any error as a readable alert instead of a stack trace.
 */
export function runAction<T extends { message: string }>(title: string, work: () => T): ActionOutcome<T> {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30000)) return report(title, new CuratorError(RU.errors.busy));
  try {
    toast(RU.progress.started, title);
    const result = work();
    SpreadsheetApp.flush();
    toast(result.message, RU.done(title));
    appendLog(title, result.message);
    return { ...result, ok: true as const };
  } catch (error) {
    return report(title, error);
  } finally {
    lock.releaseLock();
  }
}

/**
 * Runs work from an installable trigger: no Ui, and a failure must not be thrown back (Apps
 * Script would only e-mail it): it goes to «Журнал», and the menu's catch-up run finishes the job.
 */
export function runInTrigger(title: string, work: () => { message: string }): void {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30000)) {
    appendLog(title, RU.errors.triggerBusy);
    return;
  }
  try {
    const result = work();
    appendLog(title, result.message);
  } catch (error) {
    const reason = errorMessage(error);
    console.error(`${title}: ${errorStack(error) ?? reason}`);
    try {
      appendLog(title, RU.errors.failed(title, reason));
    } catch (_logError) {
      // Nothing more can be done from a trigger; the execution log has the details.
    }
  } finally {
    lock.releaseLock();
  }
}

function report(title: string, error: unknown): { ok: false; message: string } {
  const reason = errorMessage(error);
  const message = error instanceof CuratorError ? reason : RU.errors.failed(title, reason);
  console.error(`${title}: ${errorStack(error) ?? reason}`);
  const shown = ui();
  if (shown) shown.alert(title, message, shown.ButtonSet.OK);
  else throw new Error(message);
  return { ok: false, message };
}

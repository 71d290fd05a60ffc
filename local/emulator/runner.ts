import * as vm from 'vm';
import { createAppsScriptGlobals } from './globals';
import type { Workspace } from './workspace';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

/** Calls that Apps Script allows in AuthMode.NONE: building the menu and nothing else. */
function allowedWithoutAuth(name: string): boolean {
  return name === 'SpreadsheetApp.getUi' || name.startsWith('Ui.') || name.startsWith('Menu.');
}

/**
 * AuthMode.LIMITED (a bound script's or an enabled add-on's simple onOpen/onEdit): the Ui and its
 * menus, the bound spreadsheet, and services that need no authorisation (the AuthMode reference
 * sample reads document properties in this mode). Forms, Docs, Drive, mail and triggers need the
 * user's authorisation, so they are refused like everything in NONE.
 */
const LIMITED_SERVICES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'Protection',
  'DataValidation',
  'DataValidationBuilder',
  'Ui',
  'Menu',
  'PropertiesService',
  'Properties',
  'CacheService',
  'Cache',
  'LockService',
  'Lock',
  'Utilities',
  'Logger',
  'Session',
  'User',
  'HtmlService',
  'HtmlOutput',
]);

function allowedLimited(name: string): boolean {
  return LIMITED_SERVICES.has(name.slice(0, name.indexOf('.')));
}

/** The gate for an execution in `mode`, or null when everything is allowed (FULL). */
function authGate(mode: AuthModeName | undefined): ((call: string) => void) | null {
  const allowed = mode === 'NONE' ? allowedWithoutAuth : mode === 'LIMITED' ? allowedLimited : null;
  if (!allowed) return null;
  return (call) => {
    if (!allowed(call)) throw new Error(`You do not have permission to call ${call}`);
  };
}

export interface SheetFormSubmitEvent {
  range: { sheetName: string; row: number; column: number; numRows: number; numColumns: number };
  values: string[];
  namedValues: Record<string, string[]>;
}

/**
 * Runs the built dist/Code.js the way Apps Script does: one global scope holding the services and
 * nothing of Node (no require, process, Buffer, timers), global code re-run for each execution
 * is approximated by loading once per runner; each call is one execution (locks released after).
 */
export class ScriptRunner {
  readonly context: vm.Context;

  constructor(
    readonly ws: Workspace,
    code: string,
  ) {
    // Scripts see `new Date()` as the workspace's clock, so the demo year can move through time.
    const clock = () => ws.now().getTime();
    class ClockDate extends Date {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(clock());
        else super(...(args as [number]));
      }
      static override now(): number {
        return clock();
      }
    }
    this.context = vm.createContext({ ...createAppsScriptGlobals(ws), Date: ClockDate });
    vm.runInContext(code, this.context, { filename: 'Code.js' });
  }

  has(name: string): boolean {
    return typeof this.context[name] === 'function';
  }

  /** One execution of a top-level function, like a menu click or google.script.run call. */
  call(name: string, args: unknown[] = [], options: { authMode?: AuthModeName; ui?: boolean } = {}): unknown {
    const fn = this.context[name] as unknown;
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    const { ws } = this;
    const previousUi = ws.uiAvailable;
    ws.uiAvailable = options.ui ?? true;
    ws.calls.gate = authGate(options.authMode);
    try {
      return (fn as (...a: unknown[]) => unknown)(...args);
    } finally {
      ws.calls.gate = null;
      ws.uiAvailable = previousUi;
      for (const name of ws.executionLocks) ws.heldLocks.delete(name);
      ws.executionLocks.clear();
    }
  }

  onOpen(authMode: AuthModeName = 'LIMITED'): unknown {
    return this.call('onOpen', [{ authMode, user: { getEmail: () => this.ws.currentUser } }], { authMode });
  }

  /**
   * The day's run of every time-driven trigger of this document, as Google does at the hour it
   * chose: no Ui, AuthMode.FULL, the time-driven event object (its fields in UTC, as Google gives them).
   */
  fireClockTriggers(): string[] {
    const fired: string[] = [];
    const now = this.ws.now();
    for (const trigger of [...this.ws.triggers]) {
      if (trigger.eventType !== 'CLOCK' || !this.ws.triggers.includes(trigger)) continue;
      const e = {
        authMode: 'FULL',
        triggerUid: trigger.uid,
        year: now.getUTCFullYear(),
        month: now.getUTCMonth() + 1,
        'day-of-month': now.getUTCDate(),
        'day-of-week': now.getUTCDay() || 7,
        hour: now.getUTCHours(),
        minute: now.getUTCMinutes(),
        second: now.getUTCSeconds(),
        timezone: 'UTC',
      };
      this.call(trigger.handler, [e], { authMode: 'FULL', ui: false });
      fired.push(trigger.handler);
    }
    return fired;
  }

  /** Fires every installed spreadsheet onFormSubmit trigger, as Google does after a response. */
  fireFormSubmit(event: SheetFormSubmitEvent): string[] {
    const fired: string[] = [];
    const ss = this.context.SpreadsheetApp.getActiveSpreadsheet() as GoogleAppsScript.Spreadsheet.Spreadsheet;
    for (const trigger of this.ws.triggers) {
      if (trigger.eventType !== 'ON_FORM_SUBMIT' || trigger.source !== 'SPREADSHEETS' || trigger.sourceId !== this.ws.spreadsheet.id) continue;
      const sheet = ss.getSheetByName(event.range.sheetName);
      if (!sheet) continue;
      const range = sheet.getRange(event.range.row, event.range.column, event.range.numRows, event.range.numColumns);
      const e = {
        authMode: 'FULL',
        triggerUid: trigger.uid,
        source: ss,
        range,
        values: [...event.values],
        namedValues: event.namedValues,
      };
      this.call(trigger.handler, [e], { authMode: 'FULL', ui: false });
      fired.push(trigger.handler);
    }
    return fired;
  }
}

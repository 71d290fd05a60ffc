import { readBuild, startRunner } from '../../local/emulator/session';
import type { ScriptRunner } from '../../local/emulator/runner';
import { Workspace } from '../../local/emulator/workspace';
import { createSpreadsheetApp } from '../../local/emulator/sheets/app';

let build: ReturnType<typeof readBuild> | null = null;

/** The built add-on in a fresh workspace (dist/ is rebuilt by jest's global setup). */
export function freshAddon(options: { locale?: string; timeZone?: string; now?: string } = {}): { ws: Workspace; runner: ScriptRunner } {
  build ??= readBuild();
  const ws = new Workspace({ seed: 'test', locale: options.locale, timeZone: options.timeZone });
  const now = new Date(options.now ?? '2026-10-01T07:00:00Z');
  ws.now = () => now;
  return { ws, runner: startRunner(ws, build) };
}

/** The test's own view of the spreadsheet, uncounted: what the curator sees. */
export function look<T>(ws: Workspace, read: (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => T): T {
  return ws.calls.untracked(() => read(createSpreadsheetApp(ws).getActive()));
}

export function sheetValues(ws: Workspace, name: string): unknown[][] {
  return look(ws, (ss) => {
    const sheet = ss.getSheetByName(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet.getDataRange().getValues();
  });
}

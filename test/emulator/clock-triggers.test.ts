import { Workspace } from '../../local/emulator/workspace';
import { ScriptRunner } from '../../local/emulator/runner';
import { createScriptApp } from '../../local/emulator/services/script-app';
import { createSpreadsheetApp } from '../../local/emulator/sheets/app';

describe('time-driven triggers', () => {
  test('an add-on’s clock trigger belongs to its document: listed by getUserTriggers(spreadsheet), its schedule kept', () => {
    const ws = new Workspace();
    const app = createScriptApp(ws);
    const ss = createSpreadsheetApp(ws).getActive();
    const made = app.newTrigger('daily').timeBased().everyDays(1).atHour(8).inTimezone('Europe/Moscow').create();
    const listed = app.getUserTriggers(ss);
    expect(listed.map((t) => [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource())])).toEqual([['daily', 'CLOCK', 'CLOCK']]);
    expect(listed[0].getUniqueId()).toBe(made.getUniqueId());
    expect(ws.triggers[0].clock).toEqual({ everyDays: 1, atHour: 8, timeZone: 'Europe/Moscow' });
    // Another spreadsheet (only its id matters to the fake).
    const other = { getId: () => 'another-document' } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    expect(app.getUserTriggers(other)).toHaveLength(0);
  });

  test('fireClockTriggers runs each clock trigger once, in FULL without a Ui, with the time-driven event', () => {
    const ws = new Workspace();
    const now = new Date('2026-10-15T05:30:00Z');
    ws.now = () => now;
    const code = `
      var seen = [];
      function daily(e) { seen.push([e.triggerUid, e.year, e.month, e['day-of-month'], e.hour, e.authMode, typeof e.triggerUid]); try { SpreadsheetApp.getUi(); seen.push('ui'); } catch (x) { seen.push('no ui'); } }
      function onFormSubmit(e) { seen.push('form'); }
      function install() {
        ScriptApp.newTrigger('daily').timeBased().everyDays(1).create();
        ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create();
      }`;
    const runner = new ScriptRunner(ws, code);
    runner.call('install');
    expect(runner.fireClockTriggers()).toEqual(['daily']);
    const seen = runner.context.seen as unknown[];
    expect(seen[0]).toEqual([ws.triggers[0].uid, 2026, 10, 15, 5, 'FULL', 'string']);
    expect(seen).toEqual([seen[0], 'no ui']);
    expect(ws.uiAvailable).toBe(true);
  });
});

/**
 * Real Google behaviours the emulator copies so that tests catch what only Google would show
 * (issue 7, item 8; ../shared/reference/apps-script-fidelity-review.md). Each test fails on the
 * emulator as it was before.
 */
import * as vm from 'vm';
import { MIME } from '../../local/emulator/drive-store';
import { createFormApp } from '../../local/emulator/forms/fakes';
import { submitAsParticipant } from '../../local/emulator/forms/submit';
import { ScriptRunner } from '../../local/emulator/runner';
import { createLockService } from '../../local/emulator/services/lock';
import { scriptRunResult, scriptRunWire } from '../../local/emulator/services/script-run';
import { createSession } from '../../local/emulator/services/session';
import { createSpreadsheetApp } from '../../local/emulator/sheets/app';
import { PROTECTED_ERROR } from '../../local/emulator/sheets/protection';
import { CELL_TOO_LONG } from '../../local/emulator/sheets/typing';
import { Workspace } from '../../local/emulator/workspace';

type Form = GoogleAppsScript.Forms.Form & { setPublished(on: boolean): Form };

function sheetOf(ws: Workspace, locale?: string) {
  if (locale) ws.spreadsheet.locale = locale;
  const app = createSpreadsheetApp(ws);
  return { app, sheet: app.getActiveSpreadsheet().getSheets()[0] };
}

describe('typing: a leading + or - starts a formula unless the text is a number', () => {
  test('phone-like and word-like text becomes a formula; numbers stay numbers', () => {
    const { sheet } = sheetOf(new Workspace());
    const cell = sheet.getRange('A1');
    cell.setValue('+7 999 123-45-67');
    // Sheets stores "=+7 999 123-45-67" and shows #ERROR! (formula parse error).
    expect(cell.getFormula()).toBe('=+7 999 123-45-67');
    cell.setValue('-abc');
    expect(cell.getFormula()).toBe('=-abc');
    cell.setValue('--');
    expect(cell.getFormula()).toBe('=--');
    for (const [typed, value] of [
      ['+5', 5],
      ['-3,5', -3.5],
      ['-', '-'],
      ['+', '+'],
      [' -x', ' -x'],
    ] as const) {
      cell.setValue(typed);
      expect([cell.getValue(), cell.getFormula()]).toEqual([value, '']);
    }
    sheet.getRange('B1:C1').setValues([['+1 (999) 000', 'ok']]);
    expect(sheet.getRange('B1:C1').getFormulas()).toEqual([['=+1 (999) 000', '']]);
    sheet.appendRow(['-минус', 'x']);
    expect(sheet.getRange('A2').getFormula()).toBe('=-минус');
  });

  test('in en_US "-3.5" is a number; "@" text stays text; the text format and the apostrophe keep anything as typed', () => {
    const { sheet } = sheetOf(new Workspace(), 'en_US');
    const cell = sheet.getRange('A1');
    cell.setValue('-3.5');
    expect(cell.getValue()).toBe(-3.5);
    // No source shows Sheets reading "@name" as a formula (Excel's "@" prefix is not Sheets'): text.
    cell.setValue('@ivanov');
    expect([cell.getValue(), cell.getFormula()]).toEqual(['@ivanov', '']);
    cell.setValue("'+7 999");
    expect([cell.getValue(), cell.getFormula()]).toEqual(['+7 999', '']);
    cell.setNumberFormat('@').setValue('+7 999 123-45-67');
    expect([cell.getValue(), cell.getFormula()]).toEqual(['+7 999 123-45-67', '']);
  });
});

describe('the 50,000-character cell limit', () => {
  test("setValue, setValues, setFormula and appendRow refuse a longer text with Google's message; nothing is written", () => {
    const { sheet } = sheetOf(new Workspace());
    const long = 'я'.repeat(50001);
    expect(CELL_TOO_LONG).toBe('Your input contains more than the maximum of 50000 characters in a single cell.');
    sheet.getRange('A1:B1').setValues([['было', 'было']]);
    expect(() => sheet.getRange('A1').setValue(long)).toThrow(CELL_TOO_LONG);
    expect(() => sheet.getRange('A1:B1').setValues([['новое', long]])).toThrow(CELL_TOO_LONG);
    expect(() => sheet.getRange('A1').setFormula(`="${long}"`)).toThrow(CELL_TOO_LONG);
    expect(() => sheet.appendRow(['новое', long])).toThrow(CELL_TOO_LONG);
    expect(sheet.getDataRange().getValues()).toEqual([['было', 'было']]);
    sheet.getRange('A1').setValue('я'.repeat(50000));
    expect(String(sheet.getRange('A1').getValue())).toHaveLength(50000);
  });
});

describe('LockService.getDocumentLock() can be null', () => {
  test('null with the switch on (Google: outside a containing document); the script lock still works', () => {
    const ws = new Workspace();
    const locks = createLockService(ws);
    expect(locks.getDocumentLock()).not.toBeNull();
    ws.documentLockUnavailable = true;
    expect(locks.getDocumentLock()).toBeNull();
    expect(locks.getScriptLock().tryLock(1000)).toBe(true);
  });
});

describe('an alert blocks while a lock is held', () => {
  test('each alert records whether the script held a lock; the workspace counts those', () => {
    const ws = new Workspace();
    const ui = createSpreadsheetApp(ws).getUi();
    ui.alert('без блокировки');
    const lock = createLockService(ws).getDocumentLock();
    lock.waitLock(1000);
    ui.alert('Ошибка', 'под блокировкой', ui.ButtonSet.OK);
    lock.releaseLock();
    ui.alert('после');
    createLockService(ws).getUserLock().tryLock(10);
    ui.prompt('и запрос');
    expect(ws.ui.map((e) => [e.kind, e.heldLock])).toEqual([
      ['alert', false],
      ['alert', true],
      ['alert', false],
      ['prompt', true],
    ]);
    expect(ws.alertsUnderLock).toBe(2);
  });

  test('in a script execution: an alert shown before releaseLock counts; the runner frees locks at the end', () => {
    const ws = new Workspace();
    const runner = new ScriptRunner(
      ws,
      `function bad() { var l = LockService.getDocumentLock(); l.waitLock(1000); SpreadsheetApp.getUi().alert('Ошибка'); l.releaseLock(); }
       function good() { var l = LockService.getDocumentLock(); l.waitLock(1000); l.releaseLock(); SpreadsheetApp.getUi().alert('Ошибка'); }
       function guarded() { var l = LockService.getDocumentLock(); return l === null ? 'нет блокировки' : 'есть'; }`,
    );
    runner.call('good');
    expect(ws.alertsUnderLock).toBe(0);
    runner.call('bad');
    expect(ws.alertsUnderLock).toBe(1);
    expect(ws.heldLocks.size).toBe(0);
    ws.documentLockUnavailable = true;
    expect(runner.call('guarded')).toBe('нет блокировки');
  });
});

describe('FormApp.create(title) names only the Drive file', () => {
  test('the form is untitled until setTitle; the participant finds it by title, file name or id', () => {
    const ws = new Workspace();
    const FormApp = createFormApp(ws);
    const ss = createSpreadsheetApp(ws).getActiveSpreadsheet();
    const form = FormApp.create('Анкета наставника') as Form;
    expect(form.getTitle()).toBe('');
    expect(ws.drive.byMime(MIME.form).map((e) => e.name)).toEqual(['Анкета наставника']);
    form.addTextItem().setTitle('ФИО');
    form.setPublished(true);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(submitAsParticipant(ws, 'Анкета наставника', { ФИО: 'Иванов' }).form.id).toBe(form.getId());
    form.setTitle('Анкета для наставников');
    expect(form.getTitle()).toBe('Анкета для наставников');
    expect(submitAsParticipant(ws, 'Анкета для наставников', { ФИО: 'Петров' }).form.id).toBe(form.getId());
    expect(submitAsParticipant(ws, 'Анкета наставника', { ФИО: 'Сидоров' }).form.id).toBe(form.getId());
    expect(submitAsParticipant(ws, form.getId(), { ФИО: 'Козлов' }).form.id).toBe(form.getId());
    expect(form.getResponses()).toHaveLength(4);
  });

  test("an untitled form is named by its file in the participant's messages", () => {
    const ws = new Workspace();
    const form = createFormApp(ws).create('Анкета куратора');
    expect(() => submitAsParticipant(ws, form.getId(), {})).toThrow('Форма «Анкета куратора» не опубликована');
  });
});

describe('protections bind other editors', () => {
  function protectedBook() {
    const ws = new Workspace();
    ws.fileEditors = ['teacher@school.ru'];
    const { app, sheet } = sheetOf(ws);
    const ss = app.getActiveSpreadsheet();
    const locked = ss.insertSheet('Целевые группы');
    locked.getRange('A1').setValue('было');
    const protection = locked.protect().setDescription('только куратор');
    protection.removeEditors(protection.getEditors());
    sheet.getRange('A1:A3').protect().setDescription('ID').setWarningOnly(true);
    return { ws, app, ss, sheet, locked, protection };
  }

  test("the owner edits everything; another editor is refused on a protected sheet with Google's text, nothing written", () => {
    const { ws, sheet, locked } = protectedBook();
    expect(PROTECTED_ERROR).toBe('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
    locked.getRange('A2').setValue('куратор');
    ws.activeUser = 'teacher@school.ru';
    for (const write of [
      () => locked.getRange('A1').setValue('учитель'),
      () => locked.getRange('A1:B1').setValues([['x', 'y']]),
      () => locked.getRange('A1').setFormula('=1'),
      () => locked.getRange('A1').clear(),
      () => locked.getRange('A1').clearContent(),
      () => locked.getRange('A:A').setNumberFormat('@'),
      () => locked.getRange('A1').setNote('заметка'),
      () => locked.getRange('A1').setBackground('#ff0000'),
      () => locked.appendRow(['x']),
      () => locked.insertRowsAfter(1, 1),
      () => locked.deleteRow(1),
      () => locked.clearContents(),
    ]) {
      expect(write).toThrow(PROTECTED_ERROR);
    }
    expect(locked.getDataRange().getValues()).toEqual([['было'], ['куратор']]);
    expect(locked.getMaxRows()).toBe(1000);
    // A warning-only protection never stops a script.
    sheet.getRange('A1').setValue('ID-1');
    expect(sheet.getRange('A1').getValue()).toBe('ID-1');
  });

  test('canEdit, getEditors, addEditor and removeEditors follow the users', () => {
    const { ws, locked, protection } = protectedBook();
    expect(protection.canEdit()).toBe(true);
    expect(protection.getEditors()).toEqual([]);
    ws.activeUser = 'teacher@school.ru';
    expect(createSession(ws).getEffectiveUser().getEmail()).toBe('teacher@school.ru');
    const seen = locked.getProtections(createSpreadsheetApp(ws).ProtectionType.SHEET)[0];
    expect(seen.canEdit()).toBe(false);
    ws.activeUser = null;
    seen.addEditor('kurator@cdt-hibiny.ru'); // the owner always edits and is never listed
    seen.addEditor('teacher@school.ru');
    expect(seen.getEditors().map((u) => u.getEmail())).toEqual(['teacher@school.ru']);
    ws.activeUser = 'teacher@school.ru';
    expect(seen.canEdit()).toBe(true);
    locked.getRange('A1').setValue('учитель');
    expect(locked.getRange('A1').getValue()).toBe('учитель');
    // Neither the owner nor the current user can be removed (removeEditor reference).
    seen.removeEditors(['teacher@school.ru', 'kurator@cdt-hibiny.ru']);
    expect(seen.canEdit()).toBe(true);
    ws.activeUser = null;
    seen.removeEditors(['teacher@school.ru']);
    expect(seen.getEditors()).toEqual([]);
  });

  test('a fresh protection mirrors the file until its editors change; range protections lock only their cells', () => {
    const { ws, app, ss } = protectedBook();
    const sheet = ss.insertSheet('Пары');
    const fresh = sheet.getRange('B1:B5').protect();
    ws.activeUser = 'teacher@school.ru';
    expect(fresh.canEdit()).toBe(true);
    expect(fresh.getEditors().map((u) => u.getEmail())).toEqual(['teacher@school.ru']);
    sheet.getRange('B2').setValue('можно');
    ws.activeUser = null;
    fresh.removeEditors(fresh.getEditors());
    ws.activeUser = 'teacher@school.ru';
    expect(() => sheet.getRange('A1:C1').setValues([['a', 'b', 'c']])).toThrow(PROTECTED_ERROR);
    sheet.getRange('A1:A9').setValue('рядом');
    sheet.insertRowsAfter(5, 1); // just below the protected block
    expect(() => sheet.insertRowsAfter(2, 1)).toThrow(PROTECTED_ERROR);
    expect(sheet.getRange('B2').getValue()).toBe('можно');
    expect(app.getActiveSpreadsheet().getSheetByName('Пары')!.getRange('A1').getValue()).toBe('рядом');
  });

  test("a protected sheet's unprotected ranges stay editable; the emulator's own writes are not checked", () => {
    const { ws, locked, protection } = protectedBook();
    protection.setUnprotectedRanges([locked.getRange('C1:C10')]);
    ws.activeUser = 'teacher@school.ru';
    locked.getRange('C2:C3').setValues([['да'], ['нет']]);
    expect(() => locked.getRange('B2:C2').setValues([['x', 'y']])).toThrow(PROTECTED_ERROR);
    ws.calls.untracked(() => locked.getRange('A1').setValue('руками куратора'));
    expect(locked.getRange('A1').getValue()).toBe('руками куратора');
  });
});

describe('a blank active-user e-mail', () => {
  test('getActiveUser().getEmail() is "" when policy hides it; the effective user is still known', () => {
    const ws = new Workspace();
    const session = createSession(ws);
    expect(session.getActiveUser().getEmail()).toBe('kurator@cdt-hibiny.ru');
    ws.activeUserEmailHidden = true;
    expect(session.getActiveUser().getEmail()).toBe('');
    expect(session.getEffectiveUser().getEmail()).toBe('kurator@cdt-hibiny.ru');
  });
});

describe('AuthMode.LIMITED is gated', () => {
  const code = `
    function menu() { SpreadsheetApp.getUi().createAddonMenu().addItem('a', 'b').addToUi(); return 'ok'; }
    function sheet() { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue(1).getValue(); }
    function props() { return PropertiesService.getDocumentProperties().getProperty('x'); }
    function form() { return FormApp.create('x').getId(); }
    function doc() { return DocumentApp.create('x').getId(); }
    function mail() { MailApp.sendEmail('a@b.ru', 's', 'b'); }
    function triggers() { return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).length; }
    function drive() { return DriveApp.getRootFolder().getName(); }`;

  test('LIMITED allows the Ui, the bound spreadsheet and properties; refuses Forms, Docs, mail, Drive and triggers like NONE', () => {
    const ws = new Workspace();
    const runner = new ScriptRunner(ws, code);
    expect(runner.call('menu', [], { authMode: 'LIMITED' })).toBe('ok');
    expect(runner.call('sheet', [], { authMode: 'LIMITED' })).toBe(1);
    expect(runner.call('props', [], { authMode: 'LIMITED' })).toBeNull();
    expect(() => runner.call('form', [], { authMode: 'LIMITED' })).toThrow('You do not have permission to call FormApp.create');
    expect(() => runner.call('doc', [], { authMode: 'LIMITED' })).toThrow('You do not have permission to call DocumentApp.create');
    expect(() => runner.call('mail', [], { authMode: 'LIMITED' })).toThrow('You do not have permission to call MailApp.sendEmail');
    expect(() => runner.call('triggers', [], { authMode: 'LIMITED' })).toThrow('You do not have permission to call ScriptApp.getUserTriggers');
    expect(() => runner.call('drive', [], { authMode: 'LIMITED' })).toThrow('You do not have permission to call DriveApp.getRootFolder');
    expect(ws.drive.byMime(MIME.form)).toHaveLength(0);
    expect(ws.mail).toHaveLength(0);
    // NONE refuses the spreadsheet too; FULL allows everything.
    expect(() => runner.call('sheet', [], { authMode: 'NONE' })).toThrow('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet');
    expect(typeof runner.call('form', [], { authMode: 'FULL' })).toBe('string');
  });
});

describe('google.script.run refuses Dates and functions', () => {
  test('arguments: a Date or a function anywhere fails the call; undefined in arrays becomes null', () => {
    expect(scriptRunWire([1, 'a', null, true, { x: [1, undefined] }])).toEqual({ ok: true, value: [1, 'a', null, true, { x: [1, null] }] });
    expect(scriptRunWire([{ skip: undefined, keep: 1 }])).toEqual({ ok: true, value: [{ keep: 1 }] });
    const refused = [[new Date()], [{ when: [new Date()] }], [() => 1], [{ run: () => 1 }], [new Map()]];
    for (const args of refused) expect(scriptRunWire(args).ok).toBe(false);
    expect(scriptRunWire([{ at: new Date(0) }])).toMatchObject({ ok: false, message: expect.stringContaining('Date') });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(scriptRunWire([cycle]).ok).toBe(false);
    const shared = { a: 1 };
    expect(scriptRunWire([shared, shared])).toEqual({ ok: true, value: [{ a: 1 }, { a: 1 }] });
  });

  test('results are copied by the same rule: a Date inside makes the whole result null', () => {
    expect(scriptRunResult({ ok: true, list: [1, undefined] })).toEqual({ ok: true, list: [1, null] });
    expect(scriptRunResult({ ok: true, at: new Date() })).toBeNull();
    expect(scriptRunResult(undefined)).toBeNull();
    // The script's values come from its own realm (the runner's vm), where instanceof fails.
    expect(scriptRunResult(vm.runInNewContext('({ ids: ["a"], n: 1 })'))).toEqual({ ids: ['a'], n: 1 });
    expect(scriptRunResult(vm.runInNewContext('({ at: [new Date()] })'))).toBeNull();
  });
});

describe('the time zone is pinned', () => {
  test("tests run in America/Los_Angeles, far from the programme's Europe/Moscow", () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
    expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(480);
  });
});

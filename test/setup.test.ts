import { WORKBOOK, SHEET } from '../src/core/workbook/sheets';
import { freshAddon, look, sheetValues } from './helpers/addon';
import { Workspace } from '../local/emulator/workspace';
import { cachedSetup, faultSweep, workspaceState } from './helpers/faults';

type Outcome = { ok: boolean; message: string; created?: string[] };

function cellsOf(ws: Workspace): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  for (const sheet of ws.spreadsheet.sheets) {
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell && (cell.v !== '' || cell.f)) cells.set(`${sheet.name}!R${r + 1}C${c + 1}`, cell.f ?? (cell.v instanceof Date ? cell.v.toISOString() : cell.v));
      }),
    );
  }
  return cells;
}

describe('setupWorkbook on a new spreadsheet', () => {
  const { ws, runner } = freshAddon();
  const result = runner.call('setupWorkbook') as Outcome;

  test('creates every sheet of the programme, in order, and drops the empty «Лист1»', () => {
    expect(result.ok).toBe(true);
    expect(ws.spreadsheet.sheets.map((s) => s.name)).toEqual(WORKBOOK.map((d) => d.name));
  });

  test('«Настройки» keep what the curator types as text: a phone «+7 …» is not a formula', () => {
    const row = sheetValues(ws, SHEET.settings).findIndex((r) => r[0] === 'Телефон куратора') + 1;
    look(ws, (ss) => ss.getSheetByName(SHEET.settings)!.getRange(row, 2).setValue('+7 (81531) 5-00-00'));
    expect(sheetValues(ws, SHEET.settings)[row - 1][1]).toBe('+7 (81531) 5-00-00');
    expect(ws.spreadsheet.findSheet(SHEET.settings)!.cell(row, 2)?.f).toBeFalsy();
  });

  test('headers are Russian, bold, frozen; validations and protections are in place', () => {
    const pairs = ws.spreadsheet.findSheet(SHEET.pairs)!;
    expect(pairs.frozenRows).toBe(1);
    const header = sheetValues(ws, SHEET.pairs)[0];
    expect(header).toEqual(expect.arrayContaining(['Наставник', 'Наставляемый', 'Форма', 'Балл', 'Обоснование', 'Статус']));
    const status = header.indexOf('Статус') + 1;
    const rule = look(ws, (ss) => ss.getSheetByName(SHEET.pairs)!.getRange(2, status).getDataValidation());
    expect(rule?.getCriteriaValues()[0]).toEqual(['предложена', 'утверждена', 'активна', 'завершена', 'отклонена']);
    expect(pairs.cell(1, 1)?.style?.bold).toBe(true);
    const idProtection = ws.spreadsheet.findSheet(SHEET.mentees)!.protections.find((p) => p.description.includes('«ID»'));
    expect(idProtection).toMatchObject({ type: 'RANGE', warningOnly: true });
    const restricted = ws.spreadsheet.findSheet(SHEET.groupMembers)!.protections;
    expect(restricted).toEqual([expect.objectContaining({ type: 'SHEET', warningOnly: false, editors: [] })]);
  });

  test('the form dropdown on the bases reads the list on «Формы наставничества»', () => {
    const header = sheetValues(ws, SHEET.mentees)[0];
    const column = header.indexOf('Желаемая форма') + 1;
    const rule = look(ws, (ss) => ss.getSheetByName(SHEET.mentees)!.getRange(5, column).getDataValidation());
    expect(rule?.getCriteriaType()).toBe('VALUE_IN_RANGE');
  });

  test('settings, the forms of mentoring, the six target groups and the 32-item roadmap are filled', () => {
    const settings = sheetValues(ws, SHEET.settings);
    expect(settings.find((r) => r[0] === 'Получатель справок мониторинга')?.[1]).toBe('МКУ «УСР»');
    expect(
      sheetValues(ws, SHEET.forms)
        .slice(1)
        .map((r) => r[0]),
    ).toContain('педагог – педагог');
    expect(
      sheetValues(ws, SHEET.targetGroups)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['ОВЗ', 'ОДАР', 'ТЖС', 'МАЛ', 'СЕЛ', 'СИР']);
    const roadmap = sheetValues(ws, SHEET.roadmap);
    expect(roadmap).toHaveLength(33);
    expect(roadmap[1][0]).toBe('1.1');
    expect(roadmap.find((r) => r[0] === '5.2')?.[3]).toBe('до 01.10 ежегодно');
  });

  test('tells the curator what happened: a toast, a log entry, and what to fill in', () => {
    expect(ws.ui.some((e) => e.kind === 'toast' && e.text?.includes('Созданы листы'))).toBe(true);
    expect(result.message).toContain('Заполните на листе «Настройки»');
    const log = sheetValues(ws, SHEET.log);
    expect(log[1][2]).toBe('Настройка рабочей книги');
    expect(log[1][0]).toBeInstanceOf(Date);
  });
});

describe('setupWorkbook on a workbook the curator has filled', () => {
  function filled() {
    const { ws, runner } = freshAddon();
    runner.call('setupWorkbook');
    look(ws, (ss) => {
      const mentees = ss.getSheetByName(SHEET.mentees)!;
      const header = mentees.getRange(1, 1, 1, mentees.getLastColumn()).getValues()[0];
      const at = (h: string) => header.indexOf(h) + 1;
      mentees.getRange(2, at('ФИО')).setValue('Иванова Анна Сергеевна');
      mentees.getRange(2, at('Комментарий куратора')).setValue('позвонить маме в пятницу');
      if (mentees.getMaxColumns() <= header.length) mentees.insertColumnAfter(header.length);
      mentees.getRange(1, header.length + 1, 2, 1).setValues([['Мой столбец'], ['личная пометка']]);
      mentees.deleteColumn(at('Интересы'));
      const settings = ss.getSheetByName(SHEET.settings)!;
      settings.getRange(2, 2).setValue('Моё название');
      settings.deleteRow(5);
      ss.getSheetByName(SHEET.roadmap)!.getRange(3, 7).setValue('выполнено');
    });
    return { ws, runner };
  }

  test('a second run changes nothing the curator entered and repairs what is missing', () => {
    const { ws, runner } = filled();
    const before = cellsOf(ws);
    const result = runner.call('setupWorkbook') as Outcome;
    expect(result.ok).toBe(true);
    const after = cellsOf(ws);
    for (const [key, value] of before) expect([key, after.get(key)]).toEqual([key, value]);
    expect(result.message).toContain('«Интересы»');
    expect(result.message).toContain('На лист «Настройки» добавлено строк: 1');
    const header = sheetValues(ws, SHEET.mentees)[0];
    expect(header.indexOf('Интересы')).toBeGreaterThan(header.indexOf('Мой столбец'));
  });

  test('a third run changes nothing at all', () => {
    const { ws, runner } = filled();
    runner.call('setupWorkbook');
    const before = cellsOf(ws);
    const protections = ws.spreadsheet.sheets.map((s) => s.protections.length);
    const result = runner.call('setupWorkbook') as Outcome;
    expect(result.message).toContain('ничего не изменено');
    const withoutLog = (cells: Map<string, unknown>) => new Map([...cells].filter(([k]) => !k.startsWith(`${SHEET.log}!`)));
    expect(withoutLog(cellsOf(ws))).toEqual(withoutLog(before));
    expect(ws.spreadsheet.sheets.map((s) => s.protections.length)).toEqual(protections);
  });
});

describe('when something goes wrong', () => {
  test('a failing service call reaches the curator as a readable Russian alert, and a re-run finishes the job', () => {
    const { ws, runner } = freshAddon();
    ws.calls.failOn('Range.setValues', { after: 3, message: 'Service Spreadsheets timed out while accessing document' });
    const result = runner.call('setupWorkbook') as Outcome;
    expect(result.ok).toBe(false);
    const alert = ws.ui.find((e) => e.kind === 'alert')!;
    expect(alert.text).toContain('Не удалось выполнить действие «Настройка рабочей книги»');
    expect(alert.text).not.toMatch(/\n\s+at /);
    const again = runner.call('setupWorkbook') as Outcome;
    expect(again.ok).toBe(true);
    expect(ws.spreadsheet.sheets.map((s) => s.name)).toEqual(WORKBOOK.map((d) => d.name));
  });

  test('while another operation holds the lock, nothing is written and the curator is told to wait', () => {
    const { ws, runner } = freshAddon();
    ws.heldLocks.add('document');
    const result = runner.call('setupWorkbook') as Outcome;
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Сейчас выполняется другая операция');
    expect(ws.spreadsheet.sheets.map((s) => s.name)).toEqual(['Лист1']);
  });

  test("a spreadsheet with the curator's own first sheet keeps it", () => {
    const { ws, runner } = freshAddon();
    look(ws, (ss) => ss.getSheets()[0].getRange('A1').setValue('мои заметки'));
    runner.call('setupWorkbook');
    expect(ws.spreadsheet.sheets[0].name).toBe('Лист1');
  });
});

describe('cost', () => {
  test('service calls of a repair do not grow with the rows in the bases', () => {
    const totals = [50, 2000].map((rows) => {
      const { ws, runner } = freshAddon();
      runner.call('setupWorkbook');
      look(ws, (ss) => {
        const sheet = ss.getSheetByName(SHEET.mentees)!;
        sheet.insertRowsAfter(sheet.getMaxRows(), rows);
        sheet.getRange(2, 2, rows, 1).setValues(Array.from({ length: rows }, (_v, i) => [`Участник ${i}`]));
      });
      ws.calls.reset();
      runner.call('setupWorkbook');
      return ws.calls.total();
    });
    expect(totals[1]).toBe(totals[0]);
  });
});

describe('the curator-only sheet of target groups', () => {
  function groupProtection(ws: Workspace) {
    return ws.spreadsheet.findSheet(SHEET.groupMembers)!.protections.find((p) => p.type === 'SHEET')!;
  }

  test("the user running setup is made an editor before everyone else is removed (Google's sample)", () => {
    const { ws, runner } = freshAddon();
    ws.fileEditors.push('zavuch@cdt-hibiny.ru', 'metodist@cdt-hibiny.ru');
    ws.activeUser = 'zavuch@cdt-hibiny.ru';
    expect((runner.call('setupWorkbook') as Outcome).ok).toBe(true);
    const p = groupProtection(ws);
    expect(p.editors).toEqual(['zavuch@cdt-hibiny.ru']);
    expect(p.description).toContain('Целевые группы участников');
    expect(ws.calls.count('Protection.addEditor')).toBe(1);
  });

  test("an effective user whose e-mail is hidden ('') does not stop setup", () => {
    const { ws, runner } = freshAddon();
    ws.userEmail = '';
    const result = runner.call('setupWorkbook') as Outcome;
    expect(result.ok).toBe(true);
    expect(ws.calls.count('Protection.addEditor')).toBe(0);
    expect(groupProtection(ws).description).toContain('Целевые группы');
  });
});

describe('setupWorkbook and enableAutoImport under a fault at any service call', () => {
  test('setupWorkbook, run again after the fault, ends as a clean setup', () => {
    const report = faultSweep({
      setup: freshAddon,
      operation: { name: 'setupWorkbook' },
      snapshot: (ws) => workspaceState(ws, ['sheets', 'properties'], { ignoreSheets: [SHEET.log] }),
      maxFaults: process.env.FULL_SWEEP ? 100000 : 60,
    });
    expect(report.faults).toBeGreaterThanOrEqual(Object.keys(report.calls).length);
    expect(report.diffs).toEqual([]);
  });

  test('enableAutoImport never leaves two triggers', () => {
    const report = faultSweep({
      setup: cachedSetup(() => {
        const fresh = freshAddon();
        fresh.runner.call('setupWorkbook');
        return fresh;
      }),
      operation: { name: 'enableAutoImport' },
      snapshot: (ws) => workspaceState(ws, ['triggers']),
    });
    expect(report.diffs).toEqual([]);
  });
});

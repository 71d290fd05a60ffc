import { WORKBOOK, SHEET } from '../src/core/workbook/sheets';
import { freshAddon, look, sheetValues } from './helpers/addon';
import { Workspace } from '../local/emulator/workspace';
import { cachedSetup, faultSweep, workspaceState } from './helpers/faults';
import { inScript } from './helpers/in-script';
import { createSpreadsheetApp } from '../local/emulator/sheets/app';
import { SYNONYM_SEED, vocabulary } from '../src/core/pairing/synonyms';
import { loadSettings, loadSynonyms } from '../src/server/settings';

type Outcome = { ok: boolean; message: string; created?: string[]; settingsProblems?: string[] };

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

const NEW_MENTEE_COLUMNS = ['Новый сотрудник', 'Направление (конкурс, проект)', 'Темы запроса от третьих лиц'];
const NEW_MENTOR_COLUMNS = ['Возраст', 'Из них мест для педагогов'];
const FLOORS = ['Не предлагать пару, если ни одна тема запроса не закрыта', 'Не предлагать пару, если форматы встреч несовместимы', 'Не предлагать пару, если нет общего удобного времени'];
const OBSOLETE = ['Порог балла для предложения пары', 20, 'Пары с меньшим баллом (из 100) не предлагаются'];

describe('what matching reads: the new columns, the floors and «Синонимы запросов»', () => {
  test('a new workbook has them, with the seeded synonyms, rules and notes; a re-run adds no synonym twice', () => {
    const { ws, runner } = freshAddon();
    runner.call('setupWorkbook');
    const mentees = sheetValues(ws, SHEET.mentees)[0];
    expect(mentees.indexOf('Направление (конкурс, проект)')).toBe(mentees.indexOf('Запрос') + 1);
    expect(mentees.indexOf('Темы запроса от третьих лиц')).toBe(mentees.indexOf('Сведения от третьих лиц') + 1);
    expect(mentees.indexOf('Новый сотрудник')).toBe(mentees.indexOf('Стаж, лет') + 1);
    const mentors = sheetValues(ws, SHEET.mentors)[0];
    expect(mentors.indexOf('Возраст')).toBe(mentors.indexOf('Класс (для обучающихся)') + 1);
    expect(mentors.indexOf('Из них мест для педагогов')).toBe(mentors.indexOf('Готов взять наставляемых') + 1);
    const rule = (sheet: string, header: string) =>
      look(ws, (ss) => {
        const s = ss.getSheetByName(sheet)!;
        const at = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].indexOf(header) + 1;
        const r = s.getRange(2, at).getDataValidation();
        return { type: r?.getCriteriaType(), values: r?.getCriteriaValues(), note: s.getRange(1, at).getNote() };
      });
    expect(rule(SHEET.mentees, 'Новый сотрудник')).toMatchObject({ values: [['да', 'нет'], true], note: expect.stringContaining('при любом стаже') });
    expect(rule(SHEET.mentors, 'Возраст')).toMatchObject({ type: 'NUMBER_BETWEEN', values: [10, 80] });
    expect(rule(SHEET.mentors, 'Из них мест для педагогов')).toMatchObject({ values: [0, 30], note: expect.stringContaining('Пусто — без разделения') });
    expect(rule(SHEET.mentees, 'Формат встреч').values![0]).toEqual(['очно', 'дистанционно', 'смешанный', 'только очно', 'только дистанционно']);
    // A meeting that took place was held one way: no «только …» there.
    expect(rule(SHEET.meetings, 'Формат').values![0]).toEqual(['очно', 'дистанционно', 'смешанный']);
    const names = ws.spreadsheet.sheets.map((s) => s.name);
    expect(names.indexOf(SHEET.synonyms)).toBe(names.indexOf(SHEET.settings) + 1);
    const synonyms = sheetValues(ws, SHEET.synonyms);
    expect(synonyms[0]).toEqual(['Слово или фраза', 'Означает то же, что', 'Комментарий куратора']);
    expect(synonyms.slice(1).map((r) => [r[0], r[1]])).toEqual(SYNONYM_SEED.map((r) => [r.term, r.meaning]));
    const settings = sheetValues(ws, SHEET.settings);
    for (const label of FLOORS) expect(settings.find((r) => r[0] === label)?.[1]).toBe('да');
    expect(settings.some((r) => String(r[0]).startsWith('Порог балла'))).toBe(false);
    const again = runner.call('setupWorkbook') as Outcome;
    expect(again.message).toContain('ничего не изменено');
    expect(sheetValues(ws, SHEET.synonyms)).toHaveLength(SYNONYM_SEED.length + 1);
  });

  /** A workbook set up before this version: no synonyms sheet, none of the new columns, the score threshold. */
  function older() {
    const { ws, runner } = freshAddon();
    runner.call('setupWorkbook');
    look(ws, (ss) => {
      ss.deleteSheet(ss.getSheetByName(SHEET.synonyms)!);
      for (const [name, headers] of [
        [SHEET.mentees, NEW_MENTEE_COLUMNS],
        [SHEET.mentors, NEW_MENTOR_COLUMNS],
      ] as const) {
        const sheet = ss.getSheetByName(name)!;
        for (const h of headers) sheet.deleteColumn(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf(h) + 1);
        const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
        const at = (h: string) => header.indexOf(h) + 1;
        sheet.getRange(2, at('ID')).setValue(name === SHEET.mentees ? 'НЯ-0001' : 'НК-0001');
        sheet.getRange(2, at('ФИО')).setValue('Иванова Анна Сергеевна');
        sheet.getRange(2, at('Стаж, лет')).setValue(7);
        sheet.getRange(2, at('Комментарий куратора')).setValue('позвонить в пятницу');
      }
      const settings = ss.getSheetByName(SHEET.settings)!;
      const labels = settings
        .getRange(1, 1, settings.getLastRow(), 1)
        .getValues()
        .map((r) => String(r[0]));
      for (const label of [...FLOORS].reverse()) settings.deleteRow(labels.indexOf(label) + 1);
      settings.getRange(settings.getLastRow() + 1, 1, 1, 3).setValues([OBSOLETE]);
    });
    return { ws, runner };
  }

  test('an older workbook gets them from setup, and nothing it held moves or changes', () => {
    const { ws, runner } = older();
    const before = cellsOf(ws);
    const result = runner.call('setupWorkbook') as Outcome;
    expect(result.ok).toBe(true);
    const after = cellsOf(ws);
    for (const [key, value] of before) expect([key, after.get(key)]).toEqual([key, value]);
    expect(result.message).toContain(`Созданы листы: «${SHEET.synonyms}»`);
    expect(result.message).toContain(`На лист «${SHEET.mentees}» добавлены столбцы: ${NEW_MENTEE_COLUMNS.map((h) => `«${h}»`).join(', ')}`);
    expect(result.message).toContain(`На лист «${SHEET.mentors}» добавлены столбцы: ${NEW_MENTOR_COLUMNS.map((h) => `«${h}»`).join(', ')}`);
    expect(result.message).toContain('На лист «Настройки» добавлено строк: 3');
    // The old threshold is left where it was and read by nothing: no complaint about it.
    expect(result.settingsProblems).toEqual([]);
    const settings = sheetValues(ws, SHEET.settings);
    expect(settings.find((r) => r[0] === OBSOLETE[0])).toEqual(OBSOLETE);
    for (const label of FLOORS) expect(settings.find((r) => r[0] === label)?.[1]).toBe('да');
    expect(sheetValues(ws, SHEET.synonyms)).toHaveLength(SYNONYM_SEED.length + 1);
    // The new columns are empty for the people already there, and found by their headers.
    const row = (name: string) => {
      const [header, first] = sheetValues(ws, name);
      return Object.fromEntries(header.map((h, i) => [String(h), first[i]]));
    };
    for (const h of NEW_MENTEE_COLUMNS) expect(row(SHEET.mentees)[h]).toBe('');
    for (const h of NEW_MENTOR_COLUMNS) expect(row(SHEET.mentors)[h]).toBe('');
    const { settings: read, problems } = inScript(ws, () => loadSettings(SpreadsheetApp.getActive()));
    expect(problems).toEqual([]);
    expect([read.floorRequest, read.floorFormat, read.floorSchedule]).toEqual([true, true, true]);
    expect((runner.call('setupWorkbook') as Outcome).message).toContain('ничего не изменено');
  });

  test('the floors read as the curator sets them; a value that is neither «да» nor «нет» is reported and the default kept', () => {
    const { ws, runner } = freshAddon();
    runner.call('setupWorkbook');
    look(ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.settings)!;
      const labels = sheet
        .getRange(1, 1, sheet.getLastRow(), 1)
        .getValues()
        .map((r) => String(r[0]));
      sheet.getRange(labels.indexOf(FLOORS[0]) + 1, 2).setValue('нет');
      sheet.getRange(labels.indexOf(FLOORS[2]) + 1, 2).setValue('может быть');
    });
    const { settings, problems } = inScript(ws, () => loadSettings(SpreadsheetApp.getActive()));
    expect([settings.floorRequest, settings.floorFormat, settings.floorSchedule]).toEqual([false, true, true]);
    expect(problems).toEqual([`«${FLOORS[2]}»: ожидается «да» или «нет», указано «может быть»; взято «да».`]);
  });

  test("the curator's synonyms are read as she keeps them: her rows, a cancelled row skipped; the seed while the sheet is missing", () => {
    const { ws, runner } = freshAddon();
    runner.call('setupWorkbook');
    look(ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.synonyms)!;
      const terms = sheet
        .getRange(1, 1, sheet.getLastRow(), 1)
        .getValues()
        .map((r) => String(r[0]));
      // She disagrees that «учёба» is a difficulty, and adds a word of her centre.
      sheet.getRange(terms.indexOf('учёба') + 1, 2).setValue('');
      const last = sheet.getLastRow();
      if (sheet.getMaxRows() < last + 2) sheet.insertRowsAfter(sheet.getMaxRows(), 2);
      sheet.getRange(last + 1, 1, 2, 2).setValues([
        ['вокал', 'музыка и вокал'],
        ['', ''],
      ]);
    });
    const rows = inScript(ws, () => loadSynonyms(SpreadsheetApp.getActive()));
    expect(rows).toHaveLength(SYNONYM_SEED.length);
    expect(rows).toContainEqual({ term: 'вокал', meaning: 'музыка и вокал' });
    expect(rows.some((r) => r.term === 'учёба')).toBe(false);
    const v = vocabulary(rows);
    expect(v.canonical('Вокал')).toBe('музыка и вокал');
    expect(v.canonical('учёба')).toBe('учеба');
    expect(v.canonical('профориентация')).toBe('выбор профессии');
    // A re-run keeps her edits: the cancelled row is not filled again, her row stays single.
    runner.call('setupWorkbook');
    expect(inScript(ws, () => loadSynonyms(SpreadsheetApp.getActive()))).toEqual(rows);
    look(ws, (ss) => ss.deleteSheet(ss.getSheetByName(SHEET.synonyms)!));
    expect(inScript(ws, () => loadSynonyms(SpreadsheetApp.getActive()))).toEqual(SYNONYM_SEED);
  });
});

describe('a dropdown of ours that has gained values since the workbook was made', () => {
  const columnOf = (sheet: GoogleAppsScript.Spreadsheet.Sheet, header: string) => sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf(header) + 1;
  const listOf = (ws: Workspace, header: string) =>
    look(ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.mentees)!;
      return (sheet.getRange(2, columnOf(sheet, header)).getDataValidation()?.getCriteriaValues()[0] as string[] | undefined) ?? [];
    });
  /** An older workbook's dropdown, or one the curator changed herself. */
  const setList = (ws: Workspace, header: string, values: string[]) =>
    ws.calls.untracked(() => {
      const app = createSpreadsheetApp(ws);
      const sheet = app.getActive().getSheetByName(SHEET.mentees)!;
      sheet.getRange(2, columnOf(sheet, header), sheet.getMaxRows() - 1, 1).setDataValidation(app.newDataValidation().requireValueInList(values, true).build());
    });

  test('«Формат встреч» of an older workbook gets «только очно» and «только дистанционно»; a list the curator widened herself is kept', () => {
    const { ws, runner } = freshAddon();
    runner.call('setupWorkbook');
    setList(ws, 'Формат встреч', ['очно', 'дистанционно', 'смешанный']);
    setList(ws, 'Категория', ['обучающийся', 'педагог', 'родитель']);
    runner.call('setupWorkbook');
    expect(listOf(ws, 'Формат встреч')).toEqual(['очно', 'дистанционно', 'смешанный', 'только очно', 'только дистанционно']);
    expect(listOf(ws, 'Категория')).toEqual(['обучающийся', 'педагог', 'родитель']);
    // A third run has nothing to widen.
    ws.calls.reset();
    runner.call('setupWorkbook');
    expect(ws.calls.count('Range.setDataValidation')).toBe(0);
  });
});

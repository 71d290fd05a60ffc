import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SHEET } from '../src/core/workbook/sheets';
import { loadWorkspace, saveWorkspace } from '../local/persist/folder';
import { MIME } from '../local/emulator/drive-store';
import type { SpreadsheetModel } from '../local/emulator/sheets/model';
import type { Workspace } from '../local/emulator/workspace';
import { approvedAfterMeeting } from './helpers/people';
import { Outcome, programme, setCells, table, typeRows } from './helpers/programme';
import { cachedSetup, faultSweep, stateWithoutLog } from './helpers/faults';

const YEAR_END = new Date('2027-06-15T07:00:00Z');

/** A year of work: approved pairs, meetings, feedback, a roadmap row done, the year in «Настройки». */
function yearOfWork() {
  const p = approvedAfterMeeting();
  const { ws } = p;
  setCells(ws, SHEET.settings, 'Параметр', 'Учебный год', { Значение: '2026/2027' });
  const units = table(ws, SHEET.pairs).filter((r) => r['Статус'] === 'утверждена');
  typeRows(
    ws,
    SHEET.meetings,
    units.map((u, k) => ({ ID: `ВС-${k + 1}`, 'Пара / группа': u['Группа'] || u.ID, Дата: new Date('2026-10-12T09:00:00Z'), 'Тип встречи': 'знакомство', Тема: 'Знакомство' })),
  );
  typeRows(
    ws,
    SHEET.feedback,
    units.map((u, k) => ({ ID: `ОС-${k + 1}`, Дата: new Date('2026-11-20T09:00:00Z'), 'Пара / группа': u['Группа'] || u.ID, Роль: 'наставляемый', 'Удовлетворённость (1–10)': 9 })),
  );
  setCells(ws, SHEET.roadmap, '№', '5.2', { Статус: 'выполнено', 'Дата выполнения': new Date('2026-10-05T09:00:00Z'), 'Свой срок': new Date('2026-10-10T09:00:00Z') });
  return p;
}

const at = (ws: Workspace, when: Date) => {
  ws.now = () => when;
};

const archives = (ws: Workspace) => ws.drive.byMime(MIME.spreadsheet);

/** The rows of one sheet of the archive copy, as a person reads them. */
function archived(ws: Workspace, sheet: string): unknown[][] {
  const book = archives(ws)[0].content as SpreadsheetModel;
  const model = book.sheets.find((s) => s.name === sheet)!;
  return Array.from({ length: model.lastRow() }, (_v, r) => Array.from({ length: model.lastColumn() }, (_w, c) => model.cell(r + 1, c + 1)?.v ?? ''));
}

const setup = cachedSetup(() => {
  const p = yearOfWork();
  at(p.ws, YEAR_END);
  return p;
});

describe('startNewYear', () => {
  test('archives the year, resets the live workbook and proposes last year’s mentor first', () => {
    const { ws, runner } = setup();
    const before = {
      pairs: table(ws, SHEET.pairs),
      meetings: table(ws, SHEET.meetings),
      feedback: table(ws, SHEET.feedback),
      mentees: table(ws, SHEET.mentees),
      mentors: table(ws, SHEET.mentors),
    };
    const worked = before.pairs.filter((r) => r['Статус'] === 'утверждена');
    expect(worked.length).toBeGreaterThan(0);
    expect(before.meetings).toHaveLength(worked.length);

    // From the menu: the dialog says what will happen; the curator answers «Да».
    const out = runner.call('startNewYear') as Outcome;
    expect(out.ok).toBe(true);
    const dialog = ws.ui.filter((e) => e.kind === 'alert').pop()!;
    expect(dialog.text).toContain('«Архив — МАОДО ЦДТ «Хибины» — 2026/2027»');
    expect(dialog.heldLock).toBe(false);
    expect(out.message).toContain('Начат учебный год 2027/2028');

    // One archive, in the programme folder, with every row of the year; registered in «Документы».
    expect(archives(ws)).toHaveLength(1);
    const archive = archives(ws)[0];
    expect(archive.name).toBe('Архив — МАОДО ЦДТ «Хибины» — 2026/2027');
    expect(ws.drive.folderPath(archive).join('/')).toMatch(/^Наставничество — /);
    expect(archived(ws, SHEET.pairs)).toHaveLength(before.pairs.length + 1);
    expect(archived(ws, SHEET.meetings)).toHaveLength(before.meetings.length + 1);
    expect(archived(ws, SHEET.feedback)).toHaveLength(before.feedback.length + 1);
    expect(
      archived(ws, SHEET.pairs)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(before.pairs.map((r) => r.ID));
    const register = table(ws, 'Документы').find((r) => r['ID документа'] === archive.id)!;
    expect(register['Вид']).toBe('Архив учебного года');
    expect(out.message).toContain(String(register['Ссылка']));

    // The year's sheets are empty; the bases keep everyone, back «в базе», training kept.
    for (const name of [SHEET.pairs, SHEET.meetings, SHEET.feedback, SHEET.monitoring, SHEET.preferences]) expect(table(ws, name)).toEqual([]);
    const mentees = table(ws, SHEET.mentees);
    const mentors = table(ws, SHEET.mentors);
    expect(mentees.map((m) => m.ID)).toEqual(before.mentees.map((m) => m.ID));
    expect(mentors.map((m) => m.ID)).toEqual(before.mentors.map((m) => m.ID));
    expect(mentees.filter((m) => m['Статус'] === 'в паре')).toEqual([]);
    expect(mentors.filter((m) => m['Статус'] === 'в паре')).toEqual([]);
    expect(mentors.map((m) => m['Школа наставников'])).toEqual(before.mentors.map((m) => m['Школа наставников']));
    for (const pair of worked) {
      const mentee = mentees.find((m) => m.ID === pair['ID наставляемого'])!;
      expect(mentee['Прежний наставник (ID)']).toBe(pair['ID наставника']);
      expect(mentee['Статус']).toBe('в базе');
      expect(mentee['Наставник']).toBe('');
    }
    expect(mentees.find((m) => m['ФИО'] === 'Без Согласия Иван')!['Прежний наставник (ID)']).toBe('');

    // «Настройки» and «Дорожная карта» start the new year.
    expect(table(ws, SHEET.settings).find((r) => r['Параметр'] === 'Учебный год')!['Значение']).toBe('2027/2028');
    const row = table(ws, SHEET.roadmap).find((r) => r['№'] === '5.2')!;
    expect([row['Статус'], row['Дата выполнения'], row['Свой срок'], row['Основание'], row['Документ']]).toEqual(['не начато', '', '', '', '']);
    // The deadlines are the new year's (September 2027 to August 2028); only the kept bases and
    // training count (they are this year's evidence), nothing of the archived year's pairs, orders,
    // meetings or feedback (stages 5–7).
    const roadmap = table(ws, SHEET.roadmap);
    const dues = roadmap.map((r) => r['Срок (дата)']).filter((d): d is Date => d instanceof Date);
    expect(dues.length).toBeGreaterThan(20);
    for (const d of dues) expect(d.getTime()).toBeGreaterThanOrEqual(Date.UTC(2027, 7, 31));
    for (const d of dues) expect(d.getTime()).toBeLessThan(Date.UTC(2028, 8, 1));
    const done = roadmap.filter((r) => r['Статус'] !== 'не начато').map((r) => String(r['№']));
    for (const n of done) expect(['2.1', '2.2', '3.2', '4.2']).toContain(n);
    expect(roadmap.filter((r) => /^[5-7]\./.test(String(r['№']))).every((r) => r['Статус'] === 'не начато' && r['Документ'] === '')).toBe(true);

    // Matching proposes Волкова with Громов again and says why.
    expect((runner.call('computeMatches') as Outcome).ok).toBe(true);
    const volkova = mentees.find((m) => m['ФИО'] === 'Волкова Анна Павловна')!;
    const proposal = table(ws, SHEET.pairs).find((r) => r['ID наставляемого'] === volkova.ID)!;
    expect(proposal['ID наставника']).toBe(volkova['Прежний наставник (ID)']);
    expect(String(proposal['Обоснование'])).toMatch(/продолжить с тем же наставником \+10(,0)?: пара прошлого учебного года/);

    // «Обновить дорожную карту» in June, after the new year began: still the new year's deadlines.
    expect((runner.call('refreshRoadmap') as Outcome).ok).toBe(true);
    const june = table(ws, SHEET.roadmap)
      .map((r) => r['Срок (дата)'])
      .filter((d): d is Date => d instanceof Date);
    expect(june.length).toBe(dues.length);
    for (const d of june) expect(d.getTime()).toBeGreaterThanOrEqual(Date.UTC(2027, 7, 31));

    // The same click again in the new year: nothing happens, and it says so.
    const again = runner.call('startNewYear', [{ confirmed: true }]) as Outcome;
    expect(again.ok).toBe(true);
    expect(again.message).toContain('Учебный год 2027/2028 уже начат, повторно ничего не сделано');
    expect(archives(ws)).toHaveLength(1);
  });

  test('the archive is an .xlsx in the programme folder of the local workspace, and loads back whole', async () => {
    const { ws, runner } = setup();
    const pairs = table(ws, SHEET.pairs).map((r) => r.ID);
    expect((runner.call('startNewYear', [{ confirmed: true }]) as Outcome).ok).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-new-year-'));
    await saveWorkspace(ws, dir);
    const folder = fs.readdirSync(path.join(dir, 'drive')).find((f) => f.startsWith('Наставничество'))!;
    expect(fs.readdirSync(path.join(dir, 'drive', folder))).toContain('Архив — МАОДО ЦДТ «Хибины» — 2026_2027.xlsx');
    const loaded = await loadWorkspace(dir);
    expect(archives(loaded)).toHaveLength(1);
    expect(
      archived(loaded, SHEET.pairs)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(pairs);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('refuses while pairs are still at work, unless the curator confirms; a «Нет» changes nothing', () => {
    const { ws, runner } = setup();
    at(ws, new Date('2027-03-01T07:00:00Z'));
    const refused = runner.call('startNewYear', [{ confirmed: true }]) as Outcome;
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/^Учебный год ещё не закончен: \d+ пар[аы]? в работе до 31\.05\.2027/);
    expect(archives(ws)).toHaveLength(0);

    ws.answerDialog = () => 'NO';
    const declined = runner.call('startNewYear') as Outcome;
    expect(declined.ok).toBe(false);
    expect(declined.message).toBe('Новый учебный год не начат: ничего не изменено.');
    // The dialog warned that pairs are at work.
    expect(ws.ui.filter((e) => e.kind === 'alert').pop()!.text).toContain('⚠ Учебный год ещё не закончен');
    expect(archives(ws)).toHaveLength(0);

    const forced = runner.call('startNewYear', [{ confirmed: true, force: true }]) as Outcome;
    expect(forced.ok).toBe(true);
    expect(archives(ws)).toHaveLength(1);
  });

  test('refuses when there is nothing to archive', () => {
    const { ws, runner } = programme();
    setCells(ws, SHEET.settings, 'Параметр', 'Учебный год', { Значение: '2026/2027' });
    const out = runner.call('startNewYear', [{ confirmed: true }]) as Outcome;
    expect(out.ok).toBe(false);
    expect(out.message).toContain('Архивировать нечего');
    expect(archives(ws)).toHaveLength(0);
    expect(table(ws, SHEET.settings).find((r) => r['Параметр'] === 'Учебный год')!['Значение']).toBe('2026/2027');
  });

  test('a failure at any service call, then a re-run, ends as a clean run: one archive, nothing lost', () => {
    const report = faultSweep({
      setup,
      operation: { name: 'startNewYear', args: [{ confirmed: true }] },
      // The archive's own content too (its «Журнал» gains the failed run's row, as the live one does).
      snapshot: (ws) => ({
        live: stateWithoutLog(ws),
        archive: archives(ws).map((a) => (a.content as SpreadsheetModel).sheets.filter((s) => s.name !== SHEET.log).map((s) => [s.name, s.lastRow(), JSON.stringify(s.rows)])),
      }),
      maxFaults: process.env.FULL_SWEEP ? 400 : 15,
    });
    expect(report.diffs).toEqual([]);
    expect(report.faults).toBeGreaterThan(0);
  });
});

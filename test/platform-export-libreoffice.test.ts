/**
 * The exported CSV opened by LibreOffice Calc (UTF-8, «;», as a curator or the municipality would
 * open it), converted to .xlsx and read back: Cyrillic intact, a hostile name stays text.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { SHEET } from '../src/core/workbook/sheets';
import { isStoredBytes } from '../local/emulator/drive-store';
import { look } from './helpers/addon';
import { approvedAfterMeeting } from './helpers/people';
import { Outcome } from './helpers/programme';
import { parseCsv } from './core/export/rfc4180';

const FORMULA_NAME = '=HYPERLINK("http://evil.example";"Ёлкина")';

const office = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
if (!office) console.warn('Проверка выгрузки в LibreOffice пропущена: установите libreoffice-calc-nogui (.ci/run делает это сам).');

(office ? test : test.skip)(
  'LibreOffice opens the CSV with Cyrillic intact; the formula-looking name is text',
  async () => {
    const { ws, runner } = approvedAfterMeeting();
    look(ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.mentees)!;
      const values = sheet.getDataRange().getValues();
      const row = values.findIndex((r) => r[1] === 'Смирнова Алиса Андреевна');
      sheet
        .getRange(row + 1, 2)
        .setNumberFormat('@')
        .setValue(FORMULA_NAME);
    });
    expect((runner.call('exportForPlatform') as Outcome).ok).toBe(true);
    const file = [...ws.drive.entries.values()].find((e) => e.mimeType === 'text/csv' && !e.trashed)!;
    if (!isStoredBytes(file.content)) throw new Error('no CSV content');
    const bytes = Buffer.from(file.content.bytes);
    const expected = parseCsv(bytes.toString('utf8').slice(1));

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-platform-'));
    try {
      const csv = path.join(dir, 'export.csv');
      fs.writeFileSync(csv, bytes);
      // 59 = «;», 34 = «"», 76 = UTF-8, from line 1.
      execFileSync(office!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--infilter=CSV:59,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, csv], {
        env: { ...process.env, HOME: dir },
        timeout: 120000,
        stdio: 'pipe',
      });
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path.join(dir, 'export.xlsx'));
      const sheet = book.worksheets[0];
      const header = expected[0];
      expect(sheet.rowCount).toBe(expected.length);
      const textColumns = ['Роль', 'ID', 'ФИО', 'Категория', 'Организация', 'Пара', 'Форма наставничества', 'Наставник', 'Наставляемый', 'Статус пары'];
      expected.forEach((record, r) => {
        const row = sheet.getRow(r + 1);
        header.forEach((name, c) => {
          const value = row.getCell(c + 1).value;
          // Nothing LibreOffice read is a formula.
          expect(value !== null && typeof value === 'object' && 'formula' in value).toBe(false);
          if (r === 0 || textColumns.includes(name)) expect(String(value ?? '')).toBe(record[c]);
        });
      });
      const names = expected.slice(1).map((r) => r[header.indexOf('ФИО')]);
      expect(names).toContain(`'${FORMULA_NAME}`);
      expect(names).toContain('Белова Ирина Сергеевна');
      expect(String(sheet.getRow(1).getCell(1).value)).toBe('Роль');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  180000,
);

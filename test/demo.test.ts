import { readBuild, startRunner } from '../local/emulator/session';
import { Workspace } from '../local/emulator/workspace';
import { playDemoYear } from '../local/demo/year';
import { documentText } from '../local/emulator/docs/model';
import type { DocumentModel } from '../local/emulator/docs/model';
import { SHEET } from '../src/core/workbook/sheets';
import { table } from './helpers/programme';

describe('the demo programme year (npm start)', () => {
  const ws = new Workspace({ seed: 'demo-2026' });
  const steps = playDemoYear(ws, startRunner(ws, readBuild()));

  test('runs every stage without a failed step', () => {
    expect(steps.length).toBeGreaterThanOrEqual(12);
    expect(steps.map((s) => s.result).join('\n')).not.toMatch(/Не удалось/);
  });

  test('the order names every approved pair of the workbook', () => {
    const approved = table(ws, SHEET.pairs).filter((p) => p['Статус'] === 'утверждена');
    expect(approved.length).toBeGreaterThan(40);
    const order = ws.drive.byMime('application/vnd.google-apps.document').find((d) => d.name.startsWith('Приказ об утверждении'))!;
    const text = documentText(order.content as DocumentModel);
    for (const p of approved) {
      expect(text).toContain(String(p['Наставник']));
      expect(text).toContain(String(p['Наставляемый']));
    }
  });

  test('bases hold a believable centre: pupils 7–18, teachers, partners, consents, one anonymised family', () => {
    const mentees = table(ws, SHEET.mentees);
    const ages = mentees.map((m) => Number(m['Возраст'])).filter((a) => a > 0);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(7);
    expect(Math.max(...ages)).toBeLessThanOrEqual(18);
    expect(mentees.some((m) => m['Категория'] === 'педагог')).toBe(true);
    expect(table(ws, SHEET.mentors).map((m) => m['Категория'])).toEqual(expect.arrayContaining(['педагог', 'сотрудник партнёра', 'обучающийся']));
    expect(mentees.filter((m) => String(m['ФИО']).startsWith('Обезличено'))).toHaveLength(1);
    expect(ws.mail.length).toBeGreaterThan(0);
  });
});

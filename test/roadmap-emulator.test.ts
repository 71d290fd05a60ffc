import { approvedAfterMeeting } from './helpers/people';
import { look } from './helpers/addon';
import { Outcome, table } from './helpers/programme';
import { SHEET } from '../src/core/workbook/sheets';

const row = (ws: Parameters<typeof table>[0], number: string) => table(ws, SHEET.roadmap).find((r) => r['№'] === number)!;

describe('refreshRoadmap in the emulator', () => {
  test('statuses from evidence, overrides kept, a deleted row restored, a bad «Свой срок» named, highlights set, idempotent', () => {
    const { ws, runner } = approvedAfterMeeting('05.10.2026');
    // The curator's own cells: a status without evidence, a comment, an own date and a wrong one.
    look(ws, (ss) => {
      const sheet = ss.getSheetByName(SHEET.roadmap)!;
      const head = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
      const rows = sheet.getDataRange().getValues();
      const at = (n: string) => rows.findIndex((r) => r[0] === n) + 1;
      sheet.getRange(at('1.3'), head.indexOf('Статус') + 1).setValue('выполнено');
      sheet.getRange(at('1.3'), head.indexOf('Комментарий куратора') + 1).setValue('сайт и родительские собрания');
      sheet.getRange(at('1.4'), head.indexOf('Свой срок') + 1).setValue('к пятнице');
      sheet.getRange(at('2.2'), head.indexOf('Свой срок') + 1).setValue('20.10.2026');
      sheet.deleteRow(at('3.5'));
    });
    const first = runner.call('refreshRoadmap') as Outcome;
    expect(first.ok).toBe(true);
    expect(first.message).toMatch(/Восстановлены удалённые строки: 3\.5/);
    expect(first.message).toMatch(/Пункт 1\.4 \(строка \d+\): в столбце «Свой срок» «к пятнице» — не дата/);
    const rows = table(ws, SHEET.roadmap);
    expect(rows).toHaveLength(32);
    // Every activity has a date in 2026/2027 (Sept 2026 – Aug 2027).
    for (const r of rows) {
      const due = r['Срок (дата)'];
      expect(due).toBeInstanceOf(Date);
    }
    // 15.10 is 15.10 in Moscow.
    const due21 = look(ws, () => row(ws, '2.1')['Срок (дата)'] as Date);
    expect(due21.toISOString()).toBe('2026-10-14T21:00:00.000Z');
    // The pairs order of approvePairs: evidence with its link.
    const r52 = row(ws, '5.2');
    expect(['выполнено', 'в работе']).toContain(r52['Статус']);
    expect(String(r52['Основание'])).toMatch(/Приказ об утверждении пар/);
    expect(String(r52['Документ'])).toMatch(/^https:\/\/docs\.google\.com\/document\//);
    expect(String(row(ws, '2.1')['Основание'])).toMatch(/^База наставляемых: \d+ человек/);
    // The curator's cells stay.
    expect(row(ws, '1.3')['Статус']).toBe('выполнено');
    expect(row(ws, '1.3')['Комментарий куратора']).toBe('сайт и родительские собрания');
    expect(row(ws, '1.4')['Свой срок']).toBe('к пятнице');
    expect(row(ws, '1.3')['Основание']).toBe('');
    // Highlights: two rules over the data rows, marked as the tracker's.
    const rules = look(ws, (ss) =>
      ss
        .getSheetByName(SHEET.roadmap)!
        .getConditionalFormatRules()
        .map((r) => ({ formula: String(r.getBooleanCondition()!.getCriteriaValues()[0]), color: r.getBooleanCondition()!.getBackground(), a1: r.getRanges()[0].getA1Notation() })),
    );
    expect(rules).toHaveLength(2);
    expect(rules[0].formula).toMatch(/TODAY\(\)/);
    expect(rules[1].formula).toMatch(/TODAY\(\)\+7/);
    expect(rules[0].a1.startsWith('A2:')).toBe(true);
    // A second run changes nothing.
    const before = JSON.stringify(table(ws, SHEET.roadmap));
    const second = runner.call('refreshRoadmap') as Outcome;
    expect(second.ok).toBe(true);
    expect(second.message).toMatch(/сроков обновлено — 0, статусов по данным рабочей книги — 0/);
    expect(JSON.stringify(table(ws, SHEET.roadmap))).toBe(before);
  });
});

import fc from 'fast-check';
import { readSettings, SETTINGS } from '../../src/core/settings';
import { normalizeHeader } from '../../src/core/workbook/headers';
import { describePlans, planSheet, SheetSnapshot } from '../../src/core/workbook/setup-plan';
import { SHEET, WORKBOOK, sheetDef } from '../../src/core/workbook/sheets';

const snap = (header: unknown[], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({
  name: 'x',
  header,
  lastRow: 1,
  maxRows: 1000,
  seedKeys: [],
  protectionDescriptions: [],
  sheetProtected: false,
  frozenRows: 1,
  ...extra,
});

describe('the workbook layout', () => {
  test('has every sheet the design names, each header unique within its sheet', () => {
    const names = WORKBOOK.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(Object.values(SHEET)));
    for (const def of WORKBOOK) {
      const headers = def.columns.map((c) => normalizeHeader(c.header));
      expect(new Set(headers).size).toBe(headers.length);
    }
  });

  test('the pairs sheet has the key columns of the stable interface', () => {
    expect(sheetDef('pairs').columns.map((c) => c.header)).toEqual(expect.arrayContaining(['Группа', 'Наставник', 'Наставляемый', 'Форма', 'Балл', 'Обоснование', 'Статус']));
    expect(sheetDef('roadmap').columns.map((c) => c.header)).toEqual(expect.arrayContaining(['№', 'Мероприятие', 'Срок', 'Ответственные', 'Результат', 'Статус']));
  });

  test('the roadmap has 32 activities in 7 stages', () => {
    const rows = sheetDef('roadmap').seed!.rows;
    expect(rows).toHaveLength(32);
    expect(new Set(rows.map((r) => String(r.number).split('.')[0])).size).toBe(7);
  });
});

describe('planning a sheet', () => {
  const mentees = sheetDef('mentees');

  test('a missing sheet is created with every header', () => {
    const plan = planSheet(mentees, null);
    expect(plan.create).toBe(true);
    expect(plan.newHeaders?.column).toBe(1);
    expect(plan.newHeaders?.headers).toEqual(mentees.columns.map((c) => c.header));
  });

  test('a sheet with all headers in another order, renamed in case, changes nothing', () => {
    const header = [...mentees.columns].reverse().map((c) => ` ${c.header.toUpperCase()} `);
    const plan = planSheet(mentees, snap(header, { protectionDescriptions: [] }));
    expect(plan.newHeaders).toBeNull();
    expect(plan.seedRows).toBeNull();
    expect(describePlans([plan])).toEqual(['Рабочая книга уже в порядке: ничего не изменено.']);
  });

  test('property: existing columns never move, missing ones go right of the last used column', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(mentees.columns.map((c) => c.header)), fc.array(fc.constantFrom('Мой столбец', 'Заметки', ''), { maxLength: 4 }), (kept, curatorColumns) => {
        const header = [...kept, ...curatorColumns];
        const plan = planSheet(mentees, snap(header));
        const lastUsed = header.reduce<number>((last, h, i) => (normalizeHeader(h) ? i + 1 : last), 0);
        for (const c of plan.columns) {
          if (!c.added) expect(normalizeHeader(header[c.column - 1])).toBe(normalizeHeader(c.def.header));
          else expect(c.column).toBeGreaterThan(lastUsed);
        }
        const used = plan.columns.map((c) => c.column);
        expect(new Set(used).size).toBe(used.length);
      }),
    );
  });

  test('seed rows: only the missing ones are appended below the last row', () => {
    const settings = sheetDef('settings');
    const present = SETTINGS.slice(0, 5).map((s) => s.label);
    const plan = planSheet(settings, snap(['Параметр', 'Значение', 'Пояснение', 'Моё'], { lastRow: 9, seedKeys: [...present, '', 'чужая строка'] }));
    expect(plan.seedRows?.appendAt).toBe(10);
    expect(plan.seedRows?.rows.map((r) => r[0])).toEqual(SETTINGS.slice(5).map((s) => s.label));
    expect(plan.seedRows?.rows.every((r) => r.length === 3)).toBe(true); // the curator's 4th column is not written
  });

  test('system columns are protected once; the sensitive sheet is protected as a whole', () => {
    const first = planSheet(mentees, null);
    const descriptions = first.protectColumns.map((p) => p.description);
    expect(descriptions.length).toBeGreaterThan(0);
    const again = planSheet(
      mentees,
      snap(
        mentees.columns.map((c) => c.header),
        { protectionDescriptions: descriptions },
      ),
    );
    expect(again.protectColumns).toEqual([]);
    const members = planSheet(sheetDef('groupMembers'), null);
    expect(members.protectSheet).toContain('конфиденциальные');
    expect(planSheet(sheetDef('groupMembers'), snap(['ID участника'], { sheetProtected: true })).protectSheet).toBeNull();
  });
});

describe('settings', () => {
  test('defaults fill what is empty; bad values are reported in Russian and not used', () => {
    const { settings, problems } = readSettings([
      ['Вес: общие интересы', 'много'],
      ['Порог удовлетворённости (из 10)', '7,5'],
      ['Псевдонимный режим (коды вместо ФИО)', 'да'],
      ['Учебный год', ' 2026/2027 '],
    ]);
    expect(settings.weightInterests).toBe(20);
    expect(settings.satisfactionThreshold).toBe(7.5);
    expect(settings.pseudonymousMode).toBe(true);
    expect(settings.requireTraining).toBe(false);
    expect(settings.academicYear).toBe('2026/2027');
    expect(problems).toEqual(['«Вес: общие интересы»: значение «много» не подходит (нужно число от 0 до 100); взято 20.']);
  });
});

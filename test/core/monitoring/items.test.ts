import {
  FEEDBACK_ITEMS,
  FEEDBACK_RATINGS,
  MAY_SURVEY,
  MONITORING_ITEMS,
  type MonitoringItem,
  ROLES,
  SWOT_QUADRANTS,
  SWOT_QUESTIONNAIRE,
  checkItemBank,
  itemsFor,
  pairedItems,
  satisfactionCode,
  swotItemsFor,
} from '../../../src/core/monitoring';
import { MENTORING_FORMS } from '../../../src/core/domain/forms-of-mentoring';
import { sheetDef } from '../../../src/core/workbook/sheets';

describe('the entry and exit diagnostics (МР-42/02 skeleton)', () => {
  test('the paired 1–10 items of each role, by code', () => {
    expect(pairedItems('наставляемый').map((i) => i.code)).toEqual(['effectiveness', 'comfort', 'mentorHelp', 'personalMeetings', 'groupMeetings', 'satisfaction', 'clarity']);
    expect(pairedItems('наставник').map((i) => i.code)).toEqual(['effectiveness', 'engagement', 'satisfaction', 'personalMeetings', 'groupMeetings', 'comfort', 'curatorSupport']);
  });

  test('entry asks about expectations, exit about experience, in the same item', () => {
    for (const role of ROLES) {
      for (const item of pairedItems(role)) {
        expect(item.entry).toMatch(/^Насколько[ ,].*вы ожидаете/);
        expect(item.exit).toMatch(/^Насколько /);
        expect(item.exit).not.toMatch(/ожида|будет|будут/);
        expect(item.entry).not.toBe(item.exit);
      }
    }
  });

  test('exit-only questions are not asked at entry; form-specific ones only in their form', () => {
    const entry = itemsFor('наставляемый', 'входная', 'ученик – ученик').map((i) => i.code);
    expect(entry).toContain('satisfaction');
    expect(entry).not.toContain('liked');
    expect(entry).not.toContain('becomeMentor');
    const peerExit = itemsFor('наставляемый', 'итоговая', 'ученик – ученик').map((i) => i.code);
    expect(peerExit).toEqual(expect.arrayContaining(['expectationsMet', 'valuable', 'missing', 'liked', 'continue', 'becomeMentor']));
    expect(peerExit).not.toContain('staying');
    const teacherExit = itemsFor('наставляемый', 'итоговая', 'педагог – педагог').map((i) => i.code);
    expect(teacherExit).toEqual(expect.arrayContaining(['meetingFrequency', 'classesUseful', 'supportFelt', 'staying', 'ownWork']));
    expect(teacherExit).not.toContain('becomeMentor');
    expect(itemsFor('наставник', 'итоговая').map((i) => i.code)).toContain('trainingEnough');
  });

  test('each role has one satisfaction item, and the bank passes its own check', () => {
    expect(satisfactionCode('наставляемый')).toBe('satisfaction');
    expect(satisfactionCode('наставник')).toBe('satisfaction');
    expect(checkItemBank(MONITORING_ITEMS)).toEqual([]);
  });

  test('the bank is plain data a sheet could hold', () => {
    expect(JSON.parse(JSON.stringify(MONITORING_ITEMS))).toEqual(MONITORING_ITEMS);
  });

  test('a bank edited badly is refused with reasons the curator can act on', () => {
    const bad: MonitoringItem[] = [
      { code: 'x y', kind: 'scale', label: 'X', entry: 'Насколько?', required: true },
      { code: 'dup', kind: 'choice', label: 'D', exit: 'Что?', required: true },
      { code: 'dup', kind: 'open', label: 'D', required: false },
    ];
    const problems = checkItemBank({ наставляемый: bad, наставник: MONITORING_ITEMS.наставник });
    expect(problems).toEqual([
      'анкета наставляемого, код «x y»: код — латинские буквы и цифры, без пробелов',
      'анкета наставляемого, код «dup»: не указаны варианты ответа',
      'анкета наставляемого, код «dup»: код повторяется',
      'анкета наставляемого, код «dup»: нет формулировки ни для входной, ни для итоговой диагностики',
      'Анкета наставляемого: нет вопроса об удовлетворённости',
    ]);
  });
});

describe('monthly feedback, the May survey and SWOT', () => {
  test('the feedback’s ratings land in the columns «Обратная связь» has', () => {
    const columns = sheetDef('feedback').columns.map((c) => c.key);
    for (const item of FEEDBACK_ITEMS) expect(columns).toContain(item.column);
    expect(FEEDBACK_ITEMS.filter((i) => i.kind === 'scale').map((i) => i.code)).toEqual([...FEEDBACK_RATINGS]);
  });

  test('the May survey asks satisfaction on the 1–10 scale', () => {
    const sat = MAY_SURVEY.items.filter((i) => i.satisfaction);
    expect(sat).toHaveLength(1);
    expect(sat[0].kind).toBe('scale');
    expect(new Set(MAY_SURVEY.items.map((i) => i.code)).size).toBe(MAY_SURVEY.items.length);
  });

  test('the SWOT questionnaire: every form gets all four quadrants, the form-specific questions only their own', () => {
    for (const form of MENTORING_FORMS.map((f) => f.name)) {
      const items = swotItemsFor(form);
      expect(new Set(items.map((i) => i.quadrant))).toEqual(new Set(SWOT_QUADRANTS.map((q) => q.code)));
      for (const q of SWOT_QUADRANTS) expect(items.some((i) => i.quadrant === q.code && i.kind === 'open')).toBe(true);
      expect(items.every((i) => !i.forms || i.forms.includes(form))).toBe(true);
    }
    const codes = SWOT_QUESTIONNAIRE.items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(swotItemsFor('педагог – педагог').map((i) => i.code)).toContain('teacherRetention');
    expect(swotItemsFor('ученик – ученик').map((i) => i.code)).not.toContain('teacherRetention');
  });
});

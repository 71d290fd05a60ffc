import { fillSpec } from '../../src/core/documents/template/fill-spec';
import { specText } from '../../src/core/documents/model';
import {
  DEVELOPMENT_PLAN_FIELDS,
  DevelopmentPlanInput,
  PlanMentee,
  developmentPlanData,
  developmentPlanTemplate,
  developmentPlanTitle,
  planPeriod,
  requestText,
} from '../../src/core/documents/development-plan';
import { readSettings } from '../../src/core/settings';
import { nameOverrides } from '../../src/core/language';

const settings = (over: Record<string, unknown> = {}) => ({
  ...readSettings([]).settings,
  curatorName: 'Петрова Елена Андреевна',
  academicYear: '2026/2027',
  pairsEnd: '31.05.2027',
  ...over,
});
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

const alisa: PlanMentee = {
  id: 'НЯ-0001',
  name: 'Смирнова Алиса Андреевна',
  details: '7 кл., Изостудия «Северное сияние»',
  minor: true,
  topics: ['подготовка к конкурсу, олимпиаде, выставке'],
  request: 'Хочу подготовиться к областной выставке',
  thirdPartyTopics: ['подготовка к конкурсу, олимпиаде, выставке', 'общение со сверстниками'],
};
const gleb: PlanMentee = { id: 'НЯ-0002', name: 'Орлов Глеб Игоревич', details: '8 кл.', minor: true, topics: ['проект или исследование'], request: '', thirdPartyTopics: [] };
const mentor = { id: 'НК-0001', name: 'Белова Ирина Сергеевна', details: 'педагог дополнительного образования, Изостудия «Северное сияние»', minor: false };

function plan(over: Partial<DevelopmentPlanInput> = {}) {
  const input: DevelopmentPlanInput = { settings: settings(), unitId: 'ПА-0001', group: false, form: 'педагог – ученик', mentor, mentees: [alisa], start: { year: 2026, month: 10, day: 1 }, ...over };
  const { data, missing } = developmentPlanData(input);
  const { spec, plan: filled } = fillSpec(developmentPlanTemplate(input.settings), data, DEVELOPMENT_PLAN_FIELDS);
  return { spec, notes: filled.notes, missing, text: plain(specText(spec)) };
}

describe('the development plan from its default template', () => {
  test('every mark of the default template is known and filled', () => {
    const { text, notes, missing } = plan();
    expect(notes).toEqual([]);
    expect(missing).toEqual([]);
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).not.toMatch(/undefined|NaN|null/);
  });

  test('a pair: the mentee by name, the form, the period from the start to the end in «Настройки», the five meetings', () => {
    const { text } = plan();
    expect(text).toContain('Индивидуальный план развития наставляемого');
    expect(text).not.toContain('группы наставляемых');
    expect(text).toContain('Наставническая пара: ПА-0001');
    expect(text).toContain('Форма наставничества: педагог – ученик');
    expect(text).toContain('Наставник: Белова Ирина Сергеевна, педагог дополнительного образования');
    expect(text).toContain('Срок реализации: с 01.10.2026 по 31.05.2027');
    expect(text).toContain('Наставляемая и её запрос');
    const meetings = ['Встреча-знакомство', 'Пробная рабочая встреча', 'Встреча-планирование', 'Регулярные встречи', 'Итоговая встреча'];
    const at = meetings.map((m) => text.indexOf(m));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('1–2 раза в неделю');
  });

  test('a group: its ID, every mentee with their request, the plan made with the group', () => {
    const { text } = plan({ unitId: 'Г-0001', group: true, mentees: [alisa, gleb] });
    expect(text).toContain('Индивидуальный план развития группы наставляемых');
    expect(text).not.toContain('Индивидуальный план развития наставляемого');
    expect(text).toContain('Наставническая группа: Г-0001');
    expect(text).toContain('Наставляемые и их запросы');
    expect(text).toContain('1\tСмирнова Алиса Андреевна');
    expect(text).toContain('2\tОрлов Глеб Игоревич\t8 кл.\tТемы: проект или исследование');
    expect(text).toContain('План составлен наставником Беловой Ириной Сергеевной совместно с наставляемыми группы Г-0001');
  });

  test('names agree and decline: the instrumental of the pair, a parent of a minor in the genitive, the curator with initials', () => {
    const { text } = plan();
    expect(text).toContain('План составлен наставником Беловой Ириной Сергеевной совместно с наставляемой Смирновой Алисой Андреевной на встрече-планировании.');
    expect(text).toContain('Наставник\tИ.С. Белова');
    expect(text).toContain('Наставляемая\tА.А. Смирнова');
    expect(text).toContain('Родитель (законный представитель) наставляемой А.А. Смирновой');
    expect(text).toContain('________________ Е.А. Петрова');
    const boy = plan({ mentees: [gleb] }).text;
    expect(boy).toContain('Наставляемый и его запрос');
    expect(boy).toContain('Родитель (законный представитель) наставляемого Г.И. Орлова');
    const adult = plan({ mentees: [{ ...gleb, minor: false }] }).text;
    expect(adult).not.toContain('Родитель');
    // A pupil mentor (ученик – ученик) under 18: a parent signs for the mentor too.
    const pupilMentor = plan({ mentor: { ...mentor, name: 'Кузнецов Артём Олегович', minor: true } }).text;
    expect(pupilMentor).toContain('Родитель (законный представитель) наставника А.О. Кузнецова');
  });

  test("the curator's correction of a declined name wins", () => {
    const { overrides } = nameOverrides([{ name: 'Белова Ирина Сергеевна', grammaticalCase: 'творительный', form: 'Беловой Ириной Сергеевной (исправлено)' }]);
    expect(plan({ nameOverrides: overrides }).text).toContain('наставником Беловой Ириной Сергеевной (исправлено)');
  });

  test("the request: the mentee's topics and words, then third parties' topics marked and not repeated", () => {
    expect(requestText(alisa)).toBe(
      'Темы: подготовка к конкурсу, олимпиаде, выставке\nСо слов наставляемой: Хочу подготовиться к областной выставке\nПо запросу педагогов, специалистов или родителей: общение со сверстниками',
    );
    expect(requestText({ ...gleb, topics: [] })).toBe('—');
  });

  test('no invented facts: goal, tasks, dates and results are blanks for the pen', () => {
    const { text } = plan();
    expect(text).toMatch(/3\. Цель\n[^\n]+\n_{40,}\n_{40,}\n4\. Задачи\n1\. _{40,}/);
    expect(text).toMatch(/7\. Ожидаемые результаты\n_{40,}/);
    expect(text).toContain('Итоговая встреча проведена: «___» ____________ 20___ г.');
    expect(text).toContain('выполнен полностью / выполнен частично / не выполнен');
    // The schedule's dates are blank columns, not dates.
    expect(text).toMatch(/1\tВстреча-знакомство\t[^\t]+\tодин раз\t\t/);
  });

  test('the period: an end or a year missing leaves a blank and a note, never a made-up date', () => {
    expect(planPeriod(settings(), null)).toBe('с «___» ____________ 20___ г. по 31.05.2027');
    expect(planPeriod(settings({ pairsEnd: '' }), { year: 2026, month: 10, day: 1 })).toBe('с 01.10.2026 до окончания 2026/2027 учебного года');
    expect(planPeriod(settings({ pairsEnd: '' }), null)).toBe('2026/2027 учебный год');
    expect(planPeriod(settings({ pairsEnd: '', academicYear: '' }), null)).toBe('с «___» ____________ 20___ г. по «___» ____________ 20___ г.');
    const { missing } = plan({ settings: settings({ pairsEnd: '', curatorName: '' }) });
    expect(missing).toEqual(['куратор (ФИО)', 'срок работы пар и групп (по какую дату)']);
  });

  test("people's text is data: a mark typed into a request is not filled", () => {
    const { text } = plan({ mentees: [{ ...alisa, request: 'мой {{организация}} запрос' }] });
    expect(text).toContain('мой { {организация} } запрос');
  });

  test("titles are unique per pair, group and a group's later pairs", () => {
    expect(developmentPlanTitle('ПА-0001', false)).toBe('Индивидуальный план развития — пара ПА-0001');
    expect(developmentPlanTitle('Г-0004', true)).toBe('Индивидуальный план развития — группа Г-0004');
    expect(developmentPlanTitle('Г-0004', true, ['ПА-0009'])).toBe('Индивидуальный план развития — группа Г-0004 (ПА-0009)');
  });

  test("the layout of the orders: page numbers from page 2, the settings' font, tables with header rows", () => {
    const spec = developmentPlanTemplate(settings({ docFont: 'PT Serif' }));
    expect(spec.pageNumbers).toBe(true);
    expect(spec.font).toBe('PT Serif');
    expect(spec.margins.left).toBe(30);
    const tables = spec.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(4);
    for (const t of tables) if (t.kind === 'table') expect(t.header?.length).toBeGreaterThan(1);
  });
});

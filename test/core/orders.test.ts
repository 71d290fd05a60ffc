import { fillSpec } from '../../src/core/documents/template/fill-spec';
import { planFill } from '../../src/core/documents/template/plan';
import { tokensOf } from '../../src/core/documents/template/syntax';
import { specText } from '../../src/core/documents/model';
import { PAIRS_ORDER_FIELDS, pairsOrderData, pairsOrderTemplate, OrderPairRow } from '../../src/core/documents/order-pairs';
import { TRAINING_ORDER_FIELDS, trainingOrderData, trainingOrderTemplate } from '../../src/core/documents/order-training';
import { readSettings } from '../../src/core/settings';
import { NBSP, nameOverrides } from '../../src/core/language';

const settings = (over: Record<string, unknown> = {}) => ({
  ...readSettings([]).settings,
  curatorName: 'Петрова Елена Андреевна',
  directorName: 'Громова Валентина Ивановна',
  orgShortName: 'МАОДО ЦДТ «Хибины»',
  academicYear: '2026/2027',
  ...over,
});
const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const mentee = (id: string, name: string) => ({ id, name, details: 'Изостудия, 7 кл.', request: 'проект, проект, выбор профессии' });
const rows: OrderPairRow[] = [
  { form: 'педагог – ученик', mentorId: 'НК-0001', mentor: 'Громов Олег Павлович', mentorDetails: 'педагог дополнительного образования', mentees: [mentee('НЯ-1', 'Сидорова Анна Павловна')] },
  {
    form: 'педагог – ученик',
    mentorId: 'НК-0002',
    mentor: 'Белова Ирина Сергеевна',
    mentorDetails: 'методист',
    mentees: [mentee('НЯ-2', 'Орлов Глеб Игоревич'), mentee('НЯ-3', 'Смирнова Алиса Андреевна'), mentee('НЯ-4', 'Волкова Анна Павловна')],
  },
  // The same mentor in another form is another unit: a second pair, not a bigger group.
  {
    form: 'педагог – педагог',
    mentorId: 'НК-0002',
    mentor: 'Белова Ирина Сергеевна',
    mentorDetails: 'методист',
    mentees: [{ id: 'НЯ-5', name: 'Лебедев Иван Ильич', details: '', request: 'методика' }],
  },
];
const staff = [
  { name: 'Петрова Елена Андреевна', position: 'Заместитель директора' },
  { name: 'Громов Олег Павлович', position: 'педагог дополнительного образования' },
];

function pairsOrder(over: Partial<Parameters<typeof pairsOrderData>[0]> = {}) {
  const input = { settings: settings(), order: { date: null, number: '' }, rows, staff, staffMentors: 2, unmatched: 2, ...over };
  const { data, missing } = pairsOrderData(input);
  const { spec, plan } = fillSpec(pairsOrderTemplate(input.settings), data, PAIRS_ORDER_FIELDS);
  return { spec, plan, missing, text: specText(spec) };
}

describe('the pairs order from its default template', () => {
  test('every mark of the default template is known and filled', () => {
    const { text, plan } = pairsOrder();
    expect(plan.notes).toEqual([]);
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).not.toMatch(/undefined|NaN|null/);
  });
  test('the curator in the dative, counts per the one definition of a pair and a group', () => {
    const { text } = pairsOrder();
    const t = plain(text);
    expect(t).toContain('Куратору программы наставничества Петровой Елене Андреевне в течение срока работы пар');
    expect(t).toContain('Всего: 2 пары, 1 группа, 5 наставляемых.');
    expect(t).toContain('«педагог – ученик» — 1 пара, 1 группа, 4 наставляемых; «педагог – педагог» — 1 пара, 0 групп, 1 наставляемый');
    expect(t).toContain('(2 человека)');
    expect(t).toContain('В.И. Громова');
    // The requests of a child are not repeated in the cell.
    expect(t).toContain('проект, выбор профессии');
    expect(t).not.toContain('проект, проект');
  });
  test("no invented facts: date and number blank for the director, the Положение with the settings' requisites", () => {
    const blank = plain(pairsOrder().text);
    expect(blank).toContain('«___» ____________ 20___ г.');
    expect(blank).toContain('№ ________');
    expect(blank).toContain('на 2026/2027 учебный год');
    expect(blank).not.toMatch(/\d{2}\.\d{2}\.2026/);
    const given = pairsOrder({ settings: settings({ regulationOrder: 'от 01.09.2021 № 45-о/д', pairsEnd: '31.05.2027' }), order: { date: { year: 2026, month: 12, day: 1 }, number: '123-о/д' } });
    const t = plain(given.text);
    expect(t).toContain('01.12.2026\t№ 123-о/д');
    expect(t).toContain('Положением о наставничестве МАОДО ЦДТ «Хибины», утверждённым приказом от 01.09.2021 № 45-о/д');
    expect(t).toContain('на период с 01.12.2026 по 31.05.2027');
    expect(given.missing).toContain('реквизиты приказа об утверждении программы наставничества');
    expect(given.text).toContain(`№${NBSP}123-о/д`);
    expect(given.text).toContain(`МАОДО${NBSP}ЦДТ${NBSP}«Хибины»`);
  });
  test('optional items go, and the numbering has no gap', () => {
    const none = plain(pairsOrder({ staffMentors: 0, unmatched: 0 }).text);
    expect(none).not.toContain('351.8');
    expect(none).not.toContain('продолжить поиск');
    const items = none.match(/^\d+\. /gm);
    expect(items).toEqual(['1. ', '2. ', '3. ', '4. ']);
    const all = plain(pairsOrder().text).match(/^\d+\. /gm);
    expect(all).toEqual(['1. ', '2. ', '3. ', '4. ', '5. ', '6. ']);
  });
  test('the familiarisation sheet lists the curator and the staff mentors with their positions', () => {
    const { spec } = pairsOrder();
    const sheet = spec.blocks.filter((b) => b.kind === 'table').pop()!;
    expect(sheet.kind === 'table' && sheet.rows.map((r) => r.slice(0, 3).map(plain))).toEqual([
      ['1', 'Петрова Елена Андреевна', 'Заместитель директора'],
      ['2', 'Громов Олег Павлович', 'педагог дополнительного образования'],
    ]);
  });
  test('a name override from «Настройки» wins over the library', () => {
    const overrides = nameOverrides([{ name: 'Петрова Елена Андреевна', grammaticalCase: 'дательный', form: 'Петровой Елене Андреевне (исправлено)' }]).overrides;
    expect(pairsOrder({ nameOverrides: overrides }).text).toContain('Андреевне (исправлено)');
  });
  test("a participant's «{{…}}» stays text, never a mark", () => {
    const hostile = [{ ...rows[0], mentees: [{ ...rows[0].mentees[0], request: '{{номер}} {{если:есть_без_пары}}' }] }];
    const { text } = pairsOrder({ rows: hostile, order: { date: null, number: '77' } });
    expect(text).toContain('{ {номер} }');
  });
  test('another centre and curator appear, Хибины nowhere', () => {
    const other = settings({
      orgName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 7»',
      orgShortName: 'МБОУ СШ № 7',
      curatorName: 'Ильин Сергей Петрович',
      town: 'г. Апатиты',
    });
    const t = plain(pairsOrder({ settings: other }).text);
    expect(t).toContain('Куратору программы наставничества Ильину Сергею Петровичу');
    expect(t).toContain('МБОУ СШ № 7');
    expect(t).not.toMatch(/Хибин|Кировск/);
  });
});

describe('a template the curator broke', () => {
  test('a deleted table mark: the table is added at the end and the note says so', () => {
    const template = pairsOrderTemplate(settings());
    const broken = { ...template, blocks: template.blocks.filter((b) => !(b.kind === 'table' && b.rows.some((r) => r.some((c) => c.includes('{{пары.'))))) };
    const { data } = pairsOrderData({ settings: settings(), order: { date: null, number: '' }, rows, staff, staffMentors: 1, unmatched: 0 });
    const { spec, plan } = fillSpec(broken, data, PAIRS_ORDER_FIELDS);
    expect(plan.notes.join(' ')).toContain('{{пары.…}}');
    expect(specText(spec)).toContain('Сидорова Анна Павловна');
  });
  test('a deleted required value and a misspelt one are reported; the misspelt stays visible', () => {
    const template = pairsOrderTemplate(settings());
    const edited = {
      ...template,
      blocks: template.blocks.map((b) => (b.kind === 'paragraph' ? { ...b, runs: b.runs.map((r) => ({ ...r, text: r.text.split('{{номер}}').join('{{нмоер}}') })) } : b)),
    };
    const { data } = pairsOrderData({ settings: settings(), order: { date: null, number: '5' }, rows, staff, staffMentors: 1, unmatched: 0 });
    const { spec, plan } = fillSpec(edited, data, PAIRS_ORDER_FIELDS);
    const notes = plan.notes.join(' ');
    expect(notes).toContain('нет поля {{номер}}');
    expect(notes).toContain('{{нмоер}}');
    expect(specText(spec)).toContain('{{нмоер}}');
  });
  test('marks are read however the curator spaces or cases them', () => {
    expect(tokensOf('{{ Номер }} {{если: Есть_без_пары}} {{П}} {{Пары.ФИО}}')).toEqual([
      { kind: 'value', raw: '{{ Номер }}', name: 'номер' },
      { kind: 'if', raw: '{{если: Есть_без_пары}}', name: 'есть_без_пары' },
      { kind: 'counter', raw: '{{П}}' },
      { kind: 'cell', raw: '{{Пары.ФИО}}', table: 'пары', column: 'фио' },
    ]);
    const plan = planFill([{ kind: 'paragraph', text: '№ {{ Номер }}' }], { values: { номер: '5' }, flags: {}, tables: {} }, PAIRS_ORDER_FIELDS);
    expect(plan.values.get('{{ Номер }}')).toBe('5');
  });
});

describe('the «Школа наставников» order', () => {
  const sessions = [
    { theme: 'Роль наставника', form: 'лекция', hours: 2, date: { year: 2026, month: 11, day: 2 }, leader: 'Петрова Е.А.' },
    { theme: 'Обратная связь', form: 'тренинг', hours: 1.5, date: { year: 2026, month: 11, day: 16 }, leader: 'специалист МКУ «УСР»' },
  ];
  const make = (over: Partial<Parameters<typeof trainingOrderData>[0]> = {}) => {
    const input = {
      settings: settings(),
      order: { date: null, number: '' },
      trainees: [{ name: 'Сидорова Анна Павловна', position: 'обучающаяся, 9 кл.', forms: 'ученик – ученик' }],
      sessions,
      staff,
      ...over,
    };
    const { data, missing } = trainingOrderData(input);
    const { spec, plan } = fillSpec(trainingOrderTemplate(input.settings), data, TRAINING_ORDER_FIELDS);
    return { spec, plan, missing, text: plain(specText(spec)) };
  };
  test('the curator in the accusative, the period from the plan, the plan with dates, leaders and its grif', () => {
    const { text, plan } = make();
    expect(plan.notes).toEqual([]);
    expect(text).toContain('куратора программы наставничества Петрову Елену Андреевну;');
    expect(text).toContain('в «Школе наставников» с 02.11.2026 по 16.11.2026.');
    expect(text).toContain('УТВЕРЖДЕНЫ');
    expect(text).toContain('1\tРоль наставника\tлекция\t2\t02.11.2026\tПетрова Е.А.');
    expect(text).toContain('\tИтого\t\t3,5\t');
    expect(text).toContain('Лист ознакомления');
    expect(text).not.toContain('25 ноября');
  });
  test('no dates in the plan: a reference to the schedule, and the curator is told', () => {
    const { text, missing } = make({ sessions: sessions.map((s) => ({ ...s, date: null })) });
    expect(text).toContain('в сроки, установленные расписанием (приложение 2)');
    expect(missing.join(' ')).toContain('даты и ведущие занятий');
  });
  test('attachments start on new pages without a break paragraph', () => {
    const { spec } = make();
    expect(spec.blocks.filter((b) => b.kind === 'paragraph' && b.pageBreakBefore).length).toBe(3);
    expect(spec.pageNumbers).toBe(true);
  });
});

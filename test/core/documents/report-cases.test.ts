import { CaseInput, CasePerson, CasesInput, MASK, casesData, casesTemplate, masker, meetingsText, namePattern, planSections, CASES_FIELDS } from '../../../src/core/documents/report-cases';
import { fillSpec } from '../../../src/core/documents/template/fill-spec';
import { specText } from '../../../src/core/documents/model';
import { NEW_PAGE } from '../../../src/core/documents/template/data';
import { readSettings } from '../../../src/core/settings';

const settings = { ...readSettings([]).settings, orgName: 'МАОДО ЦДТ «Хибины»', directorName: 'Петрова Анна Ивановна', curatorName: 'Соколова Елена Викторовна' };
const d = (day: number, month: number, year: number) => ({ year, month, day });

const person = (over: Partial<CasePerson>): CasePerson => ({
  id: 'НЯ-0001',
  name: 'Кузнецов Дмитрий Олегович',
  category: 'обучающийся',
  grade: '7',
  age: 13,
  experience: null,
  position: '',
  association: 'изостудия',
  consent: 'есть, без публикации',
  topics: [],
  request: '',
  ...over,
});

const mentor = person({ id: 'НК-0001', name: 'Белова Ирина Сергеевна', category: 'педагог', grade: '', age: null, experience: 15, position: 'педагог дополнительного образования', consent: 'есть' });
const mentee = person({ request: 'Хочу подготовиться к выставке вместе с Кузнецовым', topics: ['подготовка к конкурсу'] });

function aCase(over: Partial<CaseInput> = {}): CaseInput {
  return {
    id: 'ПА-0001',
    group: false,
    form: 'педагог – ученик',
    title: '',
    mentor,
    mentees: [mentee],
    start: d(5, 10, 2026),
    end: null,
    status: 'активна',
    endReason: '',
    meetings: [
      { date: d(12, 10, 2026), type: 'знакомство', minutes: 45 },
      { date: d(19, 10, 2026), type: 'регулярная', minutes: 45 },
    ],
    diagnostics: [
      { personId: 'НЯ-0001', pairId: 'ПА-0001', role: 'наставляемый', form: '', phase: 'входная', itemCode: 'classesUseful', value: 4 },
      { personId: 'НЯ-0001', pairId: 'ПА-0001', role: 'наставляемый', form: '', phase: 'итоговая', itemCode: 'classesUseful', value: 7 },
    ],
    feedback: [],
    comments: [],
    plan: { state: 'read', url: 'https://docs.google.com/document/d/x/edit', goal: ['Дмитрий подготовит работу к выставке'], tasks: [], results: [] },
    ...over,
  };
}

const input = (cases: CaseInput[]): CasesInput => ({
  settings,
  period: 'за 2026/2027 учебный год',
  academicYear: '2026/2027',
  today: d(25, 5, 2027),
  cases,
  people: [
    { name: mentor.name, consent: mentor.consent },
    { name: mentee.name, consent: mentee.consent },
  ],
});

const docText = (cases: CaseInput[]) => {
  const result = casesData(input(cases));
  const { spec, plan } = fillSpec(casesTemplate(settings), result.data, CASES_FIELDS);
  return { result, spec, plan, text: specText(spec).replace(/\u00a0/g, ' ') };
};

describe('case bank data', () => {
  test('a card per case, each starting a page; the summary row per case', () => {
    const { result, spec, plan, text } = docText([aCase(), aCase({ id: 'Г-0002', group: true, title: 'Своя тема' })]);
    expect(plan.notes).toEqual([]);
    expect(result.data.tables['карточки'].filter((r) => NEW_PAGE in r)).toHaveLength(2);
    expect(spec.blocks.filter((b) => b.kind === 'paragraph' && b.pageBreakBefore)).toHaveLength(2);
    expect(result.data.tables['кейсы'].map((r) => r['название'].replace(/\u00a0/g, ' '))).toEqual(['Кейс ПА-0001: «педагог – ученик»', 'Своя тема']);
    expect(result.data.tables['кейсы'][0]['результат']).toContain('2 встречи');
    expect(text).toContain('В банк включены 2 кейса');
    expect(text).not.toMatch(/NaN|undefined|null/);
  });

  test('names: only with publication consent; masked in free text otherwise', () => {
    const { result, text } = docText([aCase()]);
    expect(text).toContain('Наставник: Белова Ирина Сергеевна, педагог дополнительного образования, стаж 15 лет');
    expect(text).toContain('Наставляемый (обучающийся, 7 класс, 13 лет, изостудия)');
    expect(text).not.toMatch(/Кузнецов|Дмитрий/);
    expect(text).toContain(`вместе с ${MASK}`);
    expect(text).toContain(`Цель: ${MASK} подготовит работу к выставке`);
    expect(result.masked).toBe(2);
  });

  test('the ИПР: absent or deleted is said in words; the curator is told which', () => {
    const absent = docText([aCase({ plan: { state: 'absent' } })]).text;
    expect(absent).toContain('ИПР не составлен (ссылки на листе «Пары и группы» нет).');
    const gone = docText([aCase({ plan: { state: 'missing', url: 'https://docs.google.com/document/d/y/edit' } })]);
    expect(gone.text).toContain('Документ ИПР удалён или недоступен');
    expect(gone.result.missingPlans).toEqual(['ПА-0001']);
  });

  test('no case: the bank says how to mark pairs', () => {
    const { text } = docText([]);
    expect(text).toContain('отметьте её флажком в столбце «Кейс» листа «Пары и группы»');
    expect(text).toContain('Кейсы не отмечены');
  });

  test('meetings: kinds in the cycle order, hours, dates, pace; numerals agree', () => {
    expect(meetingsText([]).text).toBe('Встречи на листе «Встречи» не отмечены.');
    const five = meetingsText(Array.from({ length: 5 }, (_v, k) => ({ date: d(1 + k * 3, 10, 2026), type: k ? 'регулярная' : 'знакомство', minutes: 60 })));
    expect(five.text).toContain('Проведено 5 встреч (встреча-знакомство — 1, регулярные встречи — 4)');
    expect(five.text).toContain('Всего 5 часов');
    expect(five.text).toContain('в темпе программы');
  });

  test('ИПР sections: the mentor’s words, not the template’s blanks', () => {
    const paragraphs = [
      '3. Цель',
      'Одно предложение: чего наставляемый достигнет к концу срока; формулируется на встрече-планировании.',
      'Подготовить работу к выставке',
      '_'.repeat(64),
      '4. Задачи',
      `1. Освоить акварель${'_'.repeat(20)}`,
      `2. ${'_'.repeat(60)}`,
      '5. График встреч',
      '8. Итоги выполнения плана',
      'Отметка о выполнении плана: выполнен полностью / выполнен частично / не выполнен (нужное подчеркнуть).',
      'Итоговая встреча проведена: «___» ____________ 20___ г.',
      `Достигнутые результаты: ${'_'.repeat(30)}`,
      'Рекомендации: продолжить работу',
      'План составлен наставником совместно с наставляемым на встрече-планировании.',
    ];
    expect(planSections(paragraphs)).toEqual({ goal: ['Подготовить работу к выставке'], tasks: ['1. Освоить акварель'], results: ['Рекомендации: продолжить работу'] });
  });

  test('the name pattern masks any ending, leaves other words', () => {
    const { mask, count } = masker(namePattern(['Кузнецов Дмитрий Олегович', 'Ян Ли']));
    expect(mask('Кузнецову помог Дмитрий; Яна и Ян пришли.')).toBe(`${MASK} помог ${MASK}; Яна и ${MASK} пришли.`);
    expect(count()).toBe(3);
    expect(masker(null).mask('Кузнецов')).toBe('Кузнецов');
  });
});

import { fillSpec } from '../../../src/core/documents/template/fill-spec';
import { specText } from '../../../src/core/documents/model';
import { LISTS_ORDER_FIELDS, ListPerson, ListsOrderInput, compareNames, inProgramme, listsOrderData, listsOrderTemplate, LISTS_ORDER_TEXT } from '../../../src/core/documents/order-lists';
import { readSettings } from '../../../src/core/settings';

const settings = (over: Record<string, unknown> = {}) => ({
  ...readSettings([]).settings,
  orgName: 'Муниципальное автономное образовательное учреждение дополнительного образования «Центр детского творчества «Хибины»',
  orgShortName: 'МАОДО ЦДТ «Хибины»',
  curatorName: 'Петрова Елена Андреевна',
  curatorPosition: 'методист',
  directorName: 'Громова Валентина Ивановна',
  directorTitle: 'Директор',
  academicYear: '2026/2027',
  regulationOrder: 'от 01.09.2021 № 45-о/д',
  programmeOrder: '',
  ...over,
});
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

const person = (over: Partial<ListPerson> & Pick<ListPerson, 'id' | 'name'>): ListPerson => ({
  status: 'в паре',
  consented: true,
  details: '',
  forms: ['педагог – ученик'],
  pairedThisYear: true,
  staff: false,
  position: '',
  ...over,
});

const mentors: ListPerson[] = [
  person({ id: 'НК-1', name: 'Соколов Павел Андреевич', details: 'инженер, ООО «Полярный IT-парк»', forms: ['работодатель – ученик'], position: 'инженер' }),
  person({
    id: 'НК-2',
    name: 'Громов Олег Павлович',
    details: 'педагог дополнительного образования',
    forms: ['педагог – ученик', 'педагог – педагог'],
    staff: true,
    position: 'педагог дополнительного образования',
  }),
  person({ id: 'НК-3', name: 'Ёжиков Артём Ильич', details: 'обучающийся, 10 кл.', forms: ['ученик – ученик'] }),
  person({ id: 'НК-4', name: 'Белова Ирина Сергеевна', details: 'методист', staff: true, position: 'методист', consented: false }),
  person({ id: 'НК-5', name: 'Ушедший Пётр Иванович', status: 'выбыл(а)', staff: true }),
];
const mentees: ListPerson[] = [
  person({ id: 'НЯ-1', name: 'Орлов Глеб Игоревич', details: 'Театральная студия «Маска», 7А кл.' }),
  person({ id: 'НЯ-2', name: 'Егорова Мария Петровна', details: 'Изостудия, 5 кл.', forms: ['ученик – ученик'], status: 'без пары', pairedThisYear: false, waiting: true }),
  person({ id: 'НЯ-3', name: 'Волкова Анна Павловна', details: 'педагог, Театральная студия «Маска»', forms: ['педагог – педагог'], staff: true, position: 'педагог' }),
  person({ id: 'НЯ-4', name: 'Без Согласия Иван', consented: false }),
  person({ id: 'НЯ-5', name: 'Ёлкина Вера Сергеевна', details: 'Изостудия, 6 кл.' }),
  person({ id: 'НЯ-6', name: 'Прошлогодний Илья Андреевич', status: 'завершил(а)', pairedThisYear: false }),
  person({ id: 'НЯ-7', name: 'Закончивший Лев Андреевич', status: 'завершил(а)', pairedThisYear: true }),
];
const forms = [
  { name: 'ученик – ученик', roles: 'наставник — обучающийся, наставляемый — обучающийся', active: true },
  { name: 'педагог – ученик', roles: 'наставник — педагог, наставляемый — обучающийся', active: true },
  { name: 'педагог – педагог', roles: 'наставник — педагог, наставляемый — педагог', active: true },
  { name: 'работодатель – ученик', roles: 'наставник — сотрудник партнёра, наставляемый — обучающийся', active: true },
  { name: 'студент – ученик', roles: 'наставник — студент, наставляемый — обучающийся', active: false },
];

function order(over: Partial<ListsOrderInput> = {}) {
  const input: ListsOrderInput = { settings: settings(), order: { date: null, number: '' }, academicYear: '2026/2027', forms, mentors, mentees, ...over };
  const result = listsOrderData(input);
  const { spec, plan } = fillSpec(listsOrderTemplate(input.settings), result.data, LISTS_ORDER_FIELDS);
  return { ...result, spec, plan, text: plain(specText(spec)) };
}

describe('the 1.2 order on the lists, from its default template', () => {
  test('every mark is known and filled; the requisites, ПРИКАЗЫВАЮ and the five items', () => {
    const { text, plan } = order();
    expect(plan.notes).toEqual([]);
    expect(text).not.toMatch(/\{\{|\}\}|undefined|NaN|null/);
    expect(text).toContain('ПРИКАЗ\n');
    expect(text).toContain('Об утверждении списков наставников, наставляемых и форм наставничества на 2026/2027 учебный год');
    expect(text).toContain('ПРИКАЗЫВАЮ:');
    expect(text).toContain('1. Утвердить формы наставничества, применяемые в МАОДО ЦДТ «Хибины» в 2026/2027 учебном году (приложение 1).');
    expect(text).toContain('2. Утвердить список наставников на 2026/2027 учебный год (приложение 2).');
    expect(text).toContain('3. Утвердить список наставляемых на 2026/2027 учебный год (приложение 3).');
    // The curator in the dative where the sentence needs it.
    expect(text).toContain('4. Куратору программы наставничества Петровой Елене Андреевне поддерживать базу');
    expect(text).toContain(
      '5. Куратору программы наставничества Петровой Елене Андреевне продолжить подбор наставников для наставляемых, для которых наставническая пара (группа) ещё не сформирована (1 человек).',
    );
    expect(text).toContain('6. Контроль за исполнением настоящего приказа оставляю за собой.');
    expect(text).toContain('Директор\tВ.И. Громова');
  });

  test('the Положение cited with its requisites; a missing programme order is a blank line and named for the curator, never invented', () => {
    const { text, missing } = order();
    expect(text).toContain('Положением о наставничестве МАОДО ЦДТ «Хибины», утверждённым приказом от 01.09.2021 № 45-о/д');
    expect(text).toContain('программой наставничества МАОДО ЦДТ «Хибины», утверждённой приказом от «___» ____________ 20___ г. № ________');
    expect(missing).toEqual(['реквизиты приказа об утверждении программы наставничества']);
    // The year is the period's: a blank «Учебный год» in «Настройки» is no gap here.
    expect(order({ settings: settings({ academicYear: '' }) }).missing).not.toContain('учебный год');
  });

  test('only people in the programme with a valid consent are listed, sorted by surname with «ё» after «е»', () => {
    const r = order();
    expect(r.mentors.map((x) => x.id)).toEqual(['НК-2', 'НК-3', 'НК-1']);
    expect(r.mentees.map((x) => x.name)).toEqual(['Волкова Анна Павловна', 'Егорова Мария Петровна', 'Ёлкина Вера Сергеевна', 'Закончивший Лев Андреевич', 'Орлов Глеб Игоревич']);
    expect(r.withoutConsent).toEqual(['НК-4', 'НЯ-4']);
    for (const gone of ['Белова', 'Без Согласия', 'Ушедший', 'Прошлогодний']) expect(r.text).not.toContain(gone);
    expect(LISTS_ORDER_TEXT.withoutConsent(r.withoutConsent)).toBe('2 человека без согласия в списки не включены (НК-4, НЯ-4) — внесите после получения согласия.');
    expect(LISTS_ORDER_TEXT.withoutConsent(['НЯ-4'])).toBe('1 человек без согласия в списки не включён (НЯ-4) — внесите после получения согласия.');
  });

  test('the lists: nominative names, details and form; a waiting mentee is marked; totals in words', () => {
    const { text, data } = order();
    expect(data.tables.наставники[0]).toEqual({ '№': '1', фио: 'Громов Олег Павлович', должность: 'педагог дополнительного образования', форма: 'педагог\u00a0– ученик, педагог\u00a0– педагог' });
    expect(plain(data.tables.наставляемые[1].форма)).toBe('ученик – ученик (пара не сформирована)');
    expect(text).toContain('Всего: 3 наставника.');
    expect(text).toContain('Всего: 5 наставляемых.');
    expect(text).toContain('«пара не сформирована»: наставник подбирается');
  });

  test('прил. 1: the forms in use with counts only, a form of nobody but in use kept, an unused one left out; «Итого» counts each once', () => {
    const { data, text } = order();
    const rows = data.tables.формы.map((r) => [plain(r.форма), r.наставников, r.наставляемых]);
    expect(rows).toEqual([
      ['ученик – ученик', '1', '1'],
      ['педагог – ученик', '1', '3'],
      ['педагог – педагог', '1', '1'],
      ['работодатель – ученик', '1', '0'],
    ]);
    expect(data.values.итого_наставников).toBe('3');
    expect(data.values.итого_наставляемых).toBe('5');
    expect(text).toContain('Наставник, работающий в нескольких формах, учтён в каждой из них');
    expect(text).not.toContain('студент – ученик');
  });

  test('three attachments, each on a new page with «Приложение № N» and the approval grif', () => {
    const { spec } = order();
    const breaks = spec.blocks.filter((b) => b.kind === 'paragraph' && b.pageBreakBefore).map((b) => (b.kind === 'paragraph' ? plain(b.runs.map((r) => r.text).join('')) : ''));
    expect(breaks).toEqual(['Приложение № 1', 'Приложение № 2', 'Приложение № 3', 'Лист ознакомления с приказом']);
    const t = order().text;
    expect(t).toContain('Приложение № 2\nУТВЕРЖДЁН\nприказом МАОДО ЦДТ «Хибины»\nот «___» ____________ 20___ г. № ________\nСписок наставников на 2026/2027 учебный год');
  });

  test('the familiarisation sheet: the curator and the staff named, no pupils, partners or people without consent', () => {
    const { data } = order();
    expect(data.tables.ознакомление.map((r) => [r.фио, r.должность])).toEqual([
      ['Петрова Елена Андреевна', 'методист'],
      ['Громов Олег Павлович', 'педагог дополнительного образования'],
      ['Волкова Анна Павловна', 'педагог'],
    ]);
  });

  test('nobody listed: said in words, no empty promise of item 5', () => {
    const { text } = order({ mentors: [], mentees: [] });
    expect(text).toContain('Наставников с согласием на обработку персональных данных в базе нет.');
    expect(text).toContain('Наставляемых с согласием на обработку персональных данных в базе нет.');
    expect(text).toContain('Всего: 0 наставников.');
    expect(text).not.toContain('продолжить подбор');
    expect(text).toContain('5. Контроль');
  });

  test('inProgramme and compareNames', () => {
    expect(inProgramme({ status: 'выбыл(а)', pairedThisYear: true })).toBe(false);
    expect(inProgramme({ status: 'завершил(а)', pairedThisYear: false })).toBe(false);
    expect(inProgramme({ status: 'завершил(а)', pairedThisYear: true })).toBe(true);
    expect(inProgramme({ status: '', pairedThisYear: false })).toBe(true);
    expect(['Ёлкин', 'Жуков', 'Ежов', 'абрамов', 'Яковлев'].sort(compareNames)).toEqual(['абрамов', 'Ежов', 'Ёлкин', 'Жуков', 'Яковлев']);
  });
});

import { REPORT_KINDS, baseTitle, periodsOf, reportKind } from '../src/core/reports/registry';
import { STAGE_FIELDS, StageCounts, StageInput, stageData, stageTemplate } from '../src/core/documents/report-stage';
import { fillSpec } from '../src/core/documents/template/fill-spec';
import { specText } from '../src/core/documents/model';
import { readSettings } from '../src/core/settings';

const settings = {
  ...readSettings([]).settings,
  orgName: 'Муниципальное автономное образовательное учреждение дополнительного образования «Центр детского творчества «Хибины»',
  orgShortName: 'МАОДО ЦДТ «Хибины»',
  directorName: 'И.И. Иванова',
  curatorName: 'Петрова Елена Андреевна',
  academicYear: '2026/2027',
  regulationOrder: 'от 01.09.2021 № 45-о/д',
};

const empty: StageCounts = {
  mentees: 0,
  menteesByCategory: [],
  menteesWithRequest: 0,
  menteesConsented: 0,
  menteesDiagnosed: 0,
  targetGroups: [],
  mentors: 0,
  mentorsByCategory: [],
  mentorsConsented: 0,
  mentorsDiagnosed: 0,
  training: [],
  forms: [],
  unmatched: 0,
  meetings: 0,
  unitsMet: 0,
  behind: null,
  feedback: 0,
  respondents: 0,
  satisfaction: [],
};

const counts: StageCounts = {
  ...empty,
  mentees: 12,
  menteesByCategory: [
    { category: 'обучающийся', n: 10 },
    { category: 'педагог', n: 2 },
  ],
  menteesWithRequest: 11,
  menteesConsented: 9,
  menteesDiagnosed: 8,
  targetGroups: [
    { name: 'Дети с ограниченными возможностями здоровья', n: 2 },
    { name: 'Дети-сироты и дети, оставшиеся без попечения родителей', n: 0 },
  ],
  mentors: 5,
  mentorsConsented: 5,
  training: [
    { status: 'обучен', n: 3 },
    { status: 'направлен', n: 2 },
  ],
  forms: [
    { form: 'ученик – ученик', pairs: 3, groups: 1, mentees: 6 },
    { form: 'педагог – педагог', pairs: 2, groups: 0, mentees: 2 },
  ],
  unmatched: 4,
  meetings: 21,
  unitsMet: 5,
  behind: 2,
  feedback: 14,
  respondents: 9,
  satisfaction: [{ label: 'Обратная связь, наставляемые: доля оценивших удовлетворённость на 8 и выше из 10', value: '75 %' }],
};

const register = [
  { kind: 'Приказ об утверждении наставнических пар (групп)', title: 'Приказ об утверждении наставнических пар (групп) от __.__.____', signed: '09.02.2027', number: '131-о/д' },
  { kind: 'Приказ об утверждении наставнических пар (групп)', title: 'Приказ об утверждении наставнических пар (групп), 2', signed: '', number: '' },
  { kind: 'Приказ об организации «Школы наставников»', title: 'Приказ об организации «Школы наставников»', signed: '20.11.2026', number: '' },
  { kind: 'SWOT-анализ программы наставничества', title: 'SWOT-анализ программы наставничества за 2026/2027 учебный год', signed: '', number: '' },
];

const input = (stage: StageInput['stage'], c: StageCounts = counts): StageInput => ({
  settings,
  stage,
  period: 'за 2026/2027 учебный год',
  academicYear: '2026/2027',
  date: '16.06.2027',
  register,
  roadmap: [
    { number: `${stage}.1`, status: 'выполнено' },
    { number: `${stage}.2`, status: 'в работе' },
  ],
  counts: c,
});

const doc = (i: StageInput) => specText(fillSpec(stageTemplate(settings), stageData(i).data, STAGE_FIELDS).spec).replace(/\u00a0/g, ' ');

describe('the stage справки in the registry', () => {
  test('six kinds, one per stage, each linked to its monitoring row and chosen by academic year', () => {
    const stages = REPORT_KINDS.filter((k) => k.key.startsWith('stage-'));
    expect(stages.map((k) => k.roadmap[0])).toEqual(['1.6', '2.4', '3.6', '4.3', '5.4', '6.3']);
    const k = reportKind('stage-5')!;
    expect(k.name).toBe('Справка по итогам мониторинга, этап 5 «Формирование наставнических пар/групп»');
    const period = periodsOf(k, { year: 2027, month: 6, day: 16 })[0];
    expect(baseTitle(k, period)).toBe('Справка по итогам мониторинга реализации целевой модели наставничества, этап 5 за 2026/2027 учебный год');
  });
});

describe('the stage справка', () => {
  test('header, the documents in force with the requisites as recorded, never invented', () => {
    const t = doc(input(5));
    expect(t).toContain('СПРАВКА');
    expect(t).toContain('по итогам мониторинга реализации целевой модели наставничества');
    expect(t).toContain('этап 5 «Формирование наставнических пар/групп» (пункт 5.4 дорожной карты)');
    expect(t).toContain('16.06.2027');
    expect(t).toContain('Для МКУ «УСР»');
    expect(t).toContain('УТВЕРЖДАЮ');
    expect(t).toContain('Приказ(ы) об утверждении наставнических пар (групп)\tда\tот 09.02.2027 № 131-о/д; не подписан: дата и номер не внесены');
    expect(t).toContain('Приказ об организации «Школы наставников»\tда\tот 20.11.2026, номер не внесён');
    expect(t).toContain('Положение о наставничестве\tда\tот 01.09.2021 № 45-о/д');
    expect(t).toContain('Приказ о внедрении целевой модели наставничества\tнет сведений\tсведений в рабочей книге нет: впишите от руки');
    expect(t).toContain('Программа наставничества\tнет сведений');
    expect(t).toContain('База наставников и наставляемых\tда\tлисты «Наставники» (5) и «Наставляемые» (12)');
    expect(stageData(input(5)).unsigned).toEqual(['Приказ об утверждении наставнических пар (групп)']);
    expect(t).toContain('Е.А. Петрова');
    expect(t).not.toMatch(/NaN|undefined|Infinity|\{\{/);
  });

  test('stage 5: pairs and groups by form with the total, mentees without a pair; conclusions and tasks from the figures', () => {
    const t = doc(input(5));
    expect(t).toContain('Мероприятий этапа по дорожной карте (выполнено / всего)\t1 / 2');
    expect(t).toContain('Форма «ученик – ученик»: пар / групп / наставляемых в них\t3 / 1 / 6');
    expect(t).toContain('Итого: пар / групп / наставляемых в них\t5 / 1 / 8');
    expect(t).toContain('Наставляемых без пары\t4');
    expect(t).toContain('Сформировано пар — 5, групп — 1 по формам «ученик – ученик», «педагог – педагог»; в них наставляемых — 8.');
    expect(t).toContain('Наставляемых без пары: 4.');
    expect(t).toContain('Продолжить поиск наставника для наставляемых без пары (4), пункт 5.3 дорожной карты.');
  });

  test('stage 2: the base of mentees, target groups as counts only; stage 4: trained mentors; stage 6: meetings, pace, feedback', () => {
    const two = doc(input(2));
    expect(two).toContain('Наставляемых в базе, всего\t12');
    expect(two).toContain('в том числе педагог\t2');
    expect(two).toContain('Целевая группа: дети с ограниченными возможностями здоровья\t2');
    expect(two).toContain('Входную диагностику прошли 8 из 12.');
    expect(two).toContain('Получить согласия на обработку персональных данных (3 без действующего согласия).');
    const four = doc(input(4));
    expect(four).toContain('«Школа наставников»: обучен\t3');
    expect(four).toContain('Обучены в «Школе наставников»: 3 наставника из 5 в базе.');
    expect(four).toContain('Завершить обучение наставников, ещё не прошедших «Школу наставников» (2).');
    const six = doc(input(6));
    expect(six).toContain('Проведено встреч (журнал встреч)\t21');
    expect(six).toContain('Пар и групп, отстающих от графика встреч\t2');
    expect(six).toContain('Обратная связь, наставляемые: доля оценивших удовлетворённость на 8 и выше из 10\t75 %');
    expect(six).toContain('Проведено встреч: 21; встречались 5 из 6 пар и групп.');
    expect(six).toContain('Ответов ежемесячной обратной связи — 14, ответивших участников — 9.');
  });

  test('a stage with no data says so in words, never NaN or a division by zero', () => {
    const none = { ...input(6, empty), roadmap: [] };
    const six = doc(none);
    expect(six).toContain('Мероприятий этапа на листе «Дорожная карта» нет.');
    expect(six).toContain('В 2026/2027 учебном году наставнических пар и групп нет: работа пар не велась.');
    expect(six).toContain('Пар и групп, отстающих от графика встреч\tнет данных: мониторинг не обновлён');
    expect(doc({ ...input(2, empty) })).toContain('В 2026/2027 учебном году база наставляемых не сформирована: наставляемых нет.');
    expect(doc({ ...input(4, empty) })).toContain('Наставников в базе нет: обучать некого.');
    for (const s of [1, 2, 3, 4, 5, 6] as const) expect(doc(input(s, empty))).not.toMatch(/NaN|undefined|Infinity|\{\{/);
  });
});

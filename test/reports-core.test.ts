import { REPORT_KINDS, baseTitle, periodOf, periodsOf, replacedTitle, reportKind, versionOf, versionTitle } from '../src/core/reports/registry';
import { effectivenessData, effectivenessTemplate, readPlan, EFFECTIVENESS_FIELDS } from '../src/core/documents/report-effectiveness';
import { swotData, swotTemplate, SWOT_FIELDS } from '../src/core/documents/report-swot';
import { fillSpec } from '../src/core/documents/template/fill-spec';
import { specText } from '../src/core/documents/model';
import { DENOMINATORS, INDICATOR_TITLES } from '../src/core/monitoring';
import { readSettings } from '../src/core/settings';
import { RU } from '../src/core/strings';

const settings = {
  ...readSettings([]).settings,
  orgName: 'Муниципальное автономное образовательное учреждение дополнительного образования «Центр детского творчества «Хибины»',
  orgShortName: 'МАОДО ЦДТ «Хибины»',
  directorName: 'И.И. Иванова',
  curatorName: 'Петрова Елена Андреевна',
  academicYear: '2026/2027',
};
const effectiveness = reportKind('effectiveness')!;
const swot = reportKind('swot')!;

describe('report periods and versions', () => {
  test('reporting dates reached, newest first; academic years this and last', () => {
    expect(periodsOf(effectiveness, { year: 2027, month: 6, day: 14 }).map((p) => p.label)).toEqual(['на 15.11.2026', 'на 15.06.2026', 'на 15.11.2025']);
    expect(periodsOf(effectiveness, { year: 2027, month: 6, day: 15 })[0].key).toBe('2027-06-15');
    expect(periodsOf(swot, { year: 2026, month: 9, day: 1 }).map((p) => p.label)).toEqual(['за 2026/2027 учебный год', 'за 2025/2026 учебный год']);
    expect(periodOf(effectiveness, { year: 2026, month: 11, day: 30 }, undefined)!.label).toBe('на 15.11.2026');
    expect(periodOf(effectiveness, { year: 2026, month: 11, day: 30 }, '2027-06-15')).toBeNull();
  });

  test('a title says its version; a replaced one says by which', () => {
    const base = baseTitle(effectiveness, periodsOf(effectiveness, { year: 2026, month: 11, day: 30 })[0]);
    expect(base).toBe('Отчёт о реализации целевой модели наставничества на 15.11.2026');
    expect(versionTitle(base, 1)).toBe(base);
    expect(versionTitle(base, 2)).toBe(`${base}, версия 2`);
    expect(versionOf(base, replacedTitle(versionTitle(base, 2), 3))).toEqual({ version: 2, replaced: true });
    expect(versionOf(base, base)).toEqual({ version: 1, replaced: false });
    expect(versionOf(base, `${base} (копия)`)).toBeNull();
    expect(versionOf(base, 'Отчёт о реализации целевой модели наставничества на 15.06.2027')).toBeNull();
    expect(new Set(REPORT_KINDS.map((k) => k.key)).size).toBe(REPORT_KINDS.length);
  });
});

describe('the effectiveness report from «Мониторинг»', () => {
  const date = { year: 2026, month: 11, day: 15 };
  const row = (n: number, code: keyof typeof INDICATOR_TITLES, value: string, comment: string) => ({
    stage: '7.3',
    indicator: RU.monitoring.indicatorRow(n, INDICATOR_TITLES[code], '15.11.2026'),
    value,
    comment,
  });
  const monitoring = [
    row(1, 'mentees10to18', '12,5 %', 'Числитель: 5; знаменатель: 40'),
    row(2, 'mentors15to19', 'нет данных: знаменатель не введён — укажите на листе «Мониторинг»', 'Числитель: 2; знаменатель: не введён'),
    row(3, 'youngTeachers', 'нет данных: знаменатель не введён — укажите на листе «Мониторинг»', 'Числитель: 1; знаменатель: не введён'),
    row(4, 'partners', 'нет данных: знаменатель не введён — укажите на листе «Мониторинг»', 'Числитель: 0; знаменатель: не введён'),
    row(
      5,
      'menteeSatisfaction',
      'нет данных: нет ответов наставляемых на вопрос об удовлетворённости — проведите опрос',
      'Доля ответивших на 8 и выше из 10: 0 из 0 ответивших; по ежемесячной обратной связи до отчётной даты',
    ),
    row(6, 'mentorSatisfaction', '100 %', 'Доля ответивших на 8 и выше из 10: 2 из 2 ответивших; по ежемесячной обратной связи до отчётной даты'),
  ];
  const input = { settings, date, monitoring, forms: [{ form: 'педагог – педагог', pairs: 2, groups: 0, mentors: 2, mentees: 2 }], mentors: 5, trained: 3 };

  test('the figures as the rows have them; a missing denominator in words and named for the curator; no NaN', () => {
    const r = effectivenessData(input)!;
    expect(r.rows.map((x) => [x.value, x.numerator, x.denominator])).toEqual([
      ['12,5 %', '5', '40'],
      ['нет данных: знаменатель не введён', '2', 'не введён'],
      ['нет данных: знаменатель не введён', '1', 'не введён'],
      ['нет данных: знаменатель не введён', '0', 'не введён'],
      ['нет данных: нет ответов наставляемых на вопрос об удовлетворённости', '0', 'нет ответов'],
      ['100 %', '2', '2'],
    ]);
    expect(r.computed).toBe(2);
    expect(r.toEnter).toEqual(DENOMINATORS.slice(1).map((d) => `«${d.label} на 15.11.2026»`));
    const doc = specText(fillSpec(effectivenessTemplate(settings), r.data, EFFECTIVENESS_FIELDS).spec).replace(/\u00a0/g, ' ');
    expect(doc).toContain('Обучены в «Школе наставников»: 3 наставника из 5 в базе наставников.');
    expect(doc).toContain('Итого\t2\t0\t2\t2');
    expect(doc).toContain('Е.А. Петрова');
    expect(doc).not.toMatch(/NaN|undefined|Infinity|\{\{/);
  });

  test('a denominator typed after the last refresh asks for a refresh; a wrong one asks for a fix', () => {
    const typed = [
      ...monitoring,
      { stage: '7.3', indicator: `${DENOMINATORS[1].label} на 15.11.2026`, value: '30', comment: '' },
      { stage: '7.3', indicator: `${DENOMINATORS[2].label} на 15.11.2026`, value: 'сорок', comment: '' },
    ];
    const r = effectivenessData({ ...input, monitoring: typed })!;
    expect(r.stale).toEqual([`«${DENOMINATORS[1].label} на 15.11.2026»`]);
    expect(r.toFix).toEqual([`«${DENOMINATORS[2].label} на 15.11.2026»`]);
    expect(r.toEnter).toEqual([`«${DENOMINATORS[3].label} на 15.11.2026»`]);
  });

  test('plans from «Настройки»: % выполнения is fact ÷ plan from the exact counts; none, zero or a bad plan never divides', () => {
    const planned = { ...settings, planMentees10to18: '10', planMentors15to19: '5', planMenteeSatisfaction: '0', planMentorSatisfaction: '80 %', planPartners: 'много' };
    const r = effectivenessData({ ...input, settings: planned })!;
    expect(r.rows.map((x) => [x.plan, x.done])).toEqual([
      ['10', '125 %'],
      ['5', '—'],
      ['не установлено', '—'],
      ['не установлено', '—'],
      ['0', '—'],
      ['80', '125 %'],
    ]);
    expect(r.badPlans).toEqual(['«План: доля организаций-партнёров, предоставивших наставников, %»: «много»']);
    const table = (r.data.tables['показатели'] as Array<Record<string, string>>)[1];
    expect(table['значение']).toBe('нет данных');
    expect(table['значение']).not.toContain('знаменатель');
    expect(r.data.values['примечания_к_показателям'].replace(/\u00a0/g, ' ')).toMatch(
      /^Примечания к таблице: 2 — знаменатель не введён; 3 — знаменатель не введён; 4 — знаменатель не введён; 5 — нет ответов наставляемых/,
    );
    expect(readPlan('12,5')).toBe(12.5);
    expect(readPlan(' ')).toBeNull();
    expect(readPlan('120')).toBe('bad');
    const doc = specText(fillSpec(effectivenessTemplate(settings), r.data, EFFECTIVENESS_FIELDS).spec);
    expect(doc).toContain('% от плана');
    expect(doc).not.toMatch(/NaN|undefined|Infinity|\{\{/);
  });

  test('no indicators on «Мониторинг» for that date: nothing to report from', () => {
    expect(effectivenessData({ ...input, monitoring: monitoring.map((m) => ({ ...m, indicator: m.indicator.replace('15.11.2026', '15.06.2026') })) })).toBeNull();
  });
});

describe('the SWOT analysis', () => {
  test('a form with no answers is said in words; open answers are lines, yes/no a share with n; the curator has lines for her notes', () => {
    const r = swotData({
      settings,
      period: 'за 2026/2027 учебный год',
      academicYear: '2026/2027',
      forms: ['педагог – педагог', 'ученик – ученик'],
      answers: [
        { respondent: 'curator|2027-5-21', form: 'педагог – педагог', item: 'teacherRetention', value: 'да', comment: '' },
        { respondent: 'НК-0001|2027-5-21', form: 'педагог – педагог', item: 'teacherRetention', value: 'да', comment: '' },
        { respondent: 'НК-0001|2027-5-21', form: 'педагог – педагог', item: 'weaknessesWhat', value: '', comment: 'Не хватает {{времени}}' },
        { respondent: 'НК-0001|2027-5-21', form: 'педагог – педагог', item: 'unknownCode', value: 'да', comment: '' },
      ],
    });
    expect(r.unanswered).toEqual(['ученик – ученик']);
    const doc = specText(fillSpec(swotTemplate(settings), r.data, SWOT_FIELDS).spec).replace(/\u00a0/g, ' ');
    expect(doc).toContain('Молодые специалисты остаются: «да» — 100 % (n = 2)');
    // People's text is inert: a mark in an answer is not filled like the template's own.
    expect(doc).toContain('• Не хватает { {времени} }');
    expect(doc).toContain('Форма «ученик – ученик»\tSWOT-анкета по этой форме не заполнена');
    // Filled questionnaires are counted, not the answers to their questions.
    expect(doc).toContain('Форма «педагог – педагог»\tпо 2 анкетам');
    expect(doc).toContain('проведён по 1 форме наставничества из 2');
    expect(doc).toContain('Примечания куратора');
    expect(doc).not.toMatch(/NaN|undefined|Infinity/);
  });
});

import {
  DENOMINATOR_INVALID,
  DENOMINATOR_MISSING,
  DENOMINATOR_ZERO,
  type Indicator,
  type PairRecord,
  type PersonRecord,
  academicYearOf,
  addMonths,
  lastReportingDate,
  nextReportingDate,
  r145Indicators,
  readDenominator,
  reportingDatesOf,
} from '../../../src/core/monitoring';

const d = (year: number, month: number, day: number) => ({ year, month, day });

describe('reporting dates (15 November, 15 June) on calendar dates', () => {
  test('the next and the last reporting date of a day; the day itself when it is one', () => {
    expect(nextReportingDate(d(2026, 11, 15))).toEqual(d(2026, 11, 15));
    expect(nextReportingDate(d(2026, 11, 16))).toEqual(d(2027, 6, 15));
    expect(nextReportingDate(d(2026, 6, 16))).toEqual(d(2026, 11, 15));
    expect(nextReportingDate(d(2026, 12, 31))).toEqual(d(2027, 6, 15));
    expect(lastReportingDate(d(2026, 11, 14))).toEqual(d(2026, 6, 15));
    expect(lastReportingDate(d(2027, 1, 10))).toEqual(d(2026, 11, 15));
    expect(lastReportingDate(d(2026, 6, 15))).toEqual(d(2026, 6, 15));
    expect(lastReportingDate(d(2026, 1, 1))).toEqual(d(2025, 11, 15));
  });

  test('the dates of an academic year, and the year a day belongs to', () => {
    expect(reportingDatesOf(2026)).toEqual([d(2026, 11, 15), d(2027, 6, 15)]);
    expect(academicYearOf(d(2026, 9, 1))).toBe(2026);
    expect(academicYearOf(d(2026, 8, 31))).toBe(2025);
  });

  test('months are added on the calendar: 31 December + 2 months is 28 February', () => {
    expect(addMonths(d(2026, 12, 31), 2)).toEqual(d(2027, 2, 28));
    expect(addMonths(d(2027, 12, 31), 2)).toEqual(d(2028, 2, 29));
    expect(addMonths(d(2026, 10, 1), 2)).toEqual(d(2026, 12, 1));
  });

  test('a date that is not one is refused, not guessed', () => {
    expect(() => nextReportingDate(d(2026, 2, 30))).toThrow(RangeError);
    expect(() => lastReportingDate(d(2026, 13, 1))).toThrow(RangeError);
  });
});

describe('denominators as the curator enters them', () => {
  test('a whole number above zero is used; missing, zero and nonsense say what to do', () => {
    expect(readDenominator(40)).toEqual({ ok: true, value: 40 });
    expect(readDenominator(' 1 200 ')).toEqual({ ok: true, value: 1200 });
    expect(readDenominator('')).toEqual({ ok: false, status: DENOMINATOR_MISSING, zero: false });
    expect(readDenominator(undefined)).toEqual({ ok: false, status: DENOMINATOR_MISSING, zero: false });
    expect(readDenominator(0)).toEqual({ ok: false, status: DENOMINATOR_ZERO, zero: true });
    expect(readDenominator('0')).toEqual({ ok: false, status: DENOMINATOR_ZERO, zero: true });
    expect(readDenominator(-3)).toMatchObject({ ok: false, status: DENOMINATOR_INVALID });
    expect(readDenominator(2.5)).toMatchObject({ ok: false, status: DENOMINATOR_INVALID });
    expect(readDenominator('сорок')).toMatchObject({ ok: false, status: DENOMINATOR_INVALID });
    expect(readDenominator(NaN)).toMatchObject({ ok: false, status: DENOMINATOR_INVALID });
  });
});

describe('Р-145 indicators on 15 November 2026', () => {
  const person = (id: string, category: string, age: number | null, extra: Partial<PersonRecord> = {}): PersonRecord => ({
    id,
    category,
    age,
    experience: null,
    organisation: '',
    consent: true,
    ...extra,
  });
  const people: PersonRecord[] = [
    person('НЯ-1', 'обучающийся', 12, { consent: false }),
    person('НЯ-2', 'обучающийся', 9),
    person('НЯ-3', 'обучающийся', null),
    person('НЯ-4', 'педагог', 27, { experience: 2 }),
    person('НЯ-5', 'педагог', 40, { experience: 5 }),
    person('НЯ-6', 'обучающийся', 18),
    person('НЯ-7', 'обучающийся', 17),
    person('НК-1', 'обучающийся', 16, { consent: false }),
    person('НК-2', 'студент', 19, { organisation: 'ГАПОУ «Кировский колледж»' }),
    person('НК-3', 'сотрудник партнёра', 35, { organisation: 'АО «Апатит»' }),
    person('НК-4', 'сотрудник партнёра', 50, { organisation: ' ао апатит ' }),
    person('НК-5', 'педагог', 45, { organisation: 'МАОДО ЦДТ «Хибины»' }),
    person('НК-6', 'сотрудник партнёра', 30),
    person('НК-8', 'студент', 22, { organisation: 'МАОДО ЦДТ «Хибины»' }),
  ];
  const pair = (id: string, mentorId: string, menteeIds: string[], status: string, form = 'ученик – ученик', start: PairRecord['start'] = d(2026, 10, 1)): PairRecord => ({
    id,
    form,
    mentorId,
    menteeIds,
    status,
    start,
  });
  const pairs: PairRecord[] = [
    pair('ПА-1', 'НК-1', ['НЯ-1', 'НЯ-2'], 'активна'),
    pair('ПА-2', 'НК-2', ['НЯ-3'], 'утверждена', 'студент – ученик'),
    pair('ПА-3', 'НК-5', ['НЯ-4', 'НЯ-5'], 'завершена', 'педагог – педагог'),
    pair('ПА-4', 'НК-3', ['НЯ-1'], 'активна', 'работодатель – ученик'),
    pair('ПА-5', 'НК-4', ['НЯ-99'], 'активна', 'работодатель – ученик'),
    pair('ПА-6', 'НК-6', ['НЯ-6'], 'предложена'),
    pair('ПА-7', 'НК-6', ['НЯ-7'], 'активна', 'работодатель – ученик', d(2026, 12, 1)),
    pair('ПА-8', 'НК-8', [], 'активна', 'студент – ученик'),
  ];
  const { indicators, rejected } = r145Indicators({
    date: d(2026, 11, 15),
    pairs,
    people,
    denominators: { mentees10to18: 4, mentors15to19: '', youngTeachers: 0, partners: '1' },
    ownOrganisation: 'МАОДО  ЦДТ "Хибины"',
    threshold: 8,
    satisfaction: [
      { respondent: 'НЯ-1', role: 'наставляемый', value: 9 },
      { respondent: 'НЯ-1', role: 'наставляемый', value: 7 },
      { respondent: 'НЯ-2', role: 'наставляемый', value: 6 },
      { respondent: 'НЯ-3', role: 'наставляемый', value: '11' },
    ],
  });
  const by = (code: string): Indicator => {
    const found = indicators.find((i) => i.code === code);
    if (!found) throw new Error(code);
    return found;
  };

  test('children 10–18 as mentees: each child once, from approved, working and finished pairs started by the date', () => {
    // НЯ-1 (12, in two pairs, no consent — counted) yes; НЯ-2 (9) no; НЯ-3 no age; НЯ-6's pair is
    // only proposed; НЯ-7's pair starts after the date.
    expect(by('mentees10to18')).toMatchObject({ number: 1, numerator: 1, denominator: 4, value: { ok: true, value: 0.25 }, text: '25 %', status: '', dateText: '15.11.2026' });
    expect(by('mentees10to18').notes).toEqual([
      'В базах нет 1 участника из пар — проверьте ID на листе «Пары»',
      'Не указан возраст у 1 наставляемого — заполните лист «Наставляемые» (без возраста участник не входит в числитель)',
    ]);
  });

  test('teenagers 15–19 as mentors; a missing denominator is said in words', () => {
    const i = by('mentors15to19');
    expect(i).toMatchObject({ numerator: 2, denominator: null, status: DENOMINATOR_MISSING });
    expect(i.value).toEqual({ ok: false, reason: `нет данных: ${DENOMINATOR_MISSING}` });
    expect(i.text).toBe('нет данных: знаменатель не введён — укажите на листе «Мониторинг»');
  });

  test('young teachers (0–3 years) in «педагог – педагог»; a zero denominator is no division', () => {
    expect(by('youngTeachers')).toMatchObject({ numerator: 1, denominator: 0, status: DENOMINATOR_ZERO, value: { ok: false } });
  });

  test('partner organisations counted once however their name is typed, the centre itself not', () => {
    const i = by('partners');
    expect(i).toMatchObject({ numerator: 2, denominator: 1, value: { ok: true, value: 2 }, text: '200 %' });
    expect(i.notes).toContain('Числитель (2) больше знаменателя (1) — проверьте знаменатель на листе «Мониторинг»');
  });

  test('satisfaction of mentees (share at or above the threshold), of mentors without answers', () => {
    // НЯ-1: 9 and 7 → 8 (satisfied), НЯ-2: 6; НЯ-3's 11 is rejected.
    expect(by('menteeSatisfaction')).toMatchObject({ number: 5, numerator: 1, denominator: 2, value: { ok: true, value: 0.5 }, text: '50 %' });
    expect(by('menteeSatisfaction').level).toMatchObject({ method: 'share', meanShare: { ok: true, value: 0.7 } });
    expect(by('mentorSatisfaction')).toMatchObject({ number: 6, numerator: 0, denominator: null, value: { ok: false } });
    expect(by('mentorSatisfaction').text).toMatch(/^нет данных: нет ответов наставников/);
    expect(rejected).toEqual([{ source: 'Удовлетворённость', index: 3, field: 'Удовлетворённость (1–10)', reason: 'оценка 11 вне шкалы 1–10; ответ не учтён' }]);
  });

  test('the mean method when the settings ask for it', () => {
    const r = r145Indicators({ date: d(2026, 11, 15), pairs: [], people: [], denominators: {}, satisfactionMethod: 'mean', satisfaction: [{ respondent: 'НК-1', role: 'наставник', value: 7 }] });
    const mentor = r.indicators.find((i) => i.code === 'mentorSatisfaction');
    expect(mentor).toMatchObject({ value: { ok: true, value: 0.7 }, text: '70 %', level: { method: 'mean', share: { ok: true, value: 0 } } });
  });

  test('nothing entered and nothing counted: six indicators, each a zero numerator and a reason', () => {
    const r = r145Indicators({ date: d(2027, 6, 15), pairs: [], people: [], denominators: {} });
    expect(r.indicators.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const i of r.indicators) {
      expect(i.numerator).toBe(0);
      expect(i.value.ok).toBe(false);
      expect(i.text).toMatch(/^нет данных: /);
    }
  });
});

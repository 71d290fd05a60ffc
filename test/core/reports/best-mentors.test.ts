import { CRITERIA, DEFAULT_CRITERIA, type BestMentorsInput, type MentorInput, type UnitInput, criteriaOf, parseCriteria, points, scoreMentors } from '../../../src/core/reports/best-mentors';
import { bestMentorsData, withoutConsentText } from '../../../src/core/documents/report-best-mentors';
import { readSettings } from '../../../src/core/settings';
import type { CalendarDate, DiagnosticRow, FeedbackRow } from '../../../src/core/monitoring';

const d = (iso: string): CalendarDate => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};
const START = d('2026-10-05');
const TODAY = d('2026-12-14'); // 10 whole weeks after the start

/** `n` weekly meetings from the start. */
const weekly = (n: number) =>
  Array.from({ length: n }, (_v, k) => ({
    date: { ...d('2026-10-05'), day: 5 + 7 * k > 31 ? ((5 + 7 * k - 1) % 31) + 1 : 5 + 7 * k, month: 5 + 7 * k > 31 ? 11 : 10 },
    type: k ? 'регулярная' : 'знакомство',
  }));

function mentor(id: string, name: string, over: Partial<MentorInput> = {}): MentorInput {
  return { id, name, position: 'педагог дополнительного образования', category: 'педагог', training: 'обучен', consent: 'есть', ...over };
}
function unit(id: string, mentorId: string, menteeIds: string[], over: Partial<UnitInput> = {}): UnitInput {
  return { id, form: 'педагог – ученик', mentorId, menteeIds, outcome: 'working', start: START, end: null, meetings: weekly(10), ...over };
}
const fb = (pairId: string, personId: string, satisfaction: number): FeedbackRow => ({ pairId, personId, role: 'наставляемый', form: '', date: null, satisfaction, quality: null, impact: null });
const dg = (pairId: string, personId: string, phase: string, value: number): DiagnosticRow => ({ pairId, personId, role: 'наставляемый', form: '', phase, itemCode: 'satisfaction', value });

type Mutable = Omit<BestMentorsInput, 'mentors' | 'units' | 'feedback' | 'diagnostics'> & { mentors: MentorInput[]; units: UnitInput[]; feedback: FeedbackRow[]; diagnostics: DiagnosticRow[] };

function base(): Mutable {
  return {
    mentors: [mentor('НК-1', 'Белова Ирина Сергеевна'), mentor('НК-2', 'Громов Олег Павлович', { training: 'направлен' }), mentor('НК-3', 'Соколов Павел Андреевич', { consent: 'нет' })],
    units: [unit('ПА-1', 'НК-1', ['НЯ-1']), unit('ГР-1', 'НК-1', ['НЯ-2', 'НЯ-3'], { outcome: 'completed' }), unit('ПА-2', 'НК-2', ['НЯ-4'], { meetings: weekly(6) }), unit('ПА-3', 'НК-3', ['НЯ-5'])],
    feedback: [fb('ПА-1', 'НЯ-1', 9), fb('ГР-1', 'НЯ-2', 10), fb('ГР-1', 'НЯ-3', 8), fb('ПА-2', 'НЯ-4', 9), fb('ПА-3', 'НЯ-5', 10)],
    diagnostics: [dg('ПА-1', 'НЯ-1', 'входная', 5), dg('ПА-1', 'НЯ-1', 'итоговая', 8), dg('ГР-1', 'НЯ-2', 'входная', 6), dg('ГР-1', 'НЯ-2', 'итоговая', 7)],
    today: TODAY,
    criteria: DEFAULT_CRITERIA,
    propose: 3,
    minAnswers: 2,
  };
}

const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const scoreOf = (input: BestMentorsInput, id: string) => scoreMentors(input).ranked.find((m) => m.mentor.id === id)!;

describe('best mentors: the criteria setting', () => {
  test('the default reads as five criteria with their weights; the setting row exists with it', () => {
    expect(parseCriteria(DEFAULT_CRITERIA)).toEqual({
      criteria: [
        { key: 'meetings', name: 'встречи по графику', weight: 3 },
        { key: 'satisfaction', name: 'удовлетворённость наставляемых', weight: 3 },
        { key: 'growth', name: 'рост по диагностике', weight: 2 },
        { key: 'completed', name: 'завершённые пары', weight: 1 },
        { key: 'training', name: 'обучение в Школе наставников', weight: 1 },
      ],
    });
    const { settings } = readSettings([]);
    expect(settings.bestCriteria).toBe(DEFAULT_CRITERIA);
    expect(settings.bestPropose).toBe(3);
    expect(settings.bestMinAnswers).toBe(1);
  });

  test('the curator writes it her way: other dashes, «ё» or «е», a new line, a decimal comma', () => {
    expect(parseCriteria('Удовлетворенность наставляемых: 5\nвстречи = 1,5; число наставляемых - 2')).toEqual({
      criteria: [
        { key: 'meetings', name: 'встречи по графику', weight: 1.5 },
        { key: 'satisfaction', name: 'удовлетворённость наставляемых', weight: 5 },
        { key: 'mentees', name: 'число наставляемых', weight: 2 },
      ],
    });
  });

  test.each([
    ['встречи по графику 3; ораторское мастерство — 2', /неизвестный критерий «ораторское мастерство»; можно указать: встречи по графику; удовлетворённость наставляемых/],
    ['встречи по графику; рост — 2', /в «встречи по графику» нет веса/],
    ['рост — 2; рост по диагностике — 1', /критерий «рост по диагностике» указан дважды/],
    ['встречи — 500', /вес 500: нужен вес от 0 до 100/],
    ['встречи — 0; рост — 0', /у всех критериев вес 0/],
  ])('«%s» is refused in Russian and the defaults stand', (setting, message) => {
    const r = criteriaOf(setting);
    expect(r.error).toMatch(message);
    expect(r.criteria).toEqual(criteriaOf(DEFAULT_CRITERIA).criteria);
    const result = scoreMentors({ ...base(), criteria: setting });
    expect(result.criteriaError).toMatch(message);
    expect(result.criteria.map((c) => c.key)).toEqual(['meetings', 'satisfaction', 'growth', 'completed', 'training']);
  });
});

describe('best mentors: the scores', () => {
  test('figures per criterion, points = share × weight, the total as printed; nobody without consent ranked', () => {
    const r = scoreMentors(base());
    expect(r.withoutConsent).toBe(1);
    expect(r.ranked.map((m) => m.mentor.id)).toEqual(['НК-1', 'НК-2']);
    const [belova, gromov] = r.ranked;
    expect(belova.facts).toMatchObject({ units: 2, mentees: 3, meetings: { held: 20, expected: 20 }, pairs: { completed: 1, early: 0, working: 1 } });
    expect(belova.parts.map((p) => [p.key, p.share === null ? null : Math.round(p.share * 100), p.points])).toEqual([
      ['meetings', 100, 300],
      ['satisfaction', 90, 270],
      ['growth', 100, 200],
      ['completed', 100, 100],
      ['training', 100, 100],
    ]);
    expect(belova.parts[0].figure).toBe('провела 20 встреч при ожидаемых 20');
    expect(plain(belova.parts[1].figure)).toBe('9 из 10 (n = 3)');
    expect(plain(belova.parts[2].figure)).toBe('Δ +2 (n = 2)');
    expect(belova.score).toBe(970);
    expect(points(belova.score)).toBe('9,7');
    // Громов: 6 of 10 meetings, one answer (too few), no diagnostics, his pair still works, sent to training.
    expect(gromov.parts.map((p) => plain(p.figure))).toEqual([
      'провёл 6 встреч при ожидаемых 10',
      '9 из 10, мало ответов (n = 1)',
      'нет прошедших обе анкеты',
      'пока не завершены (работают: 1)',
      'направлен на обучение, ещё не обучен',
    ]);
    expect(gromov.parts.map((p) => p.points)).toEqual([180, 0, 0, 0, 0]);
    expect(r.proposed.map((m) => m.mentor.id)).toEqual(['НК-1', 'НК-2']);
  });

  test('a pair ended early is checked up to its end date, and counts against completed pairs', () => {
    const input = base();
    input.units[2] = unit('ПА-2', 'НК-2', ['НЯ-4'], { outcome: 'endedEarly', end: d('2026-11-16'), meetings: weekly(6) });
    const g = scoreOf(input, 'НК-2');
    expect(g.facts.meetings).toEqual({ held: 6, expected: 6, unchecked: 0 });
    expect(g.parts.find((p) => p.key === 'completed')!.figure).toBe('завершены 0 из 1, досрочно — 1');
    expect(g.parts.find((p) => p.key === 'completed')!.share).toBe(0);
  });

  test('monotonic: one more meeting never lowers a score, all else equal', () => {
    for (let held = 0; held < 14; held++) {
      const a = base();
      a.units[2] = unit('ПА-2', 'НК-2', ['НЯ-4'], { meetings: weekly(held) });
      const b = base();
      b.units[2] = unit('ПА-2', 'НК-2', ['НЯ-4'], { meetings: weekly(held + 1) });
      expect(scoreOf(b, 'НК-2').score).toBeGreaterThanOrEqual(scoreOf(a, 'НК-2').score);
    }
    // A better answer never lowers either.
    for (let s = 1; s < 10; s++) {
      const a = { ...base(), minAnswers: 1 };
      a.feedback = [...a.feedback.filter((f) => f.pairId !== 'ПА-2'), fb('ПА-2', 'НЯ-4', s)];
      const b = { ...a, feedback: [...a.feedback.filter((f) => f.pairId !== 'ПА-2'), fb('ПА-2', 'НЯ-4', s + 1)] };
      expect(scoreOf(b, 'НК-2').score).toBeGreaterThan(scoreOf(a, 'НК-2').score);
    }
  });

  test('weight 0 removes a criterion: no part, no points, the maximum without it', () => {
    const r = scoreMentors({ ...base(), criteria: 'встречи по графику — 3; удовлетворённость наставляемых — 0; рост — 2' });
    expect(r.criteria.map((c) => c.key)).toEqual(['meetings', 'growth']);
    expect(r.maxScore).toBe(500);
    for (const m of r.ranked) expect(m.parts.map((p) => p.key)).toEqual(['meetings', 'growth']);
    // Meetings alone rank Громов below, satisfaction alone ranks them by the mentees' answers.
    expect(scoreOf({ ...base(), criteria: 'встречи — 1' }, 'НК-2').score).toBe(60);
  });

  test('changing the weights changes the ranking', () => {
    const input = { ...base(), minAnswers: 1 };
    // Громов's one mentee answered 10, Белова's averaged 9: with satisfaction alone he is first.
    input.feedback = [...input.feedback.filter((f) => f.pairId !== 'ПА-2'), fb('ПА-2', 'НЯ-4', 10)];
    expect(scoreMentors(input).ranked[0].mentor.id).toBe('НК-1');
    expect(scoreMentors({ ...input, criteria: 'удовлетворённость — 1' }).ranked[0].mentor.id).toBe('НК-2');
  });

  test('permuting the input (mentors, units, answers) does not change the ranking or the scores', () => {
    const input = base();
    input.mentors.push(mentor('НК-4', 'Андреева Мария Ивановна'), mentor('НК-5', 'Андреев Иван Иванович'));
    input.units.push(unit('ПА-4', 'НК-4', ['НЯ-6']), unit('ПА-5', 'НК-5', ['НЯ-7']));
    const ref = scoreMentors(input).ranked.map((m) => [m.mentor.id, m.score]);
    let seed = 7;
    const shuffle = <T>(a: readonly T[]) => {
      const out = [...a];
      for (let i = out.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const j = seed % (i + 1);
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    };
    for (let k = 0; k < 20; k++) {
      const p = { ...input, mentors: shuffle(input.mentors), units: shuffle(input.units), feedback: shuffle(input.feedback), diagnostics: shuffle(input.diagnostics) };
      expect(scoreMentors(p).ranked.map((m) => [m.mentor.id, m.score])).toEqual(ref);
    }
    // Equal points: more mentees first, then alphabetical — Андреев before Андреева.
    expect(ref.map((r) => r[0])).toEqual(['НК-1', 'НК-5', 'НК-4', 'НК-2']);
  });

  test('a tie at the cut is said, naming both with agreement', () => {
    const input = base();
    input.mentors.push(mentor('НК-4', 'Андреева Мария Ивановна', { training: 'направлен' }));
    input.units.push(unit('ПА-4', 'НК-4', ['НЯ-6'], { meetings: weekly(6) }));
    const r = scoreMentors({ ...input, propose: 2 });
    expect(r.ranked.map((m) => m.mentor.id)).toEqual(['НК-1', 'НК-4', 'НК-2']);
    expect(r.tieAtCut).toBe(true);
    const doc = bestMentorsData({ settings: readSettings([]).settings, period: 'за 2026/2027 учебный год', academicYear: '2026/2027', countedTo: '14.12.2026', result: r });
    expect(doc.data.values.предложение.replace(/\u00a0/g, ' ')).toContain('сколько у Андреевой Марии Ивановны, набрал Громов Олег Павлович (3-е место)');
  });
});

describe('best mentors: the справка data', () => {
  const settings = readSettings([]).settings;
  const doc = (result = scoreMentors(base())) => bestMentorsData({ settings, period: 'за 2026/2027 учебный год', academicYear: '2026/2027', countedTo: '14.12.2026', result });

  test('names in the accusative, the figures and points per criterion, a count of those without consent', () => {
    const { data } = doc();
    expect(plain(data.values.предложение)).toBe(
      'Предлагается отметить по итогам 2026/2027 учебного года наставников: Белову Ирину Сергеевну (9,7 балла из 10), Громова Олега Павловича (1,8 балла из 10).',
    );
    expect(plain(data.values.общие_сведения)).toContain('работали 3 наставника; в рейтинг включены 2 наставника. 1 наставник без согласия на обработку персональных данных в рейтинг не включён.');
    const rows = data.tables.предлагаемые.map((r) => plain(r.показатели));
    expect(rows[0]).toBe('Встречи по графику: провела 20 встреч при ожидаемых 20; 1 × 3');
    expect(rows).toContain('Удовлетворённость наставляемых: 9 из 10, мало ответов (n = 1) — не учитывается');
    expect(data.tables.предлагаемые[5]).toMatchObject({ баллы: '9,7' });
    expect(plain(data.tables.предлагаемые[0].наставник)).toBe('Белова Ирина Сергеевна, педагог дополнительного образования');
    const all = JSON.stringify(data);
    expect(all).not.toContain('Соколов');
    expect(all).not.toMatch(/NaN|undefined|null|Infinity/);
    expect(data.tables.критерии.map((r) => r.критерий)).toEqual(CRITERIA.slice(0, 5).map((c) => c.name.charAt(0).toUpperCase() + c.name.slice(1)));
  });

  test('a year without pairs says so in words', () => {
    const { data } = doc(scoreMentors({ ...base(), units: [] }));
    expect(data.values.общие_сведения).toContain('наставнических пар и групп не было');
    expect(data.tables.рейтинг).toHaveLength(1);
    expect(JSON.stringify(data)).not.toMatch(/NaN|undefined|null/);
  });

  test('without consent: the count agrees with the number', () => {
    expect(withoutConsentText(2)).toBe('2 наставника без согласия на обработку персональных данных в рейтинг не включены.');
    expect(withoutConsentText(21)).toBe('21 наставник без согласия на обработку персональных данных в рейтинг не включён.');
    expect(withoutConsentText(5)).toBe('5 наставников без согласия на обработку персональных данных в рейтинг не включены.');
  });
});

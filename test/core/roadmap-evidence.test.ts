import type { CalendarDate } from '../../src/core/documents/dates';
import { ROADMAP } from '../../src/core/domain/roadmap';
import { REPORT_KINDS } from '../../src/core/reports/registry';
import { DocumentFact, EVIDENCE_KINDS, EVIDENCE_RULES, Evidence, RoadmapFacts, evidenceFor } from '../../src/core/roadmap/evidence';

const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });
const URL = 'https://docs.google.com/document/d/doc-1/edit';

/** An empty workbook in the academic year 2026/2027, on 10.11.2026. */
function empty(): RoadmapFacts {
  const base = { total: 0, consented: 0, pending: 0, entryDiagnostics: 0 };
  return {
    year: 2026,
    today: d(2026, 11, 10),
    mentees: { ...base, withoutMentor: 0 },
    mentors: { ...base, trained: 0, training: 0 },
    partners: 0,
    programmes: 0,
    analysisRows: 0,
    preferences: 0,
    pairs: { proposed: 0, approved: 0, active: 0, finished: 0 },
    meetingsBehind: null,
    meetings: 0,
    feedback: { thisMonth: 0, thisYear: 0 },
    regulationOrder: '',
    programmeOrder: '',
    exportedOn: null,
    documents: [],
  };
}

type Change = (f: RoadmapFacts) => RoadmapFacts;
const facts = (...changes: Change[]): RoadmapFacts => changes.reduce((f, c) => c(f), empty());

function doc(kind: string, created: CalendarDate, more: Partial<DocumentFact> = {}): DocumentFact {
  return { kind, title: kind, url: URL, created, signed: null, number: '', periodDate: null, ...more };
}
const withDocs =
  (...docs: DocumentFact[]): Change =>
  (f) => ({ ...f, documents: [...f.documents, ...docs] });
const madeOn = (kind: string, created = d(2026, 10, 5), more: Partial<DocumentFact> = {}) => withDocs(doc(kind, created, more));
const signedOrder = (kind: string) => madeOn(kind, d(2026, 10, 5), { signed: d(2026, 10, 7), number: '123-о/д' });
const people =
  (which: 'mentees' | 'mentors', b: Partial<RoadmapFacts['mentors'] & RoadmapFacts['mentees']>): Change =>
  (f) => ({ ...f, [which]: { ...f[which], ...b } });
const pairs =
  (p: Partial<RoadmapFacts['pairs']>): Change =>
  (f) => ({ ...f, pairs: { ...f.pairs, ...p } });
const stageKind = (n: number) => REPORT_KINDS.find((k) => k.key === `stage-${n}`)!.name;

/**
 * Per activity: facts that complete it, facts that show it under way, and the text the evidence
 * shows. An activity missing a case cannot be in that state from the workbook alone.
 */
const CASES: Record<string, { done?: Change[]; work?: Change[]; text: RegExp }> = {
  '1.1': {
    done: [(f) => ({ ...f, regulationOrder: '№ 12 от 01.09.2026', programmeOrder: '№ 13 от 01.09.2026' })],
    work: [(f) => ({ ...f, regulationOrder: '№ 12 от 01.09.2026' })],
    text: /^Утверждены \(по «Настройкам»\): положение — № 12 от 01\.09\.2026/,
  },
  '1.2': { done: [signedOrder(EVIDENCE_KINDS.orderLists)], work: [madeOn(EVIDENCE_KINDS.orderLists)], text: /^Приказ об утверждении списков: / },
  '1.6': { done: [madeOn(stageKind(1))], text: /^Справка по этапу 1: дата формирования 05\.10\.2026$/ },
  '2.1': {
    done: [people('mentees', { total: 66, consented: 63 })],
    work: [people('mentees', { total: 66, consented: 60, pending: 3 })],
    text: /^База наставляемых: 66 человек, из них с согласием 6[03]/,
  },
  '2.2': { done: [(f) => ({ ...f, analysisRows: 3 })], text: /^«Анализ запросов»: 3 строки$/ },
  '2.3': {
    done: [people('mentees', { total: 10, consented: 8, entryDiagnostics: 8 })],
    work: [people('mentees', { total: 10, consented: 8, entryDiagnostics: 5 })],
    text: /^Входная диагностика наставляемых: [58] из 8 с согласием$/,
  },
  '2.4': { done: [madeOn(stageKind(2))], text: /^Справка по этапу 2: / },
  '3.2': {
    done: [people('mentors', { total: 21, consented: 20 })],
    work: [people('mentors', { total: 21, consented: 19, pending: 1 })],
    text: /^База наставников: 21 человек, из них с согласием (20|19; ждут согласия 1)$/,
  },
  '3.4': {
    done: [people('mentors', { total: 4, consented: 4, entryDiagnostics: 4 })],
    work: [people('mentors', { total: 4, consented: 4, entryDiagnostics: 1 })],
    text: /^Входная диагностика наставников: [14] из 4 с согласием$/,
  },
  '3.6': { done: [madeOn(stageKind(3))], text: /^Справка по этапу 3: / },
  '4.1': { done: [signedOrder(EVIDENCE_KINDS.orderTraining)], work: [madeOn(EVIDENCE_KINDS.orderTraining)], text: /^Приказ о «Школе наставников»: / },
  '4.2': {
    done: [people('mentors', { total: 3, trained: 3 })],
    work: [people('mentors', { total: 3, trained: 1, training: 2 })],
    text: /^«Школа наставников»: обучено [13] из 3/,
  },
  '4.3': { done: [madeOn(stageKind(4))], text: /^Справка по этапу 4: / },
  '5.1': {
    done: [(f) => ({ ...f, preferences: 2 }), pairs({ approved: 5 })],
    work: [(f) => ({ ...f, preferences: 2 }), pairs({ proposed: 5 })],
    text: /^Выбор после групповой встречи: 2 человека; пар и групп предложено [05], утверждено [05]$/,
  },
  '5.2': { done: [signedOrder(EVIDENCE_KINDS.orderPairs), pairs({ approved: 4 })], work: [madeOn(EVIDENCE_KINDS.orderPairs), pairs({ approved: 4 })], text: /; пар и групп утверждено: 4$/ },
  '5.3': {
    done: [pairs({ approved: 4 })],
    work: [pairs({ approved: 4 }), people('mentees', { withoutMentor: 2 })],
    text: /^(Все наставляемые с согласием — в парах или группах|Без наставника: 2 человека)$/,
  },
  '5.4': { done: [madeOn(stageKind(5))], text: /^Справка по этапу 5: / },
  '6.1': {
    done: [pairs({ approved: 4, finished: 4 }), (f) => ({ ...f, meetings: 40, meetingsBehind: 0 })],
    work: [pairs({ approved: 4, active: 4 }), (f) => ({ ...f, meetings: 12, meetingsBehind: 1 })],
    text: /^Встреч записано: (40|12); активных пар: [04]; пар с отставанием: [01]$/,
  },
  '6.2': { work: [(f) => ({ ...f, feedback: { thisMonth: 1, thisYear: 25 } })], text: /^Обратная связь: в этом месяце 1 ответ, за учебный год 25$/ },
  '6.3': { done: [madeOn(stageKind(6))], text: /^Справка по этапу 6: / },
  '7.1': { done: [madeOn(EVIDENCE_KINDS.swot)], text: /^SWOT-анализ: дата формирования 05\.10\.2026$/ },
  '7.2': { done: [madeOn(EVIDENCE_KINDS.satisfaction)], text: /^Отчёт об удовлетворённости: / },
  '7.3': {
    done: [madeOn(EVIDENCE_KINDS.effectiveness, d(2026, 11, 16), { periodDate: d(2026, 11, 15) }), madeOn(EVIDENCE_KINDS.effectiveness, d(2027, 6, 16), { periodDate: d(2027, 6, 15) })],
    work: [madeOn(EVIDENCE_KINDS.effectiveness, d(2026, 11, 16), { periodDate: d(2026, 11, 15) })],
    text: /^Отчёт о показателях эффективности: на 15\.11\.2026(, на 15\.06\.2027)?$/,
  },
  '7.4': { done: [(f) => ({ ...f, exportedOn: d(2026, 11, 3) })], text: /^Выгрузка для платформы «Наставник»: 03\.11\.2026$/ },
  '7.5': { done: [madeOn(EVIDENCE_KINDS.bestMentors)], text: /^Справка о лучших наставниках: / },
  '7.6': { done: [madeOn(EVIDENCE_KINDS.cases)], text: /^Банк кейсов: / },
};

/** Activities the workbook only shows (a count), never deciding their status. */
const SHOWN_ONLY: Record<string, Change[]> = {
  '3.1': [(f) => ({ ...f, partners: 3 })],
  '3.3': [people('mentors', { total: 5 }), people('mentees', { total: 9 })],
  '3.5': [(f) => ({ ...f, programmes: 2 })],
};
/** The curator's alone: outside the workbook. */
const CURATORS = ['1.3', '1.4', '1.5'];

/** Everything the workbook can hold for a finished year. */
function everything(): RoadmapFacts {
  const all = Object.values(CASES).flatMap((c) => c.done ?? c.work ?? []);
  return facts(...all, ...Object.values(SHOWN_ONLY).flat());
}

describe('roadmap evidence, rule by rule', () => {
  test('every activity of ROADMAP has exactly one rule, and every rule is an activity', () => {
    expect(Object.keys(EVIDENCE_RULES).sort()).toEqual(ROADMAP.map((r) => r.number).sort());
    const covered = [...Object.keys(CASES), ...Object.keys(SHOWN_ONLY), ...CURATORS].sort();
    expect(covered).toEqual(ROADMAP.map((r) => r.number).sort());
  });

  test('an empty workbook evidences nothing: every activity stays the curator’s', () => {
    for (const r of ROADMAP) expect([r.number, evidenceFor(r.number, empty())]).toEqual([r.number, null]);
  });

  test.each(Object.entries(CASES))('%s: «выполнено», «в работе» and nothing, from the facts', (number, c) => {
    expect(evidenceFor(number, empty())).toBeNull();
    if (c.done) {
      const e = evidenceFor(number, facts(...c.done))!;
      expect(e.status).toBe('выполнено');
      expect(e.text).toMatch(c.text);
    }
    if (c.work) {
      const e = evidenceFor(number, facts(...c.work))!;
      expect(e.status).toBe('в работе');
      expect(e.text).toMatch(c.text);
      expect(e.doneOn).toBeNull();
    }
    expect(c.done ?? c.work).toBeDefined();
  });

  test('the curator’s activities (1.3, 1.4, 1.5) give nothing, and 3.1, 3.3, 3.5 only show a count, however full the workbook', () => {
    const full = everything();
    for (const n of CURATORS) expect(evidenceFor(n, full)).toBeNull();
    expect(evidenceFor('3.1', full)).toEqual({ status: null, text: 'Партнёров в базе: 3', link: '', doneOn: null });
    expect(evidenceFor('3.5', full)).toEqual({ status: null, text: 'Программ в базе: 2', link: '', doneOn: null });
    expect(evidenceFor('3.3', full)?.status).toBeNull();
    for (const n of Object.keys(SHOWN_ONLY)) expect(evidenceFor(n, facts(...SHOWN_ONLY[n]))?.status).toBeNull();
  });

  test('an order: made and unsigned → «в работе» with its link and no date done; signed → «выполнено» on the signing day with its number', () => {
    const unsigned = evidenceFor('5.2', facts(madeOn(EVIDENCE_KINDS.orderPairs), pairs({ approved: 4 })))!;
    expect(unsigned).toEqual<Evidence>({
      status: 'в работе',
      text: 'Приказ об утверждении пар: сформирован 05.10.2026, не подписан (дата подписания и номер — в «Документах»); пар и групп утверждено: 4',
      link: URL,
      doneOn: null,
    });
    const signed = evidenceFor('5.2', facts(signedOrder(EVIDENCE_KINDS.orderPairs), pairs({ approved: 4 })))!;
    expect(signed).toEqual<Evidence>({ status: 'выполнено', text: 'Приказ об утверждении пар: подписан 07.10.2026 № 123-о/д; пар и групп утверждено: 4', link: URL, doneOn: d(2026, 10, 7) });
    // A signed order without a number recorded yet is still done; the text says no number.
    const noNumber = evidenceFor('4.1', facts(madeOn(EVIDENCE_KINDS.orderTraining, d(2026, 10, 5), { signed: d(2026, 10, 6) })))!;
    expect([noNumber.status, noNumber.text]).toEqual(['выполнено', 'Приказ о «Школе наставников»: подписан 06.10.2026']);
  });

  test('the newest order of the year decides: a later unsigned one after a signed one is «в работе», its link shown', () => {
    const later = 'https://docs.google.com/document/d/doc-2/edit';
    const f = facts(signedOrder(EVIDENCE_KINDS.orderLists), withDocs(doc(EVIDENCE_KINDS.orderLists, d(2026, 12, 1), { url: later })));
    expect(evidenceFor('1.2', f)).toMatchObject({ status: 'в работе', link: later });
    // The same day: the signed one counts over an unsigned copy.
    const sameDay = facts(withDocs(doc(EVIDENCE_KINDS.orderLists, d(2026, 10, 5), { url: later })), signedOrder(EVIDENCE_KINDS.orderLists));
    expect(evidenceFor('1.2', sameDay)).toMatchObject({ status: 'выполнено', link: URL });
  });

  test('last year’s documents never count for this year (31.08 is last year, 01.09 this one)', () => {
    const kinds: Array<[string, string, Partial<DocumentFact>]> = [
      ['1.2', EVIDENCE_KINDS.orderLists, { signed: d(2026, 8, 31), number: '7' }],
      ['4.1', EVIDENCE_KINDS.orderTraining, { signed: d(2026, 8, 31), number: '8' }],
      ['5.2', EVIDENCE_KINDS.orderPairs, { signed: d(2026, 8, 31), number: '9' }],
      ['1.6', stageKind(1), {}],
      ['2.4', stageKind(2), {}],
      ['3.6', stageKind(3), {}],
      ['4.3', stageKind(4), {}],
      ['5.4', stageKind(5), {}],
      ['6.3', stageKind(6), {}],
      ['7.1', EVIDENCE_KINDS.swot, {}],
      ['7.2', EVIDENCE_KINDS.satisfaction, {}],
      ['7.5', EVIDENCE_KINDS.bestMentors, {}],
      ['7.6', EVIDENCE_KINDS.cases, {}],
    ];
    for (const [number, kind, more] of kinds) {
      expect([number, evidenceFor(number, facts(madeOn(kind, d(2026, 8, 31), more)))]).toEqual([number, null]);
      expect([number, evidenceFor(number, facts(madeOn(kind, d(2025, 9, 1), more)))]).toEqual([number, null]);
      expect([number, evidenceFor(number, facts(madeOn(kind, d(2026, 9, 1), more)))?.status]).toEqual([number, 'выполнено']);
    }
    // The effectiveness report counts by its reporting date: June 2026 belongs to 2025/2026.
    const june = facts(madeOn(EVIDENCE_KINDS.effectiveness, d(2026, 9, 2), { periodDate: d(2026, 6, 15) }));
    expect(evidenceFor('7.3', june)).toBeNull();
    // Last year's signed order does not complete this year's even beside this year's unsigned one.
    const both = facts(madeOn(EVIDENCE_KINDS.orderPairs, d(2026, 5, 20), { signed: d(2026, 5, 21), number: '50' }), madeOn(EVIDENCE_KINDS.orderPairs, d(2026, 10, 1)));
    expect(evidenceFor('5.2', both)?.status).toBe('в работе');
  });

  test('a stage справка evidences its own stage only (этап 1 is not этап 10)', () => {
    const f = facts(madeOn(stageKind(1)));
    expect(evidenceFor('1.6', f)?.status).toBe('выполнено');
    for (const n of ['2.4', '3.6', '4.3', '5.4', '6.3']) expect(evidenceFor(n, f)).toBeNull();
    expect(evidenceFor('1.6', facts(madeOn('Справка по итогам мониторинга, этап 10 «другое»')))).toBeNull();
  });

  test('every report kind of the registry evidences the roadmap rows it names', () => {
    for (const kind of REPORT_KINDS) {
      const f = facts(madeOn(kind.name, d(2027, 6, 16), { periodDate: d(2027, 6, 15), signed: d(2027, 6, 17) }));
      for (const number of kind.roadmap) expect([kind.key, number, evidenceFor(number, f)?.status]).toEqual([kind.key, number, 'выполнено']);
    }
  });

  test('counts agree in Russian: 1 человек, 2 человека, 5 человек; 1 строка; 21 ответ', () => {
    const base = (n: number) => evidenceFor('2.1', facts(people('mentees', { total: n, consented: n })))!.text;
    expect(base(1)).toBe('База наставляемых: 1 человек, из них с согласием 1');
    expect(base(2)).toBe('База наставляемых: 2 человека, из них с согласием 2');
    expect(base(5)).toBe('База наставляемых: 5 человек, из них с согласием 5');
    expect(
      evidenceFor(
        '2.2',
        facts((f) => ({ ...f, analysisRows: 1 })),
      )!.text,
    ).toBe('«Анализ запросов»: 1 строка');
    expect(
      evidenceFor(
        '6.2',
        facts((f) => ({ ...f, feedback: { thisMonth: 21, thisYear: 40 } })),
      )!.text,
    ).toBe('Обратная связь: в этом месяце 21 ответ, за учебный год 40');
  });

  test('a row number typed with spaces finds its rule; an unknown number has none', () => {
    const f = facts((f0) => ({ ...f0, analysisRows: 2 }));
    expect(evidenceFor(' 2.2 ', f)?.status).toBe('выполнено');
    expect(evidenceFor('8.1', f)).toBeNull();
  });
});

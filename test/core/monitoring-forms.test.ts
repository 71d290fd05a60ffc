import { FEEDBACK_ITEMS, MAY_SURVEY, MONITORING_ITEMS, SWOT_QUESTIONNAIRE, itemWording } from '../../src/core/monitoring/items';
import { MENTORING_FORMS } from '../../src/core/domain/forms-of-mentoring';
import { questionnaires } from '../../src/core/questionnaires/definitions';
import { DIAGNOSTICS_FORMS, KEY, NO_PAIRS_YET, bankItem, codeOfKey, monitoringKind } from '../../src/core/questionnaires/monitoring-forms';
import { monitoringProblem, MonitoringAnswer, MonitoringCheckContext } from '../../src/core/intake/feedback';
import type { PairUnit } from '../../src/core/intake/meetings';
import { locateQuestions, parseResponse } from '../../src/core/questionnaires/read';

const FORMS = MENTORING_FORMS.map((f) => f.name);
const defs = questionnaires({ forms: FORMS, pseudonymous: false, pairs: ['ПА-0001', 'Г-0001'] });

describe('the monitoring questionnaires', () => {
  test('every title is unique within its form: a response column is found by its title', () => {
    for (const def of Object.values(defs)) {
      const titles = def.questions.map((q) => q.title);
      expect({ form: def.title, repeated: titles.filter((t, i) => titles.indexOf(t) !== i) }).toEqual({ form: def.title, repeated: [] });
    }
  });

  test('each question of the bank appears with its wording, and nothing else is asked', () => {
    expect(defs.feedback.questions.filter((q) => codeOfKey(q.key)).map((q) => q.title)).toEqual(FEEDBACK_ITEMS.map((i) => i.text));
    for (const d of DIAGNOSTICS_FORMS) {
      const items = defs[d.key].questions.filter((q) => codeOfKey(q.key));
      expect(items.map((q) => q.title)).toEqual(MONITORING_ITEMS[d.role].filter((i) => itemWording(i, d.phase)).map((i) => itemWording(i, d.phase)));
      for (const q of items) expect(bankItem(d.key, q.key)?.code).toBe(codeOfKey(q.key));
    }
    expect(defs.satisfaction.questions.filter((q) => codeOfKey(q.key)).map((q) => q.title)).toEqual(MAY_SURVEY.items.map((i) => i.text));
    expect(new Set(defs.swot.questions.filter((q) => codeOfKey(q.key)).map((q) => q.title))).toEqual(new Set(SWOT_QUESTIONNAIRE.items.map((i) => i.text)));
  });

  test('1–10 ratings are 1–10 scales; yes/no is «да» / «нет»; the pair list follows the approved pairs', () => {
    for (const q of defs.feedback.questions.filter((x) => x.type === 'SCALE')) expect(q.field).toEqual({ kind: 'number', min: 1, max: 10 });
    const prior = defs.diagnosticsEntryMentee.questions.find((q) => codeOfKey(q.key) === 'prior')!;
    expect([prior.type, prior.choices]).toEqual(['MULTIPLE_CHOICE', ['да', 'нет']]);
    expect(defs.feedback.questions.find((q) => q.key === KEY.pair)!.choices).toEqual(['ПА-0001', 'Г-0001']);
    const none = questionnaires({ forms: FORMS, pseudonymous: false });
    expect(none.feedback.questions.find((q) => q.key === KEY.pair)!.choices).toEqual([NO_PAIRS_YET]);
  });

  test('SWOT: each form of mentoring is led to a page of its own questions; forms asked the same share one', () => {
    const swot = defs.swot;
    expect(swot.route).toBe(KEY.form);
    const routed = swot.sections!.flatMap((s) => s.forAnswers ?? []);
    expect(new Set(routed)).toEqual(new Set(FORMS));
    const shared = swot.sections!.find((s) => s.forAnswers!.includes('работодатель – ученик'))!;
    expect(shared.forAnswers).toEqual(expect.arrayContaining(['студент – ученик']));
    // A form the curator added, with no questions of its own, gets no page.
    const extra = questionnaires({ forms: [...FORMS, 'семья – ученик'], pseudonymous: false }).swot;
    expect(extra.sections!.some((s) => s.forAnswers!.includes('семья – ученик'))).toBe(false);
    expect(extra.questions.find((q) => q.key === KEY.form)!.choices).toContain('семья – ученик');
  });

  test('an item of some forms only says so in its help and may be skipped', () => {
    const q = defs.diagnosticsExitMentee.questions.find((x) => codeOfKey(x.key) === 'staying')!;
    expect(q.required).toBe(false);
    expect(q.help).toContain('«педагог – педагог»');
  });

  test('a rating typed by hand outside 1–10 refuses the whole feedback response', () => {
    const def = defs.feedback;
    const header = ['Отметка времени', ...def.questions.map((q) => q.title)];
    const layout = locateQuestions(header, def);
    const cells = [new Date('2026-11-18T09:00:00Z'), 'НЯ-0001', 'ПА-0001', 'наставляемый', '11', '5', '5', ''];
    const { response, problems } = parseResponse(def, layout, cells, 2);
    expect(response).toBeNull();
    expect(problems.map((p) => p.reason)).toEqual(['11 — вне допустимого диапазона 1–10']);
  });

  test('monitoringKind names what each form is about', () => {
    expect(monitoringKind('feedback')).toEqual({ kind: 'feedback' });
    expect(monitoringKind('diagnosticsExitMentor')).toEqual({ kind: 'diagnostics', phase: 'итоговая', role: 'наставник' });
    expect(monitoringKind('swot')).toMatchObject({ kind: 'survey', swot: true });
    expect(monitoringKind('mentee')).toBeNull();
  });
});

describe('monitoringProblem', () => {
  const unit = (over: Partial<PairUnit> = {}): PairUnit => ({ id: 'ПА-0001', rows: [0], mentorId: 'НК-0001', approved: true, ended: false, statuses: ['активна'], ...over });
  const ctx = (over: Partial<MonitoringCheckContext> = {}): MonitoringCheckContext => ({
    person: { id: 'НЯ-0001', role: 'наставляемый', consented: true },
    unit: unit(),
    members: new Set(['НК-0001', 'НЯ-0001']),
    noPairsChoice: NO_PAIRS_YET,
    ...over,
  });
  const answer = (over: Partial<MonitoringAnswer> = {}): MonitoringAnswer => ({ code: 'НЯ-0001', pairId: 'ПА-0001', role: 'наставляемый', ...over });

  test('a right answer passes', () => {
    expect(monitoringProblem(answer(), ctx())).toBeNull();
  });

  test.each<[string, Partial<MonitoringAnswer>, Partial<MonitoringCheckContext>, string, string]>([
    [
      'nobody in the bases',
      { code: 'НЯ-9999' },
      { person: undefined },
      'code',
      'код «НЯ-9999» — не код участника из баз «Наставляемые» или «Наставники»; проверьте, что анкету открыли по личной ссылке',
    ],
    ['no consent: only the ID', {}, { person: { id: 'НЯ-0001', role: 'наставляемый', consented: false } }, 'code', 'у участника НЯ-0001 нет действующего согласия на обработку персональных данных'],
    ['the role of the other base', { role: 'наставник' }, {}, 'role', 'роль «наставник» не совпадает с базами: НЯ-0001 — наставляемый'],
    ['the placeholder', { pairId: NO_PAIRS_YET }, { unit: undefined }, 'pair', 'пара или группа не выбрана (утверждённых пар тогда ещё не было)'],
    ['no such pair', { pairId: 'ПА-0777' }, { unit: undefined }, 'pair', 'пары или группы «ПА-0777» нет на листе «Пары и группы»'],
    ['a pair only proposed', {}, { unit: unit({ approved: false, statuses: ['предложена'] }) }, 'pair', 'пара (группа) ПА-0001 не утверждена приказом (статус: предложена)'],
    ['an ended pair', {}, { unit: unit({ approved: false, ended: true, statuses: ['завершена'] }) }, 'pair', 'пара (группа) ПА-0001 завершена'],
    [
      'entry diagnostics of an ended pair',
      { phase: 'входная', endedAllowed: true },
      { unit: unit({ approved: false, ended: true }) },
      'pair',
      'входная диагностика для завершённой пары (группы) ПА-0001: после завершения заполняется итоговая',
    ],
    ['someone else’s pair', {}, { members: new Set(['НК-0001', 'НЯ-0002']) }, 'code', 'участник НЯ-0001 не входит в пару (группу) ПА-0001'],
  ])('%s', (_name, a, c, field, reason) => {
    expect(monitoringProblem(answer(a), ctx(c))).toMatchObject({ field, reason });
  });

  test('the value of a refusal for want of consent is the ID, never the answer', () => {
    const p = monitoringProblem(answer(), ctx({ person: { id: 'НЯ-0001', role: 'наставляемый', consented: false } }));
    expect(p!.value).toBe('НЯ-0001');
  });

  test('exit diagnostics and the May survey of an ended pair pass; SWOT needs no code', () => {
    const ended = ctx({ unit: unit({ approved: false, ended: true }) });
    expect(monitoringProblem(answer({ phase: 'итоговая', endedAllowed: true }), ended)).toBeNull();
    expect(monitoringProblem({ code: '', pairId: '', codeOptional: true }, ctx({ person: undefined, unit: undefined }))).toBeNull();
    // A code given on SWOT is still checked.
    expect(monitoringProblem({ code: 'НК-9999', pairId: '', codeOptional: true }, ctx({ person: undefined, unit: undefined }))!.field).toBe('code');
  });
});

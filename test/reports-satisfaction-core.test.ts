import { satisfactionData, satisfactionTemplate, SATISFACTION_FIELDS, type SatisfactionInput } from '../src/core/documents/report-satisfaction';
import { fillSpec } from '../src/core/documents/template/fill-spec';
import { specText } from '../src/core/documents/model';
import { feedbackStats } from '../src/core/monitoring';
import { readSettings } from '../src/core/settings';

const settings = {
  ...readSettings([]).settings,
  orgName: 'Муниципальное автономное образовательное учреждение дополнительного образования «Центр детского творчества «Хибины»',
  orgShortName: 'МАОДО ЦДТ «Хибины»',
  directorName: 'И.И. Иванова',
  curatorName: 'Петрова Елена Андреевна',
};
const PP = 'педагог – педагог';
const UU = 'ученик – ученик';
const fb = (pairId: string, personId: string, role: string, form: string, s: number, q: number, i: number) => ({ pairId, personId, role, form, date: null, satisfaction: s, quality: q, impact: i });
const dg = (personId: string, pairId: string, role: string, form: string, phase: string, itemCode: string, value: string | number) => ({ personId, pairId, role, form, phase, itemCode, value });
const sv = (personId: string, pairId: string, role: string, form: string, item: string, value: string | number, comment = '') => ({ personId, pairId, role, form, item, value, comment });

const input: SatisfactionInput = {
  settings,
  period: 'за 2026/2027 учебный год',
  academicYear: '2026/2027',
  forms: [PP, UU],
  units: [{ form: PP }, { form: UU }],
  feedback: [
    fb('ПА-1', 'НЯ-A', 'наставляемый', PP, 9, 8, 6),
    fb('ПА-1', 'НЯ-A', 'наставляемый', PP, 7, 8, 6),
    fb('ПА-1', 'НК-M', 'наставник', PP, 9, 9, 10),
    fb('ПА-2', 'НЯ-B', 'наставляемый', UU, 6, 7, 7),
  ],
  diagnostics: [
    dg('НЯ-A', 'ПА-1', 'наставляемый', PP, 'входная', 'satisfaction', 5),
    dg('НЯ-A', 'ПА-1', 'наставляемый', PP, 'итоговая', 'satisfaction', 8),
    dg('НЯ-B', 'ПА-2', 'наставляемый', UU, 'входная', 'satisfaction', 6),
    dg('НЯ-A', 'ПА-1', 'наставляемый', PP, 'итоговая', 'continue', 'да'),
    dg('НЯ-B', 'ПА-2', 'наставляемый', UU, 'итоговая', 'continue', 'нет'),
    dg('НК-M', 'ПА-1', 'наставник', PP, 'итоговая', 'continue', 'Да'),
  ],
  survey: [
    sv('НЯ-A', 'ПА-1', 'наставляемый', PP, 'satisfaction', 9),
    sv('НЯ-B', 'ПА-2', 'наставляемый', UU, 'satisfaction', 7),
    sv('НЯ-A', 'ПА-1', 'наставляемый', PP, 'recommend', 'да'),
    sv('НЯ-B', 'ПА-2', 'наставляемый', UU, 'recommend', 'нет'),
    sv('НЯ-A', 'ПА-1', 'наставляемый', PP, 'improve', '', 'Больше встреч {{дата}}'),
    sv('НЯ-B', 'ПА-2', 'наставляемый', UU, 'improve', '', 'Елена Андреевна Петровой спасибо'),
  ],
  threshold: 8,
  names: ['Петрова Елена Андреевна'],
};

const docOf = (i: SatisfactionInput) => specText(fillSpec(satisfactionTemplate(settings), satisfactionData(i).data, SATISFACTION_FIELDS).spec);

describe('the satisfaction and impact report (7.2)', () => {
  test('10a: means, shares at or above the threshold and n per role, from the feedback and the May survey; the level equals feedbackStats', () => {
    const r = satisfactionData(input);
    const rows = r.data.tables['оценки'];
    // Each question is two rows, mentees then mentors; read back as one.
    const row = (q: string) => {
      const i = rows.findIndex((x) => x['вопрос'] === q);
      const [e, m] = [rows[i], rows[i + 1]];
      expect([e['роль'], m['роль'], m['вопрос']]).toEqual(['наставляемые', 'наставники', '']);
      return { вопрос: q, наставляемые_балл: e['балл'], наставляемые_доля: e['доля'], наставляемые_n: e['n'], наставники_балл: m['балл'], наставники_доля: m['доля'], наставники_n: m['n'] };
    };
    // Mentee A averages 8 over two answers, B 6: mean 7, one of two at 8 or above.
    expect(row('Ежемесячная обратная связь: удовлетворённость')).toEqual({
      вопрос: 'Ежемесячная обратная связь: удовлетворённость',
      наставляемые_балл: '7',
      наставляемые_доля: '50\u00a0%',
      наставляемые_n: '2',
      наставники_балл: '9',
      наставники_доля: '100\u00a0%',
      наставники_n: '1',
    });
    expect(row('Ежемесячная обратная связь: качество')).toMatchObject({ наставляемые_балл: '7,5', наставляемые_доля: '50\u00a0%', наставляемые_n: '2' });
    expect(row('Ежемесячная обратная связь: польза')).toMatchObject({ наставляемые_балл: '6,5', наставляемые_доля: '0\u00a0%', наставники_доля: '100\u00a0%' });
    expect(row('Майский опрос: удовлетворённость участием')).toMatchObject({
      наставляемые_балл: '8',
      наставляемые_доля: '50\u00a0%',
      наставляемые_n: '2',
      наставники_балл: 'нет данных',
      наставники_n: '0',
    });
    const stats = feedbackStats(input.feedback, { threshold: 8 });
    const level = stats.groups.find((g) => g.scope === 'all' && g.role === 'наставляемый')!.satisfaction.share;
    expect(r.level['наставляемый']).toEqual(level);
  });

  test('10b–10d: Δ only for those with both phases; yes/no shares with n; by form', () => {
    const r = satisfactionData(input);
    const delta = r.data.tables['динамика'];
    expect(delta.find((d) => d['показатель'] === 'наставляемые: удовлетворённость совместной работой' && d['форма'] === 'все формы')).toEqual({
      показатель: 'наставляемые: удовлетворённость совместной работой',
      форма: 'все формы',
      входная: '5',
      итоговая: '8',
      изменение: '+3',
      n: '1',
    });
    expect(delta.find((d) => d['форма'] === UU)).toMatchObject({ изменение: 'нет итоговой анкеты', n: '0' });
    const yes = r.data.tables['да_нет'];
    expect(yes.find((y) => y['вопрос'] === 'Итоговая диагностика: хочет продолжить' && y['роль'] === 'наставляемые')).toEqual({
      вопрос: 'Итоговая диагностика: хочет продолжить',
      роль: 'наставляемые',
      да: '50\u00a0%',
      нет: '50\u00a0%',
      n: '2',
    });
    expect(yes.find((y) => y['вопрос'] === 'Итоговая диагностика: хочет продолжить' && y['роль'] === 'наставники')).toMatchObject({ да: '100\u00a0%', n: '1' });
    expect(yes.find((y) => y['вопрос'] === 'Майский опрос: снова наставником')).toMatchObject({ да: 'нет ответов', n: '0' });
    expect(r.data.tables['по_формам']).toEqual([
      { форма: PP, пар: '1', ответили: '2', наставляемые: '100\u00a0% (n\u00a0=\u00a01)', наставники: '100\u00a0% (n\u00a0=\u00a01)' },
      { форма: UU, пар: '1', ответили: '1', наставляемые: '0\u00a0% (n\u00a0=\u00a01)', наставники: 'нет ответов' },
    ]);
  });

  test('open answers: grouped into themes with counts, examples without names, an answer naming someone counted but not quoted, marks inert', () => {
    const r = satisfactionData(input);
    expect(r.named).toBe(1);
    const doc = docOf(input).replace(/\u00a0/g, ' ');
    expect(r.data.tables['ответы']).toEqual([
      { тема: 'Больше встреч и времени', ответов: '1', примеры: '«Больше встреч {{дата}}»' },
      { тема: 'Другое', ответов: '1', примеры: '—' },
    ]);
    expect(doc).toContain('\nБольше встреч и времени\t1\t«Больше встреч { {дата} }»\n');
    expect(doc).not.toContain('Петровой спасибо');
    expect(doc).toContain('Ответ, где упомянуты люди по имени (1 ответ), учтён в темах, но не приводится.');
    expect(doc).toContain('наставляемые — 50 % (n = 2)');
    expect(doc).toContain('оценено для 1 наставляемого');
    expect(doc).not.toMatch(/NaN|undefined|Infinity|\{\{/);
    const texts = ['Чаще встречаться', 'Больше встреч', 'Больше проектов', 'Неудобное расписание', 'Нужен кабинет', 'Новые материалы', 'Всё устраивает', 'Эмблема', 'Больше времени на проект'];
    const many = { ...input, names: [], survey: texts.map((t, k) => sv(`НЯ-${k}`, 'ПА-1', 'наставляемый', PP, 'improve', '', t)) };
    const rows = satisfactionData(many).data.tables['ответы'];
    expect(rows.map((x) => [x['тема'], x['ответов']])).toEqual([
      ['Больше встреч и времени', '3'],
      ['Расписание и организация встреч', '2'],
      ['Конкурсы, проекты и практика', '2'],
      ['Материалы и оборудование', '1'],
      ['Всё устраивает', '1'],
      ['Другое', '1'],
    ]);
    expect(docOf(many).replace(/\u00a0/g, ' ')).toContain('даны 9 ответов. Они сгруппированы по темам');
  });

  test('a year without data says so in words, never NaN', () => {
    const r = satisfactionData({ ...input, units: [], feedback: [], diagnostics: [], survey: [] });
    expect(r.empty).toBe(true);
    const doc = docOf({ ...input, units: [], feedback: [], diagnostics: [], survey: [] });
    expect(doc).toContain('данных для отчёта нет');
    expect(doc).toContain('Диагностика в этом году не проводилась');
    expect(doc).toContain('Открытых ответов в майском опросе нет.');
    expect(doc).not.toMatch(/NaN|undefined|Infinity|\{\{/);
  });
});

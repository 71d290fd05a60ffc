/**
 * The cases a curator questions (issue 9): each is a small centre where the wrong answer is easy,
 * and the test says what the curator must see — the pair proposed or not, the reason, the note.
 */
import { solve } from '../../../src/core/matching';
import { allowedPair, describePairs, reasonsOf, toBaseResult } from '../../../src/core/pairing/plan';
import { unmatchedNotes } from '../../../src/core/pairing/notes';
import { keepTogether } from '../../../src/core/pairing/together';
import { MatchingPlan } from '../../../src/core/pairing/plan';
import { choices, mentee, mentor, plan } from './fixtures';

function run(p: MatchingPlan) {
  const result = toBaseResult(p, solve(p.instance));
  return { result, pairs: describePairs(p, result), notes: unmatchedNotes(p, result) };
}
const pairOf = (r: ReturnType<typeof run>, menteeId: string) => r.pairs.find((x) => x.menteeId === menteeId)?.mentorId ?? null;
const noteOf = (r: ReturnType<typeof run>, menteeId: string) => {
  const n = r.notes.find((x) => x.menteeId === menteeId);
  return n ? `${n.why}. Что дальше: ${n.next}` : '';
};

describe('relatives are not proposed, and the curator may still decide', () => {
  const sister = mentee({ name: 'Кузнецова Дарья Игоревна', form: 'ученик – ученик', grade: 5, contact: '8 (921) 555-12-34' });
  const brother = mentor({ id: 'НК-0002', name: 'Кузнецов Павел Игоревич', category: 'обучающийся', grade: 10, forms: ['ученик – ученик'], contact: '+7 921 555 1234' });

  test('a brother (same surname, patronymic and parent’s phone) is never proposed to his sister', () => {
    const r = run(plan([sister], [brother]));
    expect(pairOf(r, sister.id)).toBeNull();
    expect(noteOf(r, sister.id)).toContain('возможно, родственники');
    expect(noteOf(r, sister.id)).toContain('закрепите');
  });

  test('the same surname and patronymic alone is enough; a namesake with another patronymic is not', () => {
    expect(run(plan([sister], [{ ...brother, contact: 'pavel@example.ru' }])).pairs).toHaveLength(0);
    expect(run(plan([sister], [{ ...brother, contact: 'pavel@example.ru', name: 'Кузнецов Павел Олегович' }])).pairs).toHaveLength(1);
  });

  test('a pair the curator fixed stays, with the warning first in «Обоснование»', () => {
    const p = plan([sister], [brother], { locked: [[sister.id, brother.id]] });
    const r = run(p);
    expect(pairOf(r, sister.id)).toBe(brother.id);
    expect(r.pairs[0].reasons.startsWith('⚠ возможно, родственники')).toBe(true);
  });
});

describe('«только …» is a hard condition; contradicting formats and no common time are not proposed', () => {
  test('«только дистанционно» never meets «очно», even with the floor off', () => {
    const child = mentee({ format: 'только дистанционно' });
    const r = run(plan([child], [mentor({ format: 'очно' })], { floor: { format: false } }));
    expect(r.pairs).toHaveLength(0);
    expect(noteOf(r, child.id)).toContain('только дистанционно');
  });

  test('«только дистанционно» written in the request counts the same', () => {
    const child = mentee({ format: 'дистанционно', request: 'Живём в Титане, можем только дистанционно' });
    expect(run(plan([child], [mentor({ format: 'очно' })], { floor: { format: false } })).pairs).toHaveLength(0);
    expect(run(plan([child], [mentor({ format: 'смешанный' })])).pairs).toHaveLength(1);
  });

  test('preferences that contradict are held back by the floor, and said first when the floor is off', () => {
    const child = mentee({ format: 'дистанционно' });
    expect(run(plan([child], [mentor()])).pairs).toHaveLength(0);
    const r = run(plan([child], [mentor()], { floor: { format: false } }));
    expect(r.pairs[0].reasons.split('; ')[0]).toBe('⚠ форматы встреч несовместимы: наставляемый — дистанционно, наставник — очно');
  });

  test('no common day is not proposed; a common day at other hours is proposed with a warning', () => {
    const child = mentee({ schedule: ['сб до 12:00'] });
    const r = run(plan([child], [mentor()]));
    expect(r.pairs).toHaveLength(0);
    expect(noteOf(r, child.id)).toContain('нет общего удобного времени');
    const sameDay = run(plan([mentee({ schedule: ['пн до 12:00'] })], [mentor()]));
    expect(sameDay.pairs[0].reasons).toContain('⚠ нет общего удобного времени (совпадают дни, но не часы)');
  });
});

describe('requests with a field, synonyms and third parties', () => {
  const vocal = mentee({ association: 'Вокальная студия «Соловушка»', direction: 'музыка и вокал', interests: ['музыка и вокал', 'фото и видео'] });
  const media = mentor({ id: 'НК-0002', name: 'Орлов Денис Андреевич', association: 'Медиастудия', competencies: ['подготовка к конкурсу, олимпиаде, выставке', 'фото и видео'] });
  const singer = mentor({ id: 'НК-0003', name: 'Лебедева Ольга Викторовна', association: 'Хоровая студия', competencies: ['подготовка к конкурсу, олимпиаде, выставке', 'музыка и вокал'] });

  test('a contest request is covered by a teacher of the child’s direction, not by the word alone', () => {
    const r = run(plan([vocal], [media, singer]));
    expect(pairOf(r, vocal.id)).toBe(singer.id);
    expect(r.pairs[0].reasons).toContain('закрывает 1 из 1');
  });

  test('the media teacher is «закрыт формально» — never proposed by the floor, and warned when the floor is off', () => {
    const p = plan([vocal], [media], { floor: { request: false } });
    expect(reasonsOf(p, vocal.id, media.id).split('; ')[0]).toBe('⚠ запрос закрыт формально: «подготовка к конкурсу, олимпиаде, выставке» — наставник не работает в направлении «музыка и вокал»');
    expect(run(plan([vocal], [media])).pairs).toHaveLength(0);
  });

  test('without a direction the same association counts, however its name was typed', () => {
    const child = mentee({ direction: '', interests: [], association: 'изостудия Палитра' });
    expect(run(plan([child], [mentor()])).pairs).toHaveLength(1);
  });

  test('«профориентация» and «выбор профессии» are one topic', () => {
    const child = mentee({ topics: ['выбор профессии'] });
    const r = run(plan([child], [mentor({ competencies: ['профориентация'] })]));
    expect(r.pairs[0].reasons).toContain('закрывает 1 из 1: выбор профессии');
  });

  test('a request half covered and half in name only says both, the warning first', () => {
    const child = mentee({ association: 'Вокальная студия', direction: 'музыка и вокал', topics: ['подготовка к конкурсу, олимпиаде, выставке', 'выбор профессии'] });
    const p = plan([child], [mentor({ competencies: ['подготовка к конкурсу, олимпиаде, выставке', 'выбор профессии'] })]);
    const parts = reasonsOf(p, child.id, 'НК-0001').split('; ');
    expect(parts[0]).toMatch(/^⚠ запрос закрыт формально: «подготовка к конкурсу, олимпиаде, выставке»/);
    expect(parts).toContain('запрос и компетенции +17,5: закрывает 1 из 2: выбор профессии');
  });

  test('a psychologist’s request joins the child’s and is marked so', () => {
    const child = mentee({ topics: [], thirdPartyTopics: ['уверенность в себе, выступления'] });
    const r = run(plan([child], [mentor({ competencies: ['уверенность в себе, выступления'] })]));
    expect(r.pairs[0].reasons).toContain('по запросу третьих лиц');
  });
});

describe('the survey and priority decide', () => {
  test('a mutual choice after the meeting wins over a few more points', () => {
    const a = mentee({ id: 'НЯ-0001' });
    const b = mentee({ id: 'НЯ-0002', name: 'Волков Иван Петрович', interests: [] });
    const m = mentor({ capacity: 1 });
    const r = run(
      plan([a, b], [m], {
        mutual: choices([
          [b.id, m.id, 1],
          [m.id, b.id, 2],
        ]),
      }),
    );
    expect(pairOf(r, b.id)).toBe(m.id);
  });

  test('a priority child gets the mentor who fits them best, not a leftover', () => {
    const child = mentee({ id: 'НЯ-0001', priority: 3, association: 'Вокальная студия', direction: 'музыка и вокал', interests: ['музыка и вокал'] });
    const other = mentee({
      id: 'НЯ-0002',
      name: 'Волков Иван Петрович',
      association: 'Вокальная студия',
      direction: 'музыка и вокал',
      interests: ['музыка и вокал'],
      topics: ['подготовка к конкурсу, олимпиаде, выставке', 'выбор профессии'],
    });
    const best = mentor({
      id: 'НК-0001',
      association: 'Вокальная студия',
      capacity: 1,
      competencies: ['подготовка к конкурсу, олимпиаде, выставке', 'выбор профессии', 'музыка и вокал'],
      interests: ['музыка и вокал'],
    });
    const leftover = mentor({
      id: 'НК-0002',
      name: 'Орлов Денис Андреевич',
      association: 'Театр',
      capacity: 1,
      competencies: ['музыка и вокал', 'подготовка к конкурсу, олимпиаде, выставке'],
      interests: ['музыка и вокал'],
      schedule: ['пн после 15:00'],
    });
    const p = plan([child, other], [best, leftover]);
    expect(pairOf(run(p), child.id)).toBe(best.id);
    // By the total alone the child would get the leftover (72,5 + 90 > 90 + 55).
    expect(solve({ ...p.instance, priorityScores: false }).pairs.find((x) => x.mentee === child.id)?.mentor).toBe(leftover.id);
  });

  test('stable mode puts priority children first at every mentor', () => {
    const child = mentee({ id: 'НЯ-0001', priority: 2, interests: [] });
    const other = mentee({ id: 'НЯ-0002', name: 'Волков Иван Петрович' });
    const r = run(plan([child, other], [mentor({ capacity: 1 })], { mode: 'stable' }));
    expect(pairOf(r, child.id)).toBe('НК-0001');
  });
});

describe('the people the rules talk about', () => {
  test('a teacher new to the centre with 6 years elsewhere is admitted when marked «новый сотрудник»', () => {
    const teacher = mentee({ category: 'педагог', grade: null, age: null, experience: 6, form: 'педагог – педагог', topics: ['методика занятий'] });
    const m = mentor({ forms: ['педагог – педагог'], competencies: ['методика занятий'] });
    const r = run(plan([teacher], [m]));
    expect(r.pairs).toHaveLength(0);
    expect(noteOf(r, teacher.id)).toContain('отметьте «Новый сотрудник»');
    expect(run(plan([{ ...teacher, newEmployee: true }], [m])).pairs).toHaveLength(1);
  });

  test('places kept for young teachers are not spent on pupils', () => {
    const pupils = [1, 2, 3].map((n) => mentee({ id: `НЯ-000${n}`, name: `Ученик${n} Иван Петрович`, contact: `+7 921 000-00-0${n}` }));
    const teacher = mentee({
      id: 'НЯ-0009',
      name: 'Зайцева Мария Олеговна',
      category: 'педагог',
      grade: null,
      experience: 1,
      form: 'педагог – педагог',
      topics: ['методика занятий'],
      contact: 'z@example.ru',
    });
    const m = mentor({ capacity: 3, teacherPlaces: 1, forms: ['педагог – ученик', 'педагог – педагог'], competencies: ['подготовка к конкурсу, олимпиаде, выставке', 'методика занятий'] });
    const r = run(plan([...pupils, teacher], [m]));
    expect(pairOf(r, teacher.id)).toBe(m.id);
    expect(r.pairs.filter((p) => p.menteeId !== teacher.id)).toHaveLength(2);
    expect(noteOf(r, 'НЯ-0003') || noteOf(r, 'НЯ-0002') || noteOf(r, 'НЯ-0001')).toContain('места заняты: Белова');
  });
});

describe('notes a curator can act on', () => {
  test('a refusal or a withdrawal is «не подбирать», never «оформите согласие», and not counted as unmatched', () => {
    const refused = mentee({ consent: false, consentStatus: 'отказ' });
    const withdrawn = mentee({ id: 'НЯ-0002', consent: false, consentStatus: 'отозвано' });
    const p = plan([refused, withdrawn], [mentor()]);
    const r = run(p);
    expect(r.result.unmatched).toEqual([]);
    expect(p.leftOut.get(refused.id)).toContain('не подбирать');
    expect(p.leftOut.get(refused.id)).not.toContain('оформите');
    expect(p.leftOut.get(withdrawn.id)).toBe('согласие на обработку ПДн отозвано — не подбирать');
  });

  test('a missing consent asks for the parent’s signature for a child', () => {
    const child = mentee({ consent: false, consentStatus: 'нет' });
    expect(noteOf(run(plan([child], [mentor()])), child.id)).toBe('нет согласия на обработку ПДн. Что дальше: оформите согласие (подписывает родитель или законный представитель)');
  });

  test('a pupil who ticked «педагог – педагог» is told the form does not fit, not that the mentor lacks it', () => {
    const child = mentee({ form: 'педагог – педагог' });
    const note = noteOf(run(plan([child], [mentor({ forms: ['педагог – педагог', 'педагог – ученик'] })])), child.id);
    expect(note).toContain('выбрана форма «педагог – педагог», а в базе категория «обучающийся»');
  });

  test('an expired partner agreement is named with its date, the mentors and their places', () => {
    const child = mentee({ form: 'работодатель – ученик' });
    const partner = (id: string, name: string) =>
      mentor({ id, name, category: 'сотрудник партнёра', organisation: 'Музей Кировска', forms: ['работодатель – ученик'], capacity: 2, contact: `${id}@museum.ru` });
    const partners = new Map([['музей кировска', { name: 'Музей Кировска', hasAgreement: false, expired: '30.06.2026' }]]);
    const note = noteOf(run(plan([child], [partner('НК-0005', 'Соколова Анна Ивановна'), partner('НК-0006', 'Егоров Олег Петрович')], { partners })), child.id);
    expect(note).toContain('соглашение с «Музей Кировска» истекло 30.06.2026');
    expect(note).toContain('продлите соглашение с организацией (2 наставника, 4 места)');
  });

  test('a request nobody covers is named', () => {
    const child = mentee({ topics: ['ОГЭ по химии'] });
    expect(noteOf(run(plan([child], [mentor()])), child.id)).toContain('запрос «ОГЭ по химии» не закрывает никто из наставников');
  });

  test('a mentor with a free place kept out by the floor is offered as the next step, named in the genitive', () => {
    const child = mentee({ format: 'дистанционно' });
    const note = noteOf(run(plan([child], [mentor()])), child.id);
    expect(note).toContain('у Беловой\u00a0И.С. есть свободное место (мешает: форматы встреч несовместимы (дистанционно / очно)): договоритесь о формате встреч');
  });

  test('a mentor who does not cover the request is offered only from the child’s own association', () => {
    const child = mentee({ topics: ['выбор профессии'] });
    const elsewhere = mentor({ association: 'Театр', competencies: ['театр'] });
    const note = noteOf(run(plan([child], [elsewhere, mentor({ id: 'НК-0002', name: 'Орлов Денис Андреевич', competencies: ['профориентация'], forms: ['педагог – педагог'] })])), child.id);
    expect(note).not.toContain('свободное место');
    expect(
      noteOf(
        run(plan([child], [mentor({ competencies: ['театр'] }), mentor({ id: 'НК-0002', name: 'Орлов Денис Андреевич', competencies: ['профориентация'], forms: ['педагог – педагог'] })])),
        child.id,
      ),
    ).toContain('у Беловой\u00a0И.С. есть свободное место (мешает: запрос не закрыт: нет нужных компетенций): если пара подходит, закрепите');
  });

  test('a contest request without a direction asks the curator to find out the direction', () => {
    const child = mentee({ association: 'Вокальная студия', interests: [] });
    const note = noteOf(run(plan([child], [mentor()])), child.id);
    expect(note).toContain('направление наставляемого (конкурс, проект) не указано');
    expect(note).toContain('впишите его в столбец «Направление»');
  });

  test('forcing a pair the floor held back is allowed; a «только» conflict is not', () => {
    const child = mentee({ topics: ['трудности в учёбе'] });
    const p = plan([child], [mentor()]);
    expect(allowedPair(p, child.id, 'НК-0001')).toBeUndefined();
    expect(p.overrulable(child.id, 'НК-0001')?.text).toBe('запрос не закрыт: нет нужных компетенций');
    const strict = plan([mentee({ format: 'только дистанционно' })], [mentor()]);
    expect(strict.overrulable('НЯ-0001', 'НК-0001')).toBeNull();
  });
});

describe('siblings the family asked to keep together', () => {
  const runTogether = (p: MatchingPlan) => {
    const siblings = keepTogether(p);
    const result = toBaseResult(p, siblings.result);
    return { result, pairs: describePairs(p, result, siblings), notes: unmatchedNotes(p, result, siblings) };
  };
  const sister = mentee({ id: 'НЯ-0001', together: ['НЯ-0002'] });
  const brother = mentee({ id: 'НЯ-0002', name: 'Смирнов Олег Андреевич', contact: '+7 921 000-00-01' });

  test('they get one mentor with room for both, although apart each had a better one', () => {
    const best = mentor({ id: 'НК-0001', capacity: 1 });
    const second = mentor({ id: 'НК-0002', name: 'Орлов Денис Андреевич', capacity: 1, contact: 'o@example.ru' });
    const roomy = mentor({ id: 'НК-0003', name: 'Лебедева Ольга Викторовна', capacity: 2, interests: [], contact: 'l@example.ru' });
    const apart = run(plan([sister, brother], [best, second, roomy]));
    expect(new Set(apart.pairs.map((x) => x.mentorId)).size).toBe(2);
    const r = runTogether(plan([sister, brother], [best, second, roomy]));
    expect(r.pairs.map((x) => x.mentorId)).toEqual(['НК-0003', 'НК-0003']);
    expect(r.pairs[0].reasons).toContain('вместе с НЯ-0002 у одного наставника, по просьбе семьи');
    expect(r.pairs.every((x) => !x.locked)).toBe(true);
  });

  test('when no mentor can take them both, the matching stays and the wish is reported first', () => {
    const r = runTogether(plan([sister, brother], [mentor({ id: 'НК-0001', capacity: 1 }), mentor({ id: 'НК-0002', name: 'Орлов Денис Андреевич', capacity: 1, contact: 'o@example.ru' })]));
    expect(r.pairs).toHaveLength(2);
    expect(r.pairs.find((x) => x.menteeId === 'НЯ-0001')?.reasons).toMatch(/^⚠ не вместе с НЯ-0002: ни один наставник не может взять их всех/);
  });
});

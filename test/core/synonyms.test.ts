import { SYNONYM_SEED, vocabulary } from '../../src/core/pairing/synonyms';
import { COMPETENCIES, PUPIL_REQUESTS, TEACHER_REQUESTS } from '../../src/core/questionnaires/choices';

describe('the seeded synonyms', () => {
  const v = vocabulary(SYNONYM_SEED);

  test('the words people use for one request come to the same topic', () => {
    expect(v.canonical('профориентация')).toBe(v.canonical('выбор профессии'));
    expect(v.canonical('Проектная деятельность')).toBe(v.canonical('проект или исследование'));
    expect(v.canonical('исследование')).toBe(v.canonical('проект'));
    expect(v.canonical('помощь в учёбе')).toBe(v.canonical('трудности в учёбе'));
    expect(v.canonical('успеваемость')).toBe(v.canonical('учёба'));
    for (const word of ['конкурс', 'олимпиада', 'выставка', 'подготовка к конкурсу']) expect(v.canonical(word)).toBe(v.canonical('подготовка к конкурсу, олимпиаде, выставке'));
    expect(v.canonical('публичные выступления')).toBe(v.canonical('уверенность в себе, выступления'));
    expect(v.canonical('работа в команде')).toBe(v.canonical('общение и работа в команде'));
    expect(v.canonical('адаптация')).toBe(v.canonical('освоиться в новом объединении или коллективе'));
    expect(v.canonical('работа с родителями')).toBe(v.canonical('взаимодействие с родителями'));
    expect(v.canonical('мотивация')).toBe(v.canonical('дисциплина'));
    expect(v.canonical('одарённые дети')).toBe(v.canonical('работа с одарёнными детьми'));
  });

  test('different requests stay different', () => {
    const topics = [...PUPIL_REQUESTS, ...TEACHER_REQUESTS].map((t) => v.canonical(t));
    expect(new Set(topics).size).toBe(topics.length);
    expect(v.canonical('профориентация')).not.toBe(v.canonical('трудности в учёбе'));
  });

  test('every meaning in the seed is a choice the forms offer, so a seeded word meets a ticked box', () => {
    const offered = new Set<string>(COMPETENCIES.map((c) => v.canonical(c)));
    for (const row of SYNONYM_SEED) expect([row.term, offered.has(v.canonical(row.meaning))]).toEqual([row.term, true]);
  });
});

describe('vocabulary', () => {
  test('case, ё, quotes and spaces do not matter; the answer is the normalised meaning', () => {
    const v = vocabulary([{ term: 'Учёба', meaning: 'Трудности  в учёбе' }]);
    expect(v.canonical('  УЧЕБА ')).toBe('трудности в учебе');
    expect(v.canonical('трудности в учёбе')).toBe('трудности в учебе');
    expect(v.canonical('«учёба»')).toBe('трудности в учебе');
  });

  test('an unknown term is itself, normalised', () => {
    const v = vocabulary(SYNONYM_SEED);
    expect(v.canonical('ОГЭ по  химии')).toBe('огэ по химии');
    expect(v.canonical('')).toBe('');
  });

  test('chains are followed to their end', () => {
    const v = vocabulary([
      { term: 'конкурсы', meaning: 'конкурс' },
      { term: 'конкурс', meaning: 'соревнования' },
      { term: 'соревнования', meaning: 'подготовка к конкурсу, олимпиаде, выставке' },
    ]);
    expect(v.canonical('конкурсы')).toBe('подготовка к конкурсу, олимпиаде, выставке');
    expect(v.canonical('конкурс')).toBe('подготовка к конкурсу, олимпиаде, выставке');
  });

  test('a cycle ends, and every member of it gets the same answer whichever is asked first', () => {
    const rows = [
      { term: 'в', meaning: 'б' },
      { term: 'б', meaning: 'а' },
      { term: 'а', meaning: 'в' },
      { term: 'г', meaning: 'в' },
    ];
    for (const first of ['а', 'б', 'в', 'г']) {
      const v = vocabulary(rows);
      const answers = [first, 'а', 'б', 'в', 'г'].map((t) => v.canonical(t));
      expect(new Set(answers)).toEqual(new Set(['а']));
    }
    // A term that means itself is simply itself.
    expect(vocabulary([{ term: 'танцы', meaning: 'Танцы' }]).canonical('танцы')).toBe('танцы');
  });

  test('blank rows are skipped; a term listed again takes its later meaning (the curator adds rows below)', () => {
    const v = vocabulary([
      { term: 'учёба', meaning: 'трудности в учёбе' },
      { term: '', meaning: 'что-то' },
      { term: 'профориентация', meaning: '' },
      { term: 'учёба', meaning: 'проект или исследование' },
    ]);
    expect(v.canonical('учёба')).toBe('проект или исследование');
    expect(v.canonical('профориентация')).toBe('профориентация');
    expect(v.canonical('что-то')).toBe('что-то');
  });

  test('the same answer on every call (remembered, not recomputed differently)', () => {
    const v = vocabulary(SYNONYM_SEED);
    const first = v.canonical('Профориентация');
    expect(v.canonical('Профориентация')).toBe(first);
    expect(v.canonical('профориентация')).toBe(first);
  });
});

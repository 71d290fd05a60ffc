import fc from 'fast-check';
import { parseGrade, parseTimestamp, splitChoices, splitList } from '../../src/core/questionnaires/read';

describe('reading answers as Google writes them', () => {
  const choices = ['подготовка к конкурсу, олимпиаде, выставке', 'выбор профессии', 'музыка и вокал'];

  test('checkbox answers joined with ", " are split against the known choices, commas inside choices included', () => {
    expect(splitChoices('подготовка к конкурсу, олимпиаде, выставке, выбор профессии', choices)).toEqual({ known: ['подготовка к конкурсу, олимпиаде, выставке', 'выбор профессии'], other: [] });
    expect(splitChoices('выбор профессии, свой вариант, с запятой', choices)).toEqual({ known: ['выбор профессии'], other: ['свой вариант, с запятой'] });
  });

  test('property: any selection of choices plus one «Другое» answer comes back whole', () => {
    fc.assert(
      fc.property(
        fc.subarray(choices),
        fc.option(
          fc.stringMatching(/^[а-я ,]{1,20}$/).filter((s) => s.trim() !== '' && !s.startsWith(',') && !s.trim().endsWith(',')),
          { nil: undefined },
        ),
        (picked, other) => {
          const otherText = other?.trim();
          fc.pre(!otherText || !choices.some((c) => otherText.startsWith(c)));
          const text = [...picked, ...(otherText ? [otherText] : [])].join(', ');
          const { known, other: rest } = splitChoices(text, choices);
          expect(known).toEqual(picked);
          expect(rest.join(', ')).toBe(otherText ?? '');
        },
      ),
    );
  });

  test('classes 1–11 with a letter are read; «12А» is not', () => {
    expect(['7', '7А', '7 «Б»', '11 кл.', '1 класс'].map(parseGrade)).toEqual([7, 7, 7, 11, 1]);
    expect(['12А', '0', 'седьмой', ''].map(parseGrade)).toEqual([null, null, null, null]);
  });

  test('a timestamp is a Date, or text in the Russian display format', () => {
    const d = new Date('2026-10-05T06:30:00Z');
    expect(parseTimestamp(d)).toBe(d);
    expect(parseTimestamp('05.10.2026 9:30:00')?.getDate()).toBe(5);
    expect(parseTimestamp('вчера')).toBeNull();
  });
});

describe('lists kept in the bases', () => {
  test('items that contain ", " stay whole; unknown items are cut at commas', () => {
    const vocabulary = ['подготовка к конкурсу, олимпиаде, выставке', 'выбор профессии'];
    expect(splitList('подготовка к конкурсу, олимпиаде, выставке, выбор профессии, шахматы, танцы', vocabulary)).toEqual([
      'подготовка к конкурсу, олимпиаде, выставке',
      'выбор профессии',
      'шахматы',
      'танцы',
    ]);
    expect(splitList('', vocabulary)).toEqual([]);
  });
});

import { OTHER_THEME, groupByTheme, themesOf } from '../../../src/core/monitoring/themes';

describe('open answers grouped into themes', () => {
  test('an answer lands in the themes its words begin, whatever the case, «ё» or ending', () => {
    expect(themesOf('Хотелось бы ЧАЩЕ видеться')).toEqual(['больше встреч и времени']);
    expect(themesOf('Больше времени на подготовку к конкурсу')).toEqual(['больше встреч и времени', 'конкурсы, проекты и практика']);
    expect(themesOf('Неудобное расписание, всё время переносы')).toEqual(['расписание и организация встреч']);
    expect(themesOf('Всё понравилось')).toEqual(['всё устраивает']);
    expect(themesOf('Сделать эмблему программы')).toEqual([OTHER_THEME]);
    // A stem counts only from a word's beginning: «непрактично» is not «практика».
    expect(themesOf('непрактично')).toEqual([OTHER_THEME]);
  });

  test('themes by count, ties in the list order; the rest and the unmatched are one «другое» row; every answer counted', () => {
    const answers = ['Больше встреч на практике', 'Больше встреч на практике', 'Хотелось бы чаще видеться', 'Неудобное расписание', 'Сделать эмблему', 'Больше оборудования', ''];
    const rows = groupByTheme(answers, { max: 2 });
    expect(rows.map((r) => [r.theme, r.count])).toEqual([
      ['больше встреч и времени', 3],
      ['конкурсы, проекты и практика', 2],
      [OTHER_THEME, 3],
    ]);
    expect(rows[0].examples).toEqual(['Больше встреч на практике', 'Хотелось бы чаще видеться']);
  });

  test('an answer that may not be quoted still counts, but is never an example', () => {
    const rows = groupByTheme(['Спасибо Ивановой за помощь', 'Нужна помощь с проектом'], { quotable: (a) => !a.includes('Иванов') });
    const support = rows.find((r) => r.theme === 'общение и поддержка')!;
    expect(support.count).toBe(2);
    expect(support.examples).toEqual(['Нужна помощь с проектом']);
    expect(JSON.stringify(rows)).not.toContain('Иванов');
  });

  test('no answers: no rows', () => {
    expect(groupByTheme([])).toEqual([]);
    expect(groupByTheme(['  '])).toEqual([]);
  });
});

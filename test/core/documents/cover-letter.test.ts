import { COVER_FIELDS, coverData, coverKind, coverTemplate, coverTitle } from '../../../src/core/documents/cover-letter';
import { fillSpec } from '../../../src/core/documents/template/fill-spec';
import { docxBytes } from '../../../src/core/documents/docx';
import { specText } from '../../../src/core/documents/model';
import { nameOverrides } from '../../../src/core/language';
import { Settings, readSettings } from '../../../src/core/settings';

const full: Settings = {
  ...readSettings([]).settings,
  founder: 'Комитет образования, культуры и спорта администрации г. Кировска',
  orgName: 'Муниципальное автономное образовательное учреждение дополнительного образования «Центр детского творчества «Хибины»',
  orgShortName: 'МАОДО ЦДТ «Хибины»',
  orgAddress: 'ул. Кирова, д. 1, г. Кировск, Мурманская обл., 184250',
  orgPhone: '8 (81531) 5-55-55',
  orgEmail: 'cdt@example.ru',
  directorName: 'Иванова Ирина Игоревна',
  curatorName: 'Петрова Елена Андреевна',
  curatorPhone: '8 (81531) 5-55-56',
  agencyHead: 'Смирнов Олег Викторович',
  academicYear: '2026/2027',
};

/** The letter a curator gets from the default template, as plain text (NO-BREAK SPACES as spaces). */
function letter(settings: Settings, stage = 5, period = 'за 2026/2027 учебный год', overrides = nameOverrides([]).overrides) {
  const result = coverData({ settings, stage, period }, overrides);
  const filled = fillSpec(coverTemplate(settings), result.data, COVER_FIELDS);
  return { ...result, text: specText(filled.spec).replace(/\u00a0/g, ' '), notes: filled.plan.notes, spec: filled.spec };
}

describe('the covering letter to МКУ «УСР»', () => {
  test('addressed to the head in the dative, a man and a woman, with the salutation that agrees', () => {
    const man = letter(full);
    expect(man.text).toContain('Директору МКУ «УСР»\nО.В. Смирнову');
    expect(man.text).toContain('Уважаемый Олег Викторович!');
    const woman = letter({ ...full, agencyHead: 'Петрова Анна Сергеевна', agencyHeadTitle: 'Начальнику' });
    expect(woman.text).toContain('Начальнику МКУ «УСР»\nА.С. Петровой');
    expect(woman.text).toContain('Уважаемая Анна Сергеевна!');
    // The curator's correction of a rare surname wins, as in every other document.
    const corrected = letter(
      { ...full, agencyHead: 'Лев Игорь Петрович' },
      5,
      'за 2026/2027 учебный год',
      nameOverrides([{ name: 'Лев Игорь Петрович', grammaticalCase: 'дательный', form: 'Льву Игорю Петровичу' }]).overrides,
    );
    expect(corrected.text).toContain('И.П. Льву');
    expect(man.missing).toEqual([]);
    expect(man.notes).toEqual([]);
  });

  test('the blank: organisation, address and contacts upper left, the date and № blank, never invented', () => {
    const t = letter(full).text;
    expect(t).toMatch(/Комитет образования, культуры и спорта администрации г. Кировска\nМуниципальное автономное .*«Хибины»\n\(МАОДО ЦДТ «Хибины»\)\nул. Кирова/);
    expect(t).toContain('184250\nтел. 8 (81531) 5-55-55\ne-mail: cdt@example.ru\n');
    expect(t).toContain('__.__.____ № ____');
    expect(t).not.toMatch(/№ \d|\d{2}\.\d{2}\.\d{4}/);
    expect(t).toContain('О направлении справки по итогам мониторинга (этап 5)');
    expect(t).toContain(
      'Направляем справку по итогам мониторинга реализации целевой модели наставничества в МАОДО ЦДТ «Хибины» за 2026/2027 учебный год (этап 5 «Формирование наставнических пар/групп»).',
    );
    // The page count is not known when the letter is made: a blank, not a guess.
    expect(t).toContain('Приложение: справка на __ л. в 1 экз.');
    expect(t).toContain('Директор\tИ.И. Иванова');
    expect(t).toContain('Исп. Петрова Елена Андреевна, тел. 8 (81531) 5-55-56');
    expect(t).not.toMatch(/NaN|undefined|null|\{\{|\}\}/);
    // Known pages are printed.
    const known = coverData({ settings: full, stage: 2, period: 'за 2026/2027 учебный год', pages: 3 });
    expect(known.data.values['листов']).toBe('3');
  });

  test('missing settings: a pen line in the letter and each named for the curator; no salutation from initials', () => {
    const bare: Settings = { ...readSettings([]).settings };
    expect(letter({ ...bare, orgName: '' }).missing[0]).toBe('полное наименование организации');
    const l = letter({ ...bare, agencyHead: 'О.В. Смирнов' });
    expect(l.missing).toEqual(['почтовый адрес организации', 'телефон организации', 'электронная почта организации', 'руководитель (И.О. Фамилия)', 'куратор (ФИО)']);
    expect(l.text).toContain('Директору МКУ «УСР»\nО.В. Смирнову');
    expect(l.text).not.toContain('Уважаем');
    expect(l.text).toContain('Директор\t________________');
    expect(l.text).toContain('Исп. ________________');
    expect(l.text).not.toMatch(/NaN|undefined|null|\{\{|\}\}/);
    const none = letter({ ...bare, agencyHeadTitle: '' });
    expect(none.missing).toEqual(expect.arrayContaining(['должность руководителя получателя справок (кому)', 'руководитель получателя справок (ФИО)']));
    expect(none.text).toContain('________________ МКУ «УСР»\n________________');
    // The short name absent: no empty brackets, and no full name that would not agree after «в».
    const noShort = letter({ ...full, orgShortName: '' });
    expect(noShort.text).not.toContain('()');
    expect(noShort.text).toContain('наставничества в ________________ за 2026/2027');
    expect(noShort.missing).toEqual(['сокращённое наименование организации']);
  });

  test('titles pair with the справка, the register kind names the recipient; the template writes as a .docx', () => {
    expect(coverTitle(3, 'за 2026/2027 учебный год')).toBe('Сопроводительное письмо к справке по итогам мониторинга, этап 3 за 2026/2027 учебный год');
    expect(coverKind(full)).toBe('Сопроводительное письмо в МКУ «УСР»');
    expect(docxBytes(coverTemplate(full)).length).toBeGreaterThan(1000);
  });
});

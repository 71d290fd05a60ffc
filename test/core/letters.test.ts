import { letterText, menteeLetter, mentorLetter, LetterPerson } from '../../src/core/documents/letters';
import { SETTINGS, Settings } from '../../src/core/settings';

const settings = { ...Object.fromEntries(SETTINGS.map((s) => [s.key, s.default])), curatorName: '', curatorPhone: '', curatorEmail: '', academicYear: '' } as Settings;
const ctx = { settings, order: { date: { year: 2026, month: 12, day: 1 }, number: '9' } };
const person = (name: string, extra: Partial<LetterPerson> = {}): LetterPerson => ({
  id: 'X',
  name,
  minor: false,
  category: 'педагог',
  grade: null,
  association: '',
  organisation: '',
  position: '',
  ...extra,
});
const text = (l: ReturnType<typeof menteeLetter>) => letterText(l).replace(/\u00a0/g, ' ');

describe('letters', () => {
  test('a pupil mentor’s letter goes to the parents and lists the mentees; the son is «назначен»', () => {
    const l = mentorLetter(
      {
        to: person('Громов Олег Игоревич', { minor: true, category: 'обучающийся', grade: 9 }),
        forms: [{ form: 'ученик – ученик', mentees: [person('Ким Анна Викторовна', { minor: true, category: 'обучающийся', grade: 5 })] }],
      },
      ctx,
    );
    expect(l.subject.replace(/\u00a0/g, ' ')).toBe('Ваш сын назначен наставником (приказ от 01.12.2026 № 9)');
    expect(text(l)).toMatch(/^Уважаемые родители \(законные представители\) Громова Олега Игоревича!/);
    expect(text(l)).toContain(
      'Ваш сын Громов Олег Игоревич, обучающийся, 9 кл., назначен наставником в форме «ученик – ученик» (старший обучающийся помогает младшему); наставляемая — Ким Анна Викторовна, обучающаяся, 5 кл.',
    );
    expect(text(l)).toContain('первую встречу ребёнка с наставляемой — знакомство');
  });

  test('a name whose sex cannot be told: «Ваш ребёнок включён», no guessed «дочь» or «сын»', () => {
    const l = menteeLetter({ to: person('Ли Саша', { minor: true, category: 'обучающийся' }), pairs: [{ form: 'педагог – ученик', mentor: person('Белова Ирина Сергеевна'), groupSize: 1 }] }, ctx);
    expect(text(l)).toContain('Ваш ребёнок Ли Саша, обучающийся(-аяся), включён в программу как наставляемый(-ая) в форме «педагог – ученик»');
  });

  test('without a curator’s name, phone or e-mail in «Настройки» the letter still says whom to ask, and nothing is left blank', () => {
    const l = menteeLetter({ to: person('Волкова Анна Павловна'), pairs: [{ form: 'педагог – педагог', mentor: person('Громов Олег Павлович'), groupSize: 1 }] }, ctx);
    expect(text(l)).toContain('С вопросами обращайтесь к куратору программы наставничества.');
    expect(text(l)).toContain('утверждены наставнические пары и группы программы наставничества.');
    expect(text(l)).toMatch(/С уважением,\nЗаместитель директора, куратор программы наставничества\nМуниципальное автономное/);
    expect(text(l)).not.toMatch(/undefined|null|: \.|, ,|\(\)/);
  });
});

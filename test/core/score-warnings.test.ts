import { explain, scorePair, Weights } from '../../src/core/pairing/score';
import { MenteeRecord, MentorRecord } from '../../src/core/pairing/records';

const weights: Weights = { request: 35, interests: 20, schedule: 15, format: 10, association: 10, mutual: 10 };
const noChoices = { menteeRank: () => null, mentorRank: () => null };

const mentee = (over: Partial<MenteeRecord> = {}): MenteeRecord => ({
  id: 'НЯ-0001',
  name: 'Смирнова Алиса Андреевна',
  category: 'обучающийся',
  grade: 7,
  age: 13,
  association: 'Изостудия',
  experience: null,
  topics: ['подготовка к конкурсу, олимпиаде, выставке'],
  request: '',
  interests: ['рисование и живопись'],
  form: 'педагог – ученик',
  format: 'очно',
  schedule: ['Понедельник после 15:00'],
  consent: true,
  priority: 0,
  status: 'в базе',
  ...over,
});

const mentor = (over: Partial<MentorRecord> = {}): MentorRecord => ({
  id: 'НК-0001',
  name: 'Белова Ирина Сергеевна',
  category: 'педагог',
  organisation: '',
  grade: null,
  experience: 15,
  association: 'Изостудия',
  competencies: ['подготовка к конкурсу, олимпиаде, выставке', 'рисование и живопись'],
  interests: ['рисование и живопись'],
  forms: ['педагог – ученик'],
  capacity: 2,
  format: 'очно',
  schedule: ['Понедельник после 15:00'],
  training: 'обучен',
  consent: true,
  status: 'в базе',
  position: 'педагог дополнительного образования',
  agreement: 'есть',
  ...over,
});

describe('«Обоснование» puts what failed or is doubtful first', () => {
  test('a good pair carries no warning and speaks of its request first', () => {
    const text = explain(scorePair(mentee(), mentor(), weights, noChoices));
    expect(text).not.toContain('⚠');
    expect(text.startsWith('запрос и компетенции +')).toBe(true);
  });

  test('contradicting formats, no common time and an uncovered request are each said, before any merit', () => {
    const text = explain(scorePair(mentee({ format: 'дистанционно', schedule: ['Суббота до 12:00'] }), mentor({ competencies: ['робототехника'] }), weights, noChoices));
    const parts = text.split('; ');
    expect(parts.slice(0, 3)).toEqual([
      '⚠ запрос не закрыт: темы не совпадают с компетенциями наставника',
      '⚠ нет общего удобного времени',
      '⚠ форматы встреч несовместимы: наставляемый — дистанционно, наставник — очно',
    ]);
    expect(parts.slice(3).every((p) => !p.startsWith('⚠'))).toBe(true);
  });

  test('what is unknown is doubtful, never silently counted: no time and no topics', () => {
    const text = explain(scorePair(mentee({ schedule: [], topics: [] }), mentor(), weights, noChoices));
    expect(text).toContain('⚠ удобное время не указано — уточните');
    expect(text).toContain('⚠ темы запроса не указаны — уточните запрос');
    expect(text).not.toMatch(/удобное время \+/);
  });

  test('a criterion that scored zero never disappears silently when it matters', () => {
    const text = explain(scorePair(mentee({ format: 'очно' }), mentor({ format: 'дистанционно' }), weights, noChoices));
    expect(text).toMatch(/^⚠ форматы встреч несовместимы/);
  });
});

import { explain, Scorer } from '../../src/core/pairing/score';
import { MenteeRecord, MentorRecord } from '../../src/core/pairing/records';
import { SYNONYM_SEED, vocabulary } from '../../src/core/pairing/synonyms';
import { NO_CHOICES, WEIGHTS, mentee as baseMentee, mentor as baseMentor } from './pairing/fixtures';

/** A fresh scorer per pair: profiles are cached by id, and each test changes the same ids. */
const scorePair = (e: MenteeRecord, m: MentorRecord) => new Scorer(WEIGHTS, NO_CHOICES, vocabulary(SYNONYM_SEED)).explainPair(e, m);
const mentee = (over: Partial<MenteeRecord> = {}) => baseMentee({ schedule: ['Понедельник после 15:00'], ...over });
const mentor = (over: Partial<MentorRecord> = {}) => baseMentor({ association: 'Изостудия «Палитра»', schedule: ['Понедельник после 15:00'], ...over });

describe('«Обоснование» puts what failed or is doubtful first', () => {
  test('a good pair carries no warning and speaks of its request first', () => {
    const text = explain(scorePair(mentee(), mentor()));
    expect(text).not.toContain('⚠');
    expect(text.startsWith('запрос и компетенции +')).toBe(true);
  });

  test('contradicting formats, no common time and an uncovered request are each said, before any merit', () => {
    const text = explain(scorePair(mentee({ format: 'дистанционно', schedule: ['Суббота до 12:00'] }), mentor({ competencies: ['робототехника'] })));
    const parts = text.split('; ');
    expect(parts.slice(0, 3)).toEqual([
      '⚠ запрос не закрыт: темы не совпадают с компетенциями наставника',
      '⚠ нет общего удобного времени',
      '⚠ форматы встреч несовместимы: наставляемый — дистанционно, наставник — очно',
    ]);
    expect(parts.slice(3).every((p) => !p.startsWith('⚠'))).toBe(true);
  });

  test('what is unknown is doubtful, never silently counted: no time and no topics', () => {
    const text = explain(scorePair(mentee({ schedule: [], topics: [] }), mentor()));
    expect(text).toContain('⚠ удобное время не указано — уточните');
    expect(text).toContain('⚠ темы запроса не указаны — уточните запрос');
    expect(text).not.toMatch(/удобное время \+/);
  });

  test('a criterion that scored zero never disappears silently when it matters', () => {
    const text = explain(scorePair(mentee({ format: 'очно' }), mentor({ format: 'дистанционно' })));
    expect(text).toMatch(/^⚠ форматы встреч несовместимы/);
  });
});

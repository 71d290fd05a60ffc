/** Malformed instances: one clear error, with a code and a Russian rendering, never a crash. */
import { MATCHING_MESSAGES, MatchingInputError, matchingMessage, prepareInstance, solve } from '../../../src/core/matching';

const base = () => ({
  mode: 'optimal',
  mentees: [{ id: 'e1', priority: 1 }, { id: 'e2' }],
  mentors: [
    { id: 'm1', capacity: 1 },
    { id: 'm2', capacity: 2 },
  ],
  scores: [
    ['e1', 'm1', 0.5],
    ['e2', 'm2', 1],
  ],
  locked: [] as unknown[],
});
type Raw = ReturnType<typeof base> & Record<string, unknown>;

const codeOf = (mutate: (x: Raw) => unknown): string | null => {
  const x = base() as Raw;
  const input = mutate(x) ?? x;
  try {
    prepareInstance(input);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(MatchingInputError);
    return (e as MatchingInputError).code;
  }
};

describe('instance validation', () => {
  test.each<[string, (x: Raw) => unknown, string]>([
    ['not an object', () => [1, 2], 'notObject'],
    ['unknown mode', (x) => void (x.mode = 'fastest'), 'badMode'],
    ['missing mode', (x) => void delete (x as Partial<Raw>).mode, 'badMode'],
    ['mentees not an array', (x) => void ((x as Record<string, unknown>).mentees = {}), 'notArray'],
    ['empty id', (x) => void (x.mentees[0].id = ''), 'badId'],
    ['duplicate mentee id', (x) => void (x.mentees[1].id = 'e1'), 'duplicateId'],
    ['duplicate mentor id', (x) => void (x.mentors[1].id = 'm1'), 'duplicateId'],
    ['negative capacity', (x) => void (x.mentors[0].capacity = -1), 'badCapacity'],
    ['fractional capacity', (x) => void (x.mentors[0].capacity = 1.5), 'badCapacity'],
    ['capacity as a string', (x) => void ((x.mentors[0] as Record<string, unknown>).capacity = '2'), 'badCapacity'],
    ['negative priority', (x) => void (x.mentees[0].priority = -1), 'badPriority'],
    ['fractional priority', (x) => void (x.mentees[0].priority = 0.5), 'badPriority'],
    ['negative score', (x) => void (x.scores[0][2] = -0.1), 'badScore'],
    ['NaN score', (x) => void (x.scores[0][2] = NaN), 'badScore'],
    ['infinite score', (x) => void (x.scores[0][2] = Infinity), 'badScore'],
    ['score entry of two', (x) => void (x.scores[0] = ['e1', 'm1']), 'badPair'],
    ['unknown mentee in scores', (x) => void (x.scores[0][0] = 'zz'), 'unknownMentee'],
    ['unknown mentor in scores', (x) => void (x.scores[0][1] = 'zz'), 'unknownMentor'],
    ['a pair scored twice', (x) => void x.scores.push(['e1', 'm1', 0.1]), 'duplicatePair'],
    ['unknown mentee in menteePrefs', (x) => void (x.menteePrefs = { zz: ['m1'] }), 'unknownMentee'],
    ['unknown mentor in menteePrefs', (x) => void (x.menteePrefs = { e1: ['zz'] }), 'unknownMentor'],
    ['a mentor ranked twice', (x) => void (x.menteePrefs = { e1: ['m1', 'm1'] }), 'duplicateInPrefs'],
    ['mentorPrefs list not an array', (x) => void (x.mentorPrefs = { m1: 'e1' }), 'notArray'],
    ['unknown ids in locked', (x) => void (x.locked = [['e1', 'zz']]), 'unknownMentor'],
    ['locked pair that is forbidden', (x) => void (x.locked = [['e1', 'm2']]), 'lockedForbidden'],
    [
      'a mentee locked twice',
      (x) =>
        void (x.locked = [
          ['e1', 'm1'],
          ['e1', 'm1'],
        ]),
      'lockedTwice',
    ],
    [
      'locked pairs beyond capacity',
      (x) => {
        x.scores.push(['e2', 'm1', 0]);
        x.locked = [
          ['e1', 'm1'],
          ['e2', 'm1'],
        ];
      },
      'lockedOverCapacity',
    ],
  ])('%s', (_name, mutate, code) => {
    expect(codeOf(mutate)).toBe(code);
  });

  test('the well-formed base instance passes, with defaults (priority 0, capacity 1)', () => {
    expect(codeOf(() => undefined)).toBeNull();
    const r = solve({ mode: 'optimal', mentees: [{ id: 'a' }], mentors: [{ id: 'b' }], scores: [['a', 'b', 0]] });
    expect(r.pairs).toEqual([{ mentee: 'a', mentor: 'b', score: 0, locked: false }]);
  });

  test('stable mode without scores: any pair may be locked; with scores, only allowed ones', () => {
    const stable = { mode: 'stable', mentees: [{ id: 'a' }], mentors: [{ id: 'b' }], locked: [['a', 'b']] };
    expect(solve(stable).pairs).toEqual([{ mentee: 'a', mentor: 'b', score: null, locked: true }]);
    expect(() => solve({ ...stable, scores: [] })).toThrow(MatchingInputError);
  });

  test('every message code renders in English and in Russian', () => {
    for (const code of Object.keys(MATCHING_MESSAGES) as Array<keyof typeof MATCHING_MESSAGES>) {
      const params = { where: 'x', id: 'i', mentee: 'e', mentor: 'm', value: 'v', count: 2, capacity: 1, detail: 'd' };
      expect(matchingMessage(code, params, 'en')).toMatch(/\w/);
      expect(matchingMessage(code, params, 'ru')).toMatch(/[а-яё]/i);
    }
  });
});

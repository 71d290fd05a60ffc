/**
 * A synthetic centre for the pairing benchmark: mentees and mentors as the bases hold them (topics,
 * interests, schedules, formats, associations), every one in one form, so every mentee is judged
 * against every mentor — the worst case of scoring.
 */
import { MenteeRecord, MentorRecord } from '../../src/core/pairing/records';
import { DAY_PARTS, INTERESTS, PUPIL_REQUESTS } from '../../src/core/questionnaires/choices';
import { Random } from '../demo/random';

const DAYS = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб'];
const ASSOCIATIONS = ['Изостудия', 'Вокальная студия', 'Театр', 'Робототехника', 'Медиастудия', 'Хореография', 'Шахматы', 'Экологи'];
const FORMATS = ['очно', 'очно', 'смешанный', 'дистанционно', 'только очно'];
const FORM = 'педагог – ученик';

const slots = (r: Random) => r.sample(DAYS, r.int(1, 3)).flatMap((d) => r.sample(DAY_PARTS, r.int(1, 2)).map((p) => `${d} ${p}`));

export function centre(mentees: number, mentors: number, seed = 1): { mentees: MenteeRecord[]; mentors: MentorRecord[] } {
  const r = new Random(seed);
  const e: MenteeRecord[] = Array.from({ length: mentees }, (_, i) => ({
    id: `НЯ-${String(i + 1).padStart(5, '0')}`,
    name: `Фамилия${i} Имя Отчество${i % 97}`,
    category: 'обучающийся',
    grade: r.int(1, 11),
    age: r.int(7, 17),
    association: r.pick(ASSOCIATIONS),
    experience: null,
    topics: r.sample(PUPIL_REQUESTS, r.int(1, 3)),
    request: '',
    interests: r.sample(INTERESTS, r.int(1, 4)),
    form: FORM,
    format: r.pick(FORMATS),
    schedule: slots(r),
    consent: true,
    consentStatus: 'есть',
    priority: r.chance(0.1) ? r.int(1, 3) : 0,
    status: 'в базе',
    direction: r.chance(0.5) ? r.pick(INTERESTS) : '',
    thirdPartyTopics: r.chance(0.1) ? r.sample(PUPIL_REQUESTS, 1) : [],
    newEmployee: false,
    together: [],
    contact: `+7 921 ${String(i).padStart(7, '0')}`,
  }));
  const m: MentorRecord[] = Array.from({ length: mentors }, (_, j) => ({
    id: `НК-${String(j + 1).padStart(5, '0')}`,
    name: `Наставник${j} Имя Отчество${j % 89}`,
    category: 'педагог',
    organisation: '',
    grade: null,
    experience: r.int(4, 30),
    association: r.pick(ASSOCIATIONS),
    competencies: [...r.sample(PUPIL_REQUESTS, r.int(2, 5)), ...r.sample(INTERESTS, r.int(1, 3))],
    interests: r.sample(INTERESTS, r.int(1, 4)),
    forms: [FORM],
    capacity: r.int(1, 5),
    format: r.pick(FORMATS),
    schedule: slots(r),
    training: 'обучен',
    consent: true,
    consentStatus: 'есть',
    status: 'в базе',
    position: 'педагог дополнительного образования',
    agreement: 'есть',
    age: null,
    teacherPlaces: null,
    contact: `mentor${j}@example.ru`,
  }));
  return { mentees: e, mentors: m };
}

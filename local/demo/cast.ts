import { ASSOCIATIONS, PARTNERS, REQUESTS_PUPIL, REQUESTS_TEACHER, SCHEDULE } from './centre';
import { PersonName, fullName, randomName } from './people';
import { Random } from './random';

/** The demo programme's participants, generated once from a seed. */
export interface DemoPupil {
  person: PersonName;
  age: number;
  grade: number;
  association: string;
  interests: string[];
  request: string;
  schedule: string;
  format: string;
  parent: PersonName;
}

export interface DemoTeacher {
  person: PersonName;
  /** As in the staff list of a centre of children's creativity. */
  position: string;
  experience: number;
  association: string;
  competencies: string[];
  interests: string[];
  schedule: string;
}

export interface DemoPartnerEmployee {
  person: PersonName;
  partner: string;
  position: string;
  competencies: string[];
  schedule: string;
}

export interface DemoCast {
  pupils: DemoPupil[];
  teachers: DemoTeacher[];
  employees: DemoPartnerEmployee[];
  director: PersonName;
  curator: PersonName;
}

export function makeCast(seed = 2026, pupils = 60, teachers = 16): DemoCast {
  const rng = new Random(seed);
  const pupilList: DemoPupil[] = Array.from({ length: pupils }, () => {
    const age = rng.int(7, 18);
    const association = rng.pick(ASSOCIATIONS);
    const person = randomName(rng);
    const parent = { ...randomName(rng), surname: person.surname.replace(/а$/, '') };
    return {
      person,
      age,
      grade: Math.min(11, Math.max(1, age - 6)),
      association: association.name,
      interests: rng.sample(association.interests, rng.int(1, 2)).concat(rng.chance(0.3) ? [rng.pick(ASSOCIATIONS).interests[0]] : []),
      request: rng.pick(REQUESTS_PUPIL),
      schedule: rng.sample(SCHEDULE, 2).join(', '),
      format: rng.chance(0.15) ? 'дистанционно' : rng.chance(0.2) ? 'смешанный' : 'очно',
      parent,
    };
  });
  const teacherList: DemoTeacher[] = Array.from({ length: teachers }, (_v, i) => {
    const association = ASSOCIATIONS[i % ASSOCIATIONS.length];
    return {
      person: randomName(rng),
      position: i % 7 === 2 ? 'методист' : i % 7 === 5 ? 'педагог-организатор' : i % 11 === 8 ? 'концертмейстер' : 'педагог дополнительного образования',
      // A quarter are young specialists (0–3 years), the mentees of «педагог – педагог».
      experience: i % 4 === 3 ? rng.int(0, 3) : rng.int(6, 32),
      association: association.name,
      competencies: [...association.interests],
      interests: rng.sample(['краеведение', 'туризм', 'чтение', 'музыка', 'спорт', 'фотография'], 2),
      schedule: rng.sample(SCHEDULE, 3).join(', '),
    };
  });
  const employees: DemoPartnerEmployee[] = PARTNERS.flatMap((p) =>
    Array.from({ length: 2 }, () => ({
      person: randomName(rng),
      partner: p.name,
      position: rng.pick(['инженер', 'специалист', 'руководитель отдела', 'методист', 'ведущий специалист']),
      competencies: rng.sample(p.competencies, 2),
      schedule: rng.sample(SCHEDULE, 2).join(', '),
    })),
  );
  return { pupils: pupilList, teachers: teacherList, employees, director: randomName(rng), curator: randomName(rng) };
}

export { fullName, REQUESTS_TEACHER };

import { Answer, splitChoices } from '../questionnaires/read';
import { NOT_SURE, ROLE_PARTNER, ROLE_PUPIL, ROLE_STUDENT, ROLE_TEACHER } from '../questionnaires/definitions';
import { Cell, normalizeName } from './table';

/** The bases' category values for the questionnaires' «Кто вы?» answers. */
export const MENTOR_CATEGORY: Record<string, string> = {
  [ROLE_PUPIL]: 'обучающийся',
  [ROLE_TEACHER]: 'педагог',
  [ROLE_PARTNER]: 'сотрудник партнёра',
  [ROLE_STUDENT]: 'студент',
};

export const TRAINING_FROM_READINESS: Record<string, string> = {
  'уже прошёл (прошла)': 'обучен',
  'готов (готова) пройти': 'не обучен',
  'не готов (не готова)': 'не обучен',
};

const list = (a: Answer | undefined) => (Array.isArray(a) ? a.join(', ') : a === undefined ? '' : String(a));
const text = (a: Answer | undefined): Cell => (a === undefined ? '' : Array.isArray(a) ? a.join(', ') : a);

export interface PersonFields {
  name: string;
  identity: Record<string, Cell>;
  fields: Record<string, Cell>;
  onCreate: Record<string, Cell>;
}

export function menteeFields(a: Record<string, Answer>): PersonFields {
  const category = String(a.category ?? '');
  const pupil = category === ROLE_PUPIL;
  return {
    name: String(a.name),
    identity: { category },
    fields: {
      grade: pupil ? text(a.grade) : '',
      age: pupil ? text(a.age) : '',
      association: text(a.association),
      experience: pupil ? '' : text(a.experience),
      topics: list(a.topics),
      request: text(a.request),
      // Only an answer is written: a field a third party's request filled is not blanked by silence.
      ...(pupil && a.direction !== undefined ? { direction: text(a.direction) } : {}),
      interests: list(a.interests),
      form: a.form === NOT_SURE ? '' : text(a.form),
      format: text(a.format),
      schedule: list(a.schedule),
      contact: text(a.contact),
    },
    onCreate: { status: 'в базе', source: 'анкета наставляемого' },
  };
}

export function mentorFields(a: Record<string, Answer>): PersonFields {
  const category = MENTOR_CATEGORY[String(a.category)] ?? String(a.category ?? '');
  return {
    name: String(a.name),
    identity: { category },
    fields: {
      grade: text(a.grade),
      age: category === MENTOR_CATEGORY[ROLE_PUPIL] ? text(a.age) : '',
      organisation: category === 'педагог' || category === 'обучающийся' ? '' : text(a.organisation),
      position: text(a.position),
      experience: text(a.experience),
      association: text(a.association),
      competencies: list(a.competencies),
      interests: list(a.interests),
      achievements: text(a.achievements),
      forms: list(a.forms),
      capacity: text(a.capacity),
      format: text(a.format),
      schedule: list(a.schedule),
      readiness: text(a.training),
      contact: text(a.contact),
    },
    onCreate: { status: 'в базе', training: TRAINING_FROM_READINESS[String(a.training)] ?? 'не обучен' },
  };
}

/** A line of third-party information as it is added to the child's row. */
export function thirdPartyNote(a: Record<string, Answer>, date: string): string {
  const topics = list(a.topics);
  const details = text(a.request);
  return `${date}, ${list(a.reporterRole)} ${list(a.reporterName)} (${list(a.contact)}): ${topics}${details ? `. ${String(details)}` : ''}`;
}

/**
 * The child's «Темы запроса от третьих лиц» with a request's topics added: each topic once (as
 * people read it: case, ё, spacing), in the order first given, joined with ", ". Topics are split
 * by the choices the forms offer, whose own wording may hold commas.
 */
export function joinTopics(existing: string, incoming: Answer | undefined, choices: readonly string[]): string {
  const split = (t: string) => {
    const { known, other } = splitChoices(t, choices);
    return [...known, ...other];
  };
  const all = [...split(existing), ...(Array.isArray(incoming) ? incoming : incoming === undefined ? [] : split(String(incoming)))];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const topic of all.map((t) => String(t).trim()).filter(Boolean)) {
    const key = normalizeName(topic);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(topic);
  }
  return out.join(', ');
}

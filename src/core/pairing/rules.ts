import { normalizeName } from '../intake/table';
import { MenteeRecord, MentorRecord, PartnerRecord } from './records';
import { Evaluation } from './score';
import { MenteeProfile, MentorProfile, formatText } from './profile';

/** A form of mentoring as the rules need it (from «Формы наставничества»). */
export interface FormRule {
  name: string;
  mentorRole: string;
  menteeRole: string;
  maxMentees: number;
}

/** What the curator set in «Настройки» instead of a score threshold: pairs never proposed. */
export interface QualityFloor {
  request: boolean;
  format: boolean;
  schedule: boolean;
}

export interface RuleContext {
  forms: readonly FormRule[];
  partners: ReadonlyMap<string, PartnerRecord>;
  requireTraining: boolean;
  /** "menteeId|mentorId" pairs the curator rejected («не пара»). */
  rejected: ReadonlySet<string>;
  floor: QualityFloor;
}

/**
 * Why a pair is not allowed. `key` groups the same obstacle across mentors (the unmatched notes
 * count «3 наставника: …»); `text` is what the curator reads; `soft` obstacles are the curator's to
 * overrule (the quality floor, likely relatives): a pair she fixes by hand is kept.
 */
export interface Obstacle {
  key: string;
  text: string;
  soft?: boolean;
}

export type Verdict = { ok: true; form: string } | { ok: false; why: Obstacle };

/** The mentor categories of the bases, as each form's «Наставник» role names them. */
const ROLE_OF_CATEGORY: Record<string, string> = {
  обучающийся: 'обучающийся',
  педагог: 'педагог',
  'сотрудник партнёра': 'сотрудник партнёра',
  студент: 'студент',
};

/** The forms a mentee may be mentored in: the one they chose, or every form of their role. */
export function menteeForms(mentee: MenteeRecord, forms: readonly FormRule[]): FormRule[] {
  return forms.filter((f) => f.menteeRole === mentee.category && (!mentee.form || f.name === mentee.form));
}

/** Whether a mentor may mentor in this form: their role fits and they offered it. */
export const mentorWorksIn = (mentor: MentorRecord, form: FormRule) => mentor.forms.includes(form.name) && form.mentorRole === (ROLE_OF_CATEGORY[mentor.category] ?? mentor.category);

/**
 * The hard rules of the target model (DESIGN.md "Matching") that need no scoring: a pair is allowed
 * or it is not, and when it is not, the curator reads why. `forms` is menteeForms(mentee).
 */
export function judgePair(mentee: MenteeRecord, mentor: MentorRecord, forms: readonly FormRule[], ctx: RuleContext): Verdict {
  if (!mentor.consent) return no('mentorConsent', 'у наставника нет действующего согласия на обработку ПДн');
  if (ctx.rejected.size && ctx.rejected.has(`${mentee.id}|${mentor.id}`)) return no('rejected', 'куратор отметил эту пару как «не пара»');
  if (ctx.requireTraining && mentor.training !== 'обучен') return no('training', 'наставник ещё не прошёл «Школу наставников»');
  let last: Obstacle | null = null;
  for (const form of forms) {
    if (!mentorWorksIn(mentor, form)) continue;
    const why = formRule(form.name, mentee, mentor, ctx);
    if (!why) return { ok: true, form: form.name };
    last = why;
  }
  return { ok: false, why: last ?? { key: 'form', text: mentee.form ? `наставник не работает в форме «${mentee.form}»` : 'нет общей формы наставничества' } };
}

const no = (key: string, text: string): Verdict => ({ ok: false, why: { key, text } });

function formRule(form: string, mentee: MenteeRecord, mentor: MentorRecord, ctx: RuleContext): Obstacle | null {
  switch (form) {
    case 'ученик – ученик': {
      const a = mentor.grade;
      const b = mentee.grade;
      if (a === null || b === null) return { key: 'grade?', text: 'для «ученик – ученик» нужны классы наставника и наставляемого' };
      return a > b ? null : { key: 'grade', text: `наставник (${a} кл.) должен учиться в более старшем классе, чем наставляемый (${b} кл.)` };
    }
    case 'педагог – педагог': {
      if (mentee.experience !== null && mentee.experience > 3 && !mentee.newEmployee)
        return { key: 'experience', text: `педагог со стажем ${mentee.experience} лет не молодой специалист (0–3 года); если он новый сотрудник центра — отметьте «Новый сотрудник» в базе` };
      if (mentor.experience !== null && mentor.experience <= 3) return { key: 'youngMentor', text: 'наставник-педагог сам молодой специалист (стаж до 3 лет)' };
      return null;
    }
    case 'работодатель – ученик': {
      const partner = ctx.partners.get(normalizeName(mentor.organisation));
      if (!partner) return { key: `partner:${normalizeName(mentor.organisation)}`, text: `организация «${mentor.organisation || '—'}» не значится среди партнёров` };
      if (partner.hasAgreement) return null;
      return {
        key: `partner:${normalizeName(partner.name)}`,
        text: partner.expired ? `соглашение с «${partner.name}» истекло ${partner.expired}` : `с «${partner.name}» нет соглашения о сотрудничестве`,
      };
    }
    default:
      return null;
  }
}

/** The obstacles the pair's evaluation can raise; all but a «только …» conflict are the curator's to overrule. */
export type FitObstacle = 'format!' | 'relatives' | 'request' | 'formal:association' | 'formal:direction' | 'formal:unknown' | 'format' | 'schedule';

const FORMAL: Record<number, FitObstacle> = { 1: 'formal:association', 2: 'formal:direction', 3: 'formal:unknown' };

/**
 * The rules that need the pair's evaluation: a participant's «только …» (always), likely relatives,
 * and the quality floor of «Настройки». Null when the pair may be proposed. Only the kind: the text
 * is made once per mentee and kind (fitObstacleText), not for each of millions of pairs.
 */
export function fitObstacle(a: MenteeProfile, b: MentorProfile, ev: Evaluation, floor: QualityFloor): FitObstacle | null {
  if (ev.formatConflict) return 'format!';
  if ((a.contact >= 0 && a.contact === b.contact) || (a.family >= 0 && a.family === b.family)) return 'relatives';
  if (floor.request && a.topics.length && !ev.covered) return ev.formal ? FORMAL[ev.formalWhy] : 'request';
  if (floor.format && ev.fit.format === 0 && a.format.base && b.format.base) return 'format';
  if (floor.schedule && ev.knownSchedule && !ev.commonDay) return 'schedule';
  return null;
}

export function fitObstacleText(kind: FitObstacle, a: MenteeProfile, b: MentorProfile): Obstacle {
  const formats = `${formatText(a.format)} / ${formatText(b.format)}`;
  switch (kind) {
    case 'format!':
      return { key: kind, text: `формат встреч: наставляемый — ${formatText(a.format)}, наставник — ${formatText(b.format)}` };
    case 'relatives':
      return { key: kind, text: relativesWhy(a, b), soft: true };
    case 'request':
      return { key: kind, text: 'запрос не закрыт: нет нужных компетенций', soft: true };
    case 'formal:association':
      return { key: kind, text: 'освоиться в объединении помогает наставник из того же объединения, а этот — из другого', soft: true };
    case 'formal:direction':
      return { key: kind, text: 'запрос закрыт только формально: наставник не работает в направлении наставляемого', soft: true };
    case 'formal:unknown':
      return { key: kind, text: 'направление наставляемого (конкурс, проект) не указано, а наставник — из другого объединения', soft: true };
    case 'format':
      return { key: kind, text: `форматы встреч несовместимы (${formats})`, soft: true };
    case 'schedule':
      return { key: kind, text: 'нет общего удобного времени', soft: true };
  }
}

/** Same surname and patronymic, or the same phone or e-mail (a parent's): likely one family. */
export function relativesWhy(a: MenteeProfile, b: MentorProfile): string {
  if (a.contact >= 0 && a.contact === b.contact) return 'возможно, родственники: одинаковый контакт';
  if (a.family >= 0 && a.family === b.family) return 'возможно, родственники: одинаковые фамилия и отчество';
  return '';
}

/**
 * Places a mentor offers: what they said, within the limit of their forms. With places kept for
 * teachers, the children's and the teachers' places are two separate counts.
 */
export function placesOf(mentor: MentorRecord, forms: readonly FormRule[]): { children: number; teachers: number; split: boolean } {
  const limit = (role: 'обучающийся' | 'педагог') => {
    const limits = forms.filter((f) => f.menteeRole === role && mentorWorksIn(mentor, f)).map((f) => f.maxMentees);
    return limits.length ? Math.max(...limits) : 0;
  };
  const kids = limit('обучающийся');
  const teachers = limit('педагог');
  const reserved = mentor.teacherPlaces;
  if (reserved === null || !kids || !teachers) {
    const limits = forms.filter((f) => mentor.forms.includes(f.name)).map((f) => f.maxMentees);
    const all = Math.min(mentor.capacity, limits.length ? Math.max(...limits) : 1);
    return { children: all, teachers: all, split: false };
  }
  const forTeachers = Math.min(reserved, mentor.capacity, teachers);
  return { children: Math.min(Math.max(0, mentor.capacity - reserved), kids), teachers: forTeachers, split: true };
}

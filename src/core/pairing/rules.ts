import { normalizeName } from '../intake/table';
import { MenteeRecord, MentorRecord, PartnerRecord } from './records';

/** A form of mentoring as the rules need it (from «Формы наставничества»). */
export interface FormRule {
  name: string;
  mentorRole: string;
  menteeRole: string;
  maxMentees: number;
}

export interface RuleContext {
  forms: readonly FormRule[];
  partners: ReadonlyMap<string, PartnerRecord>;
  requireTraining: boolean;
  /** "menteeId|mentorId" pairs the curator rejected. */
  rejected: ReadonlySet<string>;
}

/** The mentor categories of the bases, as each form's «Наставник» role names them. */
const ROLE_OF_CATEGORY: Record<string, string> = {
  обучающийся: 'обучающийся',
  педагог: 'педагог',
  'сотрудник партнёра': 'сотрудник партнёра',
  студент: 'студент',
};

export type Verdict = { ok: true; form: string } | { ok: false; reason: string };

/**
 * The hard rules of the target model (DESIGN.md "Matching"): a pair is allowed or it is not, and
 * when it is not, the curator reads why.
 */
export function judgePair(mentee: MenteeRecord, mentor: MentorRecord, ctx: RuleContext): Verdict {
  if (!mentee.consent) return { ok: false, reason: 'у наставляемого нет действующего согласия на обработку ПДн' };
  if (!mentor.consent) return { ok: false, reason: 'у наставника нет действующего согласия на обработку ПДн' };
  if (ctx.rejected.has(`${mentee.id}|${mentor.id}`)) return { ok: false, reason: 'куратор отклонил эту пару' };
  if (ctx.requireTraining && mentor.training !== 'обучен') return { ok: false, reason: 'наставник ещё не прошёл «Школу наставников»' };
  const candidates = ctx.forms.filter(
    (f) =>
      (mentee.form ? f.name === mentee.form : true) && f.menteeRole === mentee.category && mentor.forms.includes(f.name) && f.mentorRole === (ROLE_OF_CATEGORY[mentor.category] ?? mentor.category),
  );
  if (!candidates.length) {
    return { ok: false, reason: mentee.form ? `наставник не работает в форме «${mentee.form}»` : 'нет общей формы наставничества' };
  }
  let last = '';
  for (const form of candidates) {
    const why = formRule(form.name, mentee, mentor, ctx);
    if (!why) return { ok: true, form: form.name };
    last = why;
  }
  return { ok: false, reason: last };
}

function formRule(form: string, mentee: MenteeRecord, mentor: MentorRecord, ctx: RuleContext): string {
  switch (form) {
    case 'ученик – ученик': {
      const a = mentor.grade;
      const b = mentee.grade;
      if (a === null || b === null) return 'для «ученик – ученик» нужны классы наставника и наставляемого';
      return a > b ? '' : `наставник (${a} кл.) должен учиться в более старшем классе, чем наставляемый (${b} кл.)`;
    }
    case 'педагог – педагог': {
      if (mentee.experience !== null && mentee.experience > 3) return `наставляемый педагог со стажем ${mentee.experience} лет не молодой специалист (0–3 года)`;
      if (mentor.experience !== null && mentor.experience <= 3) return 'наставник-педагог сам молодой специалист (стаж до 3 лет)';
      return '';
    }
    case 'работодатель – ученик': {
      const partner = ctx.partners.get(normalizeName(mentor.organisation));
      if (!partner) return `организация «${mentor.organisation || '—'}» не значится среди партнёров`;
      return partner.hasAgreement ? '' : `с организацией «${partner.name}» нет действующего соглашения`;
    }
    default:
      return '';
  }
}

/** Places a mentor offers: what they said, within the limit of their forms. */
export function capacityOf(mentor: MentorRecord, forms: readonly FormRule[]): number {
  const limits = forms.filter((f) => mentor.forms.includes(f.name)).map((f) => f.maxMentees);
  const limit = limits.length ? Math.max(...limits) : 1;
  return Math.min(mentor.capacity, limit);
}

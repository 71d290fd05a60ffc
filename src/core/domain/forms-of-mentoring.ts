/**
 * Forms of mentoring the centre runs (roadmap 3.3) and how each is reported under Р-145, whose
 * five forms do not include the ДО form «педагог – ученик» (notes §1: store an "other" mapping).
 */
export interface MentoringForm {
  name: string;
  r145: string;
  mentorRole: string;
  menteeRole: string;
  /** Default limit of mentees per mentor; the curator can change it in the sheet. */
  maxMentees: number;
  rule: string;
}

export const MENTORING_FORMS: readonly MentoringForm[] = [
  {
    name: 'ученик – ученик',
    r145: 'ученик – ученик',
    mentorRole: 'обучающийся',
    menteeRole: 'обучающийся',
    maxMentees: 2,
    rule: 'Наставник обучается на более старшей ступени, чем наставляемый',
  },
  {
    name: 'педагог – ученик',
    r145: 'иная форма (ДО: «педагог – обучающийся»)',
    mentorRole: 'педагог',
    menteeRole: 'обучающийся',
    maxMentees: 3,
    rule: 'Наставник — педагог ЦДТ',
  },
  {
    name: 'педагог – педагог',
    r145: 'учитель – учитель',
    mentorRole: 'педагог',
    menteeRole: 'педагог',
    maxMentees: 2,
    rule: 'Наставляемый — молодой специалист (стаж 0–3 года) или новый сотрудник; наставник — опытный педагог',
  },
  {
    name: 'работодатель – ученик',
    r145: 'работодатель – ученик',
    mentorRole: 'сотрудник партнёра',
    menteeRole: 'обучающийся',
    maxMentees: 3,
    rule: 'Наставник — сотрудник организации-партнёра, с которой заключено соглашение',
  },
  {
    name: 'студент – ученик',
    r145: 'студент – ученик',
    mentorRole: 'студент',
    menteeRole: 'обучающийся',
    maxMentees: 2,
    rule: 'Наставник — студент колледжа или вуза',
  },
];

export const MENTOR_CATEGORIES = ['обучающийся', 'педагог', 'сотрудник партнёра', 'студент'] as const;
export const MENTEE_CATEGORIES = ['обучающийся', 'педагог'] as const;
/** What a participant can answer about meetings; «только …» forbids the other format. */
export const MEETING_FORMATS = ['очно', 'дистанционно', 'смешанный', 'только очно', 'только дистанционно'] as const;
/** How a meeting that took place was held (the record of a meeting, not a wish). */
export const HELD_FORMATS = ['очно', 'дистанционно', 'смешанный'] as const;

import { Sex } from './sex';

/** The forms of a word for a man, a woman, and for a name whose sex cannot be told. */
export interface SexForms {
  male: string;
  female: string;
  unknown?: string;
}

/** Picks the form that agrees with the person's sex; without one, the combined form (or masculine). */
export function bySex(sex: Sex | null, forms: SexForms): string {
  if (sex) return forms[sex];
  return forms.unknown ?? forms.male;
}

/** Words the documents and mails agree with a person. «педагог», «наставник» do not change. */
export const WORDS = {
  student: { male: 'обучающийся', female: 'обучающаяся', unknown: 'обучающийся(-аяся)' },
  mentee: { male: 'наставляемый', female: 'наставляемая', unknown: 'наставляемый(-ая)' },
  acquainted: { male: 'ознакомлен', female: 'ознакомлена', unknown: 'ознакомлен(-а)' },
  appointed: { male: 'назначен', female: 'назначена', unknown: 'назначен(-а)' },
  teacher: { male: 'педагог', female: 'педагог' },
  collegeStudent: { male: 'студент', female: 'студентка', unknown: 'студент(-ка)' },
} as const satisfies Record<string, SexForms>;

import { decimal } from '../../shared/numbers';
/** Forms of a noun after a number: [1 пара, 2 пары, 5 пар]. */
export type NounForms = readonly [one: string, few: string, many: string];

export const YEARS: NounForms = ['год', 'года', 'лет'];
export const PAIRS: NounForms = ['пара', 'пары', 'пар'];
export const GROUPS: NounForms = ['группа', 'группы', 'групп'];
export const MENTEES: NounForms = ['наставляемый', 'наставляемых', 'наставляемых'];
export const PERSONS: NounForms = ['человек', 'человека', 'человек'];

/**
 * The form that agrees with n: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 11–14, 111 → many.
 * A fraction takes the «few» (genitive singular) form: «2,5 года».
 */
export function pluralForm(n: number, forms: NounForms): string {
  if (!Number.isInteger(n)) return forms[1];
  const abs = Math.abs(n);
  const lastTwo = abs % 100;
  const last = abs % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

/**
 * «4 года», «21 пара», «2,5 года». A plain space: a document's text passes through `typeset`, which
 * makes it a NO-BREAK SPACE; messages and sheets keep it plain.
 */
export function plural(n: number, forms: NounForms): string {
  return `${decimal(n)} ${pluralForm(n, forms)}`;
}

export { decimal } from '../../shared/numbers';

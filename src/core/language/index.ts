/** The Russian language layer every generated text uses: names in cases, agreement, numerals, typography. */
export { CASES, CASE_NAMES, caseFromName } from './cases';
export type { GrammaticalCase } from './cases';
export { parseName, normaliseName } from './name-parts';
export type { NameParts } from './name-parts';
export { sexOf, sexOfPatronymic } from './sex';
export type { Sex } from './sex';
export { declineName, initialsName, surnameInitials, NBSP } from './person-name';
export { nameOverrides, overrideKey, NO_OVERRIDES } from './name-overrides';
export type { NameOverrides, OverrideEntry } from './name-overrides';
export { bySex, WORDS } from './agreement';
export type { SexForms } from './agreement';
export { plural, pluralForm, decimal, YEARS, PAIRS, GROUPS, MENTEES, PERSONS } from './numerals';
export type { NounForms } from './numerals';
export { typeset } from './typography';
export type { TypesetOptions } from './typography';

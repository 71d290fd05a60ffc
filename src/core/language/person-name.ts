import { inclineFirstname, inclineLastname, inclineMiddlename } from 'lvovich';
import { GrammaticalCase } from './cases';
import { NameParts, normaliseName, parseName } from './name-parts';
import { NameOverrides, NO_OVERRIDES, overrideKey } from './name-overrides';
import { Sex, sexOfParts } from './sex';

/** U+00A0: initials never part from the surname at a line end. */
export const NBSP = '\u00a0';

/**
 * «Петрова Елена Андреевна» in the case a sentence needs («Петровой Елене Андреевне»). The curator's
 * correction wins; a text that is not a plain name is returned as typed rather than mangled.
 */
export function declineName(fullName: string, grammaticalCase: GrammaticalCase, overrides: NameOverrides = NO_OVERRIDES): string {
  const corrected = overrides.get(overrideKey(fullName, grammaticalCase));
  if (corrected) return corrected;
  const parts = parseName(fullName);
  if (!parts || grammaticalCase === 'nominative') return normaliseName(fullName);
  const declined = declineParts(parts, grammaticalCase);
  if (parts.initials) return parts.initialsFirst ? `${parts.initials}${NBSP}${declined.last}` : `${declined.last}${NBSP}${parts.initials}`;
  return [declined.last, declined.first, declined.middle].filter(Boolean).join(' ');
}

/**
 * «Е.А.» + the surname in the case: «Е.А. Петровой», with a NO-BREAK SPACE after the initials.
 * A curator's override of the full name in that case is honoured (its surname is taken).
 */
export function initialsName(fullName: string, grammaticalCase: GrammaticalCase = 'nominative', overrides: NameOverrides = NO_OVERRIDES): string {
  const short = shortParts(fullName, grammaticalCase, overrides);
  if (!short) return normaliseName(fullName);
  return short.initials ? `${short.initials}${NBSP}${short.last}` : short.last;
}

/** «Иванова А.С.» (or «у Ивановой А.С.» in the genitive): the surname first, as lists and notes name people. */
export function surnameInitials(fullName: string, grammaticalCase: GrammaticalCase = 'nominative', overrides: NameOverrides = NO_OVERRIDES): string {
  const short = shortParts(fullName, grammaticalCase, overrides);
  if (!short) return normaliseName(fullName);
  return short.initials ? `${short.last}${NBSP}${short.initials}` : short.last;
}

/** The surname in the case (a curator's override of the full name wins) and the initials. */
function shortParts(fullName: string, grammaticalCase: GrammaticalCase, overrides: NameOverrides): { last: string; initials: string } | null {
  const parts = parseName(fullName);
  if (!parts) return null;
  const corrected = overrides.get(overrideKey(fullName, grammaticalCase));
  const last = corrected ? corrected.split(' ')[0] : grammaticalCase === 'nominative' ? parts.last : declineParts(parts, grammaticalCase).last;
  return { last, initials: initialsOf(parts) };
}

function declineParts(parts: NameParts, grammaticalCase: GrammaticalCase): NameParts {
  const sex: Sex | undefined = sexOfParts(parts) ?? undefined;
  return {
    last: parts.last
      .split('-')
      .map((half) => keepCase(half, inclineLastname(half, grammaticalCase, sex)))
      .join('-'),
    first: parts.first && keepCase(parts.first, inclineFirstname(parts.first, grammaticalCase, sex)),
    // «Рашид оглы»: the father's name stays as it is in a Turkic patronymic.
    middle: parts.middle && (parts.middle.includes(' ') ? parts.middle : keepCase(parts.middle, inclineMiddlename(parts.middle, grammaticalCase, sex))),
    initials: parts.initials,
    initialsFirst: parts.initialsFirst,
  };
}

/** The library appends lower-case endings: «ПЕТРОВА» must become «ПЕТРОВОЙ», not «ПЕТРОВой». */
function keepCase(original: string, declined: string): string {
  if (!declined) return original;
  return original.length > 1 && original === original.toUpperCase() ? declined.toUpperCase() : declined;
}

function initialsOf(parts: NameParts): string {
  return (
    parts.initials ||
    [parts.first, parts.middle.split(' ')[0]]
      .filter(Boolean)
      .map((w) => `${w[0].toUpperCase()}.`)
      .join('')
  );
}

/**
 * A person's full name split into its parts, in the order Russian documents write it: «Фамилия Имя
 * Отчество». Initials («Петрова Е.А.», «Е.А. Петрова») are recognised so that only the surname declines.
 */
export interface NameParts {
  last: string;
  first: string;
  /** One word, or two for a Turkic patronymic («Рашид оглы»). */
  middle: string;
  /** Initials as written in the input («Е.А.»), when the name was given with initials. */
  initials: string;
  /** «Е.А. Петрова» rather than «Петрова Е.А.». */
  initialsFirst: boolean;
}

/** The second word of a Turkic patronymic: it stays as it is and names the sex. */
export const TURKIC_MALE = ['оглы', 'улы', 'уулу'];
export const TURKIC_FEMALE = ['кызы', 'гызы', 'кзы'];

const INITIALS = /^(?:[А-ЯЁA-Z]\.\s?){1,2}$/;

/** Collapses spaces (any kind, NO-BREAK included) so that keys and outputs are stable. */
export function normaliseName(fullName: string): string {
  return fullName.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Null when the text does not look like a name we can decline safely (then it is left as typed). */
export function parseName(fullName: string): NameParts | null {
  const text = normaliseName(fullName);
  if (!text || /[^А-ЯЁа-яёA-Za-z.\- '’]/.test(text)) return null;
  const initialsMatch = /^((?:[А-ЯЁA-Z]\.\s?){1,2})\s*([^\s.]+)$/.exec(text) ?? /^([^\s.]+)\s+((?:[А-ЯЁA-Z]\.\s?){1,2})$/.exec(text);
  if (initialsMatch) {
    const [a, b] = [initialsMatch[1].trim(), initialsMatch[2].trim()];
    const initialsFirst = INITIALS.test(a);
    return { last: initialsFirst ? b : a, first: '', middle: '', initials: (initialsFirst ? a : b).replace(/\s/g, ''), initialsFirst };
  }
  if (text.includes('.')) return null;
  const words = text.split(' ');
  const turkic = words.length === 4 && [...TURKIC_MALE, ...TURKIC_FEMALE].includes(words[3].toLowerCase());
  if (turkic) return { last: words[0], first: words[1], middle: `${words[2]} ${words[3]}`, initials: '', initialsFirst: false };
  if (words.length > 3) return null;
  return { last: words[0], first: words[1] ?? '', middle: words[2] ?? '', initials: '', initialsFirst: false };
}

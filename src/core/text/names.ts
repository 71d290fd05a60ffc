import { cleanText } from './inert';

// Latin letters that look like Cyrillic ones: in a Russian name they are a typo or a disguise.
const LOOKALIKE: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в',
  i: 'і',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};
const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[A-Za-z]/;

export interface CleanName {
  name: string;
  /** A word mixed Latin and Cyrillic letters (look-alikes were made Cyrillic): worth a look. */
  mixedScripts: boolean;
}

/**
 * A person's name as the bases keep it: compatibility forms folded (NFKC: full-width letters,
 * ligatures), invisible characters removed, spaces collapsed, and Latin look-alike letters inside
 * a Cyrillic word made Cyrillic, so «Иванoва» with a Latin «o» is the same person as «Иванова».
 */
export function cleanName(value: unknown): CleanName {
  const text = cleanText(String(value ?? '').normalize('NFKC'))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  let mixedScripts = false;
  // Each run of letters is judged on its own: «IT-парк» and «=HYPERLINK("…нажмите")» mix nothing.
  const name = text.replace(/\p{L}+/gu, (word) => {
    if (!CYRILLIC.test(word) || !LATIN.test(word)) return word;
    mixedScripts = true;
    return word.replace(/[A-Za-z]/g, (ch) => LOOKALIKE[ch] ?? ch);
  });
  return { name, mixedScripts };
}

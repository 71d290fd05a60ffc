import { getFirstnameGender, getLastnameGender } from 'lvovich';
import { NameParts, TURKIC_FEMALE, TURKIC_MALE, parseName } from './name-parts';

export type Sex = 'male' | 'female';

/** From the patronymic when there is one (it is unambiguous), else the first name, else the surname. */
export function sexOf(fullName: string): Sex | null {
  const parts = parseName(fullName);
  return parts ? sexOfParts(parts) : null;
}

export function sexOfParts(parts: NameParts): Sex | null {
  return (
    sexOfPatronymic(parts.middle) ??
    (parts.first ? (library(getFirstnameGender(parts.first)) ?? FEMALE_CONSONANT_NAMES[parts.first.toLowerCase().replace(/ё/g, 'е')] ?? null) : null) ??
    library(parts.last ? getLastnameGender(lastPart(parts.last)) : null)
  );
}

/** Women's names ending in a consonant or «ь» that the library does not know («Любовь»). */
const FEMALE_CONSONANT_NAMES: Readonly<Record<string, Sex>> = Object.fromEntries(
  ['любовь', 'нинель', 'ассоль', 'юдифь', 'эсфирь', 'рахиль', 'адель', 'айгюль', 'гузель', 'асель', 'жизель', 'рашель', 'эдит', 'ирэн', 'кармен', 'мишель'].map((n) => [n, 'female' as Sex]),
);

export function sexOfPatronymic(middle: string): Sex | null {
  const words = middle.toLowerCase().replace(/ё/g, 'е').split(/\s+/);
  const tail = words[words.length - 1];
  if (TURKIC_MALE.includes(tail)) return 'male';
  if (TURKIC_FEMALE.includes(tail)) return 'female';
  // -ович/-евич/-ич (Ильич, Кузьмич, Никитич); -овна/-евна/-ична/-инична (Ильинична, Никитична).
  if (/[а-я]{2}(?:ич)$/.test(tail)) return 'male';
  if (/[а-я]{2}(?:вна|чна)$/.test(tail)) return 'female';
  return null;
}

function library(gender: string | null | undefined): Sex | null {
  return gender === 'male' || gender === 'female' ? gender : null;
}

/** The sex of a double surname is read from its second half («Петрова-Водкина»). */
function lastPart(last: string): string {
  const halves = last.split('-');
  return halves[halves.length - 1];
}

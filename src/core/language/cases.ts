/** The six Russian grammatical cases, and the Russian names a curator types in «Настройки». */
export type GrammaticalCase = 'nominative' | 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';

export const CASES: readonly GrammaticalCase[] = ['nominative', 'genitive', 'dative', 'accusative', 'instrumental', 'prepositional'];

export const CASE_NAMES: Readonly<Record<GrammaticalCase, string>> = {
  nominative: 'именительный',
  genitive: 'родительный',
  dative: 'дательный',
  accusative: 'винительный',
  instrumental: 'творительный',
  prepositional: 'предложный',
};

/** «дательный», «Дательный падеж», «д.п.», "dative" → 'dative'; anything else → null. */
export function caseFromName(name: string): GrammaticalCase | null {
  const text = name.trim().toLowerCase().replace(/ё/g, 'е');
  if (!text) return null;
  for (const c of CASES) {
    if (text === c || text.startsWith(CASE_NAMES[c]) || text === `${CASE_NAMES[c][0]}.п.` || text === `${CASE_NAMES[c][0]}. п.`) return c;
  }
  return null;
}

import { GrammaticalCase, caseFromName, CASE_NAMES } from './cases';
import { normaliseName } from './name-parts';

/**
 * Forms the curator corrected where the library declines a name wrongly («Лев» → «Льва», a rare
 * surname): key «ФИО|падеж», value the whole declined name. A later session reads it from «Настройки».
 */
export type NameOverrides = ReadonlyMap<string, string>;

export const NO_OVERRIDES: NameOverrides = new Map();

export function overrideKey(fullName: string, grammaticalCase: GrammaticalCase): string {
  return `${normaliseName(fullName).toLowerCase().replace(/ё/g, 'е')}|${grammaticalCase}`;
}

export interface OverrideEntry {
  /** The name as written in the bases, nominative. */
  name: string;
  /** «дательный», «винительный»… (or the English case name). */
  grammaticalCase: string;
  /** The corrected form of the whole name in that case. */
  form: string;
}

/** Builds the overrides from rows the curator wrote; rows that cannot be read are returned as problems. */
export function nameOverrides(entries: OverrideEntry[]): { overrides: NameOverrides; problems: string[] } {
  const overrides = new Map<string, string>();
  const problems: string[] = [];
  for (const entry of entries) {
    const grammaticalCase = caseFromName(entry.grammaticalCase);
    const name = normaliseName(entry.name);
    const form = normaliseName(entry.form);
    if (!name || !form || !grammaticalCase) {
      problems.push(`${name || '—'} | ${entry.grammaticalCase || '—'} | ${form || '—'}: ожидается ФИО, падеж (${Object.values(CASE_NAMES).join(', ')}) и исправленная форма`);
      continue;
    }
    overrides.set(overrideKey(name, grammaticalCase), form);
  }
  return { overrides, problems };
}

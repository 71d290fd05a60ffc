import { normalizeName } from '../intake/table';

/**
 * One word per meaning when a request meets a mentor's competencies: «профориентация» and «выбор
 * профессии» are one topic. The curator keeps the table on «Синонимы запросов»; a row says the
 * term means the same as its meaning, and meanings may chain («конкурсы» → «конкурс» → …).
 */
export interface SynonymRow {
  term: string;
  meaning: string;
}

const same = (meaning: string, terms: readonly string[]): SynonymRow[] => terms.map((term) => ({ term, meaning }));

/** The questionnaires' own near-synonyms: free answers and the wording of the choice lists. */
export const SYNONYM_SEED: readonly SynonymRow[] = [
  ...same('выбор профессии', ['профориентация', 'профессиональная ориентация']),
  ...same('проект или исследование', ['проектная деятельность', 'исследование', 'проект', 'проекты', 'исследовательская деятельность']),
  ...same('трудности в учёбе', ['помощь в учёбе', 'учёба', 'успеваемость']),
  ...same('подготовка к конкурсу, олимпиаде, выставке', ['конкурс', 'конкурсы', 'олимпиада', 'олимпиады', 'выставка', 'выставки', 'подготовка к конкурсу']),
  ...same('уверенность в себе, выступления', ['публичные выступления', 'уверенность в себе']),
  ...same('общение и работа в команде', ['коммуникация', 'общение', 'работа в команде']),
  ...same('освоиться в новом объединении или коллективе', ['адаптация', 'освоиться в коллективе']),
  ...same('взаимодействие с родителями', ['работа с родителями']),
  ...same('дисциплина и мотивация в группе', ['мотивация', 'дисциплина']),
  ...same('работа с одарёнными детьми', ['одарённые дети']),
];

export interface Vocabulary {
  /** The one normalised form a term stands for; an unknown term is itself, normalised. */
  canonical(term: string): string;
}

/**
 * The table as a lookup. A term listed twice takes its later meaning (the curator's own rows are
 * below the seeded ones). Chains are followed to their end; a cycle («а» = «б», «б» = «а») is one
 * meaning, named by its alphabetically first member, so every member gets the same answer.
 */
export function vocabulary(rows: readonly SynonymRow[]): Vocabulary {
  const next = new Map<string, string>();
  for (const row of rows) {
    const term = normalizeName(row.term);
    const meaning = normalizeName(row.meaning);
    if (term && meaning) next.set(term, meaning);
  }
  const resolved = new Map<string, string>();
  const byRaw = new Map<string, string>();

  function resolve(start: string): string {
    const known = resolved.get(start);
    if (known !== undefined) return known;
    const path: string[] = [];
    const seen = new Map<string, number>();
    let at = start;
    let end: string;
    for (;;) {
      const done = resolved.get(at);
      if (done !== undefined) {
        end = done;
        break;
      }
      if (seen.has(at)) {
        const cycle = path.slice(seen.get(at));
        end = cycle.reduce((a, b) => (b < a ? b : a));
        break;
      }
      seen.set(at, path.length);
      path.push(at);
      const to = next.get(at);
      if (to === undefined || to === at) {
        end = at;
        break;
      }
      at = to;
    }
    for (const p of path) resolved.set(p, end);
    return end;
  }

  return {
    canonical(term: string): string {
      // Scoring asks for the same words many times: the raw text is remembered too.
      const hit = byRaw.get(term);
      if (hit !== undefined) return hit;
      const result = resolve(normalizeName(term));
      byRaw.set(term, result);
      return result;
    },
  };
}

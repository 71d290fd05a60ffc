import { uniqueChoices } from './choices';
import { QuestionDef } from './types';

export const PAIR_TITLE = 'Пара или группа';

/** The pair list's only choice until an order approves pairs (a list cannot be empty). */
export const NO_PAIRS_YET = 'список появится после приказа об утверждении пар';

/**
 * «Пара или группа»: the approved pairs and groups by ID, pre-filled by a personal link. The list
 * follows the approved pairs; an answer is checked against the pairs themselves, not the list of
 * the day (a link made before a new order still imports).
 */
export function pairListQuestion(key: string, pairs: readonly string[], help: string): QuestionDef {
  const list = uniqueChoices(pairs);
  return {
    key,
    title: PAIR_TITLE,
    type: 'LIST',
    required: true,
    strict: true,
    choices: list.length ? list : [NO_PAIRS_YET],
    field: { kind: 'text', maxLength: 100 },
    help,
  };
}

/**
 * Every message the matcher can show, as data: one entry per code, in English (CLI, logs) and
 * Russian (the curator). Errors carry a code and parameters, never a finished sentence, so the
 * sidebar and the CLI render the same fact in their own language.
 */
export type MessageParams = {
  /** Where in the instance, e.g. "mentors[3].capacity" or "locked[0]". */
  where?: string;
  id?: string;
  mentee?: string;
  mentor?: string;
  value?: string;
  count?: number;
  capacity?: number;
  detail?: string;
};

type Render = (p: MessageParams) => string;

export const MATCHING_MESSAGES = {
  usage: {
    en: () => 'usage: match <instance.json>',
    ru: () => 'запуск: match <файл-экземпляра.json>',
  },
  unreadableFile: {
    en: (p) => `cannot read the file ${p.value}: ${p.detail}`,
    ru: (p) => `не удалось прочитать файл ${p.value}: ${p.detail}`,
  },
  badJson: {
    en: (p) => `the file is not valid JSON: ${p.detail}`,
    ru: (p) => `файл не является корректным JSON: ${p.detail}`,
  },
  notObject: {
    en: (p) => `${p.where} must be a JSON object`,
    ru: (p) => `${p.where} должен быть JSON-объектом`,
  },
  notArray: {
    en: (p) => `${p.where} must be an array`,
    ru: (p) => `${p.where} должен быть массивом`,
  },
  badMode: {
    en: (p) => `unknown mode ${p.value}: use "optimal" or "stable"`,
    ru: (p) => `неизвестный режим ${p.value}: укажите "optimal" или "stable"`,
  },
  badId: {
    en: (p) => `${p.where}: the id must be a non-empty string`,
    ru: (p) => `${p.where}: идентификатор должен быть непустой строкой`,
  },
  duplicateId: {
    en: (p) => `${p.where}: the id "${p.id}" occurs more than once`,
    ru: (p) => `${p.where}: идентификатор «${p.id}» встречается больше одного раза`,
  },
  badCapacity: {
    en: (p) => `${p.where}: capacity must be an integer >= 0, got ${p.value}`,
    ru: (p) => `${p.where}: вместимость наставника должна быть целым числом не меньше 0, а указано ${p.value}`,
  },
  badPriority: {
    en: (p) => `${p.where}: priority must be an integer >= 0, got ${p.value}`,
    ru: (p) => `${p.where}: приоритет должен быть целым числом не меньше 0, а указано ${p.value}`,
  },
  badPair: {
    en: (p) => `${p.where} must be a pair ["mentee id", "mentor id"${p.detail ?? ''}]`,
    ru: (p) => `${p.where} должен быть парой ["ID наставляемого", "ID наставника"${p.detail ?? ''}]`,
  },
  badScore: {
    en: (p) => `${p.where}: the score must be a finite number >= 0, got ${p.value}`,
    ru: (p) => `${p.where}: балл должен быть конечным числом не меньше 0, а указано ${p.value}`,
  },
  unknownMentee: {
    en: (p) => `${p.where}: unknown mentee "${p.id}"`,
    ru: (p) => `${p.where}: нет наставляемого с ID «${p.id}»`,
  },
  unknownMentor: {
    en: (p) => `${p.where}: unknown mentor "${p.id}"`,
    ru: (p) => `${p.where}: нет наставника с ID «${p.id}»`,
  },
  duplicatePair: {
    en: (p) => `${p.where}: the pair ${p.mentee}–${p.mentor} is listed more than once`,
    ru: (p) => `${p.where}: пара ${p.mentee}–${p.mentor} указана больше одного раза`,
  },
  duplicateInPrefs: {
    en: (p) => `${p.where}: "${p.id}" is ranked more than once`,
    ru: (p) => `${p.where}: «${p.id}» указан в списке предпочтений больше одного раза`,
  },
  lockedForbidden: {
    en: (p) => `${p.where}: the locked pair ${p.mentee}–${p.mentor} is not an allowed pair (absent from scores or rejected)`,
    ru: (p) => `${p.where}: закреплённая пара ${p.mentee}–${p.mentor} недопустима (её нет среди разрешённых пар или она отклонена)`,
  },
  lockedTwice: {
    en: (p) => `${p.where}: the mentee "${p.mentee}" is locked to more than one mentor`,
    ru: (p) => `${p.where}: наставляемый «${p.mentee}» закреплён больше чем за одним наставником`,
  },
  lockedOverCapacity: {
    en: (p) => `the mentor "${p.mentor}" has ${p.count} locked mentees but capacity ${p.capacity}`,
    ru: (p) => `за наставником «${p.mentor}» закреплено ${p.count} наставляемых, а его вместимость ${p.capacity}`,
  },
  badMutual: {
    en: (p) => `mutual must be an array of pairs ["mentee id", "mentor id"], got ${p.value}`,
    ru: (p) => `mutual (взаимные выборы) должен быть списком пар ["ID наставляемого", "ID наставника"], а указано ${p.value}`,
  },
  badMutualPair: {
    en: (p) => `${p.where}: a mutual choice must be a pair ["mentee id", "mentor id"]`,
    ru: (p) => `${p.where}: взаимный выбор должен быть парой ["ID наставляемого", "ID наставника"]`,
  },
  unknownMutualMentee: {
    en: (p) => `${p.where}: a mutual choice names an unknown mentee "${p.id}"`,
    ru: (p) => `${p.where}: во взаимном выборе указан неизвестный наставляемый «${p.id}»`,
  },
  unknownMutualMentor: {
    en: (p) => `${p.where}: a mutual choice names an unknown mentor "${p.id}"`,
    ru: (p) => `${p.where}: во взаимном выборе указан неизвестный наставник «${p.id}»`,
  },
  duplicateMutual: {
    en: (p) => `${p.where}: the mutual choice ${p.mentee}–${p.mentor} is listed more than once`,
    ru: (p) => `${p.where}: взаимный выбор ${p.mentee}–${p.mentor} указан больше одного раза`,
  },
  badPriorityScores: {
    en: (p) => `priorityScores must be true or false, got ${p.value}`,
    ru: (p) => `priorityScores (сначала баллы приоритетных наставляемых) должен быть true или false, а указано ${p.value}`,
  },
  forcedAndRejected: {
    en: (p) => `${p.where}: the pair ${p.mentee}–${p.mentor} is both forced and rejected`,
    ru: (p) => `${p.where}: пара ${p.mentee}–${p.mentor} одновременно назначена и отклонена`,
  },
  internal: {
    en: (p) => `internal error of the matcher: ${p.detail}`,
    ru: (p) => `внутренняя ошибка подбора пар: ${p.detail}`,
  },
} satisfies Record<string, { en: Render; ru: Render }>;

export type MatchingMessageCode = keyof typeof MATCHING_MESSAGES;

/** Input the matcher cannot work with; carries a message code, not a sentence. */
export class MatchingInputError extends Error {
  readonly code: MatchingMessageCode;
  readonly params: MessageParams;
  constructor(code: MatchingMessageCode, params: MessageParams = {}) {
    super(MATCHING_MESSAGES[code].en(params));
    this.name = 'MatchingInputError';
    this.code = code;
    this.params = params;
  }
}

export function matchingMessage(code: MatchingMessageCode, params: MessageParams, lang: 'en' | 'ru'): string {
  return MATCHING_MESSAGES[code][lang](params);
}

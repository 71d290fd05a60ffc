/** An expected problem whose Russian message is meant for the curator as is. */
export class CuratorError extends Error {}

/** A service's error may come from another realm than ours, so read it by shape, not instanceof. */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

export function errorStack(error: unknown): string | undefined {
  const stack = (error as { stack?: unknown } | null)?.stack;
  return typeof stack === 'string' ? stack : undefined;
}

/** Google's own error texts, by what the curator can do about them. */
const KNOWN: ReadonlyArray<[RegExp, string]> = [
  [/maximum execution time|exceeded maximum/i, 'операция не уложилась в отведённое Google время'],
  [/too many times|quota|limit exceeded|rate limit/i, 'исчерпан дневной лимит Google для этого действия; повторите завтра'],
  [/protected cell|protected range|protected object/i, 'лист или диапазон защищён, и у вас нет права его менять; попросите владельца таблицы добавить вас в редакторы защиты'],
  [/permission|not authorized|authorization|access denied|forbidden|403/i, 'у надстройки или у вас нет доступа к нужному файлу Google'],
  [/lock|timed out|timeout|deadline/i, 'Google не ответил вовремя'],
  [/not found|does not exist|no item with the given id|missing|deleted/i, 'нужный файл, форма или лист не найдены (возможно, удалены вручную)'],
  [/maximum of 50000 characters/i, 'текст не помещается в одну ячейку (больше 50 000 символов)'],
];

/** A Russian account of an unexpected error: what happened in the curator's terms, no stack trace. */
export function russianReason(error: unknown): string {
  const text = errorMessage(error);
  for (const [pattern, reason] of KNOWN) if (pattern.test(text)) return reason;
  // Our own Russian messages pass through; anything else is a temporary failure of a Google service.
  return /[А-Яа-яЁё]/.test(text) && !/[A-Za-z]{4,}/.test(text) ? text : 'служба Google временно не ответила';
}

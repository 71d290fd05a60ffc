import { NBSP } from './person-name';

export interface TypesetOptions {
  /** The organisation's short name («МАОДО ЦДТ «Хибины»»): kept on one line when it is short. */
  orgShortName?: string;
}

/** A short name longer than this may wrap; binding it would push a whole line of text over. */
const SHORT_NAME_MAX = 32;

/** Abbreviations that stay with what follows: «№ 5», «г. Кировск», «п. 4.1», «ст. 351.8», «тел. …». */
const BEFORE = /(?<=^|[\s(«"„])(№|г\.|гг\.|п\.|пп\.|ст\.|ч\.|гл\.|рис\.|стр\.|тел\.|им\.|д\.|ул\.)[ \t]+(?=\S)/g;
/** Words a number stays with: units, counts, «г.» after a year, «кл.». */
const AFTER_NUMBER =
  /(\d)[ \t]+(?=(?:пар|групп|наставля|наставник|человек|чел\.|лет|год|г\.|гг\.|месяц|мес\.|недел|дн|день|календарн|рабоч|час|ч\.|мин|кл\.|класс|руб|тыс|млн|см|мм|км|%|шт|стр\.|с\.|участник|обучающ|педагог|анкет|занят|тем))/g;
/** «Е.А. Петрова», «Е. Петрова»: initials never end a line. */
const INITIALS_BEFORE = /(?<![А-ЯЁа-яё])((?:[А-ЯЁ]\.){1,2})[ \t]+(?=[А-ЯЁ][а-яё])/g;
/** «Петрова Е.А.»: the surname keeps its initials. */
const INITIALS_AFTER = /([А-ЯЁ][а-яё]+)[ \t]+(?=(?:[А-ЯЁ]\.){1,2}(?:[^А-ЯЁа-яё]|$))/g;

/**
 * The one pass a document's text goes through before it is written: NO-BREAK SPACES where Russian
 * typesetting forbids a line break, and «—» with a NO-BREAK SPACE before it. Idempotent.
 */
export function typeset(text: string, options: TypesetOptions = {}): string {
  let out = text
    // A spaced hyphen is a dash; a dash never starts a line.
    .replace(/[ \t\u00a0]+[-–—][ \t]+/g, (m) => `${NBSP}${m.includes('–') ? '–' : '—'} `)
    .replace(BEFORE, `$1${NBSP}`)
    .replace(AFTER_NUMBER, `$1${NBSP}`)
    .replace(INITIALS_BEFORE, `$1${NBSP}`)
    .replace(INITIALS_AFTER, `$1${NBSP}`)
    // «ЦДТ «Хибины»», «МКУ «УСР»», «МАОДО ЦДТ»: an abbreviation stays with the name that follows it.
    .replace(/(?<![А-ЯЁа-яё])([А-ЯЁ]{2,})[ \t]+(?=«|[А-ЯЁ]{2,}(?:[^а-яё]|$))/g, `$1${NBSP}`);
  const short = options.orgShortName?.trim();
  if (short && short.length <= SHORT_NAME_MAX && /\s/.test(short)) {
    const words = short.split(/[\s\u00a0]+/);
    const bound = words.join(NBSP);
    const pattern = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[ \\t\\u00a0]+');
    out = out.replace(new RegExp(pattern, 'g'), () => bound);
  }
  return out;
}

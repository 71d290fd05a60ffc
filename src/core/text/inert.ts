/**
 * People's text on its way into a cell: the one place that decides what is kept. Sheets treats a
 * script's write like typing, so text must never reach a cell in a form Sheets would interpret.
 */

/** Sheets refuses a longer value in one cell. */
export const CELL_LIMIT = 50000;

const ELLIPSIS = '…';

// C0/C1 controls except tab and line feed, bidi embeddings and isolates, zero-width characters,
// soft hyphen, the BOM: invisible in a cell, yet able to reorder or disguise what a person reads.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

/** Text with invisible and control characters removed, tabs as spaces, at most CELL_LIMIT long. */
export function cleanText(text: string): string {
  let out = text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(/\t/g, ' ');
  if (out.length > CELL_LIMIT) out = out.slice(0, CELL_LIMIT - ELLIPSIS.length) + ELLIPSIS;
  return out;
}

/**
 * Whether typing this text into a cell could turn it into something else: a formula (= + - @ and
 * their full-width forms), a number, a date or a boolean. Such cells get the plain-text format
 * before the write, so the text stays exactly as the person wrote it.
 */
export function needsTextFormat(text: string): boolean {
  const t = text.trimStart();
  if (!t) return false;
  // Anything that does not start with a letter may be read as a formula, number, date or percent.
  if (!/^\p{L}/u.test(t)) return true;
  return /^(true|false|истина|ложь)$/i.test(t.trim()) || /^\p{L}{3,9}\.? \d/u.test(t);
}

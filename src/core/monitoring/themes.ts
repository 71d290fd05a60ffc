/**
 * Open answers grouped into themes (documents.md §10: «3–5 themes with counts, anonymous quotes»):
 * a fixed list of what participants of a mentoring programme write about, each a set of word
 * beginnings. Deliberately plain: a curator can see why an answer landed in a theme, and an
 * answer that fits none is counted as «другое», never dropped.
 */

export interface AnswerTheme {
  name: string;
  /** Word beginnings, lower case with «е» for «ё»; a phrase matches as written, each word from its beginning. */
  stems: readonly string[];
}

export const ANSWER_THEMES: readonly AnswerTheme[] = [
  {
    name: 'больше встреч и времени',
    stems: ['чаще', 'больше встреч', 'больше времени', 'больше занятий', 'мало времени', 'не хватало времени', 'не хватает времени', 'дольше', 'продлить', 'регулярн', 'видеться'],
  },
  { name: 'расписание и организация встреч', stems: ['расписан', 'график', 'перенос', 'неудобн', 'организац', 'кабинет', 'помещени', 'дистанц', 'онлайн'] },
  { name: 'конкурсы, проекты и практика', stems: ['конкурс', 'проект', 'практик', 'выставк', 'соревнован', 'олимпиад', 'экскурс', 'мастер-класс', 'фестивал'] },
  { name: 'общение и поддержка', stems: ['общени', 'общать', 'поддерж', 'довери', 'внимани', 'помощ', 'помога', 'понимани', 'отношени', 'дружб'] },
  { name: 'знания, навыки и профессия', stems: ['знани', 'навык', 'умени', 'научи', 'опыт', 'професси', 'карьер'] },
  { name: 'материалы и оборудование', stems: ['материал', 'оборудован', 'инструмент', 'компьютер', 'пособи', 'литератур'] },
  { name: 'всё устраивает', stems: ['ничего', 'все устраива', 'все понрав', 'все хорошо', 'все отлично', 'нет предложени', 'менять не'] },
];

export const OTHER_THEME = 'другое';

export interface ThemeCount {
  theme: string;
  /** Answers in the theme (an answer may be in several). */
  count: number;
  /** Up to `examples` distinct answers, most frequent first, none of them excluded by the caller. */
  examples: string[];
}

const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern per theme: each stem from a word's beginning, the words of a phrase each from theirs. */
const PATTERNS = new Map(ANSWER_THEMES.map((t) => [t.name, new RegExp(`(^|[^а-яa-z])(${t.stems.map((s) => s.split(' ').map(escape).join('[а-яa-z]*\\s+')).join('|')})`, 'i')] as const));

export function themesOf(answer: string): string[] {
  const text = norm(answer);
  const found = ANSWER_THEMES.filter((t) => PATTERNS.get(t.name)!.test(text)).map((t) => t.name);
  return found.length ? found : [OTHER_THEME];
}

/**
 * The answers' themes, most frequent first (the list's order breaks ties), at most `max` of them;
 * the rest and the answers that fit none are one «другое» row at the end. `quotable` says which
 * answers may be quoted (the caller leaves out those that name someone): they still count.
 */
export function groupByTheme(answers: readonly string[], options: { max?: number; examples?: number; quotable?: (answer: string) => boolean } = {}): ThemeCount[] {
  const max = options.max ?? 5;
  const perTheme = options.examples ?? 2;
  const counts = new Map<string, number>();
  const quotes = new Map<string, Map<string, { text: string; n: number }>>();
  for (const raw of answers) {
    const answer = raw.replace(/\s+/g, ' ').trim();
    if (!answer) continue;
    for (const theme of themesOf(answer)) {
      counts.set(theme, (counts.get(theme) ?? 0) + 1);
      if (options.quotable && !options.quotable(answer)) continue;
      const own = quotes.get(theme) ?? new Map<string, { text: string; n: number }>();
      const key = norm(answer);
      own.set(key, { text: own.get(key)?.text ?? answer, n: (own.get(key)?.n ?? 0) + 1 });
      quotes.set(theme, own);
    }
  }
  const order = [...ANSWER_THEMES.map((t) => t.name), OTHER_THEME];
  const ranked = order.filter((t) => t !== OTHER_THEME && counts.has(t)).sort((a, b) => counts.get(b)! - counts.get(a)! || order.indexOf(a) - order.indexOf(b));
  const shown = ranked.slice(0, max);
  const rest = [...ranked.slice(max), ...(counts.has(OTHER_THEME) ? [OTHER_THEME] : [])];
  const examples = (themes: readonly string[]) =>
    [...new Map(themes.flatMap((t) => [...(quotes.get(t)?.values() ?? [])]).map((q) => [norm(q.text), q])).values()]
      .sort((a, b) => b.n - a.n)
      .slice(0, perTheme)
      .map((q) => (q.text.length > 200 ? `${q.text.slice(0, 197)}…` : q.text));
  const rows: ThemeCount[] = shown.map((theme) => ({ theme, count: counts.get(theme)!, examples: examples([theme]) }));
  if (rest.length) {
    // An answer in two of the rest's themes is one answer of «другое».
    const inRest = answers.filter((a) => a.trim() && themesOf(a).some((t) => rest.includes(t)) && !themesOf(a).some((t) => shown.includes(t)));
    const n = inRest.length;
    if (n) rows.push({ theme: OTHER_THEME, count: n, examples: examples(rest).filter((q) => inRest.some((a) => norm(a) === norm(q))) });
  }
  return rows;
}

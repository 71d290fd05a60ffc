/**
 * «Лучшие наставники» (roadmap 7.5): the year's mentors ranked by criteria the curator sees and
 * changes in «Настройки», each score explained in figures. Pure: the server reads the sheets into
 * these shapes (facts measured as «Мониторинг» measures them: the pace by checkCadence, the
 * mentees' satisfaction by feedbackStats, their growth by diagnosticsStats).
 *
 * Each criterion gives a share 0–1 of its own scale; the points are that share times the weight.
 * A criterion without enough data gives no points, and the mentor's figures say why. Only mentors
 * with consent to processing are ranked: the others are counted, never named or scored.
 */
import { consentAllows } from '../intake/consent';
import { NBSP, type NounForms, type Sex, bySex, decimal, plural, sexOf } from '../language';
import { signed } from '../../shared/numbers';
import { type MeetingRecord, checkCadence } from '../monitoring/cadence';
import { compareDates } from '../monitoring/calendar';
import { ALL_ITEMS, ALL_KEY, diagnosticsStats, feedbackStats } from '../monitoring/stats';
import type { CalendarDate, DiagnosticRow, FeedbackRow } from '../monitoring/types';

export type CriterionKey = 'meetings' | 'satisfaction' | 'growth' | 'completed' | 'training' | 'mentees';

export interface CriterionDef {
  key: CriterionKey;
  /** As the curator writes it in the setting. */
  name: string;
  /** Other spellings the setting accepts. */
  aliases: readonly string[];
  /** The word in the ranking table. */
  short: string;
  /** How the share 0–1 is computed, for the «Критерии» section. */
  scale: string;
  /** Where the figures come from. */
  source: string;
}

export const CRITERIA: readonly CriterionDef[] = [
  {
    key: 'meetings',
    name: 'встречи по графику',
    aliases: ['встречи', 'график встреч', 'встречи по плану'],
    short: 'встречи',
    scale: 'проведено встреч ÷ ожидалось по графику, не больше 1',
    source: 'лист «Встречи»; график — не реже 1 встречи в неделю от даты приказа до итоговой встречи (как в «Мониторинге», 6.1)',
  },
  {
    key: 'satisfaction',
    name: 'удовлетворённость наставляемых',
    aliases: ['удовлетворённость', 'удовлетворенность', 'удовлетворенность наставляемых'],
    short: 'удовлетворённость',
    scale: 'средний балл наставляемых ÷ 10',
    source: 'лист «Обратная связь»: оценки удовлетворённости (1–10) наставляемых этого наставника, ответы одного человека сначала усредняются',
  },
  {
    key: 'growth',
    name: 'рост по диагностике',
    aliases: ['рост', 'диагностика', 'рост наставляемых'],
    short: 'рост',
    scale: 'изменение Δ ÷ наибольшее Δ среди наставников в рейтинге; Δ не больше 0 — 0',
    source: 'лист «Диагностика»: итоговая − входная анкета наставляемых, прошедших обе',
  },
  {
    key: 'completed',
    name: 'завершённые пары',
    aliases: ['завершенные пары', 'пары', 'завершённые пары и группы', 'завершенные пары и группы'],
    short: 'пары',
    scale: 'завершены ÷ (завершены + завершены досрочно)',
    source: 'лист «Пары и группы»: статус «завершена»; досрочно — с «Причиной завершения»',
  },
  {
    key: 'training',
    name: 'обучение в Школе наставников',
    aliases: ['обучение', 'школа наставников', 'обучение в «школе наставников»'],
    short: 'обучение',
    scale: '«обучен» — 1, иначе 0; «не требуется» — не учитывается',
    source: 'лист «Наставники», столбец «Школа наставников»',
  },
  {
    key: 'mentees',
    name: 'число наставляемых',
    aliases: ['наставляемые', 'наставляемых'],
    short: 'наставляемых',
    scale: 'число наставляемых ÷ наибольшее число у наставника в рейтинге',
    source: 'лист «Пары и группы»',
  },
];

export const BEST_SETTING = {
  criteria: 'Лучшие наставники: критерии и веса',
  propose: 'Лучшие наставники: сколько предложить',
  minAnswers: 'Лучшие наставники: минимум ответов',
} as const;

export const DEFAULT_CRITERIA = 'встречи по графику — 3; удовлетворённость наставляемых — 3; рост по диагностике — 2; завершённые пары — 1; обучение в Школе наставников — 1';
export const DEFAULT_PROPOSE = 3;
/** One: most mentors have one mentee, whose answers must count; n is printed beside every figure. */
export const DEFAULT_MIN_ANSWERS = 1;

export interface Criterion {
  key: CriterionKey;
  name: string;
  weight: number;
}

const key = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”]/g, '')
    .replace(/\s+/g, ' ');

const MAX_WEIGHT = 100;

/**
 * The criteria the setting names, in CRITERIA's order («;» or a new line between them; «критерий —
 * вес», the dash may be «-», «–», «:» or «=»). Empty means the defaults; a criterion not named, or
 * with weight 0, does not count. Anything unclear is refused with the reason in Russian.
 */
export function parseCriteria(setting: string): { criteria: Criterion[] } | { error: string } {
  const items = String(setting ?? '')
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!items.length) return parseCriteria(DEFAULT_CRITERIA);
  const weights = new Map<CriterionKey, number>();
  for (const item of items) {
    const m = /^(.+?)\s*[—–=:-]\s*([+-]?\d+(?:[.,]\d+)?)\s*$/.exec(item) ?? /^(.+?)\s+([+-]?\d+(?:[.,]\d+)?)\s*$/.exec(item);
    if (!m) return { error: `в «${item}» нет веса: пишите критерий и вес через тире, например «встречи по графику — 3»` };
    const def = CRITERIA.find((c) => key(c.name) === key(m[1]) || c.aliases.some((a) => key(a) === key(m[1])));
    if (!def) return { error: `неизвестный критерий «${m[1].trim()}»; можно указать: ${CRITERIA.map((c) => c.name).join('; ')}` };
    if (weights.has(def.key)) return { error: `критерий «${def.name}» указан дважды` };
    const w = Number(m[2].replace(',', '.'));
    if (!Number.isFinite(w) || w < 0 || w > MAX_WEIGHT) return { error: `у критерия «${def.name}» вес ${m[2]}: нужен вес от 0 до ${MAX_WEIGHT}` };
    weights.set(def.key, w);
  }
  const criteria = CRITERIA.filter((c) => (weights.get(c.key) ?? 0) > 0).map((c) => ({ key: c.key, name: c.name, weight: weights.get(c.key)! }));
  if (!criteria.length) return { error: 'у всех критериев вес 0: рейтинг не из чего составить' };
  return { criteria };
}

/** The criteria in force and, when the setting could not be used, why (the defaults stand instead). */
export function criteriaOf(setting: string): { criteria: Criterion[]; error?: string } {
  const parsed = parseCriteria(setting);
  if ('criteria' in parsed) return parsed;
  return { criteria: (parseCriteria(DEFAULT_CRITERIA) as { criteria: Criterion[] }).criteria, error: parsed.error };
}

export const criteriaError = (error: string) =>
  `Настройка «${BEST_SETTING.criteria}» не применена: ${error}. Использованы критерии по умолчанию: ${DEFAULT_CRITERIA}. Исправьте строку на листе «Настройки» и сформируйте отчёт снова.`;

// ---- Facts ------------------------------------------------------------------------------------

export interface MentorInput {
  id: string;
  name: string;
  position: string;
  category: string;
  /** «Школа наставников» as the base holds it. */
  training: string;
  /** «Согласие» as the base holds it. */
  consent: string;
}

export type UnitOutcome = 'working' | 'completed' | 'endedEarly';

export interface UnitInput {
  id: string;
  form: string;
  mentorId: string;
  menteeIds: readonly string[];
  outcome: UnitOutcome;
  /** The order date the unit started on (null: the pace cannot be checked). */
  start: CalendarDate | null;
  /** «Дата окончания»: the pace is checked up to it, not past it. */
  end: CalendarDate | null;
  meetings: readonly MeetingRecord[];
}

export interface BestMentorsInput {
  mentors: readonly MentorInput[];
  /** The pairs and groups of the year. */
  units: readonly UnitInput[];
  /** The year's feedback and diagnostics, pair IDs as «Пары и группы» spells them. */
  feedback: readonly FeedbackRow[];
  diagnostics: readonly DiagnosticRow[];
  /** The day the report counts to: today, or the end of a past year. */
  today: CalendarDate;
  /** The settings' cells. */
  criteria: string;
  propose: number;
  minAnswers: number;
}

export interface Facts {
  units: number;
  forms: string[];
  mentees: number;
  meetings: { held: number; expected: number; unchecked: number };
  satisfaction: { mean: number | null; n: number };
  growth: { delta: number | null; n: number };
  pairs: { completed: number; early: number; working: number };
  training: string;
}

export interface Part {
  key: CriterionKey;
  weight: number;
  /** Share 0–1 of the criterion's scale; null — not counted (no or too few data). */
  share: number | null;
  /** Points in hundredths: weight × share, rounded. */
  points: number;
  /** The figure in words: «18 из 20 ожидаемых», «мало ответов (n = 1)». */
  figure: string;
}

export interface MentorScore {
  mentor: MentorInput;
  facts: Facts;
  parts: Part[];
  /** In hundredths: the sum of the parts' points, exactly as printed. */
  score: number;
  rank: number;
}

export interface BestMentorsResult {
  criteria: Criterion[];
  /** Why the setting was not used (the defaults stand). */
  criteriaError?: string;
  propose: number;
  minAnswers: number;
  /** The most points one can get: the sum of the weights. */
  maxScore: number;
  /** Consented mentors with pairs or groups in the year, best first. */
  ranked: MentorScore[];
  /** The first `propose` of them with any points. */
  proposed: MentorScore[];
  /** Mentors of the year not ranked for want of consent: a count, nothing else. */
  withoutConsent: number;
  /** The first one below the cut has as many points as the last proposed. */
  tieAtCut: boolean;
  /** Places that share their points with the next one (1-based), the order settled by the tie rule. */
  ties: number[];
}

const MEETINGS: NounForms = ['встреча', 'встречи', 'встреч'];
/** After «провёл»: «провела 21 встречу». */
const MEETINGS_ACC: NounForms = ['встречу', 'встречи', 'встреч'];
/** «n = 2» and «из 10» kept on one line in a narrow column. */
const ANSWERS_N = (n: number) => `n${NBSP}=${NBSP}${n}`;
const OF_TEN = `из${NBSP}10`;

const wholeSetting = (v: number, fallback: number) => (Number.isInteger(v) && v >= 1 ? v : fallback);

/** The mentees' answers by pair, built once: a district's thousands of mentors stay linear. */
function menteeAnswersByPair<T extends { pairId: string; role: string }>(rows: readonly T[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const r of rows) {
    if (String(r.role).trim().toLowerCase() !== 'наставляемый') continue;
    const key = String(r.pairId).trim();
    const own = index.get(key);
    if (own) own.push(r);
    else index.set(key, [r]);
  }
  return index;
}

type AnswersByPair = { feedback: Map<string, BestMentorsInput['feedback'][number][]>; diagnostics: Map<string, BestMentorsInput['diagnostics'][number][]> };

function factsOf(mentor: MentorInput, units: readonly UnitInput[], input: BestMentorsInput, answers: AnswersByPair): Facts {
  const meetings = { held: 0, expected: 0, unchecked: 0 };
  for (const u of units) {
    const day = u.end && compareDates(u.end, input.today) < 0 ? u.end : input.today;
    const c = checkCadence({ pairId: u.id, start: u.start, meetings: u.meetings }, day);
    if (c.state === 'noStart' || c.expectedAtLeast === null) meetings.unchecked += 1;
    else {
      meetings.held += c.meetings;
      meetings.expected += c.expectedAtLeast;
    }
  }
  const mine = <T>(index: Map<string, T[]>) => [...new Set(units.map((u) => u.id))].flatMap((id) => index.get(id) ?? []);
  const fb = feedbackStats(mine(answers.feedback)).groups.find((g) => g.scope === 'all' && g.key === ALL_KEY && g.role === 'наставляемый');
  const sat = fb?.items.find((i) => i.code === 'satisfaction');
  const dg = diagnosticsStats(mine(answers.diagnostics)).deltas.find((d) => d.scope === 'all' && d.role === 'наставляемый' && d.code === ALL_ITEMS);
  const forms = [...new Set(units.map((u) => u.form.trim()).filter(Boolean))];
  return {
    units: units.length,
    forms,
    mentees: new Set(units.flatMap((u) => u.menteeIds.map((m) => m.trim())).filter(Boolean)).size,
    meetings,
    satisfaction: { mean: sat && sat.mean.ok ? sat.mean.value : null, n: sat?.n ?? 0 },
    growth: { delta: dg && dg.delta.ok ? dg.delta.value : null, n: dg?.n ?? 0 },
    pairs: {
      completed: units.filter((u) => u.outcome === 'completed').length,
      early: units.filter((u) => u.outcome === 'endedEarly').length,
      working: units.filter((u) => u.outcome === 'working').length,
    },
    training: mentor.training.trim(),
  };
}

/** «Школа наставников» in words that agree with the mentor: «обучена», «направлен на обучение». */
function trainingText(status: string, sex: Sex | null): string {
  const word = (male: string, female: string) => bySex(sex, { male, female, unknown: `${male}(а)` });
  if (status === 'обучен') return `${word('обучен', 'обучена')} в «Школе наставников»`;
  if (status === 'не обучен') return `${word('не обучен', 'не обучена')} в «Школе наставников»`;
  if (status === 'направлен') return `${word('направлен', 'направлена')} на обучение, ещё не ${word('обучен', 'обучена')}`;
  if (status === 'обучается') return 'обучается в «Школе наставников»';
  return 'обучение не отмечено';
}

const few = (n: number) => `мало ответов (${ANSWERS_N(n)})`;

/** Each criterion's share of a mentor's facts and the figure in words; `best` are the year's bests for relative scales. */
function shareOf(k: CriterionKey, f: Facts, minAnswers: number, best: { growth: number; mentees: number }, sex: Sex | null): { share: number | null; figure: string } {
  switch (k) {
    case 'meetings': {
      const { held, expected, unchecked } = f.meetings;
      const skipped = unchecked ? `; без даты начала — ${plural(unchecked, ['пара', 'пары', 'пар'])}` : '';
      if (!expected) return { share: null, figure: held || !unchecked ? `${plural(held, MEETINGS)}, графика ещё нет (работа меньше недели)${skipped}` : `нет даты начала (приказа)${skipped}` };
      const did = bySex(sex, { male: 'провёл', female: 'провела', unknown: 'провёл(а)' });
      return { share: Math.min(1, held / expected), figure: `${did} ${plural(held, MEETINGS_ACC)} при ожидаемых ${expected}${skipped}` };
    }
    case 'satisfaction': {
      const { mean, n } = f.satisfaction;
      if (mean === null || n === 0) return { share: null, figure: 'нет ответов' };
      if (n < minAnswers) return { share: null, figure: `${decimal(mean, 2)} ${OF_TEN}, ${few(n)}` };
      return { share: mean / 10, figure: `${decimal(mean, 2)} ${OF_TEN} (${ANSWERS_N(n)})` };
    }
    case 'growth': {
      const { delta, n } = f.growth;
      if (delta === null || n === 0) return { share: null, figure: 'нет прошедших обе анкеты' };
      if (n < minAnswers) return { share: null, figure: `Δ ${signed(delta, 1)}, ${few(n)}` };
      return { share: best.growth > 0 ? Math.max(0, delta) / best.growth : 0, figure: `Δ ${signed(delta, 1)} (${ANSWERS_N(n)})` };
    }
    case 'completed': {
      const { completed, early, working } = f.pairs;
      const still = working ? `, ещё работают — ${working}` : '';
      if (!completed && !early) return { share: null, figure: `пока не завершены (работают: ${working})` };
      return { share: completed / (completed + early), figure: `завершены ${completed} из ${completed + early}${early ? `, досрочно — ${early}` : ''}${still}` };
    }
    case 'training': {
      const t = key(f.training);
      if (t === 'не требуется') return { share: null, figure: 'обучение не требуется' };
      return { share: t === 'обучен' ? 1 : 0, figure: trainingText(t, sex) };
    }
    case 'mentees':
      return { share: best.mentees > 0 ? f.mentees / best.mentees : 0, figure: String(f.mentees) };
  }
}

const collate = (s: string) => key(s);

/** Best first: points, then more mentees, then the name in alphabetical order, then the ID. */
function compare(a: MentorScore, b: MentorScore): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.facts.mentees !== b.facts.mentees) return b.facts.mentees - a.facts.mentees;
  const na = collate(a.mentor.name);
  const nb = collate(b.mentor.name);
  if (na !== nb) return na < nb ? -1 : 1;
  return a.mentor.id < b.mentor.id ? -1 : a.mentor.id > b.mentor.id ? 1 : 0;
}

export const TIE_RULE = 'при равных баллах выше стоит наставник с бо́льшим числом наставляемых, затем — по алфавиту';

export function scoreMentors(input: BestMentorsInput): BestMentorsResult {
  const { criteria, error } = criteriaOf(input.criteria);
  const propose = wholeSetting(input.propose, DEFAULT_PROPOSE);
  const minAnswers = wholeSetting(input.minAnswers, DEFAULT_MIN_ANSWERS);
  const byMentor = new Map<string, UnitInput[]>();
  for (const u of input.units) {
    const id = u.mentorId.trim();
    if (!id) continue;
    byMentor.set(id, [...(byMentor.get(id) ?? []), u]);
  }
  let withoutConsent = 0;
  const answers: AnswersByPair = { feedback: menteeAnswersByPair(input.feedback), diagnostics: menteeAnswersByPair(input.diagnostics) };
  const scored: Array<{ mentor: MentorInput; facts: Facts }> = [];
  const seen = new Set<string>();
  for (const mentor of input.mentors) {
    const id = mentor.id.trim();
    const units = byMentor.get(id);
    if (!id || !units || seen.has(id)) continue;
    seen.add(id);
    if (!consentAllows(mentor.consent.trim())) withoutConsent += 1;
    else scored.push({ mentor, facts: factsOf(mentor, units, input, answers) });
  }
  // Units of a mentor missing from the base: counted as without consent (nobody to name).
  for (const id of byMentor.keys()) if (!seen.has(id)) withoutConsent += 1;

  const growths = scored.map((s) => (s.facts.growth.delta !== null && s.facts.growth.n >= minAnswers ? s.facts.growth.delta : 0));
  const best = { growth: Math.max(0, ...growths), mentees: Math.max(0, ...scored.map((s) => s.facts.mentees)) };
  const ranked: MentorScore[] = scored
    .map(({ mentor, facts }) => {
      const parts = criteria.map((c): Part => {
        const { share: exact, figure } = shareOf(c.key, facts, minAnswers, best, sexOf(mentor.name));
        // The share as printed (two decimals), so «0,93 × 3 = 2,79» checks out on paper.
        const share = exact === null ? null : Math.round(exact * 100) / 100;
        return { key: c.key, weight: c.weight, share, points: share === null ? 0 : Math.round(c.weight * share * 100), figure };
      });
      return { mentor, facts, parts, score: parts.reduce((s, p) => s + p.points, 0), rank: 0 };
    })
    .sort(compare);
  ranked.forEach((m, i) => (m.rank = i + 1));
  const proposed = ranked.slice(0, propose).filter((m) => m.score > 0);
  const ties = ranked.slice(0, -1).flatMap((m, i) => (m.score === ranked[i + 1].score ? [i + 1] : []));
  const tieAtCut = proposed.length === propose && ranked.length > propose && ranked[propose].score === ranked[propose - 1].score;
  return {
    criteria,
    ...(error ? { criteriaError: error } : {}),
    propose,
    minAnswers,
    maxScore: Math.round(criteria.reduce((s, c) => s + c.weight, 0) * 100),
    ranked,
    proposed,
    withoutConsent,
    tieAtCut,
    ties,
  };
}

/** Points in hundredths as printed: «2,7», «10». */
export const points = (hundredths: number) => decimal(hundredths / 100, 2);

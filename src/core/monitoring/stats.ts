/**
 * Averages, medians, satisfaction levels and Δ of the feedback and the diagnostics, per pair, per
 * form of mentoring and for the whole programme, each split by role.
 *
 * The unit is the respondent, not the answer: a person who answered the monthly feedback eight
 * times weighs as much as one who answered once (their own answers are averaged first), so `n` is
 * the number of people, and `answers` says how many answers stand behind it.
 */
import { decimal } from '../language';
import { FEEDBACK_ITEMS, FEEDBACK_RATINGS, MONITORING_ITEMS, type MonitoringItem, satisfactionCode } from './items';
import { fig, mean, median, none, readRating, share } from './figures';
import { type CellValue, type DiagnosticRow, type FeedbackRow, type Figure, PHASES, type Phase, ROLES, type Rejection, type Role } from './types';

export const DEFAULT_THRESHOLD = 8;
export const FORM_UNKNOWN = 'форма не указана';
/** The code of the Δ over all paired items of a group. */
export const ALL_ITEMS = '*';

export const SOURCE_FEEDBACK = 'Обратная связь';
export const SOURCE_DIAGNOSTICS = 'Диагностика';

export type Scope = 'all' | 'form' | 'pair';
const SCOPE_ORDER: Readonly<Record<Scope, number>> = { all: 0, form: 1, pair: 2 };
/** The key of the whole-programme group. */
export const ALL_KEY = 'все';

export interface ItemStat {
  code: string;
  label: string;
  /** People with at least one valid answer to the item. */
  n: number;
  answers: number;
  mean: Figure;
  median: Figure;
}

/** Both methods of «уровень удовлетворённости» (notes §2), as shares 0–1, each with its label. */
export interface SatisfactionLevel {
  threshold: number;
  respondents: number;
  satisfied: number;
  /** (а) respondents whose satisfaction is at or above the threshold ÷ respondents. */
  share: Figure;
  shareLabel: string;
  /** (б) mean satisfaction ÷ 10 (× 100 % when shown). */
  meanShare: Figure;
  meanLabel: string;
}

export interface GroupStats {
  scope: Scope;
  /** Pair ID, form of mentoring, or ALL_KEY. */
  key: string;
  role: Role;
  /** Diagnostics only. */
  phase?: Phase;
  respondents: number;
  items: ItemStat[];
  satisfaction: SatisfactionLevel;
}

export interface DeltaStat {
  scope: Scope;
  key: string;
  role: Role;
  /** Item code, or ALL_ITEMS for every paired item of the group together. */
  code: string;
  label: string;
  /** People who answered the item at both phases: only they count. */
  n: number;
  entry: Figure;
  exit: Figure;
  /** Mean of each person's exit − entry. */
  delta: Figure;
}

export interface StatsOptions {
  /** «Порог удовлетворённости» from «Настройки» as the cell holds it; default 8. */
  threshold?: CellValue;
}

export interface Threshold {
  value: number;
  /** Set when the setting could not be used and the default stands instead. */
  note?: string;
}

/** The satisfaction threshold from the settings cell: a number from 1 to 10, or the default with a note. */
export function readThreshold(cell: CellValue): Threshold {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return { value: DEFAULT_THRESHOLD };
  const n = typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell.trim().replace(',', '.')) : NaN;
  if (Number.isFinite(n) && n >= 1 && n <= 10) return { value: n };
  return { value: DEFAULT_THRESHOLD, note: `Порог удовлетворённости в «Настройках» должен быть числом от 1 до 10; принят ${DEFAULT_THRESHOLD}` };
}

export function satisfactionLabels(threshold: number): { shareLabel: string; meanLabel: string } {
  return {
    shareLabel: `Доля ответивших на ${decimal(threshold)} и выше из 10`,
    meanLabel: 'Средний балл ÷ 10 × 100 %',
  };
}

/** A role as the sheet holds it, or undefined. */
export function readRole(text: string): Role | undefined {
  const t = String(text ?? '')
    .trim()
    .toLowerCase();
  return (ROLES as readonly string[]).includes(t) ? (t as Role) : undefined;
}

export function readPhase(text: string): Phase | undefined {
  const t = String(text ?? '')
    .trim()
    .toLowerCase();
  return (PHASES as readonly string[]).includes(t) ? (t as Phase) : undefined;
}

const formKey = (form: string) => String(form ?? '').trim() || FORM_UNKNOWN;

/** One valid rating of one person on one item. */
interface Observation {
  respondent: string;
  pairId: string;
  form: string;
  role: Role;
  phase?: Phase;
  code: string;
  value: number;
}

interface GroupKey {
  scope: Scope;
  key: string;
  role: Role;
  phase?: Phase;
}

const keyOf = (g: GroupKey) => `${g.scope}\u0000${g.key}\u0000${g.role}\u0000${g.phase ?? ''}`;

function scopesOf(o: Observation): GroupKey[] {
  const base = { role: o.role, ...(o.phase ? { phase: o.phase } : {}) };
  return [
    { scope: 'all', key: ALL_KEY, ...base },
    { scope: 'form', key: o.form, ...base },
    { scope: 'pair', key: o.pairId, ...base },
  ];
}

/** group → item → respondent → that person's answers. */
type Bucket = Map<string, Map<string, number[]>>;

function collect(observations: readonly Observation[]): Map<string, { group: GroupKey; items: Bucket }> {
  const groups = new Map<string, { group: GroupKey; items: Bucket }>();
  for (const o of observations) {
    for (const g of scopesOf(o)) {
      const k = keyOf(g);
      let entry = groups.get(k);
      if (!entry) groups.set(k, (entry = { group: g, items: new Map() }));
      let byPerson = entry.items.get(o.code);
      if (!byPerson) entry.items.set(o.code, (byPerson = new Map()));
      const list = byPerson.get(o.respondent);
      if (list) list.push(o.value);
      else byPerson.set(o.respondent, [o.value]);
    }
  }
  return groups;
}

/** Each person's own mean: one value per person. */
function personMeans(byPerson: Map<string, number[]> | undefined): number[] {
  if (!byPerson) return [];
  const out: number[] = [];
  for (const values of byPerson.values()) {
    const m = mean(values);
    if (m.ok) out.push(m.value);
  }
  return out;
}

function itemStat(code: string, label: string, byPerson: Map<string, number[]> | undefined): ItemStat {
  const values = personMeans(byPerson);
  let answers = 0;
  for (const list of byPerson?.values() ?? []) answers += list.length;
  return { code, label, n: values.length, answers, mean: mean(values), median: median(values) };
}

export function satisfactionLevel(personValues: readonly number[], threshold: number): SatisfactionLevel {
  const satisfied = personValues.filter((v) => v >= threshold).length;
  const m = mean(personValues);
  const whenNone = 'нет данных: никто не ответил на вопрос об удовлетворённости';
  return {
    threshold,
    respondents: personValues.length,
    satisfied,
    share: share(satisfied, personValues.length, whenNone),
    meanShare: m.ok ? fig(m.value / 10) : none(whenNone),
    ...satisfactionLabels(threshold),
  };
}

function compareGroups(a: GroupKey, b: GroupKey): number {
  if (a.scope !== b.scope) return SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope];
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  if (a.role !== b.role) return ROLES.indexOf(a.role) - ROLES.indexOf(b.role);
  return PHASES.indexOf(a.phase ?? 'входная') - PHASES.indexOf(b.phase ?? 'входная');
}

/** Item codes of a group in the bank's order, then codes the bank does not know, alphabetically. */
function orderedCodes(present: Iterable<string>, known: readonly { code: string }[]): string[] {
  const have = new Set(present);
  const first = known.map((i) => i.code).filter((c) => have.has(c));
  const rest = [...have].filter((c) => !first.includes(c)).sort();
  return [...first, ...rest];
}

// ---- Feedback ---------------------------------------------------------------------------------

export interface FeedbackStats {
  threshold: Threshold;
  groups: GroupStats[];
  rejected: Rejection[];
}

const FEEDBACK_FIELD: Readonly<Record<string, string>> = {
  satisfaction: 'Удовлетворённость (1–10)',
  quality: 'Качество (1–10)',
  impact: 'Польза (1–10)',
};

function rowBasics(source: string, index: number, row: { pairId: string; role: string }, rejected: Rejection[]): { pairId: string; role: Role } | undefined {
  const role = readRole(row.role);
  const pairId = String(row.pairId ?? '').trim();
  if (!role) rejected.push({ source, index, field: 'Роль', reason: 'роль не указана или не «наставник» / «наставляемый»; ответ не учтён' });
  if (!pairId) rejected.push({ source, index, field: 'Пара / группа', reason: 'не указана пара или группа; ответ не учтён' });
  return role && pairId ? { pairId, role } : undefined;
}

/** Monthly feedback per pair, form and programme, by role: each rating's mean and median with n, satisfaction levels. */
export function feedbackStats(rows: readonly FeedbackRow[], options: StatsOptions = {}): FeedbackStats {
  const threshold = readThreshold(options.threshold);
  const rejected: Rejection[] = [];
  const observations: Observation[] = [];
  rows.forEach((row, index) => {
    const basics = rowBasics(SOURCE_FEEDBACK, index, row, rejected);
    if (!basics) return;
    const respondent = String(row.personId ?? '').trim() || `${basics.pairId}\u0000${basics.role}`;
    for (const code of FEEDBACK_RATINGS) {
      const r = readRating(row[code]);
      if (r.ok === true) observations.push({ respondent, pairId: basics.pairId, form: formKey(row.form), role: basics.role, code, value: r.value });
      else if (r.ok === false) rejected.push({ source: SOURCE_FEEDBACK, index, field: FEEDBACK_FIELD[code], reason: `${r.reason}; ответ не учтён` });
    }
  });
  const labels = new Map(FEEDBACK_ITEMS.map((i) => [i.code, i.label]));
  const groups = [...collect(observations).values()]
    .sort((a, b) => compareGroups(a.group, b.group))
    .map(({ group, items }): GroupStats => {
      const codes = FEEDBACK_RATINGS.filter((c) => items.has(c));
      return {
        ...group,
        respondents: respondentsOf(items),
        items: codes.map((c) => itemStat(c, labels.get(c) ?? c, items.get(c))),
        satisfaction: satisfactionLevel(personMeans(items.get('satisfaction')), threshold.value),
      };
    });
  return { threshold, groups, rejected };
}

function respondentsOf(items: Bucket): number {
  const people = new Set<string>();
  for (const byPerson of items.values()) for (const p of byPerson.keys()) people.add(p);
  return people.size;
}

// ---- Diagnostics ------------------------------------------------------------------------------

export interface DiagnosticsStats {
  threshold: Threshold;
  groups: GroupStats[];
  deltas: DeltaStat[];
  rejected: Rejection[];
  /** Rows of items that are not ratings (yes/no, open answers) or left unanswered: left out, not errors. */
  skipped: number;
}

export interface DiagnosticsOptions extends StatsOptions {
  /** The item bank; default MONITORING_ITEMS. Codes it does not know are read as 1–10 ratings. */
  bank?: Readonly<Record<Role, readonly MonitoringItem[]>>;
}

/**
 * Entry and exit diagnostics per pair, form and programme, by role and phase; and Δ = exit − entry
 * per item and over all paired items, only for people who answered at both phases.
 */
export function diagnosticsStats(rows: readonly DiagnosticRow[], options: DiagnosticsOptions = {}): DiagnosticsStats {
  const bank = options.bank ?? MONITORING_ITEMS;
  const threshold = readThreshold(options.threshold);
  const rejected: Rejection[] = [];
  const observations: Observation[] = [];
  let skipped = 0;
  rows.forEach((row, index) => {
    const basics = rowBasics(SOURCE_DIAGNOSTICS, index, row, rejected);
    const phase = readPhase(row.phase);
    if (!phase) rejected.push({ source: SOURCE_DIAGNOSTICS, index, field: 'Этап', reason: 'этап не «входная» / «итоговая»; ответ не учтён' });
    const code = String(row.itemCode ?? '').trim();
    if (!code) rejected.push({ source: SOURCE_DIAGNOSTICS, index, field: 'Показатель', reason: 'не указан вопрос анкеты; ответ не учтён' });
    if (!basics || !phase || !code) return;
    const item = bank[basics.role].find((i) => i.code === code);
    if (item && item.kind !== 'scale') {
      skipped++;
      return;
    }
    const respondent = String(row.personId ?? '').trim() || `${basics.pairId}\u0000${basics.role}`;
    const r = readRating(row.value);
    if (r.ok === true) observations.push({ respondent, pairId: basics.pairId, form: formKey(row.form), role: basics.role, phase, code, value: r.value });
    else if (r.ok === 'empty') skipped++;
    else rejected.push({ source: SOURCE_DIAGNOSTICS, index, field: 'Значение', reason: `${r.reason}; ответ не учтён` });
  });

  const label = (role: Role, code: string) => bank[role].find((i) => i.code === code)?.label ?? code;
  const collected = collect(observations);
  const groups = [...collected.values()]
    .sort((a, b) => compareGroups(a.group, b.group))
    .map(({ group, items }): GroupStats => {
      const sat = satisfactionCode(group.role, bank);
      return {
        ...group,
        respondents: respondentsOf(items),
        items: orderedCodes(items.keys(), bank[group.role]).map((c) => itemStat(c, label(group.role, c), items.get(c))),
        satisfaction: satisfactionLevel(sat ? personMeans(items.get(sat)) : [], threshold.value),
      };
    });
  return { threshold, groups, deltas: deltas(collected, bank, label), rejected, skipped };
}

function deltas(collected: Map<string, { group: GroupKey; items: Bucket }>, bank: Readonly<Record<Role, readonly MonitoringItem[]>>, label: (role: Role, code: string) => string): DeltaStat[] {
  const out: DeltaStat[] = [];
  const seen = new Set<string>();
  for (const { group } of [...collected.values()].sort((a, b) => compareGroups(a.group, b.group))) {
    const base = { scope: group.scope, key: group.key, role: group.role };
    const k = keyOf(base);
    if (seen.has(k)) continue;
    seen.add(k);
    const entryItems = collected.get(keyOf({ ...base, phase: 'входная' }))?.items;
    const exitItems = collected.get(keyOf({ ...base, phase: 'итоговая' }))?.items;
    if (!entryItems || !exitItems) {
      // Only one phase so far: say so per paired item the group has, rather than leave Δ out.
      const present = entryItems ?? exitItems;
      if (!present) continue;
      const reason = entryItems ? 'нет данных: итоговой диагностики ещё не было' : 'нет данных: входной диагностики не было';
      for (const code of orderedCodes(present.keys(), bank[group.role]))
        out.push({ ...base, code, label: label(group.role, code), n: 0, entry: none(reason), exit: none(reason), delta: none(reason) });
      continue;
    }
    const allEntry: number[] = [];
    const allExit: number[] = [];
    const allDelta: number[] = [];
    const codes = orderedCodes(
      [...entryItems.keys()].filter((c) => exitItems.has(c)),
      bank[group.role],
    );
    for (const code of codes) {
      const before = entryItems.get(code);
      const after = exitItems.get(code);
      const e: number[] = [];
      const x: number[] = [];
      const d: number[] = [];
      for (const [person, values] of before ?? []) {
        const later = after?.get(person);
        if (!later) continue;
        const m0 = mean(values);
        const m1 = mean(later);
        if (!m0.ok || !m1.ok) continue;
        e.push(m0.value);
        x.push(m1.value);
        d.push(m1.value - m0.value);
      }
      const reason = 'нет данных: никто не ответил на этот вопрос и во входной, и в итоговой диагностике';
      out.push({
        ...base,
        code,
        label: label(group.role, code),
        n: d.length,
        entry: d.length ? mean(e) : none(reason),
        exit: d.length ? mean(x) : none(reason),
        delta: d.length ? mean(d) : none(reason),
      });
      allEntry.push(...e);
      allExit.push(...x);
      allDelta.push(...d);
    }
    const people = new Set<string>();
    for (const code of codes) for (const p of entryItems.get(code)?.keys() ?? []) if (exitItems.get(code)?.has(p)) people.add(p);
    const reason = 'нет данных: нет участников, прошедших и входную, и итоговую диагностику';
    out.push({
      ...base,
      code: ALL_ITEMS,
      label: 'Все вопросы',
      n: people.size,
      entry: allDelta.length ? mean(allEntry) : none(reason),
      exit: allDelta.length ? mean(allExit) : none(reason),
      delta: allDelta.length ? mean(allDelta) : none(reason),
    });
  }
  return out;
}

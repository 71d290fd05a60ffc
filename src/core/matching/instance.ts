/**
 * The matching instance (the stable interface of `npm run match`), its validation, and the
 * index-based form every solver works on. Validation is total: anything a solver could trip on is
 * rejected here with a MatchingInputError, so solvers never see malformed data.
 */
import { MatchingInputError } from './messages';

export type MatchingMode = 'optimal' | 'stable';
export interface MenteeInput {
  id: string;
  /** Integer >= 0, higher = more vulnerable; 0 when absent. */
  priority?: number;
}
export interface MentorInput {
  id: string;
  /** Integer >= 0; 1 when absent (a plain one-to-one pair). */
  capacity?: number;
}
/** [mentee id, mentor id, score >= 0]: an allowed pair. */
export type ScoreEntry = [string, string, number];
/** [mentee id, mentor id]. */
export type PairIds = [string, string];

export interface MatchingInstance {
  mode: MatchingMode;
  mentees: MenteeInput[];
  mentors: MentorInput[];
  /** Allowed pairs with their scores; a pair absent from it is forbidden (when the list is given). */
  scores?: ScoreEntry[];
  /** Ranked acceptable mentors, best first. */
  menteePrefs?: Record<string, string[]>;
  /** Ranked acceptable mentees, best first. */
  mentorPrefs?: Record<string, string[]>;
  /** Approved pairs that must stay; they take mentor capacity first. */
  locked?: PairIds[];
  /**
   * Pairs who chose each other (after the group meeting). Optimal mode: after the priority levels
   * (and the priority children's scores), as many of them as possible, before the total score. A
   * pair that is not allowed is no candidate and is ignored. Stable mode: not used.
   */
  mutual?: PairIds[];
  /**
   * Optimal mode: after the per-level counts, maximise the sum of scores of mentees with
   * priority > 0 before anything else. False when absent. Stable mode: not used.
   */
  priorityScores?: boolean;
}

/** The instance by index: mentees 0..n-1 and mentors 0..m-1 in input order. */
export interface PreparedInstance {
  readonly instance: MatchingInstance;
  readonly mode: MatchingMode;
  readonly menteeIds: readonly string[];
  readonly mentorIds: readonly string[];
  readonly menteeIndex: ReadonlyMap<string, number>;
  readonly mentorIndex: ReadonlyMap<string, number>;
  readonly priority: Float64Array;
  readonly capacity: Float64Array;
  /** Whether `scores` is the whole list of allowed pairs: always in optimal mode, in stable mode when given. */
  readonly pairsRestricted: boolean;
  /** Allowed pairs grouped by mentee (CSR): mentee e owns entries scoreStart[e] .. scoreStart[e+1]-1. */
  readonly scoreStart: Int32Array;
  readonly scoreMentor: Int32Array;
  readonly scoreValue: Float64Array;
  /** Explicit preference lists by index, or null where the person has none. */
  readonly menteePrefs: ReadonlyArray<Int32Array | null>;
  readonly mentorPrefs: ReadonlyArray<Int32Array | null>;
  /** The mentor each mentee is locked to, or -1. */
  readonly lockedMentor: Int32Array;
  readonly lockedCount: Int32Array;
  /** Locked pairs in input order, as [mentee, mentor] indices. */
  readonly lockedPairs: ReadonlyArray<readonly [number, number]>;
  /** Mutual choices in input order, allowed or not, as [mentee, mentor] indices. */
  readonly mutualPairs: ReadonlyArray<readonly [number, number]>;
  /** The same as keys mentee × mentors + mentor (see isMutual). */
  readonly mutualKeys: ReadonlySet<number>;
  readonly priorityScores: boolean;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const show = (x: unknown): string => (typeof x === 'number' || x === undefined ? String(x) : JSON.stringify(x));
const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0;

function people(list: unknown, where: string): Array<Record<string, unknown>> {
  if (!Array.isArray(list)) throw new MatchingInputError('notArray', { where });
  const index = new Set<string>();
  list.forEach((p, k) => {
    if (!isObject(p)) throw new MatchingInputError('notObject', { where: `${where}[${k}]` });
    if (!isId(p.id)) throw new MatchingInputError('badId', { where: `${where}[${k}].id` });
    if (index.has(p.id)) throw new MatchingInputError('duplicateId', { where: `${where}[${k}]`, id: p.id });
    index.add(p.id);
  });
  return list as Array<Record<string, unknown>>;
}

function lookup(index: ReadonlyMap<string, number>, id: unknown, where: string, side: 'mentee' | 'mentor'): number {
  const k = isId(id) ? index.get(id) : undefined;
  if (k === undefined) throw new MatchingInputError(side === 'mentee' ? 'unknownMentee' : 'unknownMentor', { where, id: typeof id === 'string' ? id : show(id) });
  return k;
}

function prefs(raw: unknown, where: string, owners: ReadonlyMap<string, number>, targets: ReadonlyMap<string, number>, ownerSide: 'mentee' | 'mentor'): Array<Int32Array | null> {
  const out: Array<Int32Array | null> = new Array(owners.size).fill(null);
  if (raw === undefined) return out;
  if (!isObject(raw)) throw new MatchingInputError('notObject', { where });
  const targetSide = ownerSide === 'mentee' ? 'mentor' : 'mentee';
  const seen = new Int32Array(targets.size).fill(-1);
  for (const key of Object.keys(raw)) {
    const owner = lookup(owners, key, `${where}`, ownerSide);
    const list = raw[key];
    const at = `${where}["${key}"]`;
    if (!Array.isArray(list)) throw new MatchingInputError('notArray', { where: at });
    const ranked = new Int32Array(list.length);
    list.forEach((id, r) => {
      const t = lookup(targets, id, `${at}[${r}]`, targetSide);
      if (seen[t] === owner) throw new MatchingInputError('duplicateInPrefs', { where: at, id: id as string });
      seen[t] = owner;
      ranked[r] = t;
    });
    out[owner] = ranked;
  }
  return out;
}

function pairOf(entry: unknown, where: string, withScore: boolean): unknown[] {
  const ok = Array.isArray(entry) && entry.length === (withScore ? 3 : 2);
  if (!ok) throw new MatchingInputError('badPair', { where, detail: withScore ? ', score' : '' });
  return entry;
}

/**
 * `scores` as lists by mentee (CSR), validated entry by entry. Each long loop sits in a function
 * of its own, so V8's on-stack-replaced code never meets code it has no type feedback for.
 */
function readScores(
  scoresRaw: unknown[],
  menteeIndex: ReadonlyMap<string, number>,
  mentorIndex: ReadonlyMap<string, number>,
  menteeIds: readonly string[],
  mentorIds: readonly string[],
): { scoreStart: Int32Array; scoreMentor: Int32Array; scoreValue: Float64Array } {
  const n = menteeIds.length;
  const E = scoresRaw.length;
  const entryMentee = new Int32Array(E);
  const entryMentor = new Int32Array(E);
  const entryScore = new Float64Array(E);
  const scoreStart = new Int32Array(n + 1);
  const grouped = scanScores(scoresRaw, menteeIndex, mentorIndex, mentorIds, entryMentee, entryMentor, entryScore, scoreStart);
  for (let e = 0; e < n; e++) scoreStart[e + 1] += scoreStart[e];
  if (grouped) {
    rejectDuplicates(scoreStart, entryMentor, null, menteeIds, mentorIds);
    return { scoreStart, scoreMentor: entryMentor, scoreValue: entryScore };
  }
  // Counting sort by mentee; keeps the input order within a mentee.
  const fill = scoreStart.slice(0, n);
  const scoreMentor = new Int32Array(E);
  const scoreValue = new Float64Array(E);
  const entryAt = new Int32Array(E);
  for (let k = 0; k < E; k++) {
    const at = fill[entryMentee[k]]++;
    scoreMentor[at] = entryMentor[k];
    scoreValue[at] = entryScore[k];
    entryAt[at] = k;
  }
  rejectDuplicates(scoreStart, scoreMentor, entryAt, menteeIds, mentorIds);
  return { scoreStart, scoreMentor, scoreValue };
}

/**
 * The per-entry loop: no allocation, the message built only on error, and the usual layouts
 * (entries grouped by mentee, mentors in a repeating order) resolved without hashing.
 * @returns whether the entries come grouped by mentee in mentee order
 */
function scanScores(
  scoresRaw: unknown[],
  menteeIndex: ReadonlyMap<string, number>,
  mentorIndex: ReadonlyMap<string, number>,
  mentorIds: readonly string[],
  entryMentee: Int32Array,
  entryMentor: Int32Array,
  entryScore: Float64Array,
  counts: Int32Array,
): boolean {
  const m = mentorIds.length;
  let lastId: unknown;
  let lastE = -1;
  let lastJ = -1;
  let grouped = true;
  for (let k = 0; k < scoresRaw.length; k++) {
    const entry = scoresRaw[k];
    if (!Array.isArray(entry) || entry.length !== 3) pairOf(entry, `scores[${k}]`, true);
    const a = (entry as unknown[])[0];
    const b = (entry as unknown[])[1];
    const s = (entry as unknown[])[2];
    let e = lastE;
    if (a !== lastId || typeof a !== 'string') {
      e = typeof a === 'string' ? (menteeIndex.get(a) ?? -1) : -1;
      if (e === -1) lookup(menteeIndex, a, `scores[${k}]`, 'mentee');
      if (e < lastE) grouped = false;
      lastId = a;
      lastE = e;
    }
    let j = lastJ + 1;
    if (j >= m || b !== mentorIds[j]) {
      j = typeof b === 'string' ? (mentorIndex.get(b) ?? -1) : -1;
      if (j === -1) lookup(mentorIndex, b, `scores[${k}]`, 'mentor');
    }
    lastJ = j;
    if (typeof s !== 'number' || !(s >= 0) || s === Infinity) throw new MatchingInputError('badScore', { where: `scores[${k}]`, value: show(s) });
    entryMentee[k] = e;
    entryMentor[k] = j;
    entryScore[k] = s;
    counts[e + 1]++;
  }
  return grouped;
}

function rejectDuplicates(start: Int32Array, mentor: Int32Array, entryAt: Int32Array | null, menteeIds: readonly string[], mentorIds: readonly string[]): void {
  const seen = new Int32Array(mentorIds.length).fill(-1);
  for (let e = 0; e < menteeIds.length; e++) {
    for (let k = start[e]; k < start[e + 1]; k++) {
      const j = mentor[k];
      if (seen[j] === e) {
        throw new MatchingInputError('duplicatePair', { where: `scores[${entryAt ? entryAt[k] : k}]`, mentee: menteeIds[e], mentor: mentorIds[j] });
      }
      seen[j] = e;
    }
  }
}

/**
 * `mutual`: pairs of known ids, each once. Pairs that are not allowed stay in the list (applyChange
 * and the workbook see them); the solver simply never finds them among the edges.
 */
function readMutual(raw: unknown, menteeIndex: ReadonlyMap<string, number>, mentorIndex: ReadonlyMap<string, number>): { pairs: Array<readonly [number, number]>; keys: Set<number> } {
  const pairs: Array<readonly [number, number]> = [];
  const keys = new Set<number>();
  if (raw === undefined) return { pairs, keys };
  if (!Array.isArray(raw)) throw new MatchingInputError('badMutual', { value: show(raw) });
  const m = mentorIndex.size;
  raw.forEach((entry: unknown, k: number) => {
    const where = `mutual[${k}]`;
    if (!Array.isArray(entry) || entry.length !== 2) throw new MatchingInputError('badMutualPair', { where });
    const [a, b] = entry as unknown[];
    const e = isId(a) ? menteeIndex.get(a) : undefined;
    if (e === undefined) throw new MatchingInputError('unknownMutualMentee', { where, id: typeof a === 'string' ? a : show(a) });
    const j = isId(b) ? mentorIndex.get(b) : undefined;
    if (j === undefined) throw new MatchingInputError('unknownMutualMentor', { where, id: typeof b === 'string' ? b : show(b) });
    const key = e * m + j;
    if (keys.has(key)) throw new MatchingInputError('duplicateMutual', { where, mentee: a as string, mentor: b as string });
    keys.add(key);
    pairs.push([e, j]);
  });
  return { pairs, keys };
}

/** Whether mentee e and mentor j chose each other. */
export function isMutual(p: PreparedInstance, e: number, j: number): boolean {
  return p.mutualKeys.size > 0 && p.mutualKeys.has(e * p.mentorIds.length + j);
}

/** Whether mentee e may be paired with mentor j under `scores` (true when no scores are given). */
export function isAllowed(p: PreparedInstance, e: number, j: number): boolean {
  if (!p.pairsRestricted) return true;
  for (let k = p.scoreStart[e]; k < p.scoreStart[e + 1]; k++) if (p.scoreMentor[k] === j) return true;
  return false;
}

/** The score of an allowed pair, or null when the instance has none for it. */
export function scoreOf(p: PreparedInstance, e: number, j: number): number | null {
  for (let k = p.scoreStart[e]; k < p.scoreStart[e + 1]; k++) if (p.scoreMentor[k] === j) return p.scoreValue[k];
  return null;
}

/**
 * Validates an instance parsed from JSON (or built in code) and indexes it. Throws
 * MatchingInputError on the first problem. `optimal` mode forbids every pair absent from `scores`
 * (so a locked pair must be listed there); `stable` mode does so only when `scores` is given.
 */
export function prepareInstance(input: unknown): PreparedInstance {
  if (!isObject(input)) throw new MatchingInputError('notObject', { where: 'instance' });
  const mode = input.mode;
  if (mode !== 'optimal' && mode !== 'stable') throw new MatchingInputError('badMode', { value: show(mode) });
  const menteesRaw = people(input.mentees, 'mentees');
  const mentorsRaw = people(input.mentors, 'mentors');
  const n = menteesRaw.length;
  const m = mentorsRaw.length;

  const priority = new Float64Array(n);
  const menteeIds: string[] = [];
  const menteeIndex = new Map<string, number>();
  menteesRaw.forEach((p, e) => {
    const value = p.priority === undefined ? 0 : p.priority;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new MatchingInputError('badPriority', { where: `mentees[${e}].priority`, value: show(value) });
    }
    priority[e] = value;
    menteeIds.push(p.id as string);
    menteeIndex.set(p.id as string, e);
  });
  const capacity = new Float64Array(m);
  const mentorIds: string[] = [];
  const mentorIndex = new Map<string, number>();
  mentorsRaw.forEach((p, j) => {
    const value = p.capacity === undefined ? 1 : p.capacity;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new MatchingInputError('badCapacity', { where: `mentors[${j}].capacity`, value: show(value) });
    }
    capacity[j] = value;
    mentorIds.push(p.id as string);
    mentorIndex.set(p.id as string, j);
  });

  // Allowed pairs, grouped by mentee.
  const hasScores = input.scores !== undefined;
  const scoresRaw: unknown[] = hasScores ? (input.scores as unknown[]) : [];
  if (!Array.isArray(scoresRaw)) throw new MatchingInputError('notArray', { where: 'scores' });
  const { scoreStart, scoreMentor, scoreValue } = readScores(scoresRaw, menteeIndex, mentorIndex, menteeIds, mentorIds);

  const menteePrefs = prefs(input.menteePrefs, 'menteePrefs', menteeIndex, mentorIndex, 'mentee');
  const mentorPrefs = prefs(input.mentorPrefs, 'mentorPrefs', mentorIndex, menteeIndex, 'mentor');

  const mutual = readMutual(input.mutual, menteeIndex, mentorIndex);
  const priorityScores = input.priorityScores === undefined ? false : input.priorityScores;
  if (typeof priorityScores !== 'boolean') throw new MatchingInputError('badPriorityScores', { value: show(priorityScores) });

  const lockedRaw = input.locked === undefined ? [] : input.locked;
  if (!Array.isArray(lockedRaw)) throw new MatchingInputError('notArray', { where: 'locked' });
  const lockedMentor = new Int32Array(n).fill(-1);
  const lockedCount = new Int32Array(m);
  const lockedPairs: Array<readonly [number, number]> = [];
  const prepared: PreparedInstance = {
    instance: input as unknown as MatchingInstance,
    mode,
    menteeIds,
    mentorIds,
    menteeIndex,
    mentorIndex,
    priority,
    capacity,
    pairsRestricted: hasScores || mode === 'optimal',
    scoreStart,
    scoreMentor,
    scoreValue,
    menteePrefs,
    mentorPrefs,
    lockedMentor,
    lockedCount,
    lockedPairs,
    mutualPairs: mutual.pairs,
    mutualKeys: mutual.keys,
    priorityScores,
  };
  lockedRaw.forEach((entry: unknown, k: number) => {
    const where = `locked[${k}]`;
    const [a, b] = pairOf(entry, where, false);
    const e = lookup(menteeIndex, a, where, 'mentee');
    const j = lookup(mentorIndex, b, where, 'mentor');
    if (lockedMentor[e] !== -1) throw new MatchingInputError('lockedTwice', { where, mentee: menteeIds[e] });
    if (!isAllowed(prepared, e, j)) throw new MatchingInputError('lockedForbidden', { where, mentee: menteeIds[e], mentor: mentorIds[j] });
    lockedMentor[e] = j;
    lockedCount[j]++;
    lockedPairs.push([e, j]);
  });
  for (let j = 0; j < m; j++) {
    if (lockedCount[j] > capacity[j]) {
      throw new MatchingInputError('lockedOverCapacity', { mentor: mentorIds[j], count: lockedCount[j], capacity: capacity[j] });
    }
  }
  return prepared;
}

/** Validates without keeping the index; returns the instance typed. */
export function validateInstance(input: unknown): MatchingInstance {
  return prepareInstance(input).instance;
}

/** Accepts either form, so callers that solve several times prepare once. */
export function asPrepared(x: MatchingInstance | PreparedInstance): PreparedInstance {
  const prepared = typeof x === 'object' && x !== null && 'menteeIndex' in x && x.menteeIndex instanceof Map;
  return prepared ? (x as PreparedInstance) : prepareInstance(x);
}

/**
 * A pair's life after the order (issue 10 item 5): утверждена → активна with the first meeting,
 * активна → завершена with the итоговая meeting and the exit diagnostics once the curator sets the
 * end date, or at once with a reason when a pair ends early; the participants' statuses follow,
 * and a mentee's new pair refers to the pair it replaces. Pure rules: the server reads the sheets
 * into these shapes and writes back what comes out.
 */
import { Day, PAIR_APPROVED, PAIR_ENDED } from './meetings';
import { normalizeName } from './table';

export const PAIR_ACTIVE = 'активна';
const PROPOSED = 'предложена';
export const FINAL_MEETING = 'итоговая';
export const EXIT_PHASE = 'итоговая';

/** The usual reasons a pair ends early; the curator may write her own words instead. */
export const END_REASONS = ['наставник выбыл', 'наставляемый выбыл', 'по решению куратора', 'несовместимость'] as const;

/** Who an early end takes out of the programme. */
export type EndKind = 'mentorLeft' | 'menteeLeft' | 'other';

export const PERSON = { inPair: 'в паре', unpaired: 'без пары', finished: 'завершил(а)', left: 'выбыл(а)' } as const;
const OUT: readonly string[] = [PERSON.finished, PERSON.left];

/** What a reason says, read the way a person writes it («Наставник выбыл (переезд)» counts too). */
export function endKind(reason: string): EndKind | null {
  const r = normalizeName(reason);
  if (!r) return null;
  const [who = ''] = r.split(/[\s,:;—–-]+/);
  const gone = /выбыл|уш(е|ё)л|ушла|уволил|переех|отказ/.test(r);
  if (gone && (who === 'наставник' || who === 'наставника')) return 'mentorLeft';
  if (gone && who.startsWith('наставляем')) return 'menteeLeft';
  return 'other';
}

/** A row of «Пары и группы» as these rules need it. */
export interface LifePair {
  row: number;
  id: string;
  /** The group's ID for a group, else the pair's own: what meetings are reported for. */
  unit: string;
  mentorId: string;
  menteeId: string;
  status: string;
  /** «Дата окончания», when the curator set it. */
  end: Day | null;
  endReason: string;
  replaces: string;
}

export interface LifeInput {
  pairs: LifePair[];
  /** Rows of «Встречи»: the pair or group and the kind. */
  meetings: ReadonlyArray<{ pair: string; kind: string }>;
  /** Rows of «Диагностика» of the exit phase: who answered, for which pair (may be empty). */
  exitDiagnostics: ReadonlyArray<{ personId: string; pair: string }>;
  /** The participants' statuses in the bases, by ID. */
  mentees: ReadonlyMap<string, string>;
  mentors: ReadonlyMap<string, string>;
  today: Day;
}

export interface PairChange {
  row: number;
  id: string;
  from: string;
  to: typeof PAIR_ACTIVE | typeof PAIR_ENDED;
  /** Ended with a reason, without the итоговая meeting. */
  early: EndKind | null;
  /** «Дата окончания» to write (an early end without a date gets today). */
  end: Day | null;
  /** «Причина завершения» of an early end (a group's row may have it from another row of the group). */
  reason?: string;
}

/** A pair asked to end that cannot yet: what is missing, in words. */
export interface Waiting {
  row: number;
  id: string;
  missing: string[];
}

export interface PersonChange {
  id: string;
  role: 'mentee' | 'mentor';
  /** The new status, or null to keep the one in the base. */
  status: string | null;
  /** The people of pairs that ended early: the bases stop naming them with this person. */
  unlink: string[];
}

export interface LifePlan {
  changes: PairChange[];
  waiting: Waiting[];
  people: PersonChange[];
  /** New pairs of a mentee whose earlier pair ended early: the row and the ID it replaces. */
  links: Array<{ row: number; id: string; replaces: string }>;
}

const num = (d: Day) => d.year * 10000 + d.month * 100 + d.day;
const pad = (n: number) => String(n).padStart(2, '0');
const dayText = (d: Day) => `${pad(d.day)}.${pad(d.month)}.${d.year}`;
const key = normalizeName;

/** The missing pieces of a pair's regular end, in the order the curator fixes them. */
function missingForEnd(p: LifePair, input: LifeInput, finals: Set<string>, exits: Set<string>, started: boolean): string[] {
  const out: string[] = [];
  if (p.end && num(p.end) > num(input.today)) out.push(`дата окончания ${dayText(p.end)} ещё не наступила`);
  if (!started) out.push('на листе «Встречи» нет ни одной встречи пары');
  if (!finals.has(key(p.unit)) && !finals.has(key(p.id))) out.push('на листе «Встречи» нет итоговой встречи');
  const exitOf = (person: string) => exits.has(`${key(person)}|${key(p.unit)}`) || exits.has(`${key(person)}|${key(p.id)}`) || exits.has(`${key(person)}|`);
  const lacking = [exitOf(p.mentorId) ? '' : `наставника ${p.mentorId}`, exitOf(p.menteeId) ? '' : `наставляемого ${p.menteeId}`].filter(Boolean);
  if (lacking.length) out.push(`на листе «Диагностика» нет итоговой диагностики ${lacking.join(' и ')}`);
  return out;
}

/**
 * A group ends as one: one mentor, one итоговая meeting. The curator may set «Дата окончания» on
 * one row of the group, and a mentor's departure written on one row is the whole group's; a reason
 * that concerns one mentee (moved away, did not get on) stays that mentee's row's own.
 */
function withGroupEnds(pairs: readonly LifePair[]): LifePair[] {
  const ends = new Map<string, Day>();
  const departures = new Map<string, string>();
  for (const p of pairs) {
    if (key(p.unit) === key(p.id)) continue;
    const u = key(p.unit);
    const end = ends.get(u);
    if (p.end && (!end || num(p.end) < num(end))) ends.set(u, p.end);
    if (endKind(p.endReason) === 'mentorLeft' && !departures.has(u)) departures.set(u, p.endReason);
  }
  return pairs.map((p) => {
    const u = key(p.unit);
    if (u === key(p.id) || endKind(p.endReason)) return p;
    return { ...p, end: p.end ?? ends.get(u) ?? null, endReason: departures.get(u) ?? p.endReason };
  });
}

/**
 * What this run changes: each pair's status, the people's statuses, and the links of new pairs to
 * the pairs they replace. A run on what the last run wrote changes nothing.
 */
export function planPairLife(given: LifeInput): LifePlan {
  const input = { ...given, pairs: withGroupEnds(given.pairs) };
  const met = new Set<string>();
  const finals = new Set<string>();
  for (const m of input.meetings) {
    const pair = key(m.pair);
    if (!pair) continue;
    met.add(pair);
    if (normalizeName(m.kind) === FINAL_MEETING) finals.add(pair);
  }
  const exits = new Set(input.exitDiagnostics.map((d) => `${key(d.personId)}|${key(d.pair)}`));

  const changes: PairChange[] = [];
  const waiting: Waiting[] = [];
  for (const p of input.pairs) {
    if (!(PAIR_APPROVED as readonly string[]).includes(p.status)) continue;
    const started = met.has(key(p.unit)) || met.has(key(p.id));
    const early = endKind(p.endReason);
    if (early) {
      changes.push({ row: p.row, id: p.id, from: p.status, to: PAIR_ENDED, early, end: p.end ?? input.today, reason: p.endReason });
      continue;
    }
    if (p.end) {
      const missing = missingForEnd(p, input, finals, exits, started);
      if (!missing.length) {
        changes.push({ row: p.row, id: p.id, from: p.status, to: PAIR_ENDED, early: null, end: null });
        continue;
      }
      waiting.push({ row: p.row, id: p.id, missing });
    }
    if (started && p.status !== PAIR_ACTIVE) changes.push({ row: p.row, id: p.id, from: p.status, to: PAIR_ACTIVE, early: null, end: null });
  }

  return { changes, waiting, people: peopleAfter(input, changes), links: replacementLinks(input.pairs, changes) };
}

/** Which status wins when one run ends two pairs of one person. */
const RANK: Record<string, number> = { [PERSON.unpaired]: 1, [PERSON.finished]: 2, [PERSON.left]: 3 };

/** The statuses of the people whose pairs end in this run (the others keep theirs). */
function peopleAfter(input: LifeInput, changes: PairChange[]): PersonChange[] {
  const ending = new Map(changes.filter((c) => c.to === PAIR_ENDED).map((c) => [c.row, c]));
  if (!ending.size) return [];
  // Someone in another pair that goes on after this run stays as they are.
  const live = (role: 'menteeId' | 'mentorId', id: string) => input.pairs.some((p) => !ending.has(p.row) && key(p[role]) === key(id) && [PROPOSED, ...PAIR_APPROVED].includes(p.status));
  const out = new Map<string, PersonChange>();
  const touch = (role: 'mentee' | 'mentor', id: string, status: string | null, unlink: string) => {
    const current = (role === 'mentee' ? input.mentees : input.mentors).get(id);
    if (current === undefined) return;
    const c = out.get(`${role}|${id}`) ?? { id, role, status: null, unlink: [] };
    // Nobody who left or finished comes back by a pair's end; a departure is never softened.
    const settled = OUT.includes(current) && status !== PERSON.left;
    if (status && !settled && current !== status && (RANK[status] ?? 0) > (RANK[c.status ?? ''] ?? 0)) c.status = status;
    if (unlink && !c.unlink.includes(unlink)) c.unlink.push(unlink);
    out.set(`${role}|${id}`, c);
  };
  for (const p of input.pairs) {
    const c = ending.get(p.row);
    if (!c) continue;
    const early = c.early !== null;
    const menteeFree = !live('menteeId', p.menteeId);
    if (c.early === 'mentorLeft') touch('mentor', p.mentorId, PERSON.left, early ? p.menteeId : '');
    else if (c.early === 'menteeLeft') touch('mentee', p.menteeId, PERSON.left, p.mentorId);
    if (c.early === 'mentorLeft' || c.early === 'other') touch('mentee', p.menteeId, menteeFree ? PERSON.unpaired : null, p.mentorId);
    if (c.early === 'menteeLeft' || c.early === 'other') touch('mentor', p.mentorId, null, p.menteeId);
    if (!early) {
      touch('mentee', p.menteeId, menteeFree ? PERSON.finished : null, '');
      touch('mentor', p.mentorId, live('mentorId', p.mentorId) ? null : PERSON.finished, '');
    }
  }
  return [...out.values()].filter((c) => c.status !== null || c.unlink.length);
}

/**
 * A mentee whose pair ended early (not because the mentee left) and who has a new pair: the new
 * pair refers to the old one, once; the latest early end is the one replaced.
 */
export function replacementLinks(pairs: readonly LifePair[], changes: readonly PairChange[] = []): Array<{ row: number; id: string; replaces: string }> {
  const statusNow = new Map(pairs.map((p) => [p.row, p.status]));
  for (const c of changes) statusNow.set(c.row, c.to);
  const referred = new Set(pairs.map((p) => key(p.replaces)).filter(Boolean));
  const endedEarly = new Map<string, LifePair[]>();
  for (const p of pairs) {
    const kind = endKind(p.endReason);
    if (statusNow.get(p.row) !== PAIR_ENDED || !kind || kind === 'menteeLeft' || !p.id) continue;
    endedEarly.set(key(p.menteeId), [...(endedEarly.get(key(p.menteeId)) ?? []), p]);
  }
  const out: Array<{ row: number; id: string; replaces: string }> = [];
  for (const p of pairs) {
    const status = statusNow.get(p.row) ?? '';
    if (key(p.replaces) || ![PROPOSED, ...PAIR_APPROVED].includes(status) || !p.id) continue;
    const old = (endedEarly.get(key(p.menteeId)) ?? []).filter((o) => o.row !== p.row && !referred.has(key(o.id))).pop();
    if (!old) continue;
    referred.add(key(old.id));
    out.push({ row: p.row, id: p.id, replaces: old.id });
  }
  return out;
}

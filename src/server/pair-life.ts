import { Day } from '../core/intake/meetings';
import { EXIT_PHASE, LifePair, PERSON, PairChange, PersonChange, planPairLife, replacementLinks } from '../core/intake/pair-life';
import { BaseTable } from '../core/intake/table';
import { isDate } from '../core/questionnaires/read';
import { RU } from '../core/strings';
import { runAction } from './curator';
import { APPROVED, PairingData, loadPairingData, pairsWithStatus } from './pairing';
import { dayIn } from './register';
import { loadTable, saveTable } from './tables';

const cell = (t: BaseTable, i: number, key: string) => String(t.get(i, key) ?? '').trim();
const DAY = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/;

/** «Дата окончания» as a day: a date cell, or «ДД.ММ.ГГГГ» typed as text; anything else is no date. */
function dayOf(value: unknown, toDay: (d: Date) => Day): Day | null {
  if (isDate(value)) return toDay(value);
  const m = typeof value === 'string' ? DAY.exec(value) : null;
  return m ? { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) } : null;
}

/** The rows of «Пары и группы» as the rules read them. */
export function lifePairs(pairs: BaseTable, toDay: (d: Date) => Day): LifePair[] {
  return pairs.rows.map((_r, i) => ({
    row: i,
    id: cell(pairs, i, 'id'),
    unit: cell(pairs, i, 'group') || cell(pairs, i, 'id'),
    mentorId: cell(pairs, i, 'mentorId'),
    menteeId: cell(pairs, i, 'menteeId'),
    status: cell(pairs, i, 'status'),
    end: dayOf(pairs.get(i, 'end'), toDay),
    endReason: cell(pairs, i, 'endReason'),
    replaces: cell(pairs, i, 'replaces'),
  }));
}

/**
 * New pairs of mentees whose pair ended early get «Заменяет пару» (matching calls this before it
 * writes its proposals, so the link is there from the first moment). Returns the links made.
 */
export function linkReplacements(pairs: BaseTable, toDay: (d: Date) => Day): Array<{ id: string; replaces: string }> {
  const links = replacementLinks(lifePairs(pairs, toDay));
  for (const l of links) pairs.set(l.row, 'replaces', l.replaces);
  return links;
}

const statusText = (c: PersonChange) => `${c.id} — «${c.status}»`;

function listed(items: string[], limit = 15): string[] {
  return items.length > limit ? [...items.slice(0, limit), RU.pairLife.andMore(items.length - limit)] : items;
}

/**
 * The bases name each person's partners of the pairs that go on (names only with a valid
 * consent, as approval writes them): a pair ended early stops being named there.
 */
function renameInBases(data: PairingData, changes: PairChange[], people: PersonChange[]): void {
  const pairs = data.pairs.table;
  const ended = new Set(changes.filter((c) => c.to === 'завершена').map((c) => c.row));
  const consent = new Map([...data.menteeRecords, ...data.mentorRecords].map((p) => [p.id, p.consent]));
  const named = (name: unknown, id: string) => (consent.get(id) === true ? `${String(name).trim()} (${id})` : id);
  const mentorOf = new Map<string, string>();
  const menteesOf = new Map<string, string[]>();
  for (const i of pairsWithStatus(pairs, APPROVED)) {
    if (ended.has(i)) continue;
    const e = cell(pairs, i, 'menteeId');
    const m = cell(pairs, i, 'mentorId');
    mentorOf.set(e, named(pairs.get(i, 'mentor'), m));
    menteesOf.set(m, [...(menteesOf.get(m) ?? []), named(pairs.get(i, 'mentee'), e)]);
  }
  const byRole = { mentee: new Map<string, PersonChange>(), mentor: new Map<string, PersonChange>() };
  for (const p of people) byRole[p.role].set(p.id, p);
  const apply = (t: BaseTable, role: 'mentee' | 'mentor') =>
    t.rows.forEach((_r, i) => {
      const change = byRole[role].get(cell(t, i, 'id'));
      if (!change) return;
      if (change.status) t.set(i, 'status', change.status);
      if (!change.unlink.length) return;
      if (role === 'mentee') t.set(i, 'mentor', mentorOf.get(change.id) ?? '');
      else t.set(i, 'mentees', (menteesOf.get(change.id) ?? []).join(', '));
    });
  apply(data.mentees.table, 'mentee');
  apply(data.mentors.table, 'mentor');
}

/**
 * Menu «Обновить статусы пар». Safe to repeat after a failure at any call: the bases are written
 * first and the pairs last, and every change is worked out again from the sheets, so a re-run
 * ends the same and changes nothing twice; the old pair's meetings and diagnostics stay as they are.
 */
function refreshNow() {
  const ss = SpreadsheetApp.getActive();
  const toDay = dayIn(ss);
  const data = loadPairingData(ss);
  const pairs = data.pairs.table;
  const meetings = loadTable(ss, 'meetings', false)?.table;
  const diagnostics = loadTable(ss, 'diagnostics', false)?.table;
  const statuses = (t: BaseTable) => new Map(t.rows.map((_r, i) => [cell(t, i, 'id'), cell(t, i, 'status')]));
  const plan = planPairLife({
    pairs: lifePairs(pairs, toDay),
    meetings: meetings ? meetings.rows.map((_r, i) => ({ pair: cell(meetings, i, 'pair'), kind: cell(meetings, i, 'type') })) : [],
    exitDiagnostics: diagnostics
      ? diagnostics.rows
          .map((_r, i) => i)
          .filter((i) => cell(diagnostics, i, 'phase') === EXIT_PHASE)
          .map((i) => ({ personId: cell(diagnostics, i, 'personId'), pair: cell(diagnostics, i, 'pair') }))
      : [],
    mentees: statuses(data.mentees.table),
    mentors: statuses(data.mentors.table),
    today: toDay(new Date()),
  });

  // The bases first: until the pairs are written, a re-run finds the same changes to make.
  renameInBases(data, plan.changes, plan.people);
  saveTable(data.mentees);
  saveTable(data.mentors);
  for (const c of plan.changes) {
    pairs.set(c.row, 'status', c.to);
    if (c.end) pairs.set(c.row, 'end', new Date(c.end.year, c.end.month - 1, c.end.day));
    if (c.reason && !cell(pairs, c.row, 'endReason')) pairs.set(c.row, 'endReason', c.reason);
  }
  for (const l of plan.links) pairs.set(l.row, 'replaces', l.replaces);
  saveTable(data.pairs);

  const ids = (to: string, early: boolean) => plan.changes.filter((c) => c.to === to && (c.early !== null) === early).map((c) => c.id);
  const early = plan.changes.filter((c) => c.early).map((c) => `${c.id} (${cell(pairs, c.row, 'endReason')})`);
  const unpaired = plan.people.filter((p) => p.role === 'mentee' && p.status === PERSON.unpaired).map((p) => p.id);
  const parts = [
    ids('активна', false).length ? RU.pairLife.activated(listed(ids('активна', false))) : '',
    ids('завершена', false).length ? RU.pairLife.ended(listed(ids('завершена', false))) : '',
    early.length ? RU.pairLife.endedEarly(listed(early)) : '',
    plan.people.some((p) => p.status) ? RU.pairLife.people(listed(plan.people.filter((p) => p.status).map(statusText))) : '',
    unpaired.length ? RU.pairLife.unpaired(listed(unpaired)) : '',
    plan.links.length ? RU.pairLife.links(listed(plan.links.map((l) => `${l.id} заменяет ${l.replaces}`))) : '',
    plan.waiting.length ? `${RU.pairLife.waiting(listed(plan.waiting.map((w) => `${w.id}: ${w.missing.join(', ')}`)))} ${RU.pairLife.waitingHint}` : '',
  ].filter(Boolean);
  return {
    message: parts.length ? parts.join(' ') : RU.pairLife.nothing,
    activated: ids('активна', false).length,
    ended: ids('завершена', false).length,
    endedEarly: early.length,
    waiting: plan.waiting.map((w) => ({ id: w.id, missing: w.missing })),
    links: plan.links.map((l) => ({ id: l.id, replaces: l.replaces })),
  };
}

/** Menu «Обновить статусы пар»: активна, завершена, ended early with its reason, replacement links. */
export function refreshPairStatuses() {
  return runAction(RU.action.pairLife, refreshNow);
}

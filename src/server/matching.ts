import { MatchResult, MatchingInstance, PairIds, costOfForcing, findBlockingPairs, solveOptimal } from '../core/matching';
import { MatchingInputError, matchingMessage } from '../core/matching/messages';
import { MatchingPlan, Proposal, allowedPair, slotOf, toInstancePairs } from '../core/pairing/plan';
import { blockingLines, stablePriorityWarning } from '../core/pairing/notes';
import { BaseTable } from '../core/intake/table';
import { sheetDef } from '../core/workbook/sheets';
import { groupId, unitsOf } from '../core/pairing/units';
import { decimal } from '../shared/numbers';
import { MENTORING_FORMS } from '../core/domain/forms-of-mentoring';
import { RU } from '../core/strings';
import { runAction, runUi } from './curator';
import { CuratorError, errorMessage, russianReason } from './errors';
import { APPROVED, PROPOSED, PairingData, REJECTED, approvalPending, buildPlan, loadPairingData, pairIds, pairsWithStatus, solvePlan } from './pairing';
import { readSheet, saveTable } from './tables';
import { linkReplacements } from './pair-life';
import { dayIn } from './register';
import type { MatchingView, ChangePreview, PairChangeRequest } from '../shared/matching';

type Mode = 'optimal' | 'stable';

function modeOf(value: unknown): Mode {
  if (value === undefined || value === null || value === '' || value === 'optimal') return 'optimal';
  if (value === 'stable') return 'stable';
  throw new CuratorError(RU.matching.badMode);
}

/** Deletes the rows (1-based data indices) in runs from the bottom, so the rest keep their place. */
function deleteRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, dataRows: number[]): void {
  const rows = [...dataRows].sort((a, b) => b - a);
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] - 1) j++;
    sheet.deleteRows(rows[j] + 2, j - i + 1);
    i = j + 1;
  }
}

/** The columns that make a row of «Пары и группы» a pair; a row empty in all of them is a leftover. */
const PAIR_KEYS = ['id', 'mentorId', 'mentor', 'menteeId', 'mentee', 'status'];
const blankPair = (t: BaseTable, i: number) => PAIR_KEYS.every((k) => String(t.get(i, k)).trim() === '');

/** Removes the rows an earlier write emptied, found again by a fresh read (someone may have moved rows). */
function deleteBlankPairRows(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const fresh = readSheet(sheet, sheetDef('pairs')).table;
  const blank = fresh.rows.map((_r, i) => i).filter((i) => blankPair(fresh, i));
  if (blank.length) deleteRows(sheet, blank);
}

const pairKey = (e: unknown, m: unknown) => `${String(e).trim()}|${String(m).trim()}`;

function computeNow(options: unknown) {
  const mode = modeOf(optionsObject(options)?.mode);
  if (approvalPending()) throw new CuratorError(RU.approve.inProgress);
  const ss = SpreadsheetApp.getActive();
  return computeOn(ss, loadPairingData(ss), mode);
}

/**
 * Proposals into «Пары и группы», safe to repeat after a failure at any call: a proposal that is
 * already there keeps its row and ID, new ones are added, and stale ones are emptied in the same
 * write, and only then deleted. A run cut short leaves at worst empty rows, which the next run
 * removes, and the next run proposes the same pairs under the same IDs.
 */
function computeOn(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, data: PairingData, mode: Mode) {
  const plan = buildPlan(ss, data, mode);
  const { result, proposals, unmatched } = solvePlan(plan);
  const pairs = data.pairs.table;

  // Open proposals give way to the new ones, except pairs the plan kept (fixed by the curator);
  // a fixed pair whose participant lost consent is not kept, and goes too.
  const kept = new Set(proposals.filter((p) => p.locked).map((p) => pairKey(p.menteeId, p.mentorId)));
  const stale = pairsWithStatus(pairs, [PROPOSED]).filter((i) => !kept.has(pairKey(pairs.get(i, 'menteeId'), pairs.get(i, 'mentorId'))));
  const leftovers = pairs.rows.some((_r, i) => blankPair(pairs, i));
  const staleRow = new Map<string, number>();
  for (const i of stale) {
    const key = pairKey(pairs.get(i, 'menteeId'), pairs.get(i, 'mentorId'));
    if (!staleRow.has(key)) staleRow.set(key, i);
  }
  // A group is a mentor with several mentees in one form (the one definition of units.ts).
  const units = unitsOf(proposals);
  const groupForms = new Map<string, string[]>();
  for (const u of units) if (u.pairs.length > 1) groupForms.set(u.mentorId, [...(groupForms.get(u.mentorId) ?? []), u.form]);
  const groupOf = (p: { mentorId: string; form: string }) => {
    const forms = groupForms.get(p.mentorId) ?? [];
    return forms.includes(p.form)
      ? groupId(
          p.mentorId,
          p.form,
          forms,
          MENTORING_FORMS.map((f) => f.name),
        )
      : '';
  };
  // Locked pairs (approved, or fixed by the curator) already have their rows.
  const fresh = proposals.filter((p) => !p.locked);
  const nextPairId = pairIds(pairs);
  const reused = new Set<number>();
  for (const p of fresh) {
    let row = staleRow.get(pairKey(p.menteeId, p.mentorId));
    if (row === undefined || reused.has(row)) {
      row = pairs.append();
      pairs.set(row, 'id', nextPairId());
    }
    reused.add(row);
    pairs.set(row, 'group', groupOf(p));
    pairs.set(row, 'mentorId', p.mentorId);
    pairs.set(row, 'mentor', plan.mentors.get(p.mentorId)?.name ?? '');
    pairs.set(row, 'menteeId', p.menteeId);
    pairs.set(row, 'mentee', plan.mentees.get(p.menteeId)?.name ?? '');
    pairs.set(row, 'form', p.form);
    pairs.set(row, 'score', p.score);
    pairs.set(row, 'reasons', p.reasons);
    pairs.set(row, 'alternatives', alternativesText(p, plan.mentors));
    pairs.set(row, 'status', PROPOSED);
    pairs.set(row, 'forced', '');
  }
  const emptied = stale.filter((i) => !reused.has(i));
  for (const i of emptied) for (const col of pairs.def.columns) pairs.set(i, col.key, '');
  // A mentee whose pair ended early: the new proposal names the pair it replaces (pair-life.ts).
  linkReplacements(pairs, dayIn(ss));
  saveTable(data.pairs);
  if (emptied.length || leftovers) deleteBlankPairRows(data.pairs.sheet);

  const mentees = data.mentees.table;
  const notes = new Map(unmatched.map((u) => [u.menteeId, `${u.why}. Что дальше: ${u.next}`]));
  for (const [id, note] of plan.leftOut) notes.set(id, note);
  mentees.rows.forEach((_r, i) => {
    const id = String(mentees.get(i, 'id'));
    if (plan.mentees.has(id) || plan.leftOut.has(id)) mentees.set(i, 'matchNote', notes.get(id) ?? '');
  });
  saveTable(data.mentees);

  const priority = Object.entries(result.objective.unmatchedByPriority)
    .filter(([level, n]) => Number(level) > 0 && n > 0)
    .reduce((s, [, n]) => s + n, 0);
  const message = RU.matching.summary({
    mode,
    pairs: units.filter((u) => u.pairs.length === 1).length,
    groups: units.filter((u) => u.pairs.length > 1).length,
    mentees: proposals.length,
    locked: proposals.filter((p) => p.locked).length,
    unmatched: unmatched.length,
    unmatchedPriority: priority,
    total: Math.round(result.objective.totalScore * 10) / 10,
    blocking: blockingOf(plan, result),
    warning: mode === 'stable' ? stablePriorityWarning(result, solveOptimal(plan.instance)) : '',
  });
  return { message, proposed: fresh.length, unmatched: unmatched.length, objective: result.objective, blockingPairs: result.blockingPairs };
}

/** The pairs who would both rather be together, named (consented participants only are in the plan). */
function blockingOf(plan: MatchingPlan, result: Pick<MatchResult, 'pairs'>): string[] {
  return blockingLines(plan, findBlockingPairs(plan.instance, toInstancePairs(plan, result.pairs)), new Set(result.pairs.map((p) => p.mentee)));
}

function alternativesText(p: Proposal, mentors: Map<string, { name: string }>): string {
  return p.alternatives.map((a) => `${mentors.get(a.mentorId)?.name ?? a.mentorId} (${a.mentorId}) — ${decimal(a.score, 1)}`).join('; ');
}

/** Menu «Подобрать пары»: proposals with reasons into «Пары и группы»; approved pairs stay. */
export function computeMatches(options?: { mode?: Mode; sidebar?: boolean }) {
  // Malformed options are refused before the lock: nothing is read, written or logged.
  const refused = refusal(() => modeOf(optionsObject(options)?.mode));
  if (refused) return refused;
  // From the sidebar the outcome goes back to the sidebar: an alert would only block the script.
  return runAction(RU.action.computeMatches, () => computeNow(options), { sidebar: fromSidebar(options) });
}

/** A sidebar argument that fails its check, as the sidebar's answer: {ok: false} with the Russian reason. */
export function refusal(check: () => unknown): { ok: false; message: string } | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof CuratorError) return { ok: false, message: error.message };
    throw error;
  }
}

export function showMatchingSidebar(): void {
  runUi(RU.matching.sidebarTitle, () => {
    const html = HtmlService.createHtmlOutputFromFile('Matching').setTitle(RU.matching.sidebarTitle);
    SpreadsheetApp.getUi().showSidebar(html);
  });
}

const ID = /^[A-ZА-ЯЁ]{1,4}-\d{1,6}$/;
const MAX_PAIRS = 200;

export function plainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  // google.script.run delivers plain objects: their prototype is an Object.prototype (of whichever
  // realm), whose own prototype is null. A Date, a class instance or an object inheriting keys is not a request.
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * The options of a menu action or a sidebar call: nothing, or a plain object (a menu click may
 * pass Google's own event object, so keys other than the known ones are ignored, never read).
 */
/** Whether a call came from the sidebar (it says so); anything else is the menu. */
export function fromSidebar(options: unknown): boolean {
  return plainObject(options) && options.sidebar === true;
}

function optionsObject(value: unknown): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  if (!plainObject(value)) throw new CuratorError(RU.matching.badRequest('параметры'));
  return value;
}

function checkPairs(value: unknown, name: string): PairIds[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > MAX_PAIRS) throw new CuratorError(RU.matching.badRequest(name === 'forced' ? 'закрепляемые пары' : 'отклоняемые пары'));
  return value.map((pair: unknown) => {
    if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((x) => typeof x === 'string' && ID.test(x)))
      throw new CuratorError(RU.matching.badRequest(name === 'forced' ? 'закрепляемые пары' : 'отклоняемые пары'));
    return [pair[0], pair[1]] as PairIds;
  });
}

interface ChangeRequest {
  forced: PairIds[];
  rejected: PairIds[];
  mode: Mode;
}

/** The shape of a sidebar change request: known keys only, IDs well-formed, nothing twice. */
function parseChange(request: unknown): ChangeRequest {
  if (!plainObject(request)) throw new CuratorError(RU.matching.badRequest('запрос'));
  const unknown = Object.keys(request).filter((k) => !['forced', 'rejected', 'mode'].includes(k));
  if (unknown.length) throw new CuratorError(RU.matching.badRequest('запрос'));
  const forced = checkPairs(request.forced, 'forced');
  const rejected = checkPairs(request.rejected, 'rejected');
  const mode = modeOf(request.mode);
  if (!forced.length && !rejected.length) throw new CuratorError(RU.matching.emptyChange);
  const forcedMentees = new Set<string>();
  for (const [e] of forced) {
    if (forcedMentees.has(e)) throw new CuratorError(RU.matching.badRequest('закрепляемые пары'));
    forcedMentees.add(e);
  }
  const rejectedKeys = new Set(rejected.map(([e, m]) => pairKey(e, m)));
  if (rejectedKeys.size !== rejected.length || forced.some(([e, m]) => rejectedKeys.has(pairKey(e, m)))) throw new CuratorError(RU.matching.badRequest('отклоняемые пары'));
  return { forced, rejected, mode };
}

type Judged = { ok: true; cost: ReturnType<typeof costOfForcing>; instance: MatchingInstance } | { ok: false; reason: string };

/** Why the rules forbid this pair (the obstacle met between these two), for the sidebar's refusal. */
function whyNot(plan: MatchingPlan, e: string, m: string): string[] {
  const groups = [...(plan.obstacles.get(e)?.values() ?? [])];
  const mine = groups.filter((g) => g.mentors.includes(m)).map((g) => g.text);
  return mine.length ? mine : groups.map((g) => g.text);
}

/** The instance with the pairs the curator may overrule (quality floor, likely relatives) allowed when she forces them. */
function withOverruled(plan: MatchingPlan, forced: readonly PairIds[]): MatchingInstance {
  const extra = forced.filter(([e, m]) => !allowedPair(plan, e, m)).map(([e, m]) => ({ e, m, why: plan.overrulable(e, m) }));
  if (!extra.length) return plan.instance;
  const scores = [...(plan.instance.scores ?? []), ...extra.map(({ e, m, why }) => [e, slotOf(plan, e, m), why?.score ?? 0] as [string, string, number])];
  return { ...plan.instance, scores };
}

/**
 * The one check behind previewPairChange and applyPairChange: unknown or departed people are
 * refused (thrown); a pair the rules or consent forbid, or a change the matcher cannot honour,
 * comes back with the reason; otherwise the cost of the change against the optimum.
 */
function judgeChange(change: ChangeRequest, data: PairingData, plan: MatchingPlan): Judged {
  const pairs = data.pairs.table;
  const approvedMentee = new Set(pairsWithStatus(pairs, APPROVED).map((i) => String(pairs.get(i, 'menteeId')).trim()));
  const proposed = new Set(pairsWithStatus(pairs, [PROPOSED]).map((i) => pairKey(pairs.get(i, 'menteeId'), pairs.get(i, 'mentorId'))));
  const rejected = new Set(pairsWithStatus(pairs, [REJECTED]).map((i) => pairKey(pairs.get(i, 'menteeId'), pairs.get(i, 'mentorId'))));
  for (const [e, m] of [...change.forced, ...change.rejected]) {
    // Someone who refused or withdrew consent is left out of matching: refused the same as any missing consent.
    if (plan.leftOut.has(e)) return { ok: false, reason: RU.matching.noConsent(e) };
    const mentee = plan.mentees.get(e);
    const mentor = plan.mentors.get(m);
    if (!mentee || !mentor) throw new CuratorError(RU.matching.unknownPair(e, m));
    // Nobody without consent is put into a new row, forced or rejected (152-ФЗ).
    if (!mentee.consent) return { ok: false, reason: RU.matching.noConsent(e) };
    if (!mentor.consent) return { ok: false, reason: RU.matching.noConsent(m) };
  }
  // Rejecting again what is already rejected is the same request: it answers the same, so a re-run after a failure succeeds.
  for (const [e, m] of change.rejected) if (!proposed.has(pairKey(e, m)) && !rejected.has(pairKey(e, m))) return { ok: false, reason: RU.matching.notProposed(e, m) };
  for (const [e, m] of change.forced) {
    if (approvedMentee.has(e)) return { ok: false, reason: RU.matching.alreadyApproved(e) };
    if (!allowedPair(plan, e, m) && !plan.overrulable(e, m)) return { ok: false, reason: RU.matching.forbidden(whyNot(plan, e, m)) };
  }
  try {
    const instance = withOverruled(plan, change.forced);
    const slots = (list: PairIds[]) => list.map(([e, m]): PairIds => [e, slotOf(plan, e, m)]);
    return { ok: true, cost: costOfForcing(instance, { forced: slots(change.forced), rejected: slots(change.rejected) }), instance };
  } catch (error) {
    if (error instanceof MatchingInputError) return { ok: false, reason: RU.matching.forbidden([matchingMessage(error.code, error.params, 'ru')]) };
    throw error;
  }
}

/** A read-only endpoint: a Russian message for whatever goes wrong, never Google's English. */
function readOnly<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CuratorError) throw error;
    console.error(errorMessage(error));
    // eslint-disable-next-line preserve-caught-error -- the sidebar gets only the message; the original is logged above
    throw new Error(RU.matching.failed(russianReason(error)));
  }
}

/** Sidebar: the current proposals and approved pairs, with what they cost against the optimum. */
export function getMatchingView(...args: unknown[]): MatchingView {
  return readOnly(() => {
    if (args.some((a) => a !== undefined && a !== null)) throw new CuratorError(RU.matching.badRequest('параметры'));
    return matchingView();
  });
}

function matchingView(): MatchingView {
  const ss = SpreadsheetApp.getActive();
  const data = loadPairingData(ss);
  const plan = buildPlan(ss, data, 'optimal');
  const pairs = data.pairs.table;
  const rows = pairsWithStatus(pairs, [PROPOSED, ...APPROVED]).map((i) => ({
    pairId: String(pairs.get(i, 'id')),
    menteeId: String(pairs.get(i, 'menteeId')),
    mentee: String(pairs.get(i, 'mentee')),
    mentorId: String(pairs.get(i, 'mentorId')),
    mentor: String(pairs.get(i, 'mentor')),
    form: String(pairs.get(i, 'form')),
    score: Number(pairs.get(i, 'score')) || 0,
    reasons: String(pairs.get(i, 'reasons')),
    alternatives: String(pairs.get(i, 'alternatives')),
    status: String(pairs.get(i, 'status')),
    forced: String(pairs.get(i, 'forced')) === 'да',
  }));
  const current = rows.filter((r) => plan.mentees.has(r.menteeId) && plan.mentors.has(r.mentorId));
  const optimum = solveOptimal(plan.instance);
  const mentorOptions = [...plan.mentors.values()].filter((m) => m.consent).map((m) => ({ id: m.id, name: m.name, forms: m.forms }));
  const paired = new Set(current.map((r) => r.menteeId));
  const notes = new Map(data.mentees.table.rows.map((_r, i) => [String(data.mentees.table.get(i, 'id')), String(data.mentees.table.get(i, 'matchNote'))]));
  const unmatched = data.menteeRecords.filter((m) => plan.mentees.has(m.id) && !paired.has(m.id)).map((m) => ({ menteeId: m.id, mentee: m.name, note: notes.get(m.id) ?? '' }));
  const currentScore = current.reduce((s, r) => s + r.score, 0);
  return {
    rows,
    unmatched,
    mentors: mentorOptions,
    optimum: { matched: optimum.objective.matched, totalScore: round(optimum.objective.totalScore) },
    current: {
      matched: current.length,
      totalScore: round(currentScore),
      ...blockingView(plan, current),
    },
  };
}

const round = (x: number) => Math.round(x * 10) / 10;

/** The count and the named list of the pairs who would rather be together, for an assignment in base ids. */
function blockingView(plan: MatchingPlan, rows: ReadonlyArray<{ menteeId: string; mentorId: string }>): { blockingPairs: number; blocking: string[] } {
  // One row per mentee: a stale duplicate must not make the count fail.
  const seen = new Set<string>();
  const pairs = rows.filter((r) => !seen.has(r.menteeId) && seen.add(r.menteeId)).map((r) => ({ mentee: r.menteeId, mentor: r.mentorId }));
  const lines = blockingOf(plan, { pairs: pairs.map((p) => ({ ...p, score: null, locked: false })) });
  return { blockingPairs: lines.length, blocking: lines.slice(0, 10) };
}

/** Sidebar: what forcing or rejecting pairs would cost, without changing anything. */
export function previewPairChange(request: PairChangeRequest): ChangePreview {
  return readOnly(() => {
    const change = parseChange(request);
    const ss = SpreadsheetApp.getActive();
    const data = loadPairingData(ss);
    const plan = buildPlan(ss, data, 'optimal');
    const judged = judgeChange(change, data, plan);
    if (!judged.ok) return { allowed: false, reason: judged.reason, deltaMatched: 0, deltaScore: 0, blockingPairs: 0, blocking: [], moved: [] };
    const { cost } = judged;
    const blocking = blockingLines(plan, findBlockingPairs(judged.instance, cost.result.pairs), new Set(cost.result.pairs.map((p) => p.mentee)));
    return {
      allowed: true,
      reason: '',
      deltaMatched: cost.delta.matched,
      deltaScore: round(cost.delta.totalScore),
      blockingPairs: blocking.length,
      blocking: blocking.slice(0, 5),
      moved: cost.moved,
    };
  });
}

/**
 * Sidebar: fixes forced pairs, records rejected ones, and re-matches the rest, after exactly the
 * checks the preview makes; everything is written in the one write of the re-match.
 */
export function applyPairChange(request: PairChangeRequest) {
  // The request's shape is checked before the lock: a malformed call reads, writes and logs nothing.
  let change: ChangeRequest;
  try {
    change = parseChange(request);
  } catch (error) {
    if (error instanceof CuratorError) return { ok: false as const, message: error.message };
    throw error;
  }
  return applyChecked(change);
}

function applyChecked(change: ChangeRequest) {
  return runAction(
    RU.action.computeMatches,
    () => {
      if (approvalPending()) throw new CuratorError(RU.approve.inProgress);
      const ss = SpreadsheetApp.getActive();
      const data = loadPairingData(ss);
      const judged = judgeChange(change, data, buildPlan(ss, data, 'optimal'));
      if (!judged.ok) throw new CuratorError(judged.reason);
      const pairs = data.pairs.table;
      const names = new Map([...data.menteeRecords, ...data.mentorRecords].map((p) => [p.id, p.name]));
      const nextPairId = pairIds(pairs);
      const mark = (menteeId: string, mentorId: string, status: string, isForced: boolean) => {
        const found = pairs.rows.findIndex(
          (_r, i) => pairKey(pairs.get(i, 'menteeId'), pairs.get(i, 'mentorId')) === pairKey(menteeId, mentorId) && !APPROVED.includes(String(pairs.get(i, 'status')).trim()),
        );
        const row = found >= 0 ? found : pairs.append();
        if (found < 0) {
          pairs.set(row, 'id', nextPairId());
          pairs.set(row, 'menteeId', menteeId);
          pairs.set(row, 'mentee', names.get(menteeId) ?? '');
          pairs.set(row, 'mentorId', mentorId);
          pairs.set(row, 'mentor', names.get(mentorId) ?? '');
          pairs.set(row, 'reasons', isForced ? RU.matching.forcedReason : RU.matching.rejectedReason);
        }
        pairs.set(row, 'status', status);
        pairs.set(row, 'forced', isForced ? 'да' : '');
      };
      for (const [e, m] of change.rejected) mark(e, m, REJECTED, false);
      for (const [e, m] of change.forced) {
        // A mentee has one mentor: their other open proposals give way.
        pairs.rows.forEach((_r, i) => {
          if (String(pairs.get(i, 'menteeId')).trim() === e && String(pairs.get(i, 'mentorId')).trim() !== m && String(pairs.get(i, 'status')).trim() === PROPOSED) pairs.set(i, 'forced', '');
        });
        mark(e, m, PROPOSED, true);
      }
      // The marks change the plan: it is built again from the table as marked, and written once.
      return computeOn(ss, data, change.mode);
    },
    { sidebar: true },
  );
}

import { PairIds, costOfForcing, countBlockingPairs, solveOptimal } from '../core/matching';
import { Proposal, allowedPair } from '../core/pairing/plan';
import { Cell } from '../core/intake/table';
import { RU } from '../core/strings';
import { CuratorError, runAction } from './curator';
import { APPROVED, PROPOSED, REJECTED, buildPlan, loadPairingData, pairIds, pairsWithStatus, solvePlan } from './pairing';
import { appendRows, saveTable } from './tables';
import type { MatchingView, ChangePreview, PairChangeRequest } from '../shared/matching';

type Mode = 'optimal' | 'stable';

function modeOf(value: unknown): Mode {
  if (value === undefined || value === null || value === '' || value === 'optimal') return 'optimal';
  if (value === 'stable') return 'stable';
  throw new CuratorError(RU.matching.badMode);
}

const groupOf = (mentorId: string) => `Г-${mentorId.replace(/^\D+-?/, '')}`;

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

function computeNow(options: { mode?: unknown }) {
  const mode = modeOf(options?.mode);
  const ss = SpreadsheetApp.getActive();
  const data = loadPairingData(ss);
  const plan = buildPlan(ss, data, mode);
  const { result, proposals, unmatched } = solvePlan(plan);
  const pairs = data.pairs.table;

  // Earlier proposals the curator did not fix give way to the new ones.
  const stale = pairsWithStatus(pairs, [PROPOSED]).filter((i) => String(pairs.get(i, 'forced')).trim() !== 'да');
  const perMentor = new Map<string, number>();
  for (const p of proposals) perMentor.set(p.mentorId, (perMentor.get(p.mentorId) ?? 0) + 1);
  // Locked pairs (approved, or fixed by the curator) already have their rows.
  const fresh = proposals.filter((p) => !p.locked);
  const nextPairId = pairIds(pairs);
  const width = pairs.header.length;
  const rows = fresh.map((p) => {
    const row = new Array<Cell>(width).fill('');
    const put = (key: string, value: Cell) => {
      const c = pairs.column(key);
      if (c >= 0) row[c] = value;
    };
    put('id', nextPairId());
    put('group', (perMentor.get(p.mentorId) ?? 0) > 1 ? groupOf(p.mentorId) : '');
    put('mentorId', p.mentorId);
    put('mentor', plan.mentors.get(p.mentorId)?.name ?? '');
    put('menteeId', p.menteeId);
    put('mentee', plan.mentees.get(p.menteeId)?.name ?? '');
    put('form', p.form);
    put('score', p.score);
    put('reasons', p.reasons);
    put('alternatives', alternativesText(p, plan.mentors));
    put('status', PROPOSED);
    return row;
  });
  if (stale.length) deleteRows(data.pairs.sheet, stale);
  const textColumns = ['id', 'group', 'mentorId', 'menteeId'].map((k) => pairs.column(k) + 1).filter((c) => c > 0);
  appendRows(data.pairs.sheet, rows, textColumns);

  const mentees = data.mentees.table;
  const notes = new Map(unmatched.map((u) => [u.menteeId, `${u.why}. Что дальше: ${u.next}`]));
  mentees.rows.forEach((_r, i) => {
    const id = String(mentees.get(i, 'id'));
    if (plan.mentees.has(id)) mentees.set(i, 'matchNote', notes.get(id) ?? '');
  });
  saveTable(data.mentees);

  const priority = Object.entries(result.objective.unmatchedByPriority).filter(([level, n]) => Number(level) > 0 && n > 0).reduce((s, [, n]) => s + n, 0);
  const message = RU.matching.summary({
    mode,
    proposed: fresh.length,
    groups: [...perMentor.values()].filter((n) => n > 1).length,
    locked: proposals.filter((p) => p.locked).length,
    unmatched: unmatched.length,
    unmatchedPriority: priority,
    total: Math.round(result.objective.totalScore * 10) / 10,
    blocking: result.blockingPairs,
  });
  return { message, proposed: fresh.length, unmatched: unmatched.length, objective: result.objective, blockingPairs: result.blockingPairs };
}

function alternativesText(p: Proposal, mentors: Map<string, { name: string }>): string {
  return p.alternatives.map((a) => `${mentors.get(a.mentorId)?.name ?? a.mentorId} (${a.mentorId}) — ${a.score}`).join('; ');
}

/** Menu «Подобрать пары»: proposals with reasons into «Пары и группы»; approved pairs stay. */
export function computeMatches(options?: { mode?: Mode }) {
  return runAction(RU.action.computeMatches, () => computeNow(options ?? {}));
}

export function showMatchingSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Matching').setTitle(RU.matching.sidebarTitle);
  SpreadsheetApp.getUi().showSidebar(html);
}

const ID = /^[A-ZА-ЯЁ]{1,4}-\d{1,6}$/;

function checkPairs(value: unknown, name: string): PairIds[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > 500) throw new CuratorError(RU.matching.badRequest(name));
  return value.map((pair) => {
    if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((x) => typeof x === 'string' && ID.test(x))) throw new CuratorError(RU.matching.badRequest(name));
    return [pair[0], pair[1]] as PairIds;
  });
}

/** Sidebar: the current proposals and approved pairs, with what they cost against the optimum. */
export function getMatchingView(): MatchingView {
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
  const mentorOptions = [...plan.mentors.values()].map((m) => ({ id: m.id, name: m.name }));
  const paired = new Set(current.map((r) => r.menteeId));
  const notes = new Map(data.mentees.table.rows.map((_r, i) => [String(data.mentees.table.get(i, 'id')), String(data.mentees.table.get(i, 'matchNote'))]));
  const unmatched = data.menteeRecords
    .filter((m) => plan.mentees.has(m.id) && !paired.has(m.id))
    .map((m) => ({ menteeId: m.id, mentee: m.name, note: notes.get(m.id) ?? '' }));
  const currentScore = current.reduce((s, r) => s + r.score, 0);
  return {
    rows,
    unmatched,
    mentors: mentorOptions,
    optimum: { matched: optimum.objective.matched, totalScore: round(optimum.objective.totalScore) },
    current: { matched: current.length, totalScore: round(currentScore), blockingPairs: countBlockingPairs(plan.instance, current.map((r) => ({ mentee: r.menteeId, mentor: r.mentorId }))) },
  };
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Sidebar: what forcing or rejecting pairs would cost, without changing anything. */
export function previewPairChange(request: PairChangeRequest): ChangePreview {
  const forced = checkPairs(request?.forced, 'forced');
  const rejected = checkPairs(request?.rejected, 'rejected');
  const ss = SpreadsheetApp.getActive();
  const data = loadPairingData(ss);
  const plan = buildPlan(ss, data, 'optimal');
  for (const [e, m] of forced) {
    if (!allowedPair(plan, e, m)) {
      const mentee = plan.mentees.get(e);
      const mentor = plan.mentors.get(m);
      if (!mentee || !mentor) throw new CuratorError(RU.matching.unknownPair(e, m));
      return { allowed: false, reason: RU.matching.forbidden(plan.ruledOut.get(e) ?? []), deltaMatched: 0, deltaScore: 0, blockingPairs: 0, moved: [] };
    }
  }
  const cost = costOfForcing(plan.instance, { forced, rejected });
  return {
    allowed: true,
    reason: '',
    deltaMatched: cost.delta.matched,
    deltaScore: round(cost.delta.totalScore),
    blockingPairs: countBlockingPairs(plan.instance, cost.result.pairs),
    moved: cost.moved,
  };
}

/** Sidebar: fixes forced pairs, records rejected ones, and re-matches the rest. */
export function applyPairChange(request: PairChangeRequest) {
  return runAction(RU.action.computeMatches, () => {
    const forced = checkPairs(request?.forced, 'forced');
    const rejected = checkPairs(request?.rejected, 'rejected');
    const ss = SpreadsheetApp.getActive();
    const data = loadPairingData(ss);
    const pairs = data.pairs.table;
    const names = new Map([...data.menteeRecords, ...data.mentorRecords].map((p) => [p.id, p.name]));
    const extra: Cell[][] = [];
    const nextPairId = pairIds(pairs);
    const mark = (menteeId: string, mentorId: string, status: string, isForced: boolean) => {
      const row = pairs.rows.findIndex((_r, i) => pairs.get(i, 'menteeId') === menteeId && pairs.get(i, 'mentorId') === mentorId && !APPROVED.includes(String(pairs.get(i, 'status'))));
      if (row >= 0) {
        pairs.set(row, 'status', status);
        pairs.set(row, 'forced', isForced ? 'да' : '');
        return;
      }
      const line = new Array<Cell>(pairs.header.length).fill('');
      const put = (key: string, value: Cell) => pairs.column(key) >= 0 && (line[pairs.column(key)] = value);
      put('id', nextPairId());
      put('menteeId', menteeId);
      put('mentee', names.get(menteeId) ?? '');
      put('mentorId', mentorId);
      put('mentor', names.get(mentorId) ?? '');
      put('status', status);
      put('forced', isForced ? 'да' : '');
      put('reasons', isForced ? RU.matching.forcedReason : RU.matching.rejectedReason);
      extra.push(line);
    };
    for (const [e, m] of rejected) mark(e, m, REJECTED, false);
    for (const [e, m] of forced) {
      // A mentee has one mentor: their other open proposals give way.
      pairs.rows.forEach((_r, i) => {
        if (pairs.get(i, 'menteeId') === e && pairs.get(i, 'mentorId') !== m && pairs.get(i, 'status') === PROPOSED) pairs.set(i, 'forced', '');
      });
      mark(e, m, PROPOSED, true);
    }
    saveTable(data.pairs);
    appendRows(data.pairs.sheet, extra, ['id', 'menteeId', 'mentorId'].map((k) => pairs.column(k) + 1).filter((c) => c > 0));
    return computeNow({ mode: request?.mode });
  });
}

/**
 * Siblings the family asked to keep together («Вместе с (ID)»): one mentor for all of them. The
 * matcher cannot say «the same mentor» by itself, so each mentor who may take them all is tried
 * with the siblings fixed to him, and the best outcome by the matcher's own order wins; when no
 * mentor can take them all, the matching stays as it was and the family's wish is reported.
 */
import { MatchingInstance, PairIds, solve } from '../matching';
import { MatchObjective, MatchResult } from '../matching/result';
import { MatchingPlan, allowedPair, slotOf } from './plan';

/** How many shared mentors are tried per group of siblings (the best by their scores). */
const TRIED = 8;

export interface Together {
  /** The matcher's answer in instance ids, siblings kept with one mentor where one can take them all. */
  result: MatchResult;
  /** Siblings kept together: mentee id → the other siblings' ids. */
  kept: Map<string, string[]>;
  /** Siblings no mentor can take together: mentee id → the other siblings' ids. */
  apart: Map<string, string[]>;
}

/** Groups of two or more mentees in the plan who asked to be together (the marks joined both ways). */
export function siblingGroups(plan: MatchingPlan): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(x, root);
    return root;
  };
  for (const id of plan.mentees.keys()) parent.set(id, id);
  for (const m of plan.mentees.values()) {
    for (const other of m.together) if (parent.has(other) && other !== m.id) parent.set(find(other), find(m.id));
  }
  const groups = new Map<string, string[]>();
  for (const id of plan.mentees.keys()) {
    const root = find(id);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** Whether objective a is better than b in the matcher's own order. */
function better(a: MatchObjective, b: MatchObjective): boolean {
  const levels = [...new Set([...Object.keys(a.matchedByPriority), ...Object.keys(b.matchedByPriority)])].sort((x, y) => Number(y) - Number(x));
  for (const l of levels) {
    const d = (a.matchedByPriority[l] ?? 0) - (b.matchedByPriority[l] ?? 0);
    if (d) return d > 0;
  }
  if (a.priorityScore !== b.priorityScore) return a.priorityScore > b.priorityScore;
  if (a.mutualMatched !== b.mutualMatched) return a.mutualMatched > b.mutualMatched;
  return a.totalScore > b.totalScore;
}

export function keepTogether(plan: MatchingPlan): Together {
  let instance: MatchingInstance = plan.instance;
  let result = solve(instance);
  const kept = new Map<string, string[]>();
  const apart = new Map<string, string[]>();
  const capacity = new Map((instance.mentors ?? []).map((m) => [m.id, m.capacity ?? 1]));
  for (const group of siblingGroups(plan)) {
    const others = (id: string) => group.filter((x) => x !== id);
    const mentorOf = new Map(result.pairs.map((p) => [p.mentee, plan.slotOwner.get(p.mentor) ?? p.mentor]));
    const first = mentorOf.get(group[0]);
    if (first && group.every((e) => mentorOf.get(e) === first)) {
      for (const e of group) kept.set(e, others(e));
      continue;
    }
    const fixed = new Map((instance.locked ?? []).map(([e, m]) => [e, m]));
    const shared = [...plan.mentors.keys()]
      .filter((m) => group.every((e) => allowedPair(plan, e, m) || fixed.get(e) === slotOf(plan, e, m)))
      .map((m) => ({ m, score: group.reduce((s, e) => s + (allowedPair(plan, e, m)?.score ?? 0), 0) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, TRIED);
    let best: { result: MatchResult; instance: MatchingInstance } | null = null;
    for (const { m } of shared) {
      const slots = group.map((e) => slotOf(plan, e, m));
      // Room for all of them beside the pairs already fixed to this mentor.
      const fixedHere = (instance.locked ?? []).filter(([e, s]) => slots.includes(s) && !group.includes(e)).length;
      if (fixedHere + group.length > Math.max(...slots.map((s) => capacity.get(s) ?? 0))) continue;
      if (group.some((e) => fixed.has(e) && fixed.get(e) !== slotOf(plan, e, m))) continue;
      const locked: PairIds[] = [...(instance.locked ?? []).filter(([e]) => !group.includes(e)), ...group.map((e, i): PairIds => [e, slots[i]])];
      const trial: MatchingInstance = { ...instance, locked };
      const outcome = solve(trial);
      if (!best || better(outcome.objective, best.result.objective)) best = { result: outcome, instance: trial };
    }
    if (!best) {
      for (const e of group) apart.set(e, others(e));
      continue;
    }
    instance = best.instance;
    result = best.result;
    for (const e of group) kept.set(e, others(e));
  }
  // Only the curator's fixes are «locked»; a family's wish is a proposal like any other.
  const curatorLocked = new Set((plan.instance.locked ?? []).map(([e]) => e));
  result = { ...result, pairs: result.pairs.map((p) => (p.locked && !curatorLocked.has(p.mentee) ? { ...p, locked: false } : p)) };
  return { result, kept, apart };
}

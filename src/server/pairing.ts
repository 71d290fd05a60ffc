import { MatchResult, PairIds, solve } from '../core/matching';
import { MatchingPlan, describeResult, planMatching } from '../core/pairing/plan';
import { MenteeRecord, MentorRecord, readMentees, readMentors, readPartners } from '../core/pairing/records';
import { FormRule } from '../core/pairing/rules';
import { MutualChoices, Weights } from '../core/pairing/score';
import { BaseTable } from '../core/intake/table';
import { Settings } from '../core/settings';
import { loadForms, loadSettings } from './settings';
import { LoadedTable, loadTable } from './tables';
import { MENTORING_FORMS } from '../core/domain/forms-of-mentoring';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const APPROVED = ['утверждена', 'активна'];
export const PROPOSED = 'предложена';
export const REJECTED = 'отклонена';

export interface PairingData {
  settings: Settings;
  mentees: LoadedTable;
  mentors: LoadedTable;
  pairs: LoadedTable;
  menteeRecords: MenteeRecord[];
  mentorRecords: MentorRecord[];
  forms: FormRule[];
}

/** Everything matching reads, each sheet once. */
export function loadPairingData(ss: Spreadsheet): PairingData {
  const { settings } = loadSettings(ss);
  const mentees = loadTable(ss, 'mentees')!;
  const mentors = loadTable(ss, 'mentors')!;
  const pairs = loadTable(ss, 'pairs')!;
  const roles = new Map(MENTORING_FORMS.map((f) => [f.name, f]));
  const forms = loadForms(ss)
    .filter((f) => f.active)
    .map((f) => ({ name: f.name, maxMentees: f.maxMentees, mentorRole: roles.get(f.name)?.mentorRole ?? '', menteeRole: roles.get(f.name)?.menteeRole ?? '' }));
  return { settings, mentees, mentors, pairs, menteeRecords: readMentees(mentees.table), mentorRecords: readMentors(mentors.table), forms };
}

export function weightsOf(settings: Settings): Weights {
  return {
    request: Number(settings.weightRequest),
    interests: Number(settings.weightInterests),
    schedule: Number(settings.weightSchedule),
    format: Number(settings.weightFormat),
    association: Number(settings.weightAssociation),
    mutual: Number(settings.weightMutual),
  };
}

/** Ranks from «Предпочтения» (1 = first choice). */
export function mutualChoices(table: BaseTable | null): MutualChoices {
  // Person → (chosen person → rank); most people choose nobody, so lookups are cheap misses.
  const ranks = new Map<string, Map<string, number>>();
  table?.rows.forEach((_r, i) => {
    const id = String(table.get(i, 'personId'));
    for (const n of [1, 2, 3]) {
      const other = String(table.get(i, `choice${n}`)).trim();
      if (!id || !other) continue;
      const mine = ranks.get(id) ?? new Map<string, number>();
      mine.set(other, n);
      ranks.set(id, mine);
    }
  });
  const rank = (who: string, whom: string) => ranks.get(who)?.get(whom) ?? null;
  return { menteeRank: rank, mentorRank: rank };
}

/** IDs for new rows of «Пары и группы» (appended outside the table, so numbered here). */
export function pairIds(pairs: BaseTable): () => string {
  let next = Number(/\d+$/.exec(pairs.nextId('ПА'))?.[0] ?? 1);
  return () => `ПА-${String(next++).padStart(4, '0')}`;
}

export function pairsWithStatus(pairs: BaseTable, statuses: readonly string[]): number[] {
  return pairs.rows.map((_r, i) => i).filter((i) => statuses.includes(String(pairs.get(i, 'status')).trim()));
}

/** The matching problem of this workbook, with approved and curator-forced pairs locked. */
export function buildPlan(ss: Spreadsheet, data: PairingData, mode: 'optimal' | 'stable'): MatchingPlan {
  const { pairs } = data;
  const locked: PairIds[] = [];
  const lockedMentees = new Set<string>();
  for (const i of pairs.table.rows.map((_r, k) => k)) {
    const status = String(pairs.table.get(i, 'status')).trim();
    const forced = String(pairs.table.get(i, 'forced')).trim() === 'да';
    if (!(APPROVED.includes(status) || (status === PROPOSED && forced))) continue;
    const e = String(pairs.table.get(i, 'menteeId'));
    if (lockedMentees.has(e)) continue;
    lockedMentees.add(e);
    locked.push([e, String(pairs.table.get(i, 'mentorId'))]);
  }
  const rejected = new Set(pairsWithStatus(pairs.table, [REJECTED]).map((i) => `${pairs.table.get(i, 'menteeId')}|${pairs.table.get(i, 'mentorId')}`));
  const partners = loadTable(ss, 'partners')!;
  const prefs = loadTable(ss, 'preferences', false);
  return planMatching({
    mentees: data.menteeRecords,
    mentors: data.mentorRecords,
    rules: { forms: data.forms, partners: readPartners(partners.table, new Date()), requireTraining: data.settings.requireTraining === true, rejected },
    weights: weightsOf(data.settings),
    mutual: mutualChoices(prefs?.table ?? null),
    minScore: Number(data.settings.minScore),
    locked,
    mode,
  });
}

export function solvePlan(plan: MatchingPlan): { result: MatchResult } & ReturnType<typeof describeResult> {
  const result = solve(plan.instance);
  return { result, ...describeResult(plan, result) };
}

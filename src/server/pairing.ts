import { MatchResult, PairIds } from '../core/matching';
import { MatchingPlan, Proposal, describePairs, planMatching, toBaseResult } from '../core/pairing/plan';
import { Unmatched, unmatchedNotes } from '../core/pairing/notes';
import { vocabulary } from '../core/pairing/synonyms';
import { keepTogether } from '../core/pairing/together';
import { MenteeRecord, MentorRecord, readMentees, readMentors, readPartners } from '../core/pairing/records';
import { FormRule } from '../core/pairing/rules';
import { MutualChoices, Weights } from '../core/pairing/score';
import { BaseTable } from '../core/intake/table';
import { Settings } from '../core/settings';
import { RU } from '../core/strings';
import { loadForms, loadNameOverrides, loadSettings, loadSynonyms } from './settings';
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
  /** «Партнёры» and «Предпочтения», read on first use and kept, so two plans read them once. */
  partners?: LoadedTable;
  preferences?: LoadedTable | null;
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
    continuity: Number(settings.weightContinuity),
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
  // A pair that ended early (its reason on the row) is not proposed again: the mentee gets someone else.
  const endedEarly = pairsWithStatus(pairs.table, ['завершена']).filter((i) => String(pairs.table.get(i, 'endReason')).trim() !== '');
  const rejected = new Set(
    [...pairsWithStatus(pairs.table, [REJECTED]), ...endedEarly].map((i) => `${String(pairs.table.get(i, 'menteeId')).trim()}|${String(pairs.table.get(i, 'mentorId')).trim()}`),
  );
  data.partners ??= loadTable(ss, 'partners')!;
  if (data.preferences === undefined) data.preferences = loadTable(ss, 'preferences', false);
  const partners = data.partners;
  const prefs = data.preferences;
  const zone = ss.getSpreadsheetTimeZone();
  const settings = data.settings;
  return planMatching({
    mentees: data.menteeRecords,
    mentors: data.mentorRecords,
    rules: {
      forms: data.forms,
      partners: readPartners(partners.table, new Date(), (d) => Utilities.formatDate(d, zone, 'dd.MM.yyyy')),
      requireTraining: settings.requireTraining === true,
      rejected,
      floor: { request: settings.floorRequest === true, format: settings.floorFormat === true, schedule: settings.floorSchedule === true },
    },
    weights: weightsOf(settings),
    mutual: mutualChoices(prefs?.table ?? null),
    vocabulary: vocabulary(loadSynonyms(ss)),
    locked,
    mode,
    names: loadNameOverrides(ss).overrides,
  });
}

/** The matcher's answer in base ids, the proposals with their reasons and the unmatched with their notes. */
export function solvePlan(plan: MatchingPlan): { result: MatchResult; proposals: Proposal[]; unmatched: Unmatched[] } {
  const siblings = keepTogether(plan);
  const result = toBaseResult(plan, siblings.result);
  return { result, proposals: describePairs(plan, result, siblings), unmatched: unmatchedNotes(plan, result, siblings) };
}

const LEFT = ['выбыл(а)', 'завершил(а)'];

/**
 * Why a pair may not be approved or named in an order or a letter now, or '' if it may: both
 * people are in the bases, still in the programme, and have a valid consent (152-ФЗ).
 */
export function pairBlocker(mentee: MenteeRecord | undefined, mentor: MentorRecord | undefined): string {
  const why = RU.approve.notApproved;
  if (!mentee) return why.menteeMissing;
  if (!mentor) return why.mentorMissing;
  if (LEFT.includes(mentee.status)) return why.menteeLeft;
  if (LEFT.includes(mentor.status)) return why.mentorLeft;
  if (!mentee.consent) return why.menteeConsent;
  if (!mentor.consent) return why.mentorConsent;
  return '';
}

/** Document property holding an approval in progress (approve.ts); matching waits until it is done. */
export const APPROVAL_RECORD = 'approvalInProgress';

/** Matching must not move the proposals an interrupted approval is about to fix. */
export function approvalPending(): boolean {
  return PropertiesService.getDocumentProperties().getProperty(APPROVAL_RECORD) !== null;
}

/**
 * What makes an answer to a monitoring questionnaire (feedback, diagnostics, the May survey, SWOT)
 * importable: a code that is a person of the bases with consent, the person's own approved pair,
 * the role the bases give them, a phase that fits the pair. Pure: the server gathers the facts.
 */
import { SURVEY_STRINGS as S } from '../strings-surveys';
import type { Phase, Role } from '../monitoring/types';
import { PairUnit } from './meetings';
import { normalizeName } from './table';

export interface Respondent {
  id: string;
  role: Role;
  /** A valid consent to the processing of personal data (not missing, refused or withdrawn). */
  consented: boolean;
}

export interface MonitoringAnswer {
  code: string;
  /** Empty when the questionnaire asks for no pair (SWOT). */
  pairId: string;
  /** The role the answer claims (the role question, or the diagnostics form answered). */
  role?: Role;
  /** Diagnostics only. */
  phase?: Phase;
  /** The code may be left empty (SWOT: the programme team answers). */
  codeOptional?: boolean;
  /** An ended pair still answers (exit diagnostics, the May survey at the end of the year). */
  endedAllowed?: boolean;
}

export interface MonitoringCheckContext {
  person: Respondent | undefined;
  unit: PairUnit | undefined;
  /** IDs of the mentor and the mentees of the unit's rows. */
  members: ReadonlySet<string>;
  /** The pair list's only choice before any order (NO_PAIRS_YET): an answer naming it chose no pair. */
  noPairsChoice: string;
}

export type AnswerField = 'code' | 'pair' | 'role';

export interface AnswerProblem {
  field: AnswerField;
  /** What the error row shows: for a person without consent only their ID. */
  value: string;
  reason: string;
}

/** Why an answer cannot be imported, or null. The first problem found is the one reported. */
export function monitoringProblem(answer: MonitoringAnswer, ctx: MonitoringCheckContext): AnswerProblem | null {
  const code = answer.code.trim();
  const { person, unit } = ctx;
  if (!code && answer.codeOptional) return null;
  if (!person) return { field: 'code', value: code, reason: S.unknownCode(code) };
  if (!person.consented) return { field: 'code', value: person.id, reason: S.noConsent(person.id) };
  if (answer.role && answer.role !== person.role) return { field: 'role', value: answer.role, reason: S.roleContradicts(person.id, answer.role, person.role) };
  if (answer.codeOptional && !answer.pairId) return null;
  const pairId = answer.pairId.trim();
  if (normalizeName(pairId) === normalizeName(ctx.noPairsChoice)) return { field: 'pair', value: pairId, reason: S.noPairChosen };
  if (!unit) return { field: 'pair', value: pairId, reason: S.unknownPair(pairId) };
  if (!unit.approved) {
    if (!unit.ended) return { field: 'pair', value: unit.id, reason: S.pairNotApproved(unit.id, unit.statuses) };
    if (answer.phase === 'входная') return { field: 'pair', value: unit.id, reason: S.entryAfterEnd(unit.id) };
    if (!answer.endedAllowed) return { field: 'pair', value: unit.id, reason: S.pairEnded(unit.id) };
  }
  if (!ctx.members.has(person.id)) return { field: 'code', value: person.id, reason: S.notInPair(person.id, unit.id) };
  return null;
}

/** Mentor–mentee matching: the public surface of src/core/matching. */
export type { MatchingInstance, MatchingMode, MenteeInput, MentorInput, PairIds, PreparedInstance, ScoreEntry } from './instance';
export { prepareInstance, validateInstance } from './instance';
export type { MatchObjective, MatchPair, MatchResult } from './result';
export { solve, solveOptimal, solveStable } from './solve';
export { SCORE_QUANTUM } from './optimal';
export type { BlockingPair } from './blocking';
export { countBlockingPairs, findBlockingPairs } from './blocking';
export type { Alternative, ForcingCost, ObjectiveDelta, PairChange } from './forcing';
export { alternatives, applyChange, costOfForcing } from './forcing';
export type { MatchingMessageCode, MessageParams } from './messages';
export { MATCHING_MESSAGES, MatchingInputError, matchingMessage } from './messages';

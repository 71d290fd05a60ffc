/** What crosses google.script.run between the «Подбор пар» sidebar and the server (JSON only). */
export interface MatchingRow {
  pairId: string;
  menteeId: string;
  mentee: string;
  mentorId: string;
  mentor: string;
  form: string;
  score: number;
  reasons: string;
  alternatives: string;
  status: string;
  forced: boolean;
}

export interface MatchingView {
  rows: MatchingRow[];
  unmatched: Array<{ menteeId: string; mentee: string; note: string }>;
  /** Mentors with consent and the forms each one offers (the sidebar offers a card only mentors of its form). */
  mentors: Array<{ id: string; name: string; forms: string[] }>;
  optimum: { matched: number; totalScore: number };
  /** `blocking`: the first of the pairs who would both rather be together, named in plain Russian. */
  current: { matched: number; totalScore: number; blockingPairs: number; blocking: string[] };
}

export interface PairChangeRequest {
  forced?: Array<[string, string]>;
  rejected?: Array<[string, string]>;
  mode?: 'optimal' | 'stable';
}

export interface ChangePreview {
  allowed: boolean;
  reason: string;
  /** Against the optimum: negative = what the change costs. */
  deltaMatched: number;
  deltaScore: number;
  blockingPairs: number;
  blocking: string[];
  moved: string[];
}

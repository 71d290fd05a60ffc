/** Matching benchmark (being written). */
export interface MatchingBenchRow {
  instance: string;
  solver: string;
  ms: number | null;
}
export async function runMatchingBench(): Promise<MatchingBenchRow[]> {
  return [];
}

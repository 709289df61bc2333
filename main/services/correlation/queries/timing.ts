export interface PollTuning {
  pollFirstMs: number;
  pollMinMs: number;
  pollFraction: number;
  pollMaxMs: number;
}

/**
 * Adaptive GetQueryResults polling. A session's query often ends within a second, so the first
 * look comes early and then every `pollMinMs`; after that the interval grows with the time the
 * query has run (`pollFraction` of it, capped at `pollMaxMs`). The wait between a query ending
 * and us noticing is thus at most max(pollMinMs, pollFraction × its run time), while an hour-long
 * query costs a few hundred calls, not thousands.
 */
export function pollDelay(attempt: number, elapsedMs: number, tuning: PollTuning): number {
  if (attempt === 0) return tuning.pollFirstMs;
  return Math.min(tuning.pollMaxMs, Math.max(tuning.pollMinMs, Math.round(elapsedMs * tuning.pollFraction)));
}

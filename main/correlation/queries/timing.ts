import { AppError } from '../../../shared/errors';

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

export function cancelledError(): AppError {
  return new AppError('CANCELLED', 'The correlation was cancelled.', 'Nothing partial was kept; start it again when you are ready.');
}

/** Waits, or rejects with CANCELLED as soon as the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(cancelledError());
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs at most `max` tasks at once, first come first served. */
export function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };
  return async (task) => {
    if (active < max) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}

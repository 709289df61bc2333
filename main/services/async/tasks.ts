import { AppError, isAppError } from '../../../shared/errors';

/**
 * The async helpers every stage of a run (queries, trace tails, context lines) and the live follow
 * share: one limiter, one way to wait for a set of tasks, one cancellation error.
 */

/** Runs a task when a slot is free (see createLimiter). */
export type Limit = <T>(task: () => Promise<T>) => Promise<T>;

/** Runs at most `max` tasks at once, first come first served. */
export function createLimiter(max: number): Limit {
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

/**
 * Waits for every task even when one fails or is cancelled (so every StopQuery has been sent and no
 * read is left running before returning), then throws the first failure or returns every value.
 */
export async function settleAll<T>(tasks: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(tasks);
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) throw rejected.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

export function cancelledError(): AppError {
  return new AppError('CANCELLED', 'The correlation was cancelled.', 'Nothing partial was kept; start it again when you are ready.');
}

export function isCancelled(error: unknown): boolean {
  return isAppError(error) && error.code === 'CANCELLED';
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

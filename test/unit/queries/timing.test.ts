import { describe, expect, it } from 'vitest';
import { costUsd } from '../../../main/services/correlation/queries/cost';
import { createLimiter, sleep } from '../../../main/services/async/tasks';
import { backoffDelay } from '../../../main/services/aws/retry-strategy';
import { errorKind } from '../../../main/services/aws/error-kind';
import { pollDelay } from '../../../main/services/correlation/queries/timing';

describe('pollDelay', () => {
  const tuning = { pollFirstMs: 50, pollMinMs: 100, pollFraction: 0.1, pollMaxMs: 2_000 };

  it('looks early once, then every 100 ms while the query is young', () => {
    expect(pollDelay(0, 0, tuning)).toBe(50);
    expect(pollDelay(1, 50, tuning)).toBe(100);
    expect(pollDelay(9, 950, tuning)).toBe(100);
  });

  it('then waits a tenth of the run time, so noticing the end costs at most 10 %, capped', () => {
    expect(pollDelay(12, 3_000, tuning)).toBe(300);
    expect(pollDelay(30, 15_000, tuning)).toBe(1_500);
    expect(pollDelay(90, 3_600_000, tuning)).toBe(2_000);
  });
});

describe('backoffDelay', () => {
  it('is a random share of an exponentially growing, capped ceiling', () => {
    expect(backoffDelay(0, 500, 8_000, () => 1)).toBe(500);
    expect(backoffDelay(3, 500, 8_000, () => 1)).toBe(4_000);
    expect(backoffDelay(10, 500, 8_000, () => 1)).toBe(8_000);
    expect(backoffDelay(3, 500, 8_000, () => 0.25)).toBe(1_000);
    expect(backoffDelay(3, 500, 8_000, () => 0)).toBe(0);
  });
});

describe('sleep', () => {
  it('rejects with CANCELLED when the signal fires while waiting', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('rejects at once on an aborted signal', async () => {
    await expect(sleep(0, AbortSignal.abort())).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('createLimiter', () => {
  it('never runs more than the bound at once and runs every task', async () => {
    const limit = createLimiter(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          active += 1;
          peak = Math.max(peak, active);
          await new Promise((resolve) => setTimeout(resolve, 1 + (i % 4)));
          active -= 1;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('frees the slot of a task that throws', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});

describe('errorKind', () => {
  it('tells the concurrency limit from rate throttling, 5xx and everything else', () => {
    expect(errorKind({ name: 'LimitExceededException', $metadata: { httpStatusCode: 400 } })).toBe('concurrency');
    expect(errorKind({ name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } })).toBe('throttled');
    expect(errorKind({ name: 'ServiceUnavailableException', $metadata: { httpStatusCode: 503 } })).toBe('unavailable');
    expect(errorKind({ name: 'InternalFailure', $metadata: { httpStatusCode: 500 } })).toBe('unavailable');
    expect(errorKind({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } })).toBe('fatal');
    expect(errorKind(new Error('ECONNREFUSED'))).toBe('fatal');
    expect(errorKind(undefined)).toBe('fatal');
  });
});

describe('costUsd', () => {
  it('prices decimal gigabytes', () => {
    expect(costUsd(1e9, 0.005)).toBeCloseTo(0.005, 12);
    expect(costUsd(2.5e9, 0.01)).toBeCloseTo(0.025, 12);
    expect(costUsd(0, 0.005)).toBe(0);
  });
});

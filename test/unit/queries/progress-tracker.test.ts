import { describe, expect, it } from 'vitest';
import { ProgressTracker, type RunProgress } from '../../../main/services/correlation/queries/progress-tracker';

function tracker(clock: { now: number }) {
  const seen: RunProgress[] = [];
  const t = new ProgressTracker(
    0.005,
    (p) => seen.push(p),
    100,
    () => clock.now,
  );
  return { t, seen };
}

describe('ProgressTracker', () => {
  it('adds up every query and prices the bytes', () => {
    const clock = { now: 0 };
    const { t } = tracker(clock);
    t.add('a/0', 'prod', 3);
    t.add('b/0', 'staging', 1);
    t.markStarted('a/0');
    t.markStarted('b/0');
    t.update('a/0', { status: 'Complete', bytesScanned: 2e9, recordsScanned: 100, recordsMatched: 7 });
    t.update('b/0', { status: 'Running', bytesScanned: 1e9, recordsScanned: 50, recordsMatched: 3 });
    expect(t.totals()).toEqual({ bytesScanned: 3e9, recordsScanned: 150, recordsMatched: 10, costUsd: 0.015, queries: 2 });
  });

  it('keeps the bytes of a capped query and counts the rows each of its continuations added', () => {
    const { t } = tracker({ now: 0 });
    t.add('a/0', 'prod', 1);
    t.markStarted('a/0');
    t.update('a/0', { status: 'Complete', bytesScanned: 1000, recordsScanned: 10, recordsMatched: 15_000 });
    t.setPhase('splitting');
    // Its 10,000 rows were read: that is what it added.
    t.update('a/0', { recordsMatched: 10_000 });
    t.add('a/0+1', 'prod', 1);
    t.markStarted('a/0+1');
    t.update('a/0+1', { status: 'Complete', bytesScanned: 400, recordsScanned: 4, recordsMatched: 5_000 });
    const totals = t.totals();
    expect(totals.bytesScanned).toBe(1400);
    expect(totals.recordsMatched).toBe(15_000);
    expect(totals.queries).toBe(2);
    expect(t.snapshot().phase).toBe('splitting');
  });

  it('still bills the scan of an attempt that was re-run', () => {
    const { t } = tracker({ now: 0 });
    t.add('a/0', 'prod', 1);
    t.markStarted('a/0');
    t.update('a/0', { status: 'Failed', bytesScanned: 500, recordsScanned: 5 });
    t.markStarted('a/0');
    t.update('a/0', { status: 'Complete', bytesScanned: 700, recordsScanned: 7 });
    expect(t.totals()).toMatchObject({ bytesScanned: 1200, recordsScanned: 12, queries: 2 });
  });

  it('reports status changes at once and statistics at most every interval', () => {
    const clock = { now: 1_000 };
    const { t, seen } = tracker(clock);
    t.add('a/0', 'prod', 1);
    t.markStarted('a/0');
    const afterStatus = seen.length;
    t.update('a/0', { bytesScanned: 10 });
    t.update('a/0', { bytesScanned: 20 });
    expect(seen.length).toBe(afterStatus);
    clock.now += 100;
    t.update('a/0', { bytesScanned: 30 });
    expect(seen.length).toBe(afterStatus + 1);
    t.update('a/0', { status: 'Running' });
    expect(seen.length).toBe(afterStatus + 2);
    expect(seen.at(-1)!.queries[0]).toEqual({
      key: 'a/0',
      connection: 'prod',
      logGroups: 1,
      status: 'Running',
      recordsScanned: 0,
      recordsMatched: 0,
      bytesScanned: 30,
    });
  });
});

import { composeApp } from '../../../main/app/compose';
import { createEventEmitter } from '../../../main/ipc/events';
import { createRouter } from '../../../main/ipc/router';
import { runQueries } from '../../../main/correlation/queries/run-queries';
import { ProgressTracker } from '../../../main/correlation/queries/progress-tracker';
import type { CorrelateResponse } from '../../../shared/domain/session-view';
import { buildSessionQuery } from '../../../shared/session/query';
import { deriveTimeWindow } from '../../../shared/session/time-window';
import type { ManifestSession, QueryLatency, RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { HARNESS_ORIGIN } from '../../e2e/harness/harness-app';
import { reference, target } from '../../integration/correlation/support';
import type { BenchData } from './cli-runs';

/**
 * A query's latency as a real account's: a start cost, then the scan at a rate, so time follows
 * the bytes of the window. AWS documents no rate; this one makes the whole window a few seconds.
 */
export const SLOW_SCAN: QueryLatency = { baseMs: 500, bytesPerSecond: 20e6 };

export interface FirstPartShown {
  latency: string;
  /** From the request to the first session:partial event (what the renderer paints). */
  firstPartMs: number;
  firstPartEvents: number;
  firstPartGroups: number;
  /** The same run's final answer. */
  wholeRunMs: number;
  /** One query over the whole window, its rows read: what the app waited for before showing anything. */
  wholeQueryMs: number;
}

/**
 * `session:correlate` through the real router and services (composeApp, as the app and the e2e
 * harness build them), the partial view taken from the event channel the renderer listens on.
 */
export async function firstPartShown(data: BenchData, emulator: RunningEmulator, session: ManifestSession, now: number): Promise<FirstPartShown> {
  Object.assign(process.env, data.env);
  emulator.queryLatency = { ...SLOW_SCAN };
  const ref = reference(session.token ?? session.sessionId, now);
  let firstPart: { ms: number; response: CorrelateResponse } | undefined;
  let t0 = 0;
  const composed = await composeApp({
    dataDir: data.dataDir,
    version: 'bench',
    electron: false,
    events: createEventEmitter((channel, payload) => {
      if (channel === 'session:partial' && firstPart === undefined) firstPart = { ms: performance.now() - t0, response: (payload as { response: CorrelateResponse }).response };
    }),
    openExternal: async () => undefined,
    copyText: () => undefined,
    onRendererReady: () => undefined,
  });
  const router = createRouter(composed.handlers, HARNESS_ORIGIN);
  try {
    t0 = performance.now();
    const answer = await router.dispatch('session:correlate', { requestId: 'bench-first-part', reference: ref.token ?? ref.sessionId, mode: 'refresh' }, { url: `${HARNESS_ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true });
    const wholeRunMs = performance.now() - t0;
    if (!answer.ok) throw new Error(`session:correlate failed: ${answer.error.message}`);
    if (firstPart === undefined) throw new Error('no session:partial event before the answer');

    const q0 = performance.now();
    await runQueries([target(emulator, 'whole-window', [...session.logGroups])], {
      queryString: buildSessionQuery(ref),
      window: deriveTimeWindow(ref, { now }),
      tracker: new ProgressTracker(0.005, undefined),
      onRows: () => undefined,
    });
    const wholeQueryMs = performance.now() - q0;
    const view = firstPart.response.result;
    return {
      latency: `${SLOW_SCAN.baseMs} ms + bytes at ${SLOW_SCAN.bytesPerSecond / 1e6} MB/s`,
      firstPartMs: firstPart.ms,
      firstPartEvents: view.eventCount,
      firstPartGroups: view.groups.length,
      wholeRunMs,
      wholeQueryMs,
    };
  } finally {
    composed.close();
  }
}

import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Connection } from '../../../shared/domain/connection';
import type { LogEvent, TimeWindow } from '../../../shared/domain/correlation';
import type { FollowEndReason, FollowStarted, FollowStatus, FollowUpdate } from '../../../shared/domain/live-follow';
import { AppError, isAppError } from '../../../shared/errors';
import { buildLiveTailPattern } from '../../../shared/session/live-tail-pattern';
import { sessionLineMatcher } from '../../../shared/session/session-line-matcher';
import type { SessionReference } from '../../../shared/session/types';
import { sleep } from '../async/tasks';
import { mapAwsError } from '../aws/aws-errors';
import { errorContextOf } from '../aws/client-factory';
import type { CacheStore, OpenedView } from '../cache/cache-types';
import { mergeTail } from '../correlation/merge-runs';
import type { RowSource } from '../correlation/rows/row-batch';
import type { QueryTuning } from '../correlation/queries/types';
import { replayLinks } from '../correlation/replay-links';
import { searchedConnections, sessionInfo } from '../correlation/run-correlation';
import { everyConnection, formatRanges, missingFrom, unionOf } from '../correlation/window-coverage';
import { queryGap } from './gap-query';
import { LineSink, type SourcedRows } from './line-sink';
import { liveEventToRow, groupNameOfArn } from './live-rows';
import { logGroupArns, tailChunks } from './log-group-arns';
import { followTail } from './tail-stream';

/** "Live Tail sessions time out after three hours" (service model, SessionTimeoutException). */
export const LIVE_TAIL_MAX_MS = 3 * 3_600_000;
/**
 * Lines ingested just before a stream broke may not have been sent yet, and their timestamps can be
 * earlier than their ingestion: the gap query starts this long before the last update received.
 */
export const GAP_LEAD_MS = 10_000;
/** Lines per `live:update` event (its schema allows 20,000). */
const MAX_LINES_PER_UPDATE = 5_000;

export interface LiveFollowInput {
  requestId: string;
  reference: SessionReference;
  connections: Connection[];
  /** The session's window (its end is when following stops by itself), epoch ms. */
  windowStart: number;
  windowEnd: number;
  cache: Pick<CacheStore, 'openView' | 'beginRun' | 'runView'>;
  clientFor: (connection: Connection) => CloudWatchLogsClient;
  pricePerGb: number;
  now: () => number;
  emitUpdate: (update: FollowUpdate) => void;
  emitStatus: (status: FollowStatus) => void;
  /** Wait before opening a dropped stream again. */
  resumeDelayMs?: number;
  tuning?: Partial<QueryTuning>;
}

interface Tail {
  connection: Connection;
  client: CloudWatchLogsClient;
  arns: string[];
  source: RowSource;
  matches: (message: string) => boolean;
}

/**
 * One session followed live: a Live Tail session per connection and ≤ 10 log groups, every
 * received line checked, de-duplicated, processed and saved into a run that starts as a copy of the
 * cached one; a dropped stream is opened again and the gap filled by an Insights query. It ends on
 * `stop()`, when the window has passed, at the 3-hour limit, or on an error (mapped like a run's).
 */
export class LiveFollow {
  private readonly controller = new AbortController();
  private endReason: FollowEndReason | undefined;
  private endError: AppError | undefined;
  private startedAt = 0;
  private done: Promise<void> = Promise.resolve();
  private sampledAny = false;
  private gapsUnfilled = 0;
  private copied = 0;
  private cached: OpenedView | null = null;
  private readonly clients = new Set<CloudWatchLogsClient>();

  constructor(private readonly input: LiveFollowInput) {}

  /** Opens every tail; throws (mapped) when one cannot be started, after closing the others. */
  async start(): Promise<FollowStarted> {
    const { input } = this;
    const { reference } = input;
    this.startedAt = input.now();
    const pattern = buildLiveTailPattern(reference);
    const tails: Tail[] = [];
    try {
      for (const connection of input.connections) {
        const client = input.clientFor(connection);
        this.clients.add(client);
        const arns = await logGroupArns(client, connection.logGroups, this.controller.signal).catch((e: unknown) => {
          client.destroy();
          throw liveError(e, client);
        });
        const matches = sessionLineMatcher(reference, { idFieldNames: connection.sessionIdFields });
        for (const chunk of tailChunks(arns)) {
          tails.push({
            connection,
            client,
            arns: chunk,
            matches,
            source: { connectionId: connection.id, connection: connection.name, logGroups: chunk.map(groupNameOfArn) },
          });
        }
      }
    } catch (error) {
      for (const t of tails) t.client.destroy();
      throw error;
    }
    this.cached = input.cache.openView(reference.sessionId);
    // The run is the session's: its window starts where the session's does, so what was not followed shows as missing.
    const window = {
      from: Math.min(this.cached?.view.window.from ?? input.windowStart, input.windowStart, this.startedAt),
      to: Math.max(Number.isFinite(input.windowEnd) ? input.windowEnd : this.startedAt + LIVE_TAIL_MAX_MS, this.startedAt),
    };
    const writer = input.cache.beginRun({
      session: sessionInfo(reference, input.connections),
      window,
      connections: searchedConnections(input.connections),
      ranAt: this.startedAt,
    });
    if (this.cached) this.copied = writer.copyFrom(this.cached.view.run.runId, [this.cached.view.window]);
    const sink = new LineSink({ sessionStart: reference.start, replayUrlAt: replayLinks(reference, input.connections).at }, writer);
    const run = { sessionId: reference.sessionId, runId: writer.runId };
    const header = () => ({
      stats: this.cached?.view.stats ?? { bytesScanned: 0, recordsScanned: 0, recordsMatched: 0, costUsd: 0, queries: 0 },
      groups: this.groups(sink, window),
      failures: [],
      complete: false,
    });
    const deliver = (batches: SourcedRows[], sampled: boolean, gap?: TimeWindow) => {
      const lines: LogEvent[] = sink.take(batches);
      if (sampled) this.sampledAny = true;
      if (lines.length === 0 && !sampled && gap === undefined) return;
      const view = { ...input.cache.runView(run, header()), run };
      // A gap query can bring many lines at once: sent in slices the IPC contract allows.
      for (let at = 0; at === 0 || at < lines.length; at += MAX_LINES_PER_UPDATE) {
        const slice = lines.slice(at, at + MAX_LINES_PER_UPDATE);
        input.emitUpdate({
          requestId: input.requestId,
          run,
          lines: slice,
          sampled,
          ...(gap && at === 0 ? { gap: { ...gap, lines: lines.length } } : {}),
          eventCount: this.copied + sink.saved,
          groups: view.groups,
          view,
        });
      }
    };

    // Every tail must open before the follow counts as started: a refused one (access, quota) fails it.
    const opened = tails.map(() => deferred());
    const loops = tails.map((tail, i) => this.followOne(tail, pattern, deliver, opened[i]!));
    const firstFailure = Promise.race(loops.map((l) => l.then(() => new Promise<never>(() => {}))));
    try {
      await Promise.race([Promise.all(opened.map((o) => o.promise)), firstFailure]);
    } catch (error) {
      this.end('error');
      await Promise.allSettled(loops);
      for (const c of new Set(tails.map((t) => t.client))) c.destroy();
      writer.abort();
      throw error;
    }
    const endsAt = Math.min(
      this.startedAt + LIVE_TAIL_MAX_MS,
      input.windowEnd > this.startedAt ? input.windowEnd : Number.POSITIVE_INFINITY,
    );
    const timer = setTimeout(
      () => this.end(endsAt === input.windowEnd ? 'window-passed' : 'time-limit'),
      Math.max(0, endsAt - input.now()),
    );
    this.done = (async () => {
      const results = await Promise.allSettled(loops);
      clearTimeout(timer);
      for (const c of new Set(tails.map((t) => t.client))) c.destroy();
      const failed = results.find((r) => r.status === 'rejected');
      if (failed && this.endReason === undefined) this.fail(failed.reason);
      const stoppedAt = input.now();
      const covered = this.sampledAny || this.gapsUnfilled > 0 ? [] : [{ from: this.startedAt, to: stoppedAt }];
      let view;
      try {
        if (sink.saved + this.copied === 0) writer.abort();
        else {
          // The run reaches as far as the follow saw; what neither the cached run nor the follow covers
          // is listed as missing, so the view says so and a refresh queries only that.
          const seen = { from: window.from, to: Math.max(this.cached?.view.window.to ?? stoppedAt, stoppedAt) };
          const all = unionOf([...(this.cached?.covered ?? []), ...covered]);
          const missing = missingFrom(seen, all);
          const failures = missing.length === 0 ? [] : everyConnection(input.connections, notFollowed(missing));
          const saved = writer.finish({ ...header(), failures, complete: missing.length === 0, covered: all, window: seen });
          view = input.cache.runView({ sessionId: reference.sessionId, runId: saved.runId });
        }
      } catch (error) {
        // The cache closed under it (the app quitting): the unfinished run is deleted at the next start.
        this.endError ??= isAppError(error)
          ? error
          : new AppError('CACHE_WRITE_FAILED', 'The followed lines could not be saved.', 'Follow the session again, or refresh it.');
      }
      input.emitStatus({
        requestId: input.requestId,
        state: 'ended',
        reason: this.endReason ?? 'stopped',
        ...(this.endError ? { error: this.endError.toValue() } : {}),
        elapsedMs: stoppedAt - this.startedAt,
        ...(view ? { view } : {}),
      });
    })();
    input.emitStatus({ requestId: input.requestId, state: 'running', elapsedMs: 0 });
    return {
      requestId: input.requestId,
      view: { ...input.cache.runView(run, header()), run },
      startedAt: this.startedAt,
      tails: tails.length,
      logGroups: tails.reduce((n, t) => n + t.arns.length, 0),
      endsAt,
    };
  }

  /** Stops every tail; resolves once the run is saved and the end reported. */
  async stop(reason: FollowEndReason = 'stopped'): Promise<void> {
    this.end(reason);
    await this.done;
  }

  get finished(): Promise<void> {
    return this.done;
  }

  private end(reason: FollowEndReason): void {
    this.endReason ??= reason;
    this.controller.abort(reason);
    // Destroying the clients closes their sockets, streams included: the SDK's abort signal does not
    // reach a response stream already being read, and an open Live Tail session is billed.
    for (const client of this.clients) client.destroy();
  }

  private fail(error: unknown): void {
    this.endError = isAppError(error) ? error : mapAwsError(error);
    this.end('error');
  }

  private groups(sink: LineSink, window: TimeWindow) {
    const start = this.input.reference.start;
    const fresh = { session: { start }, window, groups: sink.groups() };
    return this.cached ? mergeTail({ ...this.cached.view, session: { start } }, fresh, this.startedAt).groups : fresh.groups;
  }

  /** One tail, opened again after each drop (the gap filled by a query) until the follow ends. */
  private async followOne(
    tail: Tail,
    pattern: string,
    deliver: (b: SourcedRows[], sampled: boolean, gap?: TimeWindow) => void,
    opened: Deferred,
  ): Promise<void> {
    const { signal } = this.controller;
    let lastUpdate = this.startedAt;
    let gapFrom: number | undefined;
    while (!signal.aborted) {
      let end;
      try {
        end = await followTail({
          client: tail.client,
          logGroupIdentifiers: tail.arns,
          logEventFilterPattern: pattern,
          signal,
          onStart: () => {
            opened.resolve();
            if (gapFrom !== undefined) void this.fillGap(tail, { from: gapFrom, to: this.input.now() }, deliver);
            gapFrom = undefined;
            this.input.emitStatus({ requestId: this.input.requestId, state: 'running', elapsedMs: this.input.now() - this.startedAt });
          },
          onUpdate: (update) => {
            lastUpdate = this.input.now();
            const rows = update.events.map(liveEventToRow).filter((r) => r !== undefined);
            deliver([{ source: tail.source, rows, matches: tail.matches }], update.sampled);
          },
        });
      } catch (error) {
        if (signal.aborted) return;
        throw liveError(error, tail.client);
      }
      if (end.kind === 'aborted') return;
      if (end.kind === 'timeout') {
        this.end('time-limit');
        return;
      }
      gapFrom ??= lastUpdate - GAP_LEAD_MS;
      this.input.emitStatus({ requestId: this.input.requestId, state: 'resuming', elapsedMs: this.input.now() - this.startedAt });
      // Ending the follow cuts the wait short (sleep rejects with CANCELLED); the loop then sees the signal.
      await sleep(this.input.resumeDelayMs ?? 1000, signal).catch(() => undefined);
    }
  }

  private async fillGap(
    tail: Tail,
    window: TimeWindow,
    deliver: (b: SourcedRows[], sampled: boolean, gap?: TimeWindow) => void,
  ): Promise<void> {
    const batches: SourcedRows[] = [];
    try {
      const { failures } = await queryGap({
        reference: this.input.reference,
        connection: tail.connection,
        client: tail.client,
        logGroups: tail.source.logGroups,
        window,
        pricePerGb: this.input.pricePerGb,
        signal: this.controller.signal,
        tuning: this.input.tuning,
        onRows: (page) => batches.push({ source: tail.source, rows: page.rows, matches: tail.matches }),
      });
      if (failures.length > 0) this.gapsUnfilled++;
    } catch {
      this.gapsUnfilled++;
    }
    try {
      deliver(batches, false, window);
    } catch (error) {
      // Called without anyone awaiting it: a failure here ends the follow instead of vanishing.
      this.fail(error);
    }
  }
}

function notFollowed(missing: readonly TimeWindow[]): AppError {
  return new AppError(
    'CANCELLED',
    `Followed live only: ${formatRanges(missing)} was not searched`,
    'Refresh the session to search the rest: only the missing part is queried.',
  );
}

/** A Live Tail failure as the app's errors say it; access names the Live Tail permission. */
function liveError(error: unknown, client: CloudWatchLogsClient): AppError {
  const app = mapAwsError(error, errorContextOf(client));
  if (app.code !== 'AWS_ACCESS_DENIED') return app;
  return new AppError(
    'AWS_ACCESS_DENIED',
    'AWS denied Live Tail: following a session needs logs:StartLiveTail (and logs:DescribeLogGroups).',
    'Allow logs:StartLiveTail on the log groups to the IAM user or role, or review the session without following it.',
  );
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

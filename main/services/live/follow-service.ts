import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Connection } from '../../../shared/domain/connection';
import {
  followRequestSchema,
  type FollowRequest,
  type FollowStarted,
  type FollowStatus,
  type FollowUpdate,
} from '../../../shared/domain/live-follow';
import type { Settings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/errors';
import { parseSessionReference } from '../../../shared/session/parse-reference';
import type { CacheStore } from '../cache/cache-types';
import { pickConnections, type ConnectionSource } from '../correlation/pick-connections';
import type { QueryTuning } from '../correlation/queries/types';
import { scrubErrorValue } from '../security/secret-scrubber';
import { LiveFollow } from './live-follow';

export interface FollowServiceDeps {
  connections: ConnectionSource;
  cache: Pick<CacheStore, 'openView' | 'beginRun' | 'runView'>;
  settings: () => Promise<Settings> | Settings;
  clientFor: (connection: Connection) => CloudWatchLogsClient;
  emitUpdate: (update: FollowUpdate) => void;
  emitStatus: (status: FollowStatus) => void;
  now?: () => number;
  resumeDelayMs?: number;
  tuning?: Partial<QueryTuning>;
}

export interface FollowService {
  start(request: FollowRequest | Record<string, unknown>): Promise<FollowStarted>;
  /** Stops a follow; resolves once its lines are saved. Unknown ids are ignored (it already ended). */
  stop(request: { requestId: string }): Promise<void>;
  /** Every follow (the app quits, the window closes). */
  stopAll(): Promise<void>;
}

/**
 * The handler behind `live:start` / `live:stop` and `orcw follow`: Live Tail is billed per minute
 * while it is open, so a follow always has an end — stop, the session's window, or 3 hours.
 */
export function createFollowService(deps: FollowServiceDeps): FollowService {
  const now = deps.now ?? Date.now;
  const running = new Map<string, LiveFollow>();

  async function start(raw: FollowRequest | Record<string, unknown>): Promise<FollowStarted> {
    const checked = followRequestSchema.safeParse(raw);
    if (!checked.success)
      throw new AppError('INVALID_INPUT', 'The follow request is not valid.', 'Give a request id and a session reference.');
    const request = checked.data;
    if (running.has(request.requestId))
      throw new AppError('DUPLICATE', 'A follow with this request id is already running.', 'Use a new request id for each follow.');
    const parsed = parseSessionReference(request.reference, { now: now() });
    if (!parsed.ok) throw new AppError(parsed.error.code, parsed.error.message, parsed.error.hint);
    const reference = parsed.value;
    const settings = await deps.settings();
    const windowStart = reference.from ?? reference.start - settings.marginMinutes * 60_000;
    const windowEnd = reference.to ?? reference.end + settings.marginMinutes * 60_000;
    if (!request.anyTime && windowEnd <= now()) {
      throw new AppError(
        'INVALID_INPUT',
        `The session's window ended at ${new Date(windowEnd).toISOString()}: no new lines are expected.`,
        'Follow it anyway (orcw follow --any-time, or "Follow live" in the session view), or review it as it is.',
      );
    }
    const connections = await pickConnections(deps.connections, { ids: request.connectionIds, name: reference.connection });
    const follow = new LiveFollow({
      requestId: request.requestId,
      reference,
      connections,
      windowStart,
      windowEnd: request.anyTime && windowEnd <= now() ? Number.POSITIVE_INFINITY : windowEnd,
      cache: deps.cache,
      clientFor: deps.clientFor,
      pricePerGb: settings.pricePerGb,
      now,
      emitUpdate: deps.emitUpdate,
      emitStatus: (status) => {
        if (status.state === 'ended') running.delete(request.requestId);
        // mapAwsError already scrubbed the client's own keys; anything shaped like a secret goes too.
        deps.emitStatus(status.error ? { ...status, error: scrubErrorValue(status.error, []) } : status);
      },
      ...(deps.resumeDelayMs === undefined ? {} : { resumeDelayMs: deps.resumeDelayMs }),
      ...(deps.tuning ? { tuning: deps.tuning } : {}),
    });
    running.set(request.requestId, follow);
    try {
      return await follow.start();
    } catch (error) {
      running.delete(request.requestId);
      throw error;
    }
  }

  return {
    start,
    async stop({ requestId }) {
      await running.get(requestId)?.stop('stopped');
    },
    async stopAll() {
      await Promise.all([...running.values()].map((f) => f.stop('stopped')));
    },
  };
}

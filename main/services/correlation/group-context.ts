import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Connection } from '../../../shared/domain/connection';
import type { ErrorGroup } from '../../../shared/domain/correlation';
import { groupContextRequestSchema } from '../../../shared/domain/session-view';
import type { Settings } from '../../../shared/domain/settings';
import { AppError, isAppError } from '../../../shared/errors';
import { mapAwsError } from '../aws/aws-errors';
import type { CacheStore } from '../cache/cache-types';
import { scrubAppError } from '../security/secret-scrubber';
import { fetchGroupContext, withContext, type ContextFetcher } from './context/context-for-groups';
import { fetchContextLines } from './context/fetch-context-lines';
import type { ConnectionSource } from './pick-connections';

export interface GroupContextDeps {
  cache: Pick<CacheStore, 'group' | 'findEvent' | 'setGroupContext'>;
  connections: ConnectionSource;
  settings: () => Promise<Settings> | Settings;
  clientFor: (connection: Connection) => CloudWatchLogsClient;
  fetchContext?: ContextFetcher;
}

/**
 * A run fetches context lines for its largest groups only; this fetches them for one more group
 * when the user opens it (GetLogEvents around its first occurrence), keeps them in the cache and
 * returns the group with them. Unlike during a run, a failure here is the answer, with its hint.
 */
export function createGroupContext(deps: GroupContextDeps) {
  return async function groupContext(raw: unknown): Promise<ErrorGroup> {
    const request = groupContextRequestSchema.parse(raw);
    const group = deps.cache.group(request.run, request.fingerprint);
    if (!group) throw new AppError('NOT_FOUND', 'That error group is not in the cached run (any more).', 'Open the session again.');
    const sample = deps.cache.findEvent({ run: request.run, eventId: group.sampleEventId, timestamp: group.firstSeen })?.event;
    if (!sample) throw new AppError('NOT_FOUND', 'The first occurrence of that error group is not in the cache.', 'Refresh the session.');
    const connection = (await deps.connections.list()).find((c) => c.id === sample.connectionId);
    if (!connection)
      throw new AppError(
        'NOT_FOUND',
        `The connection "${sample.connection}" that found this error no longer exists.`,
        'Add it again to fetch its context lines.',
      );
    const settings = await deps.settings();
    const client = deps.clientFor(connection);
    let fetched;
    try {
      fetched = await fetchGroupContext(sample, client, deps.fetchContext ?? fetchContextLines, {
        events: settings.contextEvents,
        seconds: settings.contextSeconds,
      });
    } finally {
      client.destroy();
    }
    if (fetched.error !== undefined)
      throw scrubAppError(
        isAppError(fetched.error)
          ? fetched.error
          : mapAwsError(fetched.error, { region: connection.region, endpoint: connection.endpoint }),
      );
    const withLines = fetched.lines
      ? withContext([group], new Map([[group.fingerprint, { contextBefore: fetched.lines.before, contextAfter: fetched.lines.after }]]))[0]!
      : group;
    deps.cache.setGroupContext(request.run, group.fingerprint, { before: withLines.contextBefore, after: withLines.contextAfter });
    return withLines;
  };
}

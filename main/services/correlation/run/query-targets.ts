import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Connection } from '../../../../shared/domain/connection';
import type { RunFailure } from '../../../../shared/domain/correlation';
import { buildSessionQuery } from '../../../../shared/session/query';
import type { SessionReference } from '../../../../shared/session/types';
import { mapAwsError } from '../../aws/aws-errors';
import { errorContextOf } from '../../aws/client-factory';
import type { QueryTarget } from '../queries/types';
import { connectionFailure } from '../window-coverage';

/**
 * A query target per connection, each with its own client and query; a connection whose client
 * cannot be made (no credentials, a bad profile) is a failure of the run, not its end.
 */
export function queryTargets(
  reference: SessionReference,
  connections: readonly Connection[],
  clientFor: (connection: Connection) => CloudWatchLogsClient,
): { targets: QueryTarget[]; failures: RunFailure[] } {
  const targets: QueryTarget[] = [];
  const failures: RunFailure[] = [];
  for (const connection of connections) {
    try {
      const client = clientFor(connection);
      targets.push({
        connectionId: connection.id,
        connection: connection.name,
        logGroups: connection.logGroups,
        client,
        errorContext: errorContextOf(client),
        queryString: buildSessionQuery(reference, { idFieldNames: connection.sessionIdFields }),
      });
    } catch (error) {
      // mapAwsError passes an AppError through (scrubbed) and explains anything else.
      failures.push(connectionFailure(connection, mapAwsError(error, { region: connection.region, endpoint: connection.endpoint })));
    }
  }
  return { targets, failures };
}

/** The client of a connection by its id, for the stages that read streams (trace tails, context lines). */
export function clientLookup(targets: readonly QueryTarget[]): (connectionId: string) => CloudWatchLogsClient | undefined {
  const clients = new Map(targets.map((t) => [t.connectionId, t.client]));
  return (connectionId) => clients.get(connectionId);
}

import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Connection } from '../../../shared/domain/connection';
import type { RunFailure, TimeWindow } from '../../../shared/domain/correlation';
import { buildSessionQuery } from '../../../shared/session/query';
import type { SessionReference } from '../../../shared/session/types';
import { errorContextOf } from '../aws/client-factory';
import { ProgressTracker } from '../correlation/queries/progress-tracker';
import { runQueries } from '../correlation/queries/run-queries';
import type { QueryTuning } from '../correlation/queries/types';
import type { RowBatch } from '../correlation/rows/row-batch';

export interface GapQuery {
  reference: SessionReference;
  connection: Connection;
  client: CloudWatchLogsClient;
  logGroups: string[];
  window: TimeWindow;
  pricePerGb: number;
  signal: AbortSignal;
  tuning?: Partial<QueryTuning>;
  onRows: (page: RowBatch) => void;
}

/**
 * The session's lines over a stretch a dropped Live Tail stream could not deliver, from Logs
 * Insights with the run's own query (Live Tail cannot replay: it sends only what is ingested while
 * it is open). Billed by bytes scanned like any run, so only the gap's seconds are asked for.
 */
export async function queryGap(gap: GapQuery): Promise<{ failures: RunFailure[]; bytesScanned: number }> {
  const tracker = new ProgressTracker(gap.pricePerGb, undefined);
  const result = await runQueries(
    [
      {
        connectionId: gap.connection.id,
        connection: gap.connection.name,
        logGroups: gap.logGroups,
        client: gap.client,
        errorContext: errorContextOf(gap.client),
        queryString: buildSessionQuery(gap.reference, { idFieldNames: gap.connection.sessionIdFields }),
      },
    ],
    {
      queryString: buildSessionQuery(gap.reference),
      window: gap.window,
      tracker,
      signal: gap.signal,
      tuning: gap.tuning,
      onRows: gap.onRows,
    },
  );
  return { failures: result.failures, bytesScanned: tracker.totals().bytesScanned };
}

import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { MAX_QUERY_RESULTS } from '../../../../shared/session/query';
import type { AwsErrorContext } from '../../aws/aws-errors';
import type { RunFailure, RunStats } from '../../../../shared/domain/correlation';
import type { RowBatch, RowSource } from '../rows/row-batch';

/** One connection to query: its log groups and a client for its account and region. */
export interface QueryTarget extends RowSource {
  client: CloudWatchLogsClient;
  /** What `mapAwsError` needs to explain a failure of this client. */
  errorContext?: AwsErrorContext;
  /** This connection's own query (its session-ID field names); default: the run's query. */
  queryString?: string;
}

export interface QueryTuning {
  /** Insights queries in flight at once, across all connections (accounts allow 30–100). */
  concurrency: number;
  /** First GetQueryResults this soon after StartQuery; then every pollMinMs, growing with the run time. */
  pollFirstMs: number;
  pollMinMs: number;
  /** Share of the query's run time waited between polls once that exceeds pollMinMs. */
  pollFraction: number;
  pollMaxMs: number;
  /** Waiting for a concurrency slot (LimitExceededException): how long before giving up. */
  concurrencyWaitMs: number;
  concurrencyRetryBaseMs: number;
  /** A query that has not finished after this long is stopped and reported (Insights' own limit is 60 min). */
  maxQueryMs: number;
  /** A query that ends `Failed` is re-run this many times before it is reported. */
  failedQueryRetries: number;
  /**
   * StartQuery's `limit`: rows one query may return (the service allows up to 100,000). A query
   * that matched more returns the earliest `limit` rows (the session query sorts by time), and the
   * rest of its range is queried again from the second of its last row.
   */
  limit: number;
  /** GetQueryResults `maxItems` when reading a finished query's rows (the service allows ≤ 10,000). */
  pageSize: number;
  /** GetQueryResults calls one query's rows may take: more than `limit / pageSize` means a runaway token chain. */
  maxResultPages: number;
  /**
   * A finished query's rows must be read within this long of it finishing: its `nextToken`s expire
   * after an hour, and a half-read result must be reported, not silently cut.
   */
  resultsDeadlineMs: number;
}

export const defaultQueryTuning: QueryTuning = {
  concurrency: 10,
  pollFirstMs: 50,
  pollMinMs: 100,
  pollFraction: 0.1,
  pollMaxMs: 2_000,
  concurrencyWaitMs: 120_000,
  concurrencyRetryBaseMs: 1_000,
  maxQueryMs: 15 * 60_000,
  failedQueryRetries: 1,
  limit: MAX_QUERY_RESULTS,
  pageSize: 10_000,
  maxResultPages: 20,
  resultsDeadlineMs: 50 * 60_000,
};

/**
 * Receives every page of rows as it is read, in time order per batch of log groups (the
 * continuation of a capped query and a later part of the window come after the rows before
 * them). Awaited before the next page is requested, so a slow consumer holds back the reads.
 */
export type RowSink = (page: RowBatch) => Promise<void> | void;

export interface QueriesResult {
  /** The rows, one batch per batch of log groups; empty when a sink received them instead. */
  batches: RowBatch[];
  failures: RunFailure[];
  /** `recordsMatched` counts distinct rows returned; bytes and records scanned include every query billed. */
  stats: RunStats;
}

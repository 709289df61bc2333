import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { AwsErrorContext } from '../../aws/aws-errors';
import type { RunFailure, RunStats } from '../../../shared/domain/correlation';
import type { InsightsRow, RowSource } from '../processing/types';

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
  /** Backoff after the SDK's own retries are spent on throttling or a 5xx. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Our retries of a throttled or 5xx call, on top of the SDK's. */
  retryAttempts: number;
  /** Waiting for a concurrency slot (LimitExceededException): how long before giving up. */
  concurrencyWaitMs: number;
  concurrencyRetryBaseMs: number;
  /** A query that has not finished after this long is stopped and reported (Insights' own limit is 60 min). */
  maxQueryMs: number;
  /** A query that ends `Failed` is re-run this many times before it is reported. */
  failedQueryRetries: number;
  /** Rows per query; a result this big may be cut off and is re-run in halves. */
  limit: number;
}

export const defaultQueryTuning: QueryTuning = {
  concurrency: 10,
  pollFirstMs: 50,
  pollMinMs: 100,
  pollFraction: 0.1,
  pollMaxMs: 2_000,
  retryBaseMs: 500,
  retryMaxMs: 8_000,
  retryAttempts: 4,
  concurrencyWaitMs: 120_000,
  concurrencyRetryBaseMs: 1_000,
  maxQueryMs: 15 * 60_000,
  failedQueryRetries: 1,
  limit: 10_000,
};

/** Rows of one finished query, with where they came from (the input of `processRows`). */
export interface RowBatch {
  source: RowSource;
  rows: InsightsRow[];
}

export interface QueriesResult {
  batches: RowBatch[];
  failures: RunFailure[];
  /** `recordsMatched` counts distinct rows returned; bytes and records scanned include every query billed. */
  stats: RunStats;
}

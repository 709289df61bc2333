/**
 * The rows a run's stages hand each other: the queries read them, the trace tails stage returns
 * them with continuation lines appended, the processor turns them into events.
 */

/** One row of `GetQueryResults`, fields by name (`@timestamp`, `@message`, `@logStream`, `@log`, `@ptr`, …). */
export interface InsightsRow {
  [field: string]: string | undefined;
}

/** Where a batch of rows came from: one query of one connection. */
export interface RowSource {
  connectionId: string;
  connection: string;
  logGroups: string[];
}

/** The rows of one query, with where they came from. */
export interface RowBatch {
  source: RowSource;
  rows: InsightsRow[];
}

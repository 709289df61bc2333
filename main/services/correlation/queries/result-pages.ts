import { GetQueryResultsCommand, type GetQueryResultsCommandOutput, type ResultField } from '@aws-sdk/client-cloudwatch-logs';
import { AppError } from '../../../../shared/errors';
import { mapAwsError } from '../../aws/aws-errors';
import { cancelledError } from '../../async/tasks';
import type { InsightsRow } from '../rows/row-batch';
import type { QueryContext, ResultCursor } from './insights-query';
import type { QueryTarget } from './types';

/**
 * One GetQueryResults call. Throttling and 5xx are retried by the client itself
 * (main/services/aws/retry-strategy.ts), so a failure here is final. Throws AppError: CANCELLED, or the
 * mapped AWS error.
 */
export async function getQueryResults(
  target: QueryTarget,
  input: { queryId: string; nextToken?: string; maxItems: number },
  context: QueryContext,
): Promise<GetQueryResultsCommandOutput> {
  const { signal } = context;
  if (signal?.aborted) throw cancelledError();
  try {
    return await target.client.send(new GetQueryResultsCommand(input), { abortSignal: signal });
  } catch (error) {
    if (signal?.aborted) throw cancelledError();
    throw mapAwsError(error, target.errorContext);
  }
}

/** What reading a finished query's rows came to. */
export interface PagesRead {
  rows: number;
  /** Why the rows stop early (page cap, expired token, an error): the rest of the range is missing. */
  error?: AppError;
}

/**
 * Reads a finished query's rows page by page (`maxItems` ≤ 10,000, `nextToken`), handing each page
 * to `onPage` before asking for the next, so at most one page is held at a time. Bounded twice:
 * at most `maxResultPages` calls (a token chain longer than the limit allows is a loop), and
 * nothing after `resultsDeadlineMs` past the query's end (its tokens expire after an hour).
 * Throws only CANCELLED and what `onPage` throws; a failed read is returned as `error`.
 */
export async function readResultPages(
  target: QueryTarget,
  cursor: ResultCursor,
  context: QueryContext,
  onPage: (rows: InsightsRow[]) => Promise<void> | void,
): Promise<PagesRead> {
  const { tuning } = context;
  let output = cursor.first;
  let rows = 0;
  for (let page = 1; ; page += 1) {
    const pageRows = toRows(output.results ?? []);
    const nextToken = output.nextToken;
    // The SDK's copy of the page (10,000 rows as field/value pairs) is garbage once it is rows:
    // let go before the rows are processed, so a page is held once, not twice.
    output.results = undefined;
    rows += pageRows.length;
    if (pageRows.length > 0) await onPage(pageRows);
    if (!nextToken) return { rows };
    if (page >= tuning.maxResultPages) return { rows, error: pageCapReached(tuning.maxResultPages) };
    if (Date.now() - cursor.completedAt > tuning.resultsDeadlineMs) return { rows, error: resultsExpired(tuning.resultsDeadlineMs) };
    try {
      output = await getQueryResults(target, { queryId: cursor.queryId, nextToken, maxItems: tuning.pageSize }, context);
    } catch (error) {
      if (error instanceof AppError && error.code !== 'CANCELLED') return { rows, error };
      throw error;
    }
  }
}

function toRows(results: ResultField[][]): InsightsRow[] {
  return results.map((fields) => {
    const row: InsightsRow = {};
    for (const { field, value } of fields) if (field !== undefined) row[field] = value;
    return row;
  });
}

function pageCapReached(pages: number): AppError {
  return new AppError(
    'AWS_QUERY_FAILED',
    `CloudWatch kept returning result pages after ${pages} pages, more than one query can hold; the rest was not read`,
    'Run the correlation again; if it keeps happening, narrow the time window.',
  );
}

function resultsExpired(ms: number): AppError {
  return new AppError(
    'AWS_QUERY_FAILED',
    `The query's results could not all be read within ${Math.round(ms / 60_000)} minutes of it finishing (its result pages expire after an hour)`,
    'Run the correlation again (or refresh): only the part that is missing is queried.',
  );
}

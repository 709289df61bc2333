import { randomUUID } from 'node:crypto';
import { executeQuery } from '../insights/execute';
import { parseQuery } from '../insights/parser';
import { QueryCompileError } from '../insights/compile-error';
import { allFields, decodePointer, eventRow } from '../insights/record';
import { AwsError, invalidParameter, resourceNotFound } from '../server/aws-error';
import { type Input, patterns } from '../server/input';
import type { OperationContext } from '../state';
import { MAX_PAGE_ROWS } from './query-pages';
import { groupNameFromIdentifier } from './resolve';

const MAX_GROUPS = 50;
/** StartQuery `limit` (EventsLimitStartQuery): 1..100,000 in the service model, default 10,000. */
const DEFAULT_LIMIT = 10_000;
const MAX_LIMIT = 100_000;

export function startQuery(input: Input, ctx: OperationContext): unknown {
  const language = input.str('queryLanguage');
  if (language !== undefined && language !== 'CWLI')
    throw invalidParameter(`Query language ${language} is not supported by the emulator; use CWLI.`);
  const groupName = input.str('logGroupName', { min: 1, max: 512, pattern: patterns.logGroupName });
  const groupNames = input.strList('logGroupNames', { min: 1, max: 512, pattern: patterns.logGroupName }, MAX_GROUPS);
  const identifiers = input.strList('logGroupIdentifiers', { min: 1, max: 2048, pattern: patterns.logGroupIdentifier }, MAX_GROUPS);
  const startTime = input.reqNum('startTime', { min: 0 });
  const endTime = input.reqNum('endTime', { min: 0 });
  const queryString = input.reqStr('queryString', { max: 10_000 });
  const limit = input.int('limit', { min: 1, max: MAX_LIMIT }) ?? DEFAULT_LIMIT;
  const given = [groupName, groupNames, identifiers].filter((x) => x !== undefined).length;
  if (given !== 1) throw invalidParameter('Exactly one of logGroupName, logGroupNames or logGroupIdentifiers must be specified.');
  if (endTime < startTime) throw invalidParameter('End time cannot be less than Start time');
  const names = groupName !== undefined ? [groupName] : (groupNames ?? identifiers!.map((id) => groupNameFromIdentifier(id, ctx)));
  if (names.length === 0) throw invalidParameter('At least one log group must be specified.');
  const groups = [...new Set(names)].map((n) => {
    const g = ctx.state.store.getGroup(n);
    if (g === undefined)
      throw resourceNotFound(
        `Log group '${n}' does not exist for account ID '${ctx.state.accountId}' (Service: AWSLogs; Status Code: 400; Error Code: ResourceNotFoundException)`,
      );
    return g;
  });
  let query;
  try {
    query = parseQuery(queryString);
  } catch (e) {
    if (e instanceof QueryCompileError) throw e.toAwsError();
    throw e;
  }
  const max = ctx.state.maxConcurrentQueries;
  if (ctx.state.faults.takeLimitExceeded() || ctx.state.queries.running(ctx.now) >= max) {
    throw new AwsError('LimitExceededException', `Account maximum query concurrency limit of [${max}] reached.`);
  }
  const output = executeQuery({ query, groups, startTime, endTime, accountId: ctx.state.accountId, limit });
  const { baseMs, bytesPerSecond } = ctx.state.queryLatency;
  // Whole milliseconds, like the clock that runs them.
  const scanMs = bytesPerSecond > 0 && Number.isFinite(bytesPerSecond) ? Math.ceil((output.bytesScanned / bytesPerSecond) * 1000) : 0;
  const id = randomUUID();
  ctx.state.queriesStarted++;
  ctx.state.queries.add({
    id,
    queryString,
    logGroups: groups.map((g) => g.name),
    startTime,
    endTime,
    createdAt: ctx.now,
    limit,
    scheduledMs: baseMs / 2,
    startMs: baseMs,
    scanMs,
    forced: ctx.state.faults.takeOutcome(queryString),
    cancelledAt: undefined,
    output,
  });
  return { queryId: id };
}

export function getQueryResults(input: Input, ctx: OperationContext): unknown {
  const id = input.reqStr('queryId', { min: 1, max: 256 });
  const token = input.str('nextToken', { max: 1024 });
  const maxItems = input.int('maxItems', { min: 0, max: MAX_PAGE_ROWS });
  const q = ctx.state.queries.get(id);
  if (q === undefined || q.output === undefined) throw resourceNotFound('Query does not exist.');
  const status = ctx.state.queries.status(q, ctx.now);
  const out = q.output;
  // The scan's progress drives the statistics; Running (and a stop or timeout mid-scan) also
  // shows that share of the rows. A failed query, or one whose outcome a fault forced, shows none.
  const reached = status === 'Complete' ? 1 : status === 'Scheduled' ? 0 : ctx.state.queries.progress(q, ctx.now);
  const forced = q.forced !== undefined && status === q.forced;
  const visible = status === 'Failed' || forced ? 0 : Math.floor(out.rows.length * reached);
  const final = status !== 'Scheduled' && status !== 'Running';
  const page = ctx.state.pages.page({ queryId: id, token, maxItems, final, now: ctx.now }, visible);
  return {
    queryLanguage: 'CWLI',
    results: out.rows.slice(page.from, page.to),
    // The statistics describe the whole result set on every page.
    statistics: {
      recordsMatched: Math.round(out.recordsMatched * reached),
      recordsScanned: Math.round(out.recordsScanned * reached),
      bytesScanned: Math.round(out.bytesScanned * reached),
    },
    status,
    ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }),
  };
}

export function stopQuery(input: Input, ctx: OperationContext): unknown {
  const id = input.reqStr('queryId', { min: 1, max: 256 });
  const q = ctx.state.queries.get(id);
  if (q === undefined) throw resourceNotFound('Query does not exist.');
  const status = ctx.state.queries.status(q, ctx.now);
  // The model: "If the query has already ended, the operation returns an error indicating that
  // the specified query is not running." (the wording is the emulator's).
  if (status !== 'Scheduled' && status !== 'Running') throw invalidParameter(`Query ${id} is not running; its status is ${status}.`);
  q.cancelledAt = ctx.now;
  return { success: true };
}

export function getLogRecord(input: Input, ctx: OperationContext): unknown {
  const ptr = input.reqStr('logRecordPointer');
  input.bool('unmask');
  const decoded = decodePointer(ptr);
  if (decoded === undefined) throw invalidParameter('The specified logRecordPointer is not valid.');
  const found = ctx.state.store.streamById(decoded.streamId);
  if (found === undefined || found.group.id !== decoded.groupId || decoded.index >= found.stream.count)
    throw resourceNotFound('The specified log record does not exist.');
  const fields = allFields(eventRow(found.group, found.stream, decoded.index), { accountId: ctx.state.accountId });
  const logRecord: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) logRecord[k] = String(v);
  return { logRecord };
}

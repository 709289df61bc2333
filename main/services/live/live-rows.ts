import type { LiveTailSessionLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { InsightsRow } from '../correlation/rows/row-batch';

/** A log group ARN's name part (`arn:aws:logs:<region>:<account>:log-group:<name>`). */
export function groupNameOfArn(identifier: string): string {
  const at = identifier.indexOf(':log-group:');
  return at === -1 ? identifier : identifier.slice(at + ':log-group:'.length).replace(/:\*$/, '');
}

/** Insights' `@timestamp` form (UTC, milliseconds), which the run processor reads. */
function insightsTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * A Live Tail event as the row an Insights query would have returned for it, so one processor
 * (normalising, trace joining, grouping) serves both. Events without a timestamp are dropped, as
 * rows without one are.
 */
export function liveEventToRow(event: LiveTailSessionLogEvent): InsightsRow | undefined {
  if (typeof event.timestamp !== 'number' || event.message === undefined) return undefined;
  return {
    '@timestamp': insightsTime(event.timestamp),
    '@message': event.message,
    '@logStream': event.logStreamName ?? '',
    '@log': groupNameOfArn(event.logGroupIdentifier ?? ''),
  };
}

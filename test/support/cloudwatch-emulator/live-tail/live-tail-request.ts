import { AwsError, invalidParameter, resourceNotFound, validationError } from '../server/aws-error';
import { type Input, patterns } from '../server/input';
import { compileFilterPattern, type MessagePredicate } from '../operations/filter-pattern';
import type { OperationContext } from '../state';
import type { LogGroup } from '../store/log-store';

/** StartLiveTailLogGroupIdentifiers: 1..10 items (service model). */
export const MAX_LIVE_TAIL_GROUPS = 10;
/** FilterPattern: at most 1,024 characters (service model). */
export const MAX_FILTER_PATTERN = 1024;
/** InputLogStreamNames: 1..100 items (service model). */
const MAX_STREAM_NAMES = 100;

export interface LiveTailGroup {
  /** The ARN as the request gave it; events carry it back as `logGroupIdentifier`. */
  identifier: string;
  group: LogGroup;
}

export interface LiveTailRequest {
  groups: LiveTailGroup[];
  logStreamNames: string[] | undefined;
  logStreamNamePrefixes: string[] | undefined;
  logEventFilterPattern: string | undefined;
  matches: MessagePredicate;
}

const GROUP_ARN = /^arn:aws[a-z-]*:logs:[a-z0-9-]+:(\d{12}):log-group:([^:*]+)$/;

/** Reads and checks a StartLiveTail request as the service model constrains it. */
export function readLiveTailRequest(input: Input, ctx: OperationContext): LiveTailRequest {
  const ids = input.strList('logGroupIdentifiers', { min: 1, max: 2048, pattern: patterns.logGroupIdentifier }, MAX_LIVE_TAIL_GROUPS);
  if (ids === undefined) throw validationError('logGroupIdentifiers', undefined, 'Member must not be null');
  if (ids.length < 1) throw validationError('logGroupIdentifiers', '[]', 'Member must have length greater than or equal to 1');
  const groups = ids.map((identifier) => ({ identifier, group: groupForArn(identifier, ctx) }));
  const logStreamNames = input.strList('logStreamNames', { min: 1, max: 512, pattern: patterns.logStreamName }, MAX_STREAM_NAMES);
  const logStreamNamePrefixes = input.strList(
    'logStreamNamePrefixes',
    { min: 1, max: 512, pattern: patterns.logStreamName },
    MAX_STREAM_NAMES,
  );
  if (logStreamNames !== undefined && logStreamNamePrefixes !== undefined)
    throw invalidParameter('logStreamNames and logStreamNamePrefixes are mutually exclusive parameters.');
  if ((logStreamNames !== undefined || logStreamNamePrefixes !== undefined) && groups.length !== 1) {
    throw invalidParameter('logStreamNames and logStreamNamePrefixes can be specified only with exactly one log group.');
  }
  const logEventFilterPattern = input.str('logEventFilterPattern', { max: MAX_FILTER_PATTERN });
  return { groups, logStreamNames, logStreamNamePrefixes, logEventFilterPattern, matches: compileFilterPattern(logEventFilterPattern) };
}

/**
 * The model says "Specify each log group by its ARN" and that it "can't end with an asterisk";
 * a bare name is refused here (the emulator's reading: AWS documents no error text for it).
 */
function groupForArn(identifier: string, ctx: OperationContext): LogGroup {
  const m = GROUP_ARN.exec(identifier);
  if (m === null)
    throw invalidParameter(`Invalid log group identifier: ${identifier}. Specify each log group by its ARN, without a trailing *.`);
  if (m[1] !== ctx.state.accountId) throw resourceNotFound('The specified log group does not exist.');
  const group = ctx.state.store.getGroup(m[2]!);
  if (group === undefined) throw resourceNotFound('The specified log group does not exist.');
  return group;
}

export function streamSelected(request: LiveTailRequest, streamName: string): boolean {
  if (request.logStreamNames !== undefined) return request.logStreamNames.includes(streamName);
  if (request.logStreamNamePrefixes !== undefined) return request.logStreamNamePrefixes.some((p) => streamName.startsWith(p));
  return true;
}

export const limitExceeded = (max: number): AwsError =>
  new AwsError('LimitExceededException', `You have reached the maximum number of concurrent Live Tail sessions (${max}).`);

import { AwsError, invalidParameter } from '../server/aws-error';
import { type Input, patterns } from '../server/input';
import { type OperationContext, groupArn } from '../state';
import { decodeToken, encodeToken, groupNameFromIdentifier, requireGroup } from './resolve';

const GROUP_NAME = { min: 1, max: 512, pattern: patterns.logGroupName };
const STREAM_NAME = { min: 1, max: 512, pattern: patterns.logStreamName };

export function createLogGroup(input: Input, ctx: OperationContext): Record<string, never> {
  const name = input.reqStr('logGroupName', GROUP_NAME);
  input.str('kmsKeyId', { max: 256 });
  const cls = input.str('logGroupClass');
  if (cls !== undefined && !['STANDARD', 'INFREQUENT_ACCESS', 'DELIVERY'].includes(cls)) {
    throw invalidParameter(
      `1 validation error detected: Value '${cls}' at 'logGroupClass' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, INFREQUENT_ACCESS, DELIVERY]`,
    );
  }
  if (ctx.state.store.getGroup(name) !== undefined)
    throw new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists');
  ctx.state.store.createGroup(name, ctx.now);
  return {};
}

export function createLogStream(input: Input, ctx: OperationContext): Record<string, never> {
  const groupName = input.reqStr('logGroupName', GROUP_NAME);
  const streamName = input.reqStr('logStreamName', STREAM_NAME);
  const group = ctx.state.store.getGroup(groupName);
  if (group === undefined) throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
  if (group.streams.has(streamName)) throw new AwsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
  ctx.state.store.createStream(group, streamName, ctx.now);
  return {};
}

export function describeLogGroups(input: Input, ctx: OperationContext): unknown {
  const prefix = input.str('logGroupNamePrefix', GROUP_NAME);
  const pattern = input.str('logGroupNamePattern', { max: 512, pattern: /^[.\-_/#A-Za-z0-9]*$/ });
  const limit = input.num('limit', { min: 1, max: 50 }) ?? 50;
  const nextToken = input.str('nextToken', { min: 1 });
  const identifiers = input.strList('logGroupIdentifiers', { min: 1, max: 2048, pattern: patterns.logGroupIdentifier }, 50);
  const cls = input.str('logGroupClass');
  // One emulated account: linked-account options have nothing to add.
  input.strList('accountIdentifiers');
  input.bool('includeLinkedAccounts');
  if (prefix !== undefined && pattern !== undefined)
    throw invalidParameter('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
  if (identifiers !== undefined && (prefix !== undefined || pattern !== undefined))
    throw invalidParameter('logGroupIdentifiers cannot be combined with a name prefix or pattern.');
  const wanted = identifiers === undefined ? undefined : new Set(identifiers.map((id) => groupNameFromIdentifier(id, ctx)));
  const after = nextToken === undefined ? undefined : decodeToken('groups', nextToken);
  // DescribeLogGroups lists in ASCII order of the name (code-unit order, not locale order).
  const names = [...ctx.state.store.groups.keys()]
    .filter(
      (n) => (prefix === undefined || n.startsWith(prefix)) && (pattern === undefined || n.toLowerCase().includes(pattern.toLowerCase())),
    )
    .filter((n) => (wanted === undefined || wanted.has(n)) && (cls === undefined || cls === 'STANDARD'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .filter((n) => after === undefined || n > after);
  const page = names.slice(0, limit);
  const logGroups = page.map((name) => {
    const g = ctx.state.store.getGroup(name)!;
    const arn = groupArn(ctx, name);
    return {
      logGroupName: name,
      creationTime: g.creationTime,
      metricFilterCount: 0,
      arn: `${arn}:*`,
      ...(g.retentionInDays === undefined ? {} : { retentionInDays: g.retentionInDays }),
      storedBytes: g.storedBytes(ctx.now),
      logGroupClass: 'STANDARD',
      logGroupArn: arn,
    };
  });
  return { logGroups, ...(names.length > limit ? { nextToken: encodeToken('groups', page[page.length - 1]!) } : {}) };
}

/** The values the service model's `Days` shape allows. */
const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export function putRetentionPolicy(input: Input, ctx: OperationContext): Record<string, never> {
  const group = requireGroup(input, ctx);
  const days = input.reqNum('retentionInDays');
  if (!RETENTION_DAYS.includes(days)) {
    throw invalidParameter(
      `1 validation error detected: Value '${days}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${RETENTION_DAYS.join(', ')}]`,
    );
  }
  group.retentionInDays = days;
  return {};
}

export function deleteRetentionPolicy(input: Input, ctx: OperationContext): Record<string, never> {
  requireGroup(input, ctx).retentionInDays = undefined;
  return {};
}

export function describeLogStreams(input: Input, ctx: OperationContext): unknown {
  const group = requireGroup(input, ctx);
  const prefix = input.str('logStreamNamePrefix', STREAM_NAME);
  const orderBy = input.str('orderBy') ?? 'LogStreamName';
  const descending = input.bool('descending') ?? false;
  const limit = input.num('limit', { min: 1, max: 50 }) ?? 50;
  const nextToken = input.str('nextToken', { min: 1 });
  if (orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime') {
    throw invalidParameter(
      `1 validation error detected: Value '${orderBy}' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]`,
    );
  }
  if (orderBy === 'LastEventTime' && prefix !== undefined)
    throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
  const offset = nextToken === undefined ? 0 : Number(decodeToken(`streams:${group.name}`, nextToken));
  const streams = [...group.streams.values()].filter((s) => prefix === undefined || s.name.startsWith(prefix));
  const key = (s: (typeof streams)[number]): number | string => (orderBy === 'LastEventTime' ? (s.lastTimestamp() ?? 0) : s.name);
  streams.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c = x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    return descending ? -c : c;
  });
  const page = streams.slice(offset, offset + limit);
  const arn = groupArn(ctx, group.name);
  return {
    logStreams: page.map((s) => ({
      logStreamName: s.name,
      creationTime: s.creationTime,
      ...(s.count > 0
        ? { firstEventTimestamp: s.firstTimestamp(), lastEventTimestamp: s.lastTimestamp(), lastIngestionTime: s.lastIngestionTime }
        : {}),
      uploadSequenceToken: sequenceToken(s.count),
      arn: `${arn}:log-stream:${s.name}`,
      storedBytes: 0,
    })),
    ...(offset + limit < streams.length ? { nextToken: encodeToken(`streams:${group.name}`, String(offset + limit)) } : {}),
  };
}

/** Sequence tokens are ignored by the service since 2023 but still returned: 56 digits. */
export function sequenceToken(n: number): string {
  return String(49_000_000 + n).padStart(56, '4');
}

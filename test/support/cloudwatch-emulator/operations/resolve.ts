import type { Input } from '../server/input';
import { patterns } from '../server/input';
import { AwsError, invalidParameter, resourceNotFound } from '../server/aws-error';
import type { OperationContext } from '../state';
import type { LogGroup } from '../store/log-store';
import type { LogStream } from '../store/log-stream';

/** Name or ARN (`arn:aws:logs:<region>:<account>:log-group:<name>[:*]`) to a group name. */
export function groupNameFromIdentifier(identifier: string, ctx: OperationContext): string {
  if (!identifier.startsWith('arn:')) return identifier;
  const m = /^arn:aws[a-z-]*:logs:[a-z0-9-]*:(\d{12}):log-group:([^:]+)(?::\*)?$/.exec(identifier);
  if (m === null) throw invalidParameter(`Invalid log group identifier: ${identifier}`);
  if (m[1] !== ctx.state.accountId) throw resourceNotFound('The specified log group does not exist.');
  return m[2]!;
}

/** `logGroupName` xor `logGroupIdentifier`, as GetLogEvents, FilterLogEvents and DescribeLogStreams take them. */
export function requireGroup(input: Input, ctx: OperationContext): LogGroup {
  const name = input.str('logGroupName', { min: 1, max: 512, pattern: patterns.logGroupName });
  const identifier = input.str('logGroupIdentifier', { min: 1, max: 2048, pattern: patterns.logGroupIdentifier });
  if (name !== undefined && identifier !== undefined)
    throw invalidParameter('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  if (name === undefined && identifier === undefined)
    throw invalidParameter('Should provide either a LogGroup name or a LogGroup identifier.');
  const group = ctx.state.store.getGroup(name ?? groupNameFromIdentifier(identifier!, ctx));
  if (group === undefined) throw resourceNotFound('The specified log group does not exist.');
  return group;
}

export function requireStream(group: LogGroup, name: string): LogStream {
  const stream = group.streams.get(name);
  if (stream === undefined) throw resourceNotFound('The specified log stream does not exist.');
  return stream;
}

/** Opaque pagination tokens that still let us detect tampering or reuse across operations. */
export function encodeToken(kind: string, value: string): string {
  return Buffer.from(JSON.stringify([kind, value])).toString('base64');
}

export function decodeToken(kind: string, token: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (Array.isArray(parsed) && parsed[0] === kind && typeof parsed[1] === 'string') return parsed[1];
  } catch {
    // fall through
  }
  throw new AwsError('InvalidParameterException', 'The specified nextToken is invalid.');
}

import type { z } from 'zod';
import { AppError } from '../../../shared/errors';

/**
 * Parses input from IPC or the CLI. The message lists every problem by field; it never quotes
 * the rejected values, since one of them may be a secret key.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => {
    const field = issue.path.map(String).join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  throw new AppError('INVALID_INPUT', `Invalid ${what}: ${problems.join('; ')}`, 'Correct the highlighted values and try again.');
}

const LOG_GROUP_PREFIX = /^[.\-_/#A-Za-z0-9]{1,512}$/;

/** DescribeLogGroups' own pattern for logGroupNamePrefix; empty means "no filter". */
export function parseLogGroupPrefix(prefix: string | undefined): string | undefined {
  const trimmed = prefix?.trim();
  if (!trimmed) return undefined;
  if (!LOG_GROUP_PREFIX.test(trimmed)) {
    throw new AppError(
      'INVALID_INPUT',
      'A log group prefix may contain only letters, digits and . - _ / # (at most 512 characters).',
      'Log group names never contain other characters: remove them from the search.',
    );
  }
  return trimmed;
}

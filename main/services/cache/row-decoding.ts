import type { z } from 'zod';
import { levelSchema, type Level } from '../../../shared/domain/correlation';
import { AppError } from '../../../shared/errors';

const levels = new Set<string>(levelSchema.options);

/** Cached rows are read back defensively: a damaged file must give CACHE_CORRUPT, not a crash. */
export function damaged(what: string): AppError {
  return new AppError(
    'CACHE_CORRUPT',
    `A cached run could not be read back (${what}).`,
    'Refresh the session to fetch it again, or delete it from the cache.',
  );
}

export function level(value: unknown): Level {
  if (typeof value !== 'string' || !levels.has(value)) throw damaged('unknown level');
  return value as Level;
}

export function jsonValue(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw damaged(what);
  }
}

export function parseJson<T>(schema: z.ZodType<T>, text: string, what: string): T {
  const parsed = schema.safeParse(jsonValue(text, what));
  if (!parsed.success) throw damaged(what);
  return parsed.data;
}

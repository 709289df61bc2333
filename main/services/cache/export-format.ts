import { z } from 'zod';
import { correlationResultSchema, type CorrelationResult } from '../../../shared/domain/correlation';
import { SESSION_FILE_HINT } from '../../../shared/domain/session-file';
import { AppError } from '../../../shared/errors';
import { describeMessage } from '../correlation/log-shapes/describe-event';

/**
 * The JSON export: a versioned envelope around one complete CorrelationResult, so another
 * machine's orcw can import it. Bump `version` (and keep reading the old one) if it changes.
 * Version 2 events carry their parts (summary, fields, exception) and no parsed `json`;
 * version 1 files are read too, their parts worked out from the messages on import.
 */
export const EXPORT_VERSION = 2;

export const sessionExportSchema = z.object({
  format: z.literal('orcw-session'),
  version: z.union([z.literal(1), z.literal(EXPORT_VERSION)]),
  exportedAt: z.number(),
  cachedAt: z.number(),
  result: correlationResultSchema,
});
export type SessionExport = z.infer<typeof sessionExportSchema>;

export function exportFileName(sessionId: string, format: 'json' | 'md'): string {
  return `orcw-session-${sessionId}.${format}`;
}

export function encodeExport(result: CorrelationResult, cachedAt: number, exportedAt: number): string {
  const envelope: SessionExport = { format: 'orcw-session', version: EXPORT_VERSION, exportedAt, cachedAt, result };
  return `${JSON.stringify(envelope)}\n`;
}

const IMPORT_HINT = SESSION_FILE_HINT;

function invalid(message: string, hint = IMPORT_HINT): AppError {
  return new AppError('CACHE_IMPORT_INVALID', message, hint);
}

/** Parses and validates an export; throws CACHE_IMPORT_INVALID naming the first problem. */
export function decodeExport(content: string): SessionExport {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    throw invalid(`The file is not JSON (${error instanceof SyntaxError ? error.message : 'parse error'}).`);
  }
  if (typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'orcw-session') {
    const version = (value as { version?: unknown }).version;
    if (typeof version === 'number' && version > EXPORT_VERSION) {
      throw invalid(`The file was exported by a newer orcw (export version ${version}).`, 'Update orcw, then import the file again.');
    }
  }
  const parsed = sessionExportSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the top level';
    throw invalid(`The file is not a valid orcw session export: ${issue?.message ?? 'invalid'} at ${where}.`);
  }
  return parsed.data.version === 1 ? { ...parsed.data, version: EXPORT_VERSION, result: withParts(parsed.data.result) } : parsed.data;
}

/** A version 1 result with each event's parts, and each group's sample exception, as this version reads them. */
function withParts(result: CorrelationResult): CorrelationResult {
  const events = result.events.map((event) => {
    return { ...event, ...describeMessage(event.message, event.level).parts };
  });
  const byId = new Map(events.map((event) => [event.id, event]));
  const groups = result.groups.map((group) => {
    const exception = byId.get(group.sampleEventId)?.exception;
    return exception ? { ...group, exception } : group;
  });
  return { ...result, events, groups };
}

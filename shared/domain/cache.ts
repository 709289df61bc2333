import { z } from 'zod';
import { levelSchema } from './correlation';

export const sessionSummarySchema = z.object({
  sessionId: z.string(),
  token: z.string().optional(),
  start: z.number(),
  replayUrl: z.string().optional(),
  cachedAt: z.number(),
  lastViewedAt: z.number(),
  eventCount: z.number().int().nonnegative(),
  errorGroupCount: z.number().int().nonnegative(),
  complete: z.boolean(),
  /** Titles of the largest error groups, for the recent-sessions list. */
  topErrors: z.array(z.string()),
  /** The shown run came from a session file, not from CloudWatch. */
  imported: z.boolean(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const searchQuerySchema = z.object({
  text: z.string().max(1000),
  sessionId: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
  level: levelSchema.optional(),
  logGroup: z.string().max(512).optional(),
  from: z.number().optional(),
  to: z.number().optional(),
  fingerprint: z.string().max(128).optional(),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchHitSchema = z.object({
  sessionId: z.string(),
  eventId: z.string(),
  timestamp: z.number(),
  level: levelSchema,
  logGroup: z.string(),
  logStream: z.string(),
  message: z.string(),
  /** As on LogEvent: the line to show, when it is not the message itself (see eventSummary). */
  summary: z.string().optional(),
  summarySpan: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).optional(),
  fingerprint: z.string().optional(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const cacheStatsSchema = z.object({
  sizeBytes: z.number().nonnegative(),
  capBytes: z.number().positive(),
  sessions: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  /** Set when the cache could not be opened on disk and runs are kept in memory only. */
  memoryOnly: z.boolean(),
});
export type CacheStats = z.infer<typeof cacheStatsSchema>;

export const exportRequestSchema = z.object({
  sessionId: z.string().regex(/^\d{1,20}$/),
  format: z.enum(['json', 'md']),
});
export const exportResultSchema = z.object({ fileName: z.string(), content: z.string() });

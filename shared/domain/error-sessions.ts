import { z } from 'zod';

const sessionId = z.string().regex(/^\d{1,20}$/);

/** One cached session's error group with a given fingerprint or type. */
export const errorOccurrenceSchema = z.object({
  sessionId: z.string(),
  start: z.number(),
  /** The session's shown run came from a session file. */
  imported: z.boolean(),
  fingerprint: z.string(),
  title: z.string(),
  type: z.string(),
  count: z.number().int().nonnegative(),
  firstSeen: z.number(),
});
export type ErrorOccurrence = z.infer<typeof errorOccurrenceSchema>;

/** The other cached sessions where an error of the open session also happened. */
export const relatedErrorsSchema = z.object({
  fingerprint: z.string(),
  /** All of them; `sessions` holds at most the request's limit, most recent first. */
  sessionCount: z.number().int().nonnegative(),
  sessions: z.array(errorOccurrenceSchema),
});
export type RelatedErrors = z.infer<typeof relatedErrorsSchema>;

export const relatedErrorsRequestSchema = z.object({
  sessionId,
  fingerprints: z.array(z.string().min(1).max(128)).max(2000),
  limit: z.number().int().min(1).max(100).default(20),
});

/** Sessions by error: a fingerprint (or its start), a full exception type or its last segment. */
export const errorSessionsQuerySchema = z.object({
  text: z.string().min(1).max(300),
  limit: z.number().int().min(1).max(500).default(100),
});

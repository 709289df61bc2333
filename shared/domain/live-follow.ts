import { z } from 'zod';
import { appErrorSchema } from '../errors';
import { errorGroupSchema, logEventSchema, timeWindowSchema } from './correlation';
import { runRefSchema, sessionViewSchema } from './session-view';

/** Following a session live (CloudWatch Logs Live Tail): what the renderer and the CLI ask and hear. */
export const followRequestSchema = z.object({
  requestId: z.string().min(1).max(64),
  /** The raw text the user gave; main parses it again. */
  reference: z.string().max(8192),
  connectionIds: z.array(z.string()).max(100).optional(),
  /** Follow even when the session's window has passed (the user chose to); otherwise that is refused. */
  anyTime: z.boolean().default(false),
});
export type FollowRequest = z.infer<typeof followRequestSchema>;

export const followStartedSchema = z.object({
  requestId: z.string(),
  /** The run the live lines are saved into (the cached run's lines copied in first). */
  view: sessionViewSchema.extend({ run: runRefSchema }),
  startedAt: z.number(),
  /** Live Tail sessions opened (≤ 10 log groups each), each billed per minute. */
  tails: z.number().int().positive(),
  logGroups: z.number().int().positive(),
  /** When following stops by itself: the session's window end or Live Tail's 3 hours, whichever is first. */
  endsAt: z.number(),
});
export type FollowStarted = z.infer<typeof followStartedSchema>;

/** A line set that came outside the stream: an Insights query over a gap left by a dropped stream. */
export const followGapSchema = timeWindowSchema.extend({ lines: z.number().int().nonnegative() });

export const followUpdateSchema = z.object({
  requestId: z.string(),
  run: runRefSchema,
  /** The lines new to this follow, in time order, already saved to the run. */
  lines: z.array(logEventSchema).max(20_000),
  /** The service sampled an update down to 500 events: lines of this moment may be missing. */
  sampled: z.boolean(),
  gap: followGapSchema.optional(),
  eventCount: z.number().int().nonnegative(),
  groups: z.array(errorGroupSchema),
  /** The run as the session view shows it now (facets, timeline extent, first events). */
  view: sessionViewSchema.extend({ run: runRefSchema }),
});
export type FollowUpdate = z.infer<typeof followUpdateSchema>;

export const followEndReasonSchema = z.enum(['stopped', 'window-passed', 'time-limit', 'error']);
export type FollowEndReason = z.infer<typeof followEndReasonSchema>;

export const followStatusSchema = z.object({
  requestId: z.string(),
  state: z.enum(['running', 'resuming', 'ended']),
  reason: followEndReasonSchema.optional(),
  error: appErrorSchema.optional(),
  elapsedMs: z.number().nonnegative(),
  /** Set once ended: the saved run (now the session's shown run) and its view. */
  view: sessionViewSchema.optional(),
});
export type FollowStatus = z.infer<typeof followStatusSchema>;

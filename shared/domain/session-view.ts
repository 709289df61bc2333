import { z } from 'zod';
import { appErrorSchema } from '../errors';
import { correlationResultSchema, levelSchema, logEventSchema } from './correlation';

/**
 * How the renderer sees a run without ever holding all of it: the run's header and groups, counts
 * and the first page of events; further events are read from the cache a page at a time.
 */

const sessionIdSchema = z.string().regex(/^\d{1,20}$/);

/** Which cached run the pages come from (a session's run, by the cache's id for it). */
export const runRefSchema = z.object({ sessionId: sessionIdSchema, runId: z.number().int().positive() });
export type RunRef = z.infer<typeof runRefSchema>;

export const domainSchema = z.object({ fromMs: z.number(), toMs: z.number() });

/** The event list's filters; every one is applied in the cache, none in the renderer. */
export const eventFilterSchema = z.object({
  /** Empty means every level. */
  levels: z.array(levelSchema).max(6).default([]),
  logGroups: z.array(z.string().max(512)).max(200).default([]),
  connections: z.array(z.string().max(256)).max(100).default([]),
  /** Case-insensitive, in the message or the stream name. */
  text: z.string().max(1000).default(''),
  fingerprint: z.string().max(128).optional(),
  /** A timeline bin, matched by bin index so the list agrees exactly with the bar that was clicked. */
  bin: z.object({ domain: domainSchema, count: z.number().int().min(1).max(1000), index: z.number().int().min(0).max(999) }).optional(),
});
export type EventFilter = z.infer<typeof eventFilterSchema>;
export type BinSelection = NonNullable<EventFilter['bin']>;

const counted = <T extends z.ZodType>(key: T) => z.array(z.tuple([key, z.number().int().nonnegative()]));
export const facetsSchema = z.object({ levels: counted(levelSchema), logGroups: counted(z.string()), connections: counted(z.string()) });
export type FacetCounts = z.infer<typeof facetsSchema>;

/** Events sent with a view; the rest are read by range. */
export const FIRST_EVENTS = 200;
/** The most events one page request returns. */
export const MAX_PAGE_EVENTS = 500;

export const sessionViewSchema = correlationResultSchema.omit({ events: true }).extend({
  /** Absent when the run is in no cache (nothing arrived that was worth keeping). */
  run: runRefSchema.optional(),
  eventCount: z.number().int().nonnegative(),
  facets: facetsSchema,
  /** The timeline's extent: from the session start (or the first event) to the last event. */
  domain: domainSchema,
  firstEvents: z.array(logEventSchema).max(FIRST_EVENTS),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const eventPageRequestSchema = z.object({
  run: runRefSchema,
  filter: eventFilterSchema,
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(MAX_PAGE_EVENTS),
  /** Also count every event the filter matches (asked once per filter, not per page). */
  withTotal: z.boolean().default(false),
});
export const eventPageSchema = z.object({
  offset: z.number().int(),
  events: z.array(logEventSchema).max(MAX_PAGE_EVENTS),
  total: z.number().int().optional(),
});
export type EventPage = z.infer<typeof eventPageSchema>;

export const timelineRequestSchema = z.object({
  run: runRefSchema,
  /** Its `bin` is ignored: the timeline shows every bin of what the other filters leave. */
  filter: eventFilterSchema,
  domain: domainSchema,
  count: z.number().int().min(1).max(1000),
});
export const timelineBinSchema = z.object({
  index: z.number().int(),
  total: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
});
export type TimelineBin = z.infer<typeof timelineBinSchema>;

export const eventLookupRequestSchema = z.object({
  run: runRefSchema,
  eventId: z.string().min(1).max(64),
  /** When known (a search hit, a group's first occurrence): finds the event without a scan. */
  timestamp: z.number().optional(),
  /** When given, the answer says where the event is in the list this filter shows. */
  filter: eventFilterSchema.optional(),
});
export const eventLookupSchema = z.object({ event: logEventSchema, index: z.number().int().optional() }).nullable();

export const neighboursRequestSchema = z.object({
  run: runRefSchema,
  eventId: z.string().min(1).max(64),
  timestamp: z.number().optional(),
  radius: z.number().int().min(1).max(50),
});
/** A group whose context lines the run left to be fetched when it is opened. */
export const groupContextRequestSchema = z.object({ run: runRefSchema, fingerprint: z.string().min(1).max(128) });

/** The run's events of the same stream just before and after one event, in time order. */
export const neighboursSchema = z.array(logEventSchema).max(101);

export const correlateResponseSchema = z.object({
  result: sessionViewSchema,
  source: z.enum(['cache', 'network']),
  cachedAt: z.number().optional(),
  /** Set when the network or credentials failed and cached results are shown instead. */
  offline: appErrorSchema.optional(),
  /** Set when the run could not be written to the disk cache (kept in memory for this session). */
  cacheWarning: appErrorSchema.optional(),
});
export type CorrelateResponse = z.infer<typeof correlateResponseSchema>;
/** What the CLI's outputs say about where a result came from. */
export type ResponseMeta = Pick<CorrelateResponse, 'source' | 'cachedAt' | 'offline'>;

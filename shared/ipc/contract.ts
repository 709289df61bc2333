import { z } from 'zod';
import { appErrorSchema } from '../errors';
import {
  connectionDraftSchema,
  connectionTestResultSchema,
  connectionUpdateSchema,
  connectionViewSchema,
  logGroupPageSchema,
} from '../domain/connection';
import { correlateRequestSchema, correlationProgressSchema, errorGroupSchema } from '../domain/correlation';
import {
  correlateResponseSchema,
  eventLookupRequestSchema,
  groupContextRequestSchema,
  eventLookupSchema,
  eventPageRequestSchema,
  eventPageSchema,
  neighboursRequestSchema,
  neighboursSchema,
  timelineBinSchema,
  timelineRequestSchema,
} from '../domain/session-view';
import {
  cacheStatsSchema,
  exportRequestSchema,
  exportResultSchema,
  searchHitSchema,
  searchQuerySchema,
  sessionSummarySchema,
} from '../domain/cache';
import { scanPlanRequestSchema, scanPlanSchema } from '../domain/scan-plan';
import { errorOccurrenceSchema, errorSessionsQuerySchema, relatedErrorsRequestSchema, relatedErrorsSchema } from '../domain/error-sessions';
import { importResultSchema, MAX_SESSION_FILE_BYTES, openedFileEventSchema, savedFileSchema } from '../domain/session-file';
import { settingsPatchSchema, settingsSchema } from '../domain/settings';
import { followRequestSchema, followStartedSchema, followStatusSchema, followUpdateSchema } from '../domain/live-follow';

const nothing = z.undefined();
const sessionIdRequest = z.object({ sessionId: z.string().regex(/^\d{1,20}$/) });
const connectionIdRequest = z.object({ id: z.string().min(1).max(64) });

/**
 * The one IPC contract: every renderer → main call, its request and its response value.
 * Main validates requests against it (never trusting the renderer) and validates its own
 * responses before they leave, so a handler bug cannot leak a field the contract omits.
 */
export const invokeChannels = {
  'app:info': {
    request: nothing,
    response: z.object({
      version: z.string(),
      platform: z.string(),
      electron: z.boolean(),
      /** Problems found at start-up (cache moved aside, memory-only cache), each with its hint. */
      notices: z.array(appErrorSchema),
    }),
  },
  /** The renderer has subscribed to events: queued deep links may now be delivered. */
  'app:ready': { request: nothing, response: nothing },
  /** `confirmedHost`: the host the user agreed to open (needed for a host that is not a known OpenReplay). */
  'app:open-external': {
    request: z.object({ url: z.string().max(8192), confirmedHost: z.string().max(300).optional() }),
    response: nothing,
  },
  'app:copy-text': { request: z.object({ text: z.string().max(10_000_000) }), response: nothing },

  'settings:get': { request: nothing, response: settingsSchema },
  'settings:set': { request: settingsPatchSchema, response: settingsSchema },

  'connections:list': { request: nothing, response: z.array(connectionViewSchema) },
  'connections:get': { request: connectionIdRequest, response: connectionViewSchema },
  'connections:create': { request: connectionDraftSchema, response: connectionViewSchema },
  'connections:update': { request: connectionUpdateSchema, response: connectionViewSchema },
  'connections:delete': { request: connectionIdRequest, response: nothing },
  'connections:test': { request: connectionIdRequest, response: connectionTestResultSchema },
  'connections:log-groups': {
    request: z.object({
      id: z.string().min(1).max(64),
      prefix: z.string().max(512).optional(),
      nextToken: z.string().max(4096).optional(),
    }),
    response: logGroupPageSchema,
  },
  'connections:regions': { request: nothing, response: z.array(z.string()) },

  'session:correlate': { request: correlateRequestSchema, response: correlateResponseSchema },
  'session:cancel': { request: z.object({ requestId: z.string().min(1).max(64) }), response: nothing },
  /** What a run would scan (connections, groups, window, bytes and cost), without running it. */
  'session:plan': { request: scanPlanRequestSchema, response: scanPlanSchema },
  /**
   * A run's events are read from the cache a page at a time, filtered there: a big session never
   * crosses IPC in one payload. Named operations with bound values; no SQL leaves the renderer.
   */
  'session:events': { request: eventPageRequestSchema, response: eventPageSchema },
  'session:timeline': { request: timelineRequestSchema, response: z.array(timelineBinSchema).max(1000) },
  'session:event': { request: eventLookupRequestSchema, response: eventLookupSchema },
  'session:neighbours': { request: neighboursRequestSchema, response: neighboursSchema },
  /** Context lines of a group the run did not fetch them for (it fetches the largest groups' only). */
  'session:context': { request: groupContextRequestSchema, response: errorGroupSchema },

  /** Follow a session live (CloudWatch Logs Live Tail, billed per minute while it runs). */
  'live:start': { request: followRequestSchema, response: followStartedSchema },
  /** Resolves once the follow's lines are saved; `live:status` then reports it ended. */
  'live:stop': { request: z.object({ requestId: z.string().min(1).max(64) }), response: nothing },

  'cache:list': {
    request: z.object({ limit: z.number().int().min(1).max(500).default(50) }).optional(),
    response: z.array(sessionSummarySchema),
  },
  'cache:open': { request: sessionIdRequest, response: correlateResponseSchema.nullable() },
  'cache:search': { request: searchQuerySchema, response: z.array(searchHitSchema) },
  'cache:delete': { request: sessionIdRequest, response: nothing },
  'cache:clear': { request: nothing, response: nothing },
  'cache:stats': { request: nothing, response: cacheStatsSchema },
  'cache:export': { request: exportRequestSchema, response: exportResultSchema },
  /** A session file's text the user dropped on the window (read in the renderer, never a path). */
  'cache:import': {
    request: z.object({ content: z.string().max(MAX_SESSION_FILE_BYTES) }),
    response: importResultSchema,
  },
  'cache:related-errors': { request: relatedErrorsRequestSchema, response: z.array(relatedErrorsSchema) },
  'cache:error-sessions': { request: errorSessionsQuerySchema, response: z.array(errorOccurrenceSchema) },

  // Files: main shows the dialog and writes or reads the path the user picked there. null: cancelled.
  'files:save-report': { request: sessionIdRequest, response: savedFileSchema.nullable() },
  'files:save-session': { request: sessionIdRequest, response: savedFileSchema.nullable() },
  'files:open-session': { request: nothing, response: importResultSchema.nullable() },
} as const;

/** Main → renderer events. Nothing else is ever sent to the renderer unprompted. */
export const eventChannels = {
  'session:progress': correlationProgressSchema,
  /** What a run has so far, once its first part is in: shown while the rest is scanned. */
  'session:partial': z.object({ requestId: z.string(), response: correlateResponseSchema }),
  /** New lines of a live follow, already saved into its run. */
  'live:update': followUpdateSchema,
  'live:status': followStatusSchema,
  'app:deep-link': z.object({ url: z.string().max(16_384) }),
  /** A session file the OS opened with orcw (double-click, drag onto the dock icon), once imported. */
  'app:session-file': openedFileEventSchema,
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type EventChannel = keyof typeof eventChannels;
export type RequestOf<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['request']>;
export type ParsedRequestOf<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['response']>;
export type EventOf<C extends EventChannel> = z.output<(typeof eventChannels)[C]>;

export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && Object.hasOwn(invokeChannels, channel);
}

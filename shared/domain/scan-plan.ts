import { z } from 'zod';
import { timeWindowSchema } from './correlation';

/** What a run of a reference would scan, asked before running one a link started. */
export const scanPlanRequestSchema = z.object({
  /** The raw reference (an orcw:// link, typically); main parses it again. */
  reference: z.string().max(8192),
  connectionIds: z.array(z.string()).max(100).optional(),
});
export type ScanPlanRequest = z.infer<typeof scanPlanRequestSchema>;

/**
 * Where an estimate comes from: the groups' storedBytes spread over their retention (or age),
 * the bytes per hour the last cached run of the same groups scanned, or nothing to go on.
 */
export const estimateBasisSchema = z.enum(['stored-bytes', 'last-run', 'unknown']);
export type EstimateBasis = z.infer<typeof estimateBasisSchema>;

export const scanEstimateSchema = z.object({
  /** null when unknown: then a link never runs by itself. */
  bytes: z.number().nonnegative().nullable(),
  costUsd: z.number().nonnegative().nullable(),
  basis: estimateBasisSchema,
});
export type ScanEstimate = z.infer<typeof scanEstimateSchema>;

export const scanPlanSchema = z.object({
  sessionId: z.string().regex(/^\d{1,20}$/),
  window: timeWindowSchema,
  /** The cache already holds this session for this window and these connections: no scan needed. */
  cached: z.boolean(),
  connections: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      region: z.string(),
      logGroups: z.array(
        z.object({
          name: z.string(),
          storedBytes: z.number().nonnegative().optional(),
          retentionInDays: z.number().int().positive().optional(),
        }),
      ),
      estimate: scanEstimateSchema,
      /** Why the estimate is unknown or taken from the cache (DescribeLogGroups failed), for the preview. */
      note: z.string().optional(),
    }),
  ),
  estimate: scanEstimateSchema,
  /** The settings' ceiling for links that run without asking, in US dollars. */
  autoRunMaxUsd: z.number().nonnegative(),
  /** A known estimate at or below the ceiling: the link may run without asking. */
  autoRun: z.boolean(),
});
export type ScanPlan = z.infer<typeof scanPlanSchema>;

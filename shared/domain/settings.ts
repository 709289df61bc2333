import { z } from 'zod';

const settingsFields = {
  /** Minutes added before the session start and after its end when no window is given. */
  marginMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  cacheCapBytes: z
    .number()
    .int()
    .min(16 * 1024 * 1024)
    .max(1024 ** 4),
  /** Logs Insights price per GB scanned (us-east-1 today). */
  pricePerGb: z.number().min(0).max(100),
  contextEvents: z.number().int().min(0).max(200),
  contextSeconds: z.number().int().min(0).max(600),
  /**
   * Events one run may store: past it the run stops, and says which part of the window it
   * covered (RESULTS_TRUNCATED). Bounds the time, disk and memory a runaway session can take.
   */
  maxEventsPerRun: z.number().int().min(1_000).max(5_000_000),
  theme: z.enum(['system', 'light', 'dark']),
  /** How absolute times are shown: the computer's zone or UTC (what CloudWatch and most backends log). */
  timeZone: z.enum(['local', 'utc']),
  /**
   * An orcw:// link that needs CloudWatch runs without asking only when its estimated cost is at
   * or below this (US dollars); 0 asks every time. Links come from any web page.
   */
  linkAutoRunMaxUsd: z.number().min(0).max(10),
};

export const settingsSchema = z.object(settingsFields);
export type Settings = z.infer<typeof settingsSchema>;

/** No defaults inside: a patch must leave every field it does not name untouched. */
export const settingsPatchSchema = z.object(settingsFields).partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const defaultSettings: Settings = Object.freeze({
  marginMinutes: 5,
  cacheCapBytes: 1024 * 1024 * 1024,
  pricePerGb: 0.005,
  contextEvents: 20,
  contextSeconds: 5,
  maxEventsPerRun: 500_000,
  theme: 'system',
  timeZone: 'local',
  linkAutoRunMaxUsd: 0.01,
});

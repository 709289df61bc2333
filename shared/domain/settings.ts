import { z } from 'zod';

export const settingsSchema = z.object({
  /** Minutes added before the session start and after its end when no window is given. */
  marginMinutes: z.number().int().min(0).max(24 * 60).default(5),
  cacheCapBytes: z.number().int().min(16 * 1024 * 1024).default(1024 * 1024 * 1024),
  /** Logs Insights price per GB scanned (us-east-1 today). */
  pricePerGb: z.number().min(0).max(100).default(0.005),
  contextEvents: z.number().int().min(0).max(200).default(20),
  contextSeconds: z.number().int().min(0).max(600).default(5),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
});
export type Settings = z.infer<typeof settingsSchema>;
export const defaultSettings: Settings = settingsSchema.parse({});

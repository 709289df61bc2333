import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { TimeWindow } from '../../../shared/domain/correlation';

/** What one cached run scanned: enough to estimate another run over the same groups. */
export interface RecentScan {
  window: TimeWindow;
  bytesScanned: number;
  connections: { id: string; logGroups: string[] }[];
  ranAt: number;
}

const statsSchema = z.object({ bytesScanned: z.number().nonnegative() });
const connectionsSchema = z.array(z.object({ id: z.string(), logGroups: z.array(z.string()) }));

interface ScanRow {
  window_from: number;
  window_to: number;
  stats_json: string;
  connections_json: string;
  ran_at: number;
}

/** The newest runs first; a row this version cannot read is skipped (it only feeds an estimate). */
export function readRecentScans(db: DatabaseSync, limit: number): RecentScan[] {
  const rows = db
    .prepare('SELECT window_from, window_to, stats_json, connections_json, ran_at FROM runs ORDER BY ran_at DESC, id DESC LIMIT ?')
    .all(limit) as unknown as ScanRow[];
  const scans: RecentScan[] = [];
  for (const row of rows) {
    try {
      const stats = statsSchema.safeParse(JSON.parse(row.stats_json));
      const connections = connectionsSchema.safeParse(JSON.parse(row.connections_json));
      if (!stats.success || !connections.success) continue;
      scans.push({
        window: { from: row.window_from, to: row.window_to },
        bytesScanned: stats.data.bytesScanned,
        connections: connections.data,
        ranAt: row.ran_at,
      });
    } catch {
      continue;
    }
  }
  return scans;
}

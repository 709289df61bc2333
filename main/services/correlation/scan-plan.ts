import type { Connection, LogGroupInfo } from '../../../shared/domain/connection';
import type { CorrelationResult, TimeWindow } from '../../../shared/domain/correlation';
import { scanPlanRequestSchema, type ScanEstimate, type ScanPlan } from '../../../shared/domain/scan-plan';
import type { Settings } from '../../../shared/domain/settings';
import { AppError, isAppError } from '../../../shared/errors';
import { parseSessionReference } from '../../../shared/session/parse-reference';
import { deriveTimeWindow } from '../../../shared/session/time-window';
import type { RecentScan } from '../cache/recent-scans';
import { pickConnections, type ConnectionSource } from './pick-connections';
import { bytesFromLastRun, bytesFromStoredBytes, combineEstimates, toEstimate } from './scan-estimate';
import { covers } from './session-service';

export interface ScanPlanDeps {
  connections: ConnectionSource;
  cache: {
    /** The cached run's header only: a preview must not read a big session's events. */
    openView(sessionId: string): { view: Pick<CorrelationResult, 'connections' | 'window'> } | null;
    recentScans(limit: number): RecentScan[];
  };
  settings: () => Promise<Settings> | Settings;
  /** DescribeLogGroups for the connection's own groups. */
  describeGroups: (connection: Connection) => Promise<LogGroupInfo[]>;
  now?: () => number;
}

/** Runs looked through for one over the same groups; older ones say little about today's volume. */
const RECENT_RUNS = 200;

/**
 * What a run of the reference would scan, before anything runs: the handler behind `session:plan`,
 * used when an orcw:// link (which any web page can open) needs CloudWatch. The reference is parsed
 * and its window derived exactly as `session:correlate` will (same rule, same margin), so the
 * preview shows the run that Enter starts.
 */
export function createScanPlanner(deps: ScanPlanDeps) {
  const now = deps.now ?? Date.now;
  return async function planScan(raw: unknown): Promise<ScanPlan> {
    const checked = scanPlanRequestSchema.safeParse(raw);
    if (!checked.success)
      throw new AppError(
        'INVALID_INPUT',
        'The scan preview request is not valid.',
        'Give a session reference and, optionally, connection ids.',
      );
    const request = checked.data;
    const parsed = parseSessionReference(request.reference, { now: now() });
    if (!parsed.ok) throw new AppError(parsed.error.code, parsed.error.message, parsed.error.hint);
    const reference = parsed.value;
    const settings = await deps.settings();
    const window = deriveTimeWindow(reference, { marginMs: settings.marginMinutes * 60_000, now: now() });
    const cached = deps.cache.openView(reference.sessionId);
    const connections = await pickConnections(deps.connections, { ids: request.connectionIds, name: reference.connection });
    const recent = deps.cache.recentScans(RECENT_RUNS);
    const planned = await Promise.all(connections.map((connection) => planConnection(connection, window, recent, settings.pricePerGb)));
    const estimate = combineEstimates(
      planned.map((p) => p.estimate),
      settings.pricePerGb,
    );
    return {
      sessionId: reference.sessionId,
      window,
      cached: cached !== null && covers(cached.view, request.connectionIds ? { connectionIds: request.connectionIds } : {}),
      connections: planned,
      estimate,
      autoRunMaxUsd: settings.linkAutoRunMaxUsd,
      autoRun: estimate.costUsd !== null && estimate.costUsd <= settings.linkAutoRunMaxUsd,
    };
  };

  async function planConnection(connection: Connection, window: TimeWindow, recent: readonly RecentScan[], pricePerGb: number) {
    const base = { id: connection.id, name: connection.name, region: connection.region };
    let described: LogGroupInfo[] | undefined;
    let problem: string | undefined;
    try {
      described = await deps.describeGroups(connection);
    } catch (error) {
      problem = isAppError(error) ? error.message : 'DescribeLogGroups failed';
    }
    const logGroups = connection.logGroups.map((name) => {
      const info = described?.find((group) => group.name === name);
      return {
        name,
        ...(info?.storedBytes === undefined ? {} : { storedBytes: info.storedBytes }),
        ...(info?.retentionInDays === undefined ? {} : { retentionInDays: info.retentionInDays }),
      };
    });
    if (described) {
      const known = connection.logGroups.map((name) => described.find((group) => group.name === name) ?? { name });
      const bytes = bytesFromStoredBytes(known, window, now());
      if (bytes !== null) return { ...base, logGroups, estimate: toEstimate(bytes, 'stored-bytes', pricePerGb) };
      problem = 'CloudWatch did not report the size of every log group';
    }
    const last = recent.find(
      (scan) =>
        scan.connections.length === 1 &&
        scan.connections[0]!.id === connection.id &&
        sameGroups(scan.connections[0]!.logGroups, connection.logGroups),
    );
    const fromLast = last ? bytesFromLastRun(last, window) : null;
    const estimate: ScanEstimate =
      fromLast === null ? toEstimate(null, 'unknown', pricePerGb) : toEstimate(fromLast, 'last-run', pricePerGb);
    return { ...base, logGroups, estimate, ...(problem === undefined ? {} : { note: problem }) };
  }
}

function sameGroups(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name) => b.includes(name));
}

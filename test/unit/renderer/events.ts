import type { Level, LogEvent } from '../../../shared/domain/correlation';

/** Builds log events for renderer logic tests; only the fields the logic reads vary. */
export function event(offsetMs: number, level: Level = 'info', extra: Partial<LogEvent> = {}): LogEvent {
  return {
    id: `e-${offsetMs}-${level}-${extra.message ?? ''}`,
    timestamp: 1_700_000_000_000 + offsetMs,
    offsetMs,
    connectionId: 'c1',
    connection: 'production',
    logGroup: '/ecs/api',
    logStream: 'stream-a',
    level,
    message: `line at ${offsetMs}`,
    ...extra,
  };
}

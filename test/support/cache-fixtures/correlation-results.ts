import { describeMessage } from '../../../main/services/correlation/log-shapes/describe-event';
import type { CorrelationResult, ErrorGroup, LogEvent, RunFailure } from '../../../shared/domain/correlation';
import { generateMessage } from './log-messages';
import { createRng, type Rng } from './prng';

/**
 * Seeded CorrelationResult generator: the same options always give the same result, so a test
 * (or a crash-test parent process) can rebuild exactly what a writer saved from its seed alone.
 */
export interface ResultOptions {
  seed: number;
  /** Number of events (default 200). */
  events?: number;
  sessionId?: string;
  complete?: boolean;
  /** Number of failed connections (default: 0 or 1 at random). */
  failures?: number;
  ranAt?: number;
  window?: { from: number; to: number };
}

const SESSION_EPOCH = 1_550_000_000_000n;

/** A decimal OpenReplay session ID (flake layout) whose start is derived from the seed. */
export function sessionIdFor(seed: number): string {
  const start = 1_700_000_000_000n + BigInt(seed) * 7_919_000n;
  return (((start - SESSION_EPOCH) << 24n) | (BigInt(seed % 65_536) << 8n) | BigInt(seed % 256)).toString();
}

function sessionStart(sessionId: string): number {
  return Number((BigInt(sessionId) >> 24n) + SESSION_EPOCH);
}

function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

function makeConnections(rng: Rng): CorrelationResult['connections'] {
  const names = ['prod-eu', 'prod-us', 'staging', 'payments-account'];
  const groups = ['/aws/lambda/orders-api', '/ecs/checkout-service', '/aws/lambda/payments-webhook', '/ecs/users', 'api-gateway-access'];
  return Array.from({ length: rng.between(1, 3) }, (_, i) => ({
    id: `conn-${rng.hex(8)}`,
    name: names[i % names.length] as string,
    logGroups: Array.from({ length: rng.between(1, 3) }, (_, g) => `${rng.pick(groups)}-${g}`),
  }));
}

function makeGroups(
  events: LogEvent[],
  details: Map<string, { type: string; title: string; stack: string; frames: string[] }>,
  rng: Rng,
  replayUrl: string | undefined,
): ErrorGroup[] {
  const byFingerprint = new Map<string, LogEvent[]>();
  for (const event of events) {
    if (!event.fingerprint) continue;
    const members = byFingerprint.get(event.fingerprint);
    if (members) members.push(event);
    else byFingerprint.set(event.fingerprint, [event]);
  }
  return [...byFingerprint.entries()].map(([fingerprint, members]) => {
    const first = members[0] as LogEvent;
    const last = members[members.length - 1] as LogEvent;
    const detail = details.get(first.id) ?? { type: 'Error', title: first.message.slice(0, 80), stack: '', frames: [] };
    const index = events.indexOf(first);
    const line = (e: LogEvent) => ({ timestamp: e.timestamp, logStream: e.logStream, message: e.message });
    const group: ErrorGroup = {
      fingerprint,
      title: detail.title,
      type: detail.type,
      level: first.level,
      count: members.length,
      firstSeen: first.timestamp,
      lastSeen: last.timestamp,
      firstOffsetMs: first.offsetMs,
      offsetsMs: members.map((m) => m.offsetMs),
      sampleEventId: first.id,
      connection: first.connection,
      logGroup: first.logGroup,
      logStream: first.logStream,
      frames: [],
      contextBefore: events.slice(Math.max(0, index - rng.int(4)), index).map(line),
      contextAfter: events.slice(index + 1, index + 1 + rng.int(4)).map(line),
    };
    if (rng.chance(0.85)) Object.assign(group, { stack: detail.stack, frames: detail.frames });
    if (replayUrl) group.replayUrl = `${replayUrl}?jumpto=${Math.round(first.offsetMs)}`;
    if (first.exception) group.exception = first.exception;
    return group;
  });
}

export function makeCorrelationResult(options: ResultOptions): CorrelationResult {
  const rng = createRng(options.seed * 2_654_435_761);
  const sessionId = options.sessionId ?? sessionIdFor(options.seed);
  const start = sessionStart(sessionId);
  const end = start + rng.between(60_000, 7_200_000);
  const window = options.window ?? { from: start - 300_000, to: end + 300_000 };
  const token = rng.chance(0.7) ? `${BigInt(sessionId).toString(36)}.3az.${rng.hex(8)}.${rng.hex(20)}` : undefined;
  const replayUrl = rng.chance(0.7) ? `https://app.openreplay.com/${rng.between(1, 999)}/session/${sessionId}` : undefined;
  const connections = makeConnections(rng);
  // A handful of streams per log group, as Lambda/ECS produce: each event reuses one of them.
  const streams = Array.from({ length: rng.between(1, 6) }, () => `2024/05/0${rng.between(1, 9)}/[$LATEST]${rng.hex(32)}`);
  const count = options.events ?? 200;
  const span = window.to - window.from;
  const details = new Map<string, { type: string; title: string; stack: string; frames: string[] }>();
  const events: LogEvent[] = [];
  for (let i = 0; i < count; i += 1) {
    const connection = rng.pick(connections);
    const logGroup = rng.pick(connection.logGroups);
    const timestamp = Math.floor(window.from + (span * i) / Math.max(1, count));
    const generated = generateMessage(rng, token ?? sessionId);
    const event: LogEvent = {
      id: `${fnv(connection.id + logGroup)}-${timestamp.toString(36)}-${i}`,
      timestamp,
      offsetMs: timestamp - start,
      connectionId: connection.id,
      connection: connection.name,
      logGroup,
      logStream: rng.pick(streams),
      level: generated.level,
      message: generated.message,
    };
    // The parts main stores with each event: the same reading of the line as a real run's.
    Object.assign(event, describeMessage(event.message, event.level).parts);
    if (generated.error) {
      event.fingerprint = fnv(generated.error.type + generated.error.title) + fnv(logGroup);
      details.set(event.id, generated.error);
    }
    events.push(event);
  }
  const failureCount = options.failures ?? (rng.chance(0.2) ? 1 : 0);
  const failures: RunFailure[] = Array.from({ length: failureCount }, () => ({
    connectionId: `conn-${rng.hex(8)}`,
    connection: 'restricted-account',
    logGroups: ['/ecs/billing'],
    code: 'AWS_ACCESS_DENIED',
    message: 'Access denied to logs:StartQuery on /ecs/billing.',
    hint: 'Grant logs:StartQuery and logs:GetQueryResults to this connection.',
  }));
  const bytesScanned = rng.between(1, 50_000) * 1_048_576;
  return {
    session: { id: sessionId, ...(token ? { token } : {}), start, end, ...(replayUrl ? { replayUrl } : {}) },
    window,
    stats: {
      bytesScanned,
      recordsScanned: count * rng.between(10, 500),
      recordsMatched: count,
      costUsd: (bytesScanned / 1e9) * 0.005,
      queries: rng.between(1, 12),
    },
    groups: makeGroups(events, details, rng, replayUrl),
    events,
    failures,
    complete: options.complete ?? failureCount === 0,
    connections,
    ranAt: options.ranAt ?? end + rng.between(1_000, 86_400_000),
  };
}

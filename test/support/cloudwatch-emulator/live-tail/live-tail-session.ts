import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { EmulatorClock } from '../clock';
import type { AppendedEvent, LogStore } from '../store/log-store';
import type { LiveTailSessionMetric } from '../types';
import { eventFrame, exceptionFrame } from './frames';
import { type LiveTailRequest, streamSelected } from './live-tail-request';

/** "as many as 500 log events" per LiveTailSessionUpdate, sampled above that (service model). */
export const MAX_EVENTS_PER_UPDATE = 500;
/** "Live Tail sessions time out after three hours" (service model, SessionTimeoutException). */
export const LIVE_TAIL_MAX_MS = 3 * 3_600_000;

interface LiveTailEvent {
  logStreamName: string;
  logGroupIdentifier: string;
  message: string;
  timestamp: number;
  ingestionTime: number;
}

export type LiveTailSessionInfo = LiveTailSessionMetric;

/**
 * One open StartLiveTail stream: a sessionStart frame, then every `intervalMs` a sessionUpdate
 * with what was appended since (sampled down to 500), until the client goes away, the three
 * hours on the emulator's clock are up (SessionTimeoutException), or a test injects a fault.
 */
export class LiveTailSession {
  readonly info: LiveTailSessionInfo;
  private buffer: LiveTailEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private ended = false;
  private readonly follow: (e: AppendedEvent) => void;

  constructor(
    private readonly request: LiveTailRequest,
    private readonly res: ServerResponse,
    private readonly deps: { store: LogStore; clock: EmulatorClock; intervalMs: number; onEnd: (s: LiveTailSession) => void },
  ) {
    this.info = {
      sessionId: randomUUID(),
      logGroupIdentifiers: request.groups.map((g) => g.identifier),
      logEventFilterPattern: request.logEventFilterPattern,
      startedAt: deps.clock.now(),
      updatesSent: 0,
      eventsSent: 0,
      sampledUpdates: 0,
    };
    const byGroup = new Map(request.groups.map((g) => [g.group, g.identifier]));
    this.follow = (e) => {
      const identifier = byGroup.get(e.group);
      if (identifier === undefined || !streamSelected(request, e.stream.name) || !request.matches(e.message)) return;
      this.buffer.push({
        logStreamName: e.stream.name,
        logGroupIdentifier: identifier,
        message: e.message,
        timestamp: e.timestamp,
        ingestionTime: e.ingestionTime,
      });
    };
  }

  start(requestId: string): void {
    this.deps.store.followers.add(this.follow);
    this.res.on('close', () => this.end());
    this.res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': requestId });
    this.res.write(
      eventFrame('sessionStart', {
        requestId,
        sessionId: this.info.sessionId,
        logGroupIdentifiers: this.info.logGroupIdentifiers,
        ...(this.request.logStreamNames === undefined ? {} : { logStreamNames: this.request.logStreamNames }),
        ...(this.request.logStreamNamePrefixes === undefined ? {} : { logStreamNamePrefixes: this.request.logStreamNamePrefixes }),
        ...(this.request.logEventFilterPattern === undefined ? {} : { logEventFilterPattern: this.request.logEventFilterPattern }),
      }),
    );
    this.timer = setInterval(() => this.tick(), this.deps.intervalMs);
  }

  /** Sends what arrived since the last update; ends the session once its three hours are up. */
  private tick(): void {
    if (this.ended) return;
    if (this.deps.clock.now() - this.info.startedAt >= LIVE_TAIL_MAX_MS) {
      this.fail('SessionTimeoutException', 'The Live Tail session has timed out: sessions are kept open for at most three hours.');
      return;
    }
    const pending = this.buffer;
    this.buffer = [];
    const sampled = pending.length > MAX_EVENTS_PER_UPDATE;
    const results = sampled ? sample(pending, MAX_EVENTS_PER_UPDATE) : pending;
    this.info.updatesSent++;
    this.info.eventsSent += results.length;
    if (sampled) this.info.sampledUpdates++;
    this.res.write(eventFrame('sessionUpdate', { sessionMetadata: { sampled }, sessionResults: results }));
  }

  /** Ends the stream with one of the union's exceptions, as the service does. */
  fail(type: 'SessionTimeoutException' | 'SessionStreamingException', message: string): void {
    if (this.ended) return;
    this.res.end(exceptionFrame(type, message));
    this.end();
  }

  /** The connection breaks mid-stream (no frame, no clean end). */
  drop(): void {
    if (this.ended) return;
    this.res.socket?.destroy();
    this.end();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.timer);
    this.deps.store.followers.delete(this.follow);
    this.deps.onEnd(this);
  }
}

/** `n` events spread evenly over the second's events, in their order (deterministic). */
function sample<T>(events: T[], n: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(events[Math.floor((i * events.length) / n)]!);
  return out;
}

import type { ServerResponse } from 'node:http';
import type { EmulatorClock } from '../clock';
import type { LogStore } from '../store/log-store';
import { limitExceeded, type LiveTailRequest } from './live-tail-request';
import { LiveTailSession, type LiveTailSessionInfo } from './live-tail-session';

/**
 * The open Live Tail sessions of the emulated account. The concurrent-session quota is a Service
 * Quotas value AWS can raise per account; 15 is the emulator's default, settable in tests.
 */
export class LiveTails {
  private readonly open = new Set<LiveTailSession>();
  maxSessions = 15;
  /** "Every second, a LiveTailSessionUpdate object is sent" (service model). */
  updateIntervalMs = 1000;
  sessionsStarted = 0;

  constructor(private readonly deps: { store: LogStore; clock: EmulatorClock }) {}

  start(request: LiveTailRequest, res: ServerResponse, requestId: string): void {
    if (this.open.size >= this.maxSessions) throw limitExceeded(this.maxSessions);
    const session = new LiveTailSession(request, res, {
      ...this.deps,
      intervalMs: this.updateIntervalMs,
      onEnd: (s) => this.open.delete(s),
    });
    this.open.add(session);
    this.sessionsStarted++;
    session.start(requestId);
  }

  sessions(): LiveTailSessionInfo[] {
    return [...this.open].map((s) => ({ ...s.info }));
  }

  /** Breaks every open stream's connection mid-way; returns how many were open. */
  dropAll(): number {
    const n = this.open.size;
    for (const s of [...this.open]) s.drop();
    return n;
  }

  /** Ends every open stream with SessionStreamingException ("an unknown error occurs on the server side"). */
  failAll(message = 'An unknown error occurred while streaming the Live Tail session.'): number {
    const n = this.open.size;
    for (const s of [...this.open]) s.fail('SessionStreamingException', message);
    return n;
  }

  closeAll(): void {
    this.dropAll();
  }
}

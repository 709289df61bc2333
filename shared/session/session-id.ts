import { EARLIEST_SESSION_START_MS, FLAKE_EPOCH_MS, FLAKE_TIME_SHIFT, FUTURE_TOLERANCE_MS, MAX_ID_DIGITS, MAX_UINT64 } from './limits';
import { accept, hints, refuse, type Parsed } from './parse-result';

export interface CheckedSessionId {
  /** Canonical decimal: no leading zeros. */
  sessionId: string;
  start: number;
}

/** Server time at the session start, from the flake layout (docs/architecture.md). */
export function sessionStartMs(id: bigint): number {
  return Number(id >> FLAKE_TIME_SHIFT) + FLAKE_EPOCH_MS;
}

/** Checks a decoded ID: uint64, and a start between OpenReplay's first sessions and (about) now. */
export function checkSessionIdValue(id: bigint, now: number, label = 'session ID'): Parsed<CheckedSessionId> {
  if (id < 0n || id > MAX_UINT64) {
    return refuse(`${label} is larger than 2^64−1 (${MAX_UINT64})`, hints.sessionId);
  }
  const start = sessionStartMs(id);
  if (start < EARLIEST_SESSION_START_MS) {
    return refuse(`${label} ${id} would start on ${iso(start)}, before OpenReplay sessions existed (2019-02-20)`, hints.sessionId);
  }
  if (start > now + FUTURE_TOLERANCE_MS) {
    return refuse(`${label} ${id} would start on ${iso(start)}, in the future`, `${hints.sessionId} Check the computer's clock too.`);
  }
  return accept({ sessionId: id.toString(), start });
}

export function parseSessionId(text: string, now: number): Parsed<CheckedSessionId> {
  if (text.length === 0) return refuse('session ID is empty', hints.sessionId);
  if (!/^[0-9]+$/.test(text)) return refuse('session ID must be digits only', hints.sessionId);
  if (text.length > MAX_ID_DIGITS) {
    return refuse(`session ID has ${text.length} digits, at most ${MAX_ID_DIGITS} allowed`, hints.sessionId);
  }
  return checkSessionIdValue(BigInt(text), now);
}

export function iso(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
}

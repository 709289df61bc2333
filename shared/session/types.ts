export type ReferenceKind = 'token' | 'session-id' | 'replay-url' | 'deep-link';

/** Everything known about one session from what the user gave; all times are epoch ms. */
export interface SessionReference {
  kind: ReferenceKind;
  /** Canonical decimal (uint64 does not fit a JS number). */
  sessionId: string;
  /** The full token when known. */
  token?: string;
  tokenFormat?: 3 | 4;
  /** From the flake ID: (id >> 24) + 1550000000000. */
  start: number;
  /** Token expiry when known, else start + 2 h. */
  end: number;
  expiresAt?: number;
  /** 4-part tokens only; may be negative. */
  delay?: number;
  /** Canonical replay page (no query) from a replay URL or a deep link's replay=/url=. */
  replayUrl?: string;
  projectId?: string;
  /** Ms since the session start (an absolute epoch jumpto is made relative). */
  jumpToMs?: number;
  /** Deep-link overrides. */
  from?: number;
  to?: number;
  connection?: string;
}

export type ParseResult =
  { ok: true; value: SessionReference } | { ok: false; error: { code: 'INVALID_REFERENCE'; message: string; hint: string } };

export interface ParseOptions {
  /** Epoch ms used to refuse sessions "starting" in the future; defaults to the clock. */
  now?: number;
}

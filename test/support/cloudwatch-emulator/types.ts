/** Public types of the CloudWatch Logs emulator (the contract other tests code against). */

export interface EmulatorCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** Operation names (e.g. 'StartQuery') this key is refused with AccessDeniedException. */
  deny?: string[];
}

export interface QueryOutcomeFault {
  status: 'Failed' | 'Timeout' | 'Cancelled';
  /** How many queries this applies to; default 1 without `match`, unlimited with `match`. */
  count?: number;
  /** Only queries whose text contains this substring. */
  match?: string;
}

export interface FaultOptions {
  seed?: number;
  /** Per-operation probability 0..1 (`'*'` applies to every operation). */
  throttle?: Partial<Record<string, number>>;
  unavailable?: Partial<Record<string, number>>;
  drop?: Partial<Record<string, number>>;
  extraLatencyMs?: number;
  /** Force the final status of the next N queries started (or of queries whose text matches). */
  queryOutcome?: QueryOutcomeFault[];
  /** The next N StartQuery calls → LimitExceededException. */
  limitExceeded?: { count: number };
}

export interface QueryLatency {
  baseMs: number;
  bytesPerSecond: number;
}

export interface EmulatorOptions {
  /** Default 127.0.0.1; non-loopback hosts are refused. */
  host?: string;
  /** Default 0 (ephemeral). */
  port?: number;
  /** Default '123456789012'. */
  accountId?: string;
  /** Default [{ accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: 'emulator-secret' }]. */
  credentials?: EmulatorCredential[];
  queryLatency?: Partial<QueryLatency>;
  /** Default 100. */
  maxConcurrentQueries?: number;
  faults?: FaultOptions;
  liveTail?: {
    /** Concurrent Live Tail sessions before LimitExceededException (default 15). */
    maxSessions?: number;
    /** Between sessionUpdate frames (default 1,000 ms, as the service sends them). */
    updateIntervalMs?: number;
  };
}

export interface PutEvent {
  timestamp: number;
  message: string;
}

export interface QueryMetric {
  queryId: string;
  queryString: string;
  logGroups: string[];
  startTime: number;
  endTime: number;
  /** StartQuery's `limit` (10,000 when absent). */
  limit: number;
  bytesScanned: number;
  recordsMatched: number;
  /** Emulator-clock epoch ms of StartQuery. */
  startedAt: number;
  /** Run time the latency model gave it: baseMs + bytesScanned / bytesPerSecond. */
  runMs: number;
  status: string;
}

export interface EmulatorMetrics {
  operations: Record<string, number>;
  queriesStarted: number;
  queries: QueryMetric[];
}

export interface RunningEmulator {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Creates group/stream as needed; no AWS batch limits. */
  putEvents(logGroup: string, logStream: string, events: PutEvent[]): void;
  /** Loads an NDJSON seed file; returns the number of events loaded. */
  loadNdjson(path: string): Promise<number>;
  /** Loads generated traffic and returns its ground truth. */
  generate(options: GenerateOptions): EmulatorManifest;
  setFaults(faults: FaultOptions): void;
  /** Open StartLiveTail streams, and faults injected into them. */
  readonly liveTail: LiveTailControl;
  /**
   * The service's clock (query lifecycle, the 60-minute query timeout, the 1-hour page-token
   * expiry). It follows the wall clock until a test pauses or advances it.
   */
  readonly clock: EmulatorClockControl;
  /** Mutable: read when each query starts. */
  queryLatency: QueryLatency;
  readonly metrics: EmulatorMetrics;
}

export interface LiveTailSessionMetric {
  sessionId: string;
  logGroupIdentifiers: string[];
  logEventFilterPattern: string | undefined;
  /** Emulator-clock epoch ms. */
  startedAt: number;
  updatesSent: number;
  eventsSent: number;
  sampledUpdates: number;
}

export interface LiveTailControl {
  /** The sessions open now. */
  sessions(): LiveTailSessionMetric[];
  readonly sessionsStarted: number;
  /** Breaks every open stream's connection mid-way (no frame); returns how many there were. */
  dropStreams(): number;
  /** Ends every open stream with a SessionStreamingException frame; returns how many there were. */
  failStreams(message?: string): number;
}

export interface EmulatorClockControl {
  /** Epoch ms as the emulator sees it. */
  now(): number;
  advance(ms: number): void;
  pause(): void;
  resume(): void;
}

export interface GenerateOptions {
  sessions?: number;
  days?: number;
  /** Noise events per minute per log group. */
  rate?: number;
  seed?: number;
  /** Epoch ms of the first day; default a fixed date so output is deterministic. */
  start?: number;
  /** If set, one extra session with this many tagged events (for >10,000-cap tests). */
  heavySession?: number;
  /** How the heavy session's lines spread over its two hours (default 'session', see heavyLineTimes). */
  heavySpread?: HeavySpread;
}

/** 'session': densest at the session start, thinning after; 'even': evenly over the session. */
export type HeavySpread = 'session' | 'even';

export interface EmulatorManifest {
  options: GenerateOptions;
  accountId: string;
  logGroups: string[];
  timeRange: { from: number; to: number };
  totalEvents: number;
  sessions: ManifestSession[];
}

/**
 * How a service tags its lines: the documented `[openReplaySessionToken=…]` prefix, an
 * `openReplaySessionToken` JSON field, `openReplaySession.id=<id>`, `openReplaySession.id` as a
 * JSON string, number or nested object (`id-json`), or the token under another name (a logged
 * `X-OpenReplay-SessionToken` header, `sessionToken="…"`: `token-named`).
 */
export type TagStyle = 'prefix' | 'json' | 'session-id' | 'id-json' | 'token-named';

export interface ManifestSession {
  /** Decimal uint64, flake layout: start = (id >> 24) + 1550000000000. */
  sessionId: string;
  /** Absent when the session is only tagged by id. */
  token?: string;
  tokenFormat: 3 | 4 | null;
  tagStyles: TagStyle[];
  start: number;
  /** Token expiry (start + 2 h). */
  end: number;
  /** Events carrying this session's tag (ground truth for matching). */
  taggedEvents: number;
  logGroups: string[];
  heavy?: boolean;
  errors: ManifestError[];
}

export type ErrorLanguage = 'python' | 'node' | 'java' | 'go';

export type ManifestLevel = 'error' | 'warn' | 'fatal';

export interface ManifestError {
  language: ErrorLanguage;
  /** Shipper × logger × runtime of the service that logged it. */
  shape: string;
  /** The level the program logged it at (an unleveled trace, such as print_exc(), is an error). */
  level: ManifestLevel;
  type: string;
  /** The raw message as logged (with its volatile parts). */
  message: string;
  /** Same value for occurrences that must be grouped together. */
  groupKey: string;
  logGroup: string;
  logStream: string;
  /** Timestamp of the first line of the error. */
  timestamp: number;
  /** CloudWatch events the error's lines span. */
  eventCount: number;
  /** Frame lines as they appear in the trace (leading whitespace and tag prefixes removed). */
  frames: string[];
}

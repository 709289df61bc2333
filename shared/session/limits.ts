/** Bounds and constants of OpenReplay session references (facts in docs/architecture.md). */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** OpenReplay's flake IDs count milliseconds from this instant: start = (id >> 24) + epoch. */
export const FLAKE_EPOCH_MS = 1_550_000_000_000;
export const FLAKE_TIME_SHIFT = 24n;

/** No OpenReplay session started before this: a smaller ID is a typo, not a session. */
export const EARLIEST_SESSION_START_MS = Date.UTC(2019, 1, 20);
/** Clocks disagree; a session "starting" more than this after now is not a real one. */
export const FUTURE_TOLERANCE_MS = DAY_MS;

/** OpenReplay's default maximum session duration: the end when only the ID is known. */
export const DEFAULT_SESSION_DURATION_MS = 2 * HOUR_MS;
/**
 * Longest span accepted between a session's start and its token expiry or a jump target.
 * A larger one would turn into a huge (costly) query window, so it is refused instead.
 */
export const MAX_SESSION_SPAN_MS = 7 * DAY_MS;
/** The recorded start can be up to 5 min before the flake start (docs/architecture.md): absolute jumps inside it are start. */
export const START_SLACK_MS = 10 * MINUTE_MS;

/**
 * A window from a link or typed by hand must lie within this much of the session's span, and be
 * at most MAX_WINDOW_MS long: cost is bytes scanned, so a link must not be able to buy years.
 */
export const WINDOW_SLACK_MS = DAY_MS;
export const MAX_WINDOW_MS = 7 * DAY_MS;

export const DEFAULT_MARGIN_MS = 5 * MINUTE_MS;
export const MAX_MARGIN_MS = DAY_MS;

export const MAX_UINT64 = (1n << 64n) - 1n;
export const MAX_INT64 = (1n << 63n) - 1n;
export const MAX_ID_DIGITS = 20;
/** base36(2^64 − 1) = "3w5e11264sgsf": 13 characters. */
export const MAX_BASE36_DIGITS = 13;
/** HMAC-SHA256 in base58 is 44 characters at most; leave room for other signers. */
export const MAX_SIGNATURE_LENGTH = 100;
export const MAX_TOKEN_LENGTH = 200;
export const MAX_URL_LENGTH = 2048;
/** Whole pasted input, before any parsing: nothing legitimate is longer. */
export const MAX_INPUT_LENGTH = 4096;
export const MAX_CONNECTION_LENGTH = 100;

/** Deep-link from/to must fall in this range (epoch ms). */
export const EARLIEST_TIME_MS = Date.UTC(2019, 0, 1);
export const LATEST_TIME_MS = Date.UTC(2100, 0, 1);

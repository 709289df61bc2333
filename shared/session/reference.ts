/** Session references: parse what the user has in hand, derive the window, links back out. */
export type { ParseOptions, ParseResult, ReferenceKind, SessionReference } from './types';
export { parseSessionReference } from './parse-reference';
export { parseDeepLink } from './deep-link';
export { deriveTimeWindow, type WindowOptions } from './time-window';
export { buildReplayUrl } from './replay-url';
export { buildDeepLink } from './deep-link-build';
export { sessionStartMs } from './session-id';
export { DEFAULT_MARGIN_MS, DEFAULT_SESSION_DURATION_MS } from './limits';
export { WINDOW_HINT, WINDOW_RULE, extendsBeyondSession, windowProblem, type SessionSpan } from './window-bound';

import { MAX_WINDOW_MS, WINDOW_SLACK_MS } from './limits';
import { iso } from './session-id';

/** The part of a reference a window is judged against: the session's own span (epoch ms). */
export interface SessionSpan {
  start: number;
  end: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Whole days as they are; otherwise one decimal, rounded up so a window just over a limit never reads as the limit. */
const days = (ms: number) =>
  (ms % DAY_MS === 0 ? ms / DAY_MS : Math.ceil((ms / DAY_MS) * 10) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 });
const plural = (ms: number) => `${days(ms)} ${ms === DAY_MS ? 'day' : 'days'}`;

/** The rule in words, for hints, help texts and the CLI's cap line. */
export const WINDOW_RULE = `a time window must lie within ${plural(WINDOW_SLACK_MS)} of the session (start to end) and be at most ${plural(MAX_WINDOW_MS)} long`;

export const WINDOW_HINT = `Insights bills every byte of the chosen log groups inside the window, so ${WINDOW_RULE}. Open the session without from/to, or give a narrower window.`;

/**
 * Why a window is refused, or undefined when it is fine. Links come from any web page and typed
 * windows from a slip of the keyboard: either could otherwise buy a scan of years of logs. The
 * one rule, used by the link parser, the window derivation (IPC and CLI) and the scan preview.
 * `from`/`to` may be given alone (a link with only one of them); the length is checked when both are.
 */
export function windowProblem(span: SessionSpan, window: { from?: number; to?: number }): string | undefined {
  const earliest = span.start - WINDOW_SLACK_MS;
  const latest = span.end + WINDOW_SLACK_MS;
  for (const name of ['from', 'to'] as const) {
    const value = window[name];
    if (value === undefined) continue;
    if (value < earliest) {
      return `${name} (${iso(value)}) is more than ${plural(WINDOW_SLACK_MS)} before the session start (${iso(span.start)})`;
    }
    if (value > latest) {
      return `${name} (${iso(value)}) is more than ${plural(WINDOW_SLACK_MS)} after the session end (${iso(span.end)})`;
    }
  }
  const { from, to } = window;
  if (from !== undefined && to !== undefined && to - from > MAX_WINDOW_MS) {
    return `the time window is ${plural(to - from)} long; at most ${plural(MAX_WINDOW_MS)} are allowed`;
  }
  return undefined;
}

/**
 * True when a window reaches outside `[start − margin, end + margin]`, the one the session alone
 * gives: the CLI then wants the user's own --from/--to rather than a link's.
 */
export function extendsBeyondSession(span: SessionSpan, window: { from?: number; to?: number }, marginMs: number): boolean {
  return (window.from !== undefined && window.from < span.start - marginMs) || (window.to !== undefined && window.to > span.end + marginMs);
}

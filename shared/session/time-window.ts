import { AppError } from '../errors';
import { DEFAULT_MARGIN_MS, MAX_MARGIN_MS } from './limits';
import type { SessionReference } from './types';
import { WINDOW_HINT, windowProblem } from './window-bound';

export interface WindowOptions {
  /** Added before the start and after the end; default 5 min. */
  marginMs?: number;
  now: number;
  /** Per-run overrides; they win over a deep link's from/to. */
  from?: number;
  to?: number;
}

function bad(message: string, hint = 'Give a time window whose start is before its end and not in the future.'): never {
  throw new AppError('INVALID_INPUT', message, hint);
}

function finite(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) bad(`${name} is not a finite number`);
  return value;
}

/**
 * The query window, `[start − margin, end + margin]` clipped to now: the main cost lever, since
 * Insights bills every byte of the chosen groups inside it. There is deliberately no "last N days".
 * A window with an explicit bound (a link's or the user's from/to) must also pass the window rule
 * (window-bound.ts); the derived one is already bounded by the session span the parser accepts.
 */
export function deriveTimeWindow(ref: SessionReference, options: WindowOptions): { from: number; to: number } {
  const now = finite('now', options.now);
  const margin = finite('margin', options.marginMs ?? DEFAULT_MARGIN_MS);
  if (margin < 0 || margin > MAX_MARGIN_MS) bad('margin must be between 0 and 24 hours');
  const from = finite('from', options.from ?? ref.from ?? finite('session start', ref.start) - margin);
  const wantedTo = finite('to', options.to ?? ref.to ?? finite('session end', ref.end) + margin);
  if (from >= wantedTo) bad('from must be before to');
  const explicit = [options.from, options.to, ref.from, ref.to].some((value) => value !== undefined);
  const outside = explicit ? windowProblem(ref, { from, to: wantedTo }) : undefined;
  if (outside !== undefined) bad(outside, WINDOW_HINT);
  const to = Math.min(wantedTo, now);
  if (from >= to) bad(`the time window starts after now (${new Date(from).toISOString()})`);
  return { from, to };
}

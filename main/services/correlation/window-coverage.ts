import type { Connection } from '../../../shared/domain/connection';
import type { RunFailure, TimeWindow } from '../../../shared/domain/correlation';
import { AppError } from '../../../shared/errors';
import { uncoveredWindows } from '../cache/covered-windows';

/** Merges overlapping or touching ranges (inclusive ms), sorted by start. */
export function unionOf(ranges: readonly TimeWindow[]): TimeWindow[] {
  const sorted = ranges.filter((r) => r.to >= r.from).sort((a, b) => a.from - b.from);
  const merged: TimeWindow[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}

/** The parts of `window` no range of `covered` reaches. */
export function missingFrom(window: TimeWindow, covered: readonly TimeWindow[]): TimeWindow[] {
  return uncoveredWindows(
    window,
    covered.map((range) => ({ ...range, complete: true })),
  );
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Exact to the millisecond: what a run does cover. */
export function formatRange(range: TimeWindow): string {
  return `${iso(range.from)}–${iso(range.to)}`;
}

/** Whole seconds, widened outwards (a gap that starts 1 ms after a second reads as that second). */
export function formatRanges(ranges: readonly TimeWindow[]): string {
  return ranges.map((r) => formatRange({ from: Math.floor(r.from / 1000) * 1000, to: Math.ceil(r.to / 1000) * 1000 })).join(', ');
}

/** A failure that applies to every connection of the run: one per connection, each with its log groups. */
export function everyConnection(connections: readonly Connection[], error: AppError): RunFailure[] {
  return connections.map((c) => connectionFailure(c, error));
}

/** One connection's failure: the connection named, with all of its log groups. */
export function connectionFailure(connection: Connection, error: AppError): RunFailure {
  return {
    connectionId: connection.id,
    connection: connection.name,
    logGroups: [...connection.logGroups],
    code: error.code,
    message: error.message,
    hint: error.hint,
  };
}

export function stoppedAtBudget(budget: number, covered: TimeWindow): AppError {
  return new AppError(
    'RESULTS_TRUNCATED',
    `The run stopped at its budget of ${budget.toLocaleString('en-US')} events: it covers ${formatRange(covered)}; the lines after that are missing`,
    'Narrow the time window (from/to) to the part you need, or raise "Events per run" in the settings.',
  );
}

export function cancelledPartly(missing: readonly TimeWindow[]): AppError {
  return new AppError(
    'CANCELLED',
    `Cancelled before all of the window was searched: ${formatRanges(missing)} is missing`,
    'Refresh the session to search the rest: only the missing part is queried.',
  );
}

import type { Captured, Line } from '../capture';

/** One CloudWatch Logs event as a shipper would put it, with where it came from. */
export interface ShippedEvent {
  logGroup: string;
  logStream: string;
  timestamp: number;
  message: string;
  /** The log calls (`n.k`) whose output is in it. */
  calls: string[];
  /** The program's own text in it, before any envelope (for the ground truth). */
  raw: string;
}

export interface ShipContext {
  /** Short name of the program run, used in group and stream names. */
  service: string;
  /** When the log call `n.k` happened (epoch ms); lines of one call follow 1 ms apart. */
  timeOf(call: string | undefined, offset: number): number;
  /** A stable pseudo-random hex string for IDs (container, task, pod). */
  hex(label: string, length: number): string;
}

export interface Shipper {
  /** Name in the shape table. */
  name: string;
  ship(captured: Captured, context: ShipContext): ShippedEvent[];
}

export interface StreamLine extends Line {
  stream: 'stdout' | 'stderr';
  timestamp: number;
}

/**
 * stdout and stderr lines in time order, each with its time: a container runtime reads both
 * pipes and stamps each line as it arrives.
 */
export function timedLines(captured: Captured, context: ShipContext): StreamLine[] {
  const stamped: StreamLine[] = [];
  for (const stream of ['stdout', 'stderr'] as const) {
    const offsets = new Map<string, number>();
    for (const line of captured[stream]) {
      const call = line.calls[0];
      const offset = offsets.get(call ?? '') ?? 0;
      offsets.set(call ?? '', offset + 1);
      stamped.push({ ...line, stream, timestamp: context.timeOf(call, offset + (stream === 'stderr' ? 0.5 : 0)) });
    }
  }
  return stamped.sort((a, b) => a.timestamp - b.timestamp).map((line) => ({ ...line, timestamp: Math.floor(line.timestamp) }));
}

export function event(logGroup: string, logStream: string, timestamp: number, message: string, lines: readonly Line[]): ShippedEvent {
  return {
    logGroup,
    logStream,
    timestamp,
    message,
    calls: [...new Set(lines.flatMap((l) => l.calls))],
    raw: lines.map((l) => l.text).join('\n'),
  };
}

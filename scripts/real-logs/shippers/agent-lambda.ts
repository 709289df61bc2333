/**
 * The CloudWatch agent tailing a log file, and AWS Lambda's log capture. Simulations for the
 * corpus (shipper simulations), following what each is documented (and coded) to do:
 * - the agent starts a new event at each line matching multi_line_start_pattern, which defaults
 *   to `^[\S]` (amazon-cloudwatch-agent, plugins/inputs/logfile/fileconfig.go): lines that start
 *   with a space or tab join the event before them, any other line starts one;
 * - Lambda turns each telemetry frame into one event and every stdout line into one event, and
 *   adds its own START / END / REPORT lines (text) or platform records (JSON log format).
 */
import { lambdaEndLines, lambdaStartLine } from '../../../test/support/shippers/records';
import type { Captured, Line } from '../capture';
import { event, timedLines, type ShippedEvent, type Shipper } from './types';

export const cloudWatchAgent: Shipper = {
  name: 'CloudWatch agent (file)',
  ship(captured, context) {
    const events: ShippedEvent[] = [];
    let group: { lines: Line[]; timestamp: number } | undefined;
    const flush = () => {
      if (group !== undefined)
        events.push(
          event(
            `/ec2/${context.service}`,
            `i-${context.hex('instance', 17)}/var/log/${context.service}.log`,
            group.timestamp,
            group.lines.map((l) => l.text).join('\n'),
            group.lines,
          ),
        );
      group = undefined;
    };
    // One file gets both streams, in the order they were written.
    for (const line of timedLines(captured, context)) {
      if (line.text === '') continue;
      if (/^\S/.test(line.text) || group === undefined) {
        flush();
        group = { lines: [line], timestamp: line.timestamp };
      } else group.lines.push(line);
    }
    flush();
    return events;
  },
};

interface LambdaOptions {
  json: boolean;
  /** request number → the request ID the runtime simulation used */
  requestIds: Map<number, string>;
}

export function lambda(name: string, options: LambdaOptions): Shipper {
  return {
    name,
    ship(captured: Captured, context) {
      const group = `/aws/lambda/${context.service}`;
      const stream = `${new Date(context.timeOf('1.1', 0)).toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${context.hex('instance', 32)}`;
      const logs: ShippedEvent[] = [];
      const frameOffsets = new Map<string, number>();
      for (const frame of captured.frames) {
        const offset = frameOffsets.get(frame.call ?? '') ?? 0;
        frameOffsets.set(frame.call ?? '', offset + 1);
        const line = { text: frame.message.replace(/\n$/, ''), calls: frame.call === undefined ? [] : [frame.call] };
        logs.push({ ...event(group, stream, Math.floor(context.timeOf(frame.call, offset)), frame.message, [line]) });
      }
      for (const line of timedLines(captured, context)) {
        if (line.text !== '') logs.push(event(group, stream, line.timestamp, line.text, [line]));
      }
      const platform: ShippedEvent[] = [];
      for (const [n, requestId] of options.requestIds) {
        const first = Math.floor(context.timeOf(`${n}.1`, -1));
        const last = Math.max(first + 1, ...logs.filter((e) => e.calls.some((c) => c.startsWith(`${n}.`))).map((e) => e.timestamp + 1));
        const ms = (last - first + 0.37).toFixed(2);
        const lines = options.json
          ? [
              [first, { time: new Date(first).toISOString(), type: 'platform.start', record: { requestId, version: '$LATEST' } }],
              [
                last,
                {
                  time: new Date(last).toISOString(),
                  type: 'platform.report',
                  record: {
                    requestId,
                    metrics: { durationMs: Number(ms), billedDurationMs: Math.ceil(Number(ms)), memorySizeMB: 128, maxMemoryUsedMB: 71 },
                    status: 'success',
                  },
                },
              ],
            ].map(([t, r]) => [t as number, JSON.stringify(r)] as const)
          : [[first, lambdaStartLine(requestId)] as const, ...lambdaEndLines(requestId, Number(ms)).map((line) => [last, line] as const)];
        for (const [t, message] of lines) platform.push(event(group, stream, t, message, []));
      }
      return [...platform, ...logs].sort((a, b) => a.timestamp - b.timestamp);
    },
  };
}

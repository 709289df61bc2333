import { describe, expect, it } from 'vitest';
import { describeMessage } from '../../../main/services/correlation/log-shapes/describe-event';
import { readRecord } from '../../../main/services/correlation/log-shapes/read-record';
import { callMessage, eventOfCall, partsOf, processShape, truthOf } from './corpus-lines';

// Stack traces as each runtime prints them, split one event per line (the awslogs driver), in
// multi-line events (the CloudWatch agent's default `^[\S]` start pattern) or whole, read back to
// what the program recorded of the exception it raised.
describe.each([
  ['Python: a KeyError with caret lines, tagged line by line (OpenReplay monkeypatch)', 'ECS awslogs', 'py-monkeypatch:5.2'],
  ['Python: "The above exception was the direct cause"', 'ECS awslogs', 'py-logging:6.2'],
  ['Python: "During handling of the above exception"', 'ECS awslogs', 'py-logging:7.2'],
  ['Python: an ExceptionGroup and its `| ` blocks', 'ECS awslogs', 'py-logging:8.2'],
  ['Python: a warning logged with its traceback', 'CloudWatch agent (file)', 'py-logging:5.2'],
  ['Node.js: `[cause]` and the error’s own properties', 'ECS awslogs', 'node-console:6.2'],
  ['Node.js: an AggregateError’s `[errors]`, its tag on the last line', 'ECS awslogs', 'node-console:7.2'],
  ['JVM: logback, `Caused by:`, `Suppressed:`, `... N common frames omitted`', 'ECS awslogs', 'java-logback:6.2'],
  ['JVM: printStackTrace behind a message', 'CloudWatch agent (file)', 'java-plain:6.2'],
  ['Go: a recovered panic printed with debug.Stack()', 'ECS awslogs', 'go-panic:7.2'],
  ['Go: an unrecovered panic and its goroutine dump', 'CloudWatch agent (file)', 'go-panic:8.1'],
])('%s', (_name, shipper, call) => {
  const events = processShape(shipper, call.split(':')[0]!);
  const event = eventOfCall(events, shipper, call);
  const truth = truthOf(call);

  it('is one event, at the level the program logged it', () => {
    const level = ({ 'py-logging:5.2': 'warn', 'go-panic:8.1': 'fatal' } as Record<string, string>)[call] ?? 'error';
    expect(event.level).toBe(level);
  });

  it('gives the innermost application frame and the causes the program recorded', () => {
    const got = partsOf(event.exception);
    expect(got.innermost).toBe(truth.innermost);
    if (truth.causes.length > 0) expect(truth.causesPrinted).toBe(true);
    expect(got.causes).toEqual(truth.causes);
  });

  it('names the exception as printed', () => {
    const got = partsOf(event.exception);
    if (call.startsWith('go-')) {
      // Go prints a panic's value, not its type (`runtime.boundsError`, `string`): the exception is the panic.
      expect(event.message).not.toContain(truth.type);
      expect(got.type).toBe('panic');
    } else {
      expect(got.type).toBe(truth.type);
    }
  });
});

describe('Go panic texts', () => {
  it('`http: panic serving <addr>: <value>` behind the log package date', () => {
    const message = callMessage('ECS awslogs', 'go-panic:5.2');
    expect(readRecord(message).level).toBe('error');
    expect(describeMessage(message, 'error').parts.exception).toMatchObject({
      type: 'panic',
      message: expect.stringContaining('runtime error: index out of range [4] with length 2'),
    });
  });
});

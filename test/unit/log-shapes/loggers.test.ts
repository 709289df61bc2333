import { describe, expect, it } from 'vitest';
import { describeMessage } from '../../../main/services/correlation/log-shapes/describe-event';
import { readRecord } from '../../../main/services/correlation/log-shapes/read-record';
import { callMessage, partsOf, truthOf } from './corpus-lines';

const exceptionOf = (message: string) => describeMessage(message, readRecord(message).level).parts.exception;

// Each structured logger's error object, as the logger printed it and a shipper shipped it,
// read back to what the program recorded of the exception it logged.
describe.each([
  ['pino `err` (type, message, stack)', 'ECS FireLens', 'node-pino:5.2'],
  ['pino `err.stack` with `caused by:`', 'ECS FireLens', 'node-pino:6.2'],
  ['pino `aggregateErrors`', 'Fluent Bit (EKS, Merge_Log)', 'node-pino:7.2'],
  ['winston `stack`', 'ECS FireLens', 'node-winston:5.2'],
  ['bunyan `err`', 'ECS awslogs', 'node-bunyan:5.2'],
  ['structlog `exception` (a formatted traceback)', 'Fluent Bit (EKS)', 'py-structlog:6.2'],
  ['structlog `exception` (an exception group)', 'ECS FireLens', 'py-structlog:8.2'],
  ['structlog dict_tracebacks (a chain)', 'Fluent Bit (EKS, Merge_Log)', 'py-structlog-dict:7.2'],
  ['python-json-logger `exc_info`', 'ECS FireLens', 'py-json-logger:7.2'],
  ['logstash-logback-encoder `stack_trace`', 'ECS FireLens', 'java-logstash:6.2'],
  ['log4j2 JsonLayout `thrown` (cause, suppressed)', 'ECS awslogs', 'java-log4j2:6.2'],
])('%s', (_name, shipper, call) => {
  it('gives the type, the innermost application frame and the causes the program recorded', () => {
    const exception = exceptionOf(callMessage(shipper, call));
    const truth = truthOf(call);
    const got = partsOf(exception);
    expect(got.type).toBe(truth.type);
    expect(got.innermost).toBe(truth.innermost);
    expect(got.causes).toEqual(truth.causes);
  });
});

describe("Go's loggers: the error as its text, the stack as zap prints it", () => {
  it('zap: `error` and `stacktrace` (function, then its file line)', () => {
    const exception = exceptionOf(callMessage('Fluent Bit (EKS, Merge_Log)', 'go-zap:5.2'));
    expect(exception).toMatchObject({ type: 'error', message: 'profile handler: load user 7: open /data/users.db: record not found' });
    expect(partsOf(exception).innermost).toBe(truthOf('go-zap:5.2').innermost);
    expect(exception?.frames.map((f) => f.app)).toEqual([true, false]);
  });

  it('slog: `err` beside `msg` and `level`', () => {
    const message = callMessage('ECS FireLens', 'go-slog:5.2');
    expect(readRecord(message).level).toBe('error');
    expect(exceptionOf(message)).toMatchObject({
      type: 'error',
      message: 'profile handler: load user 9: open /data/users.db: record not found',
      frames: [],
    });
  });
});

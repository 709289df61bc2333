import { describe, expect, it } from 'vitest';
import { describeMessage } from '../../../main/services/correlation/log-shapes/describe-event';
import { readRecord } from '../../../main/services/correlation/log-shapes/read-record';
import { eventSummary } from '../../../shared/domain/correlation';
import { callMessage } from './corpus-lines';

describe('shipper envelopes, opened to the line the program printed', () => {
  it('Fluent Bit on EKS (Container Insights): the escaped JSON line inside `log`, the pod as fields, the level the record states', () => {
    const message = callMessage('Fluent Bit (EKS)', 'py-structlog:5.2');
    const read = readRecord(message);
    expect(read.record).toMatchObject({ event: 'stock update failed', level: 'error' });
    expect(read.fields).toMatchObject({
      pod: expect.stringMatching(/^py-structlog-/),
      namespace: 'shop',
      container: 'py-structlog',
      host: expect.stringContaining('compute.internal'),
      stream: 'stdout',
    });
    expect(read.level).toBe('error');
    expect(read.jsonAt).toBe(0);
  });

  it('Fluent Bit with Merge_Log: the record as the shipper parsed it, under log_processed', () => {
    const message = callMessage('Fluent Bit (EKS, Merge_Log)', 'node-pino:5.2');
    const read = readRecord(message);
    expect(read.record).toMatchObject({ level: 50, msg: 'checkout failed', err: { type: 'TypeError' } });
    expect(read.level).toBe('error');
    expect(read.fields).toMatchObject({ pod: expect.stringMatching(/^node-pino-/), container: 'node-pino' });
  });

  it("the level is the innermost record's, never the envelope's stderr", () => {
    const zap = readRecord(callMessage('Fluent Bit (EKS, Merge_Log)', 'go-zap:1.1'));
    expect(zap.fields?.stream).toBe('stderr');
    expect(zap.level).toBe('info');
  });

  it('ECS FireLens: container, task, cluster and task definition as fields', () => {
    const read = readRecord(callMessage('ECS FireLens', 'py-json-logger:5.2'));
    expect(read.fields).toMatchObject({
      container: 'py-json-logger',
      containerId: expect.any(String),
      cluster: 'shop-prod',
      taskDefinition: 'py-json-logger:17',
      stream: 'stdout',
    });
    expect(read.fields?.task).toMatch(/^[0-9a-f]{32}$/);
    expect(read.record).toMatchObject({ levelname: 'ERROR', message: 'invoice failed' });
  });

  it('Docker json-file (read by the CloudWatch agent): the line without the newline the driver kept', () => {
    const message = callMessage('Docker json-file (CloudWatch agent)', 'node-winston:5.2');
    const read = readRecord(message);
    expect(read.fields).toEqual({ stream: 'stderr' });
    expect(read.body.endsWith('}')).toBe(true);
    const { parts } = describeMessage(message, read.level);
    expect(parts.exception).toMatchObject({ type: 'TypeError', message: "Cannot read properties of undefined (reading 'items')" });
    expect(eventSummary({ message, ...parts })).toBe("TypeError: Cannot read properties of undefined (reading 'items')");
  });

  it('several envelopes of one trace joined by newlines: their lines, joined', () => {
    const lines = ['Traceback (most recent call last):', '  File "/app/x.py", line 3, in f', "KeyError: 'k'"];
    const joined = lines
      .map((log) => JSON.stringify({ log: `${log}\n`, stream: 'stderr', time: '2026-12-01T20:04:17.578039595Z' }))
      .join('\n');
    expect(readRecord(joined)).toMatchObject({ body: lines.join('\n'), fields: { stream: 'stderr' }, level: 'error' });
  });

  it("a program's own JSON with a `log` field is no envelope", () => {
    expect(readRecord('{"log":"audit","level":"info","msg":"user signed in"}').record).toEqual({
      log: 'audit',
      level: 'info',
      msg: 'user signed in',
    });
  });
});

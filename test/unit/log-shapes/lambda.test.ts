import { describe, expect, it } from 'vitest';
import { describeMessage } from '../../../main/services/correlation/log-shapes/describe-event';
import { readRecord } from '../../../main/services/correlation/log-shapes/read-record';
import { eventSummary } from '../../../shared/domain/correlation';
import { callEvents, callMessage } from './corpus-lines';

const parts = (message: string) => {
  const read = readRecord(message);
  return { read, ...describeMessage(message, read.level).parts };
};
const shown = (message: string) => eventSummary({ message, ...describeMessage(message, readRecord(message).level).parts });

describe('AWS Lambda, Node.js runtime', () => {
  it('text format: the request ID as a field, the level from its column, the message behind it', () => {
    const message = callMessage('Lambda', 'lambda-node-text:1.1');
    const { read } = parts(message);
    expect(read.level).toBe('info');
    expect(read.fields).toEqual({ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(shown(message)).toBe('checkout started { cart: 1 }');
  });

  it('console.error("checkout failed:", err): the whole error in one event, behind the text', () => {
    const { read, exception } = parts(callMessage('Lambda', 'lambda-node-text:5.2'));
    expect(read.level).toBe('error');
    expect(exception).toMatchObject({ type: 'TypeError', message: "Cannot read properties of undefined (reading 'items')" });
    expect(exception?.frames[0]).toMatchObject({ function: 'readCart', line: 14, column: 22, app: true });
  });

  it('an AggregateError and its `[errors]` members', () => {
    const { exception } = parts(callMessage('Lambda', 'lambda-node-text:7.2'));
    expect(exception?.type).toBe('AggregateError');
    expect(exception?.causes?.map((c) => [c.relation, c.type, c.frames[0]?.function])).toEqual([
      ['member', 'RangeError', 'checkItem'],
      ['member', 'TypeError', 'checkItem'],
    ]);
  });

  it('the runtime reporting an uncaught error: `Invoke Error \\t{"errorType", "errorMessage", "stack": [...]}`', () => {
    const message = callMessage('Lambda', 'lambda-node-text:6.3');
    const { exception } = parts(message);
    expect(exception).toMatchObject({ type: 'Error', message: expect.stringContaining('checkout failed') });
    expect(exception?.frames[0]?.function).toBe('handler');
    expect(shown(message)).toBe('Error: checkout failed');
  });

  it('JSON format: the level and request ID of the record, an Error logged alone as its message object', () => {
    const message = callMessage('Lambda', 'lambda-node-json:6.3');
    const { read, exception } = parts(message);
    expect(read.fields).toEqual({ requestId: expect.any(String) });
    expect(exception).toMatchObject({ type: 'Error', frames: [{ function: 'handler' }, { function: 'main' }] });
  });

  it('JSON format: `message` printed by util.format keeps the members `stackTrace` leaves out', () => {
    const { exception } = parts(callMessage('Lambda', 'lambda-node-json:7.2'));
    expect(exception?.type).toBe('AggregateError');
    expect(exception?.causes?.map((c) => c.type)).toEqual(['RangeError', 'TypeError']);
  });

  it('platform lines and records are info, with their request ID', () => {
    const text = callEvents('Lambda', 'lambda-node-text:1.1');
    expect(text.length).toBeGreaterThan(0);
    expect(readRecord('START RequestId: f986a3d4-506f-4c16-a86b-b9bf125d46ec Version: $LATEST')).toMatchObject({
      level: 'info',
      fields: { requestId: 'f986a3d4-506f-4c16-a86b-b9bf125d46ec' },
    });
    const report =
      'REPORT RequestId: 0f2d561b-ac93-497d-8b43-a5748df9e431\tDuration: 27.37 ms\tBilled Duration: 28 ms\tMemory Size: 128 MB\tMax Memory Used: 71 MB\t';
    expect(readRecord(report)).toMatchObject({ level: 'info', title: 'REPORT RequestId: 0f2d561b-ac93-497d-8b43-a5748df9e431' });
    const platform =
      '{"time":"2026-12-01T20:04:17.885Z","type":"platform.start","record":{"requestId":"3b357519-67ad-49bb-98b1-c0ac8d5d81ed","version":"$LATEST"}}';
    expect(readRecord(platform)).toMatchObject({ level: 'info', fields: { requestId: '3b357519-67ad-49bb-98b1-c0ac8d5d81ed' } });
    expect(shown(platform)).toBe('platform.start 3b357519-67ad-49bb-98b1-c0ac8d5d81ed');
  });
});

describe('AWS Lambda, Python runtime', () => {
  it('text format: `[LEVEL]\\tISO\\tREQUEST_ID\\tmessage`, the session tag kept out of the summary', () => {
    const message = callMessage('Lambda', 'lambda-py-text:1.1');
    expect(readRecord(message)).toMatchObject({ level: 'info', fields: { requestId: expect.any(String) } });
    expect(shown(message)).toMatch(/^checkout started/);
  });

  it('an uncaught error: `[ERROR] Type: message`, then the traceback (frames indented with no-break spaces)', () => {
    const { read, exception } = parts(callMessage('Lambda', 'lambda-py-text:5.3'));
    expect(read.level).toBe('error');
    expect(exception).toMatchObject({ type: 'CheckoutError', message: expect.stringContaining('checkout failed') });
    expect(exception?.frames[0]).toMatchObject({ function: 'handler', line: 31 });
  });

  it('the same on stdout, its lines joined by `\\r`', () => {
    const message = callMessage('Lambda', 'lambda-py-stdout:6.3');
    expect(message).toContain('\r');
    expect(parts(message).exception).toMatchObject({ type: 'CheckoutError', frames: [{ function: 'handler', line: 31 }] });
  });

  it('JSON format: errorType, errorMessage and stackTrace chunks', () => {
    const { exception } = parts(callMessage('Lambda', 'lambda-py-json:6.3'));
    expect(exception).toMatchObject({ type: 'PaymentError', message: 'charge o-981 failed (42 EUR)' });
    expect(exception?.frames.map((f) => f.function)).toEqual(['charge', '<lambda>', 'run', 'handler']);
  });
});

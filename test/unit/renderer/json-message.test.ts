import { describe, expect, it } from 'vitest';
import { eventSummary, jsonStack } from '../../../renderer/src/lib/json-message';

const pythonTrace = ['Traceback (most recent call last):', '  File "/var/task/handler.py", line 36, in handle', '    upload(report)', 'botocore.exceptions.ClientError: An error occurred (AccessDenied)'].join('\n');

describe('structured log lines', () => {
  it('summarise as their message and exception, not their JSON', () => {
    const json = { level: 'error', logger: 'reports', message: 'report generation failed', exc_info: pythonTrace };
    expect(eventSummary(JSON.stringify(json), json)).toBe('report generation failed — botocore.exceptions.ClientError: An error occurred (AccessDenied)');
    expect(eventSummary('{"msg":"ok"}', { msg: 'ok' })).toBe('ok');
    expect(eventSummary('{"a":1}', { a: 1 })).toBe('{"a":1}');
  });

  it('find the stack in a top-level or nested error field', () => {
    expect(jsonStack({ exc_info: pythonTrace })?.frames).toHaveLength(1);
    const nested = jsonStack({ err: { type: 'TypeError', stack: 'TypeError: x\n    at f (/app/a.js:1:2)' } });
    expect(nested).toMatchObject({ head: 'TypeError: x', frames: [{ location: '/app/a.js:1:2' }] });
    expect(jsonStack({ message: 'no trace here' })).toBeUndefined();
  });

  it('summarise text lines without the session tag', () => {
    expect(eventSummary('[openReplaySessionToken=a.b.c] GET /x 500', undefined)).toBe('GET /x 500');
  });
});

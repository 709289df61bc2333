import { describe, expect, it } from 'vitest';
import { describeMessage } from '../../../main/services/correlation/log-shapes/describe-event';
import { processRows } from '../../../main/services/correlation/processing/process-rows';
import { eventSummary, type Level } from '../../../shared/domain/correlation';

const summaryOf = (message: string, level: Level = 'info') => eventSummary({ message, ...describeMessage(message, level).parts });

const pythonTrace = [
  'Traceback (most recent call last):',
  '  File "/var/task/handler.py", line 36, in handle',
  '    upload(report)',
  'botocore.exceptions.ClientError: An error occurred (AccessDenied)',
].join('\n');

describe('event summaries', () => {
  it('a structured line: its message and its exception, not its JSON', () => {
    const json = { level: 'error', logger: 'reports', message: 'report generation failed', exc_info: pythonTrace };
    expect(summaryOf(JSON.stringify(json), 'error')).toBe(
      'report generation failed — botocore.exceptions.ClientError: An error occurred (AccessDenied)',
    );
    expect(summaryOf('{"msg":"ok"}')).toBe('ok');
    expect(summaryOf('{"a":1}')).toBe('{"a":1}');
  });

  it('a text line: its first line without the session tag', () => {
    expect(summaryOf('[openReplaySessionToken=abc.def.ghi] TypeError: x\n    at f (a.js:1:1)', 'error')).toBe('TypeError: x');
    expect(summaryOf('[openReplaySessionToken=a.b.c] GET /x 500')).toBe('GET /x 500');
    expect(summaryOf('plain line')).toBe('plain line');
  });

  it('a trace that starts on its first line: the exception it reports', () => {
    expect(summaryOf(pythonTrace, 'error')).toBe('botocore.exceptions.ClientError: An error occurred (AccessDenied)');
  });

  it('leaves nothing behind where a tag was', () => {
    expect(summaryOf('[openReplaySession.id=2618307011354435587] ERROR boom', 'error')).toBe('ERROR boom');
    expect(summaryOf('panic: openReplaySession.id=2618307011354435587: reindex orders', 'fatal')).toBe('panic: reindex orders');
    expect(summaryOf('charge failed, openReplaySession.id=2618307011354435587', 'error')).toBe('charge failed');
  });

  it('is sent as a span of the message when it is one, and not at all when it is the message', () => {
    const tagged = '[openReplaySessionToken=a.b.c] GET /x 500';
    expect(describeMessage(tagged, 'info').parts).toEqual({ summarySpan: [tagged.indexOf('GET'), tagged.length] });
    expect(describeMessage('GET /x 500', 'info').parts).toEqual({});
  });
});

describe('error titles keep nothing of a removed tag', () => {
  it.each([
    ['[openReplaySession.id=2618307011354435587] ERROR boom', 'boom'],
    ['panic: openReplaySession.id=2618307011354435587: reindex orders', 'panic: reindex orders'],
    ['ERROR charge failed, openReplaySessionToken=jw4wdfpgqhoj.3az.lrraavgc.5KJp7z9wQbUe4rXc2YtG8hNfDs', 'charge failed'],
  ])('%s', (message, title) => {
    const { groups } = processRows([{ source: { connectionId: 'c', connection: 'c', logGroups: ['/g'] }, rows: [row(message)] }], {
      sessionStart: 0,
    });
    expect(groups[0]?.title).toBe(title);
  });
});

function row(message: string) {
  return { '@timestamp': '2024-01-24 04:27:40.120', '@message': message, '@logStream': 's', '@log': '1:/g' };
}

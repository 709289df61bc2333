import { describe, expect, it } from 'vitest';
import { QueryCompileError } from '../../support/cloudwatch-emulator/insights/compile-error';
import { parseQuery } from '../../support/cloudwatch-emulator/insights/parser';

function compileError(query: string): QueryCompileError {
  try {
    parseQuery(query);
  } catch (e) {
    if (e instanceof QueryCompileError) return e;
    throw e;
  }
  throw new Error(`expected ${query} to be rejected`);
}

describe('Logs Insights parser', () => {
  it('parses the correlation query the app sends', () => {
    const q = parseQuery(`fields @timestamp, @message, @logStream, @log
| filter @message like "openReplaySessionToken=jw4wdfpgqhoj.3az.lrraavgc.SIG" or @message like /"openReplaySessionToken"\\s*:\\s*"jw4wdfpgqhoj\\.3az\\.lrraavgc\\.SIG"/ or @message like /openReplaySession\\.id=2618307011354435587([^0-9]|$)/
| sort @timestamp asc
| limit 10000`);
    expect(q.commands.map((c) => c.kind)).toEqual(['fields', 'filter', 'sort', 'limit']);
  });

  it('accepts comments, backquoted fields, keywords in any case and stats with bin()', () => {
    const q = parseQuery(
      '# errors per 5 minutes\nFILTER `level` = "error" AND NOT @message LIKE "health" # trailing\n| stats count(*) as n by bin(5m), @logStream',
    );
    expect(q.commands[1]).toMatchObject({
      kind: 'stats',
      aggregates: [{ fn: 'count', name: 'n' }],
      by: [{ binMs: 300_000, name: 'bin(5m)' }, { field: '@logStream' }],
    });
  });

  it.each([
    ['fields @message | dedup @message', 'dedup', 18],
    ['fields @message | frobnicate', 'Unknown command', 18],
    ['filter strlen(@message) > 3', 'strlen', 7],
    ['filter @message like "unterminated', 'Unterminated string', 21],
    ['filter @message like /foo(?=bar)/', 'Lookahead', 25],
    ['filter @message like /abc', 'Unterminated regular expression', 21],
    ['limit 100001', 'between 1 and 100000', 6],
    ['fields @message |', 'Expected', 17],
    ['filter @message like', 'a string or /regex/', 20],
    ['', 'empty', 0],
    ['fields a + b as c', 'Arithmetic', 9],
    ['stats percentile(x, 90)', 'percentile', 6],
  ])('rejects %j with a location', (query, message, start) => {
    const e = compileError(query);
    expect(e.message).toContain(message);
    expect(e.start).toBe(start);
    expect(e.end).toBeGreaterThan(e.start);
    const aws = e.toAwsError();
    expect(aws.type).toBe('MalformedQueryException');
    expect(aws.extra).toMatchObject({ queryCompileError: { location: { startCharOffset: start } } });
  });
});

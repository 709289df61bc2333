import { describe, expect, it } from 'vitest';
import { resultSummary } from '../../../main/services/correlation/result-summary';
import { makeCorrelationResult } from '../../support/cache-fixtures/correlation-results';

describe("orcw correlate's summary", () => {
  const { events: _events, ...base } = makeCorrelationResult({ seed: 4, events: 2 });
  const run = { ...base, eventCount: 2 };

  it('says how many rows were left out for want of a readable timestamp', () => {
    const text = resultSummary({ ...run, stats: { ...run.stats, rowsWithoutTimestamp: 3 } }, { source: 'network' });
    expect(text.split('\n')).toContain('Left out: 3 lines without a readable timestamp');
    const one = resultSummary({ ...run, stats: { ...run.stats, rowsWithoutTimestamp: 1 } }, { source: 'network' });
    expect(one.split('\n')).toContain('Left out: 1 line without a readable timestamp');
  });

  it('says nothing of it when every row had one', () => {
    expect(resultSummary(run, { source: 'network' })).not.toContain('Left out');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { parseInsightsTimestamp } from '../../../main/services/correlation/rows/insights-timestamp';

describe('parseInsightsTimestamp', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('reads the Insights format as UTC with milliseconds', () => {
    expect(parseInsightsTimestamp('2024-01-24 04:27:39.324')).toBe(Date.UTC(2024, 0, 24, 4, 27, 39, 324));
    expect(parseInsightsTimestamp('1970-01-01 00:00:00.000')).toBe(0);
    expect(parseInsightsTimestamp('2024-02-29 23:59:59.999')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
  });

  it('does not depend on the local time zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(parseInsightsTimestamp('2024-07-01 12:00:00.000')).toBe(Date.UTC(2024, 6, 1, 12));
    process.env.TZ = 'Asia/Kolkata';
    expect(parseInsightsTimestamp('2024-07-01 12:00:00.000')).toBe(Date.UTC(2024, 6, 1, 12));
  });

  it('accepts the close variants Insights-compatible tools emit', () => {
    expect(parseInsightsTimestamp('2024-01-24 04:27:39')).toBe(Date.UTC(2024, 0, 24, 4, 27, 39));
    expect(parseInsightsTimestamp('2024-01-24T04:27:39.3Z')).toBe(Date.UTC(2024, 0, 24, 4, 27, 39, 300));
    expect(parseInsightsTimestamp(' 2024-01-24 04:27:39.324 ')).toBe(Date.UTC(2024, 0, 24, 4, 27, 39, 324));
  });

  it('rejects impossible dates and other formats', () => {
    for (const bad of [
      undefined,
      '',
      '2024-02-30 00:00:00.000',
      '2023-02-29 00:00:00.000',
      '2024-13-01 00:00:00.000',
      '2024-01-01 24:00:00.000',
      '2024-01-01 00:60:00.000',
      '1706070459324',
      'Wed, 24 Jan 2024 04:27:39 GMT',
      '2024-01-24 04:27:39.324+02:00',
    ]) {
      expect(parseInsightsTimestamp(bad), String(bad)).toBeUndefined();
    }
  });
});

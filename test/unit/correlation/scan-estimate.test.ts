import { describe, expect, it } from 'vitest';
import { bytesFromLastRun, bytesFromStoredBytes, combineEstimates } from '../../../main/services/correlation/scan-estimate';

const DAY = 86_400_000;
const NOW = Date.UTC(2024, 5, 1);
const window = { from: NOW - 2 * DAY, to: NOW - 2 * DAY + DAY / 12 };

describe('scan estimates', () => {
  it('spreads storedBytes over the shorter of age and retention; expired windows scan nothing', () => {
    expect(bytesFromStoredBytes([{ name: 'a', storedBytes: 1_200_000, creationTime: NOW - 10 * DAY }], window, NOW)).toBe(10_000);
    expect(
      bytesFromStoredBytes([{ name: 'a', storedBytes: 1_200_000, creationTime: NOW - 100 * DAY, retentionInDays: 10 }], window, NOW),
    ).toBe(10_000);
    expect(
      bytesFromStoredBytes([{ name: 'a', storedBytes: 1_200_000, creationTime: NOW - 100 * DAY, retentionInDays: 1 }], window, NOW),
    ).toBe(0);
    // Created just now (events backfilled): the whole group, the safe side.
    expect(bytesFromStoredBytes([{ name: 'a', storedBytes: 5000, creationTime: NOW }], window, NOW)).toBe(5000);
  });

  it('is unknown when a group has no size or no age, and unknown stays unknown when combined', () => {
    expect(bytesFromStoredBytes([{ name: 'a', creationTime: NOW - DAY }], window, NOW)).toBeNull();
    expect(bytesFromStoredBytes([{ name: 'a', storedBytes: 10 }], window, NOW)).toBeNull();
    expect(
      combineEstimates(
        [
          { bytes: 10, costUsd: 0, basis: 'stored-bytes' },
          { bytes: null, costUsd: null, basis: 'unknown' },
        ],
        0.005,
      ),
    ).toEqual({ bytes: null, costUsd: null, basis: 'unknown' });
    expect(
      combineEstimates(
        [
          { bytes: 1e9, costUsd: 0.005, basis: 'stored-bytes' },
          { bytes: 1e9, costUsd: 0.005, basis: 'last-run' },
        ],
        0.005,
      ),
    ).toEqual({ bytes: 2e9, costUsd: 0.01, basis: 'last-run' });
  });

  it('scales the last run’s bytes to the new window', () => {
    expect(bytesFromLastRun({ bytesScanned: 1000, window: { from: 0, to: 100 } }, { from: 500, to: 750 })).toBe(2500);
    expect(bytesFromLastRun({ bytesScanned: 1000, window: { from: 5, to: 5 } }, { from: 0, to: 1 })).toBeNull();
  });
});

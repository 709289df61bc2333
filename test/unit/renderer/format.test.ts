import { describe, expect, it } from 'vitest';
import { formatBytes, formatCost, formatDuration, formatRelative, plural } from '../../../renderer/src/lib/format';

describe('format', () => {
  it('formats byte counts with binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.50 KB');
    expect(formatBytes(2.7 * 1024 ** 3)).toBe('2.70 GB');
    expect(formatBytes(-1)).toBe('—');
  });

  it('keeps tiny query costs visible instead of rounding them to zero', () => {
    expect(formatCost(0)).toBe('$0');
    expect(formatCost(0.0136)).toBe('$0.014');
    expect(formatCost(0.00002)).toBe('< $0.0001');
    expect(formatCost(12.345)).toBe('$12.35');
  });

  it('formats durations at a useful precision', () => {
    expect(formatDuration(450)).toBe('450 ms');
    expect(formatDuration(12_340)).toBe('12.3 s');
    expect(formatDuration(822_000)).toBe('13 min 42 s');
    expect(formatDuration(7_800_000)).toBe('2 h 10 min');
  });

  it('says how long ago', () => {
    const now = Date.UTC(2024, 0, 10);
    expect(formatRelative(now - 20_000, now)).toBe('just now');
    expect(formatRelative(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(formatRelative(now - 3 * 86_400_000, now)).toBe('3 d ago');
  });

  it('pluralises with thousands separators', () => {
    expect(plural(1, 'event')).toBe('1 event');
    expect(plural(12345, 'event')).toBe('12,345 events');
  });
});

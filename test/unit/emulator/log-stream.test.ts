import { describe, expect, it } from 'vitest';
import { LogStream } from '../../support/cloudwatch-emulator/store/log-stream';

describe('LogStream storage', () => {
  it('keeps insertion indexes stable and sorts lazily when events arrive out of order', () => {
    const s = new LogStream(0, 's', 0);
    s.append(300, 'c', 1);
    s.append(100, 'a', 2);
    s.append(200, 'b', 3);
    s.append(100, 'a2', 4);
    expect(Array.from({ length: s.count }, (_, p) => s.messages[s.at(p)])).toEqual(['a', 'a2', 'b', 'c']);
    expect(s.messages[0]).toBe('c');
    expect(s.lowerBound(150)).toBe(2);
    expect(s.lowerBound(100)).toBe(0);
    expect(s.lowerBound(301)).toBe(4);
    expect([s.firstTimestamp(), s.lastTimestamp()]).toEqual([100, 300]);
  });

  it('grows past its initial capacity and precomputes UTF-8 sizes', () => {
    const s = new LogStream(0, 's', 0);
    for (let i = 0; i < 1000; i++) s.append(i, i % 2 ? 'é' : 'e', i);
    expect(s.count).toBe(1000);
    expect(s.sizes[1]).toBe(2);
    expect(s.sizes[2]).toBe(1);
    // Message bytes plus CloudWatch's 26 bytes per event, as a log group's storedBytes counts them.
    expect(s.storedBytes).toBe(1500 + 1000 * 26);
    expect(s.sortedOrder()).toBeNull();
  });
});

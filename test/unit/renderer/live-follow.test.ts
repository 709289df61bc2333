import { describe, expect, it } from 'vitest';
import { windowReachesNow } from '../../../renderer/src/components/live/live-bar';
import { formatElapsed } from '../../../renderer/src/components/live/live-indicator';

describe('the live follow strip', () => {
  it('shows elapsed time as m:ss, h:mm:ss past an hour', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(59_999)).toBe('0:59');
    expect(formatElapsed(61_000)).toBe('1:01');
    expect(formatElapsed(3 * 3_600_000 - 1000)).toBe('2:59:59');
    expect(formatElapsed(-5)).toBe('0:00');
  });

  it('offers following first while the session window (end + margin) reaches now', () => {
    const now = Date.UTC(2024, 0, 24, 12);
    const session = (end: number) => ({ session: { id: '1', start: end - 7_200_000, end } });
    expect(windowReachesNow(session(now + 1), 0, now)).toBe(true);
    expect(windowReachesNow(session(now - 10 * 60_000), 15 * 60_000, now)).toBe(true);
    expect(windowReachesNow(session(now - 20 * 60_000), 15 * 60_000, now)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { eventId } from '../../../main/services/correlation/processing/id-hash';

describe('eventId', () => {
  it('is `e` and 16 hex digits, the same on every call', () => {
    const id = eventId('c1\u0000/ecs/api\u0000api/i-1', 1706063260324, 'INFO started');
    expect(id).toMatch(/^e[0-9a-f]{16}$/);
    expect(eventId('c1\u0000/ecs/api\u0000api/i-1', 1706063260324, 'INFO started')).toBe(id);
  });

  it('changes with the stream, the timestamp and the message', () => {
    const base = eventId('c1\u0000g\u0000s', 1000, 'hello');
    expect(eventId('c1\u0000g\u0000t', 1000, 'hello')).not.toBe(base);
    expect(eventId('c1\u0000g\u0000s', 1001, 'hello')).not.toBe(base);
    expect(eventId('c1\u0000g\u0000s', 1000, 'hellp')).not.toBe(base);
    expect(eventId('c1\u0000g\u0000s', 10001, '000hello')).not.toBe(eventId('c1\u0000g\u0000s', 1000, '1000hello'));
  });

  it('reads the head, the tail and the length of long messages', () => {
    const long = `${'a'.repeat(100)}${'m'.repeat(500)}${'z'.repeat(40)}`;
    const id = eventId('s', 1, long);
    expect(eventId('s', 1, `${long.slice(0, 95)}X${long.slice(96)}`)).not.toBe(id);
    expect(eventId('s', 1, `${long.slice(0, -1)}X`)).not.toBe(id);
    expect(eventId('s', 1, `${long}m`)).not.toBe(id);
  });

  it('spreads 50,000 similar events without a collision', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 50_000; i++) ids.add(eventId('c1\u0000/ecs/api\u0000api/i-1', 1706063260324 + (i % 7), `GET /api/orders/${i} 200`));
    expect(ids.size).toBe(50_000);
  });
});

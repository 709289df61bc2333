import { describe, expect, it } from 'vitest';
import { base58, flakeId, flakeStartMs, makeToken, SESSION_MAX_MS } from '../../support/cloudwatch-emulator/generator/tokens';

describe('OpenReplay token and session-id formats', () => {
  it('decodes the example token of docs/architecture.md: base36 id and expiry', () => {
    const id = 2618307011354435587n;
    expect(id.toString(36)).toBe('jw4wdfpgqhoj');
    expect(new Date(parseInt('lrraavgc', 36)).toISOString()).toBe('2024-01-24T04:27:39.324Z');
    // The id's flake time is the session start, and expiry is start + 2 h.
    expect(flakeStartMs(id) + SESSION_MAX_MS).toBe(parseInt('lrraavgc', 36));
  });

  it('round-trips the flake layout', () => {
    const start = Date.UTC(2024, 0, 23, 10, 0, 0, 123);
    const id = flakeId(start, 0xbeef, 0x42);
    expect(flakeStartMs(id)).toBe(start);
    expect(Number((id >> 8n) & 0xffffn)).toBe(0xbeef);
    expect(Number(id & 0xffn)).toBe(0x42);
  });

  it('encodes base58 with the Bitcoin alphabet and leading-zero ones', () => {
    expect(base58(new TextEncoder().encode('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
    expect(base58(Uint8Array.from([0, 0, 1]))).toBe('112');
  });

  it('makes 4-part tokens (with negative delays) and 3-part tokens', () => {
    const id = flakeId(Date.UTC(2024, 0, 23), 7, 1);
    const exp = flakeStartMs(id) + SESSION_MAX_MS;
    const four = makeToken(id, exp, 4, -1234).split('.');
    expect(four).toHaveLength(4);
    expect(four[0]).toBe(id.toString(36));
    expect(four[1]).toBe('-ya');
    expect(parseInt(four[2]!, 36)).toBe(exp);
    expect(four[3]).toMatch(/^[1-9A-HJ-NP-Za-km-z]{43,44}$/);
    const three = makeToken(id, exp, 3).split('.');
    expect(three).toHaveLength(3);
    expect(parseInt(three[1]!, 36)).toBe(exp);
  });
});

import { describe, expect, it } from 'vitest';
import { fnv1a64 } from '../../../main/services/correlation/processing/fnv1a';

/** Straightforward BigInt FNV-1a over TextEncoder's bytes: the definition the fast version must match. */
function reference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hashes the UTF-8 bytes, including astral characters and lone surrogates', () => {
    for (const text of [
      'héllo wörld',
      'Ошибка: ключ',
      '日本語のエラー',
      'emoji 😀 end',
      'lone \ud800 high',
      'lone \udc00 low',
      'end \ud83d',
    ]) {
      expect(fnv1a64(text), text).toBe(reference(text));
    }
  });

  it('agrees with the reference on long and varied input', () => {
    let text = '';
    for (let i = 0; i < 2000; i++) text += String.fromCharCode(32 + ((i * 7919) % 5000));
    expect(fnv1a64(text)).toBe(reference(text));
  });

  it('returns 16 lowercase hex digits and separates near-identical strings', () => {
    expect(fnv1a64('KeyError: <str>')).toMatch(/^[0-9a-f]{16}$/);
    expect(fnv1a64('KeyError: <str>')).not.toBe(fnv1a64('KeyError: <str> '));
  });
});

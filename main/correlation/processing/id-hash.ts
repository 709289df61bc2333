import { toHex } from './hex';

/** Of a long message, the id hashes this much of its start and end, plus its length. */
const HEAD_CHARS = 96;
const TAIL_CHARS = 32;

/**
 * An event's id: `e` and a fast 64-bit hash (16 hex digits) of its identity — stream, timestamp, message — for
 * its id. Byte-wise FNV-1a over every message would cost more than the rest of the pipeline, so
 * this runs two 32-bit multiply-xor lanes over UTF-16 code units, and reads only the head and
 * tail of long messages. Stable across runs and platforms; not collision-proof, which is fine:
 * de-duplication compares the full content, and a clash only earns the id a suffix.
 */
export function eventId(streamKey: string, timestamp: number, message: string): string {
  // Locals only, kept int32 with `| 0`: object fields holding doubles would allocate per write,
  // and concatenating the parts first would copy every message once more.
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  const long = message.length > HEAD_CHARS + TAIL_CHARS;
  const parts = [streamKey, `${timestamp}:${message.length}`, message];
  for (let p = 0; p < parts.length; p++) {
    const text = parts[p] as string;
    // Past the head of a long message, jump to its tail.
    const jumpAt = p === 2 && long ? HEAD_CHARS - 1 : -1;
    for (let i = 0; i < text.length; i = i === jumpAt ? text.length - TAIL_CHARS : i + 1) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    // A separator between parts, so ('ab', 'c') and ('a', 'bc') differ.
    a = Math.imul(a ^ 0xffff, 0x01000193);
    b = Math.imul(b ^ 0xffff, 0x5bd1e995);
  }
  return toHex('e', [fmix32(a ^ Math.imul(b, 0x27d4eb2d)), fmix32(b)], 8);
}

function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

import { toHex } from './hex';

/** Of a long message, the id hashes this much of its start and end, plus its length. */
const HEAD_CHARS = 96;
const TAIL_CHARS = 32;
const MAX_CACHED_STREAMS = 10_000;
const streamSeeds = new Map<string, [number, number]>();

/**
 * An event's id: `e` and a fast 64-bit hash (16 hex digits) of its identity — stream, timestamp,
 * message. Byte-wise FNV-1a over every message would cost more than the rest of the pipeline, so
 * this runs two 32-bit multiply-xor lanes over UTF-16 code units, hashes each stream's key once,
 * and reads only the head and tail of long messages. Stable across runs and platforms; not
 * collision-proof, which is fine: de-duplication compares the full content, and a clash only
 * earns the id a suffix.
 */
export function eventId(streamKey: string, timestamp: number, message: string): string {
  const seed = streamSeed(streamKey);
  // Locals only, kept int32: object fields holding doubles would allocate on every write.
  let a = seed[0];
  let b = seed[1];
  a = Math.imul(a ^ ((timestamp % 0x100000000) | 0), 0x01000193);
  b = Math.imul(b ^ (Math.floor(timestamp / 0x100000000) | 0), 0x5bd1e995);
  a = Math.imul(a ^ message.length, 0x01000193);
  const long = message.length > HEAD_CHARS + TAIL_CHARS;
  const headEnd = long ? HEAD_CHARS : message.length;
  for (let i = 0; i < headEnd; i++) {
    const c = message.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  if (long) {
    for (let i = message.length - TAIL_CHARS; i < message.length; i++) {
      const c = message.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
  }
  return toHex('e', [fmix32(a ^ Math.imul(b, 0x27d4eb2d)), fmix32(b)], 8);
}

function streamSeed(streamKey: string): [number, number] {
  let seed = streamSeeds.get(streamKey);
  if (seed) return seed;
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  for (let i = 0; i < streamKey.length; i++) {
    const c = streamKey.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  seed = [Math.imul(a ^ 0xffff, 0x01000193), Math.imul(b ^ 0xffff, 0x5bd1e995)];
  if (streamSeeds.size >= MAX_CACHED_STREAMS) streamSeeds.clear();
  streamSeeds.set(streamKey, seed);
  return seed;
}

function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

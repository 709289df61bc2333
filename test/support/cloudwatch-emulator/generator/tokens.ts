import { createHmac } from 'node:crypto';

/** OpenReplay's flake epoch: id = (ms − EPOCH) << 24 | shard << 8 | seq. */
export const FLAKE_EPOCH_MS = 1_550_000_000_000n;
/** Default maximum session duration; a token's expTime is start + this. */
export const SESSION_MAX_MS = 2 * 60 * 60 * 1000;

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** Made up: real signatures need the OpenReplay server's secret, which nobody outside has. */
const SIGNING_SECRET = 'emulator-openreplay-signing-secret';

export function flakeId(startMs: number, shard: number, seq: number): bigint {
  return ((BigInt(startMs) - FLAKE_EPOCH_MS) << 24n) | (BigInt(shard & 0xffff) << 8n) | BigInt(seq & 0xff);
}

export function flakeStartMs(id: bigint): number {
  return Number((id >> 24n) + FLAKE_EPOCH_MS);
}

export function base58(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = '';
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

/** `base36(id).base36(delay).base36(expMs).base58(sig)` (4-part) or without delay (3-part). */
export function makeToken(id: bigint, expMs: number, format: 3 | 4, delayMs = 0): string {
  const head =
    format === 4 ? `${id.toString(36)}.${delayMs.toString(36)}.${expMs.toString(36)}` : `${id.toString(36)}.${expMs.toString(36)}`;
  const sig = createHmac('sha256', SIGNING_SECRET).update(head).digest();
  return `${head}.${base58(sig)}`;
}

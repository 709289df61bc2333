/** Shared values and helpers for the session-reference tests. */
import { expect } from 'vitest';
import type { ParseResult, SessionReference } from '../../../shared/session/reference';

type Parser = (input: string, options: { now: number }) => ParseResult;

export const FLAKE_EPOCH = 1_550_000_000_000;
/** A fixed "now" so future/past checks do not depend on the clock. */
export const NOW = Date.UTC(2024, 5, 1);
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** The example token of docs/architecture.md. */
export const EXAMPLE_ID = '2618307011354435587';
export const EXAMPLE_START = Date.parse('2024-01-24T02:27:39.324Z');
export const EXAMPLE_EXP = Date.parse('2024-01-24T04:27:39.324Z');
/** 44 base58 characters, as long as an HMAC-SHA256 in base58 gets (not a real signature). */
export const SIG = '5Kd3NBUAdUnhyzenEwVLy9pBKxSwXvE9FMPyR4UKZvpe';
export const EXAMPLE_TOKEN = `jw4wdfpgqhoj.3az.lrraavgc.${SIG}`;
export const EXAMPLE_TOKEN_3 = `jw4wdfpgqhoj.lrraavgc.${SIG}`;

/** Flake layout: (ms − epoch) << 24 | shard << 8 | seq. */
export function idAt(startMs: number, shard = 0x1234, seq = 0x56): bigint {
  return (BigInt(startMs - FLAKE_EPOCH) << 24n) | (BigInt(shard) << 8n) | BigInt(seq);
}

export function b36(value: bigint | number): string {
  return BigInt(value).toString(36);
}

export function token(parts: { id: bigint; delay?: number; exp: number; sig?: string }): string {
  const delay = parts.delay === undefined ? [] : [b36(parts.delay)];
  return [b36(parts.id), ...delay, b36(parts.exp), parts.sig ?? SIG].join('.');
}

/** The parsed reference, or a failed test naming the parser's message. */
export function parsedBy(parser: Parser, text: string): SessionReference {
  const result = parser(text, { now: NOW });
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.value;
}

/** The refusal (always INVALID_REFERENCE), or a failed test when the input was accepted. */
export function refusedBy(parser: Parser, text: string): { message: string; hint: string } {
  const result = parser(text, { now: NOW });
  if (result.ok) throw new Error(`expected an error for ${text}`);
  expect(result.error.code).toBe('INVALID_REFERENCE');
  return result.error;
}

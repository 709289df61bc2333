import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildDeepLink,
  deriveTimeWindow,
  parseDeepLink,
  parseSessionReference,
  type SessionReference,
} from '../../../shared/session/reference';
import { HOUR, MINUTE, NOW, SIG, idAt, token } from './fixtures';

const DAY = 24 * HOUR;

const EARLIEST = Date.UTC(2019, 1, 20);
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

const parts = fc.record({
  start: fc.integer({ min: EARLIEST, max: NOW }),
  shard: fc.integer({ min: 0, max: 0xffff }),
  seq: fc.integer({ min: 0, max: 0xff }),
  delay: fc.option(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), { nil: undefined }),
  duration: fc.integer({ min: 1, max: 7 * 24 * HOUR }),
  sig: fc.string({ unit: fc.constantFrom(...BASE58), minLength: 1, maxLength: 100 }),
});

function parseOk(text: string): SessionReference {
  const result = parseSessionReference(text, { now: NOW });
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.value;
}

describe('token decoding', () => {
  it('reads back every part a token was composed from', () => {
    fc.assert(
      fc.property(parts, ({ start, shard, seq, delay, duration, sig }) => {
        const id = idAt(start, shard, seq);
        const text = token({ id, delay, exp: start + duration, sig });
        const ref = parseOk(text);
        expect(ref.sessionId).toBe(id.toString());
        expect(ref.start).toBe(start);
        expect(ref.end).toBe(start + duration);
        expect(ref.expiresAt).toBe(start + duration);
        expect(ref.delay).toBe(delay);
        expect(ref.tokenFormat).toBe(delay === undefined ? 3 : 4);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back every decimal ID in range, with the flake start', () => {
    fc.assert(
      fc.property(parts, ({ start, shard, seq }) => {
        const id = idAt(start, shard, seq).toString();
        expect(parseOk(id)).toEqual({ kind: 'session-id', sessionId: id, start, end: start + 2 * HOUR });
      }),
    );
  });
});

function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

describe('deep links', () => {
  const printable = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 100 })
    // The parser refuses control characters in a connection (C0, C1, line/paragraph separators).
    .filter((s) => s.trim() === s && s.length > 0 && ![...s].some((c) => isControl(c.codePointAt(0) ?? 0)));
  const ref = fc
    .record({
      p: parts,
      withToken: fc.boolean(),
      // Links may only reach a day beyond their session and span at most 7 days (window-bound.ts).
      fromOffset: fc.option(fc.integer({ min: -DAY, max: DAY }), { nil: undefined }),
      span: fc.integer({ min: 1, max: 7 * DAY }),
      withTo: fc.boolean(),
      connection: fc.option(printable, { nil: undefined }),
      project: fc.option(fc.stringMatching(/^[0-9A-Za-z_-]{1,64}$/), { nil: undefined }),
      jumpToMs: fc.option(fc.integer({ min: 0, max: 7 * 24 * HOUR }), { nil: undefined }),
    })
    .map(({ p, withToken, fromOffset, span, withTo, connection, project, jumpToMs }): SessionReference => {
      const id = idAt(p.start, p.shard, p.seq);
      const base = parseOk(withToken ? token({ id, delay: p.delay, exp: p.start + p.duration, sig: p.sig }) : id.toString());
      const built: SessionReference = { ...base, kind: 'deep-link' };
      const from = fromOffset === undefined ? undefined : Math.max(Date.UTC(2019, 0, 1), base.start + fromOffset);
      if (from !== undefined) built.from = from;
      if (withTo) built.to = Math.min((from ?? base.start) + span, base.end + DAY);
      if (connection !== undefined) built.connection = connection;
      if (project !== undefined) {
        built.projectId = project;
        built.replayUrl = `https://or.example.com/${project}/session/${id}`;
      }
      if (jumpToMs !== undefined) built.jumpToMs = jumpToMs;
      return built;
    });

  it('parseDeepLink(buildDeepLink(ref)) gives ref back', () => {
    fc.assert(
      fc.property(ref, (original) => {
        const result = parseDeepLink(buildDeepLink(original), { now: NOW });
        expect(result).toEqual({ ok: true, value: original });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('link windows', () => {
  const DAYS = 24 * HOUR;
  it('accepts exactly the windows the rule allows: within a day of the session, at most 7 days long', () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: -30 * DAYS, max: 30 * DAYS }), fc.integer({ min: 1, max: 30 * DAYS }), (p, fromOffset, span) => {
        const id = idAt(p.start, p.shard, p.seq);
        const ref = parseOk(token({ id, exp: p.start + p.duration }));
        const from = ref.start + fromOffset;
        const to = from + span;
        if (from < Date.UTC(2019, 0, 1)) return;
        const allowed = from >= ref.start - DAYS && to <= ref.end + DAYS && from <= ref.end + DAYS && to - from <= 7 * DAYS;
        const result = parseDeepLink(`orcw://session/${token({ id, exp: p.start + p.duration })}?from=${from}&to=${to}`, { now: NOW });
        expect(result.ok).toBe(allowed);
        if (!result.ok) expect(result.error.hint).toContain('at most 7 days long');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('time window', () => {
  it('covers the session with the margin, never beyond now, never more than the session needs', () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 0, max: 24 * 60 }), fc.integer({ min: 0, max: 30 * 24 * HOUR }), (p, marginMin, after) => {
        const ref = parseOk(token({ id: idAt(p.start), delay: p.delay, exp: p.start + p.duration, sig: SIG }));
        const marginMs = marginMin * MINUTE;
        const now = ref.start - marginMs + 1 + after;
        const { from, to } = deriveTimeWindow(ref, { now, marginMs });
        expect(from).toBe(ref.start - marginMs);
        expect(to).toBe(Math.min(now, ref.end + marginMs));
        expect(from).toBeLessThan(to);
      }),
      { numRuns: 1000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { buildSessionQuery } from '../../../shared/session/query';
import { parseSessionReference, type SessionReference } from '../../../shared/session/reference';
import { EXAMPLE_EXP, EXAMPLE_ID, EXAMPLE_START, EXAMPLE_TOKEN, HOUR, NOW, idAt, token } from './fixtures';
import { onlyKnownEscapes, readQueryShape, type QueryShape } from './query-shape';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** Characters that would let text escape a string or regex literal, add a command or a comment. */
const HOSTILE = [
  '"',
  "'",
  '`',
  '/',
  '\\',
  '|',
  '#',
  '\n',
  '\r',
  '\t',
  ' ',
  '.',
  '-',
  '=',
  '[',
  ']',
  '?',
  '&',
  '%',
  ':',
  '(',
  ')',
  '*',
  '$',
  '^',
  '{',
  '}',
  '\u0000',
  '\u2028',
  'é',
  'A',
  'z',
  '0',
  '9',
];

const tokenRef: SessionReference = { kind: 'token', sessionId: EXAMPLE_ID, token: EXAMPLE_TOKEN, start: EXAMPLE_START, end: EXAMPLE_EXP };
const idRef: SessionReference = { kind: 'session-id', sessionId: EXAMPLE_ID, start: EXAMPLE_START, end: EXAMPLE_EXP };

/** The structure of a benign query with as many (distinct) field names as the one under test. */
function baselineFor(withToken: boolean, names: readonly string[]): QueryShape {
  const count = new Set(names.map((n) => n.toLowerCase())).size;
  const benign = Array.from({ length: count }, (_, i) => `field${i}`);
  return readQueryShape(buildSessionQuery(withToken ? tokenRef : idRef, { idFieldNames: benign }));
}

const escapeName = (name: string) => name.replaceAll('.', '\\.');

function expectSameStructure(
  query: string,
  expected: QueryShape,
  ids: { sessionId: string; token?: string },
  names: readonly string[] = [],
): void {
  const shape = readQueryShape(query);
  expect(shape.commands).toEqual(['fields', 'filter', 'sort', 'limit']);
  expect(shape.commands).toEqual(expected.commands);
  expect(shape.conditions.map(({ field, op, kind }) => ({ field, op, kind }))).toEqual(
    expected.conditions.map(({ field, op, kind }) => ({ field, op, kind })),
  );
  expect(shape.specials).toEqual(expected.specials);
  expect(onlyKnownEscapes(query)).toBe(true);
  // What went in is exactly the validated values, nothing more.
  const idClauses = query.split(`${ids.sessionId}([^0-9]|$)/`).length - 1;
  expect(idClauses).toBe(names.length > 0 ? 3 : 2);
  const prefix = BigInt(ids.sessionId).toString(36);
  expect(query).toContain(`like /(^|[^0-9A-Za-z.-])${prefix}\\./ or `);
  if (ids.token !== undefined) expect(ids.token.startsWith(`${prefix}.`)).toBe(true);
  if (names.length > 0) {
    const kept = names.filter((n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i);
    expect(query).toContain(`(^|[^0-9A-Za-z_])(${kept.map(escapeName).join('|')})[`);
  }
}

/** Field names: mostly of the allowed alphabet, sometimes with hostile characters spliced in. */
const NAME_CHARS = [...'abcXYZ019_.-'];
const fieldNames = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 66 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...NAME_CHARS, ...HOSTILE), maxLength: 12 }) },
  ),
  { maxLength: 10 },
);

/** Builds with the names, or checks the refusal is INVALID_INPUT; returns the query or undefined. */
function buildWithNames(ref: SessionReference, names: string[]): string | undefined {
  try {
    return buildSessionQuery(ref, { idFieldNames: names });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    return undefined;
  }
}

const validToken = fc
  .record({
    start: fc.integer({ min: Date.UTC(2019, 1, 20), max: NOW }),
    shard: fc.integer({ min: 0, max: 0xffff }),
    seq: fc.integer({ min: 0, max: 0xff }),
    delay: fc.option(fc.integer({ min: -1e12, max: 1e12 }), { nil: undefined }),
    duration: fc.integer({ min: 1, max: 7 * 24 * HOUR }),
    sig: fc.string({ unit: fc.constantFrom(...BASE58), minLength: 1, maxLength: 60 }),
  })
  .map(({ start, shard, seq, delay, duration, sig }) => token({ id: idAt(start, shard, seq), delay, exp: start + duration, sig }));

const validId = fc
  .record({ start: fc.integer({ min: Date.UTC(2019, 1, 20), max: NOW }), shard: fc.integer({ min: 0, max: 0xffff }) })
  .map(({ start, shard }) => idAt(start, shard).toString());

const hostileText = fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 8 });

/** A valid token or ID with hostile text spliced in somewhere. */
const mutated = fc.tuple(fc.oneof(validToken, validId), fc.nat(), hostileText, fc.nat({ max: 3 })).map(([text, at, insert, cut]) => {
  const i = at % (text.length + 1);
  return text.slice(0, i) + insert + text.slice(i + cut);
});

const wrappers: Array<(t: string) => string> = [
  (t) => t,
  (t) => ` \n${t}\t `,
  (t) => `[openReplaySessionToken=${t}]`,
  (t) => `openReplaySessionToken=${t}`,
  (t) => `openReplaySession.id=${t}`,
  (t) => `https://app.openreplay.com/3/session/${t}`,
  (t) => `orcw://session/${t}`,
  (t) => `orcw://session/${encodeURIComponent(t)}?jumpto=5`,
  (t) => `orcw://open?url=${encodeURIComponent(`https://or.example.com/p/session/${t}`)}`,
];

const anyInput = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...HOSTILE, ...BASE58), maxLength: 80 }),
  fc.tuple(fc.constantFrom(...wrappers), fc.oneof(validToken, validId, mutated)).map(([wrap, t]) => wrap(t)),
);

describe('no accepted input changes the query structure', () => {
  it('parse fails, or the query has the same commands, conditions and special characters', () => {
    let accepted = 0;
    let refused = 0;
    let withNames = 0;
    let namesRefused = 0;
    fc.assert(
      fc.property(anyInput, fieldNames, (input, names) => {
        const result = parseSessionReference(input, { now: NOW });
        if (!result.ok) {
          refused += 1;
          expect(result.error.code).toBe('INVALID_REFERENCE');
          expect(result.error.message.length).toBeGreaterThan(0);
          return;
        }
        accepted += 1;
        const ref = result.value;
        expectSameStructure(buildSessionQuery(ref), baselineFor(ref.token !== undefined, []), ref);
        const query = buildWithNames(ref, names);
        if (query === undefined) namesRefused += 1;
        else {
          if (names.length > 0) withNames += 1;
          expectSameStructure(query, baselineFor(ref.token !== undefined, names), ref, names);
        }
        expect(ref.sessionId).toMatch(/^[1-9][0-9]{0,19}$/);
        if (ref.token !== undefined) expect(ref.token).toMatch(/^[0-9a-z.-]+\.[1-9A-HJ-NP-Za-km-z]+$/);
      }),
      { numRuns: 5000 },
    );
    // Both sides of the property must actually be exercised.
    expect(accepted).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(500);
    expect(withNames).toBeGreaterThan(100);
    expect(namesRefused).toBeGreaterThan(100);
  });
});

describe('buildSessionQuery against hostile objects', () => {
  const hostileValue = fc.oneof(
    fc.anything(),
    hostileText,
    fc.string({ unit: 'binary', maxLength: 40 }),
    mutated,
    validId,
    validToken,
    fc.bigInt(),
  );
  const hostileRef = fc.record(
    { sessionId: fc.oneof(validId, hostileValue), token: fc.oneof(fc.constant(undefined), validToken, hostileValue) },
    { requiredKeys: [] },
  );

  it('throws INVALID_REFERENCE or builds a query of the same structure', () => {
    let built = 0;
    fc.assert(
      fc.property(
        fc.oneof(hostileRef, fc.anything()),
        fc.oneof(fc.constant(undefined), fieldNames, fc.anything(), fc.array(hostileValue, { maxLength: 3 })),
        (ref, names) => {
          let query: string;
          try {
            query = buildSessionQuery(ref as SessionReference, { idFieldNames: names as string[] | undefined });
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect(['INVALID_REFERENCE', 'INVALID_INPUT']).toContain((error as AppError).code);
            return;
          }
          built += 1;
          const { sessionId, token } = ref as { sessionId: string; token?: string };
          const kept = (names as string[] | undefined) ?? [];
          expectSameStructure(query, baselineFor(token !== undefined, kept), { sessionId, token }, kept);
        },
      ),
      { numRuns: 5000 },
    );
    expect(built).toBeGreaterThan(100);
  });
});

import fc from 'fast-check';

/**
 * Generated session references and orcw:// links for the fuzz tests: valid ones, valid ones with
 * hostile text spliced in, and garbage, in every wrapper a user or a web page can hand orcw.
 */
const FLAKE_EPOCH = 1_550_000_000_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** Characters that could end a literal, add a query command or a comment, or fool a URL parser. */
export const HOSTILE = [
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
  '\u001b',
  '\u2028',
  '\u202e',
  'é',
  '😀',
  'A',
  'z',
  '0',
  '9',
];

const idAt = (start: number, shard: number, seq: number) => (BigInt(start - FLAKE_EPOCH) << 24n) | (BigInt(shard) << 8n) | BigInt(seq);
const b36 = (value: bigint | number) => BigInt(value).toString(36);

export function arbitraries(now: number) {
  const start = fc.integer({ min: Date.UTC(2019, 1, 20), max: now - HOUR });
  const validId = fc
    .record({ start, shard: fc.integer({ min: 0, max: 0xffff }), seq: fc.integer({ min: 0, max: 0xff }) })
    .map(({ start: s, shard, seq }) => idAt(s, shard, seq).toString());
  const validToken = fc
    .record({
      start,
      shard: fc.integer({ min: 0, max: 0xffff }),
      delay: fc.option(fc.integer({ min: -1e12, max: 1e12 }), { nil: undefined }),
      duration: fc.integer({ min: 1, max: 8 * DAY }),
      sig: fc.string({ unit: fc.constantFrom(...BASE58), minLength: 1, maxLength: 110 }),
    })
    .map(({ start: s, shard, delay, duration, sig }) =>
      [b36(idAt(s, shard, 1)), ...(delay === undefined ? [] : [b36(delay)]), b36(s + duration), sig].join('.'),
    );
  const hostileText = fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 10 });
  const mutated = fc.tuple(fc.oneof(validToken, validId), fc.nat(), hostileText, fc.nat({ max: 3 })).map(([text, at, insert, cut]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(i + cut);
  });
  const core = fc.oneof(validToken, validId, mutated);
  /** A time for from/to: near the session, far from it, or not a time at all. */
  const time = fc.oneof(
    fc.integer({ min: Date.UTC(2019, 0, 1), max: now + DAY }).map(String),
    fc.integer({ min: Date.UTC(2019, 0, 1), max: now + DAY }).map((ms) => new Date(ms).toISOString()),
    fc.constantFrom('2019-06-01T00:00:00Z', '0', '-1', '9999999999999999', 'yesterday', '2024-02-30T00:00Z', '1e13', ''),
    hostileText,
  );
  const param = fc.oneof(
    time.map((t) => `from=${encodeURIComponent(t)}`),
    time.map((t) => `to=${encodeURIComponent(t)}`),
    fc.oneof(hostileText, fc.string({ maxLength: 30 })).map((c) => `connection=${encodeURIComponent(c)}`),
    fc
      .tuple(fc.constantFrom('https://app.openreplay.com', 'https://evil.example', 'javascript:alert(1)//', 'http://[::1]'), core)
      .map(([host, id]) => `replay=${encodeURIComponent(`${host}/3/session/${id}`)}`),
    fc.oneof(fc.nat().map(String), hostileText).map((j) => `jumpto=${j}`),
    fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([k, v]) => `${k}=${v}`),
  );
  const link = fc.oneof(
    fc
      .tuple(core, fc.array(param, { maxLength: 4 }))
      .map(([ref, params]) => `orcw://session/${encodeURIComponent(ref)}${params.length ? `?${params.join('&')}` : ''}`),
    fc
      .tuple(core, fc.array(param, { maxLength: 3 }))
      .map(([ref, params]) => `orcw://session/${ref}${params.length ? `?${params.join('&')}` : ''}`),
    core.map((ref) => `orcw://open?url=${encodeURIComponent(`https://or.example.com/p/session/${ref}?jumpto=5`)}`),
    fc.string({ maxLength: 60 }).map((rest) => `orcw://${rest}`),
  );
  const wrapped = fc
    .tuple(
      fc.constantFrom<Array<(t: string) => string>>(
        (t) => t,
        (t) => ` \n${t}\t `,
        (t) => `[openReplaySessionToken=${t}]`,
        (t) => `openReplaySessionToken=${t}`,
        (t) => `openReplaySession.id=${t}`,
        (t) => `https://app.openreplay.com/3/session/${t}`,
        (t) => `https://or.example.com/sub/path/3/session/${t}?jumpto=${t}`,
      ),
      core,
    )
    .map(([wrap, t]) => wrap(t));
  const garbage = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: fc.constantFrom(...HOSTILE, ...BASE58), maxLength: 80 }),
  );
  return {
    reference: fc.oneof({ weight: 3, arbitrary: link }, { weight: 3, arbitrary: wrapped }, { weight: 1, arbitrary: garbage }),
    validToken,
    validId,
  };
}

import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchQuery } from '../../../shared/domain/cache';
import type { CorrelationResult, Level, LogEvent } from '../../../shared/domain/correlation';
import { splitTerms } from '../../../main/services/cache/word-index';
import { makeCorrelationResult, sessionIdFor } from '../../support/cache-fixtures/correlation-results';
import { createMemoryStore } from '../../support/cache-fixtures/memory-store';
import { createRng } from '../../support/cache-fixtures/prng';

interface Line {
  message: string;
  level?: Level;
  logGroup?: string;
  fingerprint?: string;
}

function sessionWith(seed: number, lines: Line[]): CorrelationResult {
  const base = makeCorrelationResult({ seed, events: lines.length, complete: true, failures: 0 });
  const events = base.events.map((event, i): LogEvent => {
    const line = lines[i] as Line;
    const {
      summary: _summary,
      summarySpan: _span,
      jsonAt: _jsonAt,
      fields: _fields,
      exception: _exception,
      fingerprint: _fingerprint,
      ...rest
    } = event;
    return {
      ...rest,
      message: line.message,
      level: line.level ?? 'info',
      logGroup: line.logGroup ?? '/ecs/api',
      ...(line.fingerprint ? { fingerprint: line.fingerprint } : {}),
    };
  });
  return { ...base, events };
}

const a = sessionWith(1, [
  { message: 'connection refused by db-primary', level: 'error', fingerprint: 'fpA' },
  { message: 'User Müller logged in' },
  { message: '{"msg":"payment ok","id":"ab"}', logGroup: '/aws/lambda/pay' },
  { message: 'ok', level: 'debug' },
  { message: 'timeout after 30s: CONNECTION REFUSED', level: 'warn', logGroup: '/aws/lambda/pay', fingerprint: 'fpB' },
  { message: '100% done_with_it' },
]);
const b = sessionWith(2, [{ message: 'connection refused again', level: 'error', fingerprint: 'fpA' }, { message: 'hello ok world' }]);

type IndexState = 'indexed' | 'unindexed' | 'partly indexed';

function storeWith(results: CorrelationResult[], state: IndexState = 'indexed') {
  const { store } = createMemoryStore();
  for (const result of results) store.saveRun(result);
  if (state === 'indexed') expect(store.indexPending()).toMatchObject({ pending: 0 });
  // Leaves the newest run partly unindexed, and every older one indexed.
  if (state === 'partly indexed') store.indexPending(results.slice(0, -1).reduce((n, r) => n + r.events.length, 0) + 130);
  return store;
}

const messages = (hits: SearchHit[]) => hits.map((hit) => hit.message);
const q = (query: Partial<SearchQuery>): SearchQuery => ({ text: '', limit: 100, ...query });

describe.each<IndexState>(['indexed', 'unindexed'])('search (%s)', (state) => {
  const store = storeWith([a, b], state);

  it('matches every term as a case-insensitive substring, newest first', () => {
    expect(messages(store.search(q({ text: 'connection refused' })))).toEqual([
      'connection refused again',
      'timeout after 30s: CONNECTION REFUSED',
      'connection refused by db-primary',
    ]);
    expect(messages(store.search(q({ text: 'REFUSED connection' })))).toHaveLength(3);
  });

  it('keeps quoted phrases together', () => {
    expect(store.search(q({ text: '"connection refused"' }))).toHaveLength(3);
    expect(store.search(q({ text: '"refused connection"' }))).toEqual([]);
    expect(messages(store.search(q({ text: '"refused by db"' })))).toEqual(['connection refused by db-primary']);
  });

  it('finds text shorter than three characters, which the trigram index cannot', () => {
    expect(messages(store.search(q({ text: 'ok' })))).toEqual(['hello ok world', 'ok', '{"msg":"payment ok","id":"ab"}']);
    expect(messages(store.search(q({ text: 'ab', sessionId: a.session.id })))).toEqual(['{"msg":"payment ok","id":"ab"}']);
  });

  it('treats LIKE wildcards and non-ASCII letters literally and case-insensitively', () => {
    expect(messages(store.search(q({ text: '100%' })))).toEqual(['100% done_with_it']);
    expect(messages(store.search(q({ text: '_with' })))).toEqual(['100% done_with_it']);
    expect(store.search(q({ text: 'n_ref' }))).toEqual([]);
    expect(messages(store.search(q({ text: 'MÜLLER' })))).toEqual(['User Müller logged in']);
  });

  it('filters by session, level, log group, time range and error group', () => {
    expect(messages(store.search(q({ text: 'connection', sessionId: a.session.id })))).toEqual([
      'timeout after 30s: CONNECTION REFUSED',
      'connection refused by db-primary',
    ]);
    expect(messages(store.search(q({ text: 'refused', level: 'error' })))).toEqual([
      'connection refused again',
      'connection refused by db-primary',
    ]);
    expect(messages(store.search(q({ text: 'refused', logGroup: '/aws/lambda/pay' })))).toEqual(['timeout after 30s: CONNECTION REFUSED']);
    const target = a.events[4] as LogEvent;
    expect(messages(store.search(q({ text: 'refused', from: target.timestamp, to: target.timestamp })))).toEqual([target.message]);
    expect(messages(store.search(q({ fingerprint: 'fpA' })))).toEqual(['connection refused again', 'connection refused by db-primary']);
    expect(messages(store.search(q({ text: 'again', fingerprint: 'fpA' })))).toEqual(['connection refused again']);
    expect(store.search(q({ text: 'refused', sessionId: sessionIdFor(999) }))).toEqual([]);
  });

  it('returns hits that link back to their session and event', () => {
    const [hit] = store.search(q({ text: 'db-primary' }));
    const event = a.events[0] as LogEvent;
    expect(hit).toStrictEqual({
      sessionId: a.session.id,
      eventId: event.id,
      timestamp: event.timestamp,
      level: 'error',
      logGroup: event.logGroup,
      logStream: event.logStream,
      message: event.message,
      fingerprint: 'fpA',
    });
  });

  it('honours the limit and lists the newest events when no text is given', () => {
    expect(messages(store.search(q({ limit: 2 })))).toEqual(['hello ok world', 'connection refused again']);
    expect(store.search(q({ text: 'o', limit: 1 }))).toHaveLength(1);
  });

  it("searches only each session's current run", () => {
    const s = storeWith([a, b], state);
    s.saveRun({ ...sessionWith(3, [{ message: 'replacement run line' }]), session: a.session, ranAt: a.ranAt + 1 });
    if (state === 'indexed') s.indexPending();
    expect(s.search(q({ text: 'db-primary' }))).toEqual([]);
    expect(messages(s.search(q({ text: 'replacement' })))).toEqual(['replacement run line']);
    expect(s.search(q({ text: 'ok', sessionId: a.session.id }))).toEqual([]);
  });
});

describe.each<IndexState>(['indexed', 'unindexed'])('search by field (%s)', (state) => {
  // Envelope metadata becomes fields (pod, container, request ID): `name=value` finds them even
  // when the message spells them otherwise, and plain text still finds the message.
  const shipped = sessionWith(4, [
    { message: 'GET /cart 200' },
    { message: 'GET /cart 500', level: 'error' },
    { message: 'pod=api-7d9 in text' },
  ]);
  const withFields: CorrelationResult = {
    ...shipped,
    events: shipped.events.map((e, i) =>
      i < 2 ? { ...e, fields: { pod: `api-7d9-${i}`, namespace: 'shop', requestId: `f986a3d4-${i}` } } : e,
    ),
  };
  const store = storeWith([withFields], state);

  it('`name=value` matches a field’s value, case-insensitively, or the same text in a message', () => {
    expect(messages(store.search(q({ text: 'pod=API-7D9' })))).toEqual(['pod=api-7d9 in text', 'GET /cart 500', 'GET /cart 200']);
    expect(messages(store.search(q({ text: 'requestId=f986a3d4-1' })))).toEqual(['GET /cart 500']);
    expect(messages(store.search(q({ text: 'namespace=shop 500' })))).toEqual(['GET /cart 500']);
    expect(store.search(q({ text: 'namespace=prod' }))).toEqual([]);
  });
});

/** Reference implementation of the search semantics, by brute force over the saved results. */
function oracle(results: CorrelationResult[], query: SearchQuery): string[] {
  const lowerAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const terms = splitTerms(query.text);
  const contains = (message: string, term: string) =>
    [...term].every((c) => c.charCodeAt(0) <= 0x7f)
      ? lowerAscii(message).includes(lowerAscii(term))
      : message.toLowerCase().includes(term.toLowerCase());
  const fieldContains = (fields: LogEvent['fields'], term: string) => {
    const m = /^([A-Za-z][\w.-]{0,63})=(.+)$/.exec(term);
    const held = m && fields ? fields[m[1]!] : undefined;
    return held !== undefined && held.toLowerCase().includes(m![2]!.toLowerCase());
  };
  return results
    .slice()
    .reverse()
    .flatMap((result) =>
      result.events
        .slice()
        .reverse()
        .filter(
          (e) =>
            (query.sessionId === undefined || query.sessionId === result.session.id) &&
            (query.level === undefined || e.level === query.level) &&
            (query.logGroup === undefined || e.logGroup === query.logGroup) &&
            (query.from === undefined || e.timestamp >= query.from) &&
            (query.to === undefined || e.timestamp <= query.to) &&
            (query.fingerprint === undefined || e.fingerprint === query.fingerprint) &&
            terms.every((term) => contains(e.message, term) || fieldContains(e.fields, term)),
        )
        .map((e) => e.id),
    )
    .slice(0, query.limit);
}

describe.each<IndexState>(['indexed', 'unindexed', 'partly indexed'])('search against a brute-force reference (%s)', (state) => {
  it('finds exactly what a scan of every message finds, for random substrings and filters', () => {
    const results = [1, 2, 3].map((seed) => makeCorrelationResult({ seed: 500 + seed, events: 400 }));
    const store = storeWith(results, state);
    const rng = createRng(77);
    for (let i = 0; i < 300; i += 1) {
      const result = rng.pick(results);
      const event = rng.pick(result.events);
      const start = rng.int(event.message.length);
      let text = event.message.slice(start, start + rng.between(1, 14));
      if (rng.chance(0.3)) text = text.toUpperCase();
      if (rng.chance(0.2)) text = `"${text.replaceAll('"', '')}"`;
      const query = q({
        text,
        limit: 1000,
        ...(rng.chance(0.3) ? { sessionId: result.session.id } : {}),
        ...(rng.chance(0.2) ? { level: event.level } : {}),
        ...(rng.chance(0.2) ? { logGroup: event.logGroup } : {}),
        ...(rng.chance(0.2) ? { from: event.timestamp - 600_000, to: event.timestamp + 600_000 } : {}),
        ...(rng.chance(0.1) && event.fingerprint ? { fingerprint: event.fingerprint } : {}),
      });
      expect(
        store.search(query).map((hit) => hit.eventId),
        JSON.stringify(query),
      ).toEqual(oracle(results, query));
    }
  });
});

describe.each<IndexState>(['indexed', 'partly indexed'])('search plans on a larger cache (%s)', (state) => {
  it('agrees with the reference when common text meets an errors-only or time filter', () => {
    // 6,000 events: common words match far more than 64 blocks, so "errors only" walks its index
    // and a time range skips runs by their time span.
    const results = [1, 2, 3].map((seed) => makeCorrelationResult({ seed: 700 + seed, events: 2000 }));
    const store = storeWith(results, state);
    const middle = results[1]?.events[1000] as LogEvent;
    const queries = ['requestId', 'a', 'Error', 'openReplaySessionToken', ''].flatMap((text) => [
      q({ text, level: 'error', limit: 1000 }),
      q({ text, level: 'fatal', limit: 1000 }),
      q({ text, level: 'error', from: middle.timestamp - 60_000, to: middle.timestamp + 60_000, limit: 1000 }),
      q({ text, from: middle.timestamp, limit: 50 }),
      q({ text, to: middle.timestamp, limit: 50 }),
    ]);
    for (const query of queries) {
      expect(
        store.search(query).map((hit) => hit.eventId),
        JSON.stringify(query),
      ).toEqual(oracle(results, query));
    }
  });
});

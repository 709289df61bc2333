import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { CorrelationResult } from '../../../shared/domain/correlation';
import { openCache } from '../../../main/services/cache/cache-store';
import { SHORT_TYPE_SQL, shortType } from '../../../main/services/cache/error-sessions';
import { makeCorrelationResult } from '../../support/cache-fixtures/correlation-results';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orcw-error-sessions-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const results: CorrelationResult[] = Array.from({ length: 8 }, (_, i) =>
  makeCorrelationResult({ seed: 500 + i, events: 400, complete: true, failures: 0 }),
);
// Namespaced types as Python and Java write them: the same cause under its full and short name.
results.forEach((result, i) => {
  for (const group of result.groups) if (group.type === 'TypeError' && i % 2 === 0) group.type = 'checkout.errors.TypeError';
});

/** The rule computed from the fixtures themselves: other sessions whose run has the fingerprint. */
function expectedRelated(sessionId: string, fingerprint: string, runs: readonly CorrelationResult[]): string[] {
  return runs
    .filter((r) => r.session.id !== sessionId && r.groups.some((g) => g.fingerprint === fingerprint))
    .map((r) => r.session.id)
    .sort();
}

describe('errors across sessions', () => {
  it('finds the other cached sessions with each fingerprint of a session, from their shown runs only', () => {
    const dir = freshDir();
    const { store } = openCache({ dataDir: dir, backgroundIndex: false });
    for (const result of results) store.saveRun(result);
    const [first] = results as [CorrelationResult];
    const fingerprints = first.groups.map((g) => g.fingerprint);
    const related = store.relatedErrors(first.session.id, fingerprints, 20);
    let shared = 0;
    for (const fingerprint of fingerprints) {
      const want = expectedRelated(first.session.id, fingerprint, results);
      const got = related.find((r) => r.fingerprint === fingerprint);
      expect(got?.sessions.map((s) => s.sessionId).sort() ?? [], fingerprint).toEqual(want);
      expect(got?.sessionCount ?? 0).toBe(want.length);
      shared += want.length;
    }
    expect(shared, 'the fixture seeds must share some errors').toBeGreaterThan(0);

    // A newer complete run of another session without the error replaces what that session shows.
    const sharing = related.find((r) => r.sessionCount > 0)!;
    const other = results.find((r) => r.session.id === sharing.sessions[0]!.sessionId)!;
    const replaced: CorrelationResult = {
      ...other,
      ranAt: other.ranAt + 1,
      groups: other.groups.filter((g) => g.fingerprint !== sharing.fingerprint),
      events: other.events.filter((e) => e.fingerprint !== sharing.fingerprint),
    };
    store.saveRun(replaced);
    const after = store.relatedErrors(first.session.id, [sharing.fingerprint], 20)[0];
    expect(after?.sessionCount ?? 0).toBe(sharing.sessionCount - 1);
    expect(after?.sessions.map((s) => s.sessionId) ?? []).not.toContain(other.session.id);

    // The list is capped; the count is not.
    const capped = store.relatedErrors(first.session.id, [sharing.fingerprint], 1)[0];
    expect(capped?.sessions.length ?? 0).toBeLessThanOrEqual(1);
    expect(capped?.sessionCount).toBe(after?.sessionCount);
    store.close();
  });

  it('lists sessions by fingerprint prefix, full exception type or its last segment, ignoring case', () => {
    const { store } = openCache({ dataDir: freshDir(), backgroundIndex: false });
    for (const result of results) store.saveRun(result);
    const group = results.flatMap((r) => r.groups).find((g) => g.type === 'checkout.errors.TypeError')!;
    const withType = (test: (type: string) => boolean) =>
      results
        .filter((r) => r.groups.some((g) => test(g.type)))
        .map((r) => r.session.id)
        .sort();
    const sessionsOf = (hits: { sessionId: string }[]) => [...new Set(hits.map((h) => h.sessionId))].sort();

    expect(sessionsOf(store.sessionsWithError(group.type.toUpperCase(), 500))).toEqual(
      withType((t) => t.toLowerCase() === group.type.toLowerCase()),
    );
    const last = shortType(group.type);
    const byShort = sessionsOf(store.sessionsWithError(last.toLowerCase(), 500));
    expect(byShort).toEqual(withType((t) => shortType(t).toLowerCase() === last.toLowerCase()));
    expect(byShort.length, 'the short name also finds the sessions that logged the bare type').toBeGreaterThan(
      sessionsOf(store.sessionsWithError(group.type, 500)).length,
    );
    const byFingerprint = store.sessionsWithError(group.fingerprint.slice(0, 8), 500);
    expect(byFingerprint.length).toBeGreaterThan(0);
    for (const hit of byFingerprint) expect(hit.fingerprint.startsWith(group.fingerprint.slice(0, 8))).toBe(true);
    const hits = store.sessionsWithError(last, 500);
    expect(hits.map((h) => h.firstSeen)).toEqual([...hits.map((h) => h.firstSeen)].sort((a, b) => b - a));
    expect(store.sessionsWithError('NoSuchErrorAnywhere', 10)).toEqual([]);
    store.close();
  });

  it('answers from indexes, not by reading every error group', () => {
    const dir = freshDir();
    openCache({ dataDir: dir, backgroundIndex: false }).store.close();
    const db = new DatabaseSync(join(dir, 'cache.db'));
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan(`SELECT * FROM error_groups g WHERE g.fingerprint IN (SELECT value FROM json_each('["a"]'))`)).toContain(
      'USING INDEX error_groups_fingerprint',
    );
    expect(plan(`SELECT * FROM error_groups g WHERE ${SHORT_TYPE_SQL} = 'x' COLLATE NOCASE`)).toContain(
      'USING INDEX error_groups_short_type',
    );
    expect(plan(`SELECT * FROM error_groups g WHERE g.type = 'a.x' COLLATE NOCASE`)).toContain('USING INDEX error_groups_type');
    expect(plan(`SELECT * FROM error_groups g WHERE g.fingerprint >= 'ab' AND g.fingerprint < 'ab~'`)).toContain(
      'USING INDEX error_groups_fingerprint',
    );
    db.close();
  });

  it('takes the last segment of dotted, namespaced and pointer types', () => {
    const db = new DatabaseSync(':memory:');
    const short = (type: string) => (db.prepare(`SELECT ${SHORT_TYPE_SQL} AS s FROM (SELECT ? AS type)`).get(type) as { s: string }).s;
    for (const [type, want] of [
      ['botocore.exceptions.ClientError', 'ClientError'],
      ['ZeroDivisionError', 'ZeroDivisionError'],
      ['*fs.PathError', 'PathError'],
      ['std::io::Error', 'Error'],
      ['App\\Exceptions\\Boom', 'Boom'],
      ['com.acme.Outer$Inner', 'Outer$Inner'],
    ] as const) {
      expect(short(type), type).toBe(want);
      expect(shortType(type), type).toBe(want);
    }
    db.close();
  });
});

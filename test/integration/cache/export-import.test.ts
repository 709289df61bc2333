import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../main/services/cache/cache-store';
import { makeCorrelationResult, sessionIdFor } from '../../support/cache-fixtures/correlation-results';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orcw-cache-export-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('export and import', () => {
  const result = makeCorrelationResult({ seed: 31, events: 1500, failures: 1 });

  it('imports a JSON export on a fresh cache as exactly the same result', () => {
    const here = openCache({ dataDir: freshDir(), now: () => 1_000 }).store;
    here.saveRun(result);
    const exported = here.exportSession(result.session.id, 'json');
    expect(exported.fileName).toBe(`orcw-session-${result.session.id}.json`);
    const file = join(freshDir(), exported.fileName);
    writeFileSync(file, exported.content);
    here.close();

    const there = openCache({ dataDir: freshDir(), now: () => 2_000 }).store;
    const { summary, duplicate } = there.importSession(readFileSync(file, 'utf8'));
    expect(duplicate).toBe(false);
    expect(summary).toMatchObject({
      sessionId: result.session.id,
      eventCount: 1500,
      errorGroupCount: result.groups.length,
      complete: false,
      cachedAt: 2_000,
      imported: true,
    });
    expect(there.openSession(result.session.id)?.result).toStrictEqual(result);
    expect(there.search({ text: 'requestId', sessionId: result.session.id, limit: 3 })).toHaveLength(3);
    there.close();
  });

  it('stores a file imported twice once, and the export of a run cached here not at all', () => {
    const dir = freshDir();
    const file = join(freshDir(), 'session.orcw');
    const source = openCache({ dataDir: freshDir(), now: () => 1_000 }).store;
    source.saveRun(result);
    writeFileSync(file, source.exportSession(result.session.id, 'json').content);
    expect(source.importSession(readFileSync(file, 'utf8'))).toMatchObject({ duplicate: true, summary: { imported: false } });
    source.close();

    const { store } = openCache({ dataDir: dir, now: () => 2_000 });
    expect(store.importSession(readFileSync(file, 'utf8')).duplicate).toBe(false);
    const once = store.stats();
    expect(store.importSession(readFileSync(file, 'utf8'))).toMatchObject({
      duplicate: true,
      summary: { sessionId: result.session.id, imported: true },
    });
    expect(store.stats()).toStrictEqual(once);
    expect(store.coveredWindows(result.session.id)).toHaveLength(1);
    store.close();
    // Counted in the file itself: one run of the session, whatever the store reports.
    const db = new DatabaseSync(join(dir, 'cache.db'));
    expect(db.prepare('SELECT count(*) AS n FROM runs WHERE session_id = ?').get(result.session.id)).toEqual({ n: 1 });
    db.close();
  });

  it('exports a Markdown report of the cached run', () => {
    const { store } = openCache({ dataDir: freshDir(), now: () => Date.UTC(2025, 4, 6) });
    store.saveRun(result);
    const { fileName, content } = store.exportSession(result.session.id, 'md');
    expect(fileName).toBe(`orcw-session-${result.session.id}.md`);
    expect(content).toContain(`# Backend logs for OpenReplay session ${result.session.id}`);
    expect(content).toContain('**cached:** 2025-05-06 00:00:00.000 UTC');
    expect(content).toContain(`## Error groups (${result.groups.length})`);
    expect(content).toContain('## Failures');
    store.close();
  });

  it('refuses bad input with a hint and never imports part of it', () => {
    const { store } = openCache({ dataDir: freshDir() });
    const before = store.stats();
    const good = (() => {
      const source = openCache({ dataDir: freshDir() }).store;
      source.saveRun(result);
      const content = source.exportSession(result.session.id, 'json').content;
      source.close();
      return content;
    })();
    const broken = JSON.parse(good) as { result: { events: { timestamp: unknown }[] } };
    (broken.result.events[1499] as { timestamp: unknown }).timestamp = 'yesterday';
    for (const content of [good.slice(0, good.length / 2), JSON.stringify(broken), '', 'null']) {
      expect(() => store.importSession(content)).toThrow(
        expect.objectContaining({ code: 'CACHE_IMPORT_INVALID', hint: expect.stringContaining('Session file') }),
      );
    }
    expect(store.stats()).toStrictEqual(before);
    expect(store.listSessions()).toEqual([]);
    store.close();
  });

  it('says which session is missing when exporting one that is not cached', () => {
    const { store } = openCache({ dataDir: freshDir() });
    expect(() => store.exportSession(sessionIdFor(404), 'json')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    store.close();
  });
});

import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../main/services/cache/cache-store';
import { EXPORT_VERSION } from '../../../main/services/cache/export-format';
import { readSessionFile } from '../../../main/services/files/read-session-file';
import { createSessionFiles } from '../../../main/services/files/session-files';
import { MAX_SESSION_FILE_BYTES, type OpenedFileEvent } from '../../../shared/domain/session-file';
import { createTestDialogs } from '../../e2e/harness/test-dialogs';
import { makeCorrelationResult } from '../../support/cache-fixtures/correlation-results';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orcw-files-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const { store } = openCache({ dataDir: freshDir(), backgroundIndex: false });
  const dialogs = createTestDialogs();
  const announced: OpenedFileEvent[] = [];
  const files = createSessionFiles({ cache: store, dialogs, announce: (event) => announced.push(event) });
  return { store, dialogs, announced, files };
}

describe('session files', () => {
  const result = makeCorrelationResult({ seed: 8, events: 300, failures: 0, complete: true });

  it('saves the report and the session where the dialog says, private to the user', async () => {
    const { store, dialogs, files } = setup();
    store.saveRun(result);
    const out = freshDir();
    dialogs.answer(join(out, 'report.md'));
    dialogs.answer(join(out, 'session')); // typed without an extension
    const report = await files.saveReport(result.session.id);
    const session = await files.saveSession(result.session.id);
    expect(report).toEqual({ path: join(out, 'report.md'), bytes: statSync(join(out, 'report.md')).size });
    expect(session?.path).toBe(join(out, 'session.orcw'));
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain(`# Backend logs for OpenReplay session ${result.session.id}`);
    expect(JSON.parse(readFileSync(join(out, 'session.orcw'), 'utf8'))).toMatchObject({ format: 'orcw-session', version: EXPORT_VERSION });
    if (process.platform !== 'win32')
      for (const f of ['report.md', 'session.orcw']) expect(statSync(join(out, f)).mode & 0o777).toBe(0o600);
    expect(dialogs.requests).toEqual([
      { kind: 'save', title: expect.any(String), defaultName: `orcw-session-${result.session.id}.md`, extensions: ['md'] },
      { kind: 'save', title: expect.any(String), defaultName: `orcw-session-${result.session.id}.orcw`, extensions: ['orcw', 'json'] },
    ]);
    store.close();
  });

  it('writes nothing when the dialog is cancelled, and asks nothing for a session not cached', async () => {
    const { store, dialogs, files } = setup();
    store.saveRun(result);
    dialogs.answer(null);
    expect(await files.saveSession(result.session.id)).toBeNull();
    await expect(files.saveReport('123')).rejects.toMatchObject({ code: 'NOT_FOUND', hint: expect.any(String) });
    expect(dialogs.requests).toHaveLength(1);
    store.close();
  });

  it('says so with a hint when the chosen folder cannot be written', async () => {
    const { store, dialogs, files } = setup();
    store.saveRun(result);
    dialogs.answer(join(freshDir(), 'no-such-folder', 'deeper', 'x.md'));
    // writeFileAtomic creates missing folders: a file in the way of the folder is what fails.
    const blocker = join(freshDir(), 'a-file');
    writeFileSync(blocker, '');
    dialogs.answer(join(blocker, 'x.md'));
    expect(await files.saveReport(result.session.id)).not.toBeNull();
    await expect(files.saveReport(result.session.id)).rejects.toMatchObject({
      code: 'FILE_WRITE_FAILED',
      message: expect.stringContaining('x.md'),
      hint: expect.any(String),
    });
    store.close();
  });

  it('opens a session file from the dialog and from the OS, once, and names the problem with a bad one', async () => {
    const source = setup();
    source.store.saveRun(result);
    const out = freshDir();
    source.dialogs.answer(join(out, 's.orcw'));
    await source.files.saveSession(result.session.id);
    source.store.close();

    const { store, dialogs, announced, files } = setup();
    dialogs.answer(join(out, 's.orcw'));
    expect(await files.openWithDialog()).toMatchObject({ duplicate: false, summary: { sessionId: result.session.id, imported: true } });
    await files.openFromOs(join(out, 's.orcw'));
    expect(announced[0]).toMatchObject({ ok: true, fileName: 's.orcw', result: { duplicate: true } });
    dialogs.answer(null);
    expect(await files.openWithDialog()).toBeNull();

    writeFileSync(join(out, 'broken.orcw'), readFileSync(join(out, 's.orcw'), 'utf8').slice(0, 500));
    await files.openFromOs(join(out, 'broken.orcw'));
    await files.openFromOs(join(out, 'gone.orcw'));
    expect(announced.slice(1)).toEqual([
      {
        ok: false,
        fileName: 'broken.orcw',
        error: {
          code: 'CACHE_IMPORT_INVALID',
          message: expect.stringContaining('not JSON'),
          hint: expect.stringContaining('Session file'),
        },
      },
      {
        ok: false,
        fileName: 'gone.orcw',
        error: { code: 'NOT_FOUND', message: expect.stringContaining('gone.orcw'), hint: expect.any(String) },
      },
    ]);
    expect(store.listSessions()).toHaveLength(1);
    store.close();
  });

  it('refuses a file over the bound and a folder before reading them', async () => {
    const dir = freshDir();
    const huge = join(dir, 'huge.orcw');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_SESSION_FILE_BYTES + 1); // sparse: nothing is written or read
    await expect(readSessionFile(huge)).rejects.toMatchObject({
      code: 'CACHE_IMPORT_INVALID',
      message: expect.stringContaining('larger than 512 MB'),
      hint: expect.any(String),
    });
    await expect(readSessionFile(dir)).rejects.toMatchObject({
      code: 'CACHE_IMPORT_INVALID',
      message: expect.stringContaining('not a file'),
    });
  });
});

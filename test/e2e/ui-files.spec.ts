import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { expectedGroups, pickSession, startDemo, type DemoSetup } from './harness/demo-setup';
import { attachScreenshot } from './harness/screenshots';
import type { ManifestSession } from '../support/cloudwatch-emulator';

let demo: DemoSetup;
let outDir: string;
test.use({ orcwSetup: { prepare: async (dataDir) => void (demo = await startDemo(dataDir)) } });
test.beforeEach(async () => void (outDir = await mkdtemp(path.join(os.tmpdir(), 'orcw-e2e-files-'))));
test.afterEach(async () => {
  await demo?.stop().catch(() => undefined);
  await rm(outDir, { recursive: true, force: true });
});

const withErrors = (d: DemoSetup) => pickSession(d.manifest, (s) => s.token !== undefined && expectedGroups(s).length >= 2);

async function open(page: Page, session: ManifestSession) {
  await page.getByTestId('reference-input').fill(session.token!);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-source')).toHaveText('Fresh from CloudWatch');
}

/** Runs of a session in the app's cache file, counted with SQLite itself. */
function runsInCache(dataDir: string, sessionId: string): number {
  const db = new DatabaseSync(path.join(dataDir, 'cache.db'), { readOnly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM runs WHERE session_id = ?').get(sessionId) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Drops files on the window the way a file manager does: a real DataTransfer holding real Files. */
async function dropFiles(page: Page, files: { name: string; content: string }[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([f.content], f.name, { type: 'application/json' }));
    return transfer;
  }, files);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toHaveClass(/is-shown/);
  return {
    screenshot: (name: string, testInfo: Parameters<typeof attachScreenshot>[1]) => attachScreenshot(page, testInfo, name),
    drop: () => page.dispatchEvent('main', 'drop', { dataTransfer }),
  };
}

test('the report and the session are saved through main’s dialog, and the session file opens again offline, once', async ({
  orcw,
}, testInfo) => {
  const { page } = orcw;
  const session = withErrors(demo);
  await open(page, session);
  const groups = await page.getByTestId('error-group').count();

  // Save… → Report: the dialog offers the report's name; the file is the Markdown report, private.
  const reportPath = path.join(outDir, 'report.md');
  orcw.dialogs.answer(reportPath);
  await page.getByTestId('save-menu').click();
  await attachScreenshot(page, testInfo, 'save-menu-open');
  await page.getByTestId('save-report').click();
  await expect(page.getByTestId('notice-info')).toContainText(`Saved the report to ${reportPath}`);
  expect(orcw.dialogs.requests.at(-1)).toMatchObject({
    kind: 'save',
    defaultName: `orcw-session-${session.sessionId}.md`,
    extensions: ['md'],
  });
  expect(await readFile(reportPath, 'utf8')).toContain(`# Backend logs for OpenReplay session ${session.sessionId}`);
  if (process.platform !== 'win32') expect((await stat(reportPath)).mode & 0o777).toBe(0o600);

  // Cancel writes nothing and says nothing.
  orcw.dialogs.answer(null);
  await page.getByTestId('save-menu').click();
  await page.getByTestId('save-session').click();
  await expect.poll(() => orcw.dialogs.requests.length).toBe(2);

  const sessionPath = path.join(outDir, `orcw-session-${session.sessionId}.orcw`);
  orcw.dialogs.answer(sessionPath);
  await page.getByTestId('save-menu').click();
  await page.getByTestId('save-session').click();
  await expect(page.getByTestId('notice-info').last()).toContainText(`Saved the session to ${sessionPath}`);
  expect(JSON.parse(await readFile(sessionPath, 'utf8'))).toMatchObject({
    format: 'orcw-session',
    result: { session: { id: session.sessionId } },
  });

  // Gone from the cache and CloudWatch gone too: the file brings the session back, offline.
  await page.getByTestId('nav-home').click();
  await page.getByTestId('recent-session').first().hover();
  await page.getByTestId('recent-remove').first().click();
  await expect(page.getByTestId('recent-empty')).toBeVisible();
  await demo.stop();
  orcw.dialogs.answer(sessionPath);
  await page.getByTestId('open-session-file').click();
  await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);
  await expect(page.getByTestId('session-source')).toHaveText('From cache');
  await expect(page.getByTestId('error-group')).toHaveCount(groups);
  expect(orcw.dialogs.requests.at(-1)).toMatchObject({ kind: 'open', extensions: ['orcw', 'json'] });
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('recent-imported')).toHaveCount(1);
  await attachScreenshot(page, testInfo, 'recent-imported');

  // The same file again: nothing is added.
  orcw.dialogs.answer(sessionPath);
  await page.getByTestId('open-session-file').click();
  await expect(page.getByTestId('notice-info').last()).toContainText('already cached');
  expect(runsInCache(orcw.dataDir, session.sessionId)).toBe(1);
});

test('a session file dropped on the window or opened by the OS is imported; a wrong one says why', async ({ orcw }, testInfo) => {
  const { page } = orcw;
  const session = withErrors(demo);
  await open(page, session);
  const exported = await page.evaluate((id) => window.correlator.exportSession({ sessionId: id, format: 'json' }), session.sessionId);
  if (!exported.ok) throw new Error('export failed');
  await page.evaluate((id) => window.correlator.deleteCachedSession({ sessionId: id }), session.sessionId);
  await page.getByTestId('nav-home').click();
  await page.reload();
  await expect(page.getByTestId('recent-empty')).toBeVisible();

  const dropped = await dropFiles(page, [{ name: 'from-a-colleague.orcw', content: exported.value.content }]);
  await dropped.screenshot('drop-overlay', testInfo);
  await dropped.drop();
  await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);
  await expect(page.getByTestId('notice-info').last()).toContainText('Imported session');
  await expect(page.getByTestId('error-group')).toHaveCount(expectedGroups(session).length);

  // Corrupt and foreign files: an error with its hint; nothing is added.
  const corrupt = await dropFiles(page, [{ name: 'cut-short.orcw', content: exported.value.content.slice(0, 2000) }]);
  await corrupt.drop();
  const error = page.getByTestId('notice-error').last();
  await expect(error).toContainText('cut-short.orcw');
  await expect(error).toContainText('not JSON');
  await expect(error.locator('.notice-hint')).toContainText('Session file');
  const foreign = await dropFiles(page, [{ name: 'notes.txt', content: 'hello' }]);
  await foreign.drop();
  await expect(page.getByTestId('notice-error').last()).toContainText('notes.txt is not a session file');
  await attachScreenshot(page, testInfo, 'drop-refused');

  // Double-click in a file manager: the OS hands the path to main (open-file / argv).
  const onDisk = path.join(outDir, 'double-clicked.orcw');
  await writeFile(onDisk, exported.value.content);
  await page.getByTestId('nav-home').click();
  orcw.sendOpenFile(onDisk);
  await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);
  await expect(page.getByTestId('notice-info').last()).toContainText(`double-clicked.orcw: session ${session.sessionId} is already cached`);
  orcw.sendOpenFile(path.join(outDir, 'moved-away.orcw'));
  await expect(page.getByTestId('notice-error').last()).toContainText('Cannot read moved-away.orcw');
  const huge = path.join(outDir, 'huge.orcw');
  await writeFile(huge, '');
  await truncate(huge, 600 * 1024 * 1024); // sparse: refused by size before anything is read
  orcw.sendOpenFile(huge);
  await expect(page.getByTestId('notice-error').last()).toContainText('larger than 512 MB');
  expect(runsInCache(orcw.dataDir, session.sessionId)).toBe(1);
  await attachScreenshot(page, testInfo, 'open-file-errors');
});

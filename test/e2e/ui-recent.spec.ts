import { expect, test } from './harness/fixtures';
import { startDemo, type DemoSetup } from './harness/demo-setup';

let demo: DemoSetup;
test.use({ orcwSetup: { prepare: async (dataDir) => void (demo = await startDemo(dataDir)) } });
test.afterEach(async () => demo?.stop());

test('recent sessions can be removed from the cache, by button and by the Delete key', async ({ orcw }, testInfo) => {
  const { page } = orcw;
  const sessions = demo.manifest.sessions.slice(0, 3);
  for (const session of sessions) {
    await page.getByTestId('reference-input').fill(session.token ?? session.sessionId);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);
  }
  await page.getByTestId('nav-home').click();
  const rows = page.getByTestId('recent-session');
  await expect(rows).toHaveCount(3);

  const first = rows.filter({ hasText: sessions[0]!.sessionId });
  await first.hover();
  await first.getByTestId('recent-remove').click();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: sessions[0]!.sessionId })).toHaveCount(0);

  await page.getByTestId('recent-sessions').focus();
  await page.keyboard.press('Delete');
  await expect(rows).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('recent-after-remove.png') });

  // Gone from the cache itself, not just from the list.
  const listed = await page.evaluate(() => window.correlator.listCachedSessions());
  expect(listed.ok && listed.value.map((s) => s.sessionId)).toHaveLength(1);
  const reopened = await page.evaluate((id) => window.correlator.openCachedSession({ sessionId: id }), sessions[0]!.sessionId);
  expect(reopened).toEqual({ ok: true, value: null });
});

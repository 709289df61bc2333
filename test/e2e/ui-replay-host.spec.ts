import { expect, test } from './harness/fixtures';
import { pickSession, startDemo, type DemoSetup } from './harness/demo-setup';

// A link can carry a replay URL on any host. orcw opens OpenReplay's cloud and the connections'
// own OpenReplay without asking; any other host only after a confirmation that names it, checked
// again in main. Real router and services; the OS shell is recorded (there is none in Chromium).

let demo: DemoSetup;
test.use({ orcwSetup: { prepare: async (dataDir) => void (demo = await startDemo(dataDir)) } });
test.afterEach(async () => demo?.stop());

test('a replay link on a foreign host opens only after a confirmation naming the host', async ({ orcw }) => {
  const { page } = orcw;
  const session = pickSession(demo.manifest, (s) => s.errors.length > 0);
  const foreign = `https://replays.evil.example/demo/session/${session.sessionId}`;
  orcw.sendDeepLink(`orcw://open?url=${encodeURIComponent(foreign)}`);
  await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);

  await page.getByTestId('open-replay').click();
  const dialog = page.getByTestId('host-confirm');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('host-confirm-host')).toHaveText('replays.evil.example');
  await expect(page.getByTestId('host-confirm-open')).toHaveText('Open replays.evil.example');
  await expect(page.getByTestId('host-confirm-cancel')).toBeFocused();
  expect(orcw.openedExternal).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.getByTestId('open-replay').click();
  await page.getByTestId('host-confirm-cancel').click();
  expect(orcw.openedExternal).toEqual([]);

  await page.getByTestId('open-replay').click();
  await page.getByTestId('host-confirm-open').click();
  await expect.poll(() => orcw.openedExternal).toEqual([foreign]);
});

test('main refuses a foreign host without the confirmation, whatever the page sends', async ({ orcw }) => {
  const { page } = orcw;
  const foreign = 'https://replays.evil.example/demo/session/2618307011354435587';
  const refused = await page.evaluate((url) => window.correlator.openExternal({ url }), foreign);
  expect(refused).toMatchObject({
    ok: false,
    error: { code: 'EXTERNAL_URL_UNCONFIRMED', message: expect.stringContaining('replays.evil.example') },
  });
  const otherHost = await page.evaluate((url) => window.correlator.openExternal({ url, confirmedHost: 'app.openreplay.com' }), foreign);
  expect(otherHost).toMatchObject({ ok: false, error: { code: 'EXTERNAL_URL_UNCONFIRMED' } });
  expect(orcw.openedExternal).toEqual([]);
  // OpenReplay's cloud, as the demo connection's replay links use it, needs no question.
  expect(await page.evaluate(() => window.correlator.openExternal({ url: 'https://app.openreplay.com/demo/session/1' }))).toEqual({
    ok: true,
    value: undefined,
  });
  expect(orcw.openedExternal).toEqual(['https://app.openreplay.com/demo/session/1']);
});

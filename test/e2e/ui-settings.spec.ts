import { expect, test } from './harness/fixtures';
import { startDemo, type DemoSetup } from './harness/demo-setup';

let demo: DemoSetup;
test.use({ orcwSetup: { prepare: async (dataDir) => void (demo = await startDemo(dataDir)) } });
test.afterEach(async () => demo?.stop());

test('settings: theme, query margins, bookmarklet and cache', async ({ orcw }, testInfo) => {
  const { page } = orcw;
  const session = demo.manifest.sessions.find((s) => s.token !== undefined)!;
  await page.getByTestId('reference-input').fill(session.token!);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('theme-dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('setting-margin').fill('12');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('notice-info')).toContainText('Settings saved');
  expect(await page.evaluate(() => window.correlator.getSettings())).toMatchObject({
    ok: true,
    value: { marginMinutes: 12, theme: 'dark' },
  });

  await page.getByTestId('copy-bookmarklet').click();
  await expect.poll(() => orcw.clipboard.at(-1)).toMatch(/^javascript:\(function\(\)\{.*orcw:\/\/open\?url=/);

  await expect(page.getByTestId('cache-stats')).toContainText('1 session ·');
  await page.screenshot({ path: testInfo.outputPath('settings-dark.png') });
  await page.getByTestId('cache-clear').click();
  await page.getByTestId('cache-clear').click();
  await expect(page.getByTestId('cache-stats')).toContainText('0 sessions');
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('recent-empty')).toBeVisible();
});

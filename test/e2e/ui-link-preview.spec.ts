import { expect, test } from './harness/fixtures';
import { pickSession, startDemo, type DemoSetup } from './harness/demo-setup';
import { createSettingsStore } from '../../main/services/settings/settings-store';

// An orcw:// link comes from any web page. One that needs CloudWatch shows what it would scan
// and runs only on Enter (or the button), unless its estimate is under the settings' ceiling; one
// the cache already answers opens at once. The real router, services and emulator behind Chromium.

let demo: DemoSetup;
let ceiling: number | undefined;
test.use({
  orcwSetup: {
    prepare: async (dataDir) => {
      demo = await startDemo(dataDir);
      if (ceiling !== undefined) await createSettingsStore(dataDir).update({ linkAutoRunMaxUsd: ceiling });
    },
  },
});
test.afterEach(async () => {
  ceiling = undefined;
  await demo?.stop();
});

const tokenSession = (d: DemoSetup) => pickSession(d.manifest, (s) => s.token !== undefined && s.errors.length > 0);

test.describe('above the ceiling', () => {
  test.beforeEach(() => {
    ceiling = 0;
  });

  test('the link shows connections, log groups, window and estimate, queries nothing, and Enter runs it', async ({ orcw }) => {
    const { page } = orcw;
    const session = tokenSession(demo);
    const before = demo.emulator.metrics.queries.length;
    // Main focuses the window when a link arrives; here the page is brought to the front instead.
    await page.bringToFront();
    orcw.sendDeepLink(`orcw://session/${session.token}`);
    const dialog = page.getByTestId('link-preview');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(session.sessionId);
    await expect(page.getByTestId('link-preview-scope')).toHaveText(`1 connection, ${demo.manifest.logGroups.length} log groups`);
    await expect(page.getByTestId('link-preview-connections')).toContainText('Demo (emulator)');
    await expect(page.getByTestId('link-preview-connections')).toContainText(demo.manifest.logGroups[0]!);
    await expect(page.getByTestId('link-preview-estimate')).toHaveText(
      /^≈ [\d.]+ [KM]?B scanned, ≈ .*\(from the log groups' stored size and retention\)$/,
    );
    await expect(page.getByTestId('link-preview-window')).toContainText('→');
    await expect(page.getByTestId('link-preview-run')).toBeFocused();
    expect(demo.emulator.metrics.queries.length).toBe(before);

    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('session-source')).toHaveText('Fresh from CloudWatch');
    await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);
    expect(demo.emulator.metrics.queries.length).toBeGreaterThan(before);
  });

  test('Esc (or Cancel) drops the link: nothing is queried, nothing opens', async ({ orcw }) => {
    const { page } = orcw;
    const session = tokenSession(demo);
    const before = demo.emulator.metrics.queries.length;
    orcw.sendDeepLink(`orcw://session/${session.token}`);
    await expect(page.getByTestId('link-preview')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('link-preview')).toHaveCount(0);
    await expect(page.getByTestId('notice-info')).toContainText('Link not run');

    orcw.sendDeepLink(`orcw://session/${session.sessionId}`);
    await page.getByTestId('link-preview-cancel').click();
    await expect(page.getByTestId('link-preview')).toHaveCount(0);
    await expect(page.getByTestId('session-view')).toHaveCount(0);
    expect(demo.emulator.metrics.queries.length).toBe(before);
  });

  test('a session the cache holds opens from the cache at once, without asking', async ({ orcw }) => {
    const { page } = orcw;
    const session = tokenSession(demo);
    // Typed by the user: no preview. It lands in the cache.
    await page.getByTestId('reference-input').fill(session.token!);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('session-source')).toHaveText('Fresh from CloudWatch');
    const before = demo.emulator.metrics.queries.length;

    orcw.sendDeepLink(`orcw://session/${session.sessionId}`);
    await expect(page.getByTestId('session-source')).toHaveText('From cache');
    await expect(page.getByTestId('link-preview')).toHaveCount(0);
    expect(demo.emulator.metrics.queries.length).toBe(before);
  });
});

test('below the ceiling (the default $0.01) a link runs without asking', async ({ orcw }) => {
  const { page } = orcw;
  const session = tokenSession(demo);
  const plan = await page.evaluate((reference) => window.correlator.planScan({ reference }), `orcw://session/${session.token}`);
  expect(plan).toMatchObject({
    ok: true,
    value: { autoRun: true, autoRunMaxUsd: 0.01, cached: false, estimate: { basis: 'stored-bytes' } },
  });
  orcw.sendDeepLink(`orcw://session/${session.token}`);
  await expect(page.getByTestId('session-source')).toHaveText('Fresh from CloudWatch');
  await expect(page.getByTestId('link-preview')).toHaveCount(0);
});

test('the ceiling is a setting', async ({ orcw }) => {
  const { page } = orcw;
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('setting-link-ceiling').fill('0');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('notice-info')).toContainText('Settings saved');
  const session = tokenSession(demo);
  orcw.sendDeepLink(`orcw://session/${session.token}`);
  await expect(page.getByTestId('link-preview')).toBeVisible();
});

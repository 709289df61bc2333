import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { auditScreen, type AuditCount } from './harness/axe-audit';
import { expectedGroups, pickSession, startDemo, type DemoSetup } from './harness/demo-setup';
import { attachScreenshot } from './harness/screenshots';
import { createSettingsStore } from '../../main/services/settings/settings-store';

let demo: DemoSetup;
test.afterEach(async () => demo?.stop().catch(() => undefined));

/** Every screen, both themes, both sizes: no serious or critical axe finding (the list names any). */
async function expectAccessible(page: Page, testInfo: Parameters<typeof auditScreen>[1], screen: string): Promise<void> {
  const counts = await auditScreen(page, testInfo, screen);
  for (const c of counts)
    console.log(
      `[axe] ${c.screen} | ${c.theme} | ${c.size} | serious ${c.serious} | critical ${c.critical} | ${JSON.stringify(c.rules)} | ${JSON.stringify(c.other)}`,
    );
  const failing = counts
    .filter((c: AuditCount) => c.serious + c.critical > 0)
    .map((c) => `${c.theme} ${c.size}: ${JSON.stringify(c.rules)}`);
  expect.soft(failing, `${screen}: serious or critical axe violations`).toEqual([]);
}

async function openSession(page: Page, reference: string, sessionId: string) {
  await page.getByTestId('reference-input').fill(reference);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-id')).toHaveText(sessionId);
}

test.describe('with a ready connection', () => {
  test.use({ orcwSetup: { prepare: async (dataDir) => void (demo = await startDemo(dataDir)) } });

  test('the session screens pass axe in both themes at 1280×800 and 1024×640', async ({ orcw }, testInfo) => {
    // Each axe run takes 15–25 s on a loaded two-core machine; twelve of them here.
    test.setTimeout(360_000);
    const { page } = orcw;
    const rich = pickSession(demo.manifest, (s) => s.token !== undefined && expectedGroups(s).length >= 2);
    await openSession(page, rich.token!, rich.sessionId);
    await expectAccessible(page, testInfo, 'session');

    await page.getByTestId('error-group').first().click();
    await expect(page.getByTestId('group-detail')).toBeVisible();
    await expectAccessible(page, testInfo, 'session group detail');

    await page.getByTestId('event-row').first().click();
    await expect(page.getByTestId('event-detail')).toBeVisible();
    await page.getByTestId('save-menu').click();
    await expectAccessible(page, testInfo, 'session event detail, save menu open');
  });

  test('wrapped rows, the divider and an empty filtered list pass axe in both themes at both sizes', async ({ orcw }, testInfo) => {
    test.setTimeout(150_000);
    const { page } = orcw;
    const rich = pickSession(demo.manifest, (s) => s.token !== undefined && expectedGroups(s).length >= 2);
    await openSession(page, rich.token!, rich.sessionId);
    await page.getByTestId('event-row').first().click();
    await expect(page.getByTestId('event-detail')).toBeVisible();
    await page.getByTestId('wrap-rows').click();
    await page.getByTestId('pane-divider').focus();
    await expectAccessible(page, testInfo, 'session wrapped rows, occurrence navigation, divider focused');
    await page.getByTestId('wrap-rows').click();
    await page.getByTestId('filter-text').fill('no line says this 7f3a');
    await expect(page.getByTestId('filtered-empty')).toBeVisible();
    await expectAccessible(page, testInfo, 'session empty filtered list');
  });

  test('home, search, connections, settings and notices pass axe in both themes at both sizes', async ({ orcw }, testInfo) => {
    test.setTimeout(360_000);
    const { page } = orcw;
    const rich = pickSession(demo.manifest, (s) => s.token !== undefined && expectedGroups(s).length >= 2);
    const other = pickSession(demo.manifest, (s) => s !== rich && s.token !== undefined && s.errors.length > 0);
    await openSession(page, other.token!, other.sessionId);
    await openSession(page, rich.token!, rich.sessionId);

    await page.getByTestId('nav-home').click();
    await expect(page.getByTestId('recent-session')).toHaveCount(2);
    await page.getByTestId('recent-sessions').focus();
    await expectAccessible(page, testInfo, 'home');

    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-input').fill('Error');
    await expect(page.getByTestId('search-hit').first()).toBeVisible();
    await expectAccessible(page, testInfo, 'search');
    await page.getByTestId('search-mode-errors').click();
    await page.getByTestId('search-input').fill(expectedGroups(rich)[0]!.type);
    await expect(page.getByTestId('error-session-hit').first()).toBeVisible();
    await expectAccessible(page, testInfo, 'search sessions by error');

    await page.getByTestId('nav-connections').click();
    await expect(page.getByTestId('connection-card')).toHaveCount(1);
    await expectAccessible(page, testInfo, 'connections');
    await page.getByTestId('conn-edit').click();
    await expectAccessible(page, testInfo, 'connection form');

    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('cache-stats')).toBeVisible();
    await expectAccessible(page, testInfo, 'settings');

    orcw.sendDeepLink('orcw://session/not-a-token!');
    await expect(page.getByTestId('notice-error')).toBeVisible();
    await expectAccessible(page, testInfo, 'notices');
  });

  test('skip links lead past the header to the error groups and the event list', async ({ orcw }, testInfo) => {
    const { page } = orcw;
    // On a freshly loaded window the first Tab is the skip link.
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('skip-to-main')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main-content')).toBeFocused();

    const session = pickSession(demo.manifest, (s) => s.token !== undefined && s.errors.length > 0);
    await openSession(page, session.token!, session.sessionId);
    // In a session the skip links are the first stops, before the navigation rail and the top bar.
    const backTo = async (testId: string) => {
      await page.keyboard.press('Control+L');
      for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== testId; i += 1)
        await page.keyboard.press('Shift+Tab');
    };
    await backTo('skip-to-events');
    await expect(page.getByTestId('skip-to-events')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByTestId('skip-to-groups')).toBeFocused();
    await expect(page.getByTestId('skip-to-groups')).toBeInViewport();
    await attachScreenshot(page, testInfo, 'skip-link-focused');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('error-groups')).toBeFocused();
    const groupRing = await page.locator('[data-testid=error-group].is-active').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(groupRing).toBe('solid');

    await backTo('skip-to-events');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('event-list')).toBeFocused();
    // The focused list shows its focus: on the list until a row is active, then on that row.
    expect(await page.getByTestId('event-list').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('j');
    const ring = await page.locator('[data-testid=event-row][aria-selected=true]').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(ring).toBe('solid');
    expect(await page.getByTestId('event-list').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');
    await attachScreenshot(page, testInfo, 'event-list-focus');
  });
});

test.describe('dialogs', () => {
  test.use({
    orcwSetup: {
      prepare: async (dataDir) => {
        demo = await startDemo(dataDir);
        // Every link that needs CloudWatch asks first: the link preview dialog shows.
        await createSettingsStore(dataDir).update({ linkAutoRunMaxUsd: 0 });
      },
    },
  });

  test('the link preview and the foreign replay host confirmation pass axe', async ({ orcw }, testInfo) => {
    test.setTimeout(120_000);
    const { page } = orcw;
    const session = pickSession(demo.manifest, (s) => s.token !== undefined && s.errors.length > 0);
    orcw.sendDeepLink(`orcw://open?url=${encodeURIComponent(`https://replays.example.net/demo/session/${session.sessionId}`)}`);
    await expect(page.getByTestId('link-preview')).toBeVisible();
    await expectAccessible(page, testInfo, 'link preview dialog');
    await page.getByTestId('link-preview-run').click();
    await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);
    await page.getByTestId('open-replay').click();
    await expect(page.getByTestId('host-confirm')).toBeVisible();
    await expectAccessible(page, testInfo, 'replay host confirmation dialog');
  });
});

test.describe('first run', () => {
  test.use({ orcwSetup: { prepare: async () => undefined } });

  test('setup passes axe', async ({ orcw }, testInfo) => {
    test.setTimeout(90_000);
    await expect(orcw.page.getByTestId('iam-steps')).toBeVisible();
    await expectAccessible(orcw.page, testInfo, 'setup');
  });
});

test.describe('failing connections', () => {
  test.use({
    orcwSetup: {
      prepare: async (dataDir) => {
        demo = await startDemo(dataDir);
        await demo.connections.create({
          name: 'Rotated key',
          region: 'eu-west-1',
          endpoint: demo.emulator.url,
          logGroups: demo.manifest.logGroups,
          auth: { kind: 'keys', accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: 'an-old-secret' },
        });
        // A closed loopback port: refused at once, which the app reports as offline.
        await demo.connections.create({
          name: 'Unreachable',
          region: 'eu-west-1',
          endpoint: 'http://127.0.0.1:9',
          logGroups: demo.manifest.logGroups,
          auth: { kind: 'keys', accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: 'emulator-secret' },
        });
      },
    },
  });

  test('error banners pass axe', async ({ orcw }, testInfo) => {
    test.setTimeout(90_000);
    const { page } = orcw;
    const session = pickSession(demo.manifest, (s) => s.token !== undefined && s.errors.length > 0);
    await openSession(page, session.token!, session.sessionId);
    await expect(page.getByTestId('run-failure')).toHaveCount(2);
    await expect(page.getByTestId('offline-banner')).toBeVisible();
    await expectAccessible(page, testInfo, 'error banners');
  });
});

import { expect, test } from './harness/fixtures';
import { expectedGroups, pickSession, startDemo, type DemoSetup } from './harness/demo-setup';

let demo: DemoSetup;
test.afterEach(async () => demo?.stop().catch(() => undefined));

const withErrors = (d: DemoSetup) => pickSession(d.manifest, (s) => s.token !== undefined && s.errors.length >= 2);

test.describe('a slow query', () => {
  // Queries sit in Scheduled/Running for two minutes: long enough to watch and cancel.
  test.use({ orcwSetup: { prepare: async (dataDir) => void (demo = await startDemo(dataDir, { queryLatency: { baseMs: 120_000 } })) } });

  test('shows live progress and is cancelled with Esc, stopping the CloudWatch query', async ({ orcw }, testInfo) => {
    const { page } = orcw;
    const session = withErrors(demo);
    await page.getByTestId('reference-input').fill(session.token!);
    await page.keyboard.press('Enter');
    const progress = page.getByTestId('run-progress');
    await expect(progress).toBeVisible();
    await expect(progress).toContainText(`session ${session.sessionId}`);
    await expect(progress).toContainText(/Scheduled|Running/);
    await page.screenshot({ path: testInfo.outputPath('progress.png') });

    await page.keyboard.press('Escape');
    await expect(progress).toHaveCount(0);
    await expect(page.getByTestId('session-error')).toContainText('cancelled');
    await expect.poll(() => demo.emulator.metrics.queries.map((q) => q.status)).toContain('Cancelled');
  });
});

test.describe('two connections, one failing', () => {
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
      },
    },
  });

  test('the failure is named with its hint while the working connection’s results show', async ({ orcw }, testInfo) => {
    const { page } = orcw;
    const session = withErrors(demo);
    await page.getByTestId('reference-input').fill(session.token!);
    await page.keyboard.press('Enter');
    const failure = page.getByTestId('run-failure');
    await expect(failure).toHaveCount(1);
    await expect(failure).toContainText('Rotated key');
    await expect(failure.locator('.hint')).not.toBeEmpty();
    await expect(page.getByTestId('session-incomplete')).toBeVisible();
    await expect(page.getByTestId('session-connections')).toContainText('Demo (emulator)');
    await expect(page.getByTestId('error-group')).toHaveCount(expectedGroups(session).length);
    await page.screenshot({ path: testInfo.outputPath('failing-connection.png') });
  });
});

test.describe('offline', () => {
  // Traffic from two hours ago up to now: sessions that may still be running, so a refresh has a
  // tail to fetch from CloudWatch rather than being answered by the cache alone.
  const now = Date.now();
  test.use({
    orcwSetup: { prepare: async (dataDir) => void (demo = await startDemo(dataDir, { start: now - 2 * 3_600_000, days: 2 / 24 })) },
  });

  test('after CloudWatch goes away, cached sessions are reviewed under an offline banner', async ({ orcw }, testInfo) => {
    const { page } = orcw;
    const [live, other] = demo.manifest.sessions.filter((s) => s.token !== undefined && s.start < now - 60_000);
    await page.getByTestId('reference-input').fill(live!.token!);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('session-source')).toHaveText('Fresh from CloudWatch');
    const groups = await page.getByTestId('error-group').count();
    const events = await page.getByTestId('event-list').getAttribute('data-count');

    await demo.stop();
    await page.getByTestId('refresh-session').click();
    await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 45_000 });
    await expect(page.getByTestId('session-source')).toHaveText('From cache');
    await expect(page.getByTestId('error-group')).toHaveCount(groups);
    await expect(page.getByTestId('event-list')).toHaveAttribute('data-count', events!);

    // A session never opened cannot be fetched: the failure says so inline, the banner stays.
    await page.getByTestId('reference-input').fill(other!.token!);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('run-failure')).toContainText('Demo (emulator)');
    await expect(page.getByTestId('offline-banner')).toBeVisible();

    // The cached one still opens from the recent list, whole.
    await page.getByTestId('nav-home').click();
    await page.getByTestId('recent-session').filter({ hasText: live!.sessionId }).click();
    await expect(page.getByTestId('session-id')).toHaveText(live!.sessionId);
    await expect(page.getByTestId('event-list')).toHaveAttribute('data-count', events!);
    await page.screenshot({ path: testInfo.outputPath('offline.png') });
  });
});

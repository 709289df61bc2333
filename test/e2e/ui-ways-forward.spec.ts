import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './harness/fixtures';
import { expectedGroups, pickSession, startDemo, type DemoSetup } from './harness/demo-setup';
import { attachScreenshot } from './harness/screenshots';
import { DEFAULT_CREDENTIAL } from '../support/cloudwatch-emulator';

let demo: DemoSetup;
test.afterEach(async () => demo?.stop().catch(() => undefined));

const OLD_SECRET = 'an-old-secret';

test.describe('a connection whose secret was rotated', () => {
  test.use({
    orcwSetup: {
      prepare: async (dataDir) => {
        demo = await startDemo(dataDir);
        await demo.connections.create({
          name: 'Rotated key',
          region: 'eu-west-1',
          endpoint: demo.emulator.url,
          logGroups: demo.manifest.logGroups,
          auth: { kind: 'keys', accessKeyId: DEFAULT_CREDENTIAL.accessKeyId, secretAccessKey: OLD_SECRET },
        });
      },
    },
  });

  test('the failure leads to the connection’s form, which shows the stored key ID; a passed test is remembered; Retry completes the run', async ({
    orcw,
  }, testInfo) => {
    const { page } = orcw;
    const session = pickSession(demo.manifest, (s) => s.token !== undefined && s.errors.length >= 2);
    await page.getByTestId('reference-input').fill(session.token!);
    await page.keyboard.press('Enter');
    const failure = page.getByTestId('run-failure');
    await expect(failure).toContainText('Rotated key');
    await expect(failure.getByTestId('failure-edit-connection')).toBeVisible();
    await expect(failure.getByTestId('failure-retry')).toBeVisible();
    await attachScreenshot(page, testInfo, 'failure-with-actions');

    await failure.getByTestId('failure-edit-connection').click();
    const card = page.locator('[data-testid=connection-card][data-name="Rotated key"]');
    await expect(card.getByTestId('connection-form')).toBeVisible();
    await expect(card.getByTestId('conn-secret')).toBeFocused();
    await expect(card.getByTestId('conn-access-key')).toHaveAttribute(
      'placeholder',
      new RegExp(`^${DEFAULT_CREDENTIAL.accessKeyId} \\(stored\\)`),
    );
    await attachScreenshot(page, testInfo, 'edit-connection-from-failure');

    // Only the new secret is typed: it goes with the stored key ID.
    await card.getByTestId('conn-secret').fill(DEFAULT_CREDENTIAL.secretAccessKey);
    await card.getByTestId('conn-save').click();
    await expect(card.getByTestId('conn-key-id')).toHaveText(DEFAULT_CREDENTIAL.accessKeyId);
    await expect(card.getByTestId('conn-last-test')).toContainText('never');
    await card.getByTestId('conn-test').click();
    await expect(card.getByTestId('conn-test-ok')).toBeVisible();
    await expect(card.getByTestId('conn-last-test')).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} UTC/);
    const file = JSON.parse(await readFile(path.join(orcw.dataDir, 'connections.json'), 'utf8')) as {
      connections: { name: string; lastTestPassedAt?: number }[];
    };
    const stored = file.connections.find((c) => c.name === 'Rotated key');
    expect(stored?.lastTestPassedAt).toBeGreaterThan(Date.now() - 60_000);
    await attachScreenshot(page, testInfo, 'connection-key-id-and-last-test');

    // The key ID crosses IPC; neither the old nor the new secret ever does.
    const listed = JSON.stringify(await page.evaluate(() => window.correlator.listConnections()));
    expect(listed).toContain(DEFAULT_CREDENTIAL.accessKeyId);
    for (const secret of [OLD_SECRET, DEFAULT_CREDENTIAL.secretAccessKey]) expect(listed).not.toContain(secret);

    // Kept across a restart of the window.
    await page.reload();
    await page.getByTestId('nav-connections').click();
    await expect(page.locator('[data-testid=connection-card][data-name="Rotated key"]').getByTestId('conn-last-test')).toContainText(
      /\d{4}-\d{2}-\d{2}/,
    );

    await page.getByTestId('reference-input').fill(session.token!);
    await page.keyboard.press('Enter');
    await page.getByTestId('failure-retry').click();
    await expect(page.getByTestId('session-complete')).toBeVisible();
    await expect(page.getByTestId('run-failure')).toHaveCount(0);
    await expect(page.getByTestId('error-group')).toHaveCount(expectedGroups(session).length);
    await attachScreenshot(page, testInfo, 'retried-complete');
  });
});

test.describe('a cancelled run', () => {
  test.use({ orcwSetup: { prepare: async (dataDir) => void (demo = await startDemo(dataDir, { queryLatency: { baseMs: 120_000 } })) } });

  test('offers to run again', async ({ orcw }, testInfo) => {
    const { page } = orcw;
    const session = pickSession(demo.manifest, (s) => s.token !== undefined);
    await page.getByTestId('reference-input').fill(session.token!);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('run-progress')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('session-error')).toContainText('cancelled');
    await attachScreenshot(page, testInfo, 'cancelled-run-again');
    await page.getByTestId('session-retry').click();
    await expect(page.getByTestId('run-progress')).toContainText(`session ${session.sessionId}`);
  });
});

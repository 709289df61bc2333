import { expect, test } from './harness/fixtures';
import { DEFAULT_CREDENTIAL, startEmulator, type EmulatorManifest, type RunningEmulator } from '../support/cloudwatch-emulator';

let emulator: RunningEmulator;
let manifest: EmulatorManifest;
// No connection yet: the app starts on the guided setup.
test.use({
  orcwSetup: {
    prepare: async () => {
      emulator = await startEmulator();
      manifest = emulator.generate({ sessions: 6, seed: 7 });
    },
  },
});
test.afterEach(async () => emulator?.stop());

test('first run: a wrong secret fails the test with a hint, the right one passes, log groups are picked', async ({ orcw }, testInfo) => {
  const { page } = orcw;
  await expect(page.getByTestId('iam-steps')).toContainText('CloudWatchReadOnlyAccess');
  await page.getByTestId('conn-name').fill('Emulator');
  await page.getByTestId('conn-region').selectOption('eu-west-1');
  await page.getByTestId('conn-access-key').fill(DEFAULT_CREDENTIAL.accessKeyId);
  await page.getByTestId('conn-secret').fill('not-the-secret');
  await page.getByTestId('conn-advanced').click();
  await page.getByTestId('conn-endpoint').fill(emulator.url);
  await page.getByTestId('conn-save').click();

  const failure = page.getByTestId('conn-test-error');
  await expect(failure).toBeVisible();
  await expect(failure.locator('.hint')).not.toBeEmpty();
  await expect(page.getByTestId('setup-next')).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('wrong-secret.png') });

  await page.getByTestId('setup-back').click();
  await page.getByTestId('conn-access-key').fill(DEFAULT_CREDENTIAL.accessKeyId);
  await page.getByTestId('conn-secret').fill(DEFAULT_CREDENTIAL.secretAccessKey);
  await page.getByTestId('conn-save').click();
  await expect(page.getByTestId('conn-test-ok')).toBeVisible();
  await page.getByTestId('setup-next').click();

  // Search by prefix narrows the list; pick every generated group.
  await page.getByTestId('log-group-search').fill('/ecs/');
  await expect(page.getByTestId('log-group-option')).toHaveCount(manifest.logGroups.filter((g) => g.startsWith('/ecs/')).length);
  await page.getByTestId('log-group-search').fill('');
  await expect(page.getByTestId('log-group-option')).toHaveCount(manifest.logGroups.length);
  for (const option of await page.getByTestId('log-group-option').all()) await option.check();
  await expect(page.getByTestId('log-groups-selected')).toHaveText(`${manifest.logGroups.length} selected`);
  await page.getByTestId('log-groups-save').click();
  // Finishing the setup returns to the home screen; a session opened before that would be left.
  await expect(page.getByTestId('notice-info')).toContainText('is ready');

  // Ready: a session now correlates through the new connection.
  const session = manifest.sessions.find((s) => s.token && s.errors.length > 0)!;
  await page.getByTestId('reference-input').fill(session.token!);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);
  await expect(page.getByTestId('session-connections')).toHaveText('Emulator');
  await expect(page.getByTestId('session-complete')).toBeVisible();
  const types = await page.getByTestId('error-group').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.type ?? ''));
  for (const error of session.errors)
    expect(
      types.some((t) => t.includes(error.type.split('.').at(-1)!)),
      error.type,
    ).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('after-setup.png') });
});

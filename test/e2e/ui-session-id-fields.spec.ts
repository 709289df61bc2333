import { expect, test } from './harness/fixtures';
import { pickSession, startDemo, type DemoSetup } from './harness/demo-setup';
import type { ManifestSession } from '../support/cloudwatch-emulator';

// A team that logs the session ID under its own field name: the line is not found until the
// connection names the field (in the connection form), then a refresh finds it.

let demo: DemoSetup;
let session: ManifestSession;
const TEAM_LINE = 'team field: invoice export failed';

test.use({
  orcwSetup: {
    prepare: async (dataDir) => {
      demo = await startDemo(dataDir);
      session = pickSession(demo.manifest, (s) => s.token !== undefined);
      const group = demo.manifest.logGroups[0]!;
      demo.emulator.putEvents(group, 'billing/team', [
        { timestamp: session.start + 60_000, message: JSON.stringify({ level: 'error', sessionId: session.sessionId, msg: TEAM_LINE }) },
        // Another session's line under the same field: never found for this one.
        {
          timestamp: session.start + 61_000,
          message: JSON.stringify({ level: 'error', sessionId: `${session.sessionId}1`, msg: 'someone else' }),
        },
      ]);
    },
  },
});
test.afterEach(async () => demo?.stop());

test('session ID field names set in the connection form find the team’s own lines', async ({ orcw }, testInfo) => {
  const { page } = orcw;
  const open = async () => {
    await page.getByTestId('reference-input').fill(session.token!);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('session-complete')).toBeVisible();
  };
  await open();
  await expect(page.getByTestId('session-matched')).toHaveText(new RegExp(`^${session.taggedEvents} lines?$`));

  await page.getByTestId('nav-connections').click();
  await page.getByTestId('conn-edit').click();
  await page.getByTestId('conn-id-fields').fill('sessionId, or_session');
  await page.getByTestId('conn-save').click();
  await page.getByTestId('conn-edit').click();
  await expect(page.getByTestId('conn-id-fields')).toHaveValue('sessionId, or_session');
  await page.screenshot({ path: testInfo.outputPath('id-fields.png') });
  expect((await demo.connections.list())[0]!.sessionIdFields).toEqual(['sessionId', 'or_session']);

  // The cached run searched without the field: a refresh searches again, in full.
  await page.getByTestId('nav-home').click();
  await open();
  await page.getByTestId('refresh-session').click();
  await expect(page.getByTestId('session-source')).toHaveText('Fresh from CloudWatch');
  await expect(page.getByTestId('session-matched')).toHaveText(`${session.taggedEvents + 1} lines`);
  await page.getByTestId('filter-text').fill('invoice export failed');
  await expect(page.getByTestId('event-row')).toHaveCount(1);
  await page.getByTestId('filter-text').fill('someone else');
  await expect(page.getByTestId('event-row')).toHaveCount(0);
});

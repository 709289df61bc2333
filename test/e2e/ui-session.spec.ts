import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { expectedGroups, pickSession, startDemo, type DemoSetup } from './harness/demo-setup';
import type { ManifestSession } from '../support/cloudwatch-emulator';
import { parseDeepLink } from '../../shared/session/reference';

let demo: DemoSetup;
test.use({ orcwSetup: { prepare: async (dataDir) => void (demo = await startDemo(dataDir)) } });
test.afterEach(async () => demo?.stop());

/** A token-tagged session with at least two causes, one of them repeated. */
const richSession = (d: DemoSetup) =>
  pickSession(d.manifest, (s) => s.tokenFormat === 4 && expectedGroups(s).length >= 2 && expectedGroups(s).some((g) => g.count > 1));

async function expectSessionMatchesManifest(page: Page, session: ManifestSession): Promise<void> {
  await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);
  await expect(page.getByTestId('session-matched')).toHaveText(new RegExp(`^${session.taggedEvents} lines?$`));
  const groups = expectedGroups(session);
  await expect(page.getByTestId('error-group')).toHaveCount(groups.length);
  const shown = await page
    .getByTestId('error-group')
    .evaluateAll((rows) =>
      rows.map((row) => ({ count: Number((row as HTMLElement).dataset.count), type: (row as HTMLElement).dataset.type ?? '' })),
    );
  // Sorted by count (the UI's order), the counts are the manifest's occurrences per cause.
  expect(shown.map((g) => g.count)).toEqual(groups.map((g) => g.count));
  for (const group of groups)
    expect(
      shown.some((g) => g.type.includes(group.type)),
      group.type,
    ).toBe(true);

  const listed = Number(await page.getByTestId('event-list').getAttribute('data-count'));
  // The bars are counted by main for the plot's width, so they arrive just after the list.
  const bins = () =>
    page
      .getByTestId('timeline-bin')
      .evaluateAll((els) =>
        els.map((el) => ({ total: Number(el.getAttribute('data-total')), errors: Number(el.getAttribute('data-errors')) })),
      );
  await expect.poll(async () => (await bins()).reduce((n, b) => n + b.total, 0)).toBe(listed);
  expect((await bins()).reduce((n, b) => n + b.errors, 0)).toBeGreaterThanOrEqual(session.errors.length);
  await expect(page.getByTestId('event-count')).toHaveText(`${listed.toLocaleString('en-US')} events`);
  // Every planted error is in the list with its exception type.
  for (const group of groups) {
    await page.getByTestId('filter-text').fill(group.type);
    await expect(page.getByTestId('event-row').first()).toBeVisible();
  }
  await page.getByTestId('filter-text').fill('');
}

test('a pasted token shows the groups, timeline and events of the emulator manifest', async ({ orcw }, testInfo) => {
  const { page } = orcw;
  const session = richSession(demo);
  await page.getByTestId('reference-input').fill(session.token!);
  await expect(page.getByTestId('reference-status')).toContainText(`session ${session.sessionId}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-source')).toHaveText('Fresh from CloudWatch');
  await expect(page.getByTestId('session-complete')).toBeVisible();
  await expectSessionMatchesManifest(page, session);

  // Clicking a timeline bin with errors filters the list to that slice of time.
  const bin = page.locator('[data-testid=timeline-bin]:not([data-errors="0"])').first();
  const inBin = Number(await bin.getAttribute('data-total'));
  await bin.click({ force: true });
  await expect(page.getByTestId('event-list')).toHaveAttribute('data-count', String(inBin));
  await expect(page.getByTestId('filter-bin-chip')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('token-session.png') });
});

test('the same session opens from an orcw:// deep link, then from the cache', async ({ orcw }) => {
  const { page } = orcw;
  const session = richSession(demo);
  orcw.sendDeepLink(`orcw://session/${session.token}`);
  await expect(page.getByTestId('session-source')).toHaveText('Fresh from CloudWatch');
  await expectSessionMatchesManifest(page, session);

  orcw.sendDeepLink(`orcw://session/${session.sessionId}`);
  await expect(page.getByTestId('session-source')).toHaveText('From cache');
  await expectSessionMatchesManifest(page, session);
});

test('a malformed deep link shows the parser message and opens nothing', async ({ orcw }) => {
  const { page } = orcw;
  orcw.sendDeepLink('orcw://session/not-a-token!');
  await expect(page.getByTestId('notice-error')).toContainText('Link not opened');
  await expect(page.getByTestId('session-view')).toHaveCount(0);
});

test('a replay URL opens the session; replay links carry jumpto; the deep link is copied', async ({ orcw }, testInfo) => {
  const { page } = orcw;
  const session = richSession(demo);
  const replay = `https://app.openreplay.com/demo/session/${session.sessionId}?jumpto=5000`;
  await page.getByTestId('reference-input').fill(replay);
  await page.keyboard.press('Enter');
  await expectSessionMatchesManifest(page, session);

  await page.getByTestId('error-group').first().click();
  await expect(page.getByTestId('group-detail')).toBeVisible();
  await expect(page.getByTestId('stack-frames')).toBeVisible();
  await page.getByTestId('group-detail').getByTestId('replay-at-moment').click();
  await expect
    .poll(() => orcw.openedExternal.at(-1))
    .toMatch(new RegExp(`^https://app\\.openreplay\\.com/demo/session/${session.sessionId}\\?jumpto=\\d+$`));

  await page.getByTestId('event-row').first().click();
  await page.getByTestId('event-detail').getByTestId('replay-at-moment').click();
  await expect.poll(() => orcw.openedExternal.length).toBe(2);

  await page.getByTestId('copy-deep-link').click();
  await expect.poll(() => orcw.clipboard.at(-1)).toMatch(/^orcw:\/\/session\/[^?]+\?replay=/);
  expect(parseDeepLink(orcw.clipboard.at(-1)!)).toMatchObject({
    ok: true,
    value: { sessionId: session.sessionId, replayUrl: replay.split('?')[0] },
  });
  await page.getByTestId('copy-report').click();
  await expect.poll(() => orcw.clipboard.at(-1)).toContain(session.sessionId);
  await page.getByTestId('event-detail').getByTestId('copy-markdown').click();
  await expect.poll(() => orcw.clipboard.at(-1)).toContain(`- Session: \`${session.sessionId}\``);
  await page.screenshot({ path: testInfo.outputPath('replay-url-session.png') });
});

import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { expectedGroups, startDemo, type DemoSetup } from './harness/demo-setup';
import { attachScreenshot } from './harness/screenshots';
import type { ManifestSession } from '../support/cloudwatch-emulator';

let demo: DemoSetup;
test.use({ orcwSetup: { prepare: async (dataDir) => void (demo = await startDemo(dataDir, { sessions: 12 })) } });
test.afterEach(async () => demo?.stop());

async function open(page: Page, session: ManifestSession) {
  await page.getByTestId('reference-input').fill(session.token ?? session.sessionId);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);
  await expect(page.getByTestId('session-complete')).toBeVisible();
}

/** Ground truth from the generator: the same groupKey is the same bug, in whichever session. */
function sharing(sessions: readonly ManifestSession[], key: string, except: ManifestSession): string[] {
  return sessions
    .filter((s) => s !== except && s.errors.some((e) => e.groupKey === key))
    .map((s) => s.sessionId)
    .sort();
}

test('a group says in which other cached sessions the same error occurred, opens them offline, and Search lists them', async ({
  orcw,
}, testInfo) => {
  test.setTimeout(120_000);
  const { page } = orcw;
  const sessions = demo.manifest.sessions;
  // A session whose most frequent cause is unambiguous and also happened in other sessions.
  const target = sessions.find((s) => {
    const [top, next] = expectedGroups(s);
    return top !== undefined && (next === undefined || top.count > next.count) && sharing(sessions, top.key, s).length > 0;
  });
  if (!target) throw new Error('no generated session shares its top error; change the seed');
  const top = expectedGroups(target)[0]!;
  const others = sharing(sessions, top.key, target);
  for (const session of sessions) if (session !== target) await open(page, session);
  await open(page, target);

  const row = page.getByTestId('error-group').first();
  await expect(row.getByTestId('group-related')).toHaveText(`+${others.length} ${others.length === 1 ? 'session' : 'sessions'}`);
  await row.click();
  const related = page.getByTestId('related-sessions');
  await expect(related).toHaveAttribute('data-count', String(others.length));
  // In the order shown: which one is first is the list's business, not this spec's.
  const listed = await related
    .getByTestId('related-session')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-session-id') ?? ''));
  expect([...listed].sort()).toEqual(others);
  const fingerprint = (await row.getAttribute('data-fingerprint'))!;
  await attachScreenshot(page, testInfo, 'related-sessions');

  // Opening one comes from the cache, at the same error group; CloudWatch is not asked again.
  const queries = demo.emulator.metrics.queries.length;
  await related.getByTestId('related-session').first().click();
  await expect(page.getByTestId('session-id')).toHaveText(listed[0]!);
  await expect(page.getByTestId('session-source')).toHaveText('From cache');
  await expect(page.locator(`[data-testid=error-group][aria-selected=true]`)).toHaveAttribute('data-fingerprint', fingerprint);
  expect(demo.emulator.metrics.queries.length).toBe(queries);

  // Search → sessions by error, by fingerprint and by the exception's type.
  await page.getByTestId('search-fingerprint').click();
  await expect(page.getByTestId('search-input')).toHaveValue(fingerprint);
  const hits = page.getByTestId('error-session-hit');
  await expect(hits).toHaveCount(others.length + 1);
  expect((await hits.evaluateAll((els) => els.map((el) => el.getAttribute('data-session-id') ?? ''))).sort()).toEqual(
    [...others, target.sessionId].sort(),
  );
  await attachScreenshot(page, testInfo, 'sessions-by-fingerprint');

  const type = top.type;
  await page.getByTestId('search-input').fill(type);
  const withType = sessions
    .filter((s) => s.errors.some((e) => (e.type.split('.').at(-1) ?? e.type) === type))
    .map((s) => s.sessionId)
    .sort();
  await expect
    .poll(async () => [...new Set(await hits.evaluateAll((els) => els.map((el) => el.getAttribute('data-session-id') ?? '')))].sort())
    .toEqual(withType);
  await page.getByTestId('error-session-results').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-source')).toHaveText('From cache');
});

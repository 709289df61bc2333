import { expect, test } from './harness/fixtures';
import { pickSession, startDemo, type DemoSetup } from './harness/demo-setup';

let demo: DemoSetup;
test.use({ orcwSetup: { prepare: async (dataDir) => void (demo = await startDemo(dataDir)) } });
test.afterEach(async () => demo?.stop());

test('search across cached sessions links into the session with the line selected', async ({ orcw }, testInfo) => {
  const { page } = orcw;
  // Two sessions, the second with an exception type the first never logged: its hits must lead there.
  const lastType = (type: string) => type.split('.').at(-1)!;
  const first = pickSession(demo.manifest, (s) => s.token !== undefined && s.errors.length > 0);
  const target = pickSession(
    demo.manifest,
    (s) => s !== first && s.token !== undefined && s.errors.some((e) => !first.errors.some((f) => lastType(f.type) === lastType(e.type))),
  );
  const type = lastType(target.errors.find((e) => !first.errors.some((f) => lastType(f.type) === lastType(e.type)))!.type);

  for (const session of [first, target]) {
    await page.getByTestId('reference-input').fill(session.token!);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);
  }

  await page.keyboard.press('Control+Shift+F');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.type(type);
  const hits = page.getByTestId('search-hit');
  await expect(hits.first()).toBeVisible();
  const sessions = await hits.evaluateAll((els) => els.map((el) => el.getAttribute('data-session-id')));
  expect(new Set(sessions)).toEqual(new Set([target.sessionId]));
  await page.screenshot({ path: testInfo.outputPath('search.png') });

  await hits.first().click();
  await expect(page.getByTestId('session-id')).toHaveText(target.sessionId);
  await expect(page.getByTestId('event-detail')).toContainText(type);
  await expect(page.locator('[data-testid=event-row][aria-selected=true]')).toHaveCount(1);
});

import { expect, test } from './harness/fixtures';
import { pickSession, startDemo, type DemoSetup } from './harness/demo-setup';

let demo: DemoSetup;
test.use({ orcwSetup: { prepare: async (dataDir) => void (demo = await startDemo(dataDir)) } });
test.afterEach(async () => demo?.stop());

// What main understood of the lines is what the screen shows: rows without the session tag,
// the exception with its frames (file:line, application frames apart from library ones) and
// its cause chain — never re-derived in the renderer.
test('an error group shows its exception, frames and causes; rows show their summaries', async ({ orcw }) => {
  const { page } = orcw;
  const session = pickSession(
    demo.manifest,
    (s) => s.token !== undefined && s.errors.some((e) => e.groupKey === 'python:NotFoundError:order-lookup'),
  );
  await page.getByTestId('reference-input').fill(session.token!);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);

  const rows = await page.getByTestId('event-row').allTextContents();
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.filter((text) => text.includes('openReplaySessionToken='))).toEqual([]);

  // A Python error raised while handling another: the one raised, its frames innermost first, and the one it handled.
  await page.locator('[data-testid=error-group][data-type="api.errors.NotFoundError"]').first().click();
  const detail = page.getByTestId('group-detail');
  await expect(detail.getByTestId('exception-head').first()).toContainText(/^api\.errors\.NotFoundError: order .* not found/);
  const causes = detail.getByTestId('exception-cause');
  await expect(causes).toHaveCount(1);
  await expect(causes.getByTestId('exception-head')).toContainText(/^While handling: KeyError/);
  const own = detail.locator('[data-testid=exception] > [data-testid=stack-frames] [data-testid=stack-frame][data-app=true]');
  await expect(own.first()).toContainText('get');
  await expect(own.first()).toContainText('/app/api/repositories/orders.py:25');
  await expect(own.first()).toContainText('raise NotFoundError');
  await expect(
    detail.locator('[data-testid=exception] > [data-testid=stack-frames] [data-testid=stack-frame][data-app=false]').first(),
  ).toContainText('site-packages');
});

import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { pickSession, startDemo, type DemoSetup } from './harness/demo-setup';
import { attachAtSizes, attachScreenshot } from './harness/screenshots';
import type { ManifestSession } from '../support/cloudwatch-emulator';

// Rows and panes hide nothing: a short source column at every width, the session tag out of the
// rows (dimmed in the raw line, kept in copies), rows that wrap on request, header actions that
// wrap instead of leaving the window, a divider that resizes the details and keeps the selected
// row on screen, and filters that never leave a silent empty list.

const POD = 'checkout-7d9f8b6c4-x2lkq';
const MARK = 'LONGLINE';
const LONG = `${MARK} payment provider timed out after 30000 ms while capturing the order; the retry budget of 3 attempts was spent on the same upstream (acquirer gateway eu-west-1b), so the order stays pending until the reconciliation job picks it up at the end of the hour`;

let demo: DemoSetup;
let session: ManifestSession;
const prepare = async (dataDir: string) => {
  demo = await startDemo(dataDir);
  session = pickSession(demo.manifest, (s) => s.token !== undefined && s.errors.length >= 2);
  // Two long lines as Fluent Bit ships them from a Kubernetes pod (the tag inside the logged line).
  const line = (n: number) =>
    JSON.stringify({
      log: `[openReplaySessionToken=${session.token}] ERROR ${LONG} (${n})\n`,
      stream: 'stderr',
      kubernetes: { pod_name: POD, namespace_name: 'shop', container_name: 'checkout', host: 'ip-10-0-1-7.eu-west-1.compute.internal' },
    });
  demo.emulator.putEvents(session.logGroups[0]!, 'kube/checkout', [
    { timestamp: session.start + 120_000, message: line(1) },
    { timestamp: session.start + 121_000, message: line(2) },
    // A line that states no level.
    { timestamp: session.start + 122_000, message: `[openReplaySessionToken=${session.token}] cache warmed for tenant 42` },
  ]);
};
test.afterEach(async () => demo?.stop());

async function open(page: Page) {
  await page.getByTestId('reference-input').fill(session.token!);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);
  await expect(page.getByTestId('session-complete')).toBeVisible();
}

function isCut(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not laid out');
  return found;
}

/** True when `inner` lies wholly inside `outer` on screen. */
async function within(inner: Locator, outer: Locator): Promise<boolean> {
  const a = await box(inner);
  const b = await box(outer);
  return a.y >= b.y - 0.5 && a.y + a.height <= b.y + b.height + 0.5 && a.x >= b.x - 0.5 && a.x + a.width <= b.x + b.width + 0.5;
}

test.describe('rows and panes', () => {
  test.use({ orcwSetup: { prepare } });

  test('rows show a short source at every width and no session tag; the dash is explained; rows wrap on request; copies keep the tag', async ({
    orcw,
  }, testInfo) => {
    const { page } = orcw;
    await open(page);
    const rows = page.getByTestId('event-row');
    expect((await rows.allTextContents()).filter((text) => /openReplaySession/i.test(text))).toEqual([]);

    // 1024 px: the source column stays, with the short name: the pod, else the log group's last part.
    await page.setViewportSize({ width: 1024, height: 640 });
    const lastParts = demo.manifest.logGroups.map((g) => g.split('/').at(-1));
    const generated = rows.first().getByTestId('event-source').locator('.source-short');
    await expect(generated).toBeVisible();
    // The generator also ships some services in envelopes (their rows show the pod or container),
    // so the rows on screen hold at least one of a plain service showing its group's last part.
    const shown = await rows.getByTestId('event-source').locator('.source-short').allTextContents();
    expect(shown.filter((text) => lastParts.includes(text)).length).toBeGreaterThan(0);
    await page.getByTestId('filter-text').fill(MARK);
    await expect(rows).toHaveCount(2);
    await expect(rows.first().getByTestId('event-source').locator('.source-short')).toBeVisible();
    await expect(rows.first().getByTestId('event-source').locator('.source-short')).toHaveText(POD);
    expect(await isCut(rows.first().getByTestId('event-message'))).toBe(true);

    // Wrapped: each row as tall as its whole line, the rows one below the other.
    await page.getByTestId('wrap-rows').click();
    await expect(page.getByTestId('wrap-rows')).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await box(rows.first())).height).toBeGreaterThan(3 * 24);
    expect(await isCut(rows.first().getByTestId('event-message'))).toBe(false);
    await expect(rows.first().getByTestId('event-message')).toContainText(`${LONG} (1)`);
    const [first, second] = [await box(rows.nth(0)), await box(rows.nth(1))];
    expect(second.y).toBeGreaterThanOrEqual(first.y + first.height - 0.5);
    await attachAtSizes(page, testInfo, 'wrapped rows');

    // The raw line keeps the tag, dimmed; Copy writes the line as logged, tag and all.
    await rows.first().click();
    const detail = page.getByTestId('event-detail');
    const tag = detail.getByTestId('session-tag').first();
    await expect(tag).toContainText(`openReplaySessionToken=${session.token}`);
    await detail.getByTestId('copy-event').click();
    await expect.poll(() => orcw.clipboard.at(-1)).toContain(`[openReplaySessionToken=${session.token}] ERROR ${MARK}`);
    await page.getByTestId('wrap-rows').click();

    // The level dash says what it means, to a screen reader too.
    await page.getByTestId('filter-text').fill('');
    await page.getByTestId('filter-level-unknown').click();
    const dash = page.getByTestId('event-list').getByTestId('level-unknown').first();
    await expect(dash).toHaveAttribute('title', /No level/);
    await expect(dash).toContainText('No level');
    await expect(dash.locator('[aria-hidden=true]')).toHaveText('—');
  });

  test('the divider resizes the details with pointer and keys and keeps the selected row in view', async ({ orcw }, testInfo) => {
    const { page } = orcw;
    await open(page);
    const list = page.getByTestId('event-list');
    const rows = page.getByTestId('event-row');
    // The lowest row wholly on screen: opening the details below the list must not hide it.
    const listBox = await box(list);
    const boxes = await rows.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ y: r.y, bottom: r.bottom })));
    const lowest = boxes
      .map((b, i) => ({ ...b, i }))
      .filter((b) => b.y >= listBox.y && b.bottom <= listBox.y + listBox.height)
      .at(-1)!;
    const picked = rows.nth(lowest.i);
    const id = await picked.getAttribute('data-event-id');
    await picked.click();
    await expect(page.getByTestId('event-detail')).toBeVisible();
    const selected = page.locator(`[data-testid=event-row][data-event-id="${id}"]`);
    await expect.poll(() => within(selected, list)).toBe(true);

    const divider = page.getByRole('separator', { name: 'Resize the details pane' });
    await expect(divider).toHaveAttribute('aria-orientation', 'horizontal');
    await expect(divider).toHaveAttribute('aria-valuenow', '40');
    const before = (await box(page.getByTestId('event-detail'))).height;
    await divider.focus();
    await page.keyboard.press('End');
    await expect(divider).toHaveAttribute('aria-valuenow', '75');
    await expect.poll(async () => (await box(page.getByTestId('event-detail'))).height).toBeGreaterThan(before + 100);
    await expect.poll(() => within(selected, list)).toBe(true);
    await attachAtSizes(page, testInfo, 'details enlarged, selection in view');
    await page.keyboard.press('Home');
    await expect(divider).toHaveAttribute('aria-valuenow', '20');
    await page.keyboard.press('ArrowUp');
    await expect(divider).toHaveAttribute('aria-valuenow', '24');

    // Dragged up by a tenth of the grid: the details grow by about ten points.
    const grid = await box(page.locator('.session-grid'));
    const handle = await box(divider);
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2 - grid.height / 10, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Number(await divider.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(32);
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBeLessThanOrEqual(36);
    await expect.poll(() => within(selected, list)).toBe(true);

    // Wide windows put the details beside the list: the divider is vertical, ← makes them wider.
    await page.setViewportSize({ width: 1500, height: 860 });
    await expect(divider).toHaveAttribute('aria-orientation', 'vertical');
    const value = Number(await divider.getAttribute('aria-valuenow'));
    await divider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(divider).toHaveAttribute('aria-valuenow', String(value + 4));
    await attachScreenshot(page, testInfo, 'details beside the list 1500x860');
  });

  test('a group picked under a time slice it never occurred in says why the list is empty and offers to clear', async ({
    orcw,
  }, testInfo) => {
    const { page } = orcw;
    await open(page);
    const group = page.getByTestId('error-group').last();
    const count = Number(await group.getAttribute('data-count'));
    const bins = page.getByTestId('timeline-bin');
    // Bars count what the other filters leave: with the group picked, only its occurrences.
    await group.click();
    await expect(page.getByTestId('event-count')).toHaveText(new RegExp(`^${count} of `));
    const without = await bins.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-total'))));
    await group.click();
    await expect(page.getByTestId('filter-group-chip')).toHaveCount(0);
    const totals = await bins.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-total'))));
    const slice = totals.findIndex((total, i) => total > 0 && without[i] === 0);
    expect(slice).toBeGreaterThanOrEqual(0);
    await bins.nth(slice).click();
    await expect(page.getByTestId('filter-bin-chip')).toBeVisible();
    await expect(page.getByTestId('event-count')).toHaveText(new RegExp(`^${totals[slice]} of `));

    await group.click();
    const empty = page.getByTestId('filtered-empty');
    await expect(empty).toBeVisible();
    await expect(page.getByTestId('event-count')).toHaveText(/^0 of /);
    const part = (key: string) => empty.locator(`[data-testid=filtered-empty-part][data-part=${key}]`);
    await expect(part('fingerprint')).toContainText(`without it: ${totals[slice]} ${totals[slice] === 1 ? 'event' : 'events'}`);
    await expect(part('bin')).toContainText(`without it: ${count} ${count === 1 ? 'event' : 'events'}`);
    await attachAtSizes(page, testInfo, 'empty list says why');

    await empty.getByTestId('filtered-empty-remove-bin').click();
    await expect(page.getByTestId('filter-bin-chip')).toHaveCount(0);
    await expect(page.getByTestId('event-row')).toHaveCount(count);
    await page.getByTestId('filter-text').fill('no line says this 7f3a');
    await expect(empty).toBeVisible();
    await empty.getByTestId('filtered-empty-clear').click();
    await expect(page.getByTestId('filter-text')).toHaveValue('');
    await expect(page.getByTestId('filter-group-chip')).toHaveCount(0);
    await expect(page.getByTestId('filtered-empty')).toHaveCount(0);
  });
});

for (const { label, viewport, deviceScaleFactor } of [
  { label: '1024×640', viewport: { width: 1024, height: 640 }, deviceScaleFactor: 1 },
  // 150 % zoom of a 1024×640 window: the page lays out in 683×427 CSS pixels.
  { label: '1024×640 at 150 %', viewport: { width: 683, height: 427 }, deviceScaleFactor: 1.5 },
]) {
  test.describe(`header at ${label}`, () => {
    test.use({ orcwSetup: { prepare }, viewport, deviceScaleFactor });

    test(`every header action is on screen and Refresh can be clicked (${label})`, async ({ orcw }, testInfo) => {
      const { page } = orcw;
      await open(page);
      const actions = page.locator('.session-actions > *');
      expect(await actions.count()).toBeGreaterThanOrEqual(5);
      for (const action of await actions.all()) await expect(action).toBeInViewport({ ratio: 1 });
      const refresh = page.getByTestId('refresh-session');
      await refresh.click({ trial: true });
      await refresh.click();
      await expect(page.getByTestId('session-complete')).toBeVisible();
      // The rows below keep their message column, however narrow the window.
      const message = await box(page.getByTestId('event-row').first().getByTestId('event-message'));
      expect(message.width).toBeGreaterThanOrEqual(100);
      await attachScreenshot(page, testInfo, `header ${label}`);
    });
  });
}

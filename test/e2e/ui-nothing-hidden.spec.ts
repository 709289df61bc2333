import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { pickSession, startDemo, type DemoSetup } from './harness/demo-setup';
import { attachAtSizes } from './harness/screenshots';
import type { ManifestError, ManifestSession } from '../support/cloudwatch-emulator';

// Nothing of what main read is hidden by the layout: whole titles and types in the detail pane
// (and on the keyboard's current row), qualified names cut in the middle, the sample line as
// logged, frames with file:line:col, every occurrence of a group one step away.

const CLIENT_ERROR = 'botocore.exceptions.ClientError';
const NODE_TYPE_ERROR = 'node:TypeError:profile-id';
const ZERO_DIVISION = 'python:ZeroDivisionError:report-average';

let demo: DemoSetup;
// 20 sessions: the seed's first with a Node trace and with a group that occurs three times.
test.use({ orcwSetup: { prepare: async (dataDir) => void (demo = await startDemo(dataDir, { sessions: 20 })) } });
test.afterEach(async () => demo?.stop());

async function open(page: Page, session: ManifestSession) {
  await page.getByTestId('reference-input').fill(session.token ?? session.sessionId);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);
  await expect(page.getByTestId('session-complete')).toBeVisible();
}

/** True when an element's text does not fit its box (cut by an ellipsis or clipped). */
function isCut(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
}

/** A session's occurrences of one bug, in time order (the generator's ground truth). */
function occurrences(session: ManifestSession, key: string): ManifestError[] {
  return session.errors.filter((e) => e.groupKey === key).sort((a, b) => a.timestamp - b.timestamp);
}

test('a dotted type is cut in the middle, whole on the keyboard’s row and in the detail pane, with the sample line as logged', async ({
  orcw,
}, testInfo) => {
  const { page } = orcw;
  const session = pickSession(demo.manifest, (s) => s.token !== undefined && s.errors.some((e) => e.type === CLIENT_ERROR));
  const first = session.errors.filter((e) => e.type === CLIENT_ERROR).sort((a, b) => a.timestamp - b.timestamp)[0]!;
  await open(page, session);
  await page.setViewportSize({ width: 1024, height: 640 });

  const row = page.locator(`[data-testid=error-group][data-type="${CLIENT_ERROR}"]`).first();
  const type = row.getByTestId('group-type');
  // The whole name is in the text (what a screen reader reads and the option is named by)…
  await expect(type).toHaveText(CLIENT_ERROR);
  await expect(page.getByTestId('error-groups').getByRole('option', { name: new RegExp(CLIENT_ERROR.replaceAll('.', '\\.')) })).toHaveCount(
    await page.locator(`[data-testid=error-group][data-type="${CLIENT_ERROR}"]`).count(),
  );
  // …and whatever is cut, it is never the class name at the end.
  await expect(type.locator('.dotted-tail')).toHaveText('ClientError');
  expect(await isCut(type.locator('.dotted-tail'))).toBe(false);
  const typeBox = (await type.boundingBox())!;
  const rowBox = (await row.boundingBox())!;
  expect(typeBox.x + typeBox.width).toBeLessThanOrEqual(rowBox.x + rowBox.width);

  // The keyboard's current row shows its title and type whole, without a mouse tooltip.
  await page.getByTestId('error-groups').focus();
  const index = Number(await row.getAttribute('data-index'));
  for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
  await expect(row).toHaveClass(/is-active/);
  expect(await isCut(row.getByTestId('group-title'))).toBe(false);
  expect(await isCut(type)).toBe(false);

  await page.keyboard.press('Enter');
  const detail = page.getByTestId('group-detail');
  await expect(detail.getByTestId('group-detail-type')).toHaveText(CLIENT_ERROR);
  expect(await isCut(detail.getByTestId('group-detail-type'))).toBe(false);
  // The title the issue found cut (`bucket acme-reports-…`): whole to its end (volatile parts
  // such as the request ID masked, as the group's title is for all its occurrences).
  const bucket = /\(bucket [^,)]+/.exec(first.message)![0];
  await expect(detail.getByTestId('group-detail-title')).toContainText(bucket);
  await expect(detail.getByTestId('group-detail-title')).toHaveText(/\)$/);
  expect(await isCut(detail.getByTestId('group-detail-title'))).toBe(false);

  // The sample line as CloudWatch returned it: the message and every frame line the trace printed,
  // the session tag kept in the text and only dimmed.
  const sample = detail.getByTestId('sample-message-text');
  const raw = (await sample.textContent()) ?? '';
  // A JSON record carries the trace as a string, its quotes escaped, as the logger wrote it.
  const asLogged = (text: string) => (raw.startsWith('{') ? JSON.stringify(text).slice(1, -1) : text);
  expect(raw).toContain(asLogged(first.message));
  for (const frame of first.frames) expect(raw).toContain(asLogged(frame));
  await expect(sample).toContainText(session.token!);
  const tags = sample.getByTestId('session-tag');
  expect(await tags.count()).toBeGreaterThan(0);
  for (const text of await tags.allTextContents()) expect(text).toMatch(/openReplaySession/i);
  const [tagColor, textColor] = await sample.evaluate((el) => [
    getComputedStyle(el.querySelector('[data-testid=session-tag]')!).color,
    getComputedStyle(el).color,
  ]);
  expect(tagColor).not.toBe(textColor);
  await attachAtSizes(page, testInfo, 'group detail, whole type and sample line');

  // The event's record as a tree: its tag member is dimmed too, and still there.
  await detail.getByRole('button', { name: 'Show first event' }).click();
  const member = page.getByTestId('event-detail').locator('.json-line.is-session-tag');
  await expect(member).toHaveCount(1);
  await expect(member).toContainText(`openReplaySessionToken: "${session.token}"`);
});

test('frames show file, line and column, and Previous/Next step through a group’s occurrences in time order', async ({
  orcw,
}, testInfo) => {
  const { page } = orcw;
  const node = pickSession(demo.manifest, (s) => s.token !== undefined && occurrences(s, NODE_TYPE_ERROR).length > 0);
  await open(page, node);
  await page.locator('[data-testid=error-group][data-type="TypeError"]').first().click();
  // `at getUserProfile (/app/dist/services/profile.js:42:27)`: file, line and column, as printed.
  const frames = page.locator('[data-testid=group-detail] [data-testid=exception] > [data-testid=stack-frames]');
  const printed = occurrences(node, NODE_TYPE_ERROR)[0]!
    .frames.map((f) => /\(([^()]+:\d+:\d+)\)$|^at (\S+:\d+:\d+)$/.exec(f))
    .map((m) => m?.[1] ?? m?.[2]);
  expect(printed.filter(Boolean).length).toBeGreaterThan(0);
  for (const where of printed) if (where) await expect(frames).toContainText(where);

  const session = pickSession(demo.manifest, (s) => s.token !== undefined && occurrences(s, ZERO_DIVISION).length >= 3);
  const seen = occurrences(session, ZERO_DIVISION);
  await open(page, session);
  const row = page.locator('[data-testid=error-group][data-type="ZeroDivisionError"]').first();
  await expect(row).toHaveAttribute('data-count', String(seen.length));
  await row.click();
  const detail = page.getByTestId('group-detail');
  await detail.getByRole('button', { name: 'Show first event' }).click();
  const event = page.getByTestId('event-detail');
  await expect(event.getByTestId('occurrence-position')).toHaveText(`Occurrence 1 of ${seen.length}`);
  await expect(event).toHaveAttribute('data-timestamp', String(seen[0]!.timestamp));
  await expect(event.getByTestId('occurrence-previous')).toBeDisabled();
  for (let i = 1; i < seen.length; i += 1) {
    await event.getByTestId('occurrence-next').click();
    await expect(event.getByTestId('occurrence-position')).toHaveText(`Occurrence ${i + 1} of ${seen.length}`);
    await expect(event).toHaveAttribute('data-timestamp', String(seen[i]!.timestamp));
  }
  await expect(event.getByTestId('occurrence-next')).toBeDisabled();
  await event.getByTestId('occurrence-previous').click();
  await expect(event).toHaveAttribute('data-timestamp', String(seen.at(-2)!.timestamp));
  await attachAtSizes(page, testInfo, 'event detail, occurrence navigation');
});

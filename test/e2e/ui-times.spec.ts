import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { expectedGroups, pickSession, startDemo, type DemoSetup } from './harness/demo-setup';
import { attachScreenshot } from './harness/screenshots';
import type { ManifestSession } from '../support/cloudwatch-emulator';

let demo: DemoSetup;
// A zone an hour from UTC in winter (the demo traffic is in January), set on the browser only:
// the expected text below comes from Intl, an implementation independent of the app's.
const ZONE = 'Europe/Berlin';
test.use({ timezoneId: ZONE, orcwSetup: { prepare: async (dataDir) => void (demo = await startDemo(dataDir)) } });
test.afterEach(async () => demo?.stop());

function expectedStamp(ms: number, zone: 'local' | 'utc'): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone === 'utc' ? 'UTC' : ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const zoneName = zone === 'utc' ? 'UTC' : get('timeZoneName').replace('GMT', 'UTC');
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}.${get('fractionalSecond')} ${zoneName}`;
}
const clockOf = (stamp: string) => stamp.split(' ')[1]!;

/** The first occurrence of the session's most frequent error: what the first group's detail shows. */
function firstOfTopGroup(session: ManifestSession): number {
  const top = expectedGroups(session)[0]!;
  return Math.min(...session.errors.filter((e) => e.groupKey === top.key).map((e) => e.timestamp));
}

async function open(page: Page, session: ManifestSession) {
  await page.getByTestId('reference-input').fill(session.token!);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);
}

test('absolute times with milliseconds and zone beside every offset, local or UTC', async ({ orcw }, testInfo) => {
  const { page } = orcw;
  const session = pickSession(demo.manifest, (s) => s.token !== undefined && expectedGroups(s).some((g) => g.count > 1));
  await open(page, session);
  const first = firstOfTopGroup(session);

  // Local time is the default: the header, the column label and the timeline name the zone.
  await expect(page.getByTestId('session-started')).toHaveText(expectedStamp(session.start, 'local'));
  await expect(page.getByTestId('event-time-zone')).toHaveText('UTC+01:00');
  await expect(page.getByTestId('timeline-zone')).toHaveText('UTC+01:00');

  // The group's first occurrence: offset and the same instant as a full timestamp.
  await page.getByTestId('error-group').first().click();
  const firstSeen = page.getByTestId('group-first-seen');
  await expect(firstSeen).toContainText(`(${expectedStamp(first, 'local')})`);
  // The event row of that occurrence shows the same clock time next to its offset.
  await page.getByRole('button', { name: 'Show first event' }).click();
  const selected = page.locator('[data-testid=event-row][aria-selected=true]');
  await expect(selected.locator('.event-time')).toHaveText(clockOf(expectedStamp(first, 'local')));
  await expect(page.getByTestId('event-timestamp')).toHaveText(expectedStamp(first, 'local'));
  await attachScreenshot(page, testInfo, 'times-local');

  // Timeline ticks sit on round offsets and carry the clock time each stands for.
  const ticks = await page
    .getByTestId('timeline-tick')
    .evaluateAll((els) => els.map((el) => ({ offset: Number(el.getAttribute('data-offset-ms')), text: el.textContent ?? '' })));
  const step = Number(await page.getByTestId('timeline-axis').getAttribute('data-step-ms'));
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  for (const tick of ticks) {
    expect(tick.offset % step).toBe(0);
    expect(tick.text).toContain(clockOf(expectedStamp(session.start + tick.offset, 'local')));
  }

  // The quick toggle switches every absolute time to UTC and is saved as the setting.
  await page.getByTestId('time-zone-utc').click();
  await expect(page.getByTestId('session-started')).toHaveText(expectedStamp(session.start, 'utc'));
  await expect(page.getByTestId('event-time-zone')).toHaveText('UTC');
  await expect(selected.locator('.event-time')).toHaveText(clockOf(expectedStamp(first, 'utc')));
  await expect(page.getByTestId('event-timestamp')).toHaveText(expectedStamp(first, 'utc'));
  const contextTimes = await page.getByTestId('context-lines').locator('.context-time').allTextContents();
  expect(contextTimes.length).toBeGreaterThan(0);
  for (const text of contextTimes) expect(text).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3}( [+−]\d+d)?$/);
  expect(await page.evaluate(() => window.correlator.getSettings())).toMatchObject({ ok: true, value: { timeZone: 'utc' } });
  await attachScreenshot(page, testInfo, 'times-utc');

  // Kept across a restart of the window, and shown on the settings page too.
  await page.reload();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('time-zone-utc')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('time-zone-local').click();
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('recent-session').first()).toContainText(`started ${expectedStamp(session.start, 'local')}`);
});

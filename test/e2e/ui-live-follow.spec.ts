import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { startDemo, type DemoSetup } from './harness/demo-setup';
import { FLAKE_EPOCH_MS } from '../../shared/session/limits';

// Following a session live in the app: the real router and services, the real SDK's StartLiveTail
// against the emulator, and the test writing the session's lines into the emulator as it runs.

let demo: DemoSetup;
test.afterEach(async () => demo?.stop().catch(() => undefined));
test.use({ orcwSetup: { prepare: async (dataDir) => void (demo = await startDemo(dataDir, { sessions: 2 })) } });

/** A session that started a few minutes ago (flake layout: start = (id >> 24) + epoch). */
function liveSessionId(seq: number): string {
  return ((BigInt(Date.now() - 3 * 60_000 - FLAKE_EPOCH_MS) << 24n) | (9n << 8n) | BigInt(seq)).toString();
}

const messages = (page: Page) => page.getByTestId('event-row').locator('.event-message').allTextContents();

async function openAndFollow(page: Page, id: string) {
  await page.getByTestId('reference-input').fill(id);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-id')).toHaveText(id);
  const start = page.getByTestId('follow-start');
  await expect(start).toHaveText('Follow live');
  await start.click();
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-state', 'running');
  await expect.poll(() => demo.emulator.liveTail.sessions().length).toBeGreaterThan(0);
}

function append(group: string, id: string, text: string) {
  demo.emulator.putEvents(group, 'web/1', [{ timestamp: Date.now(), message: `${text} openReplaySession.id=${id}` }]);
}

/**
 * Records in the page when each event message first shows in the list (the page's clock is this
 * machine's, as the emulator's is): what a person sees, without the test's polling delay.
 */
async function watchRows(page: Page) {
  await page.evaluate(() => {
    const seen: Record<string, number> = {};
    (window as unknown as { __shownAt: Record<string, number> }).__shownAt = seen;
    const note = () => {
      for (const el of document.querySelectorAll('[data-testid=event-row] .event-message')) {
        const text = el.textContent ?? '';
        seen[text] ??= Date.now();
      }
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __shownAt: Record<string, number> }).__shownAt);
}

test('follows a session live: every appended line shows up in order within 2 s; Shift+L stops it', async ({ orcw }, testInfo) => {
  const { page } = orcw;
  const id = liveSessionId(1);
  const [g0, g1] = demo.manifest.logGroups as [string, string];
  await openAndFollow(page, id);
  const shownAt = await watchRows(page);
  const lines = [
    'step 1 cart opened',
    'step 2 coupon applied',
    'step 3 payment started',
    'step 4 payment declined',
    'step 5 retry scheduled',
  ];
  const appendedAt: number[] = [];
  for (const [i, line] of lines.entries()) {
    appendedAt.push(Date.now());
    append(i % 2 === 0 ? g0 : g1, id, line);
    // A line of another session between them never shows.
    append(g0, `${id}7`, 'not this session');
    await expect.poll(() => messages(page), { timeout: 10_000, intervals: [50] }).toEqual(lines.slice(0, i + 1));
  }
  const shown = await shownAt();
  const delays = lines.map((line, i) => shown[line]! - appendedAt[i]!);
  testInfo.annotations.push({ type: 'delays (ms)', description: delays.join(', ') });
  for (const [i, delay] of delays.entries()) expect(delay, `line ${i + 1} took ${delay} ms`).toBeLessThanOrEqual(2000);
  await expect(page.getByTestId('live-elapsed')).toHaveText(/^\d+:\d\d$/);
  await page.screenshot({ path: testInfo.outputPath('following.png') });
  await page.getByTestId('event-list').press('Shift+L');
  await expect(page.getByTestId('live-indicator')).toHaveCount(0);
  await expect(page.getByTestId('follow-start')).toBeVisible();
  await expect.poll(() => demo.emulator.liveTail.sessions().length).toBe(0);
  // The followed lines are the session's cached run now.
  expect(await messages(page)).toEqual(lines);
});

test('a stream dropped mid-way is resumed: every line shows exactly once, the gap filled by a query', async ({ orcw }, testInfo) => {
  const { page } = orcw;
  const id = liveSessionId(2);
  const group = demo.manifest.logGroups[0]!;
  await openAndFollow(page, id);
  append(group, id, 'line A before the drop');
  append(group, id, 'line B before the drop');
  await expect.poll(() => messages(page), { timeout: 5000, intervals: [50] }).toEqual(['line A before the drop', 'line B before the drop']);
  const opened = demo.emulator.liveTail.sessionsStarted;
  // One Live Tail session per 10 log groups: each dropped stream leaves its own gap to fill.
  const dropped = demo.emulator.liveTail.dropStreams();
  expect(dropped).toBeGreaterThan(0);
  // Written while no stream is open: only the query over the gap can bring it.
  append(group, id, 'line C during the drop');
  await expect.poll(() => demo.emulator.liveTail.sessionsStarted, { timeout: 10_000 }).toBeGreaterThan(opened);
  await expect(page.getByTestId('live-gaps')).toHaveText(`${dropped} ${dropped === 1 ? 'gap' : 'gaps'} filled by a query`, {
    timeout: 10_000,
  });
  append(group, id, 'line D after the resume');
  append(group, id, 'line E after the resume');
  const all = [
    'line A before the drop',
    'line B before the drop',
    'line C during the drop',
    'line D after the resume',
    'line E after the resume',
  ];
  await expect.poll(() => messages(page), { timeout: 5000 }).toEqual(all);
  await page.screenshot({ path: testInfo.outputPath('resumed.png') });
  await page.getByTestId('follow-stop').click();
  await expect(page.getByTestId('live-indicator')).toHaveCount(0);
  expect(await messages(page)).toEqual(all);
  await expect(page.getByTestId('event-list')).toHaveAttribute('data-count', '5');
});

test('leaving the session view stops following', async ({ orcw }) => {
  const { page } = orcw;
  await openAndFollow(page, liveSessionId(3));
  await page.getByTestId('nav-home').click();
  await expect.poll(() => demo.emulator.liveTail.sessions().length, { timeout: 5000 }).toBe(0);
});

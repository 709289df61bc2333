import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { expectedGroups, pickSession, startDemo, type DemoSetup } from './harness/demo-setup';

let demo: DemoSetup;
test.use({ orcwSetup: { prepare: async (dataDir) => void (demo = await startDemo(dataDir)) } });
test.afterEach(async () => demo?.stop());

const focused = (page: Page) =>
  page.evaluate(() => ({ id: document.activeElement?.id ?? '', testId: document.activeElement?.getAttribute('data-testid') ?? '' }));
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test('a whole session, keyboard only', async ({ orcw }, testInfo) => {
  const { page } = orcw;
  const session = pickSession(demo.manifest, (s) => s.token !== undefined && expectedGroups(s).length >= 2);

  await page.keyboard.press(`${mod}+L`);
  await expect(page.getByTestId('reference-input')).toBeFocused();
  await page.keyboard.type(session.token!);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);

  // j/k move through the events even with nothing focused; the detail follows.
  await page.keyboard.press('j');
  await expect(page.locator('[data-testid=event-row][aria-selected=true]')).toHaveAttribute('id', 'event-0');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(page.locator('[data-testid=event-row][aria-selected=true]')).toHaveAttribute('id', 'event-1');
  await expect(page.getByTestId('event-detail')).toBeVisible();
  await page.keyboard.press('Enter');
  expect((await focused(page)).id).toBe('event-detail');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('event-detail')).toHaveCount(0);

  // Tab reaches the error groups; arrows and Enter filter the list to a group.
  for (let i = 0; i < 40 && (await focused(page)).testId !== 'error-groups'; i += 1) await page.keyboard.press('Tab');
  expect((await focused(page)).testId).toBe('error-groups');
  // The focused list's active row carries a visible 2 px focus ring.
  const ring = await page.getByTestId('error-groups').evaluate((el) => {
    const style = getComputedStyle(el.querySelector('.is-active')!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
  });
  expect(ring).toMatchObject({ style: 'solid' });
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(ring.color).not.toBe('rgba(0, 0, 0, 0)');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const second = expectedGroups(session)[1]!;
  await expect(page.locator('[data-testid=error-group][aria-selected=true]')).toHaveAttribute('data-count', String(second.count));
  await expect(page.getByTestId('group-detail')).toBeVisible();
  await expect(page.getByTestId('filter-group-chip')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('keyboard-group.png') });

  // Ctrl/Cmd+F filters the events; Esc leaves the field, Esc again clears the filters.
  await page.keyboard.press(`${mod}+F`);
  await expect(page.getByTestId('filter-text')).toBeFocused();
  await page.keyboard.type('zz-no-such-line');
  await expect(page.getByTestId('event-list')).toHaveAttribute('data-count', '0');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('filter-group-chip')).toHaveCount(0);
  await expect(page.getByTestId('filter-text')).toHaveValue('');

  // Global search and back to the recent sessions, where Enter opens the highlighted one.
  await page.keyboard.press(`${mod}+Shift+F`);
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.press('Escape');
  for (let i = 0; i < 10 && (await focused(page)).testId !== 'nav-home'; i += 1) await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('recent-session')).toHaveCount(1);
  for (let i = 0; i < 20 && (await focused(page)).testId !== 'recent-sessions'; i += 1) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-id')).toHaveText(session.sessionId);
  await expect(page.getByTestId('session-source')).toHaveText('From cache');
});

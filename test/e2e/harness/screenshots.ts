import type { Page, TestInfo } from '@playwright/test';

/** A named screenshot of the state a spec reached: a file in the test's output folder, attached to the run. */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** The window sizes and themes a screen is shown and checked at: a laptop and a small window. */
export const SHOT_SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
] as const;
export const SHOT_THEMES = ['light', 'dark'] as const;

/**
 * The same state at 1280×800 and 1024×640 in both themes, attached to the run; the page is left
 * as it was found (size and colour scheme).
 */
export async function attachAtSizes(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const size of SHOT_SIZES) {
    await page.setViewportSize(size);
    for (const theme of SHOT_THEMES) {
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await attachScreenshot(page, testInfo, `${name} ${theme} ${size.width}x${size.height}`);
    }
  }
  if (before) await page.setViewportSize(before);
  await page.emulateMedia({ colorScheme: 'light' });
}

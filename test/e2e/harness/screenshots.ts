import type { Page, TestInfo } from '@playwright/test';

/** A named screenshot of the state a spec reached: a file in the test's output folder, attached to the run. */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

import { test as base } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchHarnessApp, type HarnessApp } from './harness-app';
import { launchElectronApp } from './electron-app';
import { findElectronBinary } from './electron-binary';

export interface OrcwFixtures {
  /**
   * `prepare` runs before the app starts, with the app's empty data directory (create connections,
   * seed the cache…). Wrapped in an object because Playwright treats a bare function as a fixture.
   */
  orcwSetup: { prepare?: (dataDir: string) => Promise<void> };
  orcw: HarnessApp;
}

/** Every spec gets its own data directory and app; the same specs run in Chromium and in Electron. */
export const test = base.extend<OrcwFixtures>({
  orcwSetup: [{}, { option: true }],
  orcw: async ({ page, orcwSetup }, use, testInfo) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'orcw-e2e-'));
    await orcwSetup.prepare?.(dataDir);
    const binary = findElectronBinary();
    const app =
      testInfo.project.name === 'electron' && 'path' in binary
        ? await launchElectronApp(binary.path, dataDir)
        : await launchHarnessApp(page, dataDir);
    await use(app);
    await app.page.screenshot({ path: testInfo.outputPath('final.png') }).catch(() => undefined);
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

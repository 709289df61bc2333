import { _electron as electron, type ElectronApplication } from '@playwright/test';
import path from 'node:path';
import type { HarnessApp } from './harness-app';

/** Launches the real built app through Playwright's Electron driver (where a binary exists). */
export async function launchElectronApp(executablePath: string, dataDir: string): Promise<HarnessApp & { electronApp: ElectronApplication }> {
  const electronApp = await electron.launch({
    executablePath,
    args: [path.resolve(import.meta.dirname, '../../../dist/main/index.cjs')],
    env: { ...process.env, ORCW_DATA_DIR: dataDir },
  });
  const page = await electronApp.firstWindow();
  const clipboard: string[] = [];
  const openedExternal: string[] = [];
  return {
    electronApp,
    page,
    dataDir,
    clipboard,
    openedExternal,
    sendDeepLink: (url) => {
      void electronApp.evaluate(({ app }, link) => app.emit('open-url', { preventDefault() {} }, link), url);
    },
    close: () => electronApp.close(),
  };
}

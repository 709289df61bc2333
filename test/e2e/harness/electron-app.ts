import { _electron as electron, type ElectronApplication } from '@playwright/test';
import path from 'node:path';
import type { HarnessApp } from './harness-app';

/** Answers Electron's own dialogs from the spec, by replacing the dialog functions in the app process. */
function electronDialogs(electronApp: ElectronApplication): HarnessApp['dialogs'] {
  const requests: HarnessApp['dialogs']['requests'] = [];
  return {
    requests,
    answer: (path) => {
      void electronApp.evaluate(({ dialog }, answer) => {
        const reply = { canceled: answer === null, filePath: answer ?? undefined, filePaths: answer === null ? [] : [answer] };
        Object.assign(dialog, { showSaveDialog: async () => reply, showOpenDialog: async () => reply });
      }, path);
    },
  };
}

/** Launches the real built app through Playwright's Electron driver (where a binary exists). */
export async function launchElectronApp(
  executablePath: string,
  dataDir: string,
): Promise<HarnessApp & { electronApp: ElectronApplication }> {
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
    dialogs: electronDialogs(electronApp),
    sendDeepLink: (url) => {
      void electronApp.evaluate(({ app }, link) => app.emit('open-url', { preventDefault() {} }, link), url);
    },
    sendOpenFile: (filePath) => {
      void electronApp.evaluate(({ app }, file) => app.emit('open-file', { preventDefault() {} }, file), filePath);
    },
    close: () => electronApp.close(),
  };
}

import { dialog, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { FileDialogs } from '../services/files/file-dialogs';

/**
 * Electron's native dialogs, attached to the app window (sheets on macOS). Saves start in
 * `defaultDir` (the user's Downloads folder): never inside the private data directory.
 */
export function electronFileDialogs(getWindow: () => BrowserWindow | null, defaultDir: string): FileDialogs {
  return {
    async chooseSavePath({ title, defaultName, filters }) {
      const window = getWindow();
      const options = {
        title,
        defaultPath: path.join(defaultDir, defaultName),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
      };
      const answer = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },
    async chooseOpenPath({ title, filters }) {
      const window = getWindow();
      const options = { title, defaultPath: defaultDir, filters, properties: ['openFile'] as 'openFile'[] };
      const answer = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
  };
}

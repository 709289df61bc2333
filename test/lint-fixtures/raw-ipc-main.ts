// lint-as: main/services/connections/bad.ts
// expect: no-restricted-syntax
import { ipcMain } from 'electron';
ipcMain.handle('secret', () => 'x');

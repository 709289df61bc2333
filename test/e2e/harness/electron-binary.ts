import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Finds the Electron binary without `require('electron')`, which would try to download it.
 * Returns the path, or the reason there is none (printed when the Electron project is left out).
 */
export function findElectronBinary(): { path: string } | { reason: string } {
  const packageDir = path.resolve(import.meta.dirname, '../../../node_modules/electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      reason:
        'no Electron binary in node_modules/electron (it is downloaded from outside the npm registry, which this machine cannot reach)',
    };
  }
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { reason: `Electron binary missing at ${binary}` };
}

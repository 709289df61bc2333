import { homedir } from 'node:os';
import { join } from 'node:path';

/** Electron's `productName`: the folder Electron itself would create under its appData path. */
export const PRODUCT_DIR = 'orcw';

export interface DataDirOptions {
  /** What the Electron entry gets from `app.getPath('userData')`. */
  electronUserData?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * The one data directory shared by the app and the CLI. `ORCW_DATA_DIR` wins (tests, portable
 * setups); otherwise Electron's own `userData` when running in Electron; otherwise the CLI computes
 * the same path Electron would, so both see the same connections and cache.
 */
export function resolveDataDir(options: DataDirOptions = {}): string {
  const env = options.env ?? process.env;
  const override = env.ORCW_DATA_DIR?.trim();
  if (override) return override;
  if (options.electronUserData) return options.electronUserData;
  return join(appDataDir(options.platform ?? process.platform, env, options.home ?? homedir()), PRODUCT_DIR);
}

/** Mirrors Electron's `app.getPath('appData')` for each OS. */
function appDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming');
  return env.XDG_CONFIG_HOME || join(home, '.config');
}

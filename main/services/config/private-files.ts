import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Only the user may read what orcw keeps: cached log lines, connection names, endpoints. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Makes the data directory `0700` and everything in it `0600` (directories `0700`), creating the
 * directory when asked. Runs at every start, so an install from before this rule (a `0644`
 * cache.db on a shared machine) is fixed too. Symbolic links are left alone: chmod would follow
 * them to files outside the directory. POSIX only; on Windows the profile directory's ACL applies.
 */
export function makeDataDirPrivate(dataDir: string, options: { create?: boolean } = {}): void {
  if (process.platform === 'win32') return;
  if (options.create) mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!tighten(dataDir, PRIVATE_DIR_MODE)) return;
  for (const entry of readdirSync(dataDir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) tighten(path, PRIVATE_DIR_MODE);
    else if (entry.isFile()) tighten(path, PRIVATE_FILE_MODE);
  }
}

/** A file orcw just created or moved (a moved-aside copy keeps the mode the user's file had). */
export function makeFilePrivate(path: string): void {
  if (process.platform === 'win32') return;
  tighten(path, PRIVATE_FILE_MODE);
}

/** False when the path is gone (or never was): there is nothing to protect. */
function tighten(path: string, mode: number): boolean {
  let stat;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (stat.isSymbolicLink()) return false;
  if ((stat.mode & 0o777) !== mode) chmodSync(path, mode);
  return true;
}

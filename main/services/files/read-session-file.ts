import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_SESSION_FILE_BYTES, SESSION_FILE_HINT } from '../../../shared/domain/session-file';
import { AppError } from '../../../shared/errors';

/**
 * Reads an exported session file the user picked (dialog, double-click, drop, the CLI), bounded:
 * a path that is not a regular file, or a file over MAX_SESSION_FILE_BYTES, is refused before
 * anything is read, so a wrong choice (a disk image, /dev/zero) cannot exhaust memory.
 */
export async function readSessionFile(path: string): Promise<string> {
  const name = basename(path);
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new AppError(
      'NOT_FOUND',
      `Cannot read ${name} (${reason}).`,
      `Check that the file still exists and is readable. ${SESSION_FILE_HINT}`,
    );
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new AppError('CACHE_IMPORT_INVALID', `${name} is not a file.`, SESSION_FILE_HINT);
    if (stat.size > MAX_SESSION_FILE_BYTES) {
      throw new AppError(
        'CACHE_IMPORT_INVALID',
        `${name} is larger than ${MAX_SESSION_FILE_BYTES / 1024 / 1024} MB, more than one session's export.`,
        'Import one exported session at a time.',
      );
    }
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

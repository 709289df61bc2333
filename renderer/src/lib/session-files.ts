import { MAX_SESSION_FILE_BYTES, SESSION_FILE_HINT, isSessionFileName, type ImportResult } from '../../../shared/domain/session-file';
import { fail, type Result } from '../../../shared/ipc/result';
import { call } from './api';
import { formatBytes } from './format';

/**
 * Reads a file dropped on the window and hands its text to main's import. Only the content
 * crosses IPC, never a path; the size is checked before a byte is read.
 */
export async function importDroppedFile(file: File): Promise<Result<ImportResult>> {
  if (!isSessionFileName(file.name)) {
    return fail({ code: 'CACHE_IMPORT_INVALID', message: `${file.name} is not a session file.`, hint: SESSION_FILE_HINT });
  }
  if (file.size > MAX_SESSION_FILE_BYTES) {
    return fail({
      code: 'CACHE_IMPORT_INVALID',
      message: `${file.name} is ${formatBytes(file.size)}, more than one session's export.`,
      hint: 'Import one exported session at a time.',
    });
  }
  let content: string;
  try {
    content = await file.text();
  } catch {
    return fail({
      code: 'NOT_FOUND',
      message: `${file.name} could not be read.`,
      hint: 'Check that the file still exists, then drop it again.',
    });
  }
  return call((api) => api.importSession({ content }));
}

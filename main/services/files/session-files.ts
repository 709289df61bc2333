import { basename, extname } from 'node:path';
import {
  SESSION_FILE_EXTENSION,
  SESSION_FILE_EXTENSIONS,
  type ImportResult,
  type OpenedFileEvent,
  type SavedFile,
} from '../../../shared/domain/session-file';
import { AppError, toErrorValue } from '../../../shared/errors';
import type { CacheStore } from '../cache/cache-store';
import { writeFileAtomic } from '../config/atomic-file';
import type { FileDialogs, FileFilter } from './file-dialogs';
import { readSessionFile } from './read-session-file';

const SESSION_FILTER: FileFilter = { name: 'orcw session', extensions: [...SESSION_FILE_EXTENSIONS] };
const REPORT_FILTER: FileFilter = { name: 'Markdown report', extensions: ['md'] };

export interface SessionFiles {
  /** The session's Markdown report, where the user chooses; null when they cancelled. */
  saveReport(sessionId: string): Promise<SavedFile | null>;
  /** The session as a lossless, re-importable file; null when cancelled. */
  saveSession(sessionId: string): Promise<SavedFile | null>;
  /** Asks for a session file and imports it; null when cancelled. */
  openWithDialog(): Promise<ImportResult | null>;
  /** A file the OS handed to orcw (double-click, open-file, argv): imported, then announced. */
  openFromOs(path: string): Promise<void>;
}

export interface SessionFilesDeps {
  cache: CacheStore;
  dialogs: FileDialogs;
  announce(event: OpenedFileEvent): void;
}

function writeFailed(path: string, error: unknown): AppError {
  const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  return new AppError(
    'FILE_WRITE_FAILED',
    `Could not save ${basename(path)} (${reason}).`,
    'Choose a folder you can write to, with free space, and save again.',
  );
}

export function createSessionFiles(deps: SessionFilesDeps): SessionFiles {
  const importFile = async (path: string) => deps.cache.importSession(await readSessionFile(path));

  const save = async (sessionId: string, format: 'md' | 'json'): Promise<SavedFile | null> => {
    // Exported first: a session that is not cached fails before any dialog opens.
    const exported = deps.cache.exportSession(sessionId, format);
    const extension = format === 'md' ? 'md' : SESSION_FILE_EXTENSION;
    const chosen = await deps.dialogs.chooseSavePath({
      title: format === 'md' ? 'Save the session report' : 'Save the session',
      defaultName: `orcw-session-${sessionId}.${extension}`,
      filters: [format === 'md' ? REPORT_FILTER : SESSION_FILTER],
    });
    if (chosen === null) return null;
    // Some platforms' dialogs return the name as typed: give it the format's extension.
    const path = extname(chosen) === '' ? `${chosen}.${extension}` : chosen;
    // Private to the user (0600), like everything else orcw writes: a session holds log lines.
    await writeFileAtomic(path, exported.content, 0o600).catch((error: unknown) => {
      throw writeFailed(path, error);
    });
    return { path, bytes: Buffer.byteLength(exported.content) };
  };

  return {
    saveReport: (sessionId) => save(sessionId, 'md'),
    saveSession: (sessionId) => save(sessionId, 'json'),
    async openWithDialog() {
      const path = await deps.dialogs.chooseOpenPath({ title: 'Open a session file', filters: [SESSION_FILTER] });
      return path === null ? null : importFile(path);
    },
    async openFromOs(path) {
      const fileName = basename(path);
      try {
        deps.announce({ ok: true, fileName, result: await importFile(path) });
      } catch (error) {
        deps.announce({ ok: false, fileName, error: toErrorValue(error) });
      }
    },
  };
}

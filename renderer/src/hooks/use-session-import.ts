import { useCallback } from 'react';
import type { ImportResult } from '../../../shared/domain/session-file';
import type { Result } from '../../../shared/ipc/result';
import { call } from '../lib/api';
import { importDroppedFile } from '../lib/session-files';
import { useStore } from '../store/store';

/**
 * What every way in (file dialog, drop, double-click) ends with: the imported session opens from
 * the cache (offline: no query runs), with a notice saying whether it was new.
 */
export function announceImport(outcome: Result<ImportResult>, fileName?: string): void {
  const { openCached, pushNotice, reportError } = useStore.getState();
  if (!outcome.ok) {
    reportError({
      ...outcome.error,
      message: fileName && !outcome.error.message.includes(fileName) ? `${fileName}: ${outcome.error.message}` : outcome.error.message,
    });
    return;
  }
  const { summary, duplicate } = outcome.value;
  pushNotice({
    tone: 'info',
    message: duplicate
      ? `${fileName ? `${fileName}: s` : 'S'}ession ${summary.sessionId} is already cached; nothing was added.`
      : `Imported session ${summary.sessionId}${fileName ? ` from ${fileName}` : ''}.`,
  });
  void openCached(summary.sessionId);
}

export function useSessionImport(): { openWithDialog(): Promise<void>; importFile(file: File): Promise<void> } {
  const openWithDialog = useCallback(async () => {
    const result = await call((api) => api.openSessionFile());
    if (!result.ok) announceImport(result);
    else if (result.value !== null) announceImport({ ok: true, value: result.value }); // null: cancelled
  }, []);
  const importFile = useCallback(async (file: File) => announceImport(await importDroppedFile(file), file.name), []);
  return { openWithDialog, importFile };
}

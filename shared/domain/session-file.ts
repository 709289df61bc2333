import { z } from 'zod';
import { appErrorSchema } from '../errors';
import { sessionSummarySchema } from './cache';

/**
 * An exported session on disk: the lossless JSON export (format orcw-session) under its own
 * extension, so double-clicking it opens orcw (electron-builder.yml registers it) without
 * claiming every `.json` file on the computer. Plain `.json` exports open too.
 */
export const SESSION_FILE_EXTENSION = 'orcw';
export const SESSION_FILE_EXTENSIONS = [SESSION_FILE_EXTENSION, 'json'] as const;

/** What to give orcw instead of a file it cannot import. */
export const SESSION_FILE_HINT =
  'Open a file saved with "Save… → Session file" in orcw, or written by orcw cache export <session> --format json; Markdown reports cannot be imported.';

/** An import larger than this is not one session's export; nothing is read past it. */
export const MAX_SESSION_FILE_BYTES = 512 * 1024 * 1024;

/** True for a file name an exported session can have. */
export function isSessionFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return SESSION_FILE_EXTENSIONS.some((ext) => lower.endsWith(`.${ext}`));
}

export const importResultSchema = z.object({
  summary: sessionSummarySchema,
  /** The same run was already cached (from an earlier import or from CloudWatch): nothing was added. */
  duplicate: z.boolean(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** Where a save went: the path the user picked in the dialog main showed. */
export const savedFileSchema = z.object({ path: z.string(), bytes: z.number().int().nonnegative() });
export type SavedFile = z.infer<typeof savedFileSchema>;

/** A session file the OS handed to orcw (double-click, `open-file`, argv), once imported or refused. */
export const openedFileEventSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), fileName: z.string(), result: importResultSchema }),
  z.object({ ok: z.literal(false), fileName: z.string(), error: appErrorSchema }),
]);
export type OpenedFileEvent = z.infer<typeof openedFileEventSchema>;

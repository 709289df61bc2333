import { isSessionFileName } from '../../../shared/domain/session-file';

/**
 * On Windows and Linux a double-clicked session file arrives as a command-line argument (first
 * launch, or the second instance's argv); macOS sends `open-file` instead. Only arguments that
 * name a session file count (never a flag, never a deep link), bounded in length.
 */
export function sessionFilesFromArgv(argv: readonly string[]): string[] {
  return argv.slice(1).filter((arg) => !arg.startsWith('-') && !arg.includes('://') && arg.length <= 4096 && isSessionFileName(arg));
}

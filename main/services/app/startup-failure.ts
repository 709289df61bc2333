import { isAppError } from '../../../shared/errors';
import { scrubAndClip } from '../security/secret-scrubber';

export interface StartupFailure {
  title: string;
  /** Message and hint, for a native error box. */
  content: string;
  exitCode: number;
}

/** Exit status of an app that could not start (the shell and a desktop launcher see it). */
export const EXIT_STARTUP_FAILED = 1;

/**
 * What the user is told when the services cannot start: the AppError's message and hint as they
 * are (a locked keychain, a cache written by a newer orcw, a data directory that is not writable);
 * anything else as a short, scrubbed description and where to look. The app then quits: a process
 * without a window must not keep the single-instance lock, or every later launch (and every
 * orcw:// link) would silently go to it.
 */
export function describeStartupFailure(error: unknown): StartupFailure {
  if (isAppError(error)) {
    return {
      title: 'orcw could not start',
      content: `${scrubAndClip(error.message, 2000)}\n\n${scrubAndClip(error.hint, 1000)}`,
      exitCode: EXIT_STARTUP_FAILED,
    };
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    title: 'orcw could not start',
    content: `Something went wrong while starting: ${scrubAndClip(detail, 500)}\n\nStart it again; if this keeps happening, run "orcw cache list" in a terminal to check the data directory, and report the message above.`,
    exitCode: EXIT_STARTUP_FAILED,
  };
}

/** The part of Electron's `app` and `dialog` a failed start needs (Electron itself cannot run in tests). */
export interface StartupFailureShell {
  showErrorBox(title: string, content: string): void;
  releaseSingleInstanceLock(): void;
  exit(code: number): void;
}

/** Shows the failure, frees the single-instance lock, then exits: in that order, each step whatever the one before did. */
export function reportStartupFailure(error: unknown, shell: StartupFailureShell): StartupFailure {
  const failure = describeStartupFailure(error);
  try {
    shell.showErrorBox(failure.title, failure.content);
  } finally {
    try {
      shell.releaseSingleInstanceLock();
    } finally {
      shell.exit(failure.exitCode);
    }
  }
  return failure;
}

import { describe, expect, it } from 'vitest';
import { describeStartupFailure, reportStartupFailure, type StartupFailureShell } from '../../../main/services/app/startup-failure';
import { AppError } from '../../../shared/errors';

/** Records what a failed start asks of Electron, in order. A stand-in: Electron cannot start here. */
function recordingShell(failAt?: keyof StartupFailureShell): StartupFailureShell & { calls: string[] } {
  const calls: string[] = [];
  const step = (name: keyof StartupFailureShell, text: string) => {
    calls.push(text);
    if (failAt === name) throw new Error(`${name} failed`);
  };
  return {
    calls,
    showErrorBox: (title, content) => step('showErrorBox', `dialog: ${title} | ${content}`),
    releaseSingleInstanceLock: () => step('releaseSingleInstanceLock', 'release lock'),
    exit: (code) => step('exit', `exit ${code}`),
  };
}

describe('a start-up failure', () => {
  it('shows an AppError’s message and hint, releases the single-instance lock, then exits 1', () => {
    const shell = recordingShell();
    reportStartupFailure(new AppError('CACHE_TOO_NEW', 'The cache was written by a newer orcw.', 'Update orcw.'), shell);
    expect(shell.calls).toEqual([
      'dialog: orcw could not start | The cache was written by a newer orcw.\n\nUpdate orcw.',
      'release lock',
      'exit 1',
    ]);
  });

  it('describes anything else briefly, scrubbed of secrets, with what to do', () => {
    const failure = describeStartupFailure(new TypeError('cannot read wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY of undefined'));
    expect(failure.content).toMatch(
      /^Something went wrong while starting: TypeError: cannot read \[redacted\] of undefined\n\nStart it again/,
    );
    expect(failure.exitCode).toBe(1);
    expect(describeStartupFailure('a string').content).toContain('a string');
  });

  it('still releases the lock and exits when the dialog cannot be shown, and exits when the release fails', () => {
    const noDialog = recordingShell('showErrorBox');
    expect(() => reportStartupFailure(new Error('x'), noDialog)).toThrow('showErrorBox failed');
    expect(noDialog.calls.slice(1)).toEqual(['release lock', 'exit 1']);
    const noRelease = recordingShell('releaseSingleInstanceLock');
    expect(() => reportStartupFailure(new Error('x'), noRelease)).toThrow('releaseSingleInstanceLock failed');
    expect(noRelease.calls.slice(1)).toEqual(['release lock', 'exit 1']);
  });
});

import type { FileDialogs } from '../../../main/services/files/file-dialogs';

export interface DialogRequest {
  kind: 'save' | 'open';
  title: string;
  defaultName?: string;
  extensions: string[];
}

/**
 * Stands in for the OS file dialogs, as the Playwright binding stands in for Electron's IPC: the
 * handlers behind them are the real ones. A spec queues what the "user" picks (a path, or null for
 * Cancel) and reads back what each dialog asked for. A dialog with nothing queued fails the spec.
 */
export interface TestDialogs extends FileDialogs {
  answer(path: string | null): void;
  readonly requests: DialogRequest[];
}

export function createTestDialogs(): TestDialogs {
  const answers: (string | null)[] = [];
  const requests: DialogRequest[] = [];
  const next = (request: DialogRequest) => {
    requests.push(request);
    if (answers.length === 0)
      throw new Error(`test dialog: the app opened a ${request.kind} dialog ("${request.title}") the spec did not answer`);
    return answers.shift() ?? null;
  };
  return {
    requests,
    answer: (path) => void answers.push(path),
    chooseSavePath: async ({ title, defaultName, filters }) =>
      next({ kind: 'save', title, defaultName, extensions: filters.flatMap((f) => f.extensions) }),
    chooseOpenPath: async ({ title, filters }) => next({ kind: 'open', title, extensions: filters.flatMap((f) => f.extensions) }),
  };
}

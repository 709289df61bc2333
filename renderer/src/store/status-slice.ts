import type { AppErrorValue } from '../../../shared/errors';
import { isOfflineError } from '../lib/errors';
import type { Slice } from './types';

export interface Notice {
  id: number;
  tone: 'info' | 'error';
  message: string;
  hint?: string;
}

export interface StatusSlice {
  appVersion: string;
  setAppVersion(version: string): void;
  /** Set while the network or credentials are gone; cached sessions stay usable. */
  offline: AppErrorValue | null;
  notices: Notice[];
  setOffline(error: AppErrorValue | null): void;
  /** Shows an error as a notice and raises the offline banner when it is a network failure. */
  reportError(error: AppErrorValue): void;
  pushNotice(notice: Omit<Notice, 'id'>): void;
  dismissNotice(id: number): void;
}

let nextId = 1;
const INFO_NOTICE_MS = 3500;

export const createStatusSlice: Slice<StatusSlice> = (set, get) => ({
  appVersion: '',
  setAppVersion: (appVersion) => set({ appVersion }),
  offline: null,
  notices: [],
  setOffline: (offline) => set({ offline }),
  reportError: (error) => {
    if (isOfflineError(error)) set({ offline: error });
    get().pushNotice({ tone: 'error', message: error.message, hint: error.hint });
  },
  pushNotice: (notice) => {
    const id = nextId++;
    // One notice per message: repeated failures should not stack up identical toasts.
    set((state) => ({ notices: [...state.notices.filter((n) => n.message !== notice.message), { ...notice, id }].slice(-4) }));
    if (notice.tone === 'info') setTimeout(() => get().dismissNotice(id), INFO_NOTICE_MS);
  },
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
});

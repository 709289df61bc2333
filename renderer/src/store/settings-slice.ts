import { defaultSettings, type Settings } from '../../../shared/domain/settings';
import type { AppErrorValue } from '../../../shared/errors';
import type { Result } from '../../../shared/ipc/result';
import { call } from '../lib/api';
import type { Slice } from './types';

export interface SettingsSlice {
  /** Defaults until main answers, so the theme and margins are never undefined. */
  settings: Settings;
  settingsLoaded: boolean;
  settingsError: AppErrorValue | null;
  loadSettings(): Promise<void>;
  saveSettings(patch: Partial<Settings>): Promise<Result<Settings>>;
}

export const createSettingsSlice: Slice<SettingsSlice> = (set) => ({
  settings: defaultSettings,
  settingsLoaded: false,
  settingsError: null,
  loadSettings: async () => {
    const result = await call((api) => api.getSettings());
    if (result.ok) set({ settings: result.value, settingsLoaded: true, settingsError: null });
    else set({ settingsError: result.error, settingsLoaded: true });
  },
  saveSettings: async (patch) => {
    const result = await call((api) => api.setSettings(patch));
    if (result.ok) set({ settings: result.value, settingsError: null });
    return result;
  },
});

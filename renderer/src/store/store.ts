import { create } from 'zustand';
import { createConnectionsSlice } from './connections-slice';
import { createDisplaySlice } from './display-slice';
import { createNavSlice } from './nav-slice';
import { createRelatedSlice } from './related-slice';
import { createSessionSlice } from './session-slice';
import { createSettingsSlice } from './settings-slice';
import { createStatusSlice } from './status-slice';
import { createPromptsSlice } from './prompts-slice';
import type { AppState } from './types';
import { createViewSlice } from './view-slice';
import { createLiveSlice } from './live-slice';

export const useStore = create<AppState>()((...args) => ({
  ...createNavSlice(...args),
  ...createStatusSlice(...args),
  ...createSessionSlice(...args),
  ...createViewSlice(...args),
  ...createConnectionsSlice(...args),
  ...createSettingsSlice(...args),
  ...createPromptsSlice(...args),
  ...createRelatedSlice(...args),
  ...createDisplaySlice(...args),
  ...createLiveSlice(...args),
}));

export type { AppState } from './types';

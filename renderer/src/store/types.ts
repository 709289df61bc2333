import type { StateCreator } from 'zustand';
import type { NavSlice } from './nav-slice';
import type { StatusSlice } from './status-slice';
import type { SessionSlice } from './session-slice';
import type { ViewSlice } from './view-slice';
import type { ConnectionsSlice } from './connections-slice';
import type { SettingsSlice } from './settings-slice';
import type { PromptsSlice } from './prompts-slice';
import type { RelatedSlice } from './related-slice';
import type { DisplaySlice } from './display-slice';
import type { LiveSlice } from './live-slice';

export type AppState = NavSlice &
  StatusSlice &
  SessionSlice &
  ViewSlice &
  ConnectionsSlice &
  SettingsSlice &
  PromptsSlice &
  RelatedSlice &
  DisplaySlice &
  LiveSlice;

export type Slice<T> = StateCreator<AppState, [], [], T>;

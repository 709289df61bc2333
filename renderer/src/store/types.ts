import type { StateCreator } from 'zustand';
import type { NavSlice } from './nav-slice';
import type { StatusSlice } from './status-slice';
import type { SessionSlice } from './session-slice';
import type { ViewSlice } from './view-slice';
import type { ConnectionsSlice } from './connections-slice';
import type { SettingsSlice } from './settings-slice';

export type AppState = NavSlice & StatusSlice & SessionSlice & ViewSlice & ConnectionsSlice & SettingsSlice;

export type Slice<T> = StateCreator<AppState, [], [], T>;

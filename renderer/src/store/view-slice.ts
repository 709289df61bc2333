import { emptyFilter, type EventFilter } from '../lib/filter-events';
import type { Slice } from './types';

export interface ViewSlice {
  filter: EventFilter;
  selectedEventId: string | null;
  /** Fingerprint of the error group whose details (stack, context lines) are shown. */
  selectedGroup: string | null;
  setFilter(patch: Partial<EventFilter>): void;
  clearFilter(): void;
  selectEvent(id: string | null): void;
  /** Selecting a group filters the list to it; selecting it again clears that. */
  toggleGroup(fingerprint: string): void;
  resetView(): void;
}

/** The view state of a freshly opened session. */
export const viewReset = { filter: emptyFilter, selectedEventId: null, selectedGroup: null } as const;

export const createViewSlice: Slice<ViewSlice> = (set, get) => ({
  filter: emptyFilter,
  selectedEventId: null,
  selectedGroup: null,
  setFilter: (patch) => set((state) => ({ filter: { ...state.filter, ...patch } })),
  clearFilter: () => set({ filter: emptyFilter, selectedGroup: null }),
  selectEvent: (selectedEventId) => set({ selectedEventId }),
  toggleGroup: (fingerprint) => {
    const { selectedGroup, filter } = get();
    if (selectedGroup === fingerprint) {
      const { fingerprint: _dropped, ...rest } = filter;
      set({ selectedGroup: null, filter: rest });
    } else {
      set({ selectedGroup: fingerprint, selectedEventId: null, filter: { ...filter, fingerprint } });
    }
  },
  resetView: () => set(viewReset),
});

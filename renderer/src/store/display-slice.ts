import type { Slice } from './types';

/** The detail pane's share of the session grid: below the list (narrow windows) or beside it (wide). */
export const DETAIL_SPLIT = { min: 20, max: 75, initial: 40, step: 4 } as const;

export interface DisplaySlice {
  /** Event rows wrap their whole summary over as many lines as it needs, instead of one cut line. */
  wrapRows: boolean;
  setWrapRows(wrap: boolean): void;
  /** Percent of the grid the detail pane takes (kept while the app runs, across sessions). */
  detailSplit: number;
  setDetailSplit(percent: number): void;
}

export const createDisplaySlice: Slice<DisplaySlice> = (set) => ({
  wrapRows: false,
  setWrapRows: (wrapRows) => set({ wrapRows }),
  detailSplit: DETAIL_SPLIT.initial,
  setDetailSplit: (percent) => set({ detailSplit: Math.round(Math.max(DETAIL_SPLIT.min, Math.min(DETAIL_SPLIT.max, percent))) }),
});

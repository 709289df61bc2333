import type { RelatedErrors } from '../../../shared/domain/error-sessions';
import { call } from '../lib/api';
import type { Slice } from './types';

export type SearchMode = 'lines' | 'errors';

export interface RelatedSlice {
  /** For the open session: per fingerprint, the other cached sessions with the same error. */
  related: { sessionId: string; byFingerprint: ReadonlyMap<string, RelatedErrors> } | null;
  loadRelated(sessionId: string, fingerprints: readonly string[]): Promise<void>;
  /** Opens another cached session (offline) with the same error group selected. */
  openAtGroup(sessionId: string, fingerprint: string): Promise<void>;
  /** A search started from elsewhere (a group's "all sessions with this error"). */
  searchRequest: { mode: SearchMode; text: string; at: number } | null;
  searchFor(mode: SearchMode, text: string): void;
}

/** How many other sessions a group lists; the count covers all of them. */
const LISTED = 20;

export const createRelatedSlice: Slice<RelatedSlice> = (set, get) => ({
  related: null,
  loadRelated: async (sessionId, fingerprints) => {
    const result = await call((api) => api.relatedErrors({ sessionId, fingerprints: [...fingerprints], limit: LISTED }));
    // A failure only loses the cross-session hints; the session itself is on screen.
    const byFingerprint = new Map(result.ok ? result.value.map((r) => [r.fingerprint, r] as const) : []);
    if (get().response?.result.session.id === sessionId) set({ related: { sessionId, byFingerprint } });
  },
  openAtGroup: async (sessionId, fingerprint) => {
    await get().openCached(sessionId);
    const state = get();
    if (state.response?.result.session.id === sessionId && state.selectedGroup !== fingerprint) state.toggleGroup(fingerprint);
  },
  searchRequest: null,
  searchFor: (mode, text) => set({ searchRequest: { mode, text, at: Date.now() }, route: 'search' }),
});

import type { ScanPlan } from '../../../shared/domain/scan-plan';
import { parseDeepLink } from '../../../shared/session/reference';
import { urlHost } from '../../../shared/session/replay-host';
import { call } from '../lib/api';
import type { Slice } from './types';

export interface LinkPreview {
  url: string;
  plan: ScanPlan;
}

export interface HostConfirm {
  url: string;
  host: string;
}

/**
 * Questions the app asks before acting on something that came from outside: an orcw:// link that
 * would query CloudWatch (any web page can open one), and a replay link to a host that is not a
 * known OpenReplay. Main enforces the same rules; these are the user's side of them.
 */
export interface PromptsSlice {
  linkPreview: LinkPreview | null;
  hostConfirm: HostConfirm | null;
  /** An orcw:// link arrived: cached → open at once; cheap enough → run; otherwise show what it would scan. */
  openLink(url: string): Promise<void>;
  runLinkPreview(): void;
  dismissLinkPreview(): void;
  askToOpenHost(url: string): void;
  confirmHost(): Promise<void>;
  dismissHostConfirm(): void;
}

export const createPromptsSlice: Slice<PromptsSlice> = (set, get) => ({
  linkPreview: null,
  hostConfirm: null,

  openLink: async (url) => {
    const parsed = parseDeepLink(url);
    if (!parsed.ok) {
      get().pushNotice({ tone: 'error', message: `Link not opened: ${parsed.error.message}.`, hint: parsed.error.hint });
      return;
    }
    const result = await call((api) => api.planScan({ reference: url }));
    if (!result.ok) {
      get().pushNotice({ tone: 'error', message: `Link not opened: ${result.error.message}`, hint: result.error.hint });
      return;
    }
    const plan = result.value;
    if (plan.cached || plan.autoRun) {
      set({ linkPreview: null });
      void get().openReference(url);
      return;
    }
    set({ linkPreview: { url, plan } });
  },
  runLinkPreview: () => {
    const preview = get().linkPreview;
    if (!preview) return;
    set({ linkPreview: null });
    void get().openReference(preview.url);
  },
  dismissLinkPreview: () => {
    if (!get().linkPreview) return;
    set({ linkPreview: null });
    get().pushNotice({ tone: 'info', message: 'Link not run: nothing was queried.' });
  },

  askToOpenHost: (url) => {
    const host = urlHost(url);
    if (host !== undefined) set({ hostConfirm: { url, host } });
  },
  confirmHost: async () => {
    const pending = get().hostConfirm;
    if (!pending) return;
    set({ hostConfirm: null });
    const result = await call((api) => api.openExternal({ url: pending.url, confirmedHost: pending.host }));
    if (!result.ok) get().reportError(result.error);
  },
  dismissHostConfirm: () => set({ hostConfirm: null }),
});

import type { CorrelatorApi } from '../../shared/ipc/bridge';

declare global {
  interface Window {
    /** Built by the preload (Electron) or the e2e harness from the same bridge factory. */
    readonly correlator: CorrelatorApi;
  }
}

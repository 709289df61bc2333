import { createCorrelatorBridge } from '../../../shared/ipc/bridge';
import type { EventChannel, InvokeChannel } from '../../../shared/ipc/contract';

/**
 * Runs inside the page (injected as an init script) in place of the Electron preload: the same
 * bridge factory, with Electron's transport swapped for a Playwright binding (invoke) and a
 * page-side dispatcher the harness calls (events).
 */
declare global {
  interface Window {
    __orcwInvoke(channel: InvokeChannel, payload: unknown): Promise<unknown>;
    __orcwInvokeJson(channel: InvokeChannel, payload: string | undefined): Promise<string>;
    __orcwDeliverEvent(channel: EventChannel, payload: unknown): void;
  }
}

const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();

Object.defineProperty(window, '__orcwDeliverEvent', {
  value: (channel: EventChannel, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  },
});

Object.defineProperty(window, 'correlator', {
  value: createCorrelatorBridge({
    invoke: async (channel, payload) =>
      JSON.parse(await window.__orcwInvokeJson(channel, payload === undefined ? undefined : JSON.stringify(payload))) as unknown,
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  }),
  enumerable: true,
});

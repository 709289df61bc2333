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
    invoke: (channel, payload) => window.__orcwInvoke(channel, payload),
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  }),
  enumerable: true,
});

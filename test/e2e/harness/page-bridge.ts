import { createCorrelatorBridge } from '../../../shared/ipc/bridge';
import type { EventChannel, InvokeChannel } from '../../../shared/ipc/contract';

// Kept in step with harness-app.ts (this file is bundled for the page and cannot import it: Node).
const LARGE_ANSWER_KEY = '__orcwLargeAnswer';

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
    invoke: async (channel, payload) => {
      const answer = JSON.parse(
        await window.__orcwInvokeJson(channel, payload === undefined ? undefined : JSON.stringify(payload)),
      ) as unknown;
      // A large answer is parked by the harness and fetched as a body (harness-app.ts).
      const ticket = answer !== null && typeof answer === 'object' ? (answer as Record<string, unknown>)[LARGE_ANSWER_KEY] : undefined;
      if (typeof ticket !== 'string') return answer;
      const response = await fetch(`/__orcw-answer/${ticket}`);
      return (await response.json()) as unknown;
    },
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  }),
  enumerable: true,
});

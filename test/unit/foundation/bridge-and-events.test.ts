import { describe, expect, it, vi } from 'vitest';
import { createCorrelatorBridge } from '../../../shared/ipc/bridge';
import { invokeChannels } from '../../../shared/ipc/contract';
import { createEventEmitter } from '../../../main/services/ipc/events';
import { createDeepLinkQueue, deepLinksFromArgv } from '../../../main/services/deep-links/deep-link-queue';

describe('bridge factory', () => {
  it('exposes one function per capability, each bound to a declared channel', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: null }));
    const bridge = createCorrelatorBridge({ invoke, subscribe: () => () => undefined });
    await bridge.listConnections();
    await bridge.correlate({ requestId: 'r1', reference: '123' });
    expect(invoke.mock.calls).toEqual([
      ['connections:list', undefined],
      ['session:correlate', { requestId: 'r1', reference: '123' }],
    ]);
    const channels = new Set(Object.keys(invokeChannels));
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(channels.size).toBeGreaterThan(0);
  });

  it('covers every invoke channel of the contract', async () => {
    const seen = new Set<string>();
    const bridge = createCorrelatorBridge({
      invoke: async (channel) => {
        seen.add(channel);
        return { ok: true, value: undefined };
      },
      subscribe: () => () => undefined,
    });
    for (const [name, fn] of Object.entries(bridge)) {
      if (!name.startsWith('on')) await (fn as (r?: unknown) => Promise<unknown>)();
    }
    expect([...seen].sort()).toEqual(Object.keys(invokeChannels).sort());
  });

  it('subscriptions pass only the payload and return an unsubscribe', () => {
    const listeners = new Map<string, (p: unknown) => void>();
    const bridge = createCorrelatorBridge({
      invoke: async () => undefined,
      subscribe: (channel, listener) => {
        listeners.set(channel, listener);
        return () => listeners.delete(channel);
      },
    });
    const received: unknown[] = [];
    const unsubscribe = bridge.onDeepLink((event) => received.push(event));
    listeners.get('app:deep-link')?.({ url: 'orcw://session/1' });
    expect(received).toEqual([{ url: 'orcw://session/1' }]);
    unsubscribe();
    expect(listeners.has('app:deep-link')).toBe(false);
  });
});

describe('event emitter', () => {
  it('sends only payloads that match the declared schema', () => {
    const sink = vi.fn();
    const events = createEventEmitter(sink);
    events.emit('app:deep-link', { url: 'orcw://session/1' });
    expect(sink).toHaveBeenCalledWith('app:deep-link', { url: 'orcw://session/1' });
    expect(() => events.emit('app:deep-link', { href: 1 } as never)).toThrow(/contract/);
    expect(sink).toHaveBeenCalledTimes(1);
  });
});

describe('deep-link queue', () => {
  it('holds links until the renderer is ready, then delivers in order', () => {
    const delivered: string[] = [];
    const queue = createDeepLinkQueue((url) => delivered.push(url));
    queue.push('orcw://session/1');
    queue.push('orcw://session/2');
    expect(delivered).toEqual([]);
    queue.markReady();
    queue.push('orcw://session/3');
    expect(delivered).toEqual(['orcw://session/1', 'orcw://session/2', 'orcw://session/3']);
  });

  it('takes only orcw:// arguments from argv', () => {
    expect(deepLinksFromArgv(['/usr/bin/orcw', '--no-sandbox', 'ORCW://session/1', 'https://x', `orcw://${'a'.repeat(20_000)}`])).toEqual([
      'ORCW://session/1',
    ]);
  });
});

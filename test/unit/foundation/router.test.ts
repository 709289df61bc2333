import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import { composeApp } from '../../../main/services/app/compose';
import { createRouter, isTrustedSender, type Handlers, type SenderInfo } from '../../../main/services/ipc/router';

const origin = 'app://orcw';
const mainFrame: SenderInfo = { url: 'app://orcw/index.html', isMainFrame: true, isOurWindow: true };

async function handlers(overrides: Partial<Handlers> = {}): Promise<Handlers> {
  const app = await composeApp({
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'orcw-router-')),
    version: '1.2.3',
    electron: false,
    events: { emit: () => undefined },
    openExternal: async () => undefined,
    copyText: () => undefined,
    onRendererReady: () => undefined,
  });
  return { ...app.handlers, ...overrides } as Handlers;
}

describe('IPC router', () => {
  it('round-trips a valid call into the ok envelope', async () => {
    const router = createRouter(await handlers(), origin);
    expect(await router.dispatch('app:info', undefined, mainFrame)).toEqual({
      ok: true,
      value: { version: '1.2.3', platform: process.platform, electron: false, notices: [] },
    });
  });

  it('rejects an unknown channel with a typed error', async () => {
    const router = createRouter(await handlers(), origin);
    for (const channel of ['fs:read', '__proto__', 'constructor', 42, null]) {
      const result = await router.dispatch(channel, {}, mainFrame);
      expect(result).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL', hint: expect.any(String) } });
    }
  });

  it('rejects senders other than our window’s main frame at the app:// origin', async () => {
    const copyText = vi.fn();
    const router = createRouter(await handlers({ 'app:copy-text': copyText }), origin);
    const strangers: SenderInfo[] = [
      { ...mainFrame, isMainFrame: false },
      { ...mainFrame, isOurWindow: false },
      { ...mainFrame, url: 'https://evil.example/index.html' },
      { ...mainFrame, url: 'file:///work/dist/renderer/index.html' },
      { ...mainFrame, url: 'app://orcw.evil/index.html' },
      { ...mainFrame, url: 'not a url' },
    ];
    for (const sender of strangers) {
      const result = await router.dispatch('app:copy-text', { text: 'x' }, sender);
      expect(result).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
    }
    expect(copyText).not.toHaveBeenCalled();
  });

  it('rejects payloads that fail their schema before the handler runs', async () => {
    const openExternal = vi.fn();
    const router = createRouter(await handlers({ 'app:open-external': openExternal }), origin);
    for (const payload of [undefined, {}, { url: 42 }, { url: 'x'.repeat(9000) }, 'https://a']) {
      const result = await router.dispatch('app:open-external', payload, mainFrame);
      expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_PAYLOAD' } });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('returns thrown AppErrors as values and hides anything else', async () => {
    const router = createRouter(
      await handlers({
        'app:copy-text': () => {
          throw new AppError('NOT_FOUND', 'No such thing.', 'Look elsewhere.');
        },
        'app:info': () => {
          throw new Error('secret internals at /home/me with AKIA…');
        },
      }),
      origin,
    );
    expect(await router.dispatch('app:copy-text', { text: 'x' }, mainFrame)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such thing.', hint: 'Look elsewhere.' },
    });
    const hidden = await router.dispatch('app:info', undefined, mainFrame);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(hidden)).not.toContain('AKIA');
  });

  it('refuses a response that does not match the contract (no stray fields leak out)', async () => {
    const router = createRouter(await handlers({ 'app:info': () => ({ version: 1 }) as never }), origin);
    expect(await router.dispatch('app:info', undefined, mainFrame)).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_RESPONSE' } });
  });

  it('strips fields the contract does not declare from responses', async () => {
    const leaky = () => ({ version: '1', platform: 'linux', electron: true, secretAccessKey: 'shh' }) as never;
    const router = createRouter(await handlers({ 'app:info': leaky }), origin);
    const result = await router.dispatch('app:info', undefined, mainFrame);
    expect(JSON.stringify(result)).not.toContain('shh');
  });
});

describe('isTrustedSender', () => {
  it('accepts exactly the trusted origin', () => {
    expect(isTrustedSender(mainFrame, origin)).toBe(true);
    expect(isTrustedSender({ ...mainFrame, url: 'app://orcw/deep/page?x=1' }, origin)).toBe(true);
    expect(isTrustedSender({ ...mainFrame, url: 'app://orcw:8080/index.html' }, origin)).toBe(false);
  });
});

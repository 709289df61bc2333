import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { composeApp, type ComposedApp } from '../../../main/services/app/compose';
import { createEventEmitter } from '../../../main/services/ipc/events';
import { createRouter } from '../../../main/services/ipc/router';
import { resolveAppAsset } from '../../../main/services/window/app-protocol';
import { rendererResponseHeaders } from '../../../main/services/window/content-security-policy';
import { createDeepLinkQueue } from '../../../main/services/deep-links/deep-link-queue';
import { createTestDialogs, type TestDialogs } from './test-dialogs';

/**
 * The renderer is served under this origin in Chromium. `*.localhost` is a secure context, like
 * app:// in Electron, so APIs that need one behave the same.
 */
export const HARNESS_ORIGIN = 'http://orcw.localhost';
/** Answers longer than this travel as a fetched body (see page-bridge.ts), not through the binding. */
export const LARGE_ANSWER_CHARS = 1_000_000;
export const LARGE_ANSWER_KEY = '__orcwLargeAnswer';
const distDir = path.resolve(import.meta.dirname, '../../../dist');

export interface HarnessApp {
  page: Page;
  dataDir: string;
  /** What the app asked the OS to do — recorded here because there is no OS shell in Chromium. */
  clipboard: string[];
  openedExternal: string[];
  /** The file dialogs main shows: queue the user's choice, read what was asked. */
  dialogs: Pick<TestDialogs, 'answer' | 'requests'>;
  sendDeepLink(url: string): void;
  /** A session file the OS opens with orcw (double-click): what main/index.ts feeds on open-file/argv. */
  sendOpenFile(path: string): void;
  close(): Promise<void>;
}

/**
 * Binds a Chromium page to the real composition root and router in this process: only
 * Electron's IPC transport is substituted (by a Playwright binding).
 */
export async function launchHarnessApp(page: Page, dataDir: string): Promise<HarnessApp> {
  const clipboard: string[] = [];
  const openedExternal: string[] = [];
  const deliver = (channel: string, payload: unknown) => {
    if (page.isClosed()) return;
    void page.evaluate(([c, p]) => window.__orcwDeliverEvent(c as never, p), [channel, payload] as const).catch(() => undefined);
  };
  const deepLinks = createDeepLinkQueue((url) => deliver('app:deep-link', { url }));
  // Delivered only once the renderer is ready, long after `composed` below exists.
  const sessionFiles = createDeepLinkQueue((filePath) => void composed.openSessionFile(filePath));
  const dialogs = createTestDialogs();
  const composed: ComposedApp = await composeApp({
    dataDir,
    version: 'e2e',
    electron: false,
    events: createEventEmitter(deliver),
    openExternal: async (url) => {
      openedExternal.push(url);
    },
    copyText: (text) => {
      clipboard.push(text);
    },
    onRendererReady: () => {
      deepLinks.markReady();
      sessionFiles.markReady();
    },
    dialogs,
  });
  const router = createRouter(composed.handlers, HARNESS_ORIGIN);

  const dispatch = (source: { frame: Frame; page: Page }, channel: unknown, payload: unknown) =>
    router.dispatch(channel, payload, {
      url: source.frame.url(),
      isMainFrame: source.frame === page.mainFrame(),
      isOurWindow: source.page === page,
    });
  await page.exposeBinding('__orcwInvoke', (source, channel: unknown, payload: unknown) => dispatch(source, channel, payload));
  // The bridge's own transport: Playwright's object serializer needs seconds for a 10,000-event
  // session (Electron's structured clone, milliseconds), so payloads cross as JSON text instead,
  // and large answers (a 100,000-event session is ~60 MB) as a response body the page fetches.
  const large = new Map<string, string>();
  let ticket = 0;
  await page.exposeBinding('__orcwInvokeJson', async (source, channel: unknown, payload: unknown) => {
    const text = JSON.stringify(await dispatch(source, channel, typeof payload === 'string' ? JSON.parse(payload) : undefined));
    if (text.length < LARGE_ANSWER_CHARS) return text;
    const id = String((ticket += 1));
    large.set(id, text);
    return JSON.stringify({ [LARGE_ANSWER_KEY]: id });
  });
  await page.addInitScript({ path: path.join(distDir, 'e2e', 'page-bridge.js') });
  await page.route(`${HARNESS_ORIGIN}/**`, async (route) => {
    const answer = new URL(route.request().url()).pathname.match(/^\/__orcw-answer\/(\d+)$/)?.[1];
    if (answer !== undefined) {
      const body = large.get(answer);
      large.delete(answer);
      return route.fulfill(body === undefined ? { status: 404, body: 'Gone' } : { status: 200, contentType: 'application/json', body });
    }
    // Same asset resolution and headers (CSP included) as the app:// protocol handler.
    const appUrl = route.request().url().replace(HARNESS_ORIGIN, 'app://orcw');
    const asset = resolveAppAsset(path.join(distDir, 'renderer'), appUrl);
    if (!asset) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({ status: 200, headers: rendererResponseHeaders(asset.contentType), body: await readFile(asset.filePath) });
  });
  await page.goto(`${HARNESS_ORIGIN}/index.html`);

  return {
    page,
    dataDir,
    clipboard,
    openedExternal,
    dialogs,
    sendDeepLink: (url) => deepLinks.push(url),
    sendOpenFile: (filePath) => sessionFiles.push(filePath),
    close: async () => composed.close(),
  };
}

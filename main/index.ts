import { app, BrowserWindow, clipboard, dialog, net, protocol, session, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { handle, windowEventSink } from './shell/electron-ipc';
import { createEventEmitter } from './services/ipc/events';
import { createRouter } from './services/ipc/router';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, resolveAppAsset } from './services/window/app-protocol';
import { rendererResponseHeaders } from './services/window/content-security-policy';
import { secureWindowOptions } from './shell/window-options';
import { createDeepLinkQueue, deepLinksFromArgv } from './services/deep-links/deep-link-queue';
import { composeApp, type ComposedApp } from './services/app/compose';
import { sessionFilesFromArgv } from './services/files/launch-files';
import { electronFileDialogs } from './shell/electron-dialogs';
import { resolveDataDir } from './services/config/data-dir';
import { reportStartupFailure } from './services/app/startup-failure';

// Thin Electron glue: every decision lives in a pure, tested module; this file only wires them.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) =>
    reportStartupFailure(error, {
      showErrorBox: (title, content) => dialog.showErrorBox(title, content),
      releaseSingleInstanceLock: () => app.releaseSingleInstanceLock(),
      exit: (code) => app.exit(code),
    }),
  );
}

async function start(): Promise<void> {
  let window: BrowserWindow | null = null;
  const events = createEventEmitter(windowEventSink(() => window));
  const deepLinks = createDeepLinkQueue((url) => {
    events.emit('app:deep-link', { url });
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  // Session files the OS opens with orcw take the deep links' path: held until the renderer is ready.
  let services: ComposedApp | null = null;
  const sessionFiles = createDeepLinkQueue((filePath) => {
    void services?.openSessionFile(filePath);
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  app.setAsDefaultProtocolClient('orcw');
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deepLinks.push(url);
  });
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    sessionFiles.push(filePath);
  });
  app.on('second-instance', (_event, argv) => {
    deepLinksFromArgv(argv).forEach((url) => deepLinks.push(url));
    sessionFilesFromArgv(argv).forEach((filePath) => sessionFiles.push(filePath));
  });
  deepLinksFromArgv(process.argv).forEach((url) => deepLinks.push(url));
  sessionFilesFromArgv(process.argv).forEach((filePath) => sessionFiles.push(filePath));

  await app.whenReady();
  const rendererRoot = path.join(__dirname, '..', 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = resolveAppAsset(rendererRoot, request.url);
    if (!asset) return new Response('Not found', { status: 404 });
    const file = await net.fetch(pathToFileURL(asset.filePath).toString());
    return new Response(file.body, { headers: rendererResponseHeaders(asset.contentType) });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  services = await composeApp({
    dataDir: resolveDataDir({ electronUserData: app.getPath('userData') }),
    version: app.getVersion(),
    electron: true,
    events,
    openExternal: (url) => shell.openExternal(url),
    copyText: (text) => clipboard.writeText(text),
    onRendererReady: () => {
      deepLinks.markReady();
      sessionFiles.markReady();
    },
    dialogs: electronFileDialogs(() => window, app.getPath('downloads')),
  });
  const composed = services;
  handle(createRouter(composed.handlers, APP_ORIGIN), () => window);

  window = new BrowserWindow(secureWindowOptions(path.join(__dirname, '..', 'preload', 'preload.cjs')));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.once('ready-to-show', () => window?.show());
  window.on('closed', () => {
    window = null;
  });
  await window.loadURL(APP_ENTRY_URL);

  app.on('window-all-closed', () => {
    composed.close();
    app.quit();
  });
}

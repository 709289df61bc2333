import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { EventChannel } from '../../shared/ipc/contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../services/ipc/ipc-names';
import type { EventSink } from '../services/ipc/events';
import type { Router, SenderInfo } from '../services/ipc/router';

/** The one place that touches ipcMain: everything else goes through the router. */
export function handle(router: Router, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, payload: unknown) =>
    router.dispatch(channel, payload, describeSender(event, getWindow())),
  );
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

export function windowEventSink(getWindow: () => BrowserWindow | null): EventSink {
  return (channel: EventChannel, payload: unknown) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, channel, payload);
  };
}

function describeSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): SenderInfo {
  const frame = event.senderFrame;
  return {
    url: frame?.url ?? '',
    isMainFrame: frame !== null && window !== null && frame === window.webContents.mainFrame,
    isOurWindow: window !== null && event.sender === window.webContents,
  };
}

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createCorrelatorBridge } from '../../shared/ipc/bridge';
import type { EventChannel } from '../../shared/ipc/contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../services/ipc/ipc-names';

// Sandboxed preload: bundled into one file, exposes only the typed capabilities — never
// ipcRenderer itself, and never the Electron event object (it carries `sender`).
const correlator = createCorrelatorBridge({
  invoke: (channel, payload) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, payload),
  subscribe: (channel, listener) => {
    const onEvent = (_event: IpcRendererEvent, eventChannel: EventChannel, payload: unknown) => {
      if (eventChannel === channel) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, onEvent);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, onEvent);
    };
  },
});

contextBridge.exposeInMainWorld('correlator', correlator);

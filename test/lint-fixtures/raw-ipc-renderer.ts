// lint-as: renderer/src/bad-ipc.tsx
// expect: no-restricted-syntax
import { ipcRenderer } from 'electron';
export const send = () => ipcRenderer.send('x');

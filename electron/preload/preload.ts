import { contextBridge, ipcRenderer } from 'electron';
import { createKioskBridge } from './kiosk_bridge';

// Sandboxed preload: bundled into one CommonJS file whose only require is 'electron'
// (scripts/build_electron.mjs checks that). The page gets `window.kiosk` and nothing else.
contextBridge.exposeInMainWorld('kiosk', createKioskBridge(ipcRenderer));

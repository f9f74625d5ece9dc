import type { EventTargetLike, InvokeEventLike, IpcMainLike } from '../../../../electron/main/ipc_binding';
import type { IpcRendererLike } from '../../../../electron/preload/kiosk_bridge';

type MainHandler = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;
type RendererListener = (event: unknown, ...args: unknown[]) => void;

/**
 * An ipcMain/ipcRenderer/webContents triple that behaves like Electron's where it matters: every message
 * is structured-cloned (so functions fail and objects are copied), invoke rejects without a handler, and
 * the main side sees the sending frame's URL.
 */
export function fakeIpc(frameUrl: { current: string }) {
  const handlers = new Map<string, MainHandler>();
  const listeners = new Map<string, Set<RendererListener>>();
  const ipcMain: IpcMainLike = {
    handle(channel, handler) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const ipcRenderer = {
    async invoke(channel: string, ...args: unknown[]) {
      const cloned = structuredClone(args);
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return structuredClone(await handler({ senderFrame: { url: frameUrl.current } }, ...cloned));
    },
    on(channel: string, listener: RendererListener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: RendererListener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  const webContents: EventTargetLike = {
    send(channel, ...args) {
      const cloned = structuredClone(args);
      for (const listener of listeners.get(channel) ?? []) listener({}, ...cloned);
    },
    isDestroyed: () => false,
    getURL: () => frameUrl.current,
  };
  const listenerCount = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);
  return {
    ipcMain,
    ipcRenderer: ipcRenderer as unknown as IpcRendererLike,
    webContents,
    handlers,
    listenerCount,
  };
}

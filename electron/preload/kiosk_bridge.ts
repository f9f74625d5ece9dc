import type { IpcRenderer } from 'electron';
import type { RpcResponse } from '../../common/contract/rpc_envelope';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc_channels';

export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
type Listener = (payload: unknown) => void;

/** The page's whole view of the Node side: one call, one event subscription (renderer's `KioskBridge`). */
export interface KioskBridgeApi {
  invoke(method: string, args: unknown): Promise<RpcResponse>;
  subscribe(event: string, listener: Listener): () => void;
}

/**
 * Builds `window.kiosk` on top of ipcRenderer. The main process validates everything again; this side only
 * keeps the page from holding ipcRenderer itself and turns transport failures (arguments that cannot be
 * structured-cloned) into the same typed error envelope the core uses.
 */
export function createKioskBridge(ipc: IpcRendererLike): KioskBridgeApi {
  const listeners = new Map<string, Set<Listener>>();
  let attached = false;
  const onEvent = (_event: unknown, name: unknown, payload: unknown) => {
    if (typeof name !== 'string') return;
    for (const listener of [...(listeners.get(name) ?? [])]) listener(payload);
  };

  return {
    async invoke(method, args) {
      try {
        return (await ipc.invoke(INVOKE_CHANNEL, method, args)) as RpcResponse;
      } catch (error) {
        // The main handler never throws, so a rejection is the IPC layer's: uncloneable args or no handler.
        const uncloneable = error instanceof Error && /clone/i.test(`${error.name} ${error.message}`);
        return uncloneable
          ? { ok: false, error: { code: 'invalid_args', message: 'Arguments must be plain data.' } }
          : { ok: false, error: { code: 'internal', message: 'The kiosk core is not reachable.' } };
      }
    },
    subscribe(event, listener) {
      if (typeof event !== 'string' || typeof listener !== 'function') return () => {};
      if (!attached) {
        ipc.on(EVENT_CHANNEL, onEvent);
        attached = true;
      }
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      // Wrap so the same function subscribed twice gets two independent unsubscribes.
      const entry: Listener = (payload) => listener(payload);
      set.add(entry);
      return () => {
        set.delete(entry);
        if (set.size === 0) listeners.delete(event);
        if (listeners.size === 0 && attached) {
          ipc.removeListener(EVENT_CHANNEL, onEvent);
          attached = false;
        }
      };
    },
  };
}

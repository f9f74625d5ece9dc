import { MAX_REQUEST_BYTES, type RpcResponse } from '../../common/contract/rpc_envelope';
import type { EventBus } from '../../core/event_bus';
import type { Dispatch } from '../../core/rpc/dispatcher';
import type { Logger } from '../../node_shared/logger';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../preload/ipc_channels';
import { isAppUrl } from './navigation_policy';

/** What the binding needs of Electron's ipcMain, so tests can hand in a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** The part of IpcMainInvokeEvent the origin check reads. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

/** The window's webContents, as far as event forwarding needs it. */
export interface EventTargetLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  getURL(): string;
}

export interface IpcBindingOptions {
  ipcMain: IpcMainLike;
  dispatch: Dispatch;
  events: EventBus;
  target: EventTargetLike;
  logger: Logger;
}

function refuse(
  code: 'unauthorized' | 'too_large' | 'invalid_args' | 'internal',
  message: string,
): RpcResponse {
  return { ok: false, error: { code, message } };
}

/**
 * Arguments arrive structured-cloned; the core only ever sees plain JSON data, exactly as over HTTP.
 * Dates, Maps, BigInts or cycles either become JSON or are refused; the size limit is the HTTP one.
 */
function toJsonArgs(args: unknown): { ok: true; value: unknown } | { ok: false; response: RpcResponse } {
  if (args === undefined) return { ok: true, value: undefined };
  let text: string | undefined;
  try {
    text = JSON.stringify(args);
  } catch {
    return { ok: false, response: refuse('invalid_args', 'Arguments must be plain JSON data.') };
  }
  if (text === undefined) return { ok: true, value: undefined };
  if (Buffer.byteLength(text, 'utf8') > MAX_REQUEST_BYTES) {
    return { ok: false, response: refuse('too_large', 'The request is too large.') };
  }
  return { ok: true, value: JSON.parse(text) };
}

/**
 * The Electron transport of the RPC: `kiosk:invoke` → the core's validating dispatcher, and core events →
 * the window. Calls from any frame that is not the app's own page are refused; the handler never throws.
 * Returns the function that unbinds both directions.
 */
export function bindIpc({ ipcMain, dispatch, events, target, logger }: IpcBindingOptions): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method, args) => {
    try {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl)) {
        logger.warn('ipc.foreign_sender');
        return refuse('unauthorized', 'Calls are accepted only from the kiosk page.');
      }
      if (typeof method !== 'string' || method.length > 128) {
        return refuse('invalid_args', 'The method must be a short string.');
      }
      const parsed = toJsonArgs(args);
      if (!parsed.ok) return parsed.response;
      return await dispatch(method, parsed.value);
    } catch (error) {
      logger.error('ipc.failed', { error: error instanceof Error ? error.name : 'unknown' });
      return refuse('internal', 'The kiosk could not complete this request.');
    }
  });
  const detach = events.attach((name, payload) => {
    // Events go only to the app's own page, never to whatever a hijacked window might show.
    if (target.isDestroyed() || !isAppUrl(target.getURL())) return;
    target.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    detach();
  };
}

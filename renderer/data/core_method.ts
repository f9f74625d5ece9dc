import type { MethodArgs, MethodName, MethodResult } from '../../common/contract';
import { call } from '../rpc/api';

/**
 * A core method as a typed function, for an action a screen runs from a handler (save, print, unlock): the
 * screen words the typed outcome; a refused call rejects, as the RPC client does.
 */
export function request<M extends MethodName>(method: M): (args: MethodArgs<M>) => Promise<MethodResult<M>> {
  return (args) => call(method, args);
}

/**
 * A core method nobody waits for (where to resume, a lock, a release on leaving): sent, and a refused or failed
 * call dropped — the core recovers on its own (start-up wipes, PIN timeouts), and the visitor has moved on.
 */
export function notify<M extends MethodName>(method: M): (args: MethodArgs<M>) => void {
  return (args) => void call(method, args).catch(() => {});
}

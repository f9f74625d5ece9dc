import type {
  EventName,
  EventPayload,
  MethodArgs,
  MethodName,
  MethodResult,
  RpcError,
} from '../../common/contract';
import { pickTransport, type Transport } from './transport';

/** A call the core refused or could not complete (not an expected, typed failure of the method). */
export class RpcCallError extends Error {
  constructor(readonly rpcError: RpcError) {
    super(rpcError.message);
    this.name = 'RpcCallError';
  }
}

let transport: Transport | null = null;

function current(): Transport {
  transport ??= pickTransport();
  return transport;
}

/** Replaces the transport (tests use an in-memory core). */
export function setTransport(next: Transport): void {
  transport = next;
}

/** Calls a core method with end-to-end types from the contract. */
export async function call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
  const response = await current().invoke(method, args);
  if (!response.ok) throw new RpcCallError(response.error);
  return response.value as MethodResult<M>;
}

export function subscribe<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return current().subscribe(event, listener as (payload: unknown) => void);
}

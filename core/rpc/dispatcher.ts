import type { z } from 'zod';
import {
  contract,
  findForbiddenKey,
  isMethodName,
  type MethodName,
  type MethodResult,
  type ParsedArgs,
  type RpcResponse,
} from '../../common/contract';
import type { Logger } from '../../node_shared/logger';

export type Handler<M extends MethodName> = (
  args: ParsedArgs<M>,
) => Promise<MethodResult<M>> | MethodResult<M>;
export type Handlers = { [M in MethodName]: Handler<M> };

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export type Dispatch = (method: unknown, args: unknown) => Promise<RpcResponse>;

/**
 * Validates a call against the contract and runs its handler. Unknown methods, bad arguments and
 * handler crashes come back as typed errors; nothing here throws at the transport.
 */
export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async (method, args) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: 'There is no such method.' } };
    }
    const pollutingKey = findForbiddenKey(args);
    if (pollutingKey) {
      return {
        ok: false,
        error: {
          code: 'invalid_args',
          message: 'Arguments contain a forbidden key.',
          issues: [{ path: pollutingKey, message: 'forbidden key' }],
        },
      };
    }
    const spec = contract[method];
    const parsed = spec.args.safeParse(args ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid_args',
          message: `Invalid arguments for ${method}.`,
          issues: issuesOf(parsed.error),
        },
      };
    }
    try {
      const handler = handlers[method] as (a: unknown) => unknown;
      const value = await handler(parsed.data);
      // The result is checked too: a handler must never leak more than the contract promises.
      const checked = spec.result.safeParse(value);
      if (!checked.success) {
        logger.error('rpc.result_invalid', { method, issues: issuesOf(checked.error).length });
        return {
          ok: false,
          error: { code: 'internal', message: 'The kiosk could not complete this request.' },
        };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      logger.error('rpc.handler_failed', { method, error: error instanceof Error ? error.name : 'unknown' });
      return {
        ok: false,
        error: { code: 'internal', message: 'The kiosk could not complete this request.' },
      };
    }
  };
}

import type { z } from 'zod';
import {
  contract,
  findForbiddenKey,
  isMethodName,
  LOCKED,
  type MethodName,
  type MethodResult,
  type ParsedArgs,
  type Role,
  type RpcResponse,
} from '../../common/contract';
import type { Logger } from '../../node_shared/logger';
import { isDiskFull } from '../storage/disk_reserve';

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

/** Whether the PIN-protected mode of a role is open now; asking counts as activity that keeps it open. */
export type RoleGate = (role: Exclude<Role, 'visitor'>) => boolean;

/**
 * The page's entry into the core. Checks, in this order: the method exists; the arguments match the
 * contract; its role is open (a staff or technician method answers `locked` while its mode is locked, and
 * its handler never runs). Handler crashes and results outside the contract come back as typed errors; nothing
 * here throws at the transport.
 */
export function createDispatcher(handlers: Handlers, gate: RoleGate, logger: Logger): Dispatch {
  return async (method, args) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: 'There is no such method.' } };
    }
    const spec = contract[method];
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
    if (spec.role !== 'visitor' && !gate(spec.role)) return { ok: true, value: LOCKED };
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
      // A full disk is an expected state of a kiosk left alone for weeks: said as such, never `internal`.
      if (isDiskFull(error)) {
        logger.error('rpc.disk_full', { method });
        return {
          ok: false,
          error: {
            code: 'disk_full',
            message: 'The kiosk has no space left to store this. Nothing was lost.',
          },
        };
      }
      logger.error('rpc.handler_failed', { method, error: error instanceof Error ? error.name : 'unknown' });
      return {
        ok: false,
        error: { code: 'internal', message: 'The kiosk could not complete this request.' },
      };
    }
  };
}

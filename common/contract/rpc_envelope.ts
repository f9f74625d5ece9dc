import { z } from 'zod';

/** Why a call was refused or failed. Expected, handled failures of a method are part of its result instead. */
export const RPC_ERROR_CODES = [
  'unknown_method',
  'invalid_args',
  'too_large',
  'unauthorized',
  'not_provisioned',
  /** The kiosk's disk is full: nothing was written, what was stored before is intact. */
  'disk_full',
  'internal',
] as const;
export type RpcErrorCode = (typeof RPC_ERROR_CODES)[number];

export const rpcErrorSchema = z.object({
  code: z.enum(RPC_ERROR_CODES),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type RpcError = z.infer<typeof rpcErrorSchema>;

export type RpcResponse<T = unknown> = { ok: true; value: T } | { ok: false; error: RpcError };

export const rpcRequestSchema = z.object({ method: z.string().max(128), args: z.unknown() }).strict();

/** Largest request body any transport accepts. Larger ones are refused before parsing. */
export const MAX_REQUEST_BYTES = 256 * 1024;

/** Keys that could reach an object's prototype when a payload is merged somewhere. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Finds a prototype-polluting key anywhere in a parsed payload; returns its path, or null. */
export function findForbiddenKey(value: unknown, path = ''): string | null {
  if (value === null || typeof value !== 'object') return null;
  for (const key of Object.keys(value)) {
    const here = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) return here;
    const found = findForbiddenKey((value as Record<string, unknown>)[key], here);
    if (found) return found;
  }
  return null;
}

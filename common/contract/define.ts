import { z } from 'zod';

/**
 * Who may call a method, enforced by the core's dispatcher before any handler runs (never by the UI):
 * - `visitor`: anyone at the screen (the page as such; a visitor's own documents are checked by the core);
 * - `staff`: only while staff mode is unlocked with the staff PIN (each call keeps it open);
 * - `technician`: only while technician mode is unlocked with the technician PIN.
 * The shell itself (Electron main, dev host) holds the core object and needs no RPC of its own.
 */
export const ROLES = ['visitor', 'staff', 'technician'] as const;
export type Role = (typeof ROLES)[number];

/** What a staff or technician method answers, instead of running, while its mode is locked. */
export const lockedResultSchema = z.object({ ok: z.literal(false), reason: z.literal('locked') });
export const LOCKED = { ok: false, reason: 'locked' } as const;

/** One RPC method: who may call it, the schema of its single named-argument object and of its result. */
export interface MethodSpec<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly role: Role;
  readonly args: A;
  readonly result: R;
}

/** A method anyone at the screen may call. */
export function visitorMethod<A extends z.ZodType, R extends z.ZodType>(
  args: A,
  result: R,
): MethodSpec<A, R> {
  return { role: 'visitor', args, result };
}

/**
 * A method of a PIN-protected mode. Its result also admits `{ ok: false, reason: 'locked' }`, which the
 * dispatcher answers while the mode is locked.
 */
export function lockedMethod<A extends z.ZodType, R extends z.ZodType>(
  role: Exclude<Role, 'visitor'>,
  args: A,
  result: R,
): MethodSpec<A, z.ZodUnion<[R, typeof lockedResultSchema]>> {
  return { role, args, result: z.union([result, lockedResultSchema]) };
}

/** One event the core pushes to the renderer (subscribe), with the schema of its payload. */
export function event<P extends z.ZodType>(payload: P): { readonly payload: P } {
  return { payload };
}

import type { z } from 'zod';

/** One RPC method: the schema of its single named-argument object and of its result. */
export interface MethodSpec<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly args: A;
  readonly result: R;
}

export function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R): MethodSpec<A, R> {
  return { args, result };
}

/** One event the core pushes to the renderer (subscribe), with the schema of its payload. */
export function event<P extends z.ZodType>(payload: P): { readonly payload: P } {
  return { payload };
}

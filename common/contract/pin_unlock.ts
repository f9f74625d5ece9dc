import { z } from 'zod';

/** What unlocking a PIN-protected mode (staff, technician) answers; both share one `PinLock` policy. */
export const pinUnlockResultSchema = z.discriminatedUnion('reason', [
  z.object({ ok: z.literal(true), reason: z.literal('unlocked') }),
  z.object({ ok: z.literal(false), reason: z.literal('wrong_pin'), triesLeft: z.number().int().min(0) }),
  z.object({
    ok: z.literal(false),
    reason: z.literal('locked_out'),
    retryAfterSeconds: z.number().int().min(1),
  }),
  z.object({ ok: z.literal(false), reason: z.literal('not_configured') }),
]);
export type PinUnlockResult = z.infer<typeof pinUnlockResultSchema>;

import { z } from 'zod';
import { reviewStatusSchema, statusLookupRequestSchema } from '../status/review_states';
import { visitorMethod } from './define';
import { CARD_FAILURES } from './idcard_methods';

/**
 * "查询进度": the visitor's receipt number and second factor, asked of the hub. The answer is the hub's
 * status as of now, or why there is none: `not_found` (unknown receipt and wrong factor alike),
 * `rate_limited`, `offline` (the hub could not be reached now: never an old state shown as current).
 * The centre's phone comes with every answer so the screen can always say whom to call.
 */
export const statusLookupResultSchema = z.union([
  z.object({
    ok: z.literal(true),
    status: reviewStatusSchema,
    checkedAt: z.string().max(40),
    centrePhone: z.string().max(32),
  }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['not_found', 'rate_limited', 'offline']),
    retryAfterSeconds: z.number().int().nonnegative().optional(),
    centrePhone: z.string().max(32),
  }),
]);

/**
 * A lookup whose second factor is the ID card on the reader: the core reads the card (waiting up to a minute)
 * and uses the last six of its ID number; the page never sees them. Besides the lookup's answers: no reader
 * here, no card in time (or the visitor went on: `idcard.disarm`), or the card could not be used.
 */
export const statusCardLookupResultSchema = z.union([
  statusLookupResultSchema,
  z.object({
    ok: z.literal(false),
    reason: z.enum(['no_reader', 'no_card', ...CARD_FAILURES]),
    centrePhone: z.string().max(32),
  }),
]);
export type StatusLookupResult = z.infer<typeof statusLookupResultSchema>;
export type StatusCardLookupResult = z.infer<typeof statusCardLookupResultSchema>;

export const statusMethods = {
  'status.lookup': visitorMethod(statusLookupRequestSchema, statusLookupResultSchema),
  'status.lookup_by_card': visitorMethod(
    statusLookupRequestSchema.pick({ receiptNo: true }).strict(),
    statusCardLookupResultSchema,
  ),
} as const;

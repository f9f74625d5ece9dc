import { z } from 'zod';
import { lockedMethod, visitorMethod } from './define';

const noArgs = z.object({}).strict();

/**
 * What the sync worker is doing, in states the UI turns into plain words:
 * `not_configured` (no hub URL or token), `hub_not_trusted` (the hub address is not in the organisation
 * profile shipped with the build, or the profile is missing), `hub_identity_mismatch` (a server answered at
 * the hub's address with a certificate that is not the pinned hub's: nothing was sent; retrying),
 * `not_enrolled` (the hub refused the token: 401), `update_required` (the hub demands a newer app: 426),
 * `offline` (hub unreachable; retrying), `idle` (nothing to send), `sending`.
 */
export const SYNC_STATES = [
  'not_configured',
  'hub_not_trusted',
  'hub_identity_mismatch',
  'not_enrolled',
  'update_required',
  'offline',
  'idle',
  'sending',
] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export const queueCountsSchema = z.object({
  pending: z.number().int().nonnegative(),
  delivered: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
});
export type QueueCounts = z.infer<typeof queueCountsSchema>;

/** The ways the terminal reaches its hub, each verified against the organisation profile's pins. */
export const HUB_CHANNELS = [
  'sync',
  'downlink',
  'heartbeat',
  'enrollment',
  'updates',
  'video',
  'desk',
  'diagnostics',
  'status',
] as const;
export type HubChannel = (typeof HUB_CHANNELS)[number];

export const hubIdentityMismatchSchema = z.object({ channel: z.enum(HUB_CHANNELS), at: z.string() });
export type HubIdentityMismatch = z.infer<typeof hubIdentityMismatchSchema>;

export const syncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  /** From the hub's health answer (its id matched), not from the browser's idea of the network. */
  online: z.boolean(),
  lastContactAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  queue: queueCountsSchema,
  retentionDays: z.number().int().positive(),
  /** The last refused connection to a server that is not the pinned hub, until the real hub answers again. */
  hubIdentityMismatch: hubIdentityMismatchSchema.nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** A submission the hub refused or that conflicts with another under the same id: for staff. No answers. */
export const syncProblemSchema = z.object({
  uuid: z.string(),
  receiptNo: z.string(),
  templateId: z.string(),
  templateVersion: z.string(),
  state: z.enum(['rejected', 'quarantined']),
  reason: z.string(),
  at: z.string().nullable(),
});
export type SyncProblem = z.infer<typeof syncProblemSchema>;

export const syncMethods = {
  'sync.status': visitorMethod(noArgs, syncStatusSchema),
  /** Staff: try now, skipping the backoff wait. Answers after one sending round. */
  'sync.send_now': lockedMethod(
    'staff',
    noArgs,
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), delivered: z.number().int(), pending: z.number().int() }),
      z.object({
        ok: z.literal(false),
        reason: z.enum([
          'not_configured',
          'hub_not_trusted',
          'hub_identity_mismatch',
          'not_enrolled',
          'update_required',
          'offline',
        ]),
      }),
    ]),
  ),
  /** Staff: rejected and quarantined submissions, newest first. */
  'sync.problems': lockedMethod(
    'staff',
    z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    z.object({ items: z.array(syncProblemSchema) }),
  ),
} as const;

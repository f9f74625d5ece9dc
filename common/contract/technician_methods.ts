import { z } from 'zod';
import { ID_CARD_ADAPTERS } from '../idcard/reader_config';
import { LANGUAGES } from '../languages';
import { updateRefusalSchema } from '../updates/signed_feed';
import { lockedMethod, visitorMethod } from './define';
import { CARD_FAILURES } from './idcard_methods';
import { pinUnlockResultSchema } from './pin_unlock';
import { speechEngineFaultSchema } from './speech_methods';

const noArgs = z.object({}).strict();

function okWith<S extends z.ZodRawShape>(shape: S) {
  return z.object({ ok: z.literal(true), ...shape });
}

export const technicianPinSchema = z.string().min(6).max(12).regex(/^\d+$/, 'digits only');

/** Fields a technician may change on the terminal. Identity, the hub token, the PIN hash and the release
 * key are changed only by a new provisioning file: a stolen PIN must not re-point the update trust. */
export const EDITABLE_CONFIG_FIELDS = [
  'centre.name',
  'centre.phone',
  'platformLevel',
  'hubUrl',
  'defaultLanguage',
  'languages',
  'printer.name',
  'printer.paper',
  'screen.diagonalInches',
  'screen.widthPx',
  'screen.heightPx',
  'session.idleSeconds',
  'session.warningSeconds',
  'speech.onByDefault',
  'updates.channel',
  'updates.maintenanceWindow.start',
  'updates.maintenanceWindow.end',
] as const;
export type EditableConfigField = (typeof EDITABLE_CONFIG_FIELDS)[number];

export const configEditValueSchema = z.union([
  z.string().max(2048),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(64)).max(10),
]);
export type ConfigEditValue = z.infer<typeof configEditValueSchema>;

const deviceStatus = z.enum(['ok', 'degraded', 'offline', 'unknown']);

export const updateReportSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none') }),
  z.object({ status: z.literal('updated'), version: z.string().max(64) }),
  z.object({
    status: z.literal('update_failed'),
    attemptedVersion: z.string().max(64),
    runningVersion: z.string().max(64),
  }),
]);

export const updateRefusalRecordSchema = z.object({ reason: updateRefusalSchema, at: z.string().max(40) });

export const technicianMethods = {
  /** Opens technician mode. Wrong PINs count towards a lockout (5 free tries, then 15 s doubling). */
  'technician.unlock': visitorMethod(z.object({ pin: technicianPinSchema }).strict(), pinUnlockResultSchema),
  'technician.lock': visitorMethod(noArgs, z.object({ ok: z.literal(true) })),
  /** The renderer reports whether a visitor session is active: updates never install during one. */
  'session.set_active': visitorMethod(
    z.object({ active: z.boolean() }).strict(),
    z.object({ ok: z.literal(true) }),
  ),
  'diagnostics.hub': lockedMethod(
    'technician',
    noArgs,
    z.union([
      z.object({
        ok: z.literal(true),
        reachable: z.literal(true),
        latencyMs: z.number().int().nonnegative(),
        clockSkewMs: z.number().int(),
        hubId: z.string().max(64),
      }),
      z.object({
        ok: z.literal(true),
        reachable: z.literal(false),
        reason: z.enum([
          'not_provisioned',
          'hub_not_trusted',
          'identity_mismatch',
          'unreachable',
          'timeout',
          'not_a_hub',
        ]),
      }),
    ]),
  ),
  'diagnostics.sync': lockedMethod(
    'technician',
    noArgs,
    okWith({
      lastSyncAt: z.string().max(40).nullable(),
      queue: z.object({
        pending: z.number().int(),
        delivered: z.number().int(),
        rejected: z.number().int(),
        quarantined: z.number().int(),
      }),
    }),
  ),
  'diagnostics.printers': lockedMethod(
    'technician',
    noArgs,
    okWith({
      configured: z.string().max(200),
      printers: z
        .array(z.object({ name: z.string().max(200), isDefault: z.boolean(), status: deviceStatus }))
        .max(50),
    }),
  ),
  'diagnostics.print_test': lockedMethod(
    'technician',
    z.object({ printer: z.string().min(1).max(200) }).strict(),
    z.union([
      z.object({ ok: z.literal(true), printed: z.literal(true) }),
      z.object({
        ok: z.literal(true),
        printed: z.literal(false),
        reason: z.enum(['not_found', 'offline', 'failed']),
      }),
    ]),
  ),
  'diagnostics.speech': lockedMethod(
    'technician',
    noArgs,
    okWith({
      status: deviceStatus,
      /** Why speech is degraded (`engine_missing`: no speech engine installed); null when it is not. */
      reason: speechEngineFaultSchema.nullable(),
      engine: z.string().max(64),
      languages: z.array(z.object({ language: z.enum(LANGUAGES), available: z.boolean() })).max(10),
    }),
  ),
  /** The renderer tests camera and microphone itself (getUserMedia); this opens the shell's permission for
   * media while the test runs (at most a minute) and closes it again. */
  'diagnostics.media_access': lockedMethod(
    'technician',
    z.object({ open: z.boolean() }).strict(),
    okWith({}),
  ),
  'diagnostics.system': lockedMethod(
    'technician',
    noArgs,
    okWith({
      appVersion: z.string().max(64),
      schemaVersion: z.number().int(),
      diskFreeBytes: z.number().nonnegative(),
      diskTotalBytes: z.number().nonnegative(),
      update: updateReportSchema,
      updateStep: z.string().max(64).nullable(),
      /** The last refused feed or build and why (expired, replayed, downgrade, tampered …). */
      updateRefusal: updateRefusalRecordSchema.nullable(),
    }),
  ),
  /**
   * The ID card reader test: adapter, port, state and the SAM's id; with `read`, waits up to 15 s for a card
   * and reports only the outcome and how long the reader took (the card's contents are dropped at once: a
   * technician's test card leaves nothing behind).
   */
  'diagnostics.id_card': lockedMethod(
    'technician',
    z.object({ read: z.boolean() }).strict(),
    z.union([
      z.object({ ok: z.literal(true), configured: z.literal(false) }),
      z.object({
        ok: z.literal(true),
        configured: z.literal(true),
        adapter: z.enum(ID_CARD_ADAPTERS),
        port: z.string().max(1024),
        status: deviceStatus,
        samId: z.string().max(64).nullable(),
        read: z
          .object({
            outcome: z.enum(['read', 'no_card', ...CARD_FAILURES]),
            readerMs: z.number().int().nonnegative(),
          })
          .nullable(),
      }),
    ]),
  ),
  'technician.config_view': lockedMethod(
    'technician',
    noArgs,
    z.union([
      z.object({
        ok: z.literal(true),
        rows: z.array(z.object({ field: z.string().max(100), value: z.string().max(4096) })).max(100),
        hubTokenSet: z.boolean(),
        editable: z.array(z.enum(EDITABLE_CONFIG_FIELDS)),
      }),
      z.object({ ok: z.literal(false), reason: z.literal('not_provisioned') }),
    ]),
  ),
  /** Validates the whole provisioning with the change, then writes it atomically; effective after restart. */
  'technician.config_edit': lockedMethod(
    'technician',
    z.object({ field: z.enum(EDITABLE_CONFIG_FIELDS), value: configEditValueSchema }).strict(),
    z.union([
      z.object({ ok: z.literal(true), restartNeeded: z.literal(true) }),
      z.object({
        ok: z.literal(false),
        reason: z.enum(['invalid', 'unreadable', 'write_failed']),
        field: z.string().max(100),
        message: z.string().max(300),
      }),
      z.object({ ok: z.literal(false), reason: z.literal('not_provisioned') }),
    ]),
  ),
  /** Writes logs without personal data into a new folder inside `folder` (a USB stick, say). */
  'technician.export_logs': lockedMethod(
    'technician',
    z.object({ folder: z.string().min(1).max(1024) }).strict(),
    z.union([
      z.object({
        ok: z.literal(true),
        folder: z.string().max(1200),
        files: z.array(z.string().max(100)).max(50),
      }),
      z.object({
        ok: z.literal(false),
        reason: z.enum(['not_absolute', 'not_a_folder', 'write_failed']),
      }),
    ]),
  ),
  /** Only while the terminal is not provisioned, and only with a hub of the organisation profile: redeems a
   * hub-issued enrollment code, writes the provisioning file and restarts the app (see
   * `core/config/redeem_enrollment.ts`). */
  'provisioning.redeem': visitorMethod(
    z.object({ hubUrl: z.string().min(1).max(2048), code: z.string().min(1).max(40) }).strict(),
    z.union([
      z.object({ ok: z.literal(true), terminalId: z.string().max(64), restarting: z.boolean() }),
      z.object({ ok: z.literal(false), reason: z.literal('rate_limited'), retryAfterSeconds: z.number() }),
      z.object({
        ok: z.literal(false),
        reason: z.literal('invalid_config'),
        field: z.string().max(200),
        message: z.string().max(300),
      }),
      z.object({
        ok: z.literal(false),
        reason: z.literal('forbidden_fields'),
        fields: z.array(z.string().max(200)).max(50),
      }),
      z.object({
        ok: z.literal(false),
        reason: z.enum([
          'already_provisioned',
          'no_config_path',
          'hub_not_in_profile',
          'hub_identity_mismatch',
          'bad_code',
          'exists',
          'unreachable',
          'not_a_hub',
          'write_failed',
          'unknown_code',
          'code_used',
          'code_expired',
        ]),
      }),
    ]),
  ),
  'technician.restart': lockedMethod(
    'technician',
    noArgs,
    z.union([
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), reason: z.literal('not_available') }),
    ]),
  ),
} as const;

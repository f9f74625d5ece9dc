import { z } from 'zod';
import { updateRefusalSchema } from '../updates/signed_feed';

/**
 * The kiosk ↔ hub sync protocol (JSON over HTTP). Both sides validate every body with these schemas:
 * the hub its requests, the kiosk the hub's answers. Pure: no Node, no DOM.
 */
export const PROTOCOL_VERSION = 1;
export const API_PREFIX = '/api/v1';

/** Headers every kiosk request carries; the hub answers 426 when the app is older than it accepts. */
export const HEADER_APP_VERSION = 'x-kiosk-app-version';
export const HEADER_SCHEMA_VERSION = 'x-kiosk-schema-version';

/** Largest payload (canonical JSON of one application, signature included) the hub stores. */
export const MAX_PAYLOAD_BYTES = 512 * 1024;
/** Largest request body: one batch of submissions. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
export const MAX_BATCH_ITEMS = 100;

/** The canonical lower-case form of an RFC 4122 UUID; anything else (`..`, `%2F`, SQL) is refused. */
export const uuidSchema = z
  .string()
  .max(36)
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a lower-case UUID');

export const sha256HexSchema = z
  .string()
  .max(64)
  .regex(/^[0-9a-f]{64}$/, 'a SHA-256 as 64 lower-case hex digits');

export const identifierSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore');

export const versionSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._+-]*$/, 'a version such as 1.0.0');

export const isoTimeSchema = z.iso.datetime({ offset: true });

/** One finalized application as the kiosk sends it. `payload` is the exact canonical JSON string. */
export const submissionEnvelopeSchema = z
  .object({
    terminalId: identifierSchema,
    templateId: identifierSchema,
    templateVersion: versionSchema,
    payload: z.string().max(MAX_PAYLOAD_BYTES),
    sha256: sha256HexSchema,
    receiptNo: z
      .string()
      .min(1)
      .max(64)
      .refine(
        (value) => ![...value].some((char) => char < ' ' || char === '\u007f'),
        'no control characters',
      ),
    createdAt: isoTimeSchema,
    priority: z.number().int().min(0).max(9),
    assisted: z.boolean(),
  })
  .strict();
export type SubmissionEnvelope = z.infer<typeof submissionEnvelopeSchema>;

export const batchItemSchema = submissionEnvelopeSchema.extend({ uuid: uuidSchema }).strict();
export type BatchItem = z.infer<typeof batchItemSchema>;

export const batchRequestSchema = z
  .object({ items: z.array(batchItemSchema).min(1).max(MAX_BATCH_ITEMS) })
  .strict();

/** The hub's acknowledgement. Only a receipt that echoes the id and hash counts as delivered. */
export const receiptSchema = z.object({
  uuid: uuidSchema,
  sha256: sha256HexSchema,
  hubId: identifierSchema,
  receivedAt: isoTimeSchema,
});
export type Receipt = z.infer<typeof receiptSchema>;

/** Why the hub refused one submission; a value, shown to staff. */
export const REFUSAL_REASONS = [
  'hash_mismatch',
  'invalid_payload',
  'unknown_template_version',
  'wrong_terminal',
  'too_large',
  'conflict',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Per-item outcome, with the status code a single PUT of the same item would get. */
export const itemResultSchema = z.discriminatedUnion('status', [
  z.object({ uuid: uuidSchema, status: z.literal(201), receipt: receiptSchema }),
  z.object({ uuid: uuidSchema, status: z.literal(200), receipt: receiptSchema }),
  z.object({
    uuid: uuidSchema,
    status: z.union([z.literal(403), z.literal(409), z.literal(413), z.literal(422)]),
    reason: z.enum(REFUSAL_REASONS),
    detail: z.string().max(500).optional(),
  }),
]);
export type ItemResult = z.infer<typeof itemResultSchema>;

export const batchResponseSchema = z.object({
  hubId: identifierSchema,
  results: z.array(itemResultSchema).max(MAX_BATCH_ITEMS),
});
export type BatchResponse = z.infer<typeof batchResponseSchema>;

/** The body of every non-2xx answer that is not per item. */
export const errorBodySchema = z.object({
  error: z.string().max(64),
  detail: z.string().max(500).optional(),
  minAppVersion: z.string().max(32).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The hub's service name in its health body: a captive portal's 200 page cannot carry it by accident. */
export const HUB_SERVICE = 'baotou-kiosk-hub';

export const healthBodySchema = z.object({
  service: z.literal(HUB_SERVICE),
  hubId: identifierSchema,
  protocol: z.literal(PROTOCOL_VERSION),
  time: isoTimeSchema,
});
export type HealthBody = z.infer<typeof healthBodySchema>;

/** Published item kinds the hub hands to kiosks. */
export const ITEM_KINDS = [
  'template',
  'directory',
  'content',
  'fee_rules',
  'lawyers',
  'duty_roster',
  'audio_pack',
  'sign_pack',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const manifestItemSchema = z
  .object({
    kind: z.enum(ITEM_KINDS),
    id: identifierSchema,
    version: versionSchema,
    sha256: sha256HexSchema,
    size: z.number().int().nonnegative(),
  })
  .strict();
export type ManifestItem = z.infer<typeof manifestItemSchema>;

export const manifestSchema = z.object({
  hubId: identifierSchema,
  items: z.array(manifestItemSchema).max(10_000),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function itemPath(item: Pick<ManifestItem, 'kind' | 'id' | 'version'>): string {
  return `${API_PREFIX}/items/${item.kind}/${encodeURIComponent(item.id)}/${encodeURIComponent(item.version)}`;
}

export const DEVICE_STATUSES = ['ok', 'degraded', 'offline', 'unknown'] as const;

/** What a terminal reports about itself; the technician's fleet view reads the latest one per terminal. */
export const heartbeatSchema = z
  .object({
    appVersion: versionSchema,
    schemaVersion: z.number().int().min(0).max(100_000),
    queue: z
      .object({
        pending: z.number().int().nonnegative(),
        rejected: z.number().int().nonnegative(),
        quarantined: z.number().int().nonnegative(),
      })
      .strict(),
    lastSyncAt: isoTimeSchema.nullable(),
    printer: z.object({ status: z.enum(DEVICE_STATUSES) }).strict(),
    speech: z.object({ status: z.enum(DEVICE_STATUSES) }).strict(),
    /** The ID card reader, on terminals that have one (issue 19); absent from older apps. */
    idCardReader: z
      .object({ status: z.enum(DEVICE_STATUSES) })
      .strict()
      .optional(),
    /** The last self-update, for the fleet view (issue 10). */
    update: z
      .discriminatedUnion('status', [
        z.object({ status: z.literal('none') }).strict(),
        z.object({ status: z.literal('updated'), version: versionSchema }).strict(),
        z
          .object({
            status: z.literal('update_failed'),
            attemptedVersion: versionSchema,
            runningVersion: versionSchema,
          })
          .strict(),
      ])
      .optional(),
    /** The last update the terminal refused and why (a bad, expired, replayed or downgrading feed, a tampered build). */
    updateRefusal: z.object({ reason: updateRefusalSchema, at: isoTimeSchema }).strict().optional(),
  })
  .strict();
export type Heartbeat = z.infer<typeof heartbeatSchema>;

/** Staff listing: `since` is the hub's sequence number of the last row already seen. */
export const listQuerySchema = z
  .object({
    since: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
    centre: identifierSchema.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

export const storedSubmissionSchema = z.object({
  seq: z.number().int(),
  uuid: uuidSchema,
  terminalId: identifierSchema,
  centre: z.string(),
  templateId: identifierSchema,
  templateVersion: versionSchema,
  payload: z.string(),
  sha256: sha256HexSchema,
  receiptNo: z.string(),
  createdAt: isoTimeSchema,
  receivedAt: isoTimeSchema,
  priority: z.number().int(),
  assisted: z.boolean(),
});
export type StoredSubmission = z.infer<typeof storedSubmissionSchema>;

export const listResponseSchema = z.object({
  items: z.array(storedSubmissionSchema),
  next: z.number().int(),
});

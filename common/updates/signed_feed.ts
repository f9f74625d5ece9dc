import { z } from 'zod';
import {
  artifactNameSchema,
  channelSchema,
  feedPlatformSchema,
  releaseVersionSchema,
  sha512Base64Schema,
} from './feed';

/**
 * The one file a terminal reads to decide on an update: a JSON envelope around the exact bytes the release
 * key signed. The signed payload names the channel and platform it is for, when it was issued and when it
 * expires, a sequence number that only ever grows, and the one build to install (name, size, sha512). The
 * terminal parses the payload only after the signature checked out, and never reads any other feed file.
 */
export const SIGNED_FEED_FORMAT = 'kiosk-update-feed/2';
/** Largest feed file read from the hub: a real one is well under 2 KB. */
export const MAX_FEED_BYTES = 16 * 1024;

/** The release public key as the organisation profile carries it: base64 of the raw 32-byte Ed25519 key. */
export const publicKeyBase64Schema = z
  .string()
  .max(44)
  .regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 of a 32-byte Ed25519 public key');

export const keyIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'the 16 hex digits of a key id');

export const feedPayloadSchema = z
  .object({
    channel: channelSchema,
    platform: feedPlatformSchema,
    /** Grows with every feed the release machine signs; a terminal refuses one lower than it has seen. */
    sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    version: releaseVersionSchema,
    file: artifactNameSchema,
    size: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    sha512: sha512Base64Schema,
    /** Share of terminals (by the bucket of their terminal id) that take this release. */
    rolloutPercentage: z.number().int().min(0).max(100),
  })
  .strict()
  .refine((feed) => Date.parse(feed.expiresAt) > Date.parse(feed.issuedAt), {
    message: 'expiresAt must be after issuedAt',
    path: ['expiresAt'],
  });
export type FeedPayload = z.infer<typeof feedPayloadSchema>;

export const signedFeedSchema = z
  .object({
    format: z.literal(SIGNED_FEED_FORMAT),
    algorithm: z.literal('ed25519'),
    keyId: keyIdSchema,
    /** base64 of the exact payload bytes (UTF-8 JSON) that were signed. */
    payload: z
      .string()
      .max(8 * 1024)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    signature: z
      .string()
      .max(88)
      .regex(/^[A-Za-z0-9+/]{86}==$/, 'base64 of a 64-byte signature'),
  })
  .strict();
export type SignedFeed = z.infer<typeof signedFeedSchema>;

/** What the key signs: the format name, a newline, the payload bytes (so a signature means this format only). */
export function feedSignedMessage(payload: Uint8Array): Uint8Array {
  const header = new TextEncoder().encode(`${SIGNED_FEED_FORMAT}\n`);
  const out = new Uint8Array(header.length + payload.length);
  out.set(header, 0);
  out.set(payload, header.length);
  return out;
}

export function parseSignedFeed(text: string): SignedFeed | null {
  try {
    const parsed = signedFeedSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Why a terminal refused an update, as technicians read it on the terminal and in the fleet view:
 * the feed's signature or content (`unsigned` … `wrong_channel`), its dates (`not_yet_valid`, `expired`),
 * an old feed served again (`replayed`), a version older than the running one (`downgrade`), or a
 * downloaded build whose size or sha512 differs from the signed feed (`tampered`).
 */
export const UPDATE_REFUSALS = [
  'unsigned',
  'wrong_key',
  'bad_signature',
  'bad_feed',
  'wrong_channel',
  'not_yet_valid',
  'expired',
  'replayed',
  'downgrade',
  'tampered',
] as const;
export type UpdateRefusal = (typeof UPDATE_REFUSALS)[number];
export const updateRefusalSchema = z.enum(UPDATE_REFUSALS);

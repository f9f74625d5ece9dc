import { createHash, verify } from 'node:crypto';
import { err, ok, type Result } from '../common/result';
import {
  type FeedPayload,
  feedPayloadSchema,
  feedSignedMessage,
  parseSignedFeed,
  type UpdateRefusal,
} from '../common/updates/signed_feed';
import { keyIdOf, publicKeyFromBase64 } from './release_keys';

export type SignatureRefusal = Extract<
  UpdateRefusal,
  'unsigned' | 'wrong_key' | 'bad_signature' | 'bad_feed'
>;

export interface VerifiedFeed {
  feed: FeedPayload;
  /** SHA-256 (hex) of the signed payload bytes: tells two feeds with the same sequence apart. */
  digest: string;
}

/**
 * Accepts a feed file only when its Ed25519 signature verifies with one of the trusted release keys. The
 * payload is parsed only AFTER the signature checked out, so nothing of an unsigned feed is ever interpreted.
 */
export function verifyFeedSignature(
  text: string,
  publicKeysBase64: readonly string[],
): Result<VerifiedFeed, SignatureRefusal> {
  const envelope = parseSignedFeed(text);
  if (!envelope) return err('unsigned');
  const key = publicKeysBase64
    .map(publicKeyFromBase64)
    .find((candidate) => keyIdOf(candidate) === envelope.keyId);
  if (!key) return err('wrong_key');
  const bytes = Buffer.from(envelope.payload, 'base64');
  if (!verify(null, feedSignedMessage(bytes), key, Buffer.from(envelope.signature, 'base64')))
    return err('bad_signature');
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return err('bad_feed');
  }
  const payload = feedPayloadSchema.safeParse(json);
  if (!payload.success) return err('bad_feed');
  return ok({ feed: payload.data, digest: createHash('sha256').update(bytes).digest('hex') });
}

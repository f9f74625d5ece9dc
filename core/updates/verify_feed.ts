import { verify } from 'node:crypto';
import { parseFeedYml, type UpdateFeed } from '../../common/updates/feed';
import { parseSignatureEnvelope, signedMessage } from '../../common/updates/signature_envelope';
import { keyIdOf, publicKeyFromBase64 } from '../../node_shared/release_keys';

export type FeedRefusal = 'unsigned' | 'bad_signature' | 'wrong_key' | 'bad_feed';

export interface SignedFeed {
  channel: string;
  file: string;
  yml: Uint8Array;
  /** The text of `<file>.sig`; null when the hub had none. */
  signature: string | null;
}

/**
 * Accepts a feed only when its detached signature verifies with the provisioned release key. The yml is
 * parsed only AFTER the signature checked out, so nothing of an unsigned feed is ever interpreted.
 */
export function verifySignedFeed(
  signed: SignedFeed,
  publicKeyBase64: string,
): { ok: true; feed: UpdateFeed } | { ok: false; reason: FeedRefusal } {
  if (signed.signature === null) return { ok: false, reason: 'unsigned' };
  const envelope = parseSignatureEnvelope(signed.signature);
  if (!envelope) return { ok: false, reason: 'unsigned' };
  const key = publicKeyFromBase64(publicKeyBase64);
  if (envelope.keyId !== keyIdOf(key)) return { ok: false, reason: 'wrong_key' };
  const message = signedMessage(signed.channel, signed.file, signed.yml);
  if (!verify(null, message, key, Buffer.from(envelope.signature, 'base64'))) {
    return { ok: false, reason: 'bad_signature' };
  }
  const parsed = parseFeedYml(Buffer.from(signed.yml).toString('utf8'));
  return parsed.ok ? { ok: true, feed: parsed.feed } : { ok: false, reason: 'bad_feed' };
}

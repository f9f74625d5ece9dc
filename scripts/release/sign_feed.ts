import { sign } from 'node:crypto';
import {
  type FeedPayload,
  feedPayloadSchema,
  feedSignedMessage,
  SIGNED_FEED_FORMAT,
  type SignedFeed,
} from '../../common/updates/signed_feed';
import type { ReleaseKey } from './release_key';

/** The text of one platform's feed file: the payload's exact bytes, base64, with their Ed25519 signature. */
export function signFeed(key: ReleaseKey, payload: FeedPayload): string {
  const bytes = Buffer.from(JSON.stringify(feedPayloadSchema.parse(payload)), 'utf8');
  const envelope: SignedFeed = {
    format: SIGNED_FEED_FORMAT,
    algorithm: 'ed25519',
    keyId: key.keyId,
    payload: bytes.toString('base64'),
    signature: sign(null, feedSignedMessage(bytes), key.privateKey).toString('base64'),
  };
  return `${JSON.stringify(envelope)}\n`;
}

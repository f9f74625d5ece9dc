import { sign } from 'node:crypto';
import {
  SIGNATURE_FORMAT,
  type SignatureEnvelope,
  signedMessage,
} from '../../common/updates/signature_envelope';
import type { ReleaseKey } from './release_key_store';

/** The text of `<feed>.sig`: the Ed25519 signature over channel, file name and the exact yml bytes. */
export function signFeed(key: ReleaseKey, channel: string, file: string, yml: Uint8Array): string {
  const envelope: SignatureEnvelope = {
    format: SIGNATURE_FORMAT,
    algorithm: 'ed25519',
    keyId: key.keyId,
    signature: sign(null, signedMessage(channel, file, yml), key.privateKey).toString('base64'),
  };
  return `${JSON.stringify(envelope)}\n`;
}

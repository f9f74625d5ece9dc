import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/** Node wants a KeyObject; provisioning carries the raw 32-byte Ed25519 key as base64 (one JSON line). */
export function publicKeyFromBase64(base64: string): KeyObject {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32) throw new Error('an Ed25519 public key has 32 bytes');
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}

export function publicKeyToBase64(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

/** Short id of a release key, written into each signature so a key mix-up is named, not just "bad". */
export function keyIdOf(key: KeyObject): string {
  return createHash('sha256').update(publicKeyToBase64(key)).digest('hex').slice(0, 16);
}

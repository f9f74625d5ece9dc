import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { keyIdOf, publicKeyToBase64 } from '../../node_shared/release_keys';

export interface ReleaseKey {
  privateKey: KeyObject;
  /** What goes into each terminal's provisioning file as `updates.publicKey`. */
  publicKeyBase64: string;
  keyId: string;
}

export function releaseKeyPath(dataDir: string): string {
  return path.join(dataDir, 'release-key', 'ed25519.pem');
}

/**
 * The hub's release signing key, created on first use in the hub's data folder (owner-only permissions).
 * `wx` never overwrites: a second key would silently orphan every provisioned terminal.
 */
export function loadOrCreateReleaseKey(dataDir: string): ReleaseKey {
  const file = releaseKeyPath(dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
    try {
      fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const privateKey = createPrivateKey(fs.readFileSync(file));
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKeyBase64: publicKeyToBase64(publicKey), keyId: keyIdOf(publicKey) };
}

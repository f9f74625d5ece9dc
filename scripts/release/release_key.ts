import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../../common/result';
import { keyIdOf, publicKeyToBase64 } from '../../node_shared/release_keys';

/**
 * The release signing key lives on the release machine (better: an offline one), never on the hub. Its
 * public half goes into the organisation profile (`updates.publicKeys`) of every build.
 */
export interface ReleaseKey {
  privateKey: KeyObject;
  publicKeyBase64: string;
  keyId: string;
}

function describe(privateKey: KeyObject): ReleaseKey {
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKeyBase64: publicKeyToBase64(publicKey), keyId: keyIdOf(publicKey) };
}

/** Creates `dir/release-key.pem` (owner-only); `wx` never overwrites a key terminals already trust. */
export function createReleaseKey(dir: string): Result<ReleaseKey & { file: string }, string> {
  const file = path.join(dir, 'release-key.pem');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  try {
    fs.writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    return err(
      (error as NodeJS.ErrnoException).code === 'EEXIST' ? `${file} exists` : `cannot write ${file}`,
    );
  }
  return ok({ ...describe(privateKey), file });
}

export function loadReleaseKey(file: string): Result<ReleaseKey, string> {
  try {
    const privateKey = createPrivateKey(fs.readFileSync(file));
    if (privateKey.asymmetricKeyType !== 'ed25519') return err(`${file} is not an Ed25519 key`);
    return ok(describe(privateKey));
  } catch {
    return err(`cannot read the release key ${file}`);
  }
}

import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../node_shared/logger';
import { FILE_MODE, shredFile } from './owner_only';
import { applyCipher, isPlaintextDatabase, openEncrypted, openPlaintext, rawKey } from './sqlcipher';

function fsyncPath(target: string): void {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Encrypts a plaintext kiosk database (from a version before encryption) where it lies, losing nothing,
 * whatever moment the process is killed at:
 * 1. the plaintext database is checkpointed into one file and copied to `<file>.encrypting`;
 * 2. the copy is encrypted (`rekey`), flushed to disk and checked with the key;
 * 3. the plaintext file moves to `<file>.plaintext`, the encrypted copy takes its name;
 * 4. the plaintext file is overwritten with zeros and removed.
 * A kill in 1–2 leaves the plaintext database in place (the partial copy is discarded on the next start);
 * a kill after 3's first rename finds a complete, flushed copy to finish with. Returns whether it encrypted.
 */
export function encryptInPlace(file: string, key: Buffer, logger?: Logger): boolean {
  const work = `${file}.encrypting`;
  const old = `${file}.plaintext`;
  const dir = path.dirname(file);
  // An earlier run was killed between the two renames: the copy is complete, finish the swap. (Without a
  // copy — which step 3 never allows — the plaintext file goes back, so nothing is ever shredded alone.)
  if (!fs.existsSync(file) && fs.existsSync(old)) {
    fs.renameSync(fs.existsSync(work) ? work : old, file);
    fsyncPath(dir);
  }
  for (const leftover of [old, `${old}-wal`, `${old}-shm`, `${old}-journal`]) shredFile(leftover);
  if (!isPlaintextDatabase(file)) {
    fs.rmSync(work, { force: true });
    return false;
  }
  for (const leftover of [work, `${work}-journal`]) shredFile(leftover);

  logger?.info('storage.encrypt_step', { step: 'copy' });
  const plain = openPlaintext(file);
  const version = plain.pragma('user_version', { simple: true }) as number;
  // Everything into the main file, and no WAL left beside it.
  plain.pragma('journal_mode = DELETE');
  plain.close();
  fs.copyFileSync(file, work);
  fs.chmodSync(work, FILE_MODE);

  logger?.info('storage.encrypt_step', { step: 'encrypt' });
  const copy = openPlaintext(work);
  // No journal file: a kill here only spoils the disposable copy.
  copy.pragma('journal_mode = MEMORY');
  applyCipher(copy);
  copy.pragma(`rekey = "${rawKey(key)}"`);
  copy.close();
  fsyncPath(work);
  const check = openEncrypted(work, key, { readonly: true });
  const healthy = check.pragma('quick_check', { simple: true }) === 'ok';
  const sameVersion = check.pragma('user_version', { simple: true }) === version;
  check.close();
  if (!healthy || !sameVersion) throw new Error('the encrypted copy of the database did not check out');

  logger?.info('storage.encrypt_step', { step: 'swap' });
  fs.renameSync(file, old);
  fsyncPath(dir);
  fs.renameSync(work, file);
  fsyncPath(dir);

  logger?.info('storage.encrypt_step', { step: 'shred' });
  shredFile(old);
  logger?.info('storage.encrypted', {});
  return true;
}

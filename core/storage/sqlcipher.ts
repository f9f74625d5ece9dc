import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';

export type KioskDatabase = Database.Database;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether `file` is an unencrypted SQLite database (an encrypted one starts with random bytes). */
export function isPlaintextDatabase(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/** SQLCipher 4 page format (readable by `sqlcipher` and DB Browser), with a raw 256-bit key: no KDF to wait for. */
export function applyCipher(db: KioskDatabase): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
}

/**
 * SQLCipher's raw-key form `x'<64 hex digits>'`: the 256-bit key is used as is. (A passphrase, even given in
 * hex, would run PBKDF2 with 256,000 rounds — half a second at every open — for a key that is random anyway.)
 */
export function rawKey(key: Buffer): string {
  if (key.length !== 32) throw new Error('the database key must be 32 bytes');
  return `x'${key.toString('hex')}'`;
}

/** Opens an encrypted database with its key. Reading fails ("file is not a database") with a wrong key. */
export function openEncrypted(file: string, key: Buffer, options: Database.Options = {}): KioskDatabase {
  const db = new Database(file, options);
  applyCipher(db);
  db.pragma(`key = "${rawKey(key)}"`);
  return db;
}

/** Opens a plaintext database (only to encrypt it, see `encrypt_in_place.ts`). */
export function openPlaintext(file: string): KioskDatabase {
  return new Database(file);
}

import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../../common/result';
import type { Logger } from '../../node_shared/logger';
import { encryptInPlace } from './encrypt_in_place';
import { MIGRATIONS } from './migrations';
import { FILE_MODE, ownerOnlyDir } from './owner_only';
import { type KioskDatabase, openEncrypted } from './sqlcipher';

export type { KioskDatabase } from './sqlcipher';

export type OpenDatabaseError =
  | { kind: 'newer_than_app'; found: number; supported: number }
  /** The key does not open it: another terminal's database, or a lost key file. */
  | { kind: 'wrong_key' }
  /** `quick_check` found damaged pages. */
  | { kind: 'corrupt'; detail: string };

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface OpenDatabaseOptions {
  migrations?: readonly string[];
  logger?: Logger;
}

const SIDE_FILES = ['-wal', '-shm'];

/**
 * Opens the kiosk database, encrypted with `key` (a plaintext database of an older version is encrypted in
 * place first). WAL with `synchronous=FULL` so an acknowledged write survives a power cut; `secure_delete` so
 * erased rows are overwritten, not just unlinked; owner-only files. Checks the pages (`quick_check`), then
 * runs pending migrations, each in its own transaction. Refuses a database from a newer app untouched.
 */
export function openDatabase(
  file: string,
  key: Buffer,
  options: OpenDatabaseOptions = {},
): Result<KioskDatabase, OpenDatabaseError> {
  const migrations = options.migrations ?? MIGRATIONS;
  ownerOnlyDir(path.dirname(file));
  encryptInPlace(file, key, options.logger);
  // Created owner-only: SQLite gives the WAL and shared-memory files the database file's mode.
  fs.closeSync(fs.openSync(file, 'a', FILE_MODE));
  fs.chmodSync(file, FILE_MODE);
  const db = openEncrypted(file, key);
  let found: number;
  try {
    found = db.pragma('user_version', { simple: true }) as number;
  } catch {
    db.close();
    return err({ kind: 'wrong_key' });
  }
  // Check the version before anything writes: a newer app's database must stay byte-for-byte untouched.
  if (found > migrations.length) {
    db.close();
    return err({ kind: 'newer_than_app', found, supported: migrations.length });
  }
  let check: string;
  try {
    check = String(db.pragma('quick_check', { simple: true }));
  } catch (error) {
    check = error instanceof Error ? error.message : 'unreadable';
  }
  if (check !== 'ok') {
    db.close();
    return err({ kind: 'corrupt', detail: check.slice(0, 200) });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  for (const side of SIDE_FILES) if (fs.existsSync(file + side)) fs.chmodSync(file + side, FILE_MODE);
  for (let version = found + 1; version <= migrations.length; version++) {
    const sql = migrations[version - 1]!;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return ok(db);
}

/**
 * Makes erasure final: the WAL's frames (old page versions, which may still hold erased answers) are
 * written back and the WAL file truncated to nothing. Called after wipes and purges.
 */
export function flushWal(db: KioskDatabase): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

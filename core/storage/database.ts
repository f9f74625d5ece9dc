import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { err, ok, type Result } from '../../common/result';
import { MIGRATIONS } from './migrations';

export type KioskDatabase = Database.Database;

export type OpenDatabaseError = { kind: 'newer_than_app'; found: number; supported: number };

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Opens the kiosk database: WAL with `synchronous=FULL` so an acknowledged write survives a power cut,
 * then runs pending migrations, each in its own transaction. Refuses a database from a newer app.
 */
export function openDatabase(
  file: string,
  migrations: readonly string[] = MIGRATIONS,
): Result<KioskDatabase, OpenDatabaseError> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  // Check the version before anything writes: a newer app's database must stay byte-for-byte untouched.
  const found = db.pragma('user_version', { simple: true }) as number;
  if (found > migrations.length) {
    db.close();
    return err({ kind: 'newer_than_app', found, supported: migrations.length });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  for (let version = found + 1; version <= migrations.length; version++) {
    const sql = migrations[version - 1]!;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return ok(db);
}

import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../node_shared/logger';
import { type KioskDatabase, openDatabase } from './database';
import { type KeyWrapper, loadOrCreateKey } from './database_key';
import { ownerOnlyDir, tightenTree } from './owner_only';
import { type SalvageCount, salvageSubmissions } from './salvage_submissions';
import { openEncrypted } from './sqlcipher';

export const DATABASE_FILE = 'kiosk.sqlite';
export const KEY_FILE = 'kiosk.key';
/** Where a damaged database is kept aside, one folder per occurrence. */
export const CORRUPT_DIR = 'corrupt';
const RECOVERY_KEY = 'storage.recovery';

/** What start-up found wrong with the database, for the staff screen. */
export interface DatabaseRecovery extends SalvageCount {
  at: string;
}

/**
 * The kiosk's database in `dataDir`, encrypted with the terminal's key (`kiosk.key`, wrapped by the OS when
 * the shell offers a `KeyWrapper`). Every data file is narrowed to the owner. A database whose pages fail
 * `quick_check` is moved aside to `corrupt/<time>/`, a fresh one takes its place, and every submission that
 * can still be read intact is copied over; staff are told (`databaseRecovery`). Throws only when the app must
 * not start: a database from a newer app, or one this key cannot open.
 */
export function openKioskDatabase(
  dataDir: string,
  options: { keyWrapper?: KeyWrapper | undefined; logger: Logger; now: () => Date },
): KioskDatabase {
  // Every writer creates 0600 files in 0700 folders; a folder open to others holds data of an older version,
  // narrowed once here rather than walked at every start.
  const older = fs.existsSync(dataDir) && (fs.statSync(dataDir).mode & 0o077) !== 0;
  ownerOnlyDir(dataDir);
  if (older) tightenTree(dataDir);
  const key = loadOrCreateKey(path.join(dataDir, KEY_FILE), options.keyWrapper);
  if (!key.ok) throw new Error(`The database key cannot be read (${key.error.kind}).`);
  const file = path.join(dataDir, DATABASE_FILE);
  const opened = openDatabase(file, key.value, { logger: options.logger });
  if (opened.ok) return opened.value;
  const problem = opened.error;
  if (problem.kind === 'newer_than_app')
    throw new Error(`The database was written by a newer app (schema ${problem.found}).`);
  if (problem.kind === 'wrong_key') throw new Error('The database key does not open this database.');

  options.logger.error('storage.corrupt', {});
  const at = options.now().toISOString();
  const aside = path.join(dataDir, CORRUPT_DIR, at.replace(/[:.]/g, '-'));
  ownerOnlyDir(aside);
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, path.join(aside, DATABASE_FILE + suffix));
  }
  const fresh = openDatabase(file, key.value, { logger: options.logger });
  if (!fresh.ok) throw new Error(`A fresh database could not be created (${fresh.error.kind}).`);
  let count: SalvageCount = { recovered: 0, unreadable: 1 };
  try {
    const damaged = openEncrypted(path.join(aside, DATABASE_FILE), key.value, { readonly: true });
    count = salvageSubmissions(damaged, fresh.value);
    damaged.close();
  } catch {
    // nothing readable at all: the fresh database starts empty, and staff are told
  }
  const recovery: DatabaseRecovery = { at, ...count };
  fresh.value
    .prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(RECOVERY_KEY, JSON.stringify(recovery));
  options.logger.warn('storage.recovered', { ...count });
  return fresh.value;
}

/** The last recovery from a damaged database, if there was one (the staff screen shows it). */
export function databaseRecovery(db: KioskDatabase): DatabaseRecovery | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(RECOVERY_KEY) as
    | { value: string }
    | undefined;
  return row ? (JSON.parse(row.value) as DatabaseRecovery) : null;
}

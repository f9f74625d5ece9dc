import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CoreDeps } from '../../core/core_deps';
import { clockOf } from '../../core/pins/core_clock';
import { type KioskDatabase, openDatabase } from '../../core/storage/database';
import { loadOrCreateKey } from '../../core/storage/database_key';
import { diskReserve } from '../../core/storage/disk_reserve';
import { KEY_FILE } from '../../core/storage/open_kiosk_database';
import { openEncrypted } from '../../core/storage/sqlcipher';

/** A fixed key for databases a test opens by itself (a kiosk core makes its own in its data folder). */
export const TEST_KEY = Buffer.alloc(32, 0x5a);

/** A kiosk database at `file`, encrypted with the test key, migrated to the current schema. */
export function openTestDatabase(file: string, migrations?: readonly string[]): KioskDatabase {
  const opened = openDatabase(file, TEST_KEY, migrations ? { migrations } : {});
  if (!opened.ok) throw new Error(`database: ${opened.error.kind}`);
  return opened.value;
}

/** The database a kiosk core (or dev host) keeps in `dataDir`, opened with that terminal's own key file. */
export function openKioskDataDb(dataDir: string, options: { readonly?: boolean } = {}): KioskDatabase {
  const key = loadOrCreateKey(path.join(dataDir, KEY_FILE));
  if (!key.ok) throw new Error(`key: ${key.error.kind}`);
  return openEncrypted(path.join(dataDir, 'kiosk.sqlite'), key.value, {
    readonly: options.readonly === true,
    fileMustExist: true,
  });
}

/** The clock, disk and the rest a `CoreDeps` needs beyond what a test sets up itself. */
export function testDepsExtras(dataDir: string, now: () => Date): Pick<CoreDeps, 'clock' | 'disk'> {
  return { clock: clockOf(now), disk: diskReserve(dataDir, 0) };
}

/**
 * The bytes of a kiosk database as they would be without encryption — every page, free ones included —
 * so a test can byte-search what a stolen key would reveal. Works on a copy; the original stays untouched.
 */
export function decryptedPages(dataDir: string): Buffer {
  const key = loadOrCreateKey(path.join(dataDir, KEY_FILE));
  if (!key.ok) throw new Error(`key: ${key.error.kind}`);
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-decrypted-')), 'copy.sqlite');
  fs.copyFileSync(path.join(dataDir, 'kiosk.sqlite'), copy);
  const walFile = path.join(dataDir, 'kiosk.sqlite-wal');
  if (fs.existsSync(walFile)) fs.copyFileSync(walFile, `${copy}-wal`);
  const db = openEncrypted(copy, key.value);
  db.pragma('journal_mode = DELETE');
  db.pragma("rekey = ''");
  db.close();
  const bytes = fs.readFileSync(copy);
  fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  return bytes;
}

/** Files under `dir` (recursively) whose bytes contain `text` in UTF-8 or UTF-16. */
export function filesContaining(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => {
      // A file SQLite removed meanwhile (a closed database's shared memory) holds nothing any more.
      const bytes = fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? readIfThere(file) : null;
      return bytes !== null && needles.some((needle) => bytes.includes(needle));
    });
}

function readIfThere(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}

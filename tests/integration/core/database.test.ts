import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSION } from '../../../core/storage/database';
import { openEncrypted } from '../../../core/storage/sqlcipher';
import { TEST_KEY } from '../../support/kiosk_database';

function tempFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-db-')), 'kiosk.sqlite');
}

describe('kiosk database', () => {
  it('opens a real file in WAL mode with synchronous=FULL at the current schema version', () => {
    const opened = openDatabase(tempFile(), TEST_KEY);
    if (!opened.ok) throw new Error('open failed');
    const db = opened.value;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('runs only pending migrations, each in a transaction, and keeps data across reopen', () => {
    const file = tempFile();
    const first = openDatabase(file, TEST_KEY, { migrations: ['CREATE TABLE a (x INTEGER) STRICT;'] });
    if (!first.ok) throw new Error('open failed');
    first.value.prepare('INSERT INTO a VALUES (1)').run();
    first.value.close();
    // A failing second migration is rolled back entirely and the version stays at 1.
    expect(() =>
      openDatabase(file, TEST_KEY, {
        migrations: ['CREATE TABLE a (x INTEGER) STRICT;', 'CREATE TABLE b (y); SELECT nope();'],
      }),
    ).toThrow();
    const check = openEncrypted(file, TEST_KEY);
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
    check.close();
    const again = openDatabase(file, TEST_KEY, {
      migrations: ['CREATE TABLE a (x INTEGER) STRICT;', 'CREATE TABLE b (y INTEGER) STRICT;'],
    });
    if (!again.ok) throw new Error('open failed');
    expect(again.value.prepare('SELECT x FROM a').all()).toEqual([{ x: 1 }]);
    again.value.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const file = tempFile();
    const db = openEncrypted(file, TEST_KEY);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    const before = fs.readFileSync(file);
    const opened = openDatabase(file, TEST_KEY);
    expect(opened).toEqual({
      ok: false,
      error: { kind: 'newer_than_app', found: SCHEMA_VERSION + 5, supported: SCHEMA_VERSION },
    });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

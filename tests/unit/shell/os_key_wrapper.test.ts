import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE, openKioskDatabase } from '../../../core/storage/open_kiosk_database';
import { type SafeStorageLike, safeStorageKeyWrapper } from '../../../electron/main/os_key_wrapper';
import { createMemoryLogger } from '../../../node_shared/logger';

/** Electron's safeStorage as the OS would behave: AES-GCM under a secret only this "machine" holds. */
function fakeSafeStorage(backend = 'gnome_libsecret'): SafeStorageLike {
  const machineSecret = randomBytes(32);
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', machineSecret, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString: (blob) => {
      const decipher = createDecipheriv('aes-256-gcm', machineSecret, blob.subarray(0, 12));
      decipher.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const open = (dataDir: string, storage: SafeStorageLike) =>
  openKioskDatabase(dataDir, {
    keyWrapper: safeStorageKeyWrapper(storage, createMemoryLogger()),
    logger: createMemoryLogger(),
    now: () => new Date(),
  });

describe('the database key wrapped by the OS (Electron safeStorage, through its interface)', () => {
  it('keeps only the wrapped key on disk; the same machine opens the database, another cannot', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-wrapped-'));
    const machine = fakeSafeStorage();
    const db = open(dataDir, machine);
    db.prepare("INSERT INTO settings (key, value) VALUES ('probe', 'kept')").run();
    db.close();
    const keyFile = JSON.parse(fs.readFileSync(path.join(dataDir, KEY_FILE), 'utf8'));
    expect(keyFile.wrapping).toBe('electron-safe-storage');
    expect(fs.statSync(path.join(dataDir, KEY_FILE)).mode & 0o777).toBe(0o600);
    const again = open(dataDir, machine);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'probe'").get()).toEqual({ value: 'kept' });
    again.close();
    // The disk in another machine (or account): the key cannot be unwrapped, nothing is opened or changed.
    const before = fs.readFileSync(path.join(dataDir, 'kiosk.sqlite'));
    expect(() => open(dataDir, fakeSafeStorage())).toThrow(/unwrap_failed/);
    expect(fs.readFileSync(path.join(dataDir, 'kiosk.sqlite')).equals(before)).toBe(true);
  });

  it('does not pretend: without a real keyring (basic_text) the key file stays owner-only and the log says so', () => {
    const logger = createMemoryLogger();
    expect(safeStorageKeyWrapper(fakeSafeStorage('basic_text'), logger)).toBeUndefined();
    expect(logger.lines.some((line) => line.includes('storage.key_not_os_protected'))).toBe(true);
  });
});

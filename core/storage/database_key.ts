import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { err, ok, type Result } from '../../common/result';
import { FILE_MODE } from './owner_only';

export const KEY_BYTES = 32;

/**
 * The OS's protection of the database key (Electron `safeStorage`: DPAPI on Windows, the Keychain on macOS,
 * libsecret on Linux). The key file then holds only the wrapped key, useless on another machine or account.
 */
export interface KeyWrapper {
  /** What wrapped it, written into the key file (e.g. `electron-safe-storage`). */
  readonly kind: string;
  wrap(key: Buffer): Buffer;
  unwrap(wrapped: Buffer): Buffer;
}

export type KeyProblem =
  | { kind: 'unreadable' }
  /** The key file was wrapped by something else than this build offers (moved from another machine?). */
  | { kind: 'wrapped_elsewhere'; wrapping: string }
  | { kind: 'unwrap_failed' };

interface KeyFile {
  wrapping: string;
  key: string;
}

const NOT_WRAPPED = 'none';

/**
 * The database key: 32 random bytes made on first start, kept in an owner-only file (0600) — wrapped by
 * the OS when the shell offers it (Electron), as is in the dev host. The file is written atomically.
 */
export function loadOrCreateKey(file: string, wrapper?: KeyWrapper): Result<Buffer, KeyProblem> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return err({ kind: 'unreadable' });
    const key = randomBytes(KEY_BYTES);
    const stored: KeyFile = wrapper
      ? { wrapping: wrapper.kind, key: wrapper.wrap(key).toString('base64') }
      : { wrapping: NOT_WRAPPED, key: key.toString('base64') };
    const temp = `${file}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify(stored)}\n`, { mode: FILE_MODE });
    const fd = fs.openSync(temp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, file);
    return ok(key);
  }
  let stored: KeyFile;
  try {
    stored = JSON.parse(text) as KeyFile;
  } catch {
    return err({ kind: 'unreadable' });
  }
  if (typeof stored.key !== 'string' || typeof stored.wrapping !== 'string')
    return err({ kind: 'unreadable' });
  const bytes = Buffer.from(stored.key, 'base64');
  if (stored.wrapping === NOT_WRAPPED) {
    return bytes.length === KEY_BYTES ? ok(bytes) : err({ kind: 'unreadable' });
  }
  if (!wrapper || wrapper.kind !== stored.wrapping)
    return err({ kind: 'wrapped_elsewhere', wrapping: stored.wrapping });
  try {
    const key = wrapper.unwrap(bytes);
    return key.length === KEY_BYTES ? ok(key) : err({ kind: 'unwrap_failed' });
  } catch {
    return err({ kind: 'unwrap_failed' });
  }
}

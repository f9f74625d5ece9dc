import type { KeyWrapper } from '../../core/storage/database_key';
import type { Logger } from '../../node_shared/logger';

/** The part of Electron's `safeStorage` the key wrapper uses (tests hand in a fake). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store backs it; `basic_text` is a fixed password, no protection. */
  getSelectedStorageBackend?(): string;
}

export const SAFE_STORAGE_WRAPPING = 'electron-safe-storage';

/**
 * The database key wrapped by the OS (DPAPI, the Keychain, libsecret) through `safeStorage`. Undefined when
 * the OS offers no real protection (no keyring on Linux): the key file then stays owner-only, and the log
 * says so for the technician.
 */
export function safeStorageKeyWrapper(safeStorage: SafeStorageLike, logger: Logger): KeyWrapper | undefined {
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text') {
    logger.warn('storage.key_not_os_protected', { backend: backend ?? 'none' });
    return undefined;
  }
  return {
    kind: SAFE_STORAGE_WRAPPING,
    wrap: (key) => safeStorage.encryptString(key.toString('base64')),
    unwrap: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  };
}

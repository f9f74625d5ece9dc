import { diskSpace } from '../diagnostics/disk_space';

export interface DiskReserve {
  /** True while free space on the data disk is below the reserve: no new work is taken. */
  low(): boolean;
  freeBytes(): number;
  readonly reserveBytes: number;
}

export function diskReserve(dataDir: string, reserveMb: number): DiskReserve {
  const reserveBytes = reserveMb * 1024 * 1024;
  const freeBytes = () => diskSpace(dataDir).free;
  return { reserveBytes, freeBytes, low: () => freeBytes() < reserveBytes };
}

const DISK_FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

/** Whether an error is the disk running full (SQLite's `SQLITE_FULL`, Node's `ENOSPC`). */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DISK_FULL_CODES.has(code);
}

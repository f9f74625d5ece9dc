import fs from 'node:fs';
import path from 'node:path';
import { shredFile } from '../storage/owner_only';

/** Where printers that write files (the dev host's, Electron's without a printer) spool: `<dataDir>/print`. */
export function spoolDirOf(dataDir: string): string {
  return path.join(dataDir, 'print');
}

/** A spooled PDF (a receipt, an application) is kept this long for the printer or staff, then shredded. */
export const SPOOL_KEEP_MS = 10 * 60_000;

/**
 * Shreds spooled documents older than `keepMs` in `dir` (where the dev host's printer and Electron without a
 * printer write their PDFs). Returns how many were removed.
 */
export function sweepSpool(dir: string, nowMs: number, keepMs = SPOOL_KEEP_MS): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile() && nowMs - stat.mtimeMs >= keepMs) {
      shredFile(file);
      removed += 1;
    }
  }
  return removed;
}

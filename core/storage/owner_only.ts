import fs from 'node:fs';
import path from 'node:path';

/** Data files are readable by the kiosk's own user only: 0600 files in 0700 folders. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** Creates `dir` (and parents) owner-only; an existing folder is narrowed to 0700. */
export function ownerOnlyDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  fs.chmodSync(dir, DIR_MODE);
}

/**
 * Narrows every file under `dir` to 0600 and every folder to 0700 (data written by an older version, or by
 * a library that ignores the mode it is given). Symbolic links are left alone, never followed.
 */
export function tightenTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      fs.chmodSync(full, DIR_MODE);
      tightenTree(full);
    } else if (entry.isFile()) {
      fs.chmodSync(full, FILE_MODE);
    }
  }
}

/** Overwrites a file with zeros, flushes it and removes it; a missing file is fine. */
export function shredFile(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r+');
  } catch {
    return;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const zeros = Buffer.alloc(Math.min(size, 1 << 20));
    for (let offset = 0; offset < size; offset += zeros.length)
      fs.writeSync(fd, zeros, 0, Math.min(zeros.length, size - offset), offset);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.rmSync(file, { force: true });
}

import fs from 'node:fs';
import path from 'node:path';

/**
 * Replaces a provisioning file atomically: a temporary file in the same folder (owner-only: it holds the
 * hub token), fsync, rename, then fsync of the folder where the OS allows it. A failure or a power cut
 * leaves the old file (or no file) as it was. Returns false when the file could not be written.
 */
export function writeConfigFile(file: string, text: string): boolean {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(temp, 'w', 0o600);
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch {
    fs.rmSync(temp, { force: true });
    return false;
  }
  try {
    const dir = fs.openSync(path.dirname(file), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  } catch {
    // Windows cannot open or fsync a folder; the rename itself is already atomic there.
  }
  return true;
}

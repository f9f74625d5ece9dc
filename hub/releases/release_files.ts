import fs from 'node:fs';
import path from 'node:path';
import { artifactNameSchema, type Channel, channelSchema } from '../../common/updates/feed';
import { SIGNATURE_SUFFIX } from '../../common/updates/signature_envelope';

export function channelDir(dataDir: string, channel: Channel): string {
  return path.join(dataDir, 'releases', channel);
}

/**
 * The file a feed URL names, or null. Channel and name are checked against strict patterns before they
 * touch the file system, so `..`, `%2F`, absolute paths or hidden files can never be reached.
 */
export function resolveReleaseFile(dataDir: string, channel: string, name: string): string | null {
  const parsedChannel = channelSchema.safeParse(channel);
  const base = name.endsWith(SIGNATURE_SUFFIX) ? name.slice(0, -SIGNATURE_SUFFIX.length) : name;
  if (!parsedChannel.success || !artifactNameSchema.safeParse(base).success) return null;
  const dir = channelDir(dataDir, parsedChannel.data);
  const file = path.join(dir, name);
  if (path.dirname(file) !== dir) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Writes next to the destination, then renames: a kiosk downloading meanwhile sees old or new, never half. */
export function writeAtomically(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o644);
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

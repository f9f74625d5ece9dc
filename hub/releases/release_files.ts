import fs from 'node:fs';
import path from 'node:path';
import {
  artifactNameSchema,
  type Channel,
  channelSchema,
  platformOfArtifact,
  platformOfFeedFile,
} from '../../common/updates/feed';

export function channelDir(dataDir: string, channel: Channel): string {
  return path.join(dataDir, 'releases', channel);
}

/** What a name under `/api/v1/updates/<channel>/` may be: a platform's signed feed, or an installer build. */
export type ReleaseName = { kind: 'feed'; name: string } | { kind: 'build'; name: string };

export function releaseNameOf(name: string): ReleaseName | null {
  if (platformOfFeedFile(name)) return { kind: 'feed', name };
  if (artifactNameSchema.safeParse(name).success && platformOfArtifact(name)) return { kind: 'build', name };
  return null;
}

/**
 * The file a feed URL names, or null. Channel and name are checked against strict patterns before they
 * touch the file system (no `..`, `%2F`, absolute paths, hidden files), and only feeds and builds are ever
 * served: another file someone left in the folder (an old `latest.yml`, say) is not.
 */
export function resolveReleaseFile(dataDir: string, channel: string, name: string): string | null {
  const parsedChannel = channelSchema.safeParse(channel);
  if (!parsedChannel.success || !releaseNameOf(name)) return null;
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

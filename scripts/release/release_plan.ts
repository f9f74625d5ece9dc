import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../../common/result';
import {
  artifactNameSchema,
  FEED_FILES,
  type FeedPlatform,
  platformOfArtifact,
  releaseVersionSchema,
} from '../../common/updates/feed';

export interface PlannedBuild {
  source: string;
  name: string;
  platform: FeedPlatform;
  version: string;
  size: number;
  sha512: string;
}

const ARCH_SUFFIX = /-(x64|x86_64|amd64|arm64|aarch64|ia32)(?=\.)/i;
const VERSION_IN_NAME = /(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)\.(?:exe|appimage)$/i;

/** electron-builder puts the version into the file name (`<name>-<version>[-<arch>].<ext>`). */
export function versionFromFileName(name: string): string | null {
  const match = VERSION_IN_NAME.exec(name.replace(ARCH_SUFFIX, ''));
  return match ? match[1]! : null;
}

function sha512Base64(file: string): string {
  const hash = createHash('sha512');
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    for (;;) {
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      hash.update(chunk.subarray(0, read));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('base64');
}

/** One build per platform feed: an NSIS `.exe` and/or AppImages, each with its version, size and sha512. */
export function planBuilds(files: readonly string[], version?: string): Result<PlannedBuild[], string> {
  const planned: PlannedBuild[] = [];
  for (const source of files) {
    const name = path.basename(source);
    if (!artifactNameSchema.safeParse(name).success) return err(`${name}: unusable file name`);
    const platform = platformOfArtifact(name);
    if (!platform) return err(`${name}: not an NSIS .exe or an AppImage (.deb is not self-updated)`);
    if (planned.some((p) => p.platform === platform))
      return err(`${name}: two files for ${FEED_FILES[platform]}`);
    const buildVersion = version ?? versionFromFileName(name);
    if (!buildVersion || !releaseVersionSchema.safeParse(buildVersion).success)
      return err(`${name}: no version; pass --version`);
    const stat = fs.statSync(source, { throwIfNoEntry: false });
    if (!stat?.isFile()) return err(`${name}: no such file`);
    planned.push({
      source,
      name,
      platform,
      version: buildVersion,
      size: stat.size,
      sha512: sha512Base64(source),
    });
  }
  if (planned.length === 0) return err('no build files given');
  return ok(planned);
}

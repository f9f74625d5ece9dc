import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../../common/result';
import {
  artifactNameSchema,
  type Channel,
  FEED_FILES,
  type FeedPlatform,
  feedToYml,
  parseFeedYml,
  platformOfArtifact,
  releaseVersionSchema,
  type UpdateFeed,
} from '../../common/updates/feed';
import { SIGNATURE_SUFFIX } from '../../common/updates/signature_envelope';
import { compareVersions } from '../../common/updates/version_order';
import { channelDir, writeAtomically } from './release_files';
import { loadOrCreateReleaseKey } from './release_key_store';
import { signFeed } from './sign_feed';

export interface PublishRequest {
  dataDir: string;
  channel: Channel;
  files: readonly string[];
  /** Share of terminals (by bucket) that take this release; 100 = everyone. */
  rolloutPercentage: number;
  /** Defaults to the version in the file names (electron-builder puts it there). */
  version?: string | undefined;
  now: Date;
}

export interface PublishedFeed {
  platform: FeedPlatform;
  feedFile: string;
  feed: UpdateFeed;
}

export interface PublishSummary {
  publicKeyBase64: string;
  feeds: PublishedFeed[];
}

const ARCH_SUFFIX = /-(x64|x86_64|amd64|arm64|aarch64|ia32)(?=\.)/i;
const VERSION_IN_NAME = /(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)\.(?:exe|appimage)$/i;

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

function currentFeed(dir: string, feedFile: string): UpdateFeed | null {
  try {
    const parsed = parseFeedYml(fs.readFileSync(path.join(dir, feedFile), 'utf8'));
    return parsed.ok ? parsed.feed : null;
  } catch {
    return null;
  }
}

interface Planned {
  source: string;
  name: string;
  platform: FeedPlatform;
  version: string;
}

function plan(request: PublishRequest): Result<Planned[], string> {
  const planned: Planned[] = [];
  for (const source of request.files) {
    const name = path.basename(source);
    if (!artifactNameSchema.safeParse(name).success) return err(`${name}: unusable file name`);
    const platform = platformOfArtifact(name);
    if (!platform) return err(`${name}: not an NSIS .exe or an AppImage (.deb is not self-updated)`);
    if (planned.some((p) => p.platform === platform))
      return err(`${name}: two files for ${FEED_FILES[platform]}`);
    const version = request.version ?? versionFromFileName(name);
    if (!version || !releaseVersionSchema.safeParse(version).success)
      return err(`${name}: no version; pass --version`);
    if (!fs.statSync(source, { throwIfNoEntry: false })?.isFile()) return err(`${name}: no such file`);
    planned.push({ source, name, platform, version });
  }
  if (planned.length === 0) return err('no build files given');
  return ok(planned);
}

/**
 * Publishes build files to `DIR/releases/<channel>/`: copies each, writes its platform's feed with
 * sha512/size and the rollout percentage, and signs the feed with the hub's release key. A version
 * lower than the published one is refused (rollback = publish a higher version); the same version with
 * the same file may be re-published to change the rollout percentage.
 */
export function publishRelease(request: PublishRequest): Result<PublishSummary, string> {
  const planned = plan(request);
  if (!planned.ok) return planned;
  const dir = channelDir(request.dataDir, request.channel);
  const hashed = planned.value.map((p) => ({
    ...p,
    sha512: sha512Base64(p.source),
    size: fs.statSync(p.source).size,
  }));
  for (const p of hashed) {
    const existing = currentFeed(dir, FEED_FILES[p.platform]);
    if (!existing) continue;
    const order = compareVersions(p.version, existing.version);
    if (order < 0)
      return err(
        `${p.name}: ${existing.version} is already published; publish a higher version to roll back`,
      );
    if (order === 0 && existing.sha512 !== p.sha512)
      return err(`${p.name}: version ${p.version} exists with other content`);
  }
  const key = loadOrCreateReleaseKey(request.dataDir);
  const feeds: PublishedFeed[] = [];
  for (const p of hashed) {
    const target = path.join(dir, p.name);
    fs.mkdirSync(dir, { recursive: true });
    if (path.resolve(p.source) !== path.resolve(target)) {
      fs.copyFileSync(p.source, `${target}.tmp`);
      fs.renameSync(`${target}.tmp`, target);
    }
    const feed: UpdateFeed = {
      version: p.version,
      files: [{ url: p.name, sha512: p.sha512, size: p.size }],
      path: p.name,
      sha512: p.sha512,
      releaseDate: request.now.toISOString(),
      rolloutPercentage: request.rolloutPercentage,
    };
    const feedFile = FEED_FILES[p.platform];
    const yml = Buffer.from(feedToYml(feed), 'utf8');
    // Signature first: a kiosk that reads the new yml with the old signature refuses it and retries later.
    writeAtomically(
      path.join(dir, feedFile + SIGNATURE_SUFFIX),
      signFeed(key, request.channel, feedFile, yml),
    );
    writeAtomically(path.join(dir, feedFile), yml);
    feeds.push({ platform: p.platform, feedFile, feed });
  }
  return ok({ publicKeyBase64: key.publicKeyBase64, feeds });
}

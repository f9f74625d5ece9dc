import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Channel, FEED_FILES, type FeedPlatform } from '../../../../common/updates/feed';
import type { FeedPayload } from '../../../../common/updates/signed_feed';
import type { ReleaseKey } from '../../../../scripts/release/release_key';
import { signFeed } from '../../../../scripts/release/sign_feed';

export interface ReleaseSpec {
  version: string;
  /** The build's bytes (default: a few bytes naming the version). */
  content?: Buffer;
  channel?: Channel;
  platform?: FeedPlatform;
  sequence: number;
  issuedAt?: Date;
  expiresAt?: Date;
  rolloutPercentage?: number;
}

/**
 * Puts a build and its signed feed into a hub's data folder, as `npm run hub:release` leaves them there
 * (the upload path itself is tested in hub_release.test.ts). Returns the feed text.
 */
export function placeSignedRelease(hubDataDir: string, key: ReleaseKey, spec: ReleaseSpec): string {
  const channel = spec.channel ?? 'stable';
  const platform = spec.platform ?? 'linux';
  const content = spec.content ?? Buffer.from(`build ${spec.version}`);
  const file = platform === 'win' ? `Kiosk-Setup-${spec.version}.exe` : `Kiosk-${spec.version}.AppImage`;
  const dir = path.join(hubDataDir, 'releases', channel);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, file), content);
  const issuedAt = spec.issuedAt ?? new Date('2026-11-20T00:00:00Z');
  const payload: FeedPayload = {
    channel,
    platform,
    sequence: spec.sequence,
    issuedAt: issuedAt.toISOString(),
    expiresAt: (spec.expiresAt ?? new Date(issuedAt.getTime() + 30 * 86_400_000)).toISOString(),
    version: spec.version,
    file,
    size: content.length,
    sha512: createHash('sha512').update(content).digest('base64'),
    rolloutPercentage: spec.rolloutPercentage ?? 100,
  };
  const text = signFeed(key, payload);
  fs.writeFileSync(path.join(dir, FEED_FILES[platform]), text);
  return text;
}

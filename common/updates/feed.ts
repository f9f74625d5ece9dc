import { z } from 'zod';

/**
 * The signed update feeds the hub serves, one per platform (see `signed_feed.ts`). The Linux `.deb` is
 * deliberately not self-updated (see docs/operators/releases.md).
 */
export const FEED_FILES = {
  win: 'feed-win.json',
  linux: 'feed-linux-x64.json',
  'linux-arm64': 'feed-linux-arm64.json',
} as const;
export type FeedPlatform = keyof typeof FEED_FILES;
export const FEED_PLATFORMS = Object.keys(FEED_FILES) as FeedPlatform[];
export const feedPlatformSchema = z.enum(['win', 'linux', 'linux-arm64']);
export const FEED_FILE_NAMES: readonly string[] = Object.values(FEED_FILES);

export function platformOfFeedFile(name: string): FeedPlatform | null {
  return FEED_PLATFORMS.find((platform) => FEED_FILES[platform] === name) ?? null;
}

export const CHANNELS = ['stable', 'beta', 'pilot'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

/** A build file name as published: no folders, no leading dot, nothing a URL or a shell would treat specially. */
export const artifactNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._+-]*$/, 'letters, digits, dot, dash, plus or underscore');

export const releaseVersionSchema = z
  .string()
  .max(64)
  .regex(/^\d{1,9}\.\d{1,9}\.\d{1,9}(-[0-9A-Za-z.-]{1,40})?$/, 'a version such as 1.4.2 or 1.5.0-beta.1');

/** sha512 as electron-updater expects it: base64 of the 64-byte digest. */
export const sha512Base64Schema = z
  .string()
  .max(88)
  .regex(/^[A-Za-z0-9+/]{86}==$/, 'base64 of a SHA-512 digest');

/** Which feed a build file belongs to, from the names electron-builder gives them; null for other files. */
export function platformOfArtifact(fileName: string): FeedPlatform | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.exe')) return 'win';
  if (lower.endsWith('.appimage')) return /(arm64|aarch64)/.test(lower) ? 'linux-arm64' : 'linux';
  return null;
}

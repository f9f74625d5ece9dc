import yaml from 'js-yaml';
import { z } from 'zod';

/**
 * The electron-updater "generic" feed files the hub serves, one per platform. Only these three: the
 * Linux `.deb` is deliberately not self-updated (see the technicians README).
 */
export const FEED_FILES = {
  win: 'latest.yml',
  linux: 'latest-linux.yml',
  'linux-arm64': 'latest-linux-arm64.yml',
} as const;
export type FeedPlatform = keyof typeof FEED_FILES;
export type FeedFileName = (typeof FEED_FILES)[FeedPlatform];
export const FEED_FILE_NAMES: readonly string[] = Object.values(FEED_FILES);

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

const feedFileEntrySchema = z.object({
  url: artifactNameSchema,
  sha512: sha512Base64Schema,
  size: z.number().int().positive(),
});

/**
 * One feed. `rolloutPercentage` is ours (electron-updater ignores unknown keys); we do not use its
 * own `stagingPercentage`, which buckets by a random per-install id that cloned disk images share.
 */
export const updateFeedSchema = z.object({
  version: releaseVersionSchema,
  files: z.array(feedFileEntrySchema).min(1).max(4),
  path: artifactNameSchema,
  sha512: sha512Base64Schema,
  releaseDate: z.iso.datetime(),
  rolloutPercentage: z.number().int().min(0).max(100),
});
export type UpdateFeed = z.infer<typeof updateFeedSchema>;

/** Which feed a build file belongs to, from the names electron-builder gives them; null for other files. */
export function platformOfArtifact(fileName: string): FeedPlatform | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.exe')) return 'win';
  if (lower.endsWith('.appimage')) return /(arm64|aarch64)/.test(lower) ? 'linux-arm64' : 'linux';
  return null;
}

export function feedToYml(feed: UpdateFeed): string {
  return yaml.dump(updateFeedSchema.parse(feed), { lineWidth: -1, noRefs: true });
}

export type FeedParseError = 'not_yaml' | 'invalid';

/** Parses a feed; CORE_SCHEMA keeps `releaseDate` a string and knows no custom tags. */
export function parseFeedYml(
  text: string,
): { ok: true; feed: UpdateFeed } | { ok: false; reason: FeedParseError; field: string } {
  let raw: unknown;
  try {
    raw = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch {
    return { ok: false, reason: 'not_yaml', field: '' };
  }
  const parsed = updateFeedSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid', field: parsed.error.issues[0]!.path.map(String).join('.') };
  }
  return { ok: true, feed: parsed.data };
}

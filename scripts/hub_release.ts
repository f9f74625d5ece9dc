import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { err, ok, type Result } from '../common/result';
import { profileHubFor } from '../common/trust/organisation_profile';
import { type Channel, channelSchema, FEED_PLATFORMS, type FeedPlatform } from '../common/updates/feed';
import type { FeedPayload } from '../common/updates/signed_feed';
import { compareVersions } from '../common/updates/version_order';
import { verifyFeedSignature } from '../node_shared/feed_signature';
import { hubEndpoint } from '../node_shared/hub_request';
import { loadOrganisationProfile } from '../node_shared/organisation_profile_file';
import { fetchFeed, type HubTarget, uploadBuild, uploadFeed } from './release/hub_upload';
import { loadReleaseKey, type ReleaseKey } from './release/release_key';
import { type PlannedBuild, planBuilds } from './release/release_plan';
import { signFeed } from './release/sign_feed';

/**
 * `npm run hub:release -- --key release-key.pem --hub https://hub.lan:8787 --channel stable [--rollout 20]
 *   [--valid-days 30] [--version X.Y.Z] [--profile assets/organisation_profile.json] [FILE…]`
 * On the release machine: uploads each build to the hub (administrator token from `--token-file` or
 * `HUB_ADMIN_TOKEN`, over TLS pinned by the organisation profile), then signs and uploads each platform's
 * feed. Without files it re-signs the published feeds (a new rollout percentage or a later expiry). The
 * release key never leaves this machine; the hub only stores and serves what was signed here.
 */
const USAGE =
  'npm run hub:release -- --key FILE --hub URL [--token-file FILE] --channel stable|beta|pilot [--rollout 0-100] [--valid-days 1-365] [--version X.Y.Z] [--profile FILE] [FILE…]';
const ROOT = path.resolve(import.meta.dirname, '..');
const DAY_MS = 24 * 60 * 60 * 1000;

interface Release {
  key: ReleaseKey;
  trustedKeys: string[];
  target: HubTarget;
  rollout: number;
  validDays: number;
  now: Date;
}

function usage(message: string): never {
  process.stderr.write(`${message}\nUsage: ${USAGE}\n`);
  process.exit(2);
}

/** The published feed, if any: only one signed with a key of the profile counts (its sequence and version). */
async function publishedPayload(
  release: Release,
  platform: FeedPlatform,
): Promise<Result<FeedPayload | null, string>> {
  const text = await fetchFeed(release.target, platform);
  if (!text.ok) return text;
  if (text.value === null) return ok(null);
  const verified = verifyFeedSignature(text.value, release.trustedKeys);
  return verified.ok
    ? ok(verified.value.feed)
    : err(`the published ${platform} feed does not verify (${verified.error})`);
}

function payloadFor(
  release: Release,
  base: Omit<FeedPayload, 'sequence' | 'issuedAt' | 'expiresAt' | 'rolloutPercentage'>,
  current: FeedPayload | null,
): FeedPayload {
  const seconds = Math.floor(release.now.getTime() / 1000);
  return {
    ...base,
    // Above every feed signed before, from this machine or another one.
    sequence: Math.max(seconds, (current?.sequence ?? 0) + 1),
    issuedAt: release.now.toISOString(),
    expiresAt: new Date(release.now.getTime() + release.validDays * DAY_MS).toISOString(),
    rolloutPercentage: release.rollout,
  };
}

async function publishBuild(release: Release, build: PlannedBuild): Promise<Result<FeedPayload, string>> {
  const current = await publishedPayload(release, build.platform);
  if (!current.ok) return current;
  const published = current.value;
  if (published) {
    const order = compareVersions(build.version, published.version);
    if (order < 0)
      return err(`${build.name}: ${published.version} is published; publish a higher version to roll back`);
    if (order === 0 && published.sha512 !== build.sha512)
      return err(`${build.name}: version ${build.version} exists with other content`);
  }
  const uploaded = await uploadBuild(release.target, build);
  if (!uploaded.ok) return uploaded;
  const payload = payloadFor(
    release,
    {
      channel: release.target.channel,
      platform: build.platform,
      version: build.version,
      file: build.name,
      size: build.size,
      sha512: build.sha512,
    },
    published,
  );
  const sent = await uploadFeed(release.target, build.platform, signFeed(release.key, payload));
  return sent.ok ? ok(payload) : sent;
}

async function resign(release: Release, platform: FeedPlatform): Promise<Result<FeedPayload | null, string>> {
  const current = await publishedPayload(release, platform);
  if (!current.ok || current.value === null) return current;
  const { sequence: _s, issuedAt: _i, expiresAt: _e, rolloutPercentage: _r, ...base } = current.value;
  const payload = payloadFor(release, base, current.value);
  const sent = await uploadFeed(release.target, platform, signFeed(release.key, payload));
  return sent.ok ? ok(payload) : sent;
}

async function main(): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ allowPositionals: true; options: Record<string, { type: 'string' }> }>
  >;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      strict: true,
      options: {
        key: { type: 'string' },
        hub: { type: 'string' },
        'token-file': { type: 'string' },
        channel: { type: 'string' },
        rollout: { type: 'string' },
        'valid-days': { type: 'string' },
        version: { type: 'string' },
        profile: { type: 'string' },
      },
    });
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const channel = channelSchema.safeParse(values.channel ?? 'stable');
  const rollout = Number(values.rollout ?? '100');
  const validDays = Number(values['valid-days'] ?? '30');
  if (!values.key || !values.hub || !channel.success)
    usage('--key, --hub and a valid --channel are required');
  if (!Number.isInteger(rollout) || rollout < 0 || rollout > 100) usage('--rollout is 0 to 100');
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > 365) usage('--valid-days is 1 to 365');
  const token = (
    values['token-file'] ? fs.readFileSync(values['token-file'], 'utf8') : (process.env.HUB_ADMIN_TOKEN ?? '')
  ).trim();
  if (!token) usage('give the administrator token with --token-file FILE or HUB_ADMIN_TOKEN');

  const refuse = (message: string) => {
    process.stderr.write(`hub:release refused: ${message}\n`);
    return 1;
  };
  const key = loadReleaseKey(values.key);
  if (!key.ok) return refuse(key.error);
  const profile = loadOrganisationProfile(
    values.profile ?? path.join(ROOT, 'assets', 'organisation_profile.json'),
  );
  if (!profile.ok) return refuse(`organisation profile: ${profile.error.field} ${profile.error.message}`);
  if (!profile.value.updates.publicKeys.includes(key.value.publicKeyBase64))
    return refuse('this key is not in the profile (updates.publicKeys): terminals would refuse its feeds');
  const hub = profileHubFor(profile.value, values.hub);
  if (!hub) return refuse(`${values.hub} is not a hub of the organisation profile`);
  const endpoint = hubEndpoint(values.hub, hub);
  if (!endpoint.ok) return refuse('--hub must be https:// (http:// only on 127.0.0.1)');

  const release: Release = {
    key: key.value,
    trustedKeys: profile.value.updates.publicKeys,
    target: { endpoint: endpoint.value, token, channel: channel.data as Channel },
    rollout,
    validDays,
    now: new Date(),
  };
  const feeds: FeedPayload[] = [];
  if (positionals.length > 0) {
    const planned = planBuilds(positionals, values.version);
    if (!planned.ok) return refuse(planned.error);
    for (const build of planned.value) {
      const published = await publishBuild(release, build);
      if (!published.ok) return refuse(published.error);
      feeds.push(published.value);
    }
  } else {
    for (const platform of FEED_PLATFORMS) {
      const resigned = await resign(release, platform);
      if (!resigned.ok) return refuse(resigned.error);
      if (resigned.value) feeds.push(resigned.value);
    }
    if (feeds.length === 0) return refuse('nothing is published on this channel yet: give the build files');
  }
  process.stdout.write(
    `${JSON.stringify({ event: 'published', channel: release.target.channel, keyId: key.value.keyId, feeds })}\n`,
  );
  return 0;
}

process.exitCode = await main();

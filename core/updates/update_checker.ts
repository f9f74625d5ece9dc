import { type Channel, FEED_FILES, type FeedPlatform } from '../../common/updates/feed';
import { inRollout } from '../../common/updates/rollout_bucket';
import { type FeedPayload, MAX_FEED_BYTES, type UpdateRefusal } from '../../common/updates/signed_feed';
import { compareVersions } from '../../common/updates/version_order';
import { verifyFeedSignature } from '../../node_shared/feed_signature';
import { type HubEndpoint, hubRequest } from '../../node_shared/hub_request';
import type { HubIdentityWatch } from '../trust/hub_identity_watch';
import { feedPolicyRefusal } from './feed_policy';
import type { UpdateRecord } from './update_record';

export type CheckResult =
  /** `path` is where the build lies on the pinned hub; the feed names its size and sha512. */
  | { kind: 'available'; release: FeedPayload; path: string }
  | { kind: 'up_to_date'; version: string }
  | { kind: 'not_in_rollout'; version: string; bucket: number; percentage: number }
  | { kind: 'refused'; reason: UpdateRefusal }
  /** The hub has published nothing for this channel and platform. */
  | { kind: 'no_release' }
  | { kind: 'unreachable' };

export interface CheckParams {
  hub: HubEndpoint;
  identity: HubIdentityWatch;
  headers: Record<string, string>;
  channel: Channel;
  platform: FeedPlatform;
  /** The release keys of the organisation profile shipped with the build. */
  publicKeys: readonly string[];
  appVersion: string;
  bucket: number;
  record: UpdateRecord;
  now: Date;
}

export function releasePath(channel: Channel, file: string): string {
  return `/api/v1/updates/${channel}/${encodeURIComponent(file)}`;
}

/**
 * Fetches this platform's signed feed from the pinned hub (the only feed file the terminal ever reads),
 * verifies its signature with the profile's keys, then its channel, dates, sequence and version, and
 * decides whether to update. An accepted feed raises the sequence the terminal has seen.
 */
export async function checkForUpdate(params: CheckParams): Promise<CheckResult> {
  const answer = await hubRequest(params.hub, releasePath(params.channel, FEED_FILES[params.platform]), {
    headers: params.headers,
    maxAnswerBytes: MAX_FEED_BYTES,
    timeoutMs: 15_000,
  });
  if (!answer.ok) {
    if (answer.error.kind === 'identity_mismatch') params.identity.mismatch('updates');
    return { kind: 'unreachable' };
  }
  if (answer.value.status === 404) return { kind: 'no_release' };
  if (answer.value.status !== 200) return { kind: 'unreachable' };
  const text = answer.value.body.toString('utf8');
  const verified = verifyFeedSignature(text, params.publicKeys);
  if (!verified.ok) return { kind: 'refused', reason: verified.error };
  const { feed, digest } = verified.value;
  const refusal = feedPolicyRefusal(feed, {
    channel: params.channel,
    platform: params.platform,
    now: params.now,
    appVersion: params.appVersion,
    seen: params.record.seenFeed(params.channel, params.platform),
    digest,
  });
  if (refusal) return { kind: 'refused', reason: refusal };
  params.record.acceptFeed(params.channel, params.platform, { sequence: feed.sequence, digest });
  if (compareVersions(feed.version, params.appVersion) === 0)
    return { kind: 'up_to_date', version: feed.version };
  if (!inRollout(params.bucket, feed.rolloutPercentage)) {
    return {
      kind: 'not_in_rollout',
      version: feed.version,
      bucket: params.bucket,
      percentage: feed.rolloutPercentage,
    };
  }
  return { kind: 'available', release: feed, path: releasePath(params.channel, feed.file) };
}

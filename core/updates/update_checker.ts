import { type Channel, FEED_FILES, type FeedPlatform, type UpdateFeed } from '../../common/updates/feed';
import { inRollout } from '../../common/updates/rollout_bucket';
import { SIGNATURE_SUFFIX } from '../../common/updates/signature_envelope';
import { compareVersions } from '../../common/updates/version_order';
import { type FeedRefusal, verifySignedFeed } from './verify_feed';

/** Largest feed or signature read from the hub: real ones are well under 1 KB. */
const MAX_FEED_BYTES = 16 * 1024;

export type CheckResult =
  | { kind: 'available'; feed: UpdateFeed; feedBaseUrl: string }
  | { kind: 'up_to_date'; version: string }
  | { kind: 'not_in_rollout'; version: string; bucket: number; percentage: number }
  | { kind: 'refused'; reason: FeedRefusal }
  /** The hub has published nothing for this channel and platform. */
  | { kind: 'no_release' }
  | { kind: 'unreachable' };

export interface CheckParams {
  hubUrl: string;
  hubToken: string;
  channel: Channel;
  platform: FeedPlatform;
  publicKey: string;
  appVersion: string;
  bucket: number;
  fetchImpl?: typeof fetch;
}

export function channelBaseUrl(hubUrl: string, channel: Channel): string {
  return new URL(`/api/v1/updates/${channel}/`, hubUrl).toString();
}

async function readSmall(
  fetchImpl: typeof fetch,
  url: URL,
  headers: Record<string, string>,
): Promise<Uint8Array | null | 'error'> {
  try {
    const response = await fetchImpl(url, { headers, signal: AbortSignal.timeout(15_000) });
    if (response.status === 404) return null;
    if (!response.ok) return 'error';
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.length > MAX_FEED_BYTES ? 'error' : bytes;
  } catch {
    return 'error';
  }
}

export function hubHeaders(hubToken: string): Record<string, string> {
  return hubToken ? { authorization: `Bearer ${hubToken}` } : {};
}

/** Fetches this platform's feed and its signature from the hub and decides whether to update. */
export async function checkForUpdate(params: CheckParams): Promise<CheckResult> {
  const fetchImpl = params.fetchImpl ?? fetch;
  const file = FEED_FILES[params.platform];
  const base = channelBaseUrl(params.hubUrl, params.channel);
  const headers = hubHeaders(params.hubToken);
  const yml = await readSmall(fetchImpl, new URL(file, base), headers);
  if (yml === 'error') return { kind: 'unreachable' };
  if (yml === null) return { kind: 'no_release' };
  const signature = await readSmall(fetchImpl, new URL(file + SIGNATURE_SUFFIX, base), headers);
  if (signature === 'error') return { kind: 'unreachable' };
  const verified = verifySignedFeed(
    {
      channel: params.channel,
      file,
      yml,
      signature: signature === null ? null : Buffer.from(signature).toString('utf8'),
    },
    params.publicKey,
  );
  if (!verified.ok) return { kind: 'refused', reason: verified.reason };
  const { feed } = verified;
  if (compareVersions(feed.version, params.appVersion) <= 0)
    return { kind: 'up_to_date', version: feed.version };
  if (!inRollout(params.bucket, feed.rolloutPercentage)) {
    return {
      kind: 'not_in_rollout',
      version: feed.version,
      bucket: params.bucket,
      percentage: feed.rolloutPercentage,
    };
  }
  return { kind: 'available', feed, feedBaseUrl: base };
}

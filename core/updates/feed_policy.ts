import type { Channel, FeedPlatform } from '../../common/updates/feed';
import type { FeedPayload, UpdateRefusal } from '../../common/updates/signed_feed';
import { compareVersions } from '../../common/updates/version_order';

/** How far a terminal's clock may be behind the release machine's before a fresh feed looks "not yet valid". */
export const CLOCK_SKEW_MS = 10 * 60 * 1000;

/** The freshest feed this terminal accepted for a channel and platform. */
export interface SeenFeed {
  sequence: number;
  /** SHA-256 of the accepted payload bytes: the same sequence with other content is not the same feed. */
  digest: string;
}

export interface PolicyContext {
  channel: Channel;
  platform: FeedPlatform;
  now: Date;
  appVersion: string;
  seen: SeenFeed | null;
  digest: string;
}

/**
 * What a correctly signed feed must also be: for this channel and platform, issued (not in the future) and
 * not expired, not older than the freshest feed already accepted (an old feed served again is a replay even
 * while it is unexpired), and never naming a version older than the running one.
 */
export function feedPolicyRefusal(feed: FeedPayload, context: PolicyContext): UpdateRefusal | null {
  if (feed.channel !== context.channel || feed.platform !== context.platform) return 'wrong_channel';
  const now = context.now.getTime();
  if (Date.parse(feed.issuedAt) > now + CLOCK_SKEW_MS) return 'not_yet_valid';
  if (Date.parse(feed.expiresAt) <= now) return 'expired';
  const { seen } = context;
  if (
    seen &&
    (feed.sequence < seen.sequence || (feed.sequence === seen.sequence && context.digest !== seen.digest))
  )
    return 'replayed';
  if (compareVersions(feed.version, context.appVersion) < 0) return 'downgrade';
  return null;
}

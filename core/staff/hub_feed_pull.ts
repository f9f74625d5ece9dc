import type { z } from 'zod';
import { HEADER_APP_VERSION } from '../../common/sync/protocol';
import { type HubEndpoint, hubRequest } from '../../node_shared/hub_request';
import type { KioskDatabase } from '../storage/database';
import type { HubIdentityWatch } from '../trust/hub_identity_watch';

const TIMEOUT_MS = 5_000;
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

export interface HubFeedTarget {
  hub: HubEndpoint;
  identity: HubIdentityWatch;
  token: string;
  appVersion: string;
}

/** One of the hub's per-terminal feeds: where it is, how its answer looks, what to do with each item. */
export interface HubFeed<Item> {
  path: string;
  /** The `settings` key keeping the last sequence number seen. */
  cursorKey: string;
  schema: z.ZodType<{ items: Item[]; next: number }>;
  /** Writes one item here; true when it changed something. */
  apply(item: Item): boolean;
}

/**
 * Downlink of a hub feed over the pinned TLS: asks for items after the last seen sequence number and applies
 * them and the new cursor in one transaction. Returns how many items changed something here, or null when
 * the hub could not be asked or answered something else than the feed (nothing is written then).
 */
export async function pullHubFeed<Item>(
  db: KioskDatabase,
  feed: HubFeed<Item>,
  target: HubFeedTarget,
): Promise<number | null> {
  const read = db.prepare('SELECT value FROM settings WHERE key = ?');
  const since = Number((read.get(feed.cursorKey) as { value: string } | undefined)?.value ?? 0) || 0;
  const answer = await hubRequest(target.hub, `${feed.path}?since=${since}`, {
    headers: { authorization: `Bearer ${target.token}`, [HEADER_APP_VERSION]: target.appVersion },
    maxAnswerBytes: MAX_ANSWER_BYTES,
    timeoutMs: TIMEOUT_MS,
  });
  if (!answer.ok) {
    if (answer.error.kind === 'identity_mismatch') target.identity.mismatch('desk');
    return null;
  }
  const { status, headers } = answer.value;
  if (status !== 200 || !/^application\/json/.test(headers['content-type'] ?? '')) return null;
  let body: unknown;
  try {
    body = JSON.parse(answer.value.body.toString('utf8'));
  } catch {
    return null;
  }
  const parsed = feed.schema.safeParse(body);
  if (!parsed.success) return null;
  const write = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return db.transaction(() => {
    let applied = 0;
    for (const item of parsed.data.items) if (feed.apply(item)) applied += 1;
    write.run(feed.cursorKey, String(Math.max(since, parsed.data.next)));
    return applied;
  })();
}

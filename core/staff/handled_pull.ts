import { HANDLED_FEED_PATH, handledFeedSchema } from '../../common/contract/staff_methods';
import { HEADER_APP_VERSION } from '../../common/sync/protocol';
import { type HubEndpoint, hubRequest } from '../../node_shared/hub_request';
import type { KioskDatabase } from '../storage/database';
import type { HubIdentityWatch } from '../trust/hub_identity_watch';
import type { StaffQueries } from './staff_queries';

const CURSOR_KEY = 'staff.handled_since';
const TIMEOUT_MS = 5_000;
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

export interface HandledPullTarget {
  hub: HubEndpoint;
  identity: HubIdentityWatch;
  token: string;
  appVersion: string;
}

/**
 * Downlink of the desk page's "handled" marks: asks the hub for marks after the last seen sequence number
 * and writes `outbox.handled_at`. Called by the staff service when staff open the list and on its timer.
 * Returns how many marks were new here, or null when the hub could not be asked.
 */
export async function pullHandled(
  db: KioskDatabase,
  queries: StaffQueries,
  target: HandledPullTarget,
): Promise<number | null> {
  const read = db.prepare('SELECT value FROM settings WHERE key = ?');
  const since = Number((read.get(CURSOR_KEY) as { value: string } | undefined)?.value ?? 0) || 0;
  const answer = await hubRequest(target.hub, `${HANDLED_FEED_PATH}?since=${since}`, {
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
  const feed = handledFeedSchema.safeParse(body);
  if (!feed.success) return null;
  const write = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return db.transaction(() => {
    let applied = 0;
    for (const item of feed.data.items) if (queries.applyHandled(item.uuid, item.handledAt)) applied += 1;
    write.run(CURSOR_KEY, String(Math.max(since, feed.data.next)));
    return applied;
  })();
}

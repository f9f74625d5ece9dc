import { HANDLED_FEED_PATH, handledFeedSchema } from '../../common/contract/staff_methods';
import { HEADER_APP_VERSION } from '../../common/sync/protocol';
import type { KioskDatabase } from '../storage/database';
import type { StaffQueries } from './staff_queries';

const CURSOR_KEY = 'staff.handled_since';
const TIMEOUT_MS = 5_000;

export interface HandledPullTarget {
  hubUrl: string;
  token: string;
  appVersion: string;
  fetchImpl?: typeof fetch;
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
  const url = new URL(HANDLED_FEED_PATH, target.hubUrl);
  url.searchParams.set('since', String(since));
  let body: unknown;
  try {
    const response = await (target.fetchImpl ?? fetch)(url, {
      headers: { authorization: `Bearer ${target.token}`, [HEADER_APP_VERSION]: target.appVersion },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok || !/^application\/json/.test(response.headers.get('content-type') ?? '')) return null;
    body = await response.json();
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

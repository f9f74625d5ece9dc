import { HANDLED_FEED_PATH, handledFeedSchema } from '../../common/contract/staff_methods';
import { STATUS_FEED_PATH, statusFeedSchema } from '../../common/status/review_states';
import type { CoreDeps } from '../core_deps';
import { type HubFeed, pullHubFeed } from './hub_feed_pull';
import type { StaffQueries } from './staff_queries';

export interface DeskMarks {
  /** Fetches new marks now; how many changed something, or null when the hub could not be asked. */
  pull(): Promise<number | null>;
  close(): void;
}

/** The desk page's "handled" marks. */
function handledFeed(queries: StaffQueries): HubFeed<{ uuid: string; handledAt: string }> {
  return {
    path: HANDLED_FEED_PATH,
    cursorKey: 'staff.handled_since',
    schema: handledFeedSchema,
    apply: (item) => queries.applyHandled(item.uuid, item.handledAt),
  };
}

/** The review states the desk (or a case system) set: received, accepted, documents needed, … */
function reviewFeed(queries: StaffQueries): HubFeed<{ uuid: string; state: string; at: string }> {
  return {
    path: STATUS_FEED_PATH,
    cursorKey: 'staff.review_since',
    schema: statusFeedSchema,
    apply: (item) => queries.applyReview(item.uuid, item.state, item.at),
  };
}

/**
 * What the hub's desk says about the submissions sent from here — handled marks and review states — on a
 * timer (`pollMs`, 0: never) and when staff open the list. Only over the pinned TLS to the hub of the
 * organisation profile; a mismatch is reported by the identity watch.
 */
export function startDeskMarks(
  deps: CoreDeps,
  queries: StaffQueries,
  options: { pollMs: number },
): DeskMarks {
  const config = deps.config;
  const hub = deps.hub;
  const handled = handledFeed(queries);
  const review = reviewFeed(queries);
  const pull = async (): Promise<number | null> => {
    if (!config?.hubToken || !hub) return null;
    const target = { hub, identity: deps.hubIdentity, token: config.hubToken, appVersion: deps.appVersion };
    const counts = await Promise.all([
      pullHubFeed(deps.db, handled, target),
      pullHubFeed(deps.db, review, target),
    ]);
    return counts.some((count) => count === null)
      ? null
      : counts.reduce<number>((sum, count) => sum + (count ?? 0), 0);
  };
  const timer =
    config?.hubToken && hub && options.pollMs > 0 ? setInterval(() => void pull(), options.pollMs) : null;
  timer?.unref();
  return { pull, close: () => timer && clearInterval(timer) };
}

import type { Channel, FeedPlatform } from '../../common/updates/feed';
import type { UpdateRefusal } from '../../common/updates/signed_feed';
import { compareVersions } from '../../common/updates/version_order';
import type { KioskDatabase } from '../storage/database';
import type { SeenFeed } from './feed_policy';

const ATTEMPTED = 'updates.attempted_version';
const OUTCOME = 'updates.last_outcome';
const REFUSAL = 'updates.last_refusal';
const seenKey = (channel: Channel, platform: FeedPlatform) => `updates.seen_feed.${channel}.${platform}`;

export type UpdateReport =
  | { status: 'none' }
  | { status: 'updated'; version: string }
  | { status: 'update_failed'; attemptedVersion: string; runningVersion: string };

export interface RefusalRecord {
  reason: UpdateRefusal;
  at: string;
}

/**
 * What the terminal remembers about updates, in its settings table: the freshest feed accepted per channel
 * and platform (so an older one is a replay, across restarts), the last refusal (for technicians and the
 * fleet view), and the version being installed. Before handing over to the installer the core records the
 * version it attempted; if the app then starts with an older version, the update failed (the installer rolled
 * back, or the new build did not start and a technician reinstalled the old one).
 */
export class UpdateRecord {
  constructor(private readonly db: KioskDatabase) {}

  private get(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return row?.value ?? null;
  }

  private put(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  private remove(key: string): void {
    this.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  }

  seenFeed(channel: Channel, platform: FeedPlatform): SeenFeed | null {
    const text = this.get(seenKey(channel, platform));
    return text ? (JSON.parse(text) as SeenFeed) : null;
  }

  /** Only ever raises the sequence: the policy refused anything lower before this is called. */
  acceptFeed(channel: Channel, platform: FeedPlatform, seen: SeenFeed): void {
    this.put(seenKey(channel, platform), JSON.stringify(seen));
  }

  refuse(reason: UpdateRefusal, at: Date): void {
    this.put(REFUSAL, JSON.stringify({ reason, at: at.toISOString() } satisfies RefusalRecord));
  }

  clearRefusal(): void {
    this.remove(REFUSAL);
  }

  lastRefusal(): RefusalRecord | null {
    const text = this.get(REFUSAL);
    return text ? (JSON.parse(text) as RefusalRecord) : null;
  }

  recordAttempt(version: string): void {
    this.put(ATTEMPTED, version);
  }

  /** Called once at start-up with the running version; settles a pending attempt into an outcome. */
  settleAtStartup(runningVersion: string): UpdateReport {
    const attempted = this.get(ATTEMPTED);
    if (attempted !== null) {
      const report: UpdateReport =
        compareVersions(runningVersion, attempted) >= 0
          ? { status: 'updated', version: runningVersion }
          : { status: 'update_failed', attemptedVersion: attempted, runningVersion };
      this.db.transaction(() => {
        this.put(OUTCOME, JSON.stringify(report));
        this.remove(ATTEMPTED);
      })();
    }
    return this.report();
  }

  /** The outcome of the last update, for the heartbeat and the technician screen. */
  report(): UpdateReport {
    const text = this.get(OUTCOME);
    return text ? (JSON.parse(text) as UpdateReport) : { status: 'none' };
  }
}

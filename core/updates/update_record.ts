import { compareVersions } from '../../common/updates/version_order';
import type { KioskDatabase } from '../storage/database';

const ATTEMPTED = 'updates.attempted_version';
const OUTCOME = 'updates.last_outcome';

export type UpdateReport =
  | { status: 'none' }
  | { status: 'updated'; version: string }
  | { status: 'update_failed'; attemptedVersion: string; runningVersion: string };

/**
 * What the next heartbeat says about the last update. Before handing over to the installer the core
 * records the version it attempted; if the app then starts with an older version, the update failed
 * (the installer rolled back, or the new build did not start and a technician reinstalled the old one).
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
        this.db.prepare('DELETE FROM settings WHERE key = ?').run(ATTEMPTED);
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

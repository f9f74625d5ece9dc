import type { KioskConfig } from '../../common/config_schema';
import { isInsideWindow, localMinuteOfDay } from '../../common/updates/maintenance_window';
import type { Logger } from '../../node_shared/logger';
import { deviceBucket } from './device_bucket';
import type { SessionActivity } from './session_activity';
import { type CheckResult, checkForUpdate, hubHeaders } from './update_checker';
import type { InstallOutcome, UpdateInstaller } from './update_installer';
import type { UpdateRecord } from './update_record';

export type UpdateStep =
  | { kind: 'disabled'; reason: 'no_updates_config' | 'cannot_self_update' }
  | { kind: 'outside_window' }
  | { kind: 'session_active' }
  | Exclude<CheckResult, { kind: 'available' }>
  | { kind: 'installed'; version: string }
  | { kind: 'install_failed'; version: string; reason: Extract<InstallOutcome, { ok: false }>['reason'] };

export interface UpdateServiceDeps {
  config: KioskConfig;
  appVersion: string;
  installer: UpdateInstaller;
  session: SessionActivity;
  record: UpdateRecord;
  logger: Logger;
  now: () => Date;
  fetchImpl?: typeof fetch;
}

/**
 * Decides whether and when this terminal updates: only with a provisioned release key, only inside the
 * maintenance window, never while a visitor session is active (asked again just before installing, since
 * the check takes time), only a signed feed, only when the terminal's bucket is inside the rollout.
 */
export class UpdateService {
  private last: UpdateStep | null = null;
  private running = false;

  constructor(private readonly deps: UpdateServiceDeps) {}

  lastStep(): UpdateStep | null {
    return this.last;
  }

  private mayInstallNow(): UpdateStep | null {
    const updates = this.deps.config.updates;
    if (!updates) return { kind: 'disabled', reason: 'no_updates_config' };
    if (!this.deps.installer.platform) return { kind: 'disabled', reason: 'cannot_self_update' };
    if (!isInsideWindow(updates.maintenanceWindow, localMinuteOfDay(this.deps.now())))
      return { kind: 'outside_window' };
    if (this.deps.session.isActive()) return { kind: 'session_active' };
    return null;
  }

  async tick(): Promise<UpdateStep> {
    if (this.running) return this.last ?? { kind: 'outside_window' };
    this.running = true;
    try {
      this.last = await this.step();
      return this.last;
    } finally {
      this.running = false;
    }
  }

  private async step(): Promise<UpdateStep> {
    const blocked = this.mayInstallNow();
    if (blocked) return blocked;
    const { config, installer } = this.deps;
    const updates = config.updates!;
    const checked = await checkForUpdate({
      hubUrl: config.hubUrl,
      hubToken: config.hubToken,
      channel: updates.channel,
      platform: installer.platform!,
      publicKey: updates.publicKey,
      appVersion: this.deps.appVersion,
      bucket: deviceBucket(config.terminalId),
      fetchImpl: this.deps.fetchImpl,
    });
    if (checked.kind !== 'available') {
      if (checked.kind === 'refused')
        this.deps.logger.warn('updates.feed_refused', { reason: checked.reason });
      return checked;
    }
    const stillBlocked = this.mayInstallNow();
    if (stillBlocked) return stillBlocked;
    const { version } = checked.feed;
    this.deps.record.recordAttempt(version);
    this.deps.logger.info('updates.installing', { version });
    const outcome = await installer.install({
      channel: updates.channel,
      feed: checked.feed,
      feedBaseUrl: checked.feedBaseUrl,
      headers: hubHeaders(config.hubToken),
    });
    if (!outcome.ok) {
      this.deps.logger.warn('updates.install_failed', { version, reason: outcome.reason });
      return { kind: 'install_failed', version, reason: outcome.reason };
    }
    return { kind: 'installed', version };
  }

  /** Checks every `intervalMs` (unref'd: never keeps the process alive). Returns the stop function. */
  start(intervalMs = 10 * 60 * 1000): () => void {
    const timer = setInterval(() => void this.tick(), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}

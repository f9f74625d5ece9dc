import type { KioskConfig } from '../../common/config_schema';
import { isInsideWindow, localMinuteOfDay } from '../../common/updates/maintenance_window';
import type { UpdateRefusal } from '../../common/updates/signed_feed';
import type { HubEndpoint } from '../../node_shared/hub_request';
import type { Logger } from '../../node_shared/logger';
import type { HubIdentityWatch } from '../trust/hub_identity_watch';
import { deviceBucket } from './device_bucket';
import type { SessionActivity } from './session_activity';
import { type CheckResult, checkForUpdate } from './update_checker';
import type { InstallOutcome, UpdateInstaller } from './update_installer';
import type { UpdateRecord } from './update_record';

export type UpdateStep =
  | {
      kind: 'disabled';
      reason: 'no_updates_config' | 'no_release_keys' | 'hub_not_trusted' | 'cannot_self_update';
    }
  | { kind: 'outside_window' }
  | { kind: 'session_active' }
  | Exclude<CheckResult, { kind: 'available' }>
  | { kind: 'installed'; version: string }
  | { kind: 'install_failed'; version: string; reason: Extract<InstallOutcome, { ok: false }>['reason'] };

export interface UpdateServiceDeps {
  config: KioskConfig;
  /** The pinned hub (null: the provisioned hub is not in the organisation profile). */
  hub: HubEndpoint | null;
  identity: HubIdentityWatch;
  /** The organisation profile's release keys, shipped with the build. */
  publicKeys: readonly string[];
  appVersion: string;
  installer: UpdateInstaller;
  session: SessionActivity;
  record: UpdateRecord;
  logger: Logger;
  now: () => Date;
}

/**
 * Decides whether and when this terminal updates: only with the build's release keys and a trusted hub, only
 * inside the maintenance window, never while a visitor session is active (asked again just before
 * installing, since the check takes time), only what a valid signed feed names, only when the terminal's
 * bucket is inside the rollout. A refusal is remembered with its reason for technicians and the fleet view.
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
    if (this.deps.publicKeys.length === 0) return { kind: 'disabled', reason: 'no_release_keys' };
    if (!this.deps.hub) return { kind: 'disabled', reason: 'hub_not_trusted' };
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

  private refuse(reason: UpdateRefusal): void {
    this.deps.logger.warn('updates.refused', { reason });
    this.deps.record.refuse(reason, this.deps.now());
  }

  private async step(): Promise<UpdateStep> {
    const blocked = this.mayInstallNow();
    if (blocked) return blocked;
    const { config, installer, record } = this.deps;
    const hub = this.deps.hub!;
    const channel = config.updates!.channel;
    const headers = { authorization: `Bearer ${config.hubToken}` };
    const checked = await checkForUpdate({
      hub,
      identity: this.deps.identity,
      headers,
      channel,
      platform: installer.platform!,
      publicKeys: this.deps.publicKeys,
      appVersion: this.deps.appVersion,
      bucket: deviceBucket(config.terminalId),
      record,
      now: this.deps.now(),
    });
    if (checked.kind === 'refused') this.refuse(checked.reason);
    else if (checked.kind !== 'unreachable' && checked.kind !== 'no_release') record.clearRefusal();
    if (checked.kind !== 'available') return checked;
    const stillBlocked = this.mayInstallNow();
    if (stillBlocked) return stillBlocked;
    const { version } = checked.release;
    record.recordAttempt(version);
    this.deps.logger.info('updates.installing', { version });
    const outcome = await installer.install({ release: checked.release, hub, path: checked.path, headers });
    if (!outcome.ok) {
      this.deps.logger.warn('updates.install_failed', { version, reason: outcome.reason });
      if (outcome.reason === 'verification_failed') this.refuse('tampered');
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

import fs from 'node:fs';
import path from 'node:path';
import { EDITABLE_CONFIG_FIELDS } from '../../common/contract/technician_methods';
import type { Heartbeat } from '../../common/sync/protocol';
import { loadConfig } from '../config/load_config';
import { provisionFromCode } from '../config/redeem_enrollment';
import type { CoreDeps } from '../core_deps';
import { verifyPin } from '../pins/pin_hash';
import { PinLock, settingsPinLockStore } from '../pins/pin_lock';
import type { Handlers } from '../rpc/dispatcher';
import { SCHEMA_VERSION } from '../storage/database';
import { trustedHubEndpoint } from '../trust/hub_trust';
import { createSessionActivity } from '../updates/session_activity';
import { noSelfUpdate, type UpdateInstaller } from '../updates/update_installer';
import { UpdateRecord } from '../updates/update_record';
import { UpdateService } from '../updates/update_service';
import { configRows, editConfigFile } from './config_edit';
import type { DeviceStatus, DiagnosticsDevices, SpeechProbe } from './device_ports';
import { createFakeDevices, NO_DEVICES } from './fake_devices';
import { probeHub } from './hub_probe';
import { exportLogs } from './log_export';
import { createMediaAccess } from './media_access';
import { queueStats } from './queue_stats';

type TechnicianMethod =
  | 'technician.unlock'
  | 'technician.lock'
  | 'session.set_active'
  | 'diagnostics.hub'
  | 'diagnostics.sync'
  | 'diagnostics.printers'
  | 'diagnostics.print_test'
  | 'diagnostics.speech'
  | 'diagnostics.media_access'
  | 'diagnostics.system'
  | 'technician.config_view'
  | 'technician.config_edit'
  | 'technician.export_logs'
  | 'technician.restart'
  | 'provisioning.redeem';

export interface TechnicianOptions {
  configPath: string | undefined;
  /** Real devices from the Electron shell; the dev host uses fakes with `KIOSK_FAKE_DEVICES=1`. */
  devices?: Partial<DiagnosticsDevices> | undefined;
  speech?: SpeechProbe | null | undefined;
  /** electron-updater behind an interface (shell); none: this build does not update itself. */
  installer?: UpdateInstaller | undefined;
  /** Technician mode closes after this long without a technician call. */
  idleLockMs?: number;
}

export interface TechnicianService {
  handlers: Pick<Handlers, TechnicianMethod>;
  /** For the sync heartbeat: printer and speech status (last known, refreshed on each call), the last update and refusal. */
  heartbeatExtras(): Pick<Heartbeat, 'printer' | 'speech' | 'update' | 'updateRefusal'>;
  updates: UpdateService | null;
  record: UpdateRecord;
  close(): void;
}

const LOCKED = { ok: false as const, reason: 'locked' as const };
/** Time for the screen to say "provisioned, restarting" before the app restarts. */
const RESTART_DELAY_MS = 3000;

function disk(dir: string): { free: number; total: number } {
  const stats = fs.statfsSync(dir);
  return { free: stats.bavail * stats.bsize, total: stats.blocks * stats.bsize };
}

/**
 * Technician mode: its own PIN (scrypt hash in the provisioning, lockout shared with `pin_lock.ts`),
 * diagnostics with live results, config view and validated edit, log export, restart; and the update
 * service, which needs the same session state and settings.
 */
export function startTechnician(deps: CoreDeps, options: TechnicianOptions): TechnicianService {
  const fallback = process.env.KIOSK_FAKE_DEVICES === '1' ? createFakeDevices({ delayMs: 300 }) : NO_DEVICES;
  const devices: DiagnosticsDevices = { ...fallback, ...options.devices };
  const speech = options.speech ?? devices.speech;
  const idleLockMs = options.idleLockMs ?? 10 * 60 * 1000;
  const pinLock = new PinLock(settingsPinLockStore(deps.db, 'technician'), deps.now);
  const session = createSessionActivity(deps.now);
  const record = new UpdateRecord(deps.db);
  const report = record.settleAtStartup(deps.appVersion);
  if (report.status === 'update_failed')
    deps.logger.warn('updates.failed_start', { attempted: report.attemptedVersion });
  const updates = deps.config
    ? new UpdateService({
        config: deps.config,
        hub: deps.hub,
        identity: deps.hubIdentity,
        publicKeys: deps.profile?.updates.publicKeys ?? [],
        appVersion: deps.appVersion,
        installer: options.installer ?? noSelfUpdate,
        session,
        record,
        logger: deps.logger,
        now: deps.now,
      })
    : null;
  const stopUpdates = updates?.start();

  let unlockedUntil = 0;
  const unlocked = () => {
    const now = deps.now().getTime();
    if (now >= unlockedUntil) return false;
    unlockedUntil = now + idleLockMs;
    return true;
  };
  const audit = (action: string) => deps.audit.record('technician', action);
  const mediaAccess = createMediaAccess(deps.events);

  function snapshot(): Record<string, unknown> {
    const { free, total } = disk(deps.dataDir);
    return {
      appVersion: deps.appVersion,
      schemaVersion: SCHEMA_VERSION,
      diskFreeBytes: free,
      diskTotalBytes: total,
      queue: queueStats(deps.db),
      update: record.report(),
      updateStep: updates?.lastStep()?.kind ?? null,
      updateRefusal: record.lastRefusal(),
      config: deps.config ? configRows(deps.config) : null,
    };
  }

  const handlers: Pick<Handlers, TechnicianMethod> = {
    'technician.unlock': async ({ pin }) => {
      const hash = deps.config?.technicianPinHash;
      if (!hash) return { ok: false, reason: 'not_configured' };
      const attempt = pinLock.check();
      if (!attempt.allowed) {
        return { ok: false, reason: 'locked_out', retryAfterSeconds: Math.ceil(attempt.retryAfterMs / 1000) };
      }
      if (!(await verifyPin(pin, hash))) {
        const triesLeft = pinLock.fail();
        audit('technician.pin_wrong');
        const after = pinLock.check();
        if (!after.allowed) {
          return { ok: false, reason: 'locked_out', retryAfterSeconds: Math.ceil(after.retryAfterMs / 1000) };
        }
        return { ok: false, reason: 'wrong_pin', triesLeft };
      }
      pinLock.succeed();
      unlockedUntil = deps.now().getTime() + idleLockMs;
      audit('technician.unlock');
      return { ok: true, reason: 'unlocked' };
    },
    'technician.lock': () => {
      unlockedUntil = 0;
      mediaAccess.closeAll();
      return { ok: true };
    },
    'session.set_active': ({ active }) => {
      session.set(active);
      return { ok: true };
    },
    'diagnostics.hub': async () => {
      if (!unlocked()) return LOCKED;
      if (!deps.config) return { ok: true, reachable: false, reason: 'not_provisioned' };
      if (!deps.hub) return { ok: true, reachable: false, reason: 'hub_not_trusted' };
      return { ok: true, ...(await probeHub(deps.hub, deps.hubIdentity, deps.now)) };
    },
    'diagnostics.sync': () => {
      if (!unlocked()) return LOCKED;
      const { lastDeliveredAt, ...queue } = queueStats(deps.db);
      return { ok: true, lastSyncAt: lastDeliveredAt, queue };
    },
    'diagnostics.printers': async () => {
      if (!unlocked()) return LOCKED;
      return {
        ok: true,
        configured: deps.config?.printer.name ?? '',
        printers: (await devices.printers.list()).slice(0, 50),
      };
    },
    'diagnostics.print_test': async ({ printer }) => {
      if (!unlocked()) return LOCKED;
      audit('technician.print_test');
      const outcome = await devices.printers.printTestPage(printer);
      return outcome.ok ? { ok: true, printed: true } : { ok: true, printed: false, reason: outcome.reason };
    },
    'diagnostics.speech': async () => {
      if (!unlocked()) return LOCKED;
      if (!speech) return { ok: true, status: 'unknown', engine: '', languages: [] };
      return { ok: true, ...(await speech.status()) };
    },
    'diagnostics.media_access': ({ open }) => {
      if (!open) {
        mediaAccess.close();
        return { ok: true };
      }
      if (!unlocked()) return LOCKED;
      mediaAccess.open();
      return { ok: true };
    },
    'diagnostics.system': () => {
      if (!unlocked()) return LOCKED;
      const { free, total } = disk(deps.dataDir);
      return {
        ok: true,
        appVersion: deps.appVersion,
        schemaVersion: SCHEMA_VERSION,
        diskFreeBytes: free,
        diskTotalBytes: total,
        update: record.report(),
        updateStep: updates?.lastStep()?.kind ?? null,
        updateRefusal: record.lastRefusal(),
      };
    },
    'technician.config_view': () => {
      if (!unlocked()) return LOCKED;
      const current = loadConfig(options.configPath);
      if (!current.ok) return { ok: false, reason: 'not_provisioned' };
      return {
        ok: true,
        rows: configRows(current.value),
        hubTokenSet: current.value.hubToken !== '',
        editable: [...EDITABLE_CONFIG_FIELDS],
      };
    },
    'technician.config_edit': ({ field, value }) => {
      if (!unlocked()) return LOCKED;
      if (!options.configPath || !deps.config) return { ok: false, reason: 'not_provisioned' };
      // The hub address may change only to another hub of the organisation profile shipped with the build.
      const outcome = editConfigFile(options.configPath, field, value, (edited) =>
        trustedHubEndpoint(deps.profile, edited.hubUrl).ok
          ? null
          : { field: 'hubUrl', message: 'Not a hub of the organisation profile shipped with this build.' },
      );
      if (!outcome.ok) return outcome;
      audit('technician.config_edit');
      return { ok: true, restartNeeded: true };
    },
    'technician.export_logs': ({ folder }) => {
      if (!unlocked()) return LOCKED;
      const outcome = exportLogs(folder, {
        audit: deps.audit,
        logsDir: path.join(deps.dataDir, 'logs'),
        snapshot: snapshot(),
        terminalId: deps.config?.terminalId ?? 'unprovisioned',
        now: deps.now(),
      });
      if (outcome.ok) audit('technician.export_logs');
      return outcome;
    },
    'provisioning.redeem': async ({ hubUrl, code }) => {
      // A provisioned terminal is re-pointed only with a new provisioning file, never from the screen.
      if (deps.config) return { ok: false, reason: 'already_provisioned' };
      if (!options.configPath) return { ok: false, reason: 'no_config_path' };
      const outcome = await provisionFromCode({
        hubUrl,
        code,
        outFile: options.configPath,
        profile: deps.profile,
        identity: deps.hubIdentity,
        // The existing file (if any) is invalid: that is why the terminal is not provisioned.
        overwrite: true,
      });
      if (!outcome.ok) {
        const problem = outcome.error;
        deps.logger.warn('provisioning.refused', { reason: problem.kind });
        if (problem.kind === 'rate_limited')
          return { ok: false, reason: 'rate_limited', retryAfterSeconds: problem.retryAfterSeconds };
        if (problem.kind === 'invalid_config')
          return { ok: false, reason: 'invalid_config', field: problem.field, message: problem.message };
        if (problem.kind === 'forbidden_fields')
          return { ok: false, reason: 'forbidden_fields', fields: problem.fields };
        return { ok: false, reason: problem.kind };
      }
      deps.logger.info('provisioning.redeemed', { terminalId: outcome.value.config.terminalId });
      // Restart a moment after the answer, so the screen can say what happens.
      const restarting = devices.restart !== NO_DEVICES.restart;
      if (restarting)
        setTimeout(() => void devices.restart.requestRestart().catch(() => {}), RESTART_DELAY_MS);
      return { ok: true, terminalId: outcome.value.config.terminalId, restarting };
    },
    'technician.restart': async () => {
      if (!unlocked()) return LOCKED;
      audit('technician.restart');
      try {
        await devices.restart.requestRestart();
        return { ok: true };
      } catch {
        return { ok: false, reason: 'not_available' };
      }
    },
  };
  // The heartbeat is synchronous: it reports the device state of the previous refresh and starts the next.
  let devicesNow: { printer: DeviceStatus; speech: DeviceStatus } = { printer: 'unknown', speech: 'unknown' };
  const refreshDevices = async () => {
    const printers = await devices.printers.list().catch(() => []);
    const configured = deps.config?.printer.name ?? '';
    const chosen = configured
      ? printers.find((p) => p.name === configured)
      : printers.find((p) => p.isDefault);
    const printer: DeviceStatus = chosen
      ? chosen.status
      : printers.length > 0 && configured
        ? 'offline'
        : 'unknown';
    const spoken = speech ? await speech.status().catch(() => null) : null;
    devicesNow = { printer, speech: spoken?.status ?? 'unknown' };
  };
  const heartbeatExtras = () => {
    void refreshDevices();
    const refusal = record.lastRefusal();
    return {
      printer: { status: devicesNow.printer },
      speech: { status: devicesNow.speech },
      update: record.report(),
      ...(refusal ? { updateRefusal: refusal } : {}),
    };
  };

  return {
    handlers,
    heartbeatExtras,
    updates,
    record,
    close: () => {
      mediaAccess.closeAll();
      stopUpdates?.();
    },
  };
}

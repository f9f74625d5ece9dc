import path from 'node:path';
import type { CoreDeps } from '../core_deps';
import type { Handlers } from '../rpc/dispatcher';
import { SCHEMA_VERSION } from '../storage/database';
import type { Updates } from '../updates/updates_feature';
import { configRows } from './config_edit';
import type { DiagnosticsDevices } from './device_ports';
import { diskSpace } from './disk_space';
import { exportLogs } from './log_export';
import { queueStats } from './queue_stats';

/** The technician's maintenance: export logs (no personal data) to a folder, restart the app. */
export function maintenanceHandlers(
  deps: CoreDeps,
  devices: DiagnosticsDevices,
  updates: Updates,
): Pick<Handlers, 'technician.export_logs' | 'technician.restart'> {
  const audit = (action: string) => deps.audit.record('technician', action);
  const snapshot = (): Record<string, unknown> => {
    const { free, total } = diskSpace(deps.dataDir);
    return {
      appVersion: deps.appVersion,
      schemaVersion: SCHEMA_VERSION,
      diskFreeBytes: free,
      diskTotalBytes: total,
      queue: queueStats(deps.db),
      update: updates.record.report(),
      updateStep: updates.service?.lastStep()?.kind ?? null,
      updateRefusal: updates.record.lastRefusal(),
      config: deps.config ? configRows(deps.config) : null,
    };
  };
  return {
    'technician.export_logs': ({ folder }) => {
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
    'technician.restart': async () => {
      audit('technician.restart');
      try {
        await devices.restart.requestRestart();
        return { ok: true };
      } catch {
        return { ok: false, reason: 'not_available' };
      }
    },
  };
}

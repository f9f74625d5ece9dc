import type { CoreDeps } from '../core_deps';
import type { IdCardService } from '../idcard/id_card_service';
import type { Handlers } from '../rpc/dispatcher';
import { SCHEMA_VERSION } from '../storage/database';
import type { Updates } from '../updates/updates_feature';
import type { DiagnosticsDevices, SpeechProbe } from './device_ports';
import { diskSpace } from './disk_space';
import { probeHub } from './hub_probe';
import type { MediaAccess } from './media_access';
import { queueStats } from './queue_stats';

type DiagnosticsMethod =
  | 'diagnostics.hub'
  | 'diagnostics.sync'
  | 'diagnostics.printers'
  | 'diagnostics.print_test'
  | 'diagnostics.speech'
  | 'diagnostics.media_access'
  | 'diagnostics.system'
  | 'diagnostics.id_card';

export interface DiagnosticsParts {
  devices: DiagnosticsDevices;
  speech: SpeechProbe | null;
  updates: Updates;
  mediaAccess: MediaAccess;
  idCard: IdCardService;
}

/** The technician's diagnostics with live results (the dispatcher lets only an unlocked technician in). */
export function diagnosticsHandlers(
  deps: CoreDeps,
  parts: DiagnosticsParts,
): Pick<Handlers, DiagnosticsMethod> {
  const { devices, speech, updates, mediaAccess } = parts;
  return {
    'diagnostics.hub': async () => {
      if (!deps.config) return { ok: true, reachable: false, reason: 'not_provisioned' };
      // Only the hub of the organisation profile, over its pinned TLS.
      if (!deps.hub) return { ok: true, reachable: false, reason: 'hub_not_trusted' };
      return { ok: true, ...(await probeHub(deps.hub, deps.hubIdentity, deps.now)) };
    },
    'diagnostics.sync': () => {
      const { lastDeliveredAt, ...queue } = queueStats(deps.db);
      return { ok: true, lastSyncAt: lastDeliveredAt, queue };
    },
    'diagnostics.printers': async () => ({
      ok: true,
      configured: deps.config?.printer.name ?? '',
      printers: (await devices.printers.list()).slice(0, 50),
    }),
    'diagnostics.print_test': async ({ printer }) => {
      deps.audit.record('technician', 'technician.print_test');
      const outcome = await devices.printers.printTestPage(printer);
      return outcome.ok ? { ok: true, printed: true } : { ok: true, printed: false, reason: outcome.reason };
    },
    'diagnostics.speech': async () => {
      if (!speech) return { ok: true, status: 'unknown', reason: null, engine: '', languages: [] };
      return { ok: true, ...(await speech.status()) };
    },
    'diagnostics.media_access': ({ open }) => {
      if (open) mediaAccess.open();
      else mediaAccess.close();
      return { ok: true };
    },
    'diagnostics.system': () => {
      const { free, total } = diskSpace(deps.dataDir);
      return {
        ok: true,
        appVersion: deps.appVersion,
        schemaVersion: SCHEMA_VERSION,
        diskFreeBytes: free,
        diskTotalBytes: total,
        update: updates.record.report(),
        updateStep: updates.service?.lastStep()?.kind ?? null,
        updateRefusal: updates.record.lastRefusal(),
      };
    },
    'diagnostics.id_card': async ({ read }) => {
      const tested = await parts.idCard.test(read);
      if (!tested.configured) return { ok: true, configured: false };
      deps.audit.record('technician', 'technician.id_card_test');
      return {
        ok: true,
        configured: true,
        adapter: deps.config!.idCardReader!.adapter,
        port: tested.probe.port,
        status: tested.probe.status,
        samId: tested.probe.samId,
        read: tested.read,
      };
    },
  };
}

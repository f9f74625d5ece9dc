import type { Heartbeat } from '../../common/sync/protocol';
import type { IdCardService } from '../idcard/id_card_service';
import type { UpdateRecord } from '../updates/update_record';
import type { DeviceStatus, DiagnosticsDevices, SpeechProbe } from './device_ports';

/**
 * Printer, speech and ID card reader status for the sync heartbeat, with the last update's outcome. The heartbeat is
 * synchronous: it reports the state of the previous refresh and starts the next.
 */
export function heartbeatDeviceStatus(
  devices: DiagnosticsDevices,
  speech: SpeechProbe | null,
  configuredPrinter: string,
  record: UpdateRecord,
  idCard: IdCardService | null = null,
): () => Pick<Heartbeat, 'printer' | 'speech' | 'update' | 'updateRefusal' | 'idCardReader'> {
  let now: { printer: DeviceStatus; speech: DeviceStatus } = { printer: 'unknown', speech: 'unknown' };
  const refresh = async () => {
    const printers = await devices.printers.list().catch(() => []);
    const chosen = configuredPrinter
      ? printers.find((p) => p.name === configuredPrinter)
      : printers.find((p) => p.isDefault);
    const printer: DeviceStatus = chosen
      ? chosen.status
      : printers.length > 0 && configuredPrinter
        ? 'offline'
        : 'unknown';
    const spoken = speech ? await speech.status().catch(() => null) : null;
    await idCard?.refresh().catch(() => {});
    now = { printer, speech: spoken?.status ?? 'unknown' };
  };
  return () => {
    void refresh();
    const reader = idCard?.status() ?? null;
    const refusal = record.lastRefusal();
    return {
      printer: { status: now.printer },
      speech: { status: now.speech },
      update: record.report(),
      ...(refusal ? { updateRefusal: refusal } : {}),
      ...(reader ? { idCardReader: { status: reader } } : {}),
    };
  };
}

import type { Heartbeat } from '../../common/sync/protocol';
import type { HeartbeatRecord } from '../storage/hub_store';

/** A terminal that has not sent a heartbeat for this long is flagged stale. */
export const STALE_AFTER_MS = 15 * 60 * 1000;

export interface FleetRow {
  terminalId: string;
  lastHeartbeatAt: string;
  stale: boolean;
  appVersion: string;
  queuePending: number;
  queueProblems: number;
  lastSyncAt: string | null;
  printer: string;
  speech: string;
  /** The ID card reader's state; null: the terminal has none (or its app predates readers). */
  idCardReader: string | null;
  /** The last self-update as the terminal reported it; absent from older apps. */
  update: Heartbeat['update'];
  /** The last update the terminal refused and why; absent when its last check was fine. */
  updateRefusal: Heartbeat['updateRefusal'];
}

/** One row per terminal, stale ones first (they need a technician), then by terminal id. */
export function fleetRows(records: readonly HeartbeatRecord[], now: Date): FleetRow[] {
  return records
    .map(({ terminalId, receivedAt, heartbeat }) => ({
      terminalId,
      lastHeartbeatAt: receivedAt,
      stale: now.getTime() - Date.parse(receivedAt) > STALE_AFTER_MS,
      appVersion: heartbeat.appVersion,
      queuePending: heartbeat.queue.pending,
      queueProblems: heartbeat.queue.rejected + heartbeat.queue.quarantined,
      lastSyncAt: heartbeat.lastSyncAt,
      printer: heartbeat.printer.status,
      speech: heartbeat.speech.status,
      idCardReader: heartbeat.idCardReader?.status ?? null,
      update: heartbeat.update,
      updateRefusal: heartbeat.updateRefusal,
    }))
    .sort((a, b) => Number(b.stale) - Number(a.stale) || a.terminalId.localeCompare(b.terminalId));
}

import type { SyncStatus } from '../../common/contract/sync_methods';
import { type BackoffPolicy, DEFAULT_BACKOFF } from '../../common/sync/backoff';
import {
  type Heartbeat,
  MAX_BATCH_ITEMS,
  MAX_BODY_BYTES,
  type ManifestItem,
} from '../../common/sync/protocol';
import { hubIdOfToken } from '../../common/sync/token_format';
import type { CoreDeps } from '../core_deps';
import { SCHEMA_VERSION } from '../storage/database';
import { AssetStore } from './asset_store';
import { HubClient } from './hub_client';
import { readLastContact, writeLastContact } from './last_contact';
import { type ItemVerifier, pollManifest } from './manifest_poller';
import { OutboxQueue } from './outbox_queue';
import { OutboxWorker } from './outbox_worker';
import { RETENTION_DAYS } from './retention';

/** Timings of the sync service; tests shorten them. */
export interface SyncTuning {
  backoff: BackoffPolicy;
  batchSize: number;
  requestTimeoutMs: number;
  idleMs: number;
  probeMs: number;
  manifestMs: number;
  heartbeatMs: number;
}

export const DEFAULT_SYNC_TUNING: SyncTuning = {
  backoff: DEFAULT_BACKOFF,
  batchSize: MAX_BATCH_ITEMS,
  requestTimeoutMs: 30_000,
  idleMs: 3_000,
  probeMs: 30_000,
  manifestMs: 15 * 60_000,
  heartbeatMs: 5 * 60_000,
};

/** "Last contact" is written to disk at most this often; in memory it is always current. */
const CONTACT_PERSIST_MS = 10_000;

/** One sending round on request (staff's "send now"), skipping the backoff wait. */
export type SendRound =
  | { ok: true; delivered: number; pending: number }
  | {
      ok: false;
      reason:
        | 'not_configured'
        | 'hub_not_trusted'
        | 'hub_identity_mismatch'
        | 'not_enrolled'
        | 'update_required'
        | 'offline';
    };

export interface SyncService {
  status(): SyncStatus;
  sendRound(): Promise<SendRound>;
  queue: OutboxQueue;
  /** Stops timers, the worker and open connections at once; nothing is written afterwards. */
  close(): void;
}

/**
 * The kiosk's sync: the outbox worker, the health probe, the manifest poller, heartbeats and the
 * retention purge. It runs only when the provisioning has a well-formed token and a hub URL that the
 * organisation profile trusts.
 */
export interface SyncHooks {
  /** After the downlink switched to new versions (e.g. the forms registry reloads its templates). */
  onAssetsSwitched?: (items: readonly ManifestItem[]) => void;
  /** A kind's own check of downloaded bytes before they are installed (sign packs). */
  verifyItem?: ItemVerifier;
  /** Device and update state for the heartbeat (the technician service knows the printer and speech). */
  heartbeatExtras?: () => Partial<
    Pick<Heartbeat, 'printer' | 'speech' | 'update' | 'updateRefusal' | 'idCardReader'>
  >;
}

export function createSyncService(
  deps: CoreDeps,
  tuning: Partial<SyncTuning> = {},
  hooks: SyncHooks = {},
): SyncService {
  const settings = { ...DEFAULT_SYNC_TUNING, ...tuning };
  const queue = new OutboxQueue(deps.db);
  const assets = new AssetStore(deps.db);
  const config = deps.config;
  const hubId = config?.hubToken ? hubIdOfToken(config.hubToken) : null;
  let lastContact = readLastContact(deps.db);
  let persistedAt = 0;
  const timers: NodeJS.Timeout[] = [];

  const stateOf = (worker: OutboxWorker | null): SyncStatus['state'] => {
    if (!worker) return config?.hubToken && deps.hubTrust ? 'hub_not_trusted' : 'not_configured';
    if (worker.blocked) return worker.blocked;
    if (deps.hubIdentity.current()) return 'hub_identity_mismatch';
    return worker.sending ? 'sending' : worker.online ? 'idle' : 'offline';
  };
  const status = (worker: OutboxWorker | null): SyncStatus => ({
    state: stateOf(worker),
    online: worker?.online ?? false,
    lastContactAt: lastContact,
    nextAttemptAt: worker?.nextAttemptAt?.toISOString() ?? null,
    queue: queue.counts(),
    retentionDays: RETENTION_DAYS,
    hubIdentityMismatch: deps.hubIdentity.current(),
  });

  if (!config || !hubId || !deps.hub) {
    if (config?.hubToken) deps.logger.warn('sync.token_malformed');
    for (const timer of timers) timer.unref();
    return {
      status: () => status(null),
      sendRound: async () => {
        const state = status(null).state;
        return { ok: false, reason: state === 'hub_not_trusted' ? state : 'not_configured' };
      },
      queue,
      close: () => {
        for (const timer of timers) clearInterval(timer);
      },
    };
  }

  const client = new HubClient({
    endpoint: deps.hub,
    identity: deps.hubIdentity,
    token: config.hubToken,
    hubId,
    appVersion: deps.appVersion,
    schemaVersion: SCHEMA_VERSION,
    timeoutMs: settings.requestTimeoutMs,
  });
  const onContact = (at: Date) => {
    lastContact = at.toISOString();
    if (at.getTime() - persistedAt >= CONTACT_PERSIST_MS) {
      persistedAt = at.getTime();
      writeLastContact(deps.db, at);
    }
  };
  const worker = new OutboxWorker(queue, client, {
    terminalId: config.terminalId,
    batchSize: settings.batchSize,
    maxBatchBytes: MAX_BODY_BYTES / 2,
    backoff: settings.backoff,
    idleMs: settings.idleMs,
    now: deps.now,
    logger: deps.logger,
    onContact,
  });

  let closed = false;
  let polling: ReturnType<typeof pollManifest> | null = null;
  const poll = () => {
    polling ??= pollManifest(client, assets, deps.logger, deps.now, () => closed, hooks.verifyItem)
      .then((result) => {
        if (result.ok && result.switched.length > 0 && !closed) hooks.onAssetsSwitched?.(result.switched);
        return result;
      })
      .finally(() => (polling = null));
    return polling;
  };
  // Connectivity comes from the hub's health body. Coming back online sends at once and fetches updates.
  const probe = async () => {
    const wasOnline = worker.online;
    const reachable = await client.probe();
    if (closed) return;
    if (reachable) onContact(deps.now());
    worker.online = reachable;
    if (reachable && !wasOnline) {
      worker.kick();
      void poll();
    }
  };
  const heartbeat = async () => {
    const counts = queue.counts();
    await client.heartbeat({
      appVersion: deps.appVersion,
      schemaVersion: SCHEMA_VERSION,
      queue: { pending: counts.pending, rejected: counts.rejected, quarantined: counts.quarantined },
      lastSyncAt: lastContact,
      printer: { status: 'unknown' },
      speech: { status: 'unknown' },
      ...hooks.heartbeatExtras?.(),
    });
  };
  timers.push(setInterval(() => void probe(), settings.probeMs));
  timers.push(setInterval(() => void poll(), settings.manifestMs));
  timers.push(setInterval(() => void heartbeat(), settings.heartbeatMs));
  for (const timer of timers) timer.unref();
  worker.start();
  void probe();

  return {
    status: () => status(worker),
    sendRound: async () => {
      const result = await worker.sendNow();
      if (worker.blocked) return { ok: false, reason: worker.blocked };
      if (result.failure?.kind === 'retry')
        return { ok: false, reason: deps.hubIdentity.current() ? 'hub_identity_mismatch' : 'offline' };
      return { ok: true, delivered: result.delivered, pending: queue.counts().pending };
    },
    queue,
    close: () => {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearInterval(timer);
      worker.halt();
      client.close();
      if (lastContact) writeLastContact(deps.db, new Date(lastContact));
    },
  };
}

import { createHash } from 'node:crypto';
import type { ManifestItem } from '../../common/sync/protocol';
import type { Logger } from '../../node_shared/logger';
import type { AssetStore } from './asset_store';
import type { HubClient } from './hub_client';

export type PollResult =
  | { ok: true; switched: ManifestItem[] }
  | { ok: false; reason: 'unreachable' | 'download_failed' | 'hash_mismatch' };

/**
 * Downlink: reads the hub's manifest, downloads every changed item into staging, verifies each against
 * the manifest's SHA-256 and size, and only when ALL changed items are verified switches them together.
 * A published version never changes, so an installed version is never downloaded again.
 */
export async function pollManifest(
  client: HubClient,
  assets: AssetStore,
  logger: Logger,
  now: () => Date,
  closed: () => boolean = () => false,
): Promise<PollResult> {
  const manifest = await client.manifest();
  if (!manifest.ok || closed()) return { ok: false, reason: 'unreachable' };
  const changed = manifest.value.items.filter((item) => assets.installed(item)?.state !== 'active');
  for (const item of changed) {
    const installed = assets.installed(item);
    // Bytes already here and verified (staged earlier, or the kept previous version) are not fetched again.
    if (installed && installed.state !== 'active' && installed.sha256 === item.sha256) continue;
    const body = await client.download(item);
    if (!body.ok || closed()) return { ok: false, reason: 'download_failed' };
    const sha256 = createHash('sha256').update(body.value).digest('hex');
    if (sha256 !== item.sha256 || body.value.length !== item.size) {
      logger.warn('sync.asset_hash_mismatch', { kind: item.kind, id: item.id, version: item.version });
      return { ok: false, reason: 'hash_mismatch' };
    }
    assets.putStaged(item, body.value, now());
  }
  if (changed.length > 0) {
    assets.switchTo(changed, now());
    logger.info('sync.assets_switched', { count: changed.length });
  }
  return { ok: true, switched: changed };
}

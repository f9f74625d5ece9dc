import { createHash } from 'node:crypto';
import { ok, type Result } from '../../common/result';
import type { ManifestItem } from '../../common/sync/protocol';
import type { Logger } from '../../node_shared/logger';
import type { AssetStore } from './asset_store';
import type { HubClient } from './hub_client';

export type PollResult =
  | { ok: true; switched: ManifestItem[] }
  | { ok: false; reason: 'unreachable' | 'download_failed' | 'hash_mismatch' };

/** A kind's own check of downloaded bytes (a sign pack's clips), after the hash matched. */
export type ItemVerifier = (item: ManifestItem, body: Buffer) => Result<void, string>;

/**
 * Downlink: reads the hub's manifest, downloads every changed item into staging, verifies each against
 * the manifest's SHA-256 and size, and only when ALL changed items are verified switches them together.
 * A published version never changes, so an installed version is never downloaded again. An item its kind's
 * verifier refuses is left out (logged) and the others still switch; it is tried again at the next poll.
 */
export async function pollManifest(
  client: HubClient,
  assets: AssetStore,
  logger: Logger,
  now: () => Date,
  closed: () => boolean = () => false,
  verify: ItemVerifier = () => ok(undefined),
): Promise<PollResult> {
  const manifest = await client.manifest();
  if (!manifest.ok || closed()) return { ok: false, reason: 'unreachable' };
  const changed: ManifestItem[] = [];
  for (const item of manifest.value.items.filter((listed) => assets.installed(listed)?.state !== 'active')) {
    const installed = assets.installed(item);
    // Bytes already here and verified (staged earlier, or the kept previous version) are not fetched again.
    if (installed && installed.state !== 'active' && installed.sha256 === item.sha256) {
      changed.push(item);
      continue;
    }
    const body = await client.download(item);
    if (!body.ok || closed()) return { ok: false, reason: 'download_failed' };
    const sha256 = createHash('sha256').update(body.value).digest('hex');
    if (sha256 !== item.sha256 || body.value.length !== item.size) {
      logger.warn('sync.asset_hash_mismatch', { kind: item.kind, id: item.id, version: item.version });
      return { ok: false, reason: 'hash_mismatch' };
    }
    const verified = verify(item, body.value);
    if (!verified.ok) {
      logger.warn('sync.item_refused', {
        kind: item.kind,
        id: item.id,
        version: item.version,
        reason: verified.error,
      });
      continue;
    }
    assets.putStaged(item, body.value, now());
    changed.push(item);
  }
  if (changed.length > 0) {
    assets.switchTo(changed, now());
    logger.info('sync.assets_switched', { count: changed.length });
  }
  return { ok: true, switched: changed };
}

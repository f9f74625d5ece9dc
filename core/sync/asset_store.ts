import type { ItemKind, ManifestItem } from '../../common/sync/protocol';
import type { KioskDatabase } from '../storage/database';

export interface InstalledAsset {
  kind: string;
  id: string;
  version: string;
  sha256: string;
  state: 'staged' | 'active' | 'previous';
}

/** Kinds whose every installed version stays: a draft keeps the template version it started on. */
const KEEP_ALL_VERSIONS: readonly string[] = ['template'] satisfies readonly ItemKind[];

/**
 * The `assets` table: downloads land as `staged`, and `switchTo` makes a set of verified versions
 * `active` in ONE transaction, demoting the old active version to `previous` (kept for rollback).
 */
export class AssetStore {
  private readonly find;
  private readonly stage;
  private readonly demote;
  private readonly activate;
  private readonly dropOldPrevious;
  private readonly listAll;

  constructor(private readonly db: KioskDatabase) {
    this.find = db.prepare(
      'SELECT kind, id, version, sha256, state FROM assets WHERE kind = ? AND id = ? AND version = ?',
    );
    this.stage = db.prepare(
      `INSERT INTO assets (kind, id, version, sha256, body, state, installed_at) VALUES (?, ?, ?, ?, ?, 'staged', ?)
       ON CONFLICT (kind, id, version) DO UPDATE SET sha256 = excluded.sha256, body = excluded.body,
         installed_at = excluded.installed_at WHERE assets.state = 'staged'`,
    );
    this.dropOldPrevious = db.prepare(
      `DELETE FROM assets WHERE kind = ? AND id = ? AND state = 'previous' AND version <> ?`,
    );
    this.demote = db.prepare(
      `UPDATE assets SET state = 'previous' WHERE kind = ? AND id = ? AND state = 'active'`,
    );
    this.activate = db.prepare(
      `UPDATE assets SET state = 'active', installed_at = ? WHERE kind = ? AND id = ? AND version = ? AND state IN ('staged', 'previous')`,
    );
    this.listAll = db.prepare(
      'SELECT kind, id, version, sha256, state FROM assets ORDER BY kind, id, installed_at',
    );
  }

  installed(item: Pick<ManifestItem, 'kind' | 'id' | 'version'>): InstalledAsset | null {
    return (this.find.get(item.kind, item.id, item.version) as InstalledAsset | undefined) ?? null;
  }

  /** Keeps verified bytes in staging until every changed item is there. */
  putStaged(item: ManifestItem, body: Buffer, at: Date): void {
    this.stage.run(item.kind, item.id, item.version, item.sha256, body, at.toISOString());
  }

  /** Makes all the given versions (staged, or kept as previous: a rollback) active at once. */
  switchTo(items: readonly ManifestItem[], at: Date): void {
    this.db.transaction(() => {
      for (const item of items) {
        if (!KEEP_ALL_VERSIONS.includes(item.kind))
          this.dropOldPrevious.run(item.kind, item.id, item.version);
        this.demote.run(item.kind, item.id);
        this.activate.run(at.toISOString(), item.kind, item.id, item.version);
      }
    })();
  }

  list(): InstalledAsset[] {
    return this.listAll.all() as InstalledAsset[];
  }
}

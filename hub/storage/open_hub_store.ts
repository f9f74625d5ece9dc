import type { HubStore } from './hub_store';
import { openPostgresHubStore } from './postgres_hub_store';
import { openSqliteHubStore } from './sqlite_hub_store';

/**
 * The hub store a deployment names: `--db postgres://…` (a province: several hub processes on one
 * PostgreSQL), else SQLite in the data folder (one city on one machine, the embedded default).
 */
export async function openHubStore(where: { dataDir: string; db?: string | undefined }): Promise<HubStore> {
  if (where.db === undefined) return openSqliteHubStore(where.dataDir);
  if (!/^postgres(ql)?:\/\//.test(where.db)) throw new Error('--db must be a postgres:// URL');
  return openPostgresHubStore(where.db);
}

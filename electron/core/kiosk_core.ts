import fs from 'node:fs';
import path from 'node:path';
import type { KioskConfig } from '../../common/config_schema';
import type { Provisioning } from '../../common/contract/system_methods';
import { AuditLog } from './audit_log';
import { loadConfig } from './config/load_config';
import { EventBus } from './event_bus';
import type { Logger } from './logger';
import { createDispatcher, type Dispatch, type Handlers } from './rpc/dispatcher';
import { openDatabase, SCHEMA_VERSION } from './storage/database';

export interface KioskCoreOptions {
  dataDir: string;
  configPath: string | undefined;
  appVersion: string;
  logger: Logger;
}

export interface KioskCore {
  dispatch: Dispatch;
  events: EventBus;
  config: KioskConfig | null;
  close(): void;
}

function diskFreeBytes(dir: string): number {
  const stats = fs.statfsSync(dir);
  return stats.bavail * stats.bsize;
}

/** The terminal info the renderer may see: no hub token. */
function provisioningOf(result: ReturnType<typeof loadConfig>): Provisioning {
  if (!result.ok) return { provisioned: false, problem: result.error };
  const { terminalId, centre, platformLevel, defaultLanguage, languages, screen, session, speech } = result.value;
  return {
    provisioned: true,
    terminal: { terminalId, centre, platformLevel, defaultLanguage, languages, screen, session, speech },
  };
}

/** Builds the kiosk core: plain Node services behind the validated RPC. Never imports Electron. */
export function createKioskCore(options: KioskCoreOptions): KioskCore {
  const { dataDir, logger } = options;
  fs.mkdirSync(dataDir, { recursive: true });
  const opened = openDatabase(path.join(dataDir, 'kiosk.sqlite'));
  if (!opened.ok) {
    throw new Error(`The database was written by a newer app (schema ${opened.error.found}).`);
  }
  const db = opened.value;
  const configResult = loadConfig(options.configPath);
  if (!configResult.ok) logger.warn('config.invalid', { kind: configResult.error.kind, field: configResult.error.field });
  const provisioning = provisioningOf(configResult);
  const audit = new AuditLog(db);
  const events = new EventBus();
  const startedAt = Date.now();

  const handlers: Handlers = {
    'system.health': () => ({
      appVersion: options.appVersion,
      schemaVersion: SCHEMA_VERSION,
      diskFreeBytes: diskFreeBytes(dataDir),
      provisioned: provisioning.provisioned,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    }),
    'system.provisioning': () => provisioning,
    'audit.record': ({ action, subject }) => ({ id: audit.record('visitor', action, subject) }),
  };

  return {
    dispatch: createDispatcher(handlers, logger),
    events,
    config: configResult.ok ? configResult.value : null,
    close: () => db.close(),
  };
}

import type { KioskConfig } from '../common/config_schema';
import type { Provisioning } from '../common/contract/system_methods';
import type { Logger } from '../node_shared/logger';
import type { AuditLog } from './audit_log';
import type { EventBus } from './event_bus';
import type { Printer } from './printing/printer';
import type { KioskDatabase } from './storage/database';

/** What every core service may use. Services get this object and return their RPC handlers. */
export interface CoreDeps {
  db: KioskDatabase;
  audit: AuditLog;
  events: EventBus;
  logger: Logger;
  dataDir: string;
  appVersion: string;
  /** Null when the terminal is not provisioned; `provisioning.problem` then says why. */
  config: KioskConfig | null;
  provisioning: Provisioning;
  /** The clock, injectable for tests. */
  now: () => Date;
  /** The printer (Electron or the dev host's Chromium); absent: prints report `no_printer`. */
  printer?: Printer;
}

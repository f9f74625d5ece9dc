import type { KioskConfig } from '../common/config_schema';
import type { Provisioning } from '../common/contract/system_methods';
import type { OrganisationProfile } from '../common/trust/organisation_profile';
import type { HubEndpoint } from '../node_shared/hub_request';
import type { Logger } from '../node_shared/logger';
import type { AuditLog } from './audit_log';
import type { EventBus } from './event_bus';
import type { CoreClock } from './pins/core_clock';
import type { Printer } from './printing/printer';
import type { KioskDatabase } from './storage/database';
import type { DiskReserve } from './storage/disk_reserve';
import type { HubIdentityWatch } from './trust/hub_identity_watch';
import type { HubTrustProblem } from './trust/hub_trust';

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
  /** The organisation profile shipped with the build (trusted hubs and release keys); null when unusable. */
  profile: OrganisationProfile | null;
  /** The provisioned hub as the profile pins it; null when not provisioned or not trusted (`hubTrust` says why). */
  hub: HubEndpoint | null;
  hubTrust: HubTrustProblem | null;
  hubIdentity: HubIdentityWatch;
  /** The wall clock, injectable for tests. */
  now: () => Date;
  /** Wall and monotonic time (durations such as lockouts are measured on the monotonic one). */
  clock: CoreClock;
  /** Free space on the data disk against the configured reserve. */
  disk: DiskReserve;
  /** The printer (Electron or the dev host's Chromium); absent: prints report `no_printer`. */
  printer?: Printer;
}

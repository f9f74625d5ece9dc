import path from 'node:path';
import type { KioskConfig } from '../common/config_schema';
import type { ConfigProblem, Provisioning } from '../common/contract/system_methods';
import type { Result } from '../common/result';
import type { OrganisationProfile } from '../common/trust/organisation_profile';
import type { HubEndpoint } from '../node_shared/hub_request';
import type { Logger } from '../node_shared/logger';
import { loadOrganisationProfile } from '../node_shared/organisation_profile_file';
import { assetsDir } from './assets_dir';
import { AuditLog } from './audit_log';
import { loadConfig } from './config/load_config';
import { EventBus } from './event_bus';
import { type CoreClock, clockOf } from './pins/core_clock';
import type { Printer } from './printing/printer';
import type { KioskDatabase } from './storage/database';
import type { KeyWrapper } from './storage/database_key';
import { type DiskReserve, diskReserve } from './storage/disk_reserve';
import { openKioskDatabase } from './storage/open_kiosk_database';
import { HubIdentityWatch } from './trust/hub_identity_watch';
import { type HubTrustProblem, trustedHubEndpoint } from './trust/hub_trust';

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

/** The terminal info the renderer may see: never the hub token. */
function provisioningOf(
  result: Result<KioskConfig, ConfigProblem>,
  profile: OrganisationProfile | null,
  testHooks: boolean,
): Provisioning {
  if (!result.ok) {
    const enrollmentHubs = (profile?.hubs ?? []).map(({ url, name }) => (name ? { url, name } : { url }));
    return { provisioned: false, problem: result.error, enrollmentHubs };
  }
  // Named one by one: whatever the config gains later (tokens, keys) stays out until listed here.
  const config = result.value;
  const { bilingual, idCardReader } = config;
  return {
    provisioned: true,
    terminal: {
      terminalId: config.terminalId,
      centre: config.centre,
      platformLevel: config.platformLevel,
      defaultLanguage: config.defaultLanguage,
      languages: config.languages,
      screen: config.screen,
      session: config.session,
      speech: config.speech,
      directory: config.directory,
      ...(bilingual === undefined ? {} : { bilingual }),
      ...(testHooks ? { testHooks } : {}),
      ...(idCardReader ? { idCardReader: { location: idCardReader.location } } : {}),
    },
  };
}

/** The reserve of an unprovisioned terminal (a provisioned one has its own, default the same). */
const DEFAULT_RESERVE_MB = 200;

/** How the core opens its dependencies (the rest of `KioskCoreOptions` goes to single services). */
export interface CoreDepsOptions {
  dataDir: string;
  configPath: string | undefined;
  /** The organisation profile shipped with the build; default: the bundled `assets/organisation_profile.json`. */
  profilePath?: string;
  appVersion: string;
  logger: Logger;
  /** The wall clock (tests set it). */
  now?: () => Date;
  /** Monotonic milliseconds (tests set it); lockouts and idle locks count on it. */
  monotonicMs?: () => number;
  printer?: Printer;
  /** The OS's protection of the database key (Electron `safeStorage`); without it the key file is owner-only. */
  keyWrapper?: KeyWrapper;
  /** Lets the renderer expose its speech log and call stats to e2e tests (dev host with KIOSK_TEST_HOOKS=1). */
  testHooks?: boolean;
}

/** Opens the database, loads the provisioning file and the organisation profile, and pins the hub. */
export function openCoreDeps(options: CoreDepsOptions): CoreDeps {
  const { dataDir, logger } = options;
  const now = options.now ?? (() => new Date());
  const db = openKioskDatabase(dataDir, { keyWrapper: options.keyWrapper, logger, now });
  const configResult = loadConfig(options.configPath);
  if (!configResult.ok)
    logger.warn('config.invalid', { kind: configResult.error.kind, field: configResult.error.field });
  const profileResult = loadOrganisationProfile(
    options.profilePath ?? path.join(assetsDir(), 'organisation_profile.json'),
  );
  if (!profileResult.ok)
    logger.error('profile.invalid', { kind: profileResult.error.kind, field: profileResult.error.field });
  const profile = profileResult.ok ? profileResult.value : null;
  const config = configResult.ok ? configResult.value : null;
  const hub = config ? trustedHubEndpoint(profile, config.hubUrl) : null;
  if (hub && !hub.ok) logger.error('hub.not_trusted', { reason: hub.error });
  return {
    db,
    audit: new AuditLog(db, now),
    events: new EventBus(),
    logger,
    dataDir,
    appVersion: options.appVersion,
    config,
    provisioning: provisioningOf(configResult, profile, options.testHooks === true),
    profile,
    hub: hub?.ok ? hub.value : null,
    hubTrust: hub && !hub.ok ? hub.error : null,
    hubIdentity: new HubIdentityWatch(logger, now),
    now,
    clock: clockOf(now, options.monotonicMs),
    disk: diskReserve(dataDir, config?.storage.reserveMb ?? DEFAULT_RESERVE_MB),
    ...(options.printer ? { printer: options.printer } : {}),
  };
}

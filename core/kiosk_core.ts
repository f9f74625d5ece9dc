import fs from 'node:fs';
import path from 'node:path';
import type { KioskConfig } from '../common/config_schema';
import type { ConfigProblem, Provisioning } from '../common/contract/system_methods';
import type { Result } from '../common/result';
import type { OrganisationProfile } from '../common/trust/organisation_profile';
import type { Logger } from '../node_shared/logger';
import { loadOrganisationProfile } from '../node_shared/organisation_profile_file';
import { assetsDir } from './assets_dir';
import { AuditLog } from './audit_log';
import { loadConfig } from './config/load_config';
import type { CoreDeps } from './core_deps';
import { speechProbeOf } from './diagnostics/speech_probe';
import { startTechnician, type TechnicianOptions } from './diagnostics/technician_service';
import { directoryHandlers } from './directory/directory_handlers';
import { EventBus } from './event_bus';
import { bundledTemplatesDir, formsHandlers, startForms } from './forms/forms_handlers';
import { fileTemplateSource } from './forms/template_registry';
import { printHandlers, startPrinting } from './printing/print_handlers';
import type { Printer } from './printing/printer';
import { createDispatcher, type Dispatch, type Handlers } from './rpc/dispatcher';
import type { MediaAnswer, MediaRequest } from './sign_language/clip_response';
import { startSignLanguage, verifySignPackItem } from './sign_language/sign_handlers';
import { speechHandlers, startSpeech } from './speech/speech_handlers';
import { startStaff } from './staff/staff_handlers';
import { openDatabase } from './storage/database';
import { publishedTemplateSource } from './sync/published_template_source';
import { syncHandlers } from './sync/sync_handlers';
import { createSyncService, type SyncTuning } from './sync/sync_service';
import { systemHandlers } from './system/system_handlers';
import { HubIdentityWatch } from './trust/hub_identity_watch';
import { trustedHubEndpoint } from './trust/hub_trust';
import { externalProviderHandlers } from './video/external_provider_handlers';
import type { ExternalViewPort } from './video/external_view_port';
import { loadTechnicianProgram } from './video/technician_program_file';
import { videoHandlers } from './video/video_handlers';

export interface KioskCoreOptions {
  dataDir: string;
  configPath: string | undefined;
  /** The organisation profile shipped with the build; default: the bundled `assets/organisation_profile.json`. */
  profilePath?: string;
  appVersion: string;
  logger: Logger;
  now?: () => Date;
  /** Devices and the updater from the Electron shell (technician mode, self-update). */
  technician?: Omit<TechnicianOptions, 'configPath'>;
  printer?: Printer;
  /** The Electron shell's restricted view for a contracted web video service (absent in the dev host). */
  externalView?: ExternalViewPort;
  /** Sync timings (tests shorten them); the worker runs only with a hub URL and token in the config. */
  sync?: Partial<SyncTuning>;
  /** Lets the renderer expose its speech log and call stats to e2e tests (dev host with KIOSK_TEST_HOOKS=1). */
  testHooks?: boolean;
}

export interface KioskCore {
  dispatch: Dispatch;
  /** Media the page loads by URL (sign-language clips); null for other paths. */
  media: (request: MediaRequest) => MediaAnswer | null;
  events: EventBus;
  deps: CoreDeps;
  close(): void;
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
  const {
    terminalId,
    centre,
    platformLevel,
    defaultLanguage,
    languages,
    screen,
    session,
    speech,
    bilingual,
  } = result.value;
  return {
    provisioned: true,
    terminal: {
      terminalId,
      centre,
      platformLevel,
      defaultLanguage,
      languages,
      screen,
      session,
      speech,
      ...(bilingual === undefined ? {} : { bilingual }),
      ...(testHooks ? { testHooks } : {}),
    },
  };
}

/**
 * Builds the kiosk core: plain Node services behind the validated RPC. Never imports Electron; the
 * Electron shell and the dev host are two transports in front of the same `dispatch`.
 */
export function createKioskCore(options: KioskCoreOptions): KioskCore {
  const { dataDir, logger } = options;
  fs.mkdirSync(dataDir, { recursive: true });
  const opened = openDatabase(path.join(dataDir, 'kiosk.sqlite'));
  if (!opened.ok) {
    throw new Error(`The database was written by a newer app (schema ${opened.error.found}).`);
  }
  const db = opened.value;
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
  const now = options.now ?? (() => new Date());
  const deps: CoreDeps = {
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
    ...(options.printer ? { printer: options.printer } : {}),
  };

  // Each service contributes the handlers of its methods; the type demands every contract method.
  const speech = startSpeech(deps);
  const technician = startTechnician(deps, {
    configPath: options.configPath,
    speech: speechProbeOf(speech),
    ...options.technician,
  });
  // Templates: the bundled files, then those the hub published (installed by the sync downlink).
  const bundled = bundledTemplatesDir();
  const forms = startForms(deps, [
    ...(fs.existsSync(bundled) ? [fileTemplateSource(bundled)] : []),
    publishedTemplateSource(db),
  ]);
  const sign = startSignLanguage(deps, (id, version) => forms.registry.get(id, version));
  const sync = createSyncService(deps, options.sync, {
    onAssetsSwitched: () => {
      forms.registry.reload();
      sign.library.reload();
    },
    verifyItem: verifySignPackItem,
    heartbeatExtras: technician.heartbeatExtras,
  });
  const staff = startStaff(deps, { forms, print: startPrinting(deps, forms), sync });
  const handlers: Handlers = {
    ...systemHandlers(deps),
    ...formsHandlers(deps, forms),
    ...printHandlers(startPrinting(deps, forms)),
    ...directoryHandlers(deps),
    ...speechHandlers(speech),
    ...technician.handlers,
    ...syncHandlers(sync),
    ...videoHandlers(deps),
    ...externalProviderHandlers(
      deps,
      options.externalView,
      loadTechnicianProgram(options.configPath, logger),
    ),
    ...staff.handlers,
    ...sign.handlers,
  };

  return {
    dispatch: createDispatcher(handlers, logger),
    media: sign.media,
    events: deps.events,
    deps,
    close: () => {
      sync.close();
      staff.close();
      technician.close();
      speech.close();
      db.close();
    },
  };
}

import fs from 'node:fs';
import { configHandlers } from './config/config_handlers';
import { provisioningHandlers } from './config/provisioning_handlers';
import { type CoreDeps, type CoreDepsOptions, openCoreDeps } from './core_deps';
import type { DiagnosticsDevices, SpeechProbe } from './diagnostics/device_ports';
import { heartbeatDeviceStatus } from './diagnostics/device_status';
import { resolveDevices } from './diagnostics/devices';
import { diagnosticsHandlers } from './diagnostics/diagnostics_handlers';
import { maintenanceHandlers } from './diagnostics/maintenance_handlers';
import { createMediaAccess } from './diagnostics/media_access';
import { speechProbeOf } from './diagnostics/speech_probe';
import { directoryHandlers, startDirectory } from './directory/directory_handlers';
import type { EventBus } from './event_bus';
import { bundledTemplatesDir, formsHandlers, startForms } from './forms/forms_handlers';
import { fileTemplateSource } from './forms/template_registry';
import { VisitorSession } from './forms/visitor_session';
import { idCardHandlers, startIdCard } from './idcard/id_card_handlers';
import type { IdCardReader } from './idcard/id_card_reader';
import { pinHandlers, startPinSessions } from './pins/pin_handlers';
import { printHandlers, startPrinting } from './printing/print_handlers';
import { spoolDirOf } from './printing/print_spool';
import { startRetentionSweeper } from './privacy/retention_sweeper';
import { createDispatcher, type Dispatch, type Handlers } from './rpc/dispatcher';
import type { MediaAnswer, MediaRequest } from './sign_language/clip_response';
import { signHandlers, startSignLanguage, verifySignPackItem } from './sign_language/sign_handlers';
import { speechHandlers, startSpeech } from './speech/speech_handlers';
import { draftAssistHandlers } from './staff/draft_assist';
import { staffActionHandlers } from './staff/staff_actions';
import { staffAlertHandlers } from './staff/staff_alerts';
import { staffActorOf, startStaffDesk } from './staff/staff_desk';
import { staffViewHandlers } from './staff/staff_views';
import { statusHandlers } from './status/status_handlers';
import { publishedTemplateSource } from './sync/published_template_source';
import { syncHandlers } from './sync/sync_handlers';
import { createSyncService, type SyncTuning } from './sync/sync_service';
import { AfterFirstScreen } from './system/after_first_screen';
import { systemHandlers } from './system/system_handlers';
import type { UpdateInstaller } from './updates/update_installer';
import { startUpdates, updatesHandlers } from './updates/updates_feature';
import { externalProviderHandlers } from './video/external_provider_handlers';
import type { ExternalViewPort } from './video/external_view_port';
import { loadTechnicianProgram } from './video/technician_program_file';
import { videoHandlers } from './video/video_handlers';

/** Devices and the updater from the Electron shell (technician mode, self-update). */
export interface TechnicianOptions {
  /** Real devices from the Electron shell; the dev host uses fakes with `KIOSK_FAKE_DEVICES=1`. */
  devices?: Partial<DiagnosticsDevices> | undefined;
  /** electron-updater behind an interface (shell); none: this build does not update itself. */
  installer?: UpdateInstaller | undefined;
}

export interface KioskCoreOptions extends CoreDepsOptions {
  technician?: TechnicianOptions;
  /** The Electron shell's restricted view for a contracted web video service (absent in the dev host). */
  externalView?: ExternalViewPort;
  /** How often expired data is erased while running (default every minute; tests shorten it). */
  sweepMs?: number;
  /** Sync timings (tests shorten them); the worker runs only with a hub URL and token in the config. */
  sync?: Partial<SyncTuning>;
  /** Replaces the ID card reader the provisioning names (tests). */
  idCardReader?: IdCardReader;
}

export interface KioskCore {
  dispatch: Dispatch;
  /** Media the page loads by URL (sign-language clips); null for other paths. */
  media: (request: MediaRequest) => MediaAnswer | null;
  events: EventBus;
  deps: CoreDeps;
  close(): void;
}

/**
 * Builds the kiosk core: plain Node services behind the validated RPC. Never imports Electron; the
 * Electron shell and the dev host are two transports in front of the same `dispatch`.
 *
 * One wiring style: first the services (each `start…(deps, …)` returns an object with what others need and
 * its `close`), then the handlers (each `…Handlers(deps, parts)` returns the methods of one job); the
 * `Handlers` type demands every contract method exactly once.
 */
export function createKioskCore(options: KioskCoreOptions): KioskCore {
  const deps = openCoreDeps(options);
  const { db, config } = deps;
  const technicianOptions = options.technician ?? {};

  // Services.
  const pins = startPinSessions(deps);
  const visitor = new VisitorSession();
  // Background work (speech pre-render, warming the printer, directory spellings) waits for the first screen.
  const afterFirstScreen = new AfterFirstScreen(deps.logger);
  const speech = startSpeech(deps, afterFirstScreen);
  const warmPrinter = options.printer?.warm?.bind(options.printer);
  if (warmPrinter) afterFirstScreen.add('printer.warm', warmPrinter);
  const speechProbe: SpeechProbe = speechProbeOf(speech);
  const devices = resolveDevices(technicianOptions.devices);
  const mediaAccess = createMediaAccess(deps.events);
  const updates = startUpdates(deps, technicianOptions.installer);
  // Templates: the bundled files, then those the hub published (installed by the sync downlink).
  const bundled = bundledTemplatesDir();
  const forms = startForms(deps, [
    ...(fs.existsSync(bundled) ? [fileTemplateSource(bundled)] : []),
    publishedTemplateSource(db),
  ]);
  const print = startPrinting(deps, forms);
  const idCard = startIdCard(deps, forms, visitor, options.idCardReader);
  const sweeper = startRetentionSweeper(deps, forms.drafts, spoolDirOf(deps.dataDir), options.sweepMs);
  const directory = startDirectory(deps, afterFirstScreen);
  const sign = startSignLanguage(deps, (id, version) => forms.registry.get(id, version));
  const sync = createSyncService(deps, options.sync, {
    onAssetsSwitched: (items) => {
      forms.registry.reload();
      sign.library.reload();
      if (items.some((item) => item.kind === 'directory')) void directory.warm();
    },
    verifyItem: verifySignPackItem,
    heartbeatExtras: heartbeatDeviceStatus(
      devices,
      speechProbe,
      config?.printer.name ?? '',
      updates.record,
      idCard,
    ),
  });
  const desk = startStaffDesk(deps, forms);

  // Handlers, one job each.
  const handlers: Handlers = {
    ...systemHandlers(deps, afterFirstScreen),
    ...pinHandlers(deps, {
      staff: pins.staff,
      technician: pins.technician,
      staffActor: staffActorOf(deps),
      onTechnicianLock: () => mediaAccess.closeAll(),
    }),
    ...formsHandlers(deps, forms, visitor),
    ...idCardHandlers(idCard, visitor),
    ...printHandlers(print, visitor),
    ...directoryHandlers(deps, directory),
    ...speechHandlers(speech),
    ...diagnosticsHandlers(deps, { devices, speech: speechProbe, updates, mediaAccess, idCard }),
    ...configHandlers(deps, options.configPath),
    ...maintenanceHandlers(deps, devices, updates),
    ...provisioningHandlers(deps, options.configPath, devices),
    ...updatesHandlers(updates),
    ...syncHandlers(sync),
    ...videoHandlers(deps),
    ...externalProviderHandlers(
      deps,
      options.externalView,
      loadTechnicianProgram(options.configPath, deps.logger),
    ),
    ...staffViewHandlers(deps, forms, desk),
    ...staffActionHandlers(desk, print, sync, deps.now),
    ...draftAssistHandlers(forms, desk, visitor),
    ...staffAlertHandlers(deps),
    ...statusHandlers(deps, visitor, idCard),
    ...signHandlers(sign),
  };

  return {
    dispatch: createDispatcher(handlers, pins.gate, deps.logger),
    media: sign.media,
    events: deps.events,
    deps,
    close: () => {
      afterFirstScreen.close();
      sync.close();
      sweeper.close();
      desk.marks.close();
      mediaAccess.closeAll();
      updates.close();
      speech.close();
      void idCard.close();
      db.close();
    },
  };
}

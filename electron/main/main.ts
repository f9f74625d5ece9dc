import path from 'node:path';
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  powerSaveBlocker,
  protocol,
  safeStorage,
  session,
  WebContentsView,
} from 'electron';
import { AppImageUpdater, NsisUpdater } from 'electron-updater';
import { onTechnicianMediaChange } from '../../core/diagnostics/media_access';
import { createKioskCore, type KioskCore } from '../../core/kiosk_core';
import { onCallScreenChange } from '../../core/video/call_screen_signal';
import { createLogger } from '../../node_shared/logger';
import { registerAppScheme, serveApp } from './app_protocol';
import { coreAdapters } from './core_adapters';
import { CRASH_PAGE_PATH, crashCode } from './crash_page';
import { createCrashRecovery, DEFAULT_CRASH_LIMIT, isAbnormalExit } from './crash_recovery';
import { createExternalView } from './external_view';
import { bindIpc } from './ipc_binding';
import { createKioskWindow } from './kiosk_window';
import { resolveLaunchOptions } from './launch_options';
import { createRotatingLogWriter } from './log_file';
import { APP_ORIGIN, APP_START_URL } from './navigation_policy';
import { safeStorageKeyWrapper } from './os_key_wrapper';
import { createPermissionPolicy } from './permission_policy';
import { keepDisplayAwake } from './power';
import { createSelfUpdateInstaller, feedPlatform } from './self_update';
import { hardenSession } from './session_hardening';
import { guardWebContents } from './web_contents_guards';

/** Camera and microphone stay denied until the video-call screen switches this policy on. */
const permissions = createPermissionPolicy();
/** The contracted web video service's restricted view, shown inside the kiosk window (`video.external`). */
let kioskWindow: BrowserWindow | null = null;
const externalView = createExternalView({
  host: () => kioskWindow,
  fromPartition: (partition) => session.fromPartition(partition),
  View: WebContentsView,
});

// JSON lines to <userData>/logs (the technician's log export collects them) and to stderr.
const writeLogFile = createRotatingLogWriter({ dir: path.join(app.getPath('userData'), 'logs') });
const logger = createLogger((line) => {
  writeLogFile(line);
  process.stderr.write(`${line}\n`);
});
let quitting = false;

function start(): void {
  const launch = resolveLaunchOptions(process.argv, process.env, app.getPath('userData'));
  const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');
  // Core services find bundled assets (fonts, audio packs, templates) here, inside the asar when packaged.
  process.env.KIOSK_ASSETS_DIR ??= path.join(app.getAppPath(), 'assets');

  Menu.setApplicationMenu(null);
  hardenSession(session.defaultSession, permissions);
  // The bridge runs only in the app's own pages (bundled next to this file by scripts/build_electron.mjs).
  session.defaultSession.registerPreloadScript({
    type: 'frame',
    id: 'kiosk-bridge',
    filePath: path.join(__dirname, 'preload.cjs'),
    matches: [`${APP_ORIGIN}/*`],
  });
  let core: KioskCore | undefined;
  serveApp(protocol, rendererRoot, path.join(__dirname, 'static'), () => core?.media ?? (() => null));

  const window = createKioskWindow({ technician: launch.technician, quitting: () => quitting });
  kioskWindow = window;
  // Windows logging off or shutting down must not be blocked by the kiosk's refusal to close.
  window.on('session-end', () => {
    quitting = true;
  });
  const crashes = createCrashRecovery({ ...DEFAULT_CRASH_LIMIT, now: Date.now });
  const showCrashPage = (code: string) =>
    void window.loadURL(`${APP_ORIGIN}${CRASH_PAGE_PATH}?code=${encodeURIComponent(code)}`);
  const recover = (source: string, reason: string) => {
    const action = crashes.record();
    logger.error('shell.process_gone', { source, reason, action, count: crashes.recentCount() });
    if (window.isDestroyed()) return;
    if (action === 'show_error') showCrashPage(crashCode(source, reason, crashes.recentCount()));
    else void window.loadURL(APP_START_URL);
  };
  window.webContents.on('render-process-gone', (_event, details) => recover('renderer', details.reason));
  app.on('child-process-gone', (_event, details) => {
    if (isAbnormalExit(details.reason)) recover(details.type, details.reason);
  });

  const updatePlatform = feedPlatform(process.platform, process.arch, process.env, app.isPackaged);
  const adapters = coreAdapters({
    printerList: () => window.webContents,
    dataDir: launch.dataDir,
    logger,
    config: () => core?.deps.config ?? null,
    // Relaunch, then quit normally so the core closes its database first.
    restart: () => {
      app.relaunch();
      app.quit();
    },
    installer: createSelfUpdateInstaller({
      createUpdater: () => (updatePlatform === 'win' ? new NsisUpdater() : new AppImageUpdater()),
      platform: updatePlatform,
      // quitAndInstall closes the windows before before-quit fires: lift the close guard first.
      schedule: (task) =>
        setImmediate(() => {
          quitting = true;
          task();
        }),
    }),
  });
  try {
    core = createKioskCore({
      dataDir: launch.dataDir,
      configPath: launch.configPath,
      // The trust anchors come with the build: an extra resource next to app.asar (electron-builder.yml).
      profilePath: app.isPackaged
        ? path.join(process.resourcesPath, 'organisation_profile.json')
        : path.join(app.getAppPath(), 'assets', 'organisation_profile.json'),
      appVersion: app.getVersion(),
      logger,
      externalView,
      // safeStorage is usable only after app ready, which start() runs after.
      keyWrapper: safeStorageKeyWrapper(safeStorage, logger),
      ...adapters,
    });
  } catch (error) {
    // A database from a newer app or an unwritable data dir: staff see the error page, never a blank one.
    logger.error('shell.core_failed', { error: error instanceof Error ? error.name : 'unknown' });
    showCrashPage(crashCode('core', 'start-failed', 1));
    return;
  }
  const unbind = bindIpc({
    ipcMain,
    dispatch: core.dispatch,
    events: core.events,
    target: window.webContents,
    logger,
  });
  const unwatchCallScreen = onCallScreenChange(core.events, (active) =>
    permissions.setCallScreenActive(active),
  );
  const unwatchTechnicianMedia = onTechnicianMediaChange(core.events, (active) =>
    permissions.setTechnicianMediaActive(active),
  );
  const allowSleep = keepDisplayAwake(powerSaveBlocker);
  app.once('will-quit', () => {
    unbind();
    unwatchCallScreen();
    unwatchTechnicianMedia();
    allowSleep();
    core.close();
  });
  void window.loadURL(APP_START_URL);
}

registerAppScheme(protocol);
// The external view's pages follow its allow-list; every other page stays on app://kiosk.
app.on('web-contents-created', (_event, contents) =>
  guardWebContents(contents, externalView.navigationRuleFor(contents) ?? undefined),
);

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    // A second launch (e.g. the OS autostart firing twice) just brings the existing kiosk to the front.
    for (const window of BrowserWindow.getAllWindows()) window.focus();
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => {
    logger.error('shell.start_failed', { error: error instanceof Error ? error.name : 'unknown' });
    app.exit(1);
  });
} else {
  app.quit();
}

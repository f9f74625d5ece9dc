import { BrowserWindow } from 'electron';
import { shouldBlockKey } from './shortcut_filter';

export interface KioskWindowOptions {
  technician: boolean;
  /** True once the app itself is quitting; until then closing (Alt+F4, OS close) is refused. */
  quitting: () => boolean;
}

/**
 * The one full-screen kiosk window. webPreferences stay an inline literal so scanners (and reviewers) see
 * every security switch where the window is made. The preload is not set here: the session registers it
 * for `app://kiosk/*` pages only (see main.ts), so no foreign page could ever receive the bridge.
 */
export function createKioskWindow(options: KioskWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    kiosk: true,
    fullscreen: true,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.technician,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = window.webContents;
  contents.on('before-input-event', (event, input) => {
    if (shouldBlockKey(input, { technician: options.technician })) event.preventDefault();
  });
  // Ctrl+wheel zoom cannot be cancelled, only undone; text size is the accessibility bar's job.
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
  window.on('close', (event) => {
    if (!options.quitting()) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  return window;
}

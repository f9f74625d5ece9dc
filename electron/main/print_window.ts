import { BrowserWindow, type WebContents } from 'electron';
import type { PrintPorts, PrintSurface } from './electron_printer';

/** Chromium refuses longer URLs; a printed document is far smaller, anything bigger is refused. */
const MAX_DATA_URL = 2 * 1024 * 1024;

/**
 * The print renderer: one hidden window, kept warm and reused for every document. No JavaScript, sandboxed,
 * an opaque `data:` origin per document (so the kiosk bridge, registered for app://kiosk only, never loads
 * there) and the same navigation guards as every other webContents. A crashed renderer marks it gone.
 */
function openPrintSurface(): PrintSurface {
  const window = new BrowserWindow({
    show: false,
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
      javascript: false,
      devTools: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = window.webContents;
  let crashed = false;
  contents.on('render-process-gone', () => {
    crashed = true;
  });
  return {
    async load(html) {
      const url = `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
      if (url.length > MAX_DATA_URL) throw new RangeError('document too large to print');
      await window.loadURL(url);
    },
    print: (options) =>
      new Promise((resolve) =>
        contents.print(options, (success, failureReason) => resolve({ success, failureReason })),
      ),
    printToPdf: async (pageSize) =>
      new Uint8Array(
        await contents.printToPDF({
          pageSize,
          printBackground: true,
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
        }),
      ),
    get gone() {
      return crashed || window.isDestroyed();
    },
    destroy: () => {
      if (!window.isDestroyed()) window.destroy();
    },
  };
}

export function electronPrintPorts(printerList: () => WebContents): PrintPorts {
  return {
    // Electron types the platform options as an empty interface; they are string key/values (CUPS attributes).
    listPrinters: async () =>
      (await printerList().getPrintersAsync()).map((info) => ({
        name: info.name,
        options: info.options as Record<string, string>,
      })),
    openSurface: async () => openPrintSurface(),
  };
}

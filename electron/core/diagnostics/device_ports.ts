import type { Language } from '../../../common/languages';

export type DeviceStatus = 'ok' | 'degraded' | 'offline' | 'unknown';

export interface PrinterInfo {
  name: string;
  isDefault: boolean;
  status: DeviceStatus;
}

/** The printers the OS knows (Electron: `webContents.getPrintersAsync`) and a test page on one of them. */
export interface PrinterInventory {
  list(): Promise<PrinterInfo[]>;
  printTestPage(
    printer: string,
  ): Promise<{ ok: true } | { ok: false; reason: 'not_found' | 'offline' | 'failed' }>;
}

export interface SpeechProbeStatus {
  status: DeviceStatus;
  engine: string;
  /** Which languages can be spoken (voice or audio pack). */
  languages: { language: Language; available: boolean }[];
}

/** The speech engine's state (wraps the speech service's `status()`). */
export interface SpeechProbe {
  status(): Promise<SpeechProbeStatus>;
}

export type MediaDevice = 'camera' | 'microphone';
export type MediaTestResult = { status: 'ok'; label: string } | { status: 'not_found' | 'denied' | 'failed' };

/** Opens the camera or microphone briefly (Electron: a hidden window's getUserMedia) and closes it again. */
export interface MediaTester {
  test(device: MediaDevice): Promise<MediaTestResult>;
}

/** Asks the shell to restart the app (Electron: `app.relaunch(); app.exit(0)`). */
export interface RestartRequester {
  requestRestart(): Promise<void>;
}

/** Every device the technician screen tests, as the shell (or the dev host's fakes) provides them. */
export interface DiagnosticsDevices {
  printers: PrinterInventory;
  speech: SpeechProbe | null;
  media: MediaTester;
  restart: RestartRequester;
}

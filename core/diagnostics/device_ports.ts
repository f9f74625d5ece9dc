import type { SpeechEngineFault } from '../../common/contract/speech_methods';
import type { Language } from '../../common/languages';

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
  /** Why speech is degraded (`engine_missing`: no engine installed); null when it is not. */
  reason: SpeechEngineFault | null;
  engine: string;
  /** Which languages can be spoken (voice or audio pack). */
  languages: { language: Language; available: boolean }[];
}

/** The speech engine's state (wraps the speech service's `status()`). */
export interface SpeechProbe {
  status(): Promise<SpeechProbeStatus>;
}

/** Asks the shell to restart the app (Electron: `app.relaunch(); app.exit(0)`). */
export interface RestartRequester {
  requestRestart(): Promise<void>;
}

/** Every device the technician screen tests through the core, as the shell (or the dev host's fakes) provides
 * them. Camera and microphone are tested in the renderer itself (getUserMedia, `media_check.tsx`). */
export interface DiagnosticsDevices {
  printers: PrinterInventory;
  speech: SpeechProbe | null;
  restart: RestartRequester;
}

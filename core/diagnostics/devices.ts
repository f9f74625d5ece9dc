import type { DiagnosticsDevices } from './device_ports';
import { createFakeDevices, NO_DEVICES } from './fake_devices';

/** The devices the technician tests: the shell's real ones, else fakes with `KIOSK_FAKE_DEVICES=1`, else none. */
export function resolveDevices(real: Partial<DiagnosticsDevices> | undefined): DiagnosticsDevices {
  const fallback = process.env.KIOSK_FAKE_DEVICES === '1' ? createFakeDevices({ delayMs: 300 }) : NO_DEVICES;
  return { ...fallback, ...real };
}

/** Whether the shell can restart the app (the build without device access cannot). */
export function canRestart(devices: DiagnosticsDevices): boolean {
  return devices.restart !== NO_DEVICES.restart;
}

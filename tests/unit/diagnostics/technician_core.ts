import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFakeDevices } from '../../../core/diagnostics/fake_devices';
import { createKioskCore, type KioskCore } from '../../../core/kiosk_core';
import { hashPin } from '../../../core/pins/pin_hash';
import { createMemoryLogger } from '../../../node_shared/logger';
import { writeTestProfile } from '../../support/test_pki';

export const PIN = '246810';
const PIN_HASH = hashPin(PIN);
export const HUB_TOKEN = 'hub1.secret-token-never-shown-0123456789';

export interface TestCore {
  core: KioskCore;
  configPath: string;
  dataDir: string;
  devices: ReturnType<typeof createFakeDevices>;
  clock: { now: number };
  // biome-ignore lint/suspicious/noExplicitAny: results of many methods, asserted by each test
  call(method: string, args?: unknown): Promise<any>;
  close(): void;
}

/**
 * A real kiosk core (real dispatcher, SQLite, config file) with fake devices and a settable clock; its
 * organisation profile trusts the configured hub.
 */
export function startTestCore(overrides: Record<string, unknown> = {}): TestCore {
  process.env.KIOSK_SPEECH_PRERENDER = '0';
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'technician-'));
  const sample = JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../../assets/config.sample.json'), 'utf8'),
  );
  const configPath = path.join(root, 'kiosk.json');
  const config = { ...sample, technicianPinHash: PIN_HASH, hubToken: HUB_TOKEN, ...overrides };
  fs.writeFileSync(configPath, JSON.stringify(config, null, 2));
  const devices = createFakeDevices({ delayMs: 1 });
  const clock = { now: Date.parse('2026-11-28T10:00:00Z') };
  const dataDir = path.join(root, 'data');
  const core = createKioskCore({
    dataDir,
    configPath,
    profilePath: writeTestProfile(root, typeof config.hubUrl === 'string' ? [config.hubUrl] : []),
    appVersion: '1.0.0',
    logger: createMemoryLogger(),
    now: () => new Date(clock.now),
    // One settable clock for wall and monotonic time (idle locks and lockouts count on the latter).
    monotonicMs: () => clock.now,
    technician: { devices },
  });
  return {
    core,
    configPath,
    dataDir,
    devices,
    clock,
    call: async (method, args = {}) => {
      const response = await core.dispatch(method, args);
      if (!response.ok) return { rpcError: response.error };
      return response.value;
    },
    close: () => {
      core.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

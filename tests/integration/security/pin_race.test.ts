import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../../core/pins/pin_hash';
import { PROJECT_ROOT, type RunningDevHost, startDevHost } from '../../e2e/support/dev_host';

const TECHNICIAN_PIN = '731942';
const GUESSES = 300;

describe('PIN guesses in parallel against a real dev host', () => {
  let host: RunningDevHost;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pin-race-'));
    const sample = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'assets/config.sample.json'), 'utf8'));
    const configPath = path.join(dir, 'kiosk.json');
    fs.writeFileSync(configPath, JSON.stringify({ ...sample, technicianPinHash: hashPin(TECHNICIAN_PIN) }));
    host = await startDevHost({ configPath, dataDir: path.join(dir, 'data') });
  }, 60_000);
  afterAll(async () => {
    await host?.stop();
  });

  const unlock = async (pin: string) => {
    const response = await fetch(`${host.origin}/rpc`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'technician.unlock', args: { pin } }),
    });
    return ((await response.json()) as { value: { reason: string } }).value.reason;
  };

  it(`evaluates only the 5 free tries of ${GUESSES} simultaneous guesses; the right PIN among them is refused`, async () => {
    // Wrong guesses, with the right PIN in the middle: a race that evaluates every guess would unlock.
    const pins = Array.from({ length: GUESSES }, (_, i) => String(100000 + i));
    pins[GUESSES / 2] = TECHNICIAN_PIN;
    const reasons = await Promise.all(pins.map(unlock));
    const evaluated = reasons.filter((reason) => reason !== 'locked_out');
    expect(evaluated.length).toBeLessThanOrEqual(5);
    expect(reasons).not.toContain('unlocked');
    expect(reasons.filter((reason) => reason === 'locked_out').length).toBeGreaterThanOrEqual(GUESSES - 5);
    // Still locked: the right PIN now is refused without being checked.
    expect(await unlock(TECHNICIAN_PIN)).toBe('locked_out');
  }, 120_000);
});

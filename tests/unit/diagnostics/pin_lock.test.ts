import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../../common/config_schema';
import { hashPin, verifyPin } from '../../../core/pins/pin_hash';
import { PinLock, settingsPinLockStore } from '../../../core/pins/pin_lock';
import { openDatabase } from '../../../core/storage/database';

function openDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pin-lock-'));
  const opened = openDatabase(path.join(dir, 'kiosk.sqlite'));
  if (!opened.ok) throw new Error('db');
  return opened.value;
}

describe('PIN lockout', () => {
  it('allows 5 tries, then locks 15 s, doubling with every further wrong PIN', () => {
    let now = Date.parse('2026-11-28T10:00:00Z');
    const lock = new PinLock(settingsPinLockStore(openDb(), 'technician'), () => new Date(now));
    expect([lock.fail(), lock.fail(), lock.fail(), lock.fail()]).toEqual([4, 3, 2, 1]);
    expect(lock.check()).toEqual({ allowed: true });
    expect(lock.fail()).toBe(0);
    expect(lock.check()).toEqual({ allowed: false, retryAfterMs: 15_000 });
    now += 14_999;
    expect(lock.check().allowed).toBe(false);
    now += 1;
    expect(lock.check()).toEqual({ allowed: true });
    lock.fail();
    expect(lock.check()).toEqual({ allowed: false, retryAfterMs: 30_000 });
    now += 30_000;
    lock.fail();
    expect(lock.check()).toEqual({ allowed: false, retryAfterMs: 60_000 });
    now += 60_000;
    lock.succeed();
    expect(lock.check()).toEqual({ allowed: true });
    expect(lock.fail()).toBe(4);
  });

  it('keeps counting across a restart (state in the settings table), per PIN name', () => {
    const db = openDb();
    const clock = () => new Date('2026-11-28T10:00:00Z');
    const first = new PinLock(settingsPinLockStore(db, 'technician'), clock);
    for (let i = 0; i < 5; i++) first.fail();
    const afterRestart = new PinLock(settingsPinLockStore(db, 'technician'), clock);
    expect(afterRestart.check().allowed).toBe(false);
    expect(new PinLock(settingsPinLockStore(db, 'staff'), clock).check().allowed).toBe(true);
  });

  it('caps the lockout at one hour', () => {
    let now = 0;
    const lock = new PinLock(settingsPinLockStore(openDb(), 'technician'), () => new Date(now));
    for (let i = 0; i < 40; i++) {
      lock.fail();
      const check = lock.check();
      if (!check.allowed) {
        expect(check.retryAfterMs).toBeLessThanOrEqual(3_600_000);
        now += check.retryAfterMs;
      }
    }
  });
});

describe('PIN hash', () => {
  it('verifies the right PIN only, and fits the provisioning schema', async () => {
    const hash = hashPin('482913');
    expect(await verifyPin('482913', hash)).toBe(true);
    expect(await verifyPin('482914', hash)).toBe(false);
    expect(hash).not.toContain('482913');
    expect(kioskConfigSchema.shape.technicianPinHash.safeParse(hash).success).toBe(true);
    expect(hashPin('482913')).not.toBe(hash);
  });

  it('never matches a malformed or absurdly expensive stored hash', async () => {
    const [, , , , salt, digest] = hashPin('1234').split('$');
    for (const stored of [
      '',
      '1234',
      'scrypt$1$1',
      `scrypt$1048576$8$1$${salt}$${digest}`,
      `scrypt$3$8$1$${salt}$${digest}`,
    ]) {
      expect(await verifyPin('1234', stored)).toBe(false);
    }
  });
});

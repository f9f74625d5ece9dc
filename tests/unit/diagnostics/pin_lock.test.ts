import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../../common/config_schema';
import { clockOf } from '../../../core/pins/core_clock';
import { hashPin, verifyPin } from '../../../core/pins/pin_hash';
import { PinLock, settingsPinLockStore } from '../../../core/pins/pin_lock';
import { openDatabase } from '../../../core/storage/database';
import { TEST_KEY } from '../../support/kiosk_database';

function openDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pin-lock-'));
  const opened = openDatabase(path.join(dir, 'kiosk.sqlite'), TEST_KEY);
  if (!opened.ok) throw new Error('db');
  return opened.value;
}

/** A test clock: wall and monotonic time move together unless a test jumps the wall clock alone. */
function testClock(start = Date.parse('2026-11-28T10:00:00Z')) {
  const t = { wall: start, mono: 1_000 };
  return {
    t,
    advance: (ms: number) => {
      t.wall += ms;
      t.mono += ms;
    },
    clock: clockOf(
      () => new Date(t.wall),
      () => t.mono,
    ),
  };
}

describe('PIN lockout', () => {
  it('allows 5 tries, then locks 15 s, doubling with every further wrong PIN', () => {
    const { clock, advance } = testClock();
    const lock = new PinLock(settingsPinLockStore(openDb(), 'technician'), clock);
    const tries = () => {
      const attempt = lock.reserve();
      return attempt.allowed ? attempt.triesLeft : -1;
    };
    expect([tries(), tries(), tries(), tries()]).toEqual([4, 3, 2, 1]);
    expect(lock.check()).toEqual({ allowed: true, triesLeft: 1 });
    expect(tries()).toBe(0);
    expect(lock.check()).toEqual({ allowed: false, retryAfterMs: 15_000 });
    advance(14_999);
    expect(lock.check().allowed).toBe(false);
    advance(1);
    expect(lock.check()).toMatchObject({ allowed: true });
    lock.reserve();
    expect(lock.check()).toEqual({ allowed: false, retryAfterMs: 30_000 });
    advance(30_000);
    lock.reserve();
    expect(lock.check()).toEqual({ allowed: false, retryAfterMs: 60_000 });
    advance(60_000);
    lock.succeed();
    expect(lock.check()).toMatchObject({ allowed: true });
    expect(tries()).toBe(4);
  });

  it('keeps counting across a restart (state in the settings table), per PIN name', () => {
    const db = openDb();
    const { clock } = testClock();
    const first = new PinLock(settingsPinLockStore(db, 'technician'), clock);
    for (let i = 0; i < 5; i++) first.reserve();
    const afterRestart = new PinLock(settingsPinLockStore(db, 'technician'), clock);
    expect(afterRestart.check().allowed).toBe(false);
    expect(new PinLock(settingsPinLockStore(db, 'staff'), clock).check().allowed).toBe(true);
  });

  it('caps the lockout at one hour', () => {
    const { clock, advance } = testClock(0);
    const lock = new PinLock(settingsPinLockStore(openDb(), 'technician'), clock);
    for (let i = 0; i < 40; i++) {
      lock.reserve();
      const check = lock.check();
      if (!check.allowed) {
        expect(check.retryAfterMs).toBeLessThanOrEqual(3_600_000);
        advance(check.retryAfterMs);
      }
    }
  });

  it('refuses every attempt beyond the free ones before any PIN is checked (reserved, not recorded after)', () => {
    const { clock } = testClock();
    const lock = new PinLock(settingsPinLockStore(openDb(), 'staff'), clock);
    const attempts = Array.from({ length: 300 }, () => lock.reserve());
    expect(attempts.filter((attempt) => attempt.allowed)).toHaveLength(5);
  });

  it('counts a lockout on the monotonic clock: a wall-clock jump neither ends nor lengthens it', () => {
    const db = openDb();
    const { t, clock, advance } = testClock();
    const lock = new PinLock(settingsPinLockStore(db, 'technician'), clock);
    for (let i = 0; i < 5; i++) lock.reserve();
    t.wall += 10 * 365 * 86_400_000;
    expect(lock.check()).toEqual({ allowed: false, retryAfterMs: 15_000 });
    t.wall -= 20 * 365 * 86_400_000;
    expect(lock.check()).toEqual({ allowed: false, retryAfterMs: 15_000 });
    // A restart while the wall clock is 10 years behind: the lockout is at most its own 15 s.
    const restarted = new PinLock(settingsPinLockStore(db, 'technician'), clock);
    const check = restarted.check();
    expect(check.allowed).toBe(false);
    expect(!check.allowed && check.retryAfterMs).toBeLessThanOrEqual(15_000);
    advance(15_000);
    expect(restarted.check()).toMatchObject({ allowed: true });
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

import { describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../../common/config_schema';
import { clockOf } from '../../../core/pins/core_clock';
import { hashPin } from '../../../core/pins/pin_hash';
import { PinLock, type PinLockState } from '../../../core/pins/pin_lock';
import { PinSession } from '../../../core/pins/pin_session';

const PIN = '90817263';
const HASH = hashPin(PIN);

function session(idleMs = 600_000) {
  const clock = { now: Date.parse('2026-11-28T08:00:00Z') };
  let state: PinLockState = { failures: 0, lockMs: 0, lockedAt: 0 };
  // One test clock drives wall and monotonic time alike.
  const coreClock = clockOf(
    () => new Date(clock.now),
    () => clock.now,
  );
  const lock = new PinLock(
    {
      load: () => state,
      save: (next) => {
        state = next;
      },
    },
    coreClock,
  );
  return { clock, coreClock, staff: new PinSession(HASH, lock, coreClock, idleMs) };
}

describe('PinSession (staff and technician mode)', () => {
  it('opens with the right PIN only; the hash is scrypt and never contains the PIN', async () => {
    const { staff } = session();
    expect(HASH).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(HASH).not.toContain(PIN);
    expect(await staff.unlock('90817264')).toEqual({ ok: false, reason: 'wrong_pin', triesLeft: 4 });
    expect(staff.isUnlocked()).toBe(false);
    expect(await staff.unlock(PIN)).toEqual({ ok: true, reason: 'unlocked' });
    expect(staff.isUnlocked()).toBe(true);
    staff.lock();
    expect(staff.touch()).toBe(false);
  });

  it('locks out 15 s after the 5th wrong PIN, then 30 s, without checking the PIN meanwhile', async () => {
    const { staff, clock } = session();
    for (let i = 0; i < 4; i++) await staff.unlock('000000');
    expect(await staff.unlock('000000')).toEqual({ ok: false, reason: 'locked_out', retryAfterSeconds: 15 });
    clock.now += 14_000;
    expect(await staff.unlock(PIN)).toEqual({ ok: false, reason: 'locked_out', retryAfterSeconds: 1 });
    clock.now += 1_000;
    expect(await staff.unlock('000000')).toEqual({ ok: false, reason: 'locked_out', retryAfterSeconds: 30 });
    clock.now += 30_000;
    expect(await staff.unlock(PIN)).toMatchObject({ ok: true });
  });

  it('closes itself after the idle time; activity (touch) moves the deadline', async () => {
    const { staff, clock } = session(600_000);
    await staff.unlock(PIN);
    clock.now += 599_999;
    expect(staff.touch()).toBe(true);
    clock.now += 599_999;
    expect(staff.isUnlocked()).toBe(true);
    clock.now += 1;
    expect(staff.isUnlocked()).toBe(false);
    expect(staff.touch()).toBe(false);
  });

  it('is closed without a provisioned hash; the provisioning refuses a PIN in clear text', async () => {
    const { coreClock } = session();
    const lock = new PinLock(
      { load: () => ({ failures: 0, lockMs: 0, lockedAt: 0 }), save: () => {} },
      coreClock,
    );
    expect(await new PinSession(null, lock, coreClock).unlock(PIN)).toEqual({
      ok: false,
      reason: 'not_configured',
    });
    const base = {
      terminalId: 't1',
      centre: { id: 'c1', name: 'C' },
      platformLevel: 'city',
      hubUrl: 'http://127.0.0.1:8787',
    };
    expect(kioskConfigSchema.safeParse({ ...base, staff: { pinHash: PIN } }).success).toBe(false);
    const parsed = kioskConfigSchema.safeParse({ ...base, staff: { pinHash: HASH } });
    expect(parsed.success && parsed.data.staff).toEqual({ id: 'front-desk', pinHash: HASH });
  });
});

import { verifyPin } from './pin_hash';
import type { PinLock } from './pin_lock';

export const STAFF_IDLE_LOCK_MS = 10 * 60 * 1000;

export type UnlockOutcome =
  | { ok: true; reason: 'unlocked' }
  | { ok: false; reason: 'wrong_pin'; triesLeft: number }
  | { ok: false; reason: 'locked_out'; retryAfterSeconds: number }
  | { ok: false; reason: 'not_configured' };

/**
 * Whether staff mode is open: unlocked by the staff PIN (scrypt hash, lockout shared with the technician
 * PIN through `PinLock`), closed by `lock()` or after `idleMs` without a staff action.
 */
export class StaffSession {
  private unlockedUntil = 0;

  constructor(
    private readonly pinHash: string | null,
    private readonly pinLock: PinLock,
    private readonly now: () => Date,
    private readonly idleMs = STAFF_IDLE_LOCK_MS,
  ) {}

  get configured(): boolean {
    return this.pinHash !== null;
  }

  async unlock(pin: string): Promise<UnlockOutcome> {
    if (!this.pinHash) return { ok: false, reason: 'not_configured' };
    const attempt = this.pinLock.check();
    if (!attempt.allowed) return lockedOut(attempt.retryAfterMs);
    if (!(await verifyPin(pin, this.pinHash))) {
      const triesLeft = this.pinLock.fail();
      const after = this.pinLock.check();
      return after.allowed ? { ok: false, reason: 'wrong_pin', triesLeft } : lockedOut(after.retryAfterMs);
    }
    this.pinLock.succeed();
    this.unlockedUntil = this.now().getTime() + this.idleMs;
    return { ok: true, reason: 'unlocked' };
  }

  lock(): void {
    this.unlockedUntil = 0;
  }

  /** Open now? Does not count as activity. */
  isUnlocked(): boolean {
    return this.now().getTime() < this.unlockedUntil;
  }

  /** Open now? A staff action keeps it open for another `idleMs`. */
  touch(): boolean {
    if (!this.isUnlocked()) return false;
    this.unlockedUntil = this.now().getTime() + this.idleMs;
    return true;
  }
}

function lockedOut(retryAfterMs: number): UnlockOutcome {
  return { ok: false, reason: 'locked_out', retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

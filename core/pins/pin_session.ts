import type { PinUnlockResult } from '../../common/contract/pin_unlock';
import type { CoreClock } from './core_clock';
import { verifyPin } from './pin_hash';
import type { PinLock } from './pin_lock';

/** Staff and technician modes close after this long without a call of theirs. */
export const PIN_IDLE_LOCK_MS = 10 * 60 * 1000;

/**
 * A PIN-protected mode (staff, technician): unlocked by its PIN (scrypt hash from the provisioning, lockout
 * through `PinLock`), closed by `lock()` or after `idleMs` without activity. The dispatcher asks `touch()`
 * before running any method of the mode's role.
 */
export class PinSession {
  private unlockedUntil = 0;

  constructor(
    private readonly pinHash: string | null,
    private readonly pinLock: PinLock,
    private readonly clock: CoreClock,
    private readonly idleMs = PIN_IDLE_LOCK_MS,
  ) {}

  get configured(): boolean {
    return this.pinHash !== null;
  }

  async unlock(pin: string): Promise<PinUnlockResult> {
    if (!this.pinHash) return { ok: false, reason: 'not_configured' };
    // Reserved before the slow hash: parallel guesses cannot all slip past the count.
    const attempt = this.pinLock.reserve();
    if (!attempt.allowed) return lockedOut(attempt.retryAfterMs);
    if (!(await verifyPin(pin, this.pinHash))) {
      const after = this.pinLock.check();
      return after.allowed
        ? { ok: false, reason: 'wrong_pin', triesLeft: attempt.triesLeft }
        : lockedOut(after.retryAfterMs);
    }
    this.pinLock.succeed();
    this.unlockedUntil = this.clock.monotonicMs() + this.idleMs;
    return { ok: true, reason: 'unlocked' };
  }

  lock(): void {
    this.unlockedUntil = 0;
  }

  /** Open now? Does not count as activity. */
  isUnlocked(): boolean {
    return this.clock.monotonicMs() < this.unlockedUntil;
  }

  /** Open now? Activity keeps it open for another `idleMs`. */
  touch(): boolean {
    if (!this.isUnlocked()) return false;
    this.unlockedUntil = this.clock.monotonicMs() + this.idleMs;
    return true;
  }
}

function lockedOut(retryAfterMs: number): PinUnlockResult {
  return { ok: false, reason: 'locked_out', retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

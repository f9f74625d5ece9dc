import type { KioskDatabase } from '../storage/database';
import type { CoreClock } from './core_clock';

export const MAX_FREE_TRIES = 5;
export const FIRST_LOCKOUT_MS = 15_000;
export const MAX_LOCKOUT_MS = 60 * 60 * 1000;

/**
 * What is kept across restarts: wrong tries since the last right PIN, and the current lockout as a duration
 * (`lockMs`) that began at wall time `lockedAt`. Never an absolute end time: a clock correction must not turn
 * a 15-second lockout into a 10-year one.
 */
export interface PinLockState {
  failures: number;
  lockMs: number;
  lockedAt: number;
}

/** Where a PIN lock keeps its state: persisted, so restarting the app does not reset the count. */
export interface PinLockStore {
  load(): PinLockState;
  save(state: PinLockState): void;
}

export type PinAttempt = { allowed: true; triesLeft: number } | { allowed: false; retryAfterMs: number };

const OPEN: PinLockState = { failures: 0, lockMs: 0, lockedAt: 0 };

function lockoutFor(failures: number): number {
  const over = failures - MAX_FREE_TRIES;
  return over < 0 ? 0 : Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** Math.min(over, 20));
}

/**
 * Lockout for a PIN (staff, technician): 5 wrong tries are free, the 5th locks for 15 s, and every further
 * wrong try doubles the lockout (30 s, 1 min, …, at most 1 h). A right PIN resets it.
 *
 * An attempt is *reserved* — counted as wrong — before the slow hash runs, synchronously, so however many
 * guesses arrive at once only the free tries are ever evaluated. Lockouts run on the monotonic clock; after
 * a restart the wall clock may only shorten what is left of a lockout, never lengthen it.
 */
export class PinLock {
  private state: PinLockState;
  /** Monotonic time at which the current lockout ends (0: none). */
  private lockedUntil = 0;

  constructor(
    private readonly store: PinLockStore,
    private readonly clock: CoreClock,
  ) {
    this.state = store.load();
    if (this.state.lockMs > 0) {
      const elapsed = clock.wallMs() - this.state.lockedAt;
      const left = elapsed >= 0 ? this.state.lockMs - elapsed : this.state.lockMs;
      this.lockedUntil = clock.monotonicMs() + Math.min(this.state.lockMs, Math.max(0, left));
    }
  }

  private waitMs(): number {
    return Math.max(0, this.lockedUntil - this.clock.monotonicMs());
  }

  check(): PinAttempt {
    const wait = this.waitMs();
    return wait > 0
      ? { allowed: false, retryAfterMs: wait }
      : { allowed: true, triesLeft: Math.max(0, MAX_FREE_TRIES - this.state.failures) };
  }

  /**
   * Takes one attempt, counted as a wrong PIN until `succeed()`; refused while locked. `triesLeft` is what
   * remains if this attempt turns out wrong (0: it starts a lockout).
   */
  reserve(): PinAttempt {
    const wait = this.waitMs();
    if (wait > 0) return { allowed: false, retryAfterMs: wait };
    const failures = this.state.failures + 1;
    const lockMs = lockoutFor(failures);
    this.state = { failures, lockMs, lockedAt: lockMs > 0 ? this.clock.wallMs() : 0 };
    this.lockedUntil = lockMs > 0 ? this.clock.monotonicMs() + lockMs : 0;
    this.store.save(this.state);
    return { allowed: true, triesLeft: Math.max(0, MAX_FREE_TRIES - failures) };
  }

  succeed(): void {
    this.state = OPEN;
    this.lockedUntil = 0;
    this.store.save(OPEN);
  }
}

/** A PinLockStore in the kiosk's settings table, one key per PIN (`pin_lock.technician`, `pin_lock.staff`). */
export function settingsPinLockStore(db: KioskDatabase, name: string): PinLockStore {
  const key = `pin_lock.${name}`;
  const read = db.prepare('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    load: () => {
      const row = read.get(key) as { value: string } | undefined;
      if (!row) return OPEN;
      const parsed = JSON.parse(row.value) as Partial<PinLockState>;
      const failures = Number(parsed.failures) || 0;
      // A record from before lockouts were durations (it held an absolute `lockedUntil`): its lockout
      // restarts with the length its count gives, instead of trusting the old end time.
      const lockMs = Number(parsed.lockMs ?? lockoutFor(failures)) || 0;
      // Without a start time the lockout counts as just begun (a start in the future means exactly that).
      const lockedAt = parsed.lockedAt === undefined ? Number.MAX_SAFE_INTEGER : Number(parsed.lockedAt) || 0;
      return { failures, lockMs: Math.min(MAX_LOCKOUT_MS, lockMs), lockedAt };
    },
    save: (state) => void write.run(key, JSON.stringify(state)),
  };
}

import type { KioskDatabase } from '../storage/database';

export const MAX_FREE_TRIES = 5;
export const FIRST_LOCKOUT_MS = 15_000;
export const MAX_LOCKOUT_MS = 60 * 60 * 1000;

export interface PinLockState {
  failures: number;
  lockedUntil: number;
}

/** Where a PIN lock keeps its state: persisted, so restarting the app does not reset the count. */
export interface PinLockStore {
  load(): PinLockState;
  save(state: PinLockState): void;
}

export type PinAttempt = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Lockout for any PIN (technician now, staff mode later): 5 wrong tries are free, the 5th locks for 15 s,
 * and every further wrong try doubles the lockout (30 s, 1 min, …, at most 1 h). A right PIN resets it.
 * While locked, the PIN is not even checked, so a lockout cannot be used to probe.
 */
export class PinLock {
  constructor(
    private readonly store: PinLockStore,
    private readonly now: () => Date,
  ) {}

  check(): PinAttempt {
    const wait = this.store.load().lockedUntil - this.now().getTime();
    return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
  }

  /** Records a wrong PIN; returns how many tries remain before the next lockout (0 when now locked). */
  fail(): number {
    const failures = this.store.load().failures + 1;
    const over = failures - MAX_FREE_TRIES;
    const lockedUntil =
      over >= 0
        ? this.now().getTime() + Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** Math.min(over, 20))
        : 0;
    this.store.save({ failures, lockedUntil });
    return Math.max(0, MAX_FREE_TRIES - failures);
  }

  succeed(): void {
    this.store.save({ failures: 0, lockedUntil: 0 });
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
      if (!row) return { failures: 0, lockedUntil: 0 };
      const parsed = JSON.parse(row.value) as Partial<PinLockState>;
      return { failures: Number(parsed.failures) || 0, lockedUntil: Number(parsed.lockedUntil) || 0 };
    },
    save: (state) => void write.run(key, JSON.stringify(state)),
  };
}

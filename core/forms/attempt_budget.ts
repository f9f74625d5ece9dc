import type { CoreClock } from '../pins/core_clock';
import type { KioskDatabase } from '../storage/database';

/** Wrong retrieval codes a terminal takes at once, and how fast that allowance comes back. */
export const ATTEMPT_CAPACITY = 10;
export const ATTEMPT_REFILL_MS = 60_000;

export type AttemptCheck = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * A persisted allowance of wrong guesses (a token bucket): 10 at once, then one more a minute — at most
 * 1,440 wrong codes a day however the guesses are spread, and kept across restarts. A right code costs
 * nothing. Whoever types a right code waits at most one refill (a minute) after someone else's guessing,
 * never longer: nobody is locked out.
 */
export class AttemptBudget {
  private tokens: number;
  private refilledAt: number;
  private readonly read;
  private readonly write;

  constructor(
    db: KioskDatabase,
    private readonly name: string,
    private readonly clock: CoreClock,
  ) {
    this.read = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.write = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    const row = this.read.get(this.key) as { value: string } | undefined;
    const saved = row ? Number((JSON.parse(row.value) as { tokens?: unknown }).tokens) : Number.NaN;
    // After a restart the saved allowance counts as it was: time the kiosk was off refills nothing.
    this.tokens = Number.isFinite(saved) ? Math.min(ATTEMPT_CAPACITY, Math.max(0, saved)) : ATTEMPT_CAPACITY;
    this.refilledAt = clock.monotonicMs();
  }

  private get key(): string {
    return `retrieval_attempts.${this.name}`;
  }

  private refill(): void {
    const now = this.clock.monotonicMs();
    this.tokens = Math.min(ATTEMPT_CAPACITY, this.tokens + (now - this.refilledAt) / ATTEMPT_REFILL_MS);
    this.refilledAt = now;
  }

  /** May a code be tried now? */
  check(): AttemptCheck {
    this.refill();
    return this.tokens >= 1
      ? { ok: true }
      : { ok: false, retryAfterMs: Math.ceil((1 - this.tokens) * ATTEMPT_REFILL_MS) };
  }

  /** A code turned out wrong: it uses up one guess. */
  spend(): void {
    this.refill();
    this.tokens = Math.max(0, this.tokens - 1);
    this.write.run(this.key, JSON.stringify({ tokens: this.tokens }));
  }
}

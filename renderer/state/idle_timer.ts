/**
 * The idle timeout (ACCESSIBILITY.md row 20): after `idleSeconds` without input a warning with a countdown of
 * `warningSeconds`; `extend()` (one action) returns to normal any number of times; when the countdown runs out
 * `onExpire` ends the session. While `isExempt()` (staff mode) the timer never warns.
 */
export type IdlePhase = { phase: 'active' } | { phase: 'warning'; secondsLeft: number };

export interface IdleTimerOptions {
  idleSeconds: number;
  warningSeconds: number;
  onExpire: () => void;
  isExempt?: () => boolean;
}

export class IdleTimer {
  private phase: IdlePhase = { phase: 'active' };
  private idleTimeout: ReturnType<typeof setTimeout> | undefined;
  private countdown: ReturnType<typeof setInterval> | undefined;
  private readonly listeners = new Set<() => void>();
  private running = false;

  constructor(private readonly options: IdleTimerOptions) {}

  getPhase = (): IdlePhase => this.phase;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(): void {
    this.running = true;
    this.restartIdle();
  }

  stop(): void {
    this.running = false;
    this.clearTimers();
    this.setPhase({ phase: 'active' });
  }

  /** Any input while the visitor is active. During the warning only `extend()` counts, so a stray touch
   * behind the dialog cannot silently cancel what the visitor is being told. */
  activity(): void {
    if (!this.running || this.phase.phase === 'warning') return;
    this.restartIdle();
  }

  /** "Continue": closes the warning and starts a fresh idle period. */
  extend(): void {
    if (!this.running) return;
    this.clearTimers();
    this.setPhase({ phase: 'active' });
    this.restartIdle();
  }

  private restartIdle(): void {
    this.clearTimers();
    this.idleTimeout = setTimeout(() => this.warn(), this.options.idleSeconds * 1000);
  }

  private warn(): void {
    if (this.options.isExempt?.()) {
      this.restartIdle();
      return;
    }
    this.setPhase({ phase: 'warning', secondsLeft: this.options.warningSeconds });
    this.countdown = setInterval(() => {
      if (this.phase.phase !== 'warning') return;
      const secondsLeft = this.phase.secondsLeft - 1;
      if (secondsLeft > 0) {
        this.setPhase({ phase: 'warning', secondsLeft });
        return;
      }
      this.clearTimers();
      this.setPhase({ phase: 'active' });
      this.options.onExpire();
      if (this.running) this.restartIdle();
    }, 1000);
  }

  private clearTimers(): void {
    clearTimeout(this.idleTimeout);
    clearInterval(this.countdown);
    this.idleTimeout = undefined;
    this.countdown = undefined;
  }

  private setPhase(phase: IdlePhase): void {
    this.phase = phase;
    for (const listener of this.listeners) listener();
  }
}

import type { Logger } from '../../node_shared/logger';

/** If no renderer reports its first screen (a crash page, no window at all), background work starts anyway. */
export const FIRST_SCREEN_FALLBACK_MS = 10_000;

interface Task {
  name: string;
  run: () => Promise<unknown>;
}

/**
 * Background work that must never compete with the visitor's first screen for the CPU of a weak terminal:
 * the speech pre-render, warming the print renderer, the directory's search spellings. It starts when the
 * renderer reports the first screen usable (`system.ready`), or after a fallback delay.
 */
export class AfterFirstScreen {
  private readonly tasks: Task[] = [];
  private started = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly logger: Logger,
    fallbackMs = FIRST_SCREEN_FALLBACK_MS,
  ) {
    this.timer = setTimeout(() => this.start(), fallbackMs);
    this.timer.unref();
  }

  /** Runs `run` once the first screen is up (at once if it already is). */
  add(name: string, run: () => Promise<unknown>): void {
    if (this.started) this.run({ name, run });
    else this.tasks.push({ name, run });
  }

  /** The first screen is up: start what waited (only the first call does anything). */
  start(): void {
    if (this.started) return;
    this.started = true;
    clearTimeout(this.timer);
    for (const task of this.tasks.splice(0)) this.run(task);
  }

  close(): void {
    clearTimeout(this.timer);
    this.tasks.length = 0;
  }

  private run(task: Task): void {
    try {
      void task.run().catch((error: unknown) => this.failed(task.name, error));
    } catch (error) {
      this.failed(task.name, error);
    }
  }

  private failed(name: string, error: unknown): void {
    this.logger.error('startup.background_failed', {
      task: name,
      error: error instanceof Error ? error.name : 'unknown',
    });
  }
}

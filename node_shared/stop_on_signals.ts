import type { Logger } from './logger';

/** How long a clean stop may take before the process leaves anyway (a supervisor waits about this long). */
export const STOP_DEADLINE_MS = 8_000;

/**
 * Runs `close` once on SIGINT or SIGTERM, then exits 0. A close that hangs (a print browser that never
 * answers, a database that never returns) does not keep the process alive: after `deadlineMs` it exits 1
 * and Playwright's exit hook kills any browser it started, so nothing is left running behind it.
 */
export function stopOnSignals(
  close: () => Promise<unknown>,
  options: { logger: Logger; deadlineMs?: number },
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const deadlineMs = options.deadlineMs ?? STOP_DEADLINE_MS;
    setTimeout(() => {
      options.logger.error('process.stop_forced', { signal, deadlineMs });
      process.exit(1);
    }, deadlineMs).unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        options.logger.error('process.stop_failed', {
          signal,
          error: error instanceof Error ? error.name : 'unknown',
        });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

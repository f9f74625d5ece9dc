export type CrashAction = 'reload' | 'show_error';

export interface CrashRecoveryOptions {
  /** Crashes within the window that switch from reloading to the staff error page. */
  limit: number;
  windowMs: number;
  now: () => number;
}

export const DEFAULT_CRASH_LIMIT = { limit: 3, windowMs: 5 * 60_000 } as const;

/**
 * Counts crashes in a sliding window: a lone crash reloads the page (the visitor barely notices); the
 * `limit`-th crash within `windowMs` shows the staff-visible error page instead of reloading forever.
 */
export function createCrashRecovery(options: CrashRecoveryOptions) {
  let times: number[] = [];
  return {
    record(): CrashAction {
      const now = options.now();
      times = times.filter((at) => now - at < options.windowMs);
      times.push(now);
      return times.length >= options.limit ? 'show_error' : 'reload';
    },
    /** Crashes counted in the current window. */
    recentCount(): number {
      const now = options.now();
      return times.filter((at) => now - at < options.windowMs).length;
    },
  };
}

export type CrashRecovery = ReturnType<typeof createCrashRecovery>;

/** A child process that exits cleanly (utility services finishing) is not a crash. */
export function isAbnormalExit(reason: string): boolean {
  return reason !== 'clean-exit';
}

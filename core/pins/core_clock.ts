/**
 * The core's two clocks. Wall time (`wallMs`) is what is written on records and shown; it can jump when the
 * OS corrects it. Monotonic time (`monotonicMs`) only moves forward with real time, so durations — PIN
 * lockouts, idle locks — are measured with it.
 */
export interface CoreClock {
  wallMs(): number;
  monotonicMs(): number;
}

export function clockOf(now: () => Date, monotonicMs: () => number = () => performance.now()): CoreClock {
  return { wallMs: () => now().getTime(), monotonicMs };
}

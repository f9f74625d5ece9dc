/**
 * Playback rate and volume steps of the speech output (ACCESSIBILITY.md rows 14 and 15).
 * Rate: 0.5×–2.0× in 7 steps, default 1.0×, pitch preserved by the player. Volume: 9 steps of gain.
 */
export const RATE_STEPS = [0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0] as const;
export const DEFAULT_RATE_STEP = 3;

export const VOLUME_STEPS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0] as const;
export const DEFAULT_VOLUME_STEP = 5;

/** Keeps a step index inside a table (the keypad's + and − stop at the ends instead of wrapping). */
export function clampStep(step: number, table: readonly number[]): number {
  if (!Number.isFinite(step)) return 0;
  return Math.min(table.length - 1, Math.max(0, Math.trunc(step)));
}

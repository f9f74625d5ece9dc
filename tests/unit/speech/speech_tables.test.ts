import { describe, expect, it } from 'vitest';
import {
  clampStep,
  DEFAULT_RATE_STEP,
  DEFAULT_VOLUME_STEP,
  RATE_STEPS,
  VOLUME_STEPS,
} from '../../../common/speech/speech_tables';

describe('rate and volume tables (ACCESSIBILITY.md rows 14, 15)', () => {
  it('rate: 7 rising steps from 0.5× to 2.0×, default 1.0×', () => {
    expect(RATE_STEPS).toHaveLength(7);
    expect(RATE_STEPS[0]).toBe(0.5);
    expect(RATE_STEPS[RATE_STEPS.length - 1]).toBe(2);
    expect(RATE_STEPS[DEFAULT_RATE_STEP]).toBe(1);
    for (let i = 1; i < RATE_STEPS.length; i++) expect(RATE_STEPS[i]!).toBeGreaterThan(RATE_STEPS[i - 1]!);
  });

  it('volume: at least 8 rising steps within 0–1, audible at the lowest, default below the top', () => {
    expect(VOLUME_STEPS.length).toBeGreaterThanOrEqual(8);
    expect(VOLUME_STEPS[0]!).toBeGreaterThan(0);
    expect(VOLUME_STEPS[VOLUME_STEPS.length - 1]).toBe(1);
    expect(DEFAULT_VOLUME_STEP).toBeLessThan(VOLUME_STEPS.length - 1);
    for (let i = 1; i < VOLUME_STEPS.length; i++)
      expect(VOLUME_STEPS[i]!).toBeGreaterThan(VOLUME_STEPS[i - 1]!);
  });

  it('steps stop at the ends instead of wrapping, and nonsense becomes the lowest step', () => {
    expect(clampStep(-3, RATE_STEPS)).toBe(0);
    expect(clampStep(99, RATE_STEPS)).toBe(6);
    expect(clampStep(2.7, RATE_STEPS)).toBe(2);
    expect(clampStep(Number.NaN, VOLUME_STEPS)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import {
  CAP_HEIGHT_MM,
  capHeightMm,
  DEFAULT_SCREEN,
  fontSizePx,
  pixelsPerMillimetre,
  type ScreenGeometry,
  TEXT_SIZE_IDS,
} from '../../../renderer/a11y/text_sizes';
import { FACTORY_SETTINGS } from '../../../renderer/state/session_store';

const SCREENS: ScreenGeometry[] = [
  DEFAULT_SCREEN,
  { diagonalInches: 21.5, widthPx: 1080, heightPx: 1920 },
  { diagonalInches: 32, widthPx: 3840, heightPx: 2160 },
  { diagonalInches: 15.6, widthPx: 1366, heightPx: 768 },
];

describe('text sizes in millimetres', () => {
  it('has the four steps of ACCESSIBILITY.md row 4', () => {
    expect(TEXT_SIZE_IDS).toEqual(['S', 'M', 'L', 'XL']);
    expect(CAP_HEIGHT_MM).toEqual({ S: [3.5, 4.2], M: [4.8, 5.6], L: [6.4, 7.1], XL: [8.5, 9.0] });
  });

  it('computes the density of the declared 23.8" full-HD panel (≈ 3.64 px/mm)', () => {
    expect(pixelsPerMillimetre(DEFAULT_SCREEN)).toBeCloseTo(2202.9 / 604.52, 2);
  });

  it.each(
    SCREENS.map((screen) => [`${screen.diagonalInches}" ${screen.widthPx}×${screen.heightPx}`, screen]),
  )('on %s every step lands inside its capital-height range', (_name, screen) => {
    for (const size of TEXT_SIZE_IDS) {
      const [low, high] = CAP_HEIGHT_MM[size];
      const cap = capHeightMm(fontSizePx(size, screen), screen);
      expect(cap, size).toBeGreaterThanOrEqual(low);
      expect(cap, size).toBeLessThanOrEqual(high);
    }
  });

  it('a denser screen needs more pixels for the same millimetres', () => {
    const fullHd = fontSizePx('M', DEFAULT_SCREEN);
    const uhd = fontSizePx('M', { diagonalInches: 23.8, widthPx: 3840, heightPx: 2160 });
    expect(uhd / fullHd).toBeCloseTo(2, 1);
  });

  it('the default is M or larger, and the largest step is ≥ 30 px on the reference panel (elder mode)', () => {
    expect(TEXT_SIZE_IDS.indexOf(FACTORY_SETTINGS.textSize)).toBeGreaterThanOrEqual(1);
    expect(fontSizePx('XL', DEFAULT_SCREEN)).toBeGreaterThanOrEqual(30);
  });
});

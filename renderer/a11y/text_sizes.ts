/**
 * Text sizes by capital-letter height in millimetres (ACCESSIBILITY.md row 4), turned into CSS pixels
 * from the terminal's declared screen. Everything else (targets, spacing) is derived in `em`.
 */
export const TEXT_SIZE_IDS = ['S', 'M', 'L', 'XL'] as const;
export type TextSizeId = (typeof TEXT_SIZE_IDS)[number];

/** Allowed capital-height range per step, in mm; we aim at the middle. */
export const CAP_HEIGHT_MM: Record<TextSizeId, readonly [number, number]> = {
  S: [3.5, 4.2],
  M: [4.8, 5.6],
  L: [6.4, 7.1],
  XL: [8.5, 9.0],
};

/** Cap height of Noto Sans as a fraction of the font size (714/1000 units). */
export const CAP_HEIGHT_RATIO = 0.714;

export interface ScreenGeometry {
  diagonalInches: number;
  widthPx: number;
  heightPx: number;
}

export function pixelsPerMillimetre(screen: ScreenGeometry): number {
  const diagonalPx = Math.hypot(screen.widthPx, screen.heightPx);
  return diagonalPx / (screen.diagonalInches * 25.4);
}

/** CSS font size (px) whose capital letters are the middle of the step's range on this screen. */
export function fontSizePx(size: TextSizeId, screen: ScreenGeometry): number {
  const [low, high] = CAP_HEIGHT_MM[size];
  const capMm = (low + high) / 2;
  return Math.round(((capMm * pixelsPerMillimetre(screen)) / CAP_HEIGHT_RATIO) * 10) / 10;
}

export function capHeightMm(fontPx: number, screen: ScreenGeometry): number {
  return (fontPx * CAP_HEIGHT_RATIO) / pixelsPerMillimetre(screen);
}

export const DEFAULT_SCREEN: ScreenGeometry = { diagonalInches: 23.8, widthPx: 1920, heightPx: 1080 };

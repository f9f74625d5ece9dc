/**
 * The compact text form of reference strokes shipped to the renderer (`assets/input/handwriting_strokes.json`,
 * written by `scripts/build_handwriting_data.ts`): per character its strokes in writing order, each a polyline
 * whose points are two symbols of a 64-letter alphabet (x, y on a 64×64 grid, y downwards), strokes separated
 * by a space. 鑫's first stroke "UCSGOKHP…" is (20, 2), (18, 6), …
 */
export type Point = readonly [x: number, y: number];
export type Stroke = readonly Point[];

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((symbol, value) => [symbol, value]));
/** The grid the codec stores points on. */
export const CODEC_GRID = ALPHABET.length;

export function encodeStrokes(strokes: readonly Stroke[]): string {
  const symbol = (v: number) => ALPHABET[Math.max(0, Math.min(CODEC_GRID - 1, Math.round(v)))]!;
  return strokes.map((stroke) => stroke.map(([x, y]) => symbol(x) + symbol(y)).join('')).join(' ');
}

export function decodeStrokes(text: string): Stroke[] {
  return text.split(' ').map((part) => {
    const points: Point[] = [];
    for (let i = 0; i + 1 < part.length; i += 2)
      points.push([VALUE.get(part[i]!) ?? 0, VALUE.get(part[i + 1]!) ?? 0]);
    return points;
  });
}

